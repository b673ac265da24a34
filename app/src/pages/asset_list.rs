//! `/assets`: the paged asset list under the current filter.
//!
//! Paging follows Qualys cursors (`lastSeenAssetId`). The trail of cursors that led to this
//! page is kept in the URL (`trail=c1,c2,…`), so reload, back/forward and shared links land on
//! the same page; "previous" drops the last cursor, "next" appends the page's own.

use super::draft_from;
use crate::api::search_assets;
use crate::components::budget_badge::BudgetBadge;
use crate::components::error_view::{urlencode, ErrorView};
use crate::components::filter_builder::FilterBuilder;
use crate::model::{AssetListPage, Filter, FilterDraft, Remainder, RiskBand, TrackingMethod};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

pub const PAGE_SIZES: [u16; 4] = [25, 50, 100, 300];
pub const DEFAULT_PAGE_SIZE: u16 = 50;

/// The list URL for a filter, page size, cursor trail, and a card remainder to keep.
pub fn list_url(draft: &FilterDraft, size: u16, trail: &[u64], only: Option<Remainder>) -> String {
    let mut q = draft.to_query();
    let mut add = |kv: String| {
        if !q.is_empty() {
            q.push('&');
        }
        q.push_str(&kv);
    };
    if let Some(r) = only {
        add(format!("only={}", r.param()));
    }
    if size != DEFAULT_PAGE_SIZE {
        add(format!("size={size}"));
    }
    if !trail.is_empty() {
        add(format!(
            "trail={}",
            trail
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(",")
        ));
    }
    if q.is_empty() {
        "/assets".into()
    } else {
        format!("/assets?{q}")
    }
}

#[component]
pub fn AssetListPage() -> impl IntoView {
    let query = use_query_map();
    let state = Memo::new(move |_| {
        let q = query.get();
        let size = q
            .get("size")
            .and_then(|s| s.parse().ok())
            .filter(|s| PAGE_SIZES.contains(s))
            .unwrap_or(DEFAULT_PAGE_SIZE);
        let trail: Vec<u64> = q
            .get("trail")
            .unwrap_or_default()
            .split(',')
            .filter_map(|c| c.trim().parse().ok())
            .collect();
        let only = q.get("only").and_then(|o| Remainder::parse(&o));
        (draft_from(&q), size, trail, only)
    });
    view! {
        <Title text="Assets" />
        <h1>"Assets"</h1>
        {move || {
            let (draft, size, trail, only) = state.get();
            let mut keep = if size == DEFAULT_PAGE_SIZE { vec![] } else { vec![("size".to_string(), size.to_string())] };
            if let Some(r) = only {
                keep.push(("only".to_string(), r.param().to_string()));
            }
            match draft.check() {
                Ok(filter) => view! {
                    <FilterBuilder action="/assets" draft=draft.clone() problems=vec![] keep=keep />
                    {only.map(|r| view! {
                        <p class="alert info" data-testid="remainder-note">
                            {format!("Showing only {}. No Qualys filter selects them, so qdash cuts this list from one crawl of the filtered set. ", r.describe())}
                            <a href=list_url(&draft, size, &[], None)>"Show all"</a>
                        </p>
                    })}
                    <AssetTable filter=filter draft=draft size=size trail=trail only=only />
                }
                .into_any(),
                Err(problems) => view! {
                    <FilterBuilder action="/assets" draft=draft problems=problems keep=keep />
                    <p class="alert error" role="alert">"Fix the marked conditions; nothing was sent to Qualys."</p>
                }
                .into_any(),
            }
        }}
        <BudgetBadge />
    }
}

