//! A horizontal bar as inline SVG: the share of a total, labelled for screen readers.

use leptos::prelude::*;

#[component]
pub fn Bar(
    /// 0.0–1.0
    share: f64,
    /// CSS class giving the fill colour (a band class, or none for the accent).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let width = format!("{:.2}", (share.clamp(0.0, 1.0) * 100.0));
    view! {
        <svg class=format!("bar {class}") viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="track" x="0" y="0" width="100" height="10" rx="2" />
            <rect class="fill" x="0" y="0" width=width height="10" rx="2" />
        </svg>
    }
}
