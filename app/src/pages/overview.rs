//! `/`: the overview. For now: who is logged in where, and the total asset count.

use crate::api::count_assets;
use crate::components::error_view::ErrorView;
use crate::model::Filter;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let total = Resource::new(|| (), |_| count_assets(Filter::all()));
    view! {
        <Title text="Overview" />
        <section class="overview">
            <h1>"Overview"</h1>
            <Suspense fallback=|| view! { <p class="loading" role="status">"Counting assets…"</p> }>
                {move || Suspend::new(async move {
                    match total.await {
                        Ok(n) => view! {
                            <p class="total">
                                <span class="total-label">"Total assets"</span>
                                <strong data-testid="total-count">{n}</strong>
                            </p>
                        }
                        .into_any(),
                        Err(e) => view! { <ErrorView error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
