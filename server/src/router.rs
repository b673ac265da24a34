//! Every route and layer of qdash in one place.

use crate::{login, proxy, refresh, security};
use app::server::AppState;
use app::{shell, App};
use axum::extract::DefaultBodyLimit;
use axum::routing::{any, get, post};
use axum::{middleware, Router};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::time::Duration as CookieDuration;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, MemoryStore, SessionManagerLayer};

/// The whole application for `state`; tests drive it over a real socket.
pub fn app(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let sessions = SessionManagerLayer::new(MemoryStore::default())
        .with_name("qdash_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.config.secure_cookie)
        .with_expiry(Expiry::OnInactivity(CookieDuration::minutes(
            state.config.session_idle_minutes,
        )));
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let qualys = Router::new()
        .route("/qualys/rest/2.0/{endpoint}/am/asset", any(proxy::forward))
        .route("/qualys", any(proxy::not_found))
        .route("/qualys/{*rest}", any(proxy::not_found))
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes));
    Router::new()
        .route("/login", post(login::post_login))
        .route("/logout", post(login::post_logout))
        .route("/refresh", post(refresh::post_refresh))
        .route("/healthz", get(|| async { "ok" }))
        .merge(qualys)
        .leptos_routes_with_context(&state, routes, context, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn(security::require_login))
        .layer(sessions)
        .layer(middleware::from_fn(security::same_origin))
        .layer(middleware::from_fn(security::headers))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
