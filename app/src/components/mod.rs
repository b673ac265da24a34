//! The pieces pages are built from.

pub mod bar_chart;
pub mod breakdown_card;
pub mod budget_badge;
pub mod error_view;
pub mod filter_builder;
pub mod header;

use crate::model::SiteInfo;
use leptos::prelude::*;

/// The site information resource the `App` provides (platforms, demo mode, current user).
pub fn use_site() -> Resource<Result<SiteInfo, crate::model::AppError>> {
    expect_context()
}
