//! Request bodies (JSON and both XML shapes) into a [`Filter`], and response trees into XML.
//!
//! Parsing is strict about meaning (unknown operators are named in the error) and lenient
//! about form (no body, an empty body or `{}` mean every asset; values may be numbers).

use app::model::filter::{xml_escape, Criterion, Filter, FilterError, Operation, Operator};
use quick_xml::events::Event;
use quick_xml::Reader;
use serde::Deserialize;
use serde_json::Value;

fn bad(field: &str, message: impl Into<String>) -> FilterError {
    FilterError {
        index: None,
        field: field.into(),
        message: message.into(),
    }
}

fn criterion(field: String, operator: &str, value: String) -> Result<Criterion, FilterError> {
    let op = Operator::parse(operator).ok_or_else(|| {
        let known: Vec<_> = Operator::ALL.iter().map(|o| o.as_str()).collect();
        bad(
            &field,
            format!(
                "unknown operator \"{operator}\"; use one of {}",
                known.join(", ")
            ),
        )
    })?;
    Ok(Criterion {
        field,
        operator: op,
        value,
    })
}

fn operation(s: &str) -> Result<Operation, FilterError> {
    Operation::parse(s).ok_or_else(|| {
        bad(
            "operation",
            format!("operation must be AND or OR (got \"{s}\")"),
        )
    })
}

#[derive(Deserialize)]
struct RawFilter {
    #[serde(default)]
    filters: Vec<RawCriterion>,
    #[serde(default)]
    operation: Option<String>,
}

#[derive(Deserialize)]
struct RawCriterion {
    field: Option<String>,
    operator: Option<String>,
    value: Option<Value>,
}

/// A JSON filter body.
pub fn parse_json(body: &str) -> Result<Filter, FilterError> {
    if body.trim().is_empty() {
        return Ok(Filter::all());
    }
    let raw: RawFilter = serde_json::from_str(body).map_err(|e| {
        bad(
            "body",
            format!("the JSON filter body could not be read: {e}"),
        )
    })?;
    let criteria = raw
        .filters
        .into_iter()
        .map(|c| {
            let field = c
                .field
                .ok_or_else(|| bad("filters", "a criterion has no \"field\""))?;
            let op = c
                .operator
                .ok_or_else(|| bad(&field, "the criterion has no \"operator\""))?;
            let value = match c.value {
                Some(Value::String(s)) => s,
                Some(Value::Number(n)) => n.to_string(),
                Some(Value::Bool(b)) => b.to_string(),
                _ => return Err(bad(&field, "the criterion has no \"value\" string")),
            };
            criterion(field, &op, value)
        })
        .collect::<Result<_, _>>()?;
    let operation = raw
        .operation
        .as_deref()
        .map(operation)
        .transpose()?
        .unwrap_or_default();
    Ok(Filter {
        criteria,
        operation,
    })
}

