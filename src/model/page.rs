use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::schema::{Schema, Shape};

use super::lenient::{empty_as_none, null_as_empty};

/// One page of a listing. `next` is absent on the last page; pass it back as `page`
/// (it may be a bare token or a URL: the client accepts both).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Page<T> {
    /// The page's items; `null` reads as `[]`.
    #[serde(deserialize_with = "null_as_empty")]
    pub data: Vec<T>,
    /// Pass it back as `page` for the next page; absent on the last one.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub next: Option<String>,
}

impl<T: Schema> Schema for Page<T> {
    const SHAPE: Shape = Shape::Page(&T::SHAPE);
    const PAGED: bool = true;
}

impl<T: Schema> Schema for Vec<T> {
    const SHAPE: Shape = Shape::List(&T::SHAPE);
}
