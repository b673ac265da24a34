//! The pieces pages are built from.

pub mod bar_chart;
pub mod breakdown_card;
pub mod budget_badge;
pub mod error_view;
pub mod filter_builder;
pub mod header;
pub mod software_table;

use crate::model::SiteInfo;
use leptos::prelude::*;

/// The site information resource the `App` provides (platforms, demo mode, current user).
pub fn use_site() -> Resource<Result<SiteInfo, crate::model::AppError>> {
    expect_context()
}

/// An island's `data-live` attribute: absent in the server's HTML, `"true"` once the island
/// runs in the browser (effects never run on the server), so browser tests can tell a
/// hydrated island from server HTML.
pub fn live_marker() -> impl Fn() -> Option<&'static str> + Copy {
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    move || live.get().then_some("true")
}