#[component]
fn AssetTable(
    filter: Filter,
    draft: FilterDraft,
    size: u16,
    trail: Vec<u64>,
    only: Option<Remainder>,
) -> impl IntoView {
    let cursor = trail.last().copied();
    let page = Resource::new(
        move || (filter.clone(), cursor, size),
        move |(f, c, s)| search_assets(f, c, s, only),
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading assets…"</p> }>
            {
                let (draft, trail) = (draft.clone(), trail.clone());
                move || {
                    let (draft, trail) = (draft.clone(), trail.clone());
                    Suspend::new(async move {
                        match page.await {
                            Ok(p) => view! { <Listing page=p draft=draft size=size trail=trail only=only /> }.into_any(),
                            Err(e) => view! { <ErrorView error=e /> }.into_any(),
                        }
                    })
                }
            }
        </Suspense>
    }
}

#[component]
fn Listing(
    page: AssetListPage,
    draft: FilterDraft,
    size: u16,
    trail: Vec<u64>,
    only: Option<Remainder>,
) -> impl IntoView {
    let here = list_url(&draft, size, &trail, only);
    let k = trail.len() + 1;
    let pages = page.total.div_ceil(size as u64).max(1);
    let prev = (!trail.is_empty()).then(|| list_url(&draft, size, &trail[..trail.len() - 1], only));
    let next = page.next_cursor.map(|c| {
        let mut t = trail.clone();
        t.push(c);
        list_url(&draft, size, &t, only)
    });
    if page.rows.is_empty() {
        return view! {
            <div class="card empty-state" data-testid="empty">
                <p>{if trail.is_empty() { "No assets match this filter." } else { "No more assets on this page." }}</p>
                <a href="/assets">"Show all assets"</a>
            </div>
        }
        .into_any();
    }
    let back = urlencode(&here);
    let rows = page
        .rows
        .into_iter()
        .map(|r| {
            let band = RiskBand::of(r.risk);
            let href = format!("/assets/{}?back={back}", r.id);
            view! {
                <tr data-testid="asset-row" data-asset-id=r.id.to_string()>
                    <td class="name"><a href=href>{r.name}</a></td>
                    <td>{r.address.unwrap_or_default()}</td>
                    <td>{r.os.unwrap_or_default()}</td>
                    <td>
                        <span class=format!("band-pill band-{}", band.slug())>
                            {r.risk.map(|s| format!("{s} · {}", band.label())).unwrap_or_else(|| band.label().to_string())}
                        </span>
                    </td>
                    <td>{r.criticality.map(|c| c.to_string()).unwrap_or_default()}</td>
                    <td>{r.tracking.map(|t| TrackingMethod(t).label().to_string()).unwrap_or_default()}</td>
                    <td>{r.updated.map(|d| d.chars().take(10).collect::<String>()).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let size_form_fields = draft.rows.clone();
    view! {
        <nav class="pager" aria-label="Pages">
            <span data-testid="page-of">{format!("Page {k} of about {pages}")}</span>
            <span class="hint">{format!("{} assets match", page.total)}</span>
            {prev.map(|h| view! { <a href=h rel="prev" data-testid="prev">"← Previous"</a> })}
            {next.map(|h| view! { <a href=h rel="next" data-testid="next">"Next →"</a> })}
            <form method="get" action="/assets" class="inline">
                {size_form_fields
                    .into_iter()
                    .map(|r| view! {
                        <input type="hidden" name="field" value=r.field />
                        <input type="hidden" name="operator" value=r.operator />
                        <input type="hidden" name="value" value=r.value />
                    })
                    .collect_view()}
                {(draft.operation == crate::model::Operation::Or).then(|| view! { <input type="hidden" name="op" value="OR" /> })}
                {only.map(|r| view! { <input type="hidden" name="only" value=r.param() /> })}
                <label for="size">"Per page "</label>
                <select id="size" name="size">
                    {PAGE_SIZES.iter().map(|s| view! { <option value=s.to_string() selected=*s == size>{s.to_string()}</option> }).collect_view()}
                </select>
                " "
                <button type="submit" class="secondary">"Show"</button>
            </form>
        </nav>
        <table class="assets">
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Address"</th>
                    <th scope="col">"OS"</th>
                    <th scope="col">"TruRisk"</th>
                    <th scope="col">"Criticality"</th>
                    <th scope="col">"Tracking"</th>
                    <th scope="col">"Last updated"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
