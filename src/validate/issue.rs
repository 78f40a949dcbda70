use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// One problem with one field of a request body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct ValidationIssue {
    /// Path of the field, e.g. `name`, `billingAddress.country` or `roles[1]`; empty for the body itself.
    pub field: String,
    /// Which rule the field broke.
    pub rule: Rule,
    /// A sentence a person can act on.
    pub message: String,
}

/// Which rule a field broke; stable, for programs that map issues to form controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Rule {
    /// A required field is missing, `null` or blank.
    Required,
    /// The value has the wrong JSON type (e.g. a number where text belongs).
    Type,
    MinLength,
    MaxLength,
    /// Not one of the allowed values.
    Enum,
    Email,
    Country,
    /// A web address with a scheme other than `http` or `https`, or with control characters.
    Url,
    /// A field the API does not know; usually a misspelling.
    Unknown,
}

impl Rule {
    /// The name JS sees in `issue.rule`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::Type => "type",
            Rule::MinLength => "minLength",
            Rule::MaxLength => "maxLength",
            Rule::Enum => "enum",
            Rule::Email => "email",
            Rule::Country => "country",
            Rule::Url => "url",
            Rule::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn rule_names_match_serde() {
        use Rule::*;
        for rule in [
            Required, Type, MinLength, MaxLength, Enum, Email, Country, Url, Unknown,
        ] {
            assert_eq!(serde_json::to_value(rule).unwrap(), rule.as_str());
        }
    }
}
