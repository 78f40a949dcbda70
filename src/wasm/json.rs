//! The runtime's parsed JSON, read and normalised in place by the plain-Rust rules and
//! schemas: no JSON text is parsed or printed in wasm.

use std::cell::RefCell;

use js_sys::{Array, Object, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    // Without js-sys's exception wrapper, which costs more than the read: every value walked
    // here comes from `JSON.parse`, plain data whose members cannot throw.
    type Members;

    #[wasm_bindgen(method, structural, indexing_getter)]
    fn get(this: &Members, key: &JsValue) -> JsValue;

    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &Members, key: &JsValue, value: &JsValue);
}

#[wasm_bindgen]
extern "C" {
    /// The facade's `look(object, key)`: what a member is, as a code (see [`look_code`]).
    pub type Looker;

    #[wasm_bindgen(method, structural, js_name = look)]
    fn look(this: &Looker, object: &JsValue, key: &JsValue) -> u8;
}

thread_local! {
    static LOOKER: RefCell<Option<Looker>> = const { RefCell::new(None) };
}

/// Lets the schemas see a member's type in one call into JS instead of two or three; without
/// it they read the member and test its type from here.
#[wasm_bindgen(js_name = useLooker)]
pub fn use_looker(looker: Looker) {
    LOOKER.with(|cell| {
        if let Ok(mut current) = cell.try_borrow_mut() {
            *current = Some(looker);
        }
    });
}

/// What a `Looker`'s code means.
fn look_code(code: u8) -> Option<Look<()>> {
    Some(match code {
        0 => Look::Absent,
        1 => Look::Null,
        2 => Look::EmptyText,
        3 => Look::Scalar(Type::Text),
        4 => Look::Scalar(Type::Bool),
        5 => Look::Scalar(Type::Number),
        6 => Look::Nested(Type::List, ()),
        7 => Look::Nested(Type::Object, ()),
        _ => return None,
    })
}

fn member_of(object: &JsValue, key: &JsValue) -> JsValue {
    object.unchecked_ref::<Members>().get(key)
}

fn set_member(object: &JsValue, key: &JsValue, value: &JsValue) {
    object.unchecked_ref::<Members>().set(key, value);
}

use crate::json::{Json, JsonObject, Look, Type};

/// Slots in the member-name cache: comfortably more than the schemas' distinct names.
const KEY_SLOTS: usize = 256;

/// A cached member name: the address and length of the Rust string, and the JS string.
type KeySlot = Option<((usize, usize), JsValue)>;

thread_local! {
    /// Member names as JS strings, made once each, found by the address of the name.
    static KEYS: RefCell<Vec<KeySlot>> = RefCell::new(vec![None; KEY_SLOTS]);
    static EMPTY: JsValue = JsValue::from_str("");
}

/// Runs `f` with `name` as a JS string, made once and then lent from the cache (a clone would
/// take and free a slot of the reference table every time).
fn with_key<T>(name: &'static str, f: impl FnOnce(&JsValue) -> T) -> T {
    let id = (name.as_ptr() as usize, name.len());
    KEYS.with(|cell| {
        let Ok(mut slots) = cell.try_borrow_mut() else {
            return f(&JsValue::from_str(name));
        };
        let start = (id.0 ^ id.1) % KEY_SLOTS;
        for probe in 0..KEY_SLOTS {
            match slots.get_mut((start + probe) % KEY_SLOTS) {
                Some(Some((cached, value))) if *cached == id => return f(value),
                Some(Some(_)) => continue,
                Some(slot) => return f(&slot.insert((id, JsValue::from_str(name))).1),
                None => break,
            }
        }
        f(&JsValue::from_str(name))
    })
}

impl Json for JsValue {
    fn json_type(&self) -> Option<Type> {
        if self.is_string() {
            Some(Type::Text)
        } else if self.is_object() {
            Some(match Array::is_array(self) {
                true => Type::List,
                false => Type::Object,
            })
        } else if self.as_bool().is_some() {
            Some(Type::Bool)
        } else if self.as_f64().is_some() {
            Some(Type::Number)
        } else if self.is_null() {
            Some(Type::Null)
        } else {
            None
        }
    }

