//! The Qualys filter model: one flat list of criteria joined by a single AND or OR.
//!
//! Shared by the filter builder (WASM), the server's client and the simulator, so a filter
//! the browser accepts is exactly one the upstream accepts. [`Filter::to_json_body`] and
//! [`Filter::to_xml_body`] produce the request bodies the Qualys samples show.

use super::date::{parse_iso, IsoDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of value a field holds; it decides the operators the field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldType {
    Integer,
    Date,
    Text,
    Keyword,
    Boolean,
}

impl FieldType {
    /// Operators Qualys accepts on a field of this type, in the order the UI lists them.
    pub fn operators(self) -> &'static [Operator] {
        use Operator::*;
        match self {
            FieldType::Integer => &[Equals, NotEquals, Greater, Lesser, In],
            FieldType::Date => &[Equals, NotEquals, Greater, Lesser],
            FieldType::Text => &[Equals, NotEquals, Contains],
            FieldType::Keyword => &[Equals, NotEquals, In],
            FieldType::Boolean => &[Equals, NotEquals],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            FieldType::Integer => "integer",
            FieldType::Date => "date",
            FieldType::Text => "text",
            FieldType::Keyword => "keyword",
            FieldType::Boolean => "boolean",
        }
    }
}

/// A filter operator, spelled on the wire as Qualys spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Operator {
    Equals,
    NotEquals,
    Contains,
    In,
    Greater,
    Lesser,
}

impl Operator {
    pub const ALL: [Operator; 6] = [
        Operator::Equals,
        Operator::NotEquals,
        Operator::Contains,
        Operator::In,
        Operator::Greater,
        Operator::Lesser,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Equals => "EQUALS",
            Operator::NotEquals => "NOT_EQUALS",
            Operator::Contains => "CONTAINS",
            Operator::In => "IN",
            Operator::Greater => "GREATER",
            Operator::Lesser => "LESSER",
        }
    }

    /// What the filter builder shows in its operator list.
    pub fn label(self) -> &'static str {
        match self {
            Operator::Equals => "is",
            Operator::NotEquals => "is not",
            Operator::Contains => "contains",
            Operator::In => "is one of",
            Operator::Greater => "greater than",
            Operator::Lesser => "less than",
        }
    }

    pub fn parse(s: &str) -> Option<Operator> {
        Operator::ALL
            .into_iter()
            .find(|op| op.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// AND or OR over the whole list; Qualys has no nesting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Operation {
    #[default]
    And,
    Or,
}

impl Operation {
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::And => "AND",
            Operation::Or => "OR",
        }
    }

    pub fn parse(s: &str) -> Option<Operation> {
        match s.trim().to_ascii_uppercase().as_str() {
            "AND" => Some(Operation::And),
            "OR" => Some(Operation::Or),
            _ => None,
        }
    }
}

/// One filterable field: its Qualys name, a label for people, its type and its limits.
#[derive(Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub label: &'static str,
    pub ty: FieldType,
    /// Inclusive bounds for integer fields.
    pub range: Option<(i64, i64)>,
    /// Known values for keyword fields; others are allowed (the real service has more).
    pub choices: &'static [&'static str],
}

pub const TRACKING_METHODS: &[&str] = &[
    "QAGENT",
    "IP",
    "DNSNAME",
    "NETBIOS",
    "INSTANCE_ID",
    "PASSIVE_SENSOR",
    "EASM",
    "NONE",
];
pub const PROVIDERS: &[&str] = &["AWS", "AZURE", "GCP", "OCI", "IBM", "ALIBABA"];
pub const OS_CATEGORIES: &[&str] = &["Windows", "Linux", "Mac", "Unix", "Network", "Unidentified"];
pub const LIFECYCLE_STAGES: &[&str] = &["GA", "EOS", "EOL"];
pub const HARDWARE_CATEGORIES: &[&str] = &[
    "Computers",
    "Network Devices",
    "Printers",
    "Virtualized",
    "Unidentified",
];

const fn spec(name: &'static str, label: &'static str, ty: FieldType) -> FieldSpec {
    FieldSpec {
        name,
        label,
        ty,
        range: None,
        choices: &[],
    }
}

