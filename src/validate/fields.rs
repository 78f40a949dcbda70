//! Walks a JSON object field by field, recording every issue instead of stopping at the first.

use super::country::is_country_code;
use super::email::is_email;
use super::issue::{Rule, ValidationIssue};
use super::website::is_web_address;
use crate::json::{text as msg, Json, Type};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Required,
    Optional,
}

pub struct Checker<V: Json> {
    /// The body when it is an object.
    body: Option<V>,
    prefix: String,
    known: Vec<&'static str>,
    issues: Vec<ValidationIssue>,
}

impl<V: Json> Checker<V> {
    pub fn new(body: V) -> Self {
        Self::at(body, String::new())
    }

    fn at(body: V, prefix: String) -> Self {
        let is_object = body.json_type() == Some(Type::Object);
        let mut checker = Checker {
            body: is_object.then_some(body),
            prefix,
            known: Vec::new(),
            issues: Vec::new(),
        };
        if checker.body.is_none() {
            let field = checker.prefix.trim_end_matches('.').to_string();
            let what = if field.is_empty() {
                "The request body".to_string()
            } else {
                field.clone()
            };
            checker.issues.push(issue(
                field,
                Rule::Type,
                msg(&[&what, &" must be an object"]),
            ));
        }
        checker
    }

    fn path(&self, name: &str) -> String {
        msg(&[&self.prefix.as_str(), &name])
    }

    fn report(&mut self, name: &str, rule: Rule, message: String) {
        self.issues.push(issue(self.path(name), rule, message));
    }

    /// The field's value, or `None` when absent or `null` (reported if required).
    fn value(&mut self, name: &'static str, presence: Presence) -> Option<V> {
        self.known.push(name);
        let value = self
            .body
            .as_ref()?
            .member(name)
            .filter(|v| v.json_type() != Some(Type::Null));
        if value.is_none() && presence == Presence::Required {
            self.report(
                name,
                Rule::Required,
                msg(&[&self.path(name), &" is required"]),
            );
        }
        value
    }

    fn string(&mut self, name: &'static str, presence: Presence) -> Option<String> {
        let value = self.value(name, presence)?;
        let text = value.text();
        if text.is_none() {
            self.report(name, Rule::Type, msg(&[&self.path(name), &" must be text"]));
        }
        text
    }

    /// Text whose length, counted in characters, lies in `min..=max`.
    pub fn text(
        &mut self,
        name: &'static str,
        presence: Presence,
        min: usize,
        max: usize,
    ) -> Option<String> {
        let text = self.string(name, presence)?;
        let path = self.path(name);
        let len = text.chars().count();
        if min > 0 && text.trim().is_empty() {
            let rule = if presence == Presence::Required {
                Rule::Required
            } else {
                Rule::MinLength
            };
            self.report(name, rule, msg(&[&path, &" must not be blank"]));
        } else if len < min {
            self.report(
                name,
                Rule::MinLength,
                msg(&[
                    &path,
                    &" must be at least ",
                    &min,
                    &" characters (it has ",
                    &len,
                    &")",
                ]),
            );
        } else if len > max {
            self.report(
                name,
                Rule::MaxLength,
                msg(&[
                    &path,
                    &" must be at most ",
                    &max,
                    &" characters (it has ",
                    &len,
                    &")",
                ]),
            );
        }
        Some(text)
    }

    /// A non-blank identifier of another resource.
    pub fn id(&mut self, name: &'static str, presence: Presence) {
        self.text(name, presence, 1, usize::MAX);
    }

    pub fn boolean(&mut self, name: &'static str, presence: Presence) {
        if self
            .value(name, presence)
            .is_some_and(|v| v.json_type() != Some(Type::Bool))
        {
            self.report(
                name,
                Rule::Type,
                msg(&[&self.path(name), &" must be true or false"]),
            );
        }
    }

    pub fn one_of(&mut self, name: &'static str, presence: Presence, allowed: &[&str]) {
        if let Some(text) = self.string(name, presence) {
            if !allowed.contains(&text.as_str()) {
                let message = enum_message(&self.path(name), allowed);
                self.report(name, Rule::Enum, message);
            }
        }
    }

