//! Access tokens for calls: cached, renewed shortly before expiry, and fetched once
//! however many calls need one at the same moment (the pending fetch is shared).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::body;
use super::cancel::{Cancel, GuardError};
use super::convert::{error_from_js, error_to_js};
use super::js::{clear_timeout, get, message_of, now_ms, sleep};
use super::transport::{self, Exchange, SendError, Sender};
use crate::auth::client_credentials::{basic_authorization, FORM_BODY, FORM_CONTENT_TYPE};
use crate::auth::token::{is_sendable, OAuthError, TokenResponse};
use crate::auth::{CachedToken, Secret, TokenInfo, TokenPacing};
use crate::error::{Error, ErrorKind};
use crate::json::text;
use crate::routes::Method;

pub enum Source {
    ClientCredentials { basic: Secret, token_url: String },
    Fixed(Secret),
    Provider(Function),
}

pub struct Auth {
    source: Source,
    fetch: Option<Function>,
    /// How long one token request (or `getToken` call) may take.
    timeout_ms: f64,
    cached: RefCell<Option<CachedToken>>,
    pending: RefCell<Option<Promise>>,
    pacing: RefCell<TokenPacing>,
}

impl Auth {
    pub fn new(source: Source, fetch: Option<Function>, timeout_ms: f64) -> Rc<Auth> {
        Rc::new(Auth {
            source,
            fetch,
            timeout_ms,
            cached: RefCell::new(None),
            pending: RefCell::new(None),
            pacing: RefCell::new(TokenPacing::default()),
        })
    }

    pub fn client_credentials(
        client_id: &str,
        client_secret: &Secret,
        token_url: String,
    ) -> Source {
        Source::ClientCredentials {
            basic: basic_authorization(client_id, client_secret),
            token_url,
        }
    }

    /// A fixed token cannot be renewed, so a 401 with it is final.
    pub fn can_renew(&self) -> bool {
        !matches!(self.source, Source::Fixed(_))
    }

    /// After the API refused `token`: whether the call may repeat with another token. The
    /// cached token is forgotten, unless a newer one already replaced it or the last renewal
    /// was so recent that a new token would most likely be refused too.
    pub fn refused(&self, token: &Secret) -> bool {
        let mut cached = self.cached.borrow_mut();
        if !cached.as_ref().is_some_and(|c| &c.token == token) {
            return true;
        }
        if !self.pacing.borrow_mut().renew_after_refusal(now_ms()) {
            return false;
        }
        *cached = None;
        true
    }

    /// A token to send now: the cached one while fresh, else the shared pending fetch.
    pub async fn token(self: &Rc<Self>, cancel: &Cancel) -> Result<Secret, Error> {
        if let Source::Fixed(token) = &self.source {
            return Ok(token.clone());
        }
        if let Some(cached) = self
            .cached
            .borrow()
            .as_ref()
            .filter(|c| c.is_fresh(now_ms()))
        {
            return Ok(cached.token.clone());
        }
        let pending = self.pending.borrow().clone();
        let pending = match pending {
            Some(pending) => pending,
            None => {
                self.back_off(cancel).await?;
                let pending = self.pending.borrow().clone();
                pending.unwrap_or_else(|| self.start_fetch())
            }
        };
        match cancel.guard(pending).await {
            Ok(token) => token
                .as_string()
                .map(Secret::new)
                .ok_or_else(|| auth_error("The token source gave no token")),
            Err(GuardError::Stopped(error)) => Err(error),
            Err(GuardError::Rejected(error)) => Err(error_from_js(&error)
                .unwrap_or_else(|| auth_error("Obtaining an access token failed"))),
        }
    }

    /// Waits out the backoff after a failed token request, unless the call is stopped first.
    async fn back_off(&self, cancel: &Cancel) -> Result<(), Error> {
        let wait_ms = self.pacing.borrow().wait_ms(now_ms());
        if wait_ms <= 0.0 {
            return Ok(());
        }
        let (wake, timer) = sleep(wait_ms);
        let waited = cancel.guard(wake).await;
        clear_timeout(&timer);
        match waited {
            Err(GuardError::Stopped(error)) => Err(error),
            _ => Ok(()),
        }
    }

    fn start_fetch(self: &Rc<Self>) -> Promise {
        let auth = Rc::clone(self);
        let promise = future_to_promise(async move {
            let result = auth.obtain().await;
            *auth.pending.borrow_mut() = None;
            match result {
                Ok(cached) => {
                    auth.pacing.borrow_mut().succeeded();
                    let token = JsValue::from_str(cached.token.expose());
                    *auth.cached.borrow_mut() = Some(cached);
                    Ok(token)
                }
                Err(error) => {
                    auth.pacing.borrow_mut().failed(now_ms());
                    Err(error_to_js(&error))
                }
            }
        });
        *self.pending.borrow_mut() = Some(promise.clone());
        promise
    }

