//! Query parameters, read strictly: a value that does not parse is a 400 naming the
//! parameter, never a silent default.

use time::OffsetDateTime;

use crate::clock;
use crate::problem::Problem;

pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    pub fn parse(raw: Option<&str>) -> Self {
        let pairs = raw
            .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();
        Query { pairs }
    }

    /// The value of `name`; an empty or a repeated one is refused (the contract has no empty values).
    pub fn get(&self, name: &str) -> Result<Option<&str>, Problem> {
        let mut values = self
            .pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str());
        let first = values.next();
        if values.next().is_some() {
            return Err(Problem::param(name, "must be given only once"));
        }
        match first {
            Some("") => Err(Problem::param(name, format!("{name} must not be empty"))),
            other => Ok(other),
        }
    }

    pub fn boolean(&self, name: &str) -> Result<Option<bool>, Problem> {
        match self.get(name)? {
            None => Ok(None),
            Some(v) if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(v) if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(v) => Err(Problem::param(
                name,
                format!("must be true or false, not {v:?}"),
            )),
        }
    }

    pub fn integer(&self, name: &str) -> Result<Option<usize>, Problem> {
        match self.get(name)? {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| Problem::param(name, format!("must be a whole number, not {v:?}"))),
        }
    }

    pub fn date_time(&self, name: &str) -> Result<Option<OffsetDateTime>, Problem> {
        match self.get(name)? {
            None => Ok(None),
            Some(v) => clock::parse(v).map(Some).ok_or_else(|| {
                Problem::param(
                    name,
                    format!(
                        "must be an RFC 3339 date-time such as 2024-01-31T00:00:00Z, not {v:?}"
                    ),
                )
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_typed_values() {
        let q = Query::parse(Some(
            "limit=20&deleted=TRUE&after=2024-01-01T00%3A00%3A00Z&page=",
        ));
        assert_eq!(q.integer("limit").unwrap(), Some(20));
        assert_eq!(q.boolean("deleted").unwrap(), Some(true));
        assert!(q.date_time("after").unwrap().is_some());
        assert_eq!(q.get("missing").unwrap(), None);
        for empty in ["page", "limit", "deleted", "after"] {
            let q = Query::parse(Some(&format!("{empty}=")));
            assert_eq!(q.get(empty).unwrap_err().status, 400, "{empty}");
        }
    }

    #[test]
    fn refuses_bad_values() {
        let q = Query::parse(Some("limit=abc&deleted=yes&at=soon&x=1&x=2"));
        assert_eq!(q.integer("limit").unwrap_err().status, 400);
        assert!(q.boolean("deleted").is_err());
        assert!(q.date_time("at").is_err());
        assert!(q.get("x").is_err());
        assert!(Query::parse(Some("limit=-1")).integer("limit").is_err());
    }
}