    /// An assigned ISO 3166-1 alpha-2 code in upper case.
    pub fn country(&mut self, name: &'static str) {
        if let Some(code) = self.string(name, Presence::Optional) {
            if !is_country_code(&code) {
                let path = self.path(name);
                let upper = code.to_ascii_uppercase();
                let message = if is_country_code(&upper) {
                    msg(&[&path, &" must be written in upper case: ", &upper])
                } else {
                    msg(&[
                        &path,
                        &" must be a two-letter ISO 3166-1 country code, such as NO, SE or DE",
                    ])
                };
                self.report(name, Rule::Country, message);
            }
        }
    }

    /// An optional email address of at most `max` characters; empty means "none".
    pub fn email(&mut self, name: &'static str, max: usize) {
        let is_email_or_none = |address: &str| address.is_empty() || is_email(address);
        let expected = " must be an email address, such as name@example.com";
        self.formatted(name, max, is_email_or_none, Rule::Email, expected);
    }

    /// An optional web address of at most `max` characters (see [`is_web_address`]).
    pub fn website(&mut self, name: &'static str, max: usize) {
        let expected = " must be an http or https address, such as https://example.com";
        self.formatted(name, max, is_web_address, Rule::Url, expected);
    }

    /// Optional text of at most `max` characters that `fits` must accept, else `rule` is broken;
    /// a length issue is reported alone.
    fn formatted(
        &mut self,
        name: &'static str,
        max: usize,
        fits: impl Fn(&str) -> bool,
        rule: Rule,
        expected: &'static str,
    ) {
        let len_issues = self.issues.len();
        if let Some(text) = self.text(name, Presence::Optional, 0, max) {
            if self.issues.len() == len_issues && !fits(&text) {
                let message = msg(&[&self.path(name), &expected]);
                self.report(name, rule, message);
            }
        }
    }

    /// An optional list whose items are each one of `allowed`.
    pub fn list_of(&mut self, name: &'static str, allowed: &[&str]) {
        let Some(value) = self.value(name, Presence::Optional) else {
            return;
        };
        let Some(items) = value.items() else {
            self.report(
                name,
                Rule::Type,
                msg(&[&self.path(name), &" must be a list"]),
            );
            return;
        };
        for (index, item) in items.iter().enumerate() {
            let item_path = msg(&[&self.path(name), &"[", &index, &"]"]);
            match item.text() {
                Some(text) if allowed.contains(&text.as_str()) => {}
                Some(_) => self.issues.push(issue(
                    item_path.clone(),
                    Rule::Enum,
                    enum_message(&item_path, allowed),
                )),
                None => self.issues.push(issue(
                    item_path.clone(),
                    Rule::Type,
                    msg(&[&item_path, &" must be text"]),
                )),
            }
        }
    }

    /// An optional nested object, checked by `check` with paths like `billingAddress.city`.
    pub fn object(&mut self, name: &'static str, check: impl FnOnce(&mut Checker<V>)) {
        let Some(value) = self.value(name, Presence::Optional) else {
            return;
        };
        let mut nested = Checker::at(value, msg(&[&self.path(name), &"."]));
        if nested.body.is_some() {
            check(&mut nested);
        }
        self.issues.extend(nested.finish());
    }

    /// Every issue found, with fields the request does not define reported last.
    pub fn finish(mut self) -> Vec<ValidationIssue> {
        let keys = self.body.as_ref().map(Json::keys).unwrap_or_default();
        for name in keys
            .iter()
            .filter(|name| !self.known.contains(&name.as_str()))
        {
            let path = self.path(name);
            let message = msg(&[&path, &" is not a field of this request"]);
            self.issues.push(issue(path, Rule::Unknown, message));
        }
        self.issues
    }
}

fn issue(field: String, rule: Rule, message: String) -> ValidationIssue {
    ValidationIssue {
        field,
        rule,
        message,
    }
}

fn enum_message(path: &str, allowed: &[&str]) -> String {
    match allowed {
        [only] => msg(&[&path, &" must be ", only]),
        _ => msg(&[&path, &" must be one of ", &allowed.join(", ")]),
    }
}