    async fn obtain(&self) -> Result<CachedToken, Error> {
        match &self.source {
            Source::Fixed(token) => Ok(CachedToken::new(token.clone(), now_ms(), None)),
            Source::ClientCredentials { basic, token_url } => {
                self.client_credentials_grant(basic, token_url).await
            }
            Source::Provider(get_token) => provided(get_token, self.timeout_ms).await,
        }
    }

    async fn client_credentials_grant(
        &self,
        basic: &Secret,
        token_url: &str,
    ) -> Result<CachedToken, Error> {
        let cancel = Cancel::new(None, self.timeout_ms, self.fetch.is_none())?;
        let exchange = Exchange {
            method: Method::Post,
            url: token_url,
            headers: vec![
                ("authorization", basic.expose()),
                ("content-type", FORM_CONTENT_TYPE),
                ("accept", "application/json"),
            ],
            body: Some(FORM_BODY),
        };
        let context = "POST tokenUrl";
        let started = now_ms();
        let response =
            match transport::send(&exchange, Sender::Fetch(self.fetch.as_ref()), &cancel).await {
                Ok(response) => response,
                Err(SendError::Network { error, .. }) | Err(SendError::Stopped(error)) => {
                    return Err(error)
                }
            };
        let body = body::json(&response, &cancel, context).await;
        if !response.ok() {
            let refusal = body.ok().map(|b| OAuthError::read(&b));
            return Err(refused(response.status(), refusal.unwrap_or_default()));
        }
        let parsed = TokenResponse::read(&body?)
            .ok_or_else(|| auth_error("The token endpoint's answer has no usable access_token"))?;
        let lifetime = parsed.expires_in.map(|seconds| seconds * 1_000.0);
        Ok(CachedToken::new(
            sendable(parsed.access_token)?,
            started,
            lifetime,
        ))
    }
}

/// Asks the caller's `getToken` for a token: a string, or `{ accessToken, expiresIn | expiresAt }`.
async fn provided(get_token: &Function, timeout_ms: f64) -> Result<CachedToken, Error> {
    let cancel = Cancel::new(None, timeout_ms, false)?;
    let returned = get_token
        .call0(&JsValue::UNDEFINED)
        .map_err(|e| auth_error(&text(&[&"getToken threw: ", &message_of(&e)])))?;
    let value = match cancel.guard(Promise::resolve(&returned)).await {
        Ok(value) => value,
        Err(GuardError::Stopped(error)) => return Err(error),
        Err(GuardError::Rejected(e)) => {
            return Err(auth_error(&text(&[&"getToken failed: ", &message_of(&e)])))
        }
    };
    let now = now_ms();
    if let Some(token) = value.as_string() {
        return sendable(token).map(|t| CachedToken::new(t, now, None));
    }
    let expires_at = get(&value, "expiresAt");
    let expires_at_ms = match expires_at.dyn_ref::<js_sys::Date>() {
        Some(date) => Some(date.get_time()),
        None => expires_at.as_f64(),
    };
    let access_token = get(&value, "accessToken").as_string();
    let expires_in = get(&value, "expiresIn").as_f64();
    let provided = TokenInfo {
        access_token: access_token
            .ok_or_else(|| auth_error("getToken must return a string or { accessToken }"))?,
        expires_in,
        expires_at: expires_at_ms,
    };
    let lifetime = provided.lifetime_ms(now);
    sendable(provided.access_token).map(|t| CachedToken::new(t, now, lifetime))
}

/// A token fit for an `Authorization` header, or an error that does not repeat it.
fn sendable(token: String) -> Result<Secret, Error> {
    if is_sendable(&token) {
        Ok(Secret::new(token))
    } else {
        Err(auth_error(
            "The token source returned an empty token or one that cannot go in an HTTP header",
        ))
    }
}

/// The token endpoint said no: wrong credentials (4xx) or trouble on its side (5xx, retryable).
fn refused(status: u16, refusal: OAuthError) -> Error {
    let code = refusal
        .error
        .as_deref()
        .map(|e| text(&[&": ", &e]))
        .unwrap_or_default();
    let mut error = auth_error(&text(&[
        &"The token endpoint refused the client credentials (HTTP ",
        &status,
        &code,
        &")",
    ]));
    error.status = Some(status);
    error.code = refusal.error;
    error.detail = refusal.error_description;
    error.retryable = crate::http::retry::is_retryable_status(status);
    error
}

fn auth_error(message: &str) -> Error {
    Error::new(ErrorKind::Auth, message)
}
