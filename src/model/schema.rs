//! What a response must look like, as data: each model's fields with their types and how
//! leniently they are read. The wasm checks the runtime's parsed JSON against these in place;
//! native tests prove they match the serde models and their TypeScript declarations.

use crate::json::{text, Json, JsonObject, Type};
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
    check(value, shape, &mut String::new())
}

fn check<V: JsonObject>(value: &V, shape: &Shape, path: &mut String) -> Result<(), Mismatch> {
    let found = value.json_type();
    let expect = |expected: &'static str, path: &String| Mismatch {
        path: path.clone(),
        expected,
    };
    match shape {
        Shape::Any => Ok(()),
        Shape::Text if found == Some(Type::Text) => Ok(()),
        Shape::Bool if found == Some(Type::Bool) => Ok(()),
        Shape::Number if found == Some(Type::Number) => Ok(()),
        Shape::Text => Err(expect(Type::Text.name(), path)),
        Shape::Bool => Err(expect(Type::Bool.name(), path)),
        Shape::Number => Err(expect(Type::Number.name(), path)),
        Shape::List(item) => {
            let items = value
                .items()
                .ok_or_else(|| expect(Type::List.name(), path))?;
            for (index, item_value) in items.iter().enumerate() {
                let len = path.len();
                path.push('[');
                crate::json::push_number(path, index);
                path.push(']');
                check(item_value, item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Shape::Object(fields) => {
            if found != Some(Type::Object) {
                return Err(expect(Type::Object.name(), path));
            }
            for field in fields.iter() {
                check_field(value, field, path)?;
            }
            Ok(())
        }
        Shape::Page(item) => {
            if found != Some(Type::Object) {
                return Err(expect(Type::Object.name(), path));
            }
            let data = field("data", Shape::List(item), Presence::NullAsEmpty);
            check_field(value, &data, path)?;
            check_field(
                value,
                &field("next", Shape::Text, Presence::EmptyAsAbsent),
                path,
            )?;
            if let Some(next) = value.member("next").and_then(|n| n.text()) {
                let token = page_token(&next);
                if token != next {
                    value.set_text("next", &token);
                }
            }
            Ok(())
        }
    }
}

fn check_field<V: JsonObject>(
    object: &V,
    field: &Field,
    path: &mut String,
) -> Result<(), Mismatch> {
    if field.presence == Presence::Flatten {
        return check(object, &field.shape, path);
    }
    let len = path.len();
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(field.name);
    let member = object.member(field.name);
    let kind = member.as_ref().and_then(Json::json_type);
    let result = match (field.presence, kind) {
        (Presence::NullAsFalse, Some(Type::Null)) => {
            object.set_bool(field.name, false);
            Ok(())
        }
        (Presence::NullAsEmpty, Some(Type::Null))
        | (Presence::AbsentAsEmpty, None | Some(Type::Null)) => {
            object.set_empty_list(field.name);
            Ok(())
        }
        (Presence::Optional | Presence::EmptyAsAbsent, None) => Ok(()),
        (Presence::Optional | Presence::EmptyAsAbsent, Some(Type::Null)) => {
            object.remove(field.name);
            Ok(())
        }
        (Presence::EmptyAsAbsent, Some(Type::Text))
            if member.as_ref().is_some_and(Json::is_empty_text) =>
        {
            object.remove(field.name);
            Ok(())
        }
        (Presence::Required | Presence::NullAsFalse, None | Some(Type::Null))
        | (Presence::NullAsEmpty, None) => Err(Mismatch {
            path: path.clone(),
            expected: "present",
        }),
        (_, _) => match &member {
            Some(member) => check(member, &field.shape, path),
            None => Ok(()),
        },
    };
    if result.is_ok() {
        path.truncate(len);
    }
    result
}
