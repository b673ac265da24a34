//! One overview card: a breakdown with count, share and bar per row, each row linking to the
//! asset list filtered to it, "as of" time, cost, and a refresh that bypasses the cache.
//! It loads on its own and shows its own error.

use super::bar_chart::Bar;
use super::error_view::ErrorView;
use crate::api::get_breakdown;
use crate::model::breakdown::Method;
use crate::model::{Breakdown, Dimension, Filter, RiskBand};
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
pub fn BreakdownCard(dimension: Dimension, filter: Filter) -> impl IntoView {
    let refresh = RwSignal::new(0u32);
    let data = Resource::new(
        move || refresh.get(),
        move |n| get_breakdown(filter.clone(), dimension, n > 0),
    );
    let slug = match dimension {
        Dimension::Risk => "risk",
        Dimension::Tracking => "tracking",
        Dimension::Criticality => "criticality",
    };
    view! {
        <section class="card breakdown" aria-labelledby=format!("{slug}-title") data-testid=format!("card-{slug}")>
            <h2 id=format!("{slug}-title")>{dimension.title()}</h2>
            <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(b) => view! { <BreakdownTable b=b refresh=refresh /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn BreakdownTable(b: Breakdown, refresh: RwSignal<u32>) -> impl IntoView {
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
        <p class="card-meta">
            <span>{format!("as of {}", utc_time(b.as_of))}</span>
            <span data-testid="cost">{format!("this card: {cost}")}</span>
            <button type="button" class="link" on:click=move |_| refresh.update(|n| *n += 1)>"Refresh"</button>
        </p>
    }
}
