//! A home page as an admin panel will link it: plain text, and when it names a scheme (as a
//! browser reads the value), `http` or `https`, so no `javascript:` or `data:` link is ever stored.

/// True for text with no control characters whose scheme, if any, is `http` or `https`.
/// A scheme is what a URL parser reads as one: after leading spaces, a letter, then letters,
/// digits, `+`, `-` or `.`, up to a `:`. `example.com/about` has none and passes.
pub fn is_web_address(value: &str) -> bool {
    if value.chars().any(|c| c.is_ascii_control()) {
        return false;
    }
    let rest = value.trim_start_matches(' ');
    let scheme_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .unwrap_or(rest.len());
    let (scheme, after) = rest.split_at(scheme_len);
    let starts_with_letter = scheme.starts_with(|c: char| c.is_ascii_alphabetic());
    !(starts_with_letter && after.starts_with(':'))
        || scheme.eq_ignore_ascii_case("http")
        || scheme.eq_ignore_ascii_case("https")
}

#[cfg(test)]
mod tests {
    use super::is_web_address;

    #[test]
    fn takes_http_and_https_addresses_and_bare_hosts() {
        for ok in [
            "",
            "https://signicat.com",
            "HTTP://example.com/a?b#c",
            " https://example.com",
            "example.com",
            "www.example.com/about",
            "9gag.com:443",
            "/relative",
            "hårfagre.no",
        ] {
            assert!(is_web_address(ok), "{ok:?}");
        }
    }

    #[test]
    fn refuses_other_schemes_and_control_characters() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "ftp://example.com",
            "mailto:a@b.c",
            "example.com:8080",
            "https://example.com/\n",
            "https://example.com/\u{7f}",
        ] {
            assert!(!is_web_address(bad), "{bad:?}");
        }
    }
}
