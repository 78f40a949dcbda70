//! `ClientCore`: every operation of the API, exported to the JS facade (`SignicatClient`).

use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::auth::{Auth, Source};
use super::call::{Call, Client, RequestOptions};
use super::convert::to_js;
use super::decode::{self, decode, decode_page, Decode};
use super::input::{body, path_ids, query, reject};
use super::js::in_browser;
use super::options::ClientOptions;
use crate::auth::Secret;
use crate::config::{self, CredentialOptions, Credentials};
use crate::error::Error;
use crate::model::*;
use crate::routes::{self, Route};
use crate::validate::Validate;

#[wasm_bindgen]
pub struct ClientCore {
    client: Rc<Client>,
}

const USER_AGENT: &str = concat!("signicat-account-management/", env!("CARGO_PKG_VERSION"));

impl ClientCore {
    /// Checks everything that can be checked before sending, then runs the call.
    fn run(
        &self,
        route: Route,
        ids: &[JsValue],
        query: Result<Vec<(&'static str, String)>, Error>,
        body: Result<Option<String>, Error>,
        options: &JsValue,
        decode: Decode,
    ) -> Promise {
        let prepared = (|| {
            let call = Call {
                route,
                ids: path_ids(&route, ids)?,
                query: query?,
                body: body?,
            };
            Ok::<_, Error>((call, RequestOptions::from_js(options)?))
        })();
        let (call, options) = match prepared {
            Ok(prepared) => prepared,
            Err(error) => return reject(error),
        };
        let client = Rc::clone(&self.client);
        future_to_promise(async move {
            let (response, cancel) = client.send(&call, options).await.map_err(|e| to_js(&e))?;
            let result = decode::answer(&route, &response, &cancel, decode).await;
            result.map_err(|e| to_js(&e.with_operation(route.name)))
        })
    }
}

#[wasm_bindgen]
impl ClientCore {
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "ClientOptions")] options: JsValue,
    ) -> Result<ClientCore, JsValue> {
        Self::build(options).map_err(|e| to_js(&e))
    }

    fn build(options: JsValue) -> Result<ClientCore, Error> {
        let options = ClientOptions::from_js(&options)?;
        let settings = config::settings(
            options.base_url,
            options.token_url,
            options.timeout_ms,
            options.max_retries,
        )?;
        let get_token = options.get_token;
        let fetch = options.fetch;
        let browser = in_browser();
        let credentials = config::credentials(CredentialOptions {
            client_id: options.client_id,
            client_secret: options.client_secret.map(Secret::new),
            access_token: options.access_token.map(Secret::new),
            has_provider: get_token.is_some(),
            in_browser: browser,
            dangerously_allow_browser: options.dangerously_allow_browser.unwrap_or(false),
        })?;
        let source = match (credentials, get_token) {
            (
                Credentials::ClientCredentials {
                    client_id,
                    client_secret,
                },
                _,
            ) => Auth::client_credentials(&client_id, &client_secret, settings.token_url.clone()),
            (Credentials::AccessToken(token), _) => Source::Fixed(token),
            (Credentials::Provider, Some(get_token)) => Source::Provider(get_token),
            (Credentials::Provider, None) => {
                return Err(Error::config("getToken must be a function"))
            }
        };
        let client = Client {
            auth: Auth::new(source, fetch.clone(), settings.timeout_ms),
            fetch,
            on_request: options.on_request,
            on_response: options.on_response,
            user_agent: (!browser).then(|| USER_AGENT.to_string()),
            settings,
        };
        Ok(ClientCore {
            client: Rc::new(client),
        })
    }

    #[wasm_bindgen(js_name = listAccounts, unchecked_return_type = "Promise<Page<Account>>")]
    pub fn list_accounts(&self, options: JsValue) -> Promise {
        self.send::<ListAccountsParams>(
            routes::LIST_ACCOUNTS,
            &[],
            &options,
            decode_page::<Account>,
        )
    }

    #[wasm_bindgen(js_name = createAccount, unchecked_return_type = "Promise<Account>")]
    pub fn create_account(&self, input: JsValue, options: JsValue) -> Promise {
        self.send_body::<CreateAccountRequest>(
            routes::CREATE_ACCOUNT,
            &[],
            input,
            &options,
            decode::<Account>,
        )
    }

    #[wasm_bindgen(js_name = getAccount, unchecked_return_type = "Promise<Account>")]
    pub fn get_account(&self, id: JsValue, options: JsValue) -> Promise {
        self.send::<GetAccountParams>(routes::GET_ACCOUNT, &[id], &options, decode::<Account>)
    }

    #[wasm_bindgen(js_name = updateAccount, unchecked_return_type = "Promise<Account>")]
    pub fn update_account(&self, id: JsValue, input: JsValue, options: JsValue) -> Promise {
        self.send_body::<UpdateAccountRequest>(
            routes::UPDATE_ACCOUNT,
            &[id],
            input,
            &options,
            decode::<Account>,
        )
    }

    #[wasm_bindgen(js_name = deleteAccount, unchecked_return_type = "Promise<Account>")]
    pub fn delete_account(&self, id: JsValue, options: JsValue) -> Promise {
        self.send::<NoParams>(routes::DELETE_ACCOUNT, &[id], &options, decode::<Account>)
    }

    #[wasm_bindgen(js_name = undeleteAccount, unchecked_return_type = "Promise<Account>")]
    pub fn undelete_account(&self, id: JsValue, options: JsValue) -> Promise {
        self.send::<NoParams>(routes::UNDELETE_ACCOUNT, &[id], &options, decode::<Account>)
    }

    #[wasm_bindgen(js_name = listContacts, unchecked_return_type = "Promise<Page<Contact>>")]
    pub fn list_contacts(&self, options: JsValue) -> Promise {
        self.send::<ListParams>(routes::LIST_CONTACTS, &[], &options, decode_page::<Contact>)
    }

    #[wasm_bindgen(js_name = createContact, unchecked_return_type = "Promise<Contact>")]
    pub fn create_contact(&self, input: JsValue, options: JsValue) -> Promise {
        self.send_body::<ContactRequest>(
            routes::CREATE_CONTACT,
            &[],
            input,
            &options,
            decode::<Contact>,
        )
    }

    #[wasm_bindgen(js_name = getContact, unchecked_return_type = "Promise<Contact>")]
    pub fn get_contact(&self, id: JsValue, options: JsValue) -> Promise {
        self.send::<NoParams>(routes::GET_CONTACT, &[id], &options, decode::<Contact>)
    }

    #[wasm_bindgen(js_name = updateContact, unchecked_return_type = "Promise<Contact>")]
    pub fn update_contact(&self, id: JsValue, input: JsValue, options: JsValue) -> Promise {
        self.send_body::<ContactRequest>(
            routes::UPDATE_CONTACT,
            &[id],
            input,
            &options,
            decode::<Contact>,
        )
    }

    #[wasm_bindgen(js_name = patchContact, unchecked_return_type = "Promise<Contact>")]
    pub fn patch_contact(&self, id: JsValue, input: JsValue, options: JsValue) -> Promise {
        self.send_body::<ContactPatchRequest>(
            routes::PATCH_CONTACT,
            &[id],
            input,
            &options,
            decode::<Contact>,
        )
    }

    #[wasm_bindgen(js_name = listOrganizations, unchecked_return_type = "Promise<Page<OrganizationSummary>>")]
    pub fn list_organizations(&self, options: JsValue) -> Promise {
        let decode = decode_page::<OrganizationSummary>;
        self.send::<ListParams>(routes::LIST_ORGANIZATIONS, &[], &options, decode)
    }

    #[wasm_bindgen(js_name = createOrganization, unchecked_return_type = "Promise<Organization>")]
    pub fn create_organization(&self, input: JsValue, options: JsValue) -> Promise {
        let route = routes::CREATE_ORGANIZATION;
        self.send_body::<CreateOrganizationRequest>(
            route,
            &[],
            input,
            &options,
            decode::<Organization>,
        )
    }

    #[wasm_bindgen(js_name = getOrganization, unchecked_return_type = "Promise<Organization>")]
    pub fn get_organization(&self, id: JsValue, options: JsValue) -> Promise {
        let route = routes::GET_ORGANIZATION;
        self.send::<GetOrganizationParams>(route, &[id], &options, decode::<Organization>)
    }

    #[wasm_bindgen(js_name = updateOrganization, unchecked_return_type = "Promise<Organization>")]
    pub fn update_organization(&self, id: JsValue, input: JsValue, options: JsValue) -> Promise {
        let route = routes::UPDATE_ORGANIZATION;
        self.send_body::<UpdateOrganizationRequest>(
            route,
            &[id],
            input,
            &options,
            decode::<Organization>,
        )
    }

    #[wasm_bindgen(js_name = listInvoices, unchecked_return_type = "Promise<InvoiceSummary[]>")]
    pub fn list_invoices(&self, options: JsValue) -> Promise {
        let decode = decode::<Vec<InvoiceSummary>>;
        self.send::<ListInvoicesParams>(routes::LIST_INVOICES, &[], &options, decode)
    }

    #[wasm_bindgen(js_name = getInvoice, unchecked_return_type = "Promise<Invoice>")]
    pub fn get_invoice(&self, invoice_number: JsValue, options: JsValue) -> Promise {
        self.send::<NoParams>(
            routes::GET_INVOICE,
            &[invoice_number],
            &options,
            decode::<Invoice>,
        )
    }

    /// The bytes are not decoded (`Returns::Bytes`), so `decode` goes unused.
    #[wasm_bindgen(js_name = downloadInvoice, unchecked_return_type = "Promise<Uint8Array>")]
    pub fn download_invoice(&self, invoice_number: JsValue, options: JsValue) -> Promise {
        let route = routes::DOWNLOAD_INVOICE;
        self.send::<NoParams>(route, &[invoice_number], &options, decode::<()>)
    }
}

impl ClientCore {
    /// An operation with a checked body and no query.
    fn send_body<B: Validate>(
        &self,
        route: Route,
        ids: &[JsValue],
        input: JsValue,
        options: &JsValue,
        decode: Decode,
    ) -> Promise {
        self.run(
            route,
            ids,
            Ok(vec![]),
            body::<B>(&route, input),
            options,
            decode,
        )
    }

    /// An operation with query parameters `P` (read from the options argument) and no body.
    fn send<P: Query>(
        &self,
        route: Route,
        ids: &[JsValue],
        options: &JsValue,
        decode: Decode,
    ) -> Promise {
        self.run(
            route,
            ids,
            query::<P>(&route, options),
            Ok(None),
            options,
            decode,
        )
    }
}
