//! DOM behaviour in a real browser (headless Chromium through wasm-bindgen-test):
//! `make test-wasm`, or `cargo test -p app --features hydrate --target wasm32-unknown-unknown`.
#![cfg(all(target_arch = "wasm32", feature = "hydrate"))]

use app::components::error_view::ErrorView;
use app::model::AppError;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount into (the runner reports through the page body; leave it be).
fn container() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// A rate-limit error says how long Qualys asks to wait, in words.
#[wasm_bindgen_test]
fn rate_limit_error_shows_the_wait() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || view! { <Router><ErrorView error=AppError::RateLimited { wait_secs: 125 } /></Router> });
    let wait = root.query_selector("[data-testid=wait]").unwrap().expect("a wait message");
    assert_eq!(wait.text_content().unwrap(), "Qualys asks to wait 2 min 5 s.");
    assert!(root.query_selector("[role=alert]").unwrap().is_some());
}

/// An expired session links back to login, remembering the page.
#[wasm_bindgen_test]
fn expired_session_links_to_login() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || view! { <Router><ErrorView error=AppError::SessionExpired /></Router> });
    let link: web_sys::HtmlElement =
        root.query_selector("a.button").unwrap().expect("a login link").dyn_into().unwrap();
    assert_eq!(link.text_content().unwrap(), "Log in again");
    assert!(link.get_attribute("href").unwrap().starts_with("/login?error=expired&next="));
    assert!(root.text_content().unwrap().contains("session has ended"));
}
