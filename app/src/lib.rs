//! qdash's application, shared by the server (SSR) and the browser (hydration).
//!
//! Layout:
//! - [`model`]: wire types both sides use (filters, assets, scores, errors); compiles to WASM;
//! - [`api`]: server functions, one per question a page asks;
//! - [`pages`]: one module per route; [`components`]: the pieces pages are built from;
//!   pages render on the server only, and the few interactive pieces are islands
//!   (`#[island]`): they alone are compiled into the browser's WASM and hydrated;
//! - `server` (the `ssr` feature only): config, session, the Qualys client, the state.

pub mod api;
pub mod components;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_page_csp();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link rel="stylesheet" href="/pkg/qdash.css" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The page's Content-Security-Policy: our own files, this response's inline scripts (by
/// nonce), WASM, and nothing else.
#[cfg(feature = "ssr")]
fn set_page_csp() {
    use leptos::nonce::use_nonce;
    let nonce = use_nonce()
        .map(|n| format!(" 'nonce-{}'", &*n))
        .unwrap_or_default();
    let csp = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{nonce}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        resp.insert_header(
            http::header::CONTENT_SECURITY_POLICY,
            http::HeaderValue::from_str(&csp).expect("the policy is ASCII"),
        );
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let site = Resource::new(|| (), |_| api::get_site_info());
    provide_context(site);
    view! {
        <Title formatter=|page: String| if page.is_empty() { "qdash".to_string() } else { format!("{page} · qdash") } />
        <Router>
            <components::header::SiteHeader />
            <main id="main">
                <Routes fallback=pages::not_found::NotFoundPage>
                    // In-order streaming: each part is sent as soon as it and everything above
                    // it is ready, as plain HTML, so pages work with JavaScript off.
                    <Route path=path!("/") view=pages::overview::OverviewPage ssr=SsrMode::InOrder />
                    <Route path=path!("/login") view=pages::login::LoginPage ssr=SsrMode::InOrder />
                    <Route path=path!("/assets") view=pages::asset_list::AssetListPage ssr=SsrMode::InOrder />
                    // Rendered whole before sending, so an unknown id is served as a real 404.
                    <Route path=path!("/assets/:id") view=pages::asset_detail::AssetDetailPage ssr=SsrMode::Async />
                </Routes>
            </main>
        </Router>
    }
}
