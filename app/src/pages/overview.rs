//! `/`: the manager's overview. The total under the current filter and three breakdown cards
//! (TruRisk bands, tracking methods, criticality), each loading on its own. The filter lives
//! in the URL, so a scoped overview is a link to share.

use super::draft_from;
use crate::api::count_assets;
use crate::components::breakdown_card::BreakdownCard;
use crate::components::budget_badge::BudgetBadge;
use crate::components::error_view::ErrorView;
use crate::components::filter_builder::FilterBuilder;
use crate::model::{Dimension, Filter};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let query = use_query_map();
    let draft = Memo::new(move |_| draft_from(&query.get()));
    view! {
        <Title text="Overview" />
        <h1>"Risk overview"</h1>
        {move || {
            let d = draft.get();
            let stale = query.with(|q| q.get("stale"));
            match d.check() {
                Ok(filter) => view! {
                    <FilterBuilder action="/" draft=d problems=vec![] keep=vec![] />
                    <Total filter=filter.clone() />
                    <div class="cards">
                        {Dimension::ALL
                            .into_iter()
                            .map(|dim| view! { <BreakdownCard dimension=dim filter=filter.clone() stale=stale.as_deref() == Some(dim.slug()) /> })
                            .collect_view()}
                    </div>
                }
                .into_any(),
                Err(problems) => view! {
                    <FilterBuilder action="/" draft=d problems=problems keep=vec![] />
                    <p class="alert error" role="alert">"Fix the marked conditions; nothing was sent to Qualys."</p>
                }
                .into_any(),
            }
        }}
        <BudgetBadge />
    }
}

#[component]
fn Total(filter: Filter) -> impl IntoView {
    let list = crate::model::breakdown::list_href(&filter, &[]).unwrap_or_else(|| "/assets".into());
    let total = Resource::new(move || filter.clone(), count_assets);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Counting assets…"</p> }>
            {
                let list = list.clone();
                move || {
                    let list = list.clone();
                    Suspend::new(async move {
                        match total.await {
                            Ok(n) => view! {
                                <p class="total">
                                    <span class="total-label">"Total assets"</span>
                                    <strong data-testid="total-count">{n}</strong>
                                    <a href=list>"List them"</a>
                                </p>
                            }
                            .into_any(),
                            Err(e) => view! { <ErrorView error=e /> }.into_any(),
                        }
                    })
                }
            }
        </Suspense>
    }
}
