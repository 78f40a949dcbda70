//! The runtime's parsed JSON, read and normalised in place by the plain-Rust rules and
//! schemas: no JSON text is parsed or printed in wasm.

use std::cell::RefCell;

use js_sys::{Array, JsString, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

use crate::json::{Json, JsonObject, Type};

thread_local! {
    /// Member names as JS strings, made once each. Schemas read members in a fixed order,
    /// so the search starts after the last hit and usually finds the next name at once.
    static KEYS: RefCell<(Vec<(usize, JsValue)>, usize)> = const { RefCell::new((Vec::new(), 0)) };
}

fn key(name: &'static str) -> JsValue {
    let id = name.as_ptr() as usize ^ (name.len() << 20);
    KEYS.with(|cell| {
        let Ok(mut cache) = cell.try_borrow_mut() else {
            return JsValue::from_str(name);
        };
        let (keys, hint) = &mut *cache;
        let count = keys.len();
        for step in 0..count {
            let at = (*hint + step) % count;
            if let Some((cached, value)) = keys.get(at) {
                if *cached == id {
                    *hint = at + 1;
                    return value.clone();
                }
            }
        }
        let value = JsValue::from_str(name);
        keys.push((id, value.clone()));
        *hint = 0;
        value
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

    fn member(&self, name: &'static str) -> Option<Self> {
        let value = Reflect::get(self, &key(name)).ok()?;
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
        self.dyn_ref::<JsString>().is_some_and(|s| s.length() == 0)
    }
}

impl JsonObject for JsValue {
    fn remove(&self, name: &'static str) {
        if let Some(object) = self.dyn_ref::<Object>() {
            let _ = Reflect::delete_property(object, &key(name));
        }
    }

    fn set_bool(&self, name: &'static str, value: bool) {
        let _ = Reflect::set(self, &key(name), &JsValue::from_bool(value));
    }

    fn set_text(&self, name: &'static str, value: &str) {
        let _ = Reflect::set(self, &key(name), &JsValue::from_str(value));
    }

    fn set_empty_list(&self, name: &'static str) {
        let _ = Reflect::set(self, &key(name), &Array::new());
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
