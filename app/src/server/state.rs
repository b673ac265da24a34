//! `AppState`: what every handler and server function shares. Server functions read it with
//! `expect_context::<AppState>()`; axum handlers with `State<AppState>`.

use super::cache::Cache;
use super::{Config, Platforms, QualysClient};
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    pub platforms: Arc<Platforms>,
    pub qualys: QualysClient,
    /// Per-user answers, shared by every request of the process.
    pub cache: Arc<Cache>,
}

impl AppState {
    pub fn demo(&self) -> bool {
        self.platforms.find("DEMO").is_some()
    }
}
