use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::schema::{field, Presence::*, Schema, Shape, Shape::*};

/// A `{ id, name }` pointer to another resource, as embedded in responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    /// The resource's id.
    pub id: String,
    /// The resource's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Schema for Reference {
    const SHAPE: Shape = Object(&[field("id", Text, Required), field("name", Text, Optional)]);
}
