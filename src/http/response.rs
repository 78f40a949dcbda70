//! Reading an answer: which bodies are JSON, and the error for one that cannot be read.

use crate::error::{Error, ErrorKind};
use crate::json::text;

/// `application/json`, `application/problem+json` and other `+json` types.
pub fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// The answer could not be read as what the operation returns. Quotes status and content type
/// (never the body, which may be large or hostile).
pub fn decode_error(context: &str, status: u16, content_type: &str, reason: &str) -> Error {
    let content_type = if content_type.is_empty() {
        "no content type"
    } else {
        content_type
    };
    let mut error = Error::new(
        ErrorKind::Decode,
        text(&[
            &context,
            &": the response could not be read (HTTP ",
            &status,
            &", ",
            &content_type,
            &"): ",
            &reason,
        ]),
    );
    error.status = Some(status);
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_json_content_types() {
        for yes in [
            "application/json",
            "application/json; charset=utf-8",
            "application/problem+json",
            "Application/JSON",
        ] {
            assert!(is_json(yes), "{yes}");
        }
        for no in [
            "",
            "text/html",
            "text/json",
            "application/pdf",
            "application/jsonx",
        ] {
            assert!(!is_json(no), "{no}");
        }
    }

    #[test]
    fn decode_errors_quote_status_and_content_type() {
        let error = decode_error("GET /accounts", 200, "text/html", "not JSON");
        assert_eq!(error.kind, ErrorKind::Decode);
        assert_eq!(error.status, Some(200));
        assert!(
            error.message.contains("HTTP 200, text/html"),
            "{}",
            error.message
        );
    }
}
