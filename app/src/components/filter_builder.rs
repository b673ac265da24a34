//! The filter builder: rows of field / operator / value and AND/OR, as a plain GET form.
//!
//! It is an island: the one part of the overview and list pages that runs in the browser.
//! Without JavaScript it is an ordinary form (a blank row is always there to add one more;
//! the server checks the result and marks the rows). With JavaScript the operator list follows
//! the field's type, the value input fits it, rows can be added and removed, and the filter is
//! checked before anything is sent: a bad row gets its message next to it and no call is made.

use crate::model::filter::{field_spec, FieldType, Operator, FIELDS};
use crate::model::{FilterDraft, FilterError, Operation, RowDraft};
use leptos::prelude::*;

#[derive(Clone, Copy)]
struct Row {
    key: usize,
    field: RwSignal<String>,
    operator: RwSignal<String>,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
}

impl Row {
    fn new(key: usize, d: &RowDraft, error: Option<String>) -> Row {
        Row {
            key,
            field: RwSignal::new(d.field.clone()),
            operator: RwSignal::new(d.operator.clone()),
            value: RwSignal::new(d.value.clone()),
            error: RwSignal::new(error),
        }
    }

    fn draft(&self) -> RowDraft {
        RowDraft {
            field: self.field.get_untracked(),
            operator: self.operator.get_untracked(),
            value: self.value.get_untracked(),
        }
    }
}

/// Operators to offer for a field: its type's, or all while no known field is chosen.
pub fn operators_for(field: &str) -> Vec<Operator> {
    field_spec(field)
        .map(|s| s.ty.operators().to_vec())
        .unwrap_or_else(|| Operator::ALL.to_vec())
}

fn blank_row() -> RowDraft {
    RowDraft {
        operator: Operator::Equals.as_str().into(),
        ..RowDraft::default()
    }
}

/// Ready-made filters people reach for.
pub const PRESETS: &[(&str, &str)] = &[
    (
        "Severe risk",
        "field=asset.riskScore&operator=GREATER&value=849",
    ),
    (
        "Passive-sensor assets",
        "field=asset.trackingMethod&operator=EQUALS&value=PASSIVE_SENSOR",
    ),
    (
        "End-of-life OS",
        "field=operatingSystem.lifecycle.stage&operator=EQUALS&value=EOL",
    ),
    (
        "Most critical",
        "field=asset.criticalityScore&operator=EQUALS&value=5",
    ),
];

#[island]
pub fn FilterBuilder(
    /// Where the form goes: the page it sits on.
    #[prop(into)]
    action: String,
    /// The filter the page shows (from the URL).
    draft: FilterDraft,
    /// Problems the server found in it, by row.
    problems: Vec<FilterError>,
    /// Extra query fields kept across a new filter (page size on the list).
    keep: Vec<(String, String)>,
) -> impl IntoView {
    let error_for = |i: usize| {
        problems
            .iter()
            .find(|p| p.index == Some(i))
            .map(|p| p.message.clone())
    };
    let mut initial: Vec<Row> = draft
        .rows
        .iter()
        .enumerate()
        .map(|(i, d)| Row::new(i, d, error_for(i)))
        .collect();
    let next_key = StoredValue::new(initial.len() + 1);
    initial.push(Row::new(initial.len(), &blank_row(), None));
    let rows = RwSignal::new(initial);
    let operation = RwSignal::new(draft.operation);
    let general = problems
        .iter()
        .find(|p| p.index.is_none())
        .map(|p| p.message.clone());
    let keep_query: String = keep
        .iter()
        .map(|(k, v)| format!("&{k}={}", crate::model::draft::encode_component(v)))
        .collect();
    let keep_fields = keep.clone();
    let target = action.clone();
    let presets = PRESETS
        .iter()
        .map(|(label, q)| view! { <a href=format!("{action}?{q}")>{*label}</a> })
        .collect_view();

    let add_row = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| r.push(Row::new(key, &blank_row(), None)));
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = rows.get_untracked();
        let draft = FilterDraft {
            rows: current.iter().map(Row::draft).collect(),
            operation: operation.get_untracked(),
        };
        // Blank rows are skipped, so errors are matched back by position among the used ones.
        let used: Vec<&Row> = current.iter().filter(|r| !r.draft().is_blank()).collect();
        current.iter().for_each(|r| r.error.set(None));
        let checked = FilterDraft {
            rows: used.iter().map(|r| r.draft()).collect(),
            ..draft
        };
        match checked.check() {
            Ok(_) => {
                let q = checked.to_query();
                let sep = if q.is_empty() { "" } else { "&" };
                let query = format!(
                    "{q}{}",
                    if keep_query.is_empty() {
                        String::new()
                    } else {
                        format!("{sep}{}", &keep_query[1..])
                    }
                );
                let url = if query.is_empty() {
                    target.clone()
                } else {
                    format!("{target}?{query}")
                };
                // A full page load: the pages are rendered on the server.
                let _ = window().location().set_href(&url);
            }
            Err(problems) => {
                for p in problems {
                    if let Some(row) = p.index.and_then(|i| used.get(i)) {
                        row.error.set(Some(p.message));
                    }
                }
            }
        }
    };

    view! {
        <form method="get" action=action data-live=super::live_marker() class="filters card" novalidate on:submit=on_submit aria-label="Filter" data-testid="filter-form">
            <div class="presets" aria-label="Presets">
                <span class="hint">"Presets:"</span>
                {presets}
                // No Qualys filter selects a missing score: this preset is qdash's own list.
                <a href="/assets?only=unscored">"Not scored"</a>
                <a href=action.clone()>"Clear"</a>
            </div>
            <For each=move || rows.get() key=|r| r.key let:row>
                <FilterRow row=row rows=rows />
            </For>
            {general.map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div class="filter-actions">
                <fieldset class="inline">
                    <legend class="hint">"Match"</legend>
                    <label>
                        <input type="radio" name="op" value="AND" prop:checked=move || operation.get() == Operation::And on:change=move |_| operation.set(Operation::And) />
                        " all (AND)"
                    </label>
                    <label>
                        <input type="radio" name="op" value="OR" prop:checked=move || operation.get() == Operation::Or on:change=move |_| operation.set(Operation::Or) />
                        " any (OR)"
                    </label>
                </fieldset>
                {keep_fields.into_iter().map(|(k, v)| view! { <input type="hidden" name=k value=v /> }).collect_view()}
                <button type="button" class="secondary" on:click=add_row>"Add condition"</button>
                <button type="submit">"Apply filter"</button>
            </div>
        </form>
    }
}

