//! Every operation of the API in one table: method, path template and what the body is.
//! Paths marked inferred in the contract (`spec/account-management.yaml`) are corrected here only.

use crate::model::schema::Document;
use crate::model::*;
use crate::validate::{Body, NoBody};

/// HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Sending the request twice has the same effect as once (RFC 9110 §9.2.2).
    pub const fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }
}

/// What a successful response carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Returns {
    Json,
    /// A document (the invoice PDF), returned as bytes.
    Bytes,
}

/// One operation of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    /// `namespace.method`, as `SignicatClient` exposes it, e.g. `accounts.list`.
    pub name: &'static str,
    pub method: Method,
    /// Path below the base URL; `{…}` marks a path parameter.
    pub path: &'static str,
    /// Whether the request carries a JSON body.
    pub sends_body: bool,
    pub returns: Returns,
    /// Whether the answer is a page of a listing (so `listAll` applies).
    pub paged: bool,
}

/// Something done with an operation's types: reading its query, checking its body, decoding
/// its answer. [`Operation::visit`] calls it with the types the table gives the operation.
pub trait Visitor {
    type Output;
    fn visit<Q: Query, B: Body, R: Schema>(self, route: &'static Route) -> Self::Output;
}

/// Declares every operation once: its name, method, path, query parameters, request body
/// and response. The route table, the client's binding and the emulator's router come from it.
macro_rules! operations {
    ($($op:ident: $name:literal = $method:ident $path:literal, query $query:ty, body $body:ty, returns $returns:ty;)*) => {
        /// Every operation of the API.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Operation {
            $($op,)*
        }

        impl Operation {
            /// Every operation, in table order (the client's binding numbers them by it).
            pub const ALL: &'static [Operation] = &[$(Operation::$op,)*];

            pub const fn route(self) -> &'static Route {
                match self {
                    $(Operation::$op => {
                        const ROUTE: Route = Route {
                            name: $name,
                            method: Method::$method,
                            path: $path,
                            sends_body: <$body as Body>::SENT,
                            returns: <$returns as Schema>::RETURNS,
                            paged: <$returns as Schema>::PAGED,
                        };
                        &ROUTE
                    })*
                }
            }

            /// Calls `visitor` with the operation's query, body and response types.
            pub fn visit<T: Visitor>(self, visitor: T) -> T::Output {
                match self {
                    $(Operation::$op => visitor.visit::<$query, $body, $returns>(self.route()),)*
                }
            }
        }

        /// The whole table, for tests and tools that walk every operation.
        pub const ALL: &[Route] = &[$(*Operation::$op.route(),)*];
    };
}

operations! {
    ListAccounts: "accounts.list" = Get "/accounts", query ListAccountsParams, body NoBody, returns Page<Account>;
    CreateAccount: "accounts.create" = Post "/accounts", query NoParams, body CreateAccountRequest, returns Account;
    GetAccount: "accounts.get" = Get "/accounts/{accountId}", query GetAccountParams, body NoBody, returns Account;
    UpdateAccount: "accounts.update" = Put "/accounts/{accountId}", query NoParams, body UpdateAccountRequest, returns Account;
    DeleteAccount: "accounts.delete" = Delete "/accounts/{accountId}", query NoParams, body NoBody, returns Account;
    UndeleteAccount: "accounts.undelete" = Post "/accounts/{accountId}/undelete", query NoParams, body NoBody, returns Account;
    ListContacts: "contacts.list" = Get "/contacts", query ListParams, body NoBody, returns Page<Contact>;
    CreateContact: "contacts.create" = Post "/contacts", query NoParams, body ContactRequest, returns Contact;
    GetContact: "contacts.get" = Get "/contacts/{contactId}", query NoParams, body NoBody, returns Contact;
    UpdateContact: "contacts.update" = Put "/contacts/{contactId}", query NoParams, body ContactRequest, returns Contact;
    PatchContact: "contacts.patch" = Patch "/contacts/{contactId}", query NoParams, body ContactPatchRequest, returns Contact;
    ListInvoices: "invoices.list" = Get "/invoices", query ListInvoicesParams, body NoBody, returns Vec<InvoiceSummary>;
    GetInvoice: "invoices.get" = Get "/invoices/{invoiceNumber}", query NoParams, body NoBody, returns Invoice;
    DownloadInvoice: "invoices.download" = Get "/invoices/{invoiceNumber}/pdf", query NoParams, body NoBody, returns Document;
    ListOrganizations: "organizations.list" = Get "/organizations", query ListParams, body NoBody, returns Page<OrganizationSummary>;
    CreateOrganization: "organizations.create" = Post "/organizations", query NoParams, body CreateOrganizationRequest, returns Organization;
    GetOrganization: "organizations.get" = Get "/organizations/{organizationId}", query GetOrganizationParams, body NoBody, returns Organization;
    UpdateOrganization: "organizations.update" = Put "/organizations/{organizationId}", query NoParams, body UpdateOrganizationRequest, returns UpdatedOrganization;
}

