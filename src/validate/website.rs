//! A home page as an admin panel will link it: plain text, and when it names a scheme (as a
//! browser reads the value), `http` or `https`, so no `javascript:` or `data:` link is ever stored.

/// True for text with no control characters whose scheme, if any, is `http` or `https`.
/// A scheme is what a URL parser reads as one: after leading spaces, a letter, then letters,
/// digits, `+`, `-` or `.`, up to a `:`. `example.com/about` has none and passes.
pub fn is_web_address(value: &str) -> bool {
    if value.chars().any(|c| c.is_ascii_control()) {
        return false;
    }
    // Bytes, not slices: no panic path (and its formatting) reaches the wasm.
    let rest = value.as_bytes();
    let start = rest.iter().take_while(|b| **b == b' ').count();
    let scheme: Vec<u8> = rest
        .iter()
        .skip(start)
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        .map(u8::to_ascii_lowercase)
        .collect();
    let after = rest.get(start + scheme.len()).copied();
    let starts_with_letter = scheme.first().is_some_and(u8::is_ascii_alphabetic);
    !(starts_with_letter && after == Some(b':')) || scheme == b"http" || scheme == b"https"
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
