//! Every operation of the API in one table: method, path template and what the body is.
//! Paths marked inferred in the contract (`spec/account-management.yaml`) are corrected here only.

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
    pub name: &'static str,
    pub method: Method,
    /// Path below the base URL; `{…}` marks a path parameter.
    pub path: &'static str,
    pub returns: Returns,
}

const fn json(name: &'static str, method: Method, path: &'static str) -> Route {
    Route {
        name,
        method,
        path,
        returns: Returns::Json,
    }
}

use Method::*;

pub const LIST_ACCOUNTS: Route = json("accounts.list", Get, "/accounts");
pub const CREATE_ACCOUNT: Route = json("accounts.create", Post, "/accounts");
pub const GET_ACCOUNT: Route = json("accounts.get", Get, "/accounts/{accountId}");
pub const UPDATE_ACCOUNT: Route = json("accounts.update", Put, "/accounts/{accountId}");
pub const DELETE_ACCOUNT: Route = json("accounts.delete", Delete, "/accounts/{accountId}");
pub const UNDELETE_ACCOUNT: Route =
    json("accounts.undelete", Post, "/accounts/{accountId}/undelete");
pub const LIST_CONTACTS: Route = json("contacts.list", Get, "/contacts");
pub const CREATE_CONTACT: Route = json("contacts.create", Post, "/contacts");
pub const GET_CONTACT: Route = json("contacts.get", Get, "/contacts/{contactId}");
pub const UPDATE_CONTACT: Route = json("contacts.update", Put, "/contacts/{contactId}");
pub const PATCH_CONTACT: Route = json("contacts.patch", Patch, "/contacts/{contactId}");
pub const LIST_INVOICES: Route = json("invoices.list", Get, "/invoices");
pub const GET_INVOICE: Route = json("invoices.get", Get, "/invoices/{invoiceNumber}");
pub const DOWNLOAD_INVOICE: Route = Route {
    name: "invoices.download",
    method: Get,
    path: "/invoices/{invoiceNumber}/pdf",
    returns: Returns::Bytes,
};
pub const LIST_ORGANIZATIONS: Route = json("organizations.list", Get, "/organizations");
pub const CREATE_ORGANIZATION: Route = json("organizations.create", Post, "/organizations");
pub const GET_ORGANIZATION: Route =
    json("organizations.get", Get, "/organizations/{organizationId}");
pub const UPDATE_ORGANIZATION: Route = json(
    "organizations.update",
    Put,
    "/organizations/{organizationId}",
);

/// The whole table, for tests and tools that walk every operation.
pub const ALL: [Route; 18] = [
    LIST_ACCOUNTS,
    CREATE_ACCOUNT,
    GET_ACCOUNT,
    UPDATE_ACCOUNT,
    DELETE_ACCOUNT,
    UNDELETE_ACCOUNT,
    LIST_CONTACTS,
    CREATE_CONTACT,
    GET_CONTACT,
    UPDATE_CONTACT,
    PATCH_CONTACT,
    LIST_INVOICES,
    GET_INVOICE,
    DOWNLOAD_INVOICE,
    LIST_ORGANIZATIONS,
    CREATE_ORGANIZATION,
    GET_ORGANIZATION,
    UPDATE_ORGANIZATION,
];

impl Route {
    /// The path with each `{…}` replaced, in order, by a percent-encoded `params` item.
    /// Callers check ids with [`check_id`] first.
    pub fn fill(&self, params: &[&str]) -> String {
        let mut out = String::with_capacity(self.path.len() + 32);
        let mut params = params.iter();
        let mut rest = self.path;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').map_or(rest.len(), |i| open + i + 1);
            if let Some(param) = params.next() {
                encode_component(param, &mut out);
            }
            rest = &rest[close..];
        }
        out.push_str(rest);
        out
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
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0xF)] as char);
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
        assert_eq!(GET_ACCOUNT.fill(&["a-ppge-1"]), "/accounts/a-ppge-1");
        assert_eq!(
            GET_ACCOUNT.fill(&["../accounts?x#y"]),
            "/accounts/..%2Faccounts%3Fx%23y"
        );
        assert_eq!(
            UNDELETE_ACCOUNT.fill(&["a b/c"]),
            "/accounts/a%20b%2Fc/undelete"
        );
        assert_eq!(GET_CONTACT.fill(&["100%"]), "/contacts/100%25");
        assert_eq!(GET_INVOICE.fill(&["å"]), "/invoices/%C3%A5");
        assert_eq!(LIST_ACCOUNTS.fill(&[]), "/accounts");
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
        assert_eq!(UNDELETE_ACCOUNT.params().collect::<Vec<_>>(), ["accountId"]);
        assert_eq!(LIST_INVOICES.params().count(), 0);
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
        let unsafe_methods: Vec<_> = [Get, Post, Put, Patch, Delete]
            .into_iter()
            .filter(|m| !m.is_idempotent())
            .collect();
        assert_eq!(unsafe_methods, [Post, Patch]);
    }
}
