//! What a response must look like, as data: each model's fields with their types and how
//! leniently they are read. The wasm checks the runtime's parsed JSON against these in place;
//! native tests prove they match the serde models and their TypeScript declarations.

use crate::json::{text, JsonObject, Look, Type};
use crate::pagination::page_token;
use crate::routes::Returns;

/// The shape of a value.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    Text,
    Bool,
    Number,
    Object(&'static [Field]),
    List(&'static Shape),
    /// A page of a listing: `data` (a list of the shape) and `next`, reduced to its token.
    Page(&'static Shape),
    /// Any JSON value; not looked into.
    Any,
}

/// How a field may be missing, and what a lenient read makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Required,
    /// Absent or `null`; `null` is removed.
    Optional,
    /// Like `Optional`, and an empty string is absent too (the API's unknown dates).
    EmptyAsAbsent,
    /// Required, but `null` reads as `false`.
    NullAsFalse,
    /// A required list; `null` reads as `[]`.
    NullAsEmpty,
    /// A list; absent or `null` reads as `[]`.
    AbsentAsEmpty,
    /// The shape's fields are members of this object itself (serde's `flatten`).
    Flatten,
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The member's name on the wire.
    pub name: &'static str,
    pub shape: Shape,
    pub presence: Presence,
}

pub const fn field(name: &'static str, shape: Shape, presence: Presence) -> Field {
    Field {
        name,
        shape,
        presence,
    }
}

/// What an operation answers with, and the schema its JSON must match.
pub trait Schema {
    const SHAPE: Shape;
    const RETURNS: Returns = Returns::Json;
    const PAGED: bool = false;
}

/// A document (the invoice PDF): bytes, not JSON.
pub struct Document;

impl Schema for Document {
    const SHAPE: Shape = Shape::Any;
    const RETURNS: Returns = Returns::Bytes;
}

/// Where in a body a check failed, and why, for a `decode` error's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub path: String,
    pub expected: &'static str,
}

impl Mismatch {
    pub fn message(&self) -> String {
        let at = if self.path.is_empty() {
            "the body"
        } else {
            self.path.as_str()
        };
        text(&[&at, &" must be ", &self.expected])
    }
}

/// Checks `value` against `shape` and normalises it in place: absent optionals are removed,
/// `null` flags become `false`, `null` lists `[]`, a page's `next` its bare token.
/// Members the schema does not name are left as they are.
pub fn normalise<V: JsonObject>(value: &V, shape: &Shape) -> Result<(), Mismatch> {
    check(value, shape, &mut Vec::new())
}

/// One step of the way to a value, kept as cheap parts and written out only for a mismatch.
#[derive(Clone, Copy)]
enum Step {
    Member(&'static str),
    Item(usize),
}

fn mismatch(path: &[Step], expected: &'static str) -> Mismatch {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Member(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Step::Item(index) => {
                out.push('[');
                crate::json::push_number(&mut out, *index);
                out.push(']');
            }
        }
    }
    Mismatch {
        path: out,
        expected,
    }
}

/// The JSON type a value of `shape` has; `None` for any.
const fn type_of(shape: &Shape) -> Option<Type> {
    match shape {
        Shape::Text => Some(Type::Text),
        Shape::Bool => Some(Type::Bool),
        Shape::Number => Some(Type::Number),
        Shape::Object(_) | Shape::Page(_) => Some(Type::Object),
        Shape::List(_) => Some(Type::List),
        Shape::Any => None,
    }
}

fn check<V: JsonObject>(value: &V, shape: &Shape, path: &mut Vec<Step>) -> Result<(), Mismatch> {
    let Some(expected) = type_of(shape) else {
        return Ok(());
    };
    if !value.is(expected) {
        return Err(mismatch(path, expected.name()));
    }
    check_inside(value, shape, path)
}

/// The members or items of a value already known to have the shape's type.
fn check_inside<V: JsonObject>(
    value: &V,
    shape: &Shape,
    path: &mut Vec<Step>,
) -> Result<(), Mismatch> {
    match shape {
        Shape::List(item) => {
            for (index, item_value) in value.items().unwrap_or_default().iter().enumerate() {
                path.push(Step::Item(index));
                check(item_value, item, path)?;
                path.pop();
            }
            Ok(())
        }
        Shape::Object(fields) => fields
            .iter()
            .try_for_each(|field| check_field(value, field, path)),
        Shape::Page(item) => {
            let data = field("data", Shape::List(item), Presence::NullAsEmpty);
            check_field(value, &data, path)?;
            let next = field("next", Shape::Text, Presence::EmptyAsAbsent);
            check_field(value, &next, path)?;
            if let Some(next) = value.member("next").and_then(|n| n.text()) {
                let token = page_token(&next);
                if token != next {
                    value.set_text("next", &token);
                }
            }
            Ok(())
        }
        Shape::Text | Shape::Bool | Shape::Number | Shape::Any => Ok(()),
    }
}

fn check_field<V: JsonObject>(
    object: &V,
    field: &Field,
    path: &mut Vec<Step>,
) -> Result<(), Mismatch> {
    if field.presence == Presence::Flatten {
        return check_inside(object, &field.shape, path);
    }
    path.push(Step::Member(field.name));
    let expected = type_of(&field.shape);
    let result = match (object.look(field.name), field.presence) {
        (Look::Scalar(found), _) if Some(found) == expected => Ok(()),
        (Look::Nested(found, member), _) if Some(found) == expected => {
            check_inside(&member, &field.shape, path)
        }
        (Look::EmptyText, Presence::EmptyAsAbsent) => {
            object.remove(field.name);
            Ok(())
        }
        (Look::EmptyText, _) if expected == Some(Type::Text) => Ok(()),
        (Look::Absent, Presence::Optional | Presence::EmptyAsAbsent) => Ok(()),
        (Look::Null, Presence::Optional | Presence::EmptyAsAbsent) => {
            object.remove(field.name);
            Ok(())
        }
        (Look::Absent | Look::Null, Presence::AbsentAsEmpty)
        | (Look::Null, Presence::NullAsEmpty) => {
            object.set_empty_list(field.name);
            Ok(())
        }
        (Look::Null, Presence::NullAsFalse) => {
            object.set_bool(field.name, false);
            Ok(())
        }
        (Look::Absent | Look::Null, _) => Err(mismatch(path, "present")),
        (_, _) => match expected {
            Some(expected) => Err(mismatch(path, expected.name())),
            None => Ok(()),
        },
    };
    if result.is_ok() {
        path.pop();
    }
    result
}
