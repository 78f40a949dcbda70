//! Standard base64 (RFC 4648 §4, padded) for the Basic header: the one encoding the SDK
//! needs, without a general engine's 2.5 KB in the `.wasm`.

/// Appends the base64 of `bytes` to `out`.
pub fn encode_into(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .zip([16, 8, 0])
            .fold(0u32, |n, (byte, shift)| n | u32::from(*byte) << shift);
        for (at, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            // One input byte makes two characters, two make three; the rest is padding.
            let ch = match at <= chunk.len() {
                true => symbol((n >> shift) as u8 & 63),
                false => '=',
            };
            out.push(ch);
        }
    }
}

/// The character for a 6-bit value, in the standard alphabet.
fn symbol(sextet: u8) -> char {
    char::from(match sextet {
        0..=25 => b'A' + sextet,
        26..=51 => b'a' + (sextet - 26),
        52..=61 => b'0' + (sextet - 52),
        62 => b'+',
        _ => b'/',
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    fn encode(bytes: &[u8]) -> String {
        let mut out = String::new();
        encode_into(bytes, &mut out);
        out
    }

    #[test]
    fn rfc_4648_test_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, expected) in vectors {
            assert_eq!(encode(input.as_bytes()), expected);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn agrees_with_the_base64_crate(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            proptest::prop_assert_eq!(encode(&bytes), base64::engine::general_purpose::STANDARD.encode(&bytes));
        }
    }
}
