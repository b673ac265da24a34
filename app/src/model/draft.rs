//! A filter as typed into a form or carried in a URL: rows of raw text that may still be
//! wrong. [`FilterDraft::check`] turns it into a [`Filter`] or says, row by row, what to fix.
//!
//! URL form (what the plain GET form submits, so links are shareable and back/forward work):
//! `?field=asset.riskScore&operator=GREATER&value=849&field=…&op=AND`. Rows pair up by order;
//! a row with neither field nor value is an unused blank row and is ignored.

use super::filter::{Criterion, Filter, FilterError, Operation, Operator};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowDraft {
    pub field: String,
    pub operator: String,
    pub value: String,
}

impl RowDraft {
    pub fn is_blank(&self) -> bool {
        self.field.trim().is_empty() && self.value.trim().is_empty()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterDraft {
    pub rows: Vec<RowDraft>,
    pub operation: Operation,
}

/// Percent-encodes a query component.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl FilterDraft {
    /// Reads the rows from query pairs, in order.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> FilterDraft {
        let mut fields = Vec::new();
        let mut operators = Vec::new();
        let mut values = Vec::new();
        let mut operation = Operation::And;
        for (k, v) in pairs {
            match k {
                "field" => fields.push(v.to_string()),
                "operator" => operators.push(v.to_string()),
                "value" => values.push(v.to_string()),
                "op" => operation = Operation::parse(v).unwrap_or_default(),
                _ => {}
            }
        }
        let n = fields.len().max(operators.len()).max(values.len());
        let rows = (0..n)
            .map(|i| RowDraft {
                field: fields.get(i).cloned().unwrap_or_default(),
                operator: operators.get(i).cloned().unwrap_or_default(),
                value: values.get(i).cloned().unwrap_or_default(),
            })
            .filter(|r| !r.is_blank())
            .collect();
        FilterDraft { rows, operation }
    }

    pub fn from_filter(filter: &Filter) -> FilterDraft {
        FilterDraft {
            rows: filter
                .criteria
                .iter()
                .map(|c| RowDraft {
                    field: c.field.clone(),
                    operator: c.operator.as_str().into(),
                    value: c.value.clone(),
                })
                .collect(),
            operation: filter.operation,
        }
    }

    /// The query string for this draft (without `?`); empty for no rows.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        for r in self.rows.iter().filter(|r| !r.is_blank()) {
            parts.push(format!("field={}", encode_component(&r.field)));
            parts.push(format!("operator={}", encode_component(&r.operator)));
            parts.push(format!("value={}", encode_component(&r.value)));
        }
        if !parts.is_empty() && self.operation == Operation::Or {
            parts.push("op=OR".into());
        }
        parts.join("&")
    }

    /// The filter, or every problem with the row it belongs to.
    pub fn check(&self) -> Result<Filter, Vec<FilterError>> {
        let mut problems = Vec::new();
        let mut criteria = Vec::new();
        for (i, r) in self.rows.iter().enumerate() {
            let fail = |message: String| FilterError {
                index: Some(i),
                field: r.field.clone(),
                message,
            };
            if r.field.trim().is_empty() {
                problems.push(fail("choose a field".into()));
                continue;
            }
            let Some(op) = Operator::parse(&r.operator) else {
                problems.push(fail("choose an operator".into()));
                continue;
            };
            let c = Criterion::new(r.field.trim(), op, r.value.trim());
            match c.typed_value() {
                Ok(_) => criteria.push(c),
                Err(e) => problems.push(FilterError {
                    index: Some(i),
                    ..e
                }),
            }
        }
        let filter = Filter {
            criteria,
            operation: self.operation,
        };
        problems.extend(filter.problems().into_iter().filter(|p| p.index.is_none()));
        if problems.is_empty() {
            Ok(filter)
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trips_and_ignores_blank_rows() {
        let pairs = [
            ("field", "asset.riskScore"),
            ("operator", "GREATER"),
            ("value", "849"),
            ("field", ""),
            ("operator", "EQUALS"),
            ("value", ""),
            ("op", "OR"),
        ];
        let d = FilterDraft::from_pairs(pairs);
        assert_eq!(d.rows.len(), 1);
        assert_eq!(d.operation, Operation::Or);
        let q = d.to_query();
        assert_eq!(q, "field=asset.riskScore&operator=GREATER&value=849&op=OR");
        let f = d.check().unwrap();
        assert_eq!(
            f.criteria[0],
            Criterion::new("asset.riskScore", Operator::Greater, "849")
        );
    }

    #[test]
    fn every_bad_row_is_reported_with_its_index() {
        let d = FilterDraft::from_pairs([
            ("field", "asset.riskScore"),
            ("operator", "GREATER"),
            ("value", "lots"),
            ("field", "asset.name"),
            ("operator", "CONTAINS"),
            ("value", "web"),
            ("field", ""),
            ("operator", "EQUALS"),
            ("value", "x"),
        ]);
        let problems = d.check().unwrap_err();
        let where_: Vec<_> = problems.iter().map(|p| p.index).collect();
        assert_eq!(where_, vec![Some(0), Some(2)]);
        assert!(problems[0].message.contains("whole number from 0 to 1000"));
        assert_eq!(problems[1].message, "choose a field");
    }

    #[test]
    fn values_with_specials_survive_the_url() {
        let f = Filter::and(vec![Criterion::new(
            "asset.name",
            Operator::Contains,
            "a&b=c #é",
        )]);
        let q = FilterDraft::from_filter(&f).to_query();
        let pairs: Vec<(String, String)> = q
            .split('&')
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap();
                (k.to_string(), percent_decode(v))
            })
            .collect();
        let back = FilterDraft::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .check()
            .unwrap();
        assert_eq!(back, f);
    }

    fn percent_decode(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }
}
