//! `ClientCore`: every operation of the route table behind one binding, numbered by its
//! place in `Operation::ALL`; the facade builds `SignicatClient`'s namespaces from `operations()`.

use std::rc::Rc;

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;

use super::auth::{Auth, Source};
use super::call::{Call, Client, RequestOptions};
use super::convert::error_to_js;
use super::decode;
use super::input::{body, path_ids, query};
use super::js::{get, in_browser};
use super::options::ClientOptions;
use crate::auth::Secret;
use crate::config::{self, CredentialOptions, Credentials};
use crate::error::Error;
use crate::json::text;
use crate::model::schema::Shape;
use crate::model::Pairs;
use crate::model::{Query, Schema};
use crate::routes::{Operation, Route, Visitor};
use crate::validate::Body;

#[wasm_bindgen]
pub struct ClientCore {
    client: Rc<Client>,
}

const USER_AGENT: &str = concat!("signicat-account-management/", env!("CARGO_PKG_VERSION"));
/// Where a browser call names the application (`appInfo`), as it cannot set User-Agent.
const APP_HEADER: &str = "x-signicat-client-app";

/// The operation numbered `index`, or a `config` error for a number the table does not have.
pub fn operation(index: u32) -> Result<Operation, Error> {
    Operation::ALL
        .get(index as usize)
        .copied()
        .ok_or_else(|| Error::config("No operation has this number"))
}

/// The table as the facade reads it: `[{ name, params, body, paged, options, aliases }]`, with
/// the names each method's query takes and the API's names for those the SDK names otherwise
/// (`api=sdk`), each comma-separated, so the facade refuses any other name.
#[wasm_bindgen(
    unchecked_return_type = "{ name: string; params: string[]; body: boolean; paged: boolean; options: string; aliases: string }[]"
)]
pub fn operations() -> Array {
    let list = Array::new();
    for op in Operation::ALL {
        let route = op.route();
        let params: Array = route.params().map(JsValue::from_str).collect();
        let (names, wire) = op.visit(OptionsOf);
        let info = Object::new();
        for (key, value) in [
            ("name", JsValue::from_str(route.name)),
            ("params", params.into()),
            ("body", JsValue::from_bool(route.sends_body)),
            ("paged", JsValue::from_bool(route.paged)),
            ("options", JsValue::from_str(names)),
            ("aliases", JsValue::from_str(wire)),
        ] {
            let _ = Reflect::set(&info, &JsValue::from_str(key), &value);
        }
        list.push(&info);
    }
    list
}

/// What differs between operations, as plain functions and data, so that one copy of the
/// call path serves them all (a generic path per operation would multiply the wasm's size).
struct Plan {
    route: &'static Route,
    query: fn(&Route, &JsValue) -> Result<Pairs, Error>,
    body: fn(&Route, &JsValue) -> Result<Option<String>, Error>,
    shape: &'static Shape,
}

impl Visitor for PlanOf {
    type Output = Plan;

    fn visit<Q: Query, B: Body, R: Schema>(self, route: &'static Route) -> Plan {
        Plan {
            route,
            query: query::<Q>,
            body: body::<B>,
            shape: &R::SHAPE,
        }
    }
}

struct PlanOf;

/// An operation's option names and the API's names for some of them.
struct OptionsOf;

impl Visitor for OptionsOf {
    type Output = (&'static str, &'static str);

    fn visit<Q: Query, B: Body, R: Schema>(self, _: &'static Route) -> Self::Output {
        (Q::NAMES, Q::WIRE_NAMES)
    }
}

impl Plan {
    /// Checks the arguments (path parameters, then the body if one is sent, then the
    /// options) and runs the call.
    fn run(self, client: &Rc<Client>, args: &Array, context: JsValue) -> Promise {
        let Plan {
            route,
            query,
            body,
            shape,
        } = self;
        let count = route.params().count();
        let arg = |at: u32| args.get(at);
        let input = arg(count as u32);
        let options = match route.sends_body {
            true => arg(count as u32 + 1),
            false => input.clone(),
        };
        let ids: Vec<JsValue> = (0..count as u32).map(arg).collect();
        let prepared = (|| {
            let call = Call {
                route,
                ids: path_ids(route, &ids)?,
                query: query(route, &options)?,
                body: body(route, &input)?,
                context,
            };
            Ok::<_, Error>((call, RequestOptions::from_js(&options)?))
        })();
        let (call, options) = match prepared {
            Ok(prepared) => prepared,
            Err(error) => return Promise::reject(&error_to_js(&error)),
        };
        let client = Rc::clone(client);
        future_to_promise(async move {
            let (response, cancel) = client
                .send(&call, options)
                .await
                .map_err(|(e, response)| error_with_response(&e, response.as_ref()))?;
            match decode::answer(route, shape, &response, &cancel).await {
                Ok(data) => Ok(Array::of2(&data, &response).into()),
                Err(e) => Err(error_with_response(
                    &e.with_operation(route.name),
                    Some(&response),
                )),
            }
        })
    }
}

/// The fields of a `SignicatError`, with the `response` it came from (the facade reads its
/// status, headers and request id, then lets go of it).
fn error_with_response(error: &Error, response: Option<&web_sys::Response>) -> JsValue {
    let fields = error_to_js(error);
    if let Some(response) = response {
        let _ = Reflect::set(&fields, &JsValue::from_str("response"), response);
    }
    fields
}

#[wasm_bindgen]
impl ClientCore {
    /// `internals` is the facade's own: `{ dispatch?, observe?, product? }` (see [`Client`]).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "ClientOptions")] options: JsValue,
        internals: JsValue,
    ) -> Result<ClientCore, JsValue> {
        Self::build(options, &internals).map_err(|e| error_to_js(&e))
    }

    fn build(options: JsValue, internals: &JsValue) -> Result<ClientCore, Error> {
        let function = |key: &str| get(internals, key).dyn_into::<js_sys::Function>().ok();
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
        let mut headers = options.headers;
        // `appInfo` as a User-Agent product, which the facade checked and wrote out.
        let app = get(internals, "product").as_string();
        let user_agent = match (&app, browser) {
            (_, true) => None,
            (Some(app), false) => Some(text(&[&USER_AGENT, &" ", &app.as_str()])),
            (None, false) => Some(USER_AGENT.to_string()),
        };
        if let (Some(app), true) = (app, browser) {
            // Browsers forbid setting User-Agent; the application is named in a header of its own.
            headers.push((APP_HEADER.to_string(), app));
        }
        let client = Client {
            auth: Auth::new(source, fetch.clone(), settings.timeout_ms),
            fetch,
            on_request: options.on_request,
            on_response: options.on_response,
            user_agent,
            headers,
            dispatch: function("dispatch"),
            observe: function("observe"),
            settings,
        };
        Ok(ClientCore {
            client: Rc::new(client),
        })
    }

    /// Runs operation number `operation` with `args`: its path parameters in order, then its
    /// body if it sends one, then the options (query parameters, `signal`, `timeoutMs`).
    /// Resolves to `[data, response]`; `context` is the facade's, handed back to `dispatch`
    /// and `observe`.
    pub fn call(&self, operation_index: u32, args: Array, context: JsValue) -> Promise {
        match operation(operation_index) {
            Ok(op) => op.visit(PlanOf).run(&self.client, &args, context),
            Err(error) => Promise::reject(&error_to_js(&error)),
        }
    }
}
