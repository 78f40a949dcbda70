//! Names a caller passed that the SDK does not know, each with the name most likely meant, so a
//! misspelt option fails loudly instead of being dropped while the call runs on defaults.

/// One unknown name and the known one it most likely stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    pub name: String,
    pub meant: Option<&'static str>,
}

/// The members of `keys` that are not in `known`, in order. `aliases` pairs a name the API or
/// another SDK uses with the name this one takes (`invoiceDateAfter` → `after`).
pub fn unknown_names(
    keys: &[String],
    known: &[&'static str],
    aliases: &[(&str, &'static str)],
) -> Vec<Unknown> {
    keys.iter()
        .filter(|key| !known.contains(&key.as_str()))
        .map(|key| Unknown {
            name: key.clone(),
            meant: aliases
                .iter()
                .find(|(alias, _)| alias == key)
                .map(|(_, name)| *name)
                .or_else(|| closest(key, known)),
        })
        .collect()
}

/// The known name nearest to `key`: the same but for case, or within a third of the longer
/// name's length in edits (at least one), the nearest first.
fn closest(key: &str, known: &[&'static str]) -> Option<&'static str> {
    // Option names are ASCII; Unicode case tables would cost the wasm more than they give.
    let lower = key.to_ascii_lowercase();
    let length = key.chars().count();
    known
        .iter()
        .map(|name| {
            (
                strsim::osa_distance(&lower, &name.to_ascii_lowercase()),
                *name,
            )
        })
        .filter(|(distance, name)| *distance <= (length.max(name.len()) / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

impl Unknown {
    /// A sentence naming the option and, where one is near, the one meant.
    pub fn message(&self, what: &str) -> String {
        let mut message = crate::json::text(&[&self.name.as_str(), &" is not ", &what]);
        if let Some(meant) = self.meant {
            message.push_str("; did you mean ");
            message.push_str(meant);
            message.push('?');
        }
        message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: [&str; 5] = ["limit", "page", "deleted", "signal", "timeoutMs"];

    fn meant(key: &str) -> Option<&'static str> {
        let aliases = [("invoiceDateAfter", "after"), ("client_id", "clientId")];
        let found = unknown_names(&[key.to_string()], &KNOWN, &aliases);
        assert_eq!(found.len(), 1, "{key} is unknown");
        found[0].meant
    }

    #[test]
    fn known_names_pass() {
        let keys: Vec<String> = KNOWN.iter().map(|k| k.to_string()).collect();
        assert!(unknown_names(&keys, &KNOWN, &[]).is_empty());
    }

    #[test]
    fn suggests_the_name_meant() {
        assert_eq!(meant("limt"), Some("limit"));
        assert_eq!(meant("Limit"), Some("limit"));
        assert_eq!(meant("timeoutms"), Some("timeoutMs"));
        assert_eq!(meant("timeout"), Some("timeoutMs"));
        assert_eq!(meant("pgae"), Some("page"));
        assert_eq!(meant("deleteds"), Some("deleted"));
        assert_eq!(meant("invoiceDateAfter"), Some("after"));
        assert_eq!(meant("client_id"), Some("clientId"));
        assert_eq!(meant("colour"), None);
        assert_eq!(meant("x"), None);
    }

    #[test]
    fn messages_name_the_option_and_the_suggestion() {
        let found = unknown_names(&["limt".into()], &KNOWN, &[]);
        assert_eq!(
            found[0].message("an option of accounts.list"),
            "limt is not an option of accounts.list; did you mean limit?"
        );
        let found = unknown_names(&["colour".into()], &KNOWN, &[]);
        assert_eq!(
            found[0].message("a client option"),
            "colour is not a client option"
        );
    }
}
