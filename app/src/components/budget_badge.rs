//! The team's remaining Qualys call budget, as Qualys last reported it.

use crate::api::get_budget;
use leptos::prelude::*;

#[component]
pub fn BudgetBadge() -> impl IntoView {
    let budget = Resource::new(|| (), |_| get_budget());
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                budget.await.ok().flatten().map(|b| view! {
                    <span class="budget" data-testid="budget" title="Calls left in this Qualys subscription's rolling window, shared by everyone using it">
                        {format!("Qualys budget: {} of {} calls left this {}", b.remaining, b.limit, if b.window_secs == 3600 { "hour".to_string() } else { format!("{} s", b.window_secs) })}
                    </span>
                })
            })}
        </Transition>
    }
}