#[component]
fn FilterRow(row: Row, rows: RwSignal<Vec<Row>>) -> impl IntoView {
    let id = |part: &str| format!("f{}-{part}", row.key);
    let (field_id, op_id, value_id, err_id) = (id("field"), id("op"), id("value"), id("error"));
    let ops = move || operators_for(&row.field.get());
    let (input_id, input_err) = (value_id.clone(), err_id.clone());
    let on_field = move |ev| {
        let f = event_target_value(&ev);
        let allowed = operators_for(&f);
        if !allowed
            .iter()
            .any(|o| o.as_str() == row.operator.get_untracked())
        {
            row.operator.set(allowed[0].as_str().to_string());
        }
        row.field.set(f);
        row.error.set(None);
    };
    let value_input = move || {
        let spec = field_spec(&row.field.get());
        let ty = spec.map(|s| s.ty);
        let in_list = row.operator.get() == "IN";
        let value = move || row.value.get();
        let set = move |ev| {
            row.value.set(event_target_value(&ev));
            row.error.set(None);
        };
        let vid = input_id.clone();
        let eid = input_err.clone();
        match (ty, in_list) {
            (Some(FieldType::Boolean), _) => view! {
                <select id=vid name="value" aria-describedby=eid prop:value=value on:change=set>
                    <option value="true" selected=move || row.value.get() == "true">"true"</option>
                    <option value="false" selected=move || row.value.get() == "false">"false"</option>
                </select>
            }
            .into_any(),
            (Some(FieldType::Integer), false) => {
                let (min, max) = spec.and_then(|s| s.range).unwrap_or((0, i64::MAX));
                let max = (max != i64::MAX).then(|| max.to_string());
                view! { <input id=vid name="value" type="number" step="1" min=min.to_string() max=max aria-describedby=eid value=value prop:value=value on:input=set /> }.into_any()
            }
            (Some(FieldType::Keyword), _) => {
                let list = format!("{}-choices", vid);
                let choices = spec.map(|s| s.choices).unwrap_or_default();
                let placeholder = if in_list { "e.g. QAGENT,IP" } else { "" };
                view! {
                    <input id=vid name="value" list=list.clone() placeholder=placeholder aria-describedby=eid value=value prop:value=value on:input=set />
                    <datalist id=list>{choices.iter().map(|c| view! { <option value=*c></option> }).collect_view()}</datalist>
                }
                .into_any()
            }
            (Some(FieldType::Date), _) => view! {
                <input id=vid name="value" placeholder="2024-01-31" aria-describedby=eid value=value prop:value=value on:input=set />
            }
            .into_any(),
            _ => {
                let placeholder = if in_list { "e.g. 1,2,3" } else { "" };
                view! { <input id=vid name="value" placeholder=placeholder aria-describedby=eid value=value prop:value=value on:input=set /> }.into_any()
            }
        }
    };
    let remove = move |_| rows.update(|r| r.retain(|x| x.key != row.key));
    view! {
        <div class="filter-row" data-testid="filter-row">
            <div>
                <label for=field_id.clone() class="sr-label">"Field"</label>
                <select id=field_id name="field" on:change=on_field prop:value=move || row.field.get()>
                    <option value="" selected=move || row.field.get().is_empty()>"Choose a field…"</option>
                    {FIELDS
                        .iter()
                        .map(|f| view! { <option value=f.name selected=move || row.field.get() == f.name>{f.label}</option> })
                        .collect_view()}
                </select>
            </div>
            <div>
                <label for=op_id.clone() class="sr-label">"Operator"</label>
                <select id=op_id name="operator" prop:value=move || row.operator.get() on:change=move |ev| row.operator.set(event_target_value(&ev))>
                    {move || {
                        ops()
                            .into_iter()
                            .map(|o| view! { <option value=o.as_str() selected=move || row.operator.get() == o.as_str()>{o.label()}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <div>
                <label for=value_id.clone() class="sr-label">"Value"</label>
                {value_input}
                <p class="field-error" id=err_id.clone() role="alert" aria-live="polite">{move || row.error.get()}</p>
            </div>
            <button type="button" class="link" on:click=remove aria-label="Remove this condition">"Remove"</button>
        </div>
    }
}
