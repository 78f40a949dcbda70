//! The response schemas the wasm checks answers with, held against the serde models and their
//! TypeScript declarations: same fields, same optionality, and the same verdict and result on
//! every reference sample and on every field of it made absent, `null`, empty or mistyped.

use std::cell::RefCell;
use std::fs;
use std::path::PathBuf;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use signicat_account_management::json::{Json, JsonObject, Type};
use signicat_account_management::model::params::Query as _;
use signicat_account_management::model::schema::{normalise, Field, Presence, Shape};
use signicat_account_management::model::*;
use signicat_account_management::pagination::page_token;
use tsify::Tsify;

/// A serde_json value that can be edited through shared handles, as a parsed JS object can.
#[derive(Clone)]
struct Doc {
    root: Rc<RefCell<Value>>,
    path: Vec<Step>,
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

impl Doc {
    fn new(value: Value) -> Doc {
        Doc {
            root: Rc::new(RefCell::new(value)),
            path: Vec::new(),
        }
    }

    fn value(&self) -> Value {
        let root = self.root.borrow();
        let mut at = &*root;
        for step in &self.path {
            at = match step {
                Step::Key(key) => &at[key.as_str()],
                Step::Index(index) => &at[*index],
            };
        }
        at.clone()
    }

    fn edit(&self, change: impl FnOnce(&mut serde_json::Map<String, Value>)) {
        let mut root = self.root.borrow_mut();
        let mut at = &mut *root;
        for step in &self.path {
            at = match step {
                Step::Key(key) => &mut at[key.as_str()],
                Step::Index(index) => &mut at[*index],
            };
        }
        change(at.as_object_mut().expect("edits are made to objects"));
    }

    fn child(&self, step: Step) -> Doc {
        let mut path = self.path.clone();
        path.push(step);
        Doc {
            root: Rc::clone(&self.root),
            path,
        }
    }
}

impl Json for Doc {
    fn json_type(&self) -> Option<Type> {
        (&self.value()).json_type()
    }

    fn member(&self, key: &'static str) -> Option<Self> {
        self.value().get(key)?;
        Some(self.child(Step::Key(key.into())))
    }

    fn text(&self) -> Option<String> {
        self.value().as_str().map(str::to_string)
    }

    fn number(&self) -> Option<f64> {
        self.value().as_f64()
    }

    fn boolean(&self) -> Option<bool> {
        self.value().as_bool()
    }

    fn items(&self) -> Option<Vec<Self>> {
        let len = self.value().as_array()?.len();
        Some((0..len).map(|i| self.child(Step::Index(i))).collect())
    }

    fn keys(&self) -> Vec<String> {
        (&self.value()).keys()
    }

    fn entries(&self) -> Vec<(String, Self)> {
        let keys = self.keys();
        keys.into_iter()
            .map(|k| (k.clone(), self.child(Step::Key(k))))
            .collect()
    }
}

impl JsonObject for Doc {
    fn remove(&self, key: &'static str) {
        self.edit(|object| {
            object.remove(key);
        });
    }

    fn set_bool(&self, key: &'static str, value: bool) {
        self.edit(|object| {
            object.insert(key.into(), Value::Bool(value));
        });
    }

    fn set_text(&self, key: &'static str, value: &str) {
        self.edit(|object| {
            object.insert(key.into(), Value::String(value.into()));
        });
    }