/// The fields qdash offers and the simulator understands.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec {
        range: Some((0, 1000)),
        ..spec("asset.riskScore", "TruRisk score", FieldType::Integer)
    },
    FieldSpec {
        range: Some((1, 5)),
        ..spec("asset.criticalityScore", "Criticality", FieldType::Integer)
    },
    FieldSpec {
        choices: TRACKING_METHODS,
        ..spec(
            "asset.trackingMethod",
            "Tracking method",
            FieldType::Keyword,
        )
    },
    spec("asset.name", "Asset name", FieldType::Text),
    spec("interfaces.address", "IP address", FieldType::Text),
    FieldSpec {
        choices: OS_CATEGORIES,
        ..spec("operatingSystem.category1", "OS family", FieldType::Keyword)
    },
    spec("operatingSystem.name", "OS name", FieldType::Text),
    FieldSpec {
        choices: LIFECYCLE_STAGES,
        ..spec(
            "operatingSystem.lifecycle.stage",
            "OS lifecycle stage",
            FieldType::Keyword,
        )
    },
    FieldSpec {
        choices: HARDWARE_CATEGORIES,
        ..spec(
            "hardware.category1",
            "Hardware category",
            FieldType::Keyword,
        )
    },
    spec("software.name", "Installed software", FieldType::Text),
    spec("tags.name", "Tag", FieldType::Text),
    FieldSpec {
        choices: PROVIDERS,
        ..spec("provider", "Cloud provider", FieldType::Keyword)
    },
    spec(
        "asset.isContainerHost",
        "Container host",
        FieldType::Boolean,
    ),
    spec("asset.createdDate", "Created", FieldType::Date),
    spec("asset.lastUpdatedDate", "Last updated", FieldType::Date),
    spec("asset.lastInventoryDate", "Last inventory", FieldType::Date),
    FieldSpec {
        range: Some((0, i64::MAX)),
        ..spec("asset.id", "Asset ID", FieldType::Integer)
    },
];

pub fn field_spec(name: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.name == name.trim())
}

/// One `field operator value` line of a filter.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Criterion {
    pub field: String,
    pub operator: Operator,
    pub value: String,
}

/// A criterion's value once checked against its field's type.
#[derive(Clone, Debug, PartialEq)]
pub enum TypedValue {
    Int(i64),
    Ints(Vec<i64>),
    Date(IsoDate),
    Text(String),
    Keywords(Vec<String>),
    Bool(bool),
}

/// Why a filter was refused, naming the field so a form can show it in place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FilterError {
    /// Position of the offending criterion in the list, when there is one.
    pub index: Option<usize>,
    pub field: String,
    pub message: String,
}

impl Criterion {
    pub fn new(field: &str, operator: Operator, value: impl Into<String>) -> Criterion {
        Criterion {
            field: field.to_string(),
            operator,
            value: value.into(),
        }
    }

    /// Checks the field, the operator for its type and the value, returning the value typed.
    pub fn typed_value(&self) -> Result<TypedValue, FilterError> {
        let fail = |message: String| FilterError {
            index: None,
            field: self.field.clone(),
            message,
        };
        let spec = field_spec(&self.field).ok_or_else(|| {
            fail(format!(
                "unknown field; use one of {}",
                FIELDS.iter().map(|f| f.name).collect::<Vec<_>>().join(", ")
            ))
        })?;
        let allowed = spec.ty.operators();
        if !allowed.contains(&self.operator) {
            let names: Vec<_> = allowed.iter().map(|o| o.as_str()).collect();
            return Err(fail(format!(
                "operator {} is not allowed on a {} field; use one of {}",
                self.operator,
                spec.ty.name(),
                names.join(", ")
            )));
        }
        let value = self.value.trim();
        if value.is_empty() {
            return Err(fail("a value is required".into()));
        }
        match spec.ty {
            FieldType::Integer => {
                let (lo, hi) = spec.range.unwrap_or((i64::MIN, i64::MAX));
                let whole = |v: &str| -> Result<i64, FilterError> {
                    v.trim().parse::<i64>().ok().filter(|n| (lo..=hi).contains(n)).ok_or_else(|| {
                        let bounds = if hi == i64::MAX {
                            format!("a whole number of at least {lo}")
                        } else {
                            format!("a whole number from {lo} to {hi}")
                        };
                        fail(format!("the value must be {bounds} (got \"{}\")", v.trim()))
                    })
                };
                if self.operator == Operator::In {
                    value.split(',').map(whole).collect::<Result<_, _>>().map(TypedValue::Ints)
                } else {
                    whole(value).map(TypedValue::Int)
                }
            }
            FieldType::Date => parse_iso(value).map(TypedValue::Date).ok_or_else(|| {
                fail(format!(
                    "the value must be a date like 2024-01-31 or 2024-01-31T12:00:00.000Z (got \"{value}\")"
                ))
            }),
            FieldType::Text => Ok(TypedValue::Text(value.to_string())),
            FieldType::Keyword => {
                let items: Vec<String> = if self.operator == Operator::In {
                    value.split(',').map(|v| v.trim().to_string()).collect()
                } else {
                    vec![value.to_string()]
                };
                if items.iter().any(|v| v.is_empty()) {
                    return Err(fail("the list has an empty entry; separate values with single commas".into()));
                }
                Ok(TypedValue::Keywords(items))
            }
            FieldType::Boolean => match value.to_ascii_lowercase().as_str() {
                "true" => Ok(TypedValue::Bool(true)),
                "false" => Ok(TypedValue::Bool(false)),
                _ => Err(fail(format!("the value must be true or false (got \"{value}\")"))),
            },
        }
    }
}