    fn is(&self, t: Type) -> bool {
        match t {
            Type::Text => self.is_string(),
            Type::Bool => self.as_bool().is_some(),
            Type::Number => self.as_f64().is_some(),
            Type::Null => self.is_null(),
            Type::List => Array::is_array(self),
            Type::Object => self.is_object() && !Array::is_array(self),
        }
    }

    /// Only called on objects (the schemas check the type first), so no guard is needed.
    fn look(&self, name: &'static str) -> Look<Self> {
        let code = LOOKER.with(|cell| {
            let looker = cell.try_borrow().ok()?;
            let looker = looker.as_ref()?;
            Some(with_key(name, |key| looker.look(self, key)))
        });
        match code.and_then(look_code) {
            Some(Look::Nested(t, ())) => {
                Look::Nested(t, with_key(name, |key| member_of(self, key)))
            }
            Some(Look::Absent) => Look::Absent,
            Some(Look::Null) => Look::Null,
            Some(Look::EmptyText) => Look::EmptyText,
            Some(Look::Scalar(t)) => Look::Scalar(t),
            None => Look::of(self.member(name)),
        }
    }

    /// `None` also when `self` is no object (then it has no members).
    fn member(&self, name: &'static str) -> Option<Self> {
        // Reading a property of null or undefined would throw.
        if !self.is_object() {
            return None;
        }
        let value = with_key(name, |key| member_of(self, key));
        (!value.is_undefined()).then_some(value)
    }

    fn text(&self) -> Option<String> {
        self.as_string()
    }

    fn number(&self) -> Option<f64> {
        self.as_f64()
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn items(&self) -> Option<Vec<Self>> {
        self.dyn_ref::<Array>().map(|list| list.iter().collect())
    }

    fn keys(&self) -> Vec<String> {
        match self.dyn_ref::<Object>() {
            Some(object) => Object::keys(object)
                .iter()
                .filter_map(|k| k.as_string())
                .collect(),
            None => Vec::new(),
        }
    }

    fn entries(&self) -> Vec<(String, Self)> {
        match self.dyn_ref::<Object>() {
            Some(object) => Object::entries(object)
                .iter()
                .filter_map(|pair| {
                    let pair: Array = pair.dyn_into().ok()?;
                    Some((pair.get(0).as_string()?, pair.get(1)))
                })
                .collect(),
            None => Vec::new(),
        }
    }

    fn is_empty_text(&self) -> bool {
        EMPTY.with(|empty| self == empty)
    }
}

/// Only ever called on objects from `JSON.parse`, whose members can be set without throwing.
impl JsonObject for JsValue {
    /// An absent member reads as `undefined`: setting it so keeps the object's shape, where
    /// `delete` would turn it into a slow dictionary for the rest of its life.
    fn remove(&self, name: &'static str) {
        with_key(name, |key| set_member(self, key, &JsValue::UNDEFINED));
    }

    fn set_bool(&self, name: &'static str, value: bool) {
        with_key(name, |key| {
            set_member(self, key, &JsValue::from_bool(value))
        });
    }

    fn set_text(&self, name: &'static str, value: &str) {
        with_key(name, |key| set_member(self, key, &JsValue::from_str(value)));
    }

    fn set_empty_list(&self, name: &'static str) {
        with_key(name, |key| set_member(self, key, &Array::new()));
    }
}

/// A plain-data copy of what a caller passed, through the runtime's JSON: getters run once,
/// `Date`s become ISO strings, functions and signals drop out. `None` for what JSON cannot
/// hold (cycles, bigints, `undefined`).
pub fn snapshot(value: &JsValue) -> Option<(JsValue, String)> {
    let text = JSON::stringify(value).ok()?.as_string()?;
    let parsed = JSON::parse(&text).ok()?;
    Some((parsed, text))
}
