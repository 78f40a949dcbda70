//! The OAuth 2.0 client-credentials request (RFC 6749 §4.4) as Signicat expects it.

use super::base64::encode_into;
use super::Secret;
use crate::routes::encode_component;

pub const DEFAULT_TOKEN_URL: &str = "https://api.signicat.com/auth/open/connect/token";
pub const FORM_BODY: &str = "grant_type=client_credentials&scope=signicat-api";
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// `Authorization: Basic …` with id and secret form-encoded first, as RFC 6749 §2.3.1 asks.
pub fn basic_authorization(client_id: &str, client_secret: &Secret) -> Secret {
    let mut pair = String::new();
    encode_component(client_id, &mut pair);
    pair.push(':');
    encode_component(client_secret.expose(), &mut pair);
    let mut header = String::from("Basic ");
    encode_into(pair.as_bytes(), &mut header);
    Secret::new(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_id_and_secret() {
        let header = basic_authorization("demo-client", &Secret::new("demo-secret"));
        assert_eq!(header.expose(), "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=");
        let special = basic_authorization("a:b", &Secret::new("p@ss word"));
        // "a%3Ab:p%40ss%20word"
        assert_eq!(special.expose(), "Basic YSUzQWI6cCU0MHNzJTIwd29yZA==");
    }
}
