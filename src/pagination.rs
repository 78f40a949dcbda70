//! Following `next`: the API may send the bare `page` token or a URL that carries it.

/// The token to pass as `page` for the page after this one.
pub fn page_token(next: &str) -> String {
    let Some((_, query)) = next.split_once('?') else {
        return next.to_string();
    };
    let query = query.split('#').next().unwrap_or("");
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "page")
        .map(|(_, value)| decode_component(value))
        .unwrap_or_else(|| next.to_string())
}

/// Percent-decoding of a query value (`+` is a space), leaving malformed escapes as they are;
/// a value whose escapes are not UTF-8 is no token this client made, so it stays as it came.
fn decode_component(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).and_then(|b| hex(*b)),
                bytes.get(i + 2).and_then(|b| hex(*b)),
            ) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| value.to_string())
}

fn hex(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::page_token;

    #[test]
    fn bare_tokens_pass_through() {
        assert_eq!(page_token("eyJrIjoxfQ"), "eyJrIjoxfQ");
        assert_eq!(page_token("a+b="), "a+b=");
    }

    #[test]
    fn urls_yield_their_page_parameter() {
        assert_eq!(
            page_token(
                "https://api.signicat.com/account-management/accounts?limit=50&page=abc%3D%3D"
            ),
            "abc=="
        );
        assert_eq!(page_token("/accounts?page=x+y&limit=2#frag"), "x y");
        assert_eq!(page_token("http://h/a?page=%ZZ"), "%ZZ");
        assert_eq!(page_token("http://h/a?page=%4"), "%4");
        assert_eq!(page_token("http://h/a?page=%FF%FE"), "%FF%FE");
    }

    #[test]
    fn urls_without_a_page_parameter_are_passed_back_whole() {
        assert_eq!(page_token("http://h/a?limit=5"), "http://h/a?limit=5");
    }
}