impl Route {
    /// The path with each `{…}` replaced, in order, by a percent-encoded `params` item.
    /// Callers check ids with [`check_id`] first.
    pub fn fill(&self, params: &[&str]) -> String {
        let mut out = String::with_capacity(self.path.len() + 32);
        let mut params = params.iter();
        let mut parts = self.path.split('{');
        out.push_str(parts.next().unwrap_or_default());
        for part in parts {
            if let Some(param) = params.next() {
                encode_component(param, &mut out);
            }
            out.push_str(part.split_once('}').map_or("", |(_, rest)| rest));
        }
        out
    }

    /// The media type of a successful answer, for `Accept`.
    pub const fn accepts(&self) -> &'static str {
        match self.returns {
            Returns::Json => "application/json",
            Returns::Bytes => "application/pdf, application/problem+json",
        }
    }

    /// Names of the path parameters, e.g. `["accountId"]`.
    pub fn params(&self) -> impl Iterator<Item = &'static str> {
        self.path
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
    }
}

/// Why an id cannot be placed in a path, if it cannot.
/// `.` and `..` are refused because URL parsers resolve them as dot segments, even encoded.
pub fn check_id(id: &str) -> Result<(), &'static str> {
    match id.trim() {
        "" => Err("must not be empty"),
        "." | ".." => Err("must not be \".\" or \"..\""),
        _ if id.eq_ignore_ascii_case("%2e") || id.eq_ignore_ascii_case("%2e%2e") => {
            Err("must not be an encoded \".\" or \"..\"")
        }
        _ => Ok(()),
    }
}

/// RFC 3986 percent-encoding of everything but unreserved characters, so that
/// no `/`, `?`, `#` or `%` in a value can change which route a request reaches.
pub fn encode_component(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            for nibble in [byte >> 4, byte & 0xF] {
                out.push(char::from(
                    HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
                ));
            }
        }
    }
}

/// A query string (`?a=1&b=2`) from pairs, each part percent-encoded; empty when there are none.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (i, (name, value)) in pairs.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        encode_component(name, &mut out);
        out.push('=');
        encode_component(value, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_and_encodes_path_parameters() {
        use Operation::*;
        let fill = |op: Operation, ids: &[&str]| op.route().fill(ids);
        assert_eq!(fill(GetAccount, &["a-ppge-1"]), "/accounts/a-ppge-1");
        assert_eq!(
            fill(GetAccount, &["../accounts?x#y"]),
            "/accounts/..%2Faccounts%3Fx%23y"
        );
        assert_eq!(
            fill(UndeleteAccount, &["a b/c"]),
            "/accounts/a%20b%2Fc/undelete"
        );
        assert_eq!(fill(GetContact, &["100%"]), "/contacts/100%25");
        assert_eq!(fill(GetInvoice, &["å"]), "/invoices/%C3%A5");
        assert_eq!(fill(ListAccounts, &[]), "/accounts");
    }

    #[test]
    fn refuses_ids_that_would_be_dot_segments() {
        for bad in ["", " ", ".", "..", "%2e", "%2E%2e"] {
            assert!(check_id(bad).is_err(), "{bad:?}");
        }
        for good in ["a-ppge-1", "...", ".a", "../x"] {
            assert!(check_id(good).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn table_names_are_unique_and_params_are_listed() {
        let mut names: Vec<_> = ALL.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
        let params = |op: Operation| op.route().params().collect::<Vec<_>>();
        assert_eq!(params(Operation::UndeleteAccount), ["accountId"]);
        assert!(params(Operation::ListInvoices).is_empty());
    }

    #[test]
    fn builds_query_strings() {
        assert_eq!(query_string(&[]), "");
        assert_eq!(
            query_string(&[("limit", "50".into()), ("page", "a+b/=".into())]),
            "?limit=50&page=a%2Bb%2F%3D"
        );
    }

    #[test]
    fn only_post_and_patch_are_not_idempotent() {
        use Method::*;
        let unsafe_methods: Vec<_> = [Get, Post, Put, Patch, Delete]
            .into_iter()
            .filter(|m| !m.is_idempotent())
            .collect();
        assert_eq!(unsafe_methods, [Post, Patch]);
    }
}