/// A whole Qualys filter. An empty list means every asset.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Filter {
    #[serde(rename = "filters", default)]
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub operation: Operation,
}

/// Qualys refuses very long filters; so does qdash, before spending a call on them.
pub const MAX_CRITERIA: usize = 20;

impl Filter {
    pub fn all() -> Filter {
        Filter::default()
    }

    pub fn and(criteria: Vec<Criterion>) -> Filter {
        Filter {
            criteria,
            operation: Operation::And,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty()
    }

    /// Every problem in the filter, each naming its criterion, so a form can mark them all.
    pub fn problems(&self) -> Vec<FilterError> {
        let mut out: Vec<FilterError> = self
            .criteria
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                c.typed_value().err().map(|e| FilterError {
                    index: Some(i),
                    ..e
                })
            })
            .collect();
        if self.criteria.len() > MAX_CRITERIA {
            out.push(FilterError {
                index: None,
                field: "filters".into(),
                message: format!("at most {MAX_CRITERIA} criteria are allowed"),
            });
        }
        out
    }

    pub fn validate(&self) -> Result<(), FilterError> {
        self.problems().into_iter().next().map_or(Ok(()), Err)
    }

    /// This filter narrowed by one more criterion, when Qualys can express that in one flat list:
    /// always for AND (or a single criterion), never for an OR of several.
    pub fn narrowed(&self, extra: &[Criterion]) -> Option<Filter> {
        if self.operation == Operation::Or && self.criteria.len() > 1 {
            return None;
        }
        let mut criteria = self.criteria.clone();
        criteria.extend_from_slice(extra);
        Some(Filter {
            criteria,
            operation: Operation::And,
        })
    }

    /// The JSON body Qualys takes: `{"filters":[...],"operation":"AND"}`.
    pub fn to_json_body(&self) -> String {
        serde_json::to_string(self).expect("a filter always serialises")
    }

    /// The XML body in the `<FilterRequest>` shape of the Qualys samples. `<operation>` is written
    /// only for OR, so an AND filter is byte-for-byte the sample's shape.
    pub fn to_xml_body(&self) -> String {
        let mut xml = String::from("<FilterRequest><filters>");
        for c in &self.criteria {
            xml.push_str(&format!(
                "<Criteria field=\"{}\" operator=\"{}\"><value>{}</value></Criteria>",
                xml_escape(&c.field),
                c.operator,
                xml_escape(&c.value)
            ));
        }
        xml.push_str("</filters>");
        if self.operation == Operation::Or {
            xml.push_str("<operation>OR</operation>");
        }
        xml.push_str("</FilterRequest>");
        xml
    }
}