    fn set_empty_list(&self, key: &'static str) {
        self.edit(|object| {
            object.insert(key.into(), json!([]));
        });
    }
}

/// What serde makes of `body` as `T` (decoded and encoded again), and what the schema makes
/// of it (checked and normalised in place): both must fail, or both give the same value.
fn agree<T: Schema + DeserializeOwned + Serialize>(body: &Value) -> Result<(), String> {
    let serde = serde_json::from_value::<T>(body.clone()).map(|typed| {
        let mut value = serde_json::to_value(typed).expect("models serialize");
        if let (true, Some(next)) = (T::PAGED, value.get("next").and_then(Value::as_str)) {
            value["next"] = Value::String(page_token(next));
        }
        value
    });
    let doc = Doc::new(body.clone());
    let schema = normalise(&doc, &T::SHAPE).map(|()| known_only(&doc.value(), &T::SHAPE));
    match (serde, schema) {
        (Ok(a), Ok(b)) if as_js(&a) == as_js(&b) => Ok(()),
        (Err(_), Err(_)) => Ok(()),
        (serde, schema) => Err(format!(
            "{} on {body}:\n  serde:  {serde:?}\n  schema: {schema:?}",
            std::any::type_name::<T>()
        )),
    }
}

/// `value` with every number as a float, as JS holds it (serde writes `7.0` for an `f64` of 7).
fn as_js(value: &Value) -> Value {
    match value {
        Value::Number(n) => json!(n.as_f64()),
        Value::Array(items) => Value::Array(items.iter().map(as_js).collect()),
        Value::Object(members) => {
            Value::Object(members.iter().map(|(k, v)| (k.clone(), as_js(v))).collect())
        }
        other => other.clone(),
    }
}

/// `value` without the members `shape` does not name, which the schema keeps and serde drops.
fn known_only(value: &Value, shape: &Shape) -> Value {
    match (shape, value) {
        (Shape::Object(_), Value::Object(members)) => {
            let mut kept = serde_json::Map::new();
            let mut fields = Vec::new();
            flat_fields(shape, &mut fields);
            for field in fields {
                if let Some(member) = members.get(field.name) {
                    kept.insert(field.name.into(), known_only(member, &field.shape));
                }
            }
            Value::Object(kept)
        }
        (Shape::List(item), Value::Array(items)) => {
            Value::Array(items.iter().map(|v| known_only(v, item)).collect())
        }
        (Shape::Page(item), Value::Object(members)) => {
            let mut kept = serde_json::Map::new();
            if let Some(data) = members.get("data") {
                kept.insert("data".into(), known_only(data, &Shape::List(item)));
            }
            if let Some(next) = members.get("next") {
                kept.insert("next".into(), next.clone());
            }
            Value::Object(kept)
        }
        _ => value.clone(),
    }
}

/// An object shape's fields, with flattened ones in place.
fn flat_fields(shape: &Shape, out: &mut Vec<Field>) {
    if let Shape::Object(fields) = shape {
        for field in fields.iter() {
            match field.presence {
                Presence::Flatten => flat_fields(&field.shape, out),
                _ => out.push(*field),
            }
        }
    }
}

/// JSON pointers to every object member the shape names in `value` (a list's first item
/// stands for all).
fn member_paths(value: &Value, shape: &Shape, at: &str, out: &mut Vec<String>) {
    match shape {
        Shape::Object(fields) => {
            for field in fields.iter() {
                if field.presence == Presence::Flatten {
                    member_paths(value, &field.shape, at, out);
                    continue;
                }
                let path = format!("{at}/{}", field.name);
                out.push(path.clone());
                if let Some(member) = value.get(field.name) {
                    member_paths(member, &field.shape, &path, out);
                }
            }
        }
        Shape::List(item) => {
            if let Some(first) = value.get(0) {
                member_paths(first, item, &format!("{at}/0"), out);
            }
        }
        Shape::Page(item) => {
            out.push(format!("{at}/data"));
            out.push(format!("{at}/next"));
            if let Some(first) = value.get("data").and_then(|d| d.get(0)) {
                member_paths(first, item, &format!("{at}/data/0"), out);
            }
        }
        Shape::Text | Shape::Bool | Shape::Number | Shape::Any => {}
    }
}

/// Every variant of `value` with one member absent, `null`, empty text or of another type.
fn probes(value: &Value, shape: &Shape) -> Vec<Value> {
    let mut paths = Vec::new();
    member_paths(value, shape, "", &mut paths);
    let replacements = [
        json!(null),
        json!(""),
        json!(7),
        json!(true),
        json!([]),
        json!({}),
    ];
    let mut out = Vec::new();
    for path in paths {
        let (parent, name) = path.rsplit_once('/').expect("paths start with /");
        let mut removed = value.clone();
        if let Some(object) = removed.pointer_mut(parent).and_then(Value::as_object_mut) {
            object.remove(name);
            out.push(removed);
        }
        // serde also reads a struct from a list of its fields in order, which no API sends.
        let object_shaped = matches!(value.pointer(&path), Some(Value::Object(_)));
        for replacement in &replacements {
            if object_shaped && replacement == &json!([]) {
                continue;
            }
            let mut changed = value.clone();
            if let Some(object) = changed.pointer_mut(parent).and_then(Value::as_object_mut) {
                object.insert(name.to_string(), replacement.clone());
                out.push(changed);
            }
        }
    }
    out
}

fn fixture(name: &str) -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{name}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A sample and its probes, after serde has dropped members the model does not define.
fn check_sample<T: Schema + DeserializeOwned + Serialize>(name: &str) -> Vec<String> {
    let sample = fixture(name);
    let mut failures: Vec<String> = agree::<T>(&sample).err().into_iter().collect();
    // A sample that is no `T` has no probes.
    let Ok(typed) = serde_json::from_value::<T>(sample) else {
        return failures;
    };
    let known = serde_json::to_value(typed).expect("models serialize");
    for probe in probes(&known, &T::SHAPE) {
        failures.extend(agree::<T>(&probe).err());
    }
    failures
}

/// Checks one sample against one model, returning every disagreement.
type Check = fn(&str) -> Vec<String>;

#[test]
fn schemas_agree_with_serde_on_every_sample_and_every_probe() {
    let checks: [(&str, Check); 18] = [
        ("list_accounts.response", check_sample::<Page<Account>>),
        ("create_account.response", check_sample::<Account>),
        ("get_account.response", check_sample::<Account>),
        ("update_account.response", check_sample::<Account>),
        ("delete_account.response", check_sample::<Account>),
        ("list_contacts.response", check_sample::<Page<Contact>>),
        ("create_contact.response", check_sample::<Contact>),
        ("get_contact.response", check_sample::<Contact>),
        ("update_contact.response", check_sample::<Contact>),
        ("patch_contact.response", check_sample::<Contact>),
        (
            "list_invoices.response",
            check_sample::<Vec<InvoiceSummary>>,
        ),
        ("get_invoice.response", check_sample::<Invoice>),
        ("get_invoice.response", check_sample::<InvoiceSummary>),
        (
            "list_organizations.response",
            check_sample::<Page<OrganizationSummary>>,
        ),
        ("create_organization.response", check_sample::<Organization>),
        ("get_organization.response", check_sample::<Organization>),
        (
            "get_organization.response",
            check_sample::<OrganizationSummary>,
        ),
        (
            "update_organization.response",
            check_sample::<UpdatedOrganization>,
        ),
    ];
    let failures: Vec<String> = checks
        .iter()
        .flat_map(|(name, check)| check(name))
        .collect();
    assert!(
        failures.is_empty(),
        "{} disagreements, the first:\n{}",
        failures.len(),
        failures
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn schemas_keep_unknown_members_and_reject_wrong_roots() {
    let doc = Doc::new(json!({"id": "o", "name": "n", "extra": {"x": 1}}));
    normalise(&doc, &Reference::SHAPE).expect("valid");
    assert_eq!(doc.value()["extra"], json!({"x": 1}));
    for root in [json!(null), json!("x"), json!([]), json!(1)] {
        let error = normalise(&Doc::new(root), &Account::SHAPE).expect_err("not an object");
        assert_eq!(error.message(), "the body must be an object");
    }
    let bad = Doc::new(json!({"data": [{"id": "a"}]}));
    let error = normalise(&bad, &Page::<Account>::SHAPE).expect_err("no name");
    assert_eq!(error.message(), "data[0].name must be present");
}

/// `name?: type;` lines of a tsify declaration, as (name, optional).
fn declared_fields(decl: &str) -> Vec<(String, bool)> {
    decl.lines()
        .map(str::trim)
        .filter(|line| !line.starts_with('*') && !line.starts_with("/**") && line.ends_with(';'))
        .filter_map(|line| line.split_once(':'))
        .map(|(name, _)| match name.strip_suffix('?') {
            Some(name) => (name.to_string(), true),
            None => (name.to_string(), false),
        })
        .collect()
}

fn schema_fields(shape: &Shape) -> Vec<(String, bool)> {
    let Shape::Object(fields) = shape else {
        panic!("model schemas are objects")
    };
    fields
        .iter()
        .filter(|f| f.presence != Presence::Flatten)
        .map(|f| {
            let optional = matches!(
                f.presence,
                Presence::Optional | Presence::EmptyAsAbsent | Presence::AbsentAsEmpty
            );
            (f.name.to_string(), optional)
        })
        .collect()
}

#[test]
fn schemas_name_exactly_the_fields_of_the_typescript_declarations() {
    let models: [(&str, &str, Shape); 13] = [
        ("Account", Account::DECL, Account::SHAPE),
        (
            "AccountOrganization",
            AccountOrganization::DECL,
            AccountOrganization::SHAPE,
        ),
        (
            "AccountSummary",
            AccountSummary::DECL,
            AccountSummary::SHAPE,
        ),
        ("Address", Address::DECL, Address::SHAPE),
        ("Contact", Contact::DECL, Contact::SHAPE),
        (
            "ContactSummary",
            ContactSummary::DECL,
            ContactSummary::SHAPE,
        ),
        ("Invoice", Invoice::DECL, Invoice::SHAPE),
        ("InvoiceLine", InvoiceLine::DECL, InvoiceLine::SHAPE),
        (
            "InvoiceSummary",
            InvoiceSummary::DECL,
            InvoiceSummary::SHAPE,
        ),
        ("Organization", Organization::DECL, Organization::SHAPE),
        (
            "OrganizationSummary",
            OrganizationSummary::DECL,
            OrganizationSummary::SHAPE,
        ),
        ("Reference", Reference::DECL, Reference::SHAPE),
        (
            "UpdatedOrganization",
            UpdatedOrganization::DECL,
            UpdatedOrganization::SHAPE,
        ),
    ];
    for (name, decl, shape) in models {
        assert_eq!(schema_fields(&shape), declared_fields(decl), "{name}");
    }
}

/// The option names the facade checks a caller's options against are the ones each query's
/// TypeScript declaration lists, so a parameter added to one and not the other fails here.
#[test]
fn query_names_are_exactly_the_fields_of_their_declarations() {
    let queries: [(&str, &str, &str); 5] = [
        ("ListParams", ListParams::DECL, ListParams::NAMES),
        (
            "ListAccountsParams",
            ListAccountsParams::DECL,
            ListAccountsParams::NAMES,
        ),
        (
            "GetAccountParams",
            GetAccountParams::DECL,
            GetAccountParams::NAMES,
        ),
        (
            "GetOrganizationParams",
            GetOrganizationParams::DECL,
            GetOrganizationParams::NAMES,
        ),
        (
            "ListInvoicesParams",
            ListInvoicesParams::DECL,
            ListInvoicesParams::NAMES,
        ),
    ];
    for (name, decl, names) in queries {
        let declared: Vec<String> = declared_fields(decl).into_iter().map(|(n, _)| n).collect();
        assert_eq!(declared.join(","), names, "{name}");
    }
}
