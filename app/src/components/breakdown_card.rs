//! One overview card: a breakdown with count, share and bar per row, each row linking to the
//! asset list filtered to it, "as of" time, cost, and a refresh that bypasses the cache (a
//! plain form post to `/refresh`, so it works without JavaScript). It loads on its own and
//! shows its own error.

use super::bar_chart::Bar;
use super::error_view::ErrorView;
use crate::api::get_breakdown;
use crate::model::breakdown::Method;
use crate::model::{Breakdown, Dimension, Filter, FilterDraft, RiskBand};
use leptos::prelude::*;

/// "20:15 UTC" from Unix seconds.
pub fn utc_time(secs: u64) -> String {
    format!("{:02}:{:02} UTC", secs / 3600 % 24, secs / 60 % 60)
}

fn band_class(d: Dimension, key: &str) -> &'static str {
    if d != Dimension::Risk {
        return "";
    }
    RiskBand::ALL
        .iter()
        .find(|b| b.slug() == key)
        .map(|b| match b {
            RiskBand::Severe => "band-severe",
            RiskBand::High => "band-high",
            RiskBand::Medium => "band-medium",
            RiskBand::Low => "band-low",
            RiskBand::NotScored => "band-none",
        })
        .unwrap_or("")
}

#[component]
pub fn BreakdownCard(
    dimension: Dimension,
    filter: Filter,
    /// The last refresh of this card failed: the figures shown are the cached ones.
    #[prop(optional)]
    stale: bool,
) -> impl IntoView {
    let query = FilterDraft::from_filter(&filter).to_query();
    let data = Resource::new(
        || (),
        move |_| get_breakdown(filter.clone(), dimension, false),
    );
    let slug = dimension.slug();
    view! {
        <section class="card breakdown" aria-labelledby=format!("{slug}-title") data-testid=format!("card-{slug}")>
            <h2 id=format!("{slug}-title")>{dimension.title()}</h2>
            <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
                {move || {
                    let query = query.clone();
                    Suspend::new(async move {
                    match data.await {
                        Ok(b) => view! { <BreakdownTable b=b filter_query=query stale=stale /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e /> }.into_any(),
                    }
                })}}
            </Suspense>
        </section>
    }
}

#[component]
fn BreakdownTable(b: Breakdown, filter_query: String, stale: bool) -> impl IntoView {
    let d = b.dimension;
    let cost = match (b.method, b.calls) {
        (_, 0) => "0 calls (from cache)".to_string(),
        (Method::Crawl, n) => format!("{n} calls (one shared crawl)"),
        (Method::Counts, n) => format!("{n} calls (one count per row)"),
    };
    let rows = b
        .buckets
        .iter()
        .map(|bucket| {
            let share = b.share(bucket.count);
            let class = if bucket.key == "none" && d == Dimension::Risk { "band-none" } else { band_class(d, &bucket.key) };
            let label = bucket.label.clone();
            let name = match &bucket.href {
                Some(href) => view! { <a href=href.clone()><span class=format!("swatch {class}")></span>{label}</a> }.into_any(),
                None => view! { <span><span class=format!("swatch {class}")></span>{label}</span> }.into_any(),
            };
            view! {
                <tr data-testid=format!("bucket-{}", bucket.key)>
                    <th scope="row">{name}</th>
                    <td class="num" data-testid="count">{bucket.count}</td>
                    <td class="num">{format!("{:.1}%", share * 100.0)}</td>
                    <td class="bar-cell"><Bar share=share class=class /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table>
            <thead>
                <tr><th scope="col">"Bucket"</th><th scope="col" class="num">"Assets"</th><th scope="col" class="num">"Share"</th><th scope="col"><span class="sr-label">"Bar"</span></th></tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {stale.then(|| view! {
            <p class="alert warn" role="alert" data-testid="stale">
                "Could not refresh: Qualys did not answer or asked to wait. These figures are from the time below; try again in a minute."
            </p>
        })}
        <form method="post" action="/refresh" class="card-meta">
            <span data-testid="as-of">{format!("as of {}", utc_time(b.as_of))}</span>
            <span data-testid="cost">{format!("this card: {cost}")}</span>
            <input type="hidden" name="card" value=d.slug() />
            <input type="hidden" name="filter" value=filter_query />
            <button type="submit" class="link" aria-label=format!("Refresh {} (asks Qualys again)", d.title())>"Refresh"</button>
        </form>
    }
}