/// Escapes text for an XML element or attribute.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crit(field: &str, op: Operator, value: &str) -> Criterion {
        Criterion::new(field, op, value)
    }

    #[test]
    fn json_body_matches_the_seed_sample() {
        let f = Filter::and(vec![crit("asset.riskScore", Operator::Equals, "936")]);
        assert_eq!(
            f.to_json_body(),
            r#"{"filters":[{"field":"asset.riskScore","operator":"EQUALS","value":"936"}],"operation":"AND"}"#
        );
        let back: Filter = serde_json::from_str(&f.to_json_body()).unwrap();
        assert_eq!(back, f);
    }

    #[test]
    fn json_without_operation_defaults_to_and() {
        let f: Filter = serde_json::from_str(r#"{"filters":[]}"#).unwrap();
        assert_eq!(f.operation, Operation::And);
        let f: Filter = serde_json::from_str("{}").unwrap();
        assert!(f.is_empty());
    }

    #[test]
    fn xml_body_matches_the_seed_sample() {
        let f = Filter::and(vec![crit(
            "asset.trackingMethod",
            Operator::Equals,
            "PASSIVE_SENSOR",
        )]);
        assert_eq!(
            f.to_xml_body(),
            "<FilterRequest><filters><Criteria field=\"asset.trackingMethod\" operator=\"EQUALS\"><value>PASSIVE_SENSOR</value></Criteria></filters></FilterRequest>"
        );
        let or = Filter {
            operation: Operation::Or,
            ..f
        };
        assert!(or
            .to_xml_body()
            .ends_with("<operation>OR</operation></FilterRequest>"));
    }

    #[test]
    fn xml_values_are_escaped() {
        let f = Filter::and(vec![crit("asset.name", Operator::Contains, "<a&b>")]);
        assert!(f.to_xml_body().contains("<value>&lt;a&amp;b&gt;</value>"));
    }

    #[test]
    fn operators_follow_the_field_type() {
        for spec in FIELDS {
            for op in Operator::ALL {
                let value = match spec.ty {
                    FieldType::Integer => "3",
                    FieldType::Date => "2024-01-01",
                    FieldType::Boolean => "true",
                    _ => "x",
                };
                let ok = crit(spec.name, op, value).typed_value().is_ok();
                assert_eq!(ok, spec.ty.operators().contains(&op), "{} {op}", spec.name);
            }
        }
    }

    #[test]
    fn rejected_values_name_the_problem() {
        let e = crit("asset.riskScore", Operator::Greater, "abc")
            .typed_value()
            .unwrap_err();
        assert_eq!(e.field, "asset.riskScore");
        assert!(
            e.message.contains("whole number from 0 to 1000"),
            "{}",
            e.message
        );
        let e = crit("asset.riskScore", Operator::Contains, "5")
            .typed_value()
            .unwrap_err();
        assert!(
            e.message.contains("CONTAINS is not allowed"),
            "{}",
            e.message
        );
        let e = crit("asset.nope", Operator::Equals, "5")
            .typed_value()
            .unwrap_err();
        assert!(e.message.contains("unknown field"));
        let e = crit("asset.createdDate", Operator::Greater, "last week")
            .typed_value()
            .unwrap_err();
        assert!(e.message.contains("date like"));
        let e = crit("asset.isContainerHost", Operator::Equals, "yes")
            .typed_value()
            .unwrap_err();
        assert!(e.message.contains("true or false"));
        let e = crit("asset.criticalityScore", Operator::In, "1,,2")
            .typed_value()
            .unwrap_err();
        assert!(e.message.contains("whole number from 1 to 5"));
    }

    #[test]
    fn in_takes_one_comma_separated_string() {
        assert_eq!(
            crit("asset.criticalityScore", Operator::In, "1, 2,3")
                .typed_value()
                .unwrap(),
            TypedValue::Ints(vec![1, 2, 3])
        );
        assert_eq!(
            crit("asset.trackingMethod", Operator::In, "IP,QAGENT")
                .typed_value()
                .unwrap(),
            TypedValue::Keywords(vec!["IP".into(), "QAGENT".into()])
        );
    }

    #[test]
    fn problems_lists_every_bad_row_with_its_index() {
        let f = Filter::and(vec![
            crit("asset.riskScore", Operator::Greater, "2000"),
            crit("asset.name", Operator::Contains, "web"),
            crit("asset.criticalityScore", Operator::Equals, ""),
        ]);
        let idx: Vec<_> = f.problems().iter().map(|p| p.index).collect();
        assert_eq!(idx, vec![Some(0), Some(2)]);
    }

    #[test]
    fn an_or_of_several_cannot_be_narrowed() {
        let extra = [crit("asset.riskScore", Operator::Greater, "849")];
        let one = Filter {
            operation: Operation::Or,
            criteria: vec![crit("asset.name", Operator::Contains, "a")],
        };
        assert_eq!(one.narrowed(&extra).unwrap().criteria.len(), 2);
        let two = Filter {
            operation: Operation::Or,
            criteria: vec![
                crit("asset.name", Operator::Contains, "a"),
                crit("asset.name", Operator::Contains, "b"),
            ],
        };
        assert_eq!(two.narrowed(&extra), None);
        assert_eq!(
            Filter::all().narrowed(&extra).unwrap().criteria,
            extra.to_vec()
        );
    }
}
