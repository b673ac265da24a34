//! One module per route.

pub mod asset_detail;
pub mod asset_list;
pub mod login;
pub mod not_found;
pub mod overview;

use crate::model::FilterDraft;
use leptos_router::params::ParamsMap;

/// The filter a page's URL carries.
pub fn draft_from(query: &ParamsMap) -> FilterDraft {
    let all = |k: &str| query.get_all(k).unwrap_or_default();
    let (fields, operators, values) = (all("field"), all("operator"), all("value"));
    let op = query.get("op").unwrap_or_default();
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    pairs.extend(fields.iter().map(|v| ("field", v.as_str())));
    pairs.extend(operators.iter().map(|v| ("operator", v.as_str())));
    pairs.extend(values.iter().map(|v| ("value", v.as_str())));
    pairs.push(("op", op.as_str()));
    FilterDraft::from_pairs(pairs)
}