/// An XML filter body: `<FilterRequest><filters>…</filters></FilterRequest>`, or the root-less
/// `<filters>…</filters><operation>AND</operation>` other Qualys samples show.
pub fn parse_xml(body: &str) -> Result<Filter, FilterError> {
    if body.trim().is_empty() {
        return Ok(Filter::all());
    }
    let xml_err = |e: &dyn std::fmt::Display| {
        bad(
            "body",
            format!("the XML filter body could not be read: {e}"),
        )
    };
    let mut reader = Reader::from_str(body);
    reader.config_mut().trim_text(true);
    let mut filter = Filter::all();
    let mut path: Vec<String> = Vec::new();
    let mut current: Option<(String, String, String)> = None;
    loop {
        match reader.read_event().map_err(|e| xml_err(&e))? {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "Criteria" {
                    let (mut field, mut op) = (String::new(), String::new());
                    for attr in e.attributes() {
                        let attr = attr.map_err(|e| xml_err(&e))?;
                        let v = attr.unescape_value().map_err(|e| xml_err(&e))?.into_owned();
                        match attr.key.as_ref() {
                            b"field" => field = v,
                            b"operator" => op = v,
                            _ => {}
                        }
                    }
                    current = Some((field, op, String::new()));
                }
                path.push(name);
            }
            Event::Text(t) => {
                let text = t.unescape().map_err(|e| xml_err(&e))?.into_owned();
                match path.last().map(String::as_str) {
                    Some("value") => {
                        if let Some(c) = current.as_mut() {
                            c.2.push_str(&text);
                        }
                    }
                    Some("operation") => filter.operation = operation(&text)?,
                    _ => {}
                }
            }
            Event::CData(t) if path.last().map(String::as_str) == Some("value") => {
                if let Some(c) = current.as_mut() {
                    c.2.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::End(e) => {
                path.pop();
                if e.name().as_ref() == b"Criteria" {
                    let (field, op, value) = current.take().unwrap_or_default();
                    if field.is_empty() {
                        return Err(bad("filters", "a <Criteria> has no field attribute"));
                    }
                    filter.criteria.push(criterion(field, &op, value)?);
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"Criteria" => {
                return Err(bad("filters", "a <Criteria> has no <value>"));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(filter)
}

/// A response tree as XML under `<ServiceResponse>`: objects become nested elements, arrays
/// repeat their element, null becomes an empty element.
pub fn to_xml(root: &Value) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    write_element(&mut out, "ServiceResponse", root);
    out
}

fn write_element(out: &mut String, name: &str, v: &Value) {
    match v {
        Value::Array(items) => {
            for item in items {
                write_element(out, name, item);
            }
        }
        Value::Null => {
            out.push('<');
            out.push_str(name);
            out.push_str("/>");
        }
        Value::Object(m) => {
            out.push_str(&format!("<{name}>"));
            for (k, child) in m {
                write_element(out, k, child);
            }
            out.push_str(&format!("</{name}>"));
        }
        Value::String(s) => out.push_str(&format!("<{name}>{}</{name}>", xml_escape(s))),
        other => out.push_str(&format!("<{name}>{other}</{name}>")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_xml_shapes_read_the_same() {
        let a = parse_xml(
            r#"<FilterRequest><filters><Criteria field="asset.riskScore" operator="EQUALS"><value>926</value></Criteria></filters></FilterRequest>"#,
        )
        .unwrap();
        let b = parse_xml(
            r#"<filters><Criteria field="asset.riskScore" operator="EQUALS"><value>926</value></Criteria></filters><operation>AND</operation>"#,
        )
        .unwrap();
        assert_eq!(a, b);
        assert_eq!(a.criteria[0].value, "926");
    }

    #[test]
    fn model_xml_round_trips() {
        let f = Filter {
            criteria: vec![Criterion::new("asset.name", Operator::Contains, "<a & b>")],
            operation: Operation::Or,
        };
        assert_eq!(parse_xml(&f.to_xml_body()).unwrap(), f);
    }

    #[test]
    fn json_numbers_are_values_and_unknown_operators_are_named() {
        let f = parse_json(
            r#"{"filters":[{"field":"asset.riskScore","operator":"GREATER","value":849}]}"#,
        )
        .unwrap();
        assert_eq!(f.criteria[0].value, "849");
        let e = parse_json(
            r#"{"filters":[{"field":"asset.riskScore","operator":"ABOVE","value":"1"}]}"#,
        )
        .unwrap_err();
        assert!(e.message.contains("unknown operator \"ABOVE\""));
        assert_eq!(parse_json("{}").unwrap(), Filter::all());
        assert_eq!(parse_json("").unwrap(), Filter::all());
    }

    #[test]
    fn xml_output_escapes_and_repeats() {
        let v = serde_json::json!({"a": [{"n": "<x>"}, {"n": null}], "count": 2});
        assert_eq!(
            to_xml(&v),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ServiceResponse><a><n>&lt;x&gt;</n></a><a><n/></a><count>2</count></ServiceResponse>"
        );
    }
}
