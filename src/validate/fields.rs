//! Walks a JSON object field by field, recording every issue instead of stopping at the first.

use serde_json::{Map, Value};

use super::country::is_country_code;
use super::email::is_email;
use super::issue::{Rule, ValidationIssue};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Required,
    Optional,
}

pub struct Checker<'a> {
    body: Option<&'a Map<String, Value>>,
    prefix: String,
    known: Vec<&'static str>,
    issues: Vec<ValidationIssue>,
}

impl<'a> Checker<'a> {
    pub fn new(body: &'a Value) -> Self {
        Self::at(body, String::new())
    }

    fn at(body: &'a Value, prefix: String) -> Self {
        let mut checker = Checker {
            body: body.as_object(),
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
                format!("{what} must be an object"),
            ));
        }
        checker
    }

    fn path(&self, name: &str) -> String {
        format!("{}{}", self.prefix, name)
    }

    fn report(&mut self, name: &str, rule: Rule, message: String) {
        self.issues.push(issue(self.path(name), rule, message));
    }

    /// The field's value, or `None` when absent or `null` (reported if required).
    fn value(&mut self, name: &'static str, presence: Presence) -> Option<&'a Value> {
        self.known.push(name);
        let value = self.body?.get(name).filter(|v| !v.is_null());
        if value.is_none() && presence == Presence::Required {
            self.report(
                name,
                Rule::Required,
                format!("{} is required", self.path(name)),
            );
        }
        value
    }

    fn string(&mut self, name: &'static str, presence: Presence) -> Option<&'a str> {
        let value = self.value(name, presence)?;
        let text = value.as_str();
        if text.is_none() {
            self.report(
                name,
                Rule::Type,
                format!("{} must be text", self.path(name)),
            );
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
    ) -> Option<&'a str> {
        let text = self.string(name, presence)?;
        let path = self.path(name);
        let len = text.chars().count();
        if min > 0 && text.trim().is_empty() {
            let rule = if presence == Presence::Required {
                Rule::Required
            } else {
                Rule::MinLength
            };
            self.report(name, rule, format!("{path} must not be blank"));
        } else if len < min {
            self.report(
                name,
                Rule::MinLength,
                format!("{path} must be at least {min} characters (it has {len})"),
            );
        } else if len > max {
            self.report(
                name,
                Rule::MaxLength,
                format!("{path} must be at most {max} characters (it has {len})"),
            );
        }
        Some(text)
    }

    /// A non-blank identifier of another resource.
    pub fn id(&mut self, name: &'static str, presence: Presence) {
        self.text(name, presence, 1, usize::MAX);
    }

    pub fn boolean(&mut self, name: &'static str, presence: Presence) {
        if self.value(name, presence).is_some_and(|v| !v.is_boolean()) {
            self.report(
                name,
                Rule::Type,
                format!("{} must be true or false", self.path(name)),
            );
        }
    }

    pub fn one_of(&mut self, name: &'static str, presence: Presence, allowed: &[&str]) {
        if let Some(text) = self.string(name, presence) {
            if !allowed.contains(&text) {
                let message = enum_message(&self.path(name), allowed);
                self.report(name, Rule::Enum, message);
            }
        }
    }

    /// An assigned ISO 3166-1 alpha-2 code in upper case.
    pub fn country(&mut self, name: &'static str) {
        if let Some(code) = self.string(name, Presence::Optional) {
            if !is_country_code(code) {
                let path = self.path(name);
                let upper = code.to_ascii_uppercase();
                let message = if is_country_code(&upper) {
                    format!("{path} must be written in upper case: {upper}")
                } else {
                    format!(
                        "{path} must be a two-letter ISO 3166-1 country code, such as NO, SE or DE"
                    )
                };
                self.report(name, Rule::Country, message);
            }
        }
    }

    /// An optional email address of at most `max` characters; empty means "none".
    pub fn email(&mut self, name: &'static str, max: usize) {
        let len_issues = self.issues.len();
        if let Some(address) = self.text(name, Presence::Optional, 0, max) {
            if self.issues.len() == len_issues && !address.is_empty() && !is_email(address) {
                let message = format!(
                    "{} must be an email address, such as name@example.com",
                    self.path(name)
                );
                self.report(name, Rule::Email, message);
            }
        }
    }

    /// An optional list whose items are each one of `allowed`.
    pub fn list_of(&mut self, name: &'static str, allowed: &[&str]) {
        let Some(value) = self.value(name, Presence::Optional) else {
            return;
        };
        let Some(items) = value.as_array() else {
            self.report(
                name,
                Rule::Type,
                format!("{} must be a list", self.path(name)),
            );
            return;
        };
        for (index, item) in items.iter().enumerate() {
            let item_path = format!("{}[{index}]", self.path(name));
            match item.as_str() {
                Some(text) if allowed.contains(&text) => {}
                Some(_) => self.issues.push(issue(
                    item_path.clone(),
                    Rule::Enum,
                    enum_message(&item_path, allowed),
                )),
                None => self.issues.push(issue(
                    item_path.clone(),
                    Rule::Type,
                    format!("{item_path} must be text"),
                )),
            }
        }
    }

    /// An optional nested object, checked by `check` with paths like `billingAddress.city`.
    pub fn object(&mut self, name: &'static str, check: impl FnOnce(&mut Checker<'a>)) {
        let Some(value) = self.value(name, Presence::Optional) else {
            return;
        };
        let mut nested = Checker::at(value, format!("{}.", self.path(name)));
        if nested.body.is_some() {
            check(&mut nested);
        }
        self.issues.extend(nested.finish());
    }

    /// Every issue found, with fields the request does not define reported last.
    pub fn finish(mut self) -> Vec<ValidationIssue> {
        if let Some(body) = self.body {
            for name in body
                .keys()
                .filter(|name| !self.known.contains(&name.as_str()))
            {
                let path = self.path(name);
                self.issues.push(issue(
                    path.clone(),
                    Rule::Unknown,
                    format!("{path} is not a field of this request"),
                ));
            }
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
        [only] => format!("{path} must be {only}"),
        _ => format!("{path} must be one of {}", allowed.join(", ")),
    }
}
