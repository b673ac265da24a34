//! An asset's software, filterable by name or publisher. An island: with JavaScript the rows
//! narrow as you type; without it the box is a GET form and the server narrows them.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One installed package, as the table shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoftwareRow {
    pub name: String,
    pub publisher: String,
    pub version: String,
    pub category: String,
    pub lifecycle: String,
}

impl SoftwareRow {
    /// Whether the row matches a filter text (already lower-cased); empty matches all.
    pub fn matches(&self, needle: &str) -> bool {
        needle.is_empty()
            || self.name.to_lowercase().contains(needle)
            || self.publisher.to_lowercase().contains(needle)
    }
}

#[island]
pub fn SoftwareTable(
    rows: Vec<SoftwareRow>,
    /// The filter text from the URL (`?software=`), for the page as first served.
    query: String,
    /// Query fields to keep when the box is submitted without JavaScript (the way back).
    keep: Vec<(String, String)>,
) -> impl IntoView {
    let needle = RwSignal::new(query.trim().to_lowercase());
    let total = rows.len();
    // Which rows match, worked out once per keystroke; rows and the count read it.
    let matching = Memo::new({
        let rows = rows.clone();
        move |_| needle.with(|n| rows.iter().map(|r| r.matches(n)).collect::<Vec<bool>>())
    });
    let shown = move || matching.with(|m| m.iter().filter(|&&hit| hit).count());
    let body = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <tr data-testid="software-row" class:hidden=move || !matching.with(|m| m[i])>
                    <td>{r.name}</td>
                    <td>{r.publisher}</td>
                    <td>{r.version}</td>
                    <td>{r.category}</td>
                    <td>{r.lifecycle}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <form method="get" role="search" data-live=super::live_marker() class="inline-search" on:submit=|ev| ev.prevent_default()>
            <label for="sw-filter">"Filter software "</label>
            <input id="sw-filter" name="software" type="search" placeholder="name or publisher" value=query
                on:input=move |ev| needle.set(event_target_value(&ev).trim().to_lowercase()) />
            {keep.into_iter().map(|(k, v)| view! { <input type="hidden" name=k value=v /> }).collect_view()}
            <button type="submit" class="secondary">"Filter"</button>
            <span class="hint" role="status" data-testid="software-shown">{move || format!("{} of {total} shown", shown())}</span>
        </form>
        <table class="assets">
            <thead><tr><th scope="col">"Name"</th><th scope="col">"Publisher"</th><th scope="col">"Version"</th><th scope="col">"Category"</th><th scope="col">"Lifecycle"</th></tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}
