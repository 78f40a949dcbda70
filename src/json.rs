//! A read and edit view of a parsed JSON value, so the rules and the response schemas run on
//! serde_json values natively (the emulator, `cargo test`) and on the runtime's own parsed
//! objects in wasm, where no JSON library ships.

/// The JSON types a value can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl Type {
    /// How a message names the type, e.g. "`x` is a number".
    pub const fn name(self) -> &'static str {
        match self {
            Type::Null => "null",
            Type::Bool => "true or false",
            Type::Number => "a number",
            Type::Text => "text",
            Type::List => "a list",
            Type::Object => "an object",
        }
    }
}

/// A JSON value to read.
pub trait Json: Sized {
    /// `None` for anything JSON has no type for.
    fn json_type(&self) -> Option<Type>;
    /// Whether the value has type `t`; cheaper than [`Json::json_type`] where only one type will do.
    fn is(&self, t: Type) -> bool {
        self.json_type() == Some(t)
    }
    /// An object's member; `None` when absent.
    fn member(&self, key: &'static str) -> Option<Self>;
    /// What an object's member is, in one look: most members need nothing more.
    fn look(&self, key: &'static str) -> Look<Self> {
        Look::of(self.member(key))
    }
    fn text(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;
    /// A list's items; `None` when not a list.
    fn items(&self) -> Option<Vec<Self>>;
    /// An object's member names, in order; empty when not an object.
    fn keys(&self) -> Vec<String>;
    /// An object's members, in order; empty when not an object.
    fn entries(&self) -> Vec<(String, Self)>;
    /// Whether the value is the empty string, without copying it.
    fn is_empty_text(&self) -> bool {
        self.text().is_some_and(|t| t.is_empty())
    }
}

/// What [`Json::look`] finds.
pub enum Look<V> {
    Absent,
    Null,
    EmptyText,
    /// Non-empty text, a flag or a number.
    Scalar(Type),
    /// A list or an object, to look into.
    Nested(Type, V),
}

impl<V: Json> Look<V> {
    /// What a member, read whole, is.
    pub fn of(member: Option<V>) -> Look<V> {
        let Some(member) = member else {
            return Look::Absent;
        };
        match member.json_type() {
            None => Look::Absent,
            Some(Type::Null) => Look::Null,
            Some(Type::Text) if member.is_empty_text() => Look::EmptyText,
            Some(t @ (Type::Text | Type::Bool | Type::Number)) => Look::Scalar(t),
            Some(t @ (Type::List | Type::Object)) => Look::Nested(t, member),
        }
    }
}

/// A JSON object whose members can be replaced or removed, for lenient normalising.
pub trait JsonObject: Json {
    fn remove(&self, key: &'static str);
    fn set_bool(&self, key: &'static str, value: bool);
    fn set_text(&self, key: &'static str, value: &str);
    fn set_empty_list(&self, key: &'static str);
}

/// Appends `n` in decimal: messages are built without `core::fmt`, which the wasm does not ship.
pub fn push_number(out: &mut String, n: usize) {
    if n >= 10 {
        push_number(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Text from pieces, e.g. `text(&["name must be at most ", &max, " characters"])`.
pub fn text(pieces: &[&dyn Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        piece.push_to(&mut out);
    }
    out
}

/// A part of a message.
pub trait Piece {
    fn push_to(&self, out: &mut String);
}

impl Piece for &str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for usize {
    fn push_to(&self, out: &mut String) {
        push_number(out, *self);
    }
}

impl Piece for u16 {
    fn push_to(&self, out: &mut String) {
        push_number(out, usize::from(*self));
    }
}

mod serde_value {
    use serde_json::Value;

    use super::{Json, Type};

    impl Json for &Value {
        fn json_type(&self) -> Option<Type> {
            Some(match self {
                Value::Null => Type::Null,
                Value::Bool(_) => Type::Bool,
                Value::Number(_) => Type::Number,
                Value::String(_) => Type::Text,
                Value::Array(_) => Type::List,
                Value::Object(_) => Type::Object,
            })
        }

        fn member(&self, key: &'static str) -> Option<Self> {
            self.as_object()?.get(key)
        }

        fn text(&self) -> Option<String> {
            self.as_str().map(str::to_string)
        }

        fn number(&self) -> Option<f64> {
            self.as_f64()
        }

        fn boolean(&self) -> Option<bool> {
            self.as_bool()
        }

        fn items(&self) -> Option<Vec<Self>> {
            self.as_array().map(|items| items.iter().collect())
        }

        fn keys(&self) -> Vec<String> {
            self.as_object()
                .map(|object| object.keys().cloned().collect())
                .unwrap_or_default()
        }

        fn entries(&self) -> Vec<(String, Self)> {
            self.as_object()
                .map(|object| object.iter().map(|(k, v)| (k.clone(), v)).collect())
                .unwrap_or_default()
        }

        fn is_empty_text(&self) -> bool {
            self.as_str() == Some("")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_messages_without_fmt() {
        let max = 80usize;
        assert_eq!(
            text(&[&"name must be at most ", &max, &" characters"]),
            "name must be at most 80 characters"
        );
        for n in [0usize, 7, 10, 1234567890] {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
