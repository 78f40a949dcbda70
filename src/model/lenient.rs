//! Deserializers for the quirks seen in real responses (empty-string dates, `null` flags and lists).

use serde::{Deserialize, Deserializer};

/// An empty string means "no value": the API sends `"createdDate": ""` for unknown dates.
pub fn empty_as_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = Option::<String>::deserialize(d)?;
    Ok(value.filter(|s| !s.is_empty()))
}

/// `null` means `false`: live accounts carry `"isSoftDeleted": null`.
pub fn null_as_false<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or(false))
}

/// `null` means an empty list, so callers never test for both.
pub fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}
