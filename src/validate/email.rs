//! Email address syntax (RFC 5321/5322 addr-spec, with RFC 6531 internationalised
//! local parts and domains such as `harald@hårfagre.no`). No DNS look-ups.

const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 253;
const MAX_LABEL: usize = 63;

/// True when `address` is `local@domain` with a plausible local part and a dotted domain.
pub fn is_email(address: &str) -> bool {
    match address.rsplit_once('@') {
        Some((local, domain)) => is_local_part(local) && is_domain(domain),
        None => false,
    }
}

fn is_local_part(local: &str) -> bool {
    let len = local.chars().count();
    (1..=MAX_LOCAL).contains(&len)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.as_bytes().windows(2).any(|pair| pair == b"..")
        && local.chars().all(is_local_char)
}

/// RFC 5322 `atext` plus the dot, and international characters (RFC 6531).
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '#'
                | '$'
                | '%'
                | '&'
                | '\''
                | '*'
                | '+'
                | '-'
                | '/'
                | '='
                | '?'
                | '^'
                | '_'
                | '`'
                | '{'
                | '|'
                | '}'
                | '~'
                | '.'
        )
        || is_international(c)
}

fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    domain.chars().count() <= MAX_DOMAIN
        && labels.len() >= 2
        && labels.iter().all(|label| is_label(label))
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()))
}

fn is_label(label: &str) -> bool {
    let len = label.chars().count();
    (1..=MAX_LABEL).contains(&len)
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label
            .chars()
            .all(|c| c == '-' || c.is_ascii_alphanumeric() || is_international(c))
}

/// Any non-ASCII character but a space or a control: RFC 6531 admits all of UTF-8 beyond
/// ASCII, and internationalised domain labels carry marks as well as letters and digits.
fn is_international(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace() && !c.is_control()
}

#[cfg(test)]
mod tests {
    use super::is_email;

    #[test]
    fn accepts_ordinary_and_internationalised_addresses() {
        for ok in [
            "billing@myorg.com",
            "harald@hårfagre.no",
            "første.sist@example.no",
            "a+tag@sub.example.co.uk",
            "o'neil@example.ie",
            "x@xn--hrfagre-5xa.no",
            "用户@例子.广告",
            "user@हिन्दी.भारत",
        ] {
            assert!(is_email(ok), "{ok}");
        }
    }

    #[test]
    fn rejects_malformed_addresses() {
        for bad in [
            "",
            "plain",
            "@example.com",
            "user@",
            "user@localhost",
            "user@@example.com",
            "us er@example.com",
            ".user@example.com",
            "user.@example.com",
            "us..er@example.com",
            "user@-example.com",
            "user@example-.com",
            "user@example..com",
            "user@example.c",
            "user@127.0.0.1",
            "user@exa mple.com",
            "user@example.com.",
            "us\u{a0}er@example.com",
            "user@exa\u{2003}mple.com",
            "user@exa\u{85}mple.com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn local_part_is_limited_to_64_characters() {
        let at_limit = format!("{}@example.com", "å".repeat(64));
        let over = format!("{}@example.com", "å".repeat(65));
        assert!(is_email(&at_limit));
        assert!(!is_email(&over));
    }
}
