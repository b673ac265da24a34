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
    let el: web_sys::HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// A rate-limit error says how long Qualys asks to wait, in words.
#[wasm_bindgen_test]
fn rate_limit_error_shows_the_wait() {
    let root = container();
    let _handle = leptos::mount::mount_to(
        root.clone(),
        || view! { <Router><ErrorView error=AppError::RateLimited { wait_secs: 125 } /></Router> },
    );
    let wait = root
        .query_selector("[data-testid=wait]")
        .unwrap()
        .expect("a wait message");
    assert_eq!(
        wait.text_content().unwrap(),
        "Qualys asks to wait 2 min 5 s."
    );
    assert!(root.query_selector("[role=alert]").unwrap().is_some());
}

/// An expired session links back to login, remembering the page.
#[wasm_bindgen_test]
fn expired_session_links_to_login() {
    let root = container();
    let _handle = leptos::mount::mount_to(
        root.clone(),
        || view! { <Router><ErrorView error=AppError::SessionExpired /></Router> },
    );
    let link: web_sys::HtmlElement = root
        .query_selector("a.button")
        .unwrap()
        .expect("a login link")
        .dyn_into()
        .unwrap();
    assert_eq!(link.text_content().unwrap(), "Log in again");
    assert!(link
        .get_attribute("href")
        .unwrap()
        .starts_with("/login?error=expired&next="));
    assert!(root.text_content().unwrap().contains("session has ended"));
}

use app::components::filter_builder::FilterBuilder;
use app::model::FilterDraft;

fn fire(target: &web_sys::Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn option_values(select: &web_sys::Element) -> Vec<String> {
    let options = select.query_selector_all("option").unwrap();
    (0..options.length())
        .map(|i| {
            options
                .item(i)
                .unwrap()
                .dyn_into::<web_sys::Element>()
                .unwrap()
                .get_attribute("value")
                .unwrap_or_default()
        })
        .collect()
}

fn mount_builder() -> web_sys::HtmlElement {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        view! { <Router><FilterBuilder action="/" draft=FilterDraft::default() problems=vec![] keep=vec![] /></Router> }
    });
    handle.forget();
    root
}

/// Choosing a field narrows the operator list to what the field's type allows.
#[wasm_bindgen_test]
async fn operator_list_follows_the_field() {
    let root = mount_builder();
    let field = root.query_selector("select[name=field]").unwrap().unwrap();
    let operator = root
        .query_selector("select[name=operator]")
        .unwrap()
        .unwrap();
    assert_eq!(
        option_values(&operator).len(),
        6,
        "no field yet: every operator"
    );

    field
        .clone()
        .dyn_into::<web_sys::HtmlSelectElement>()
        .unwrap()
        .set_value("asset.riskScore");
    fire(&field, "change");
    leptos::task::tick().await;
    assert_eq!(
        option_values(&operator),
        ["EQUALS", "NOT_EQUALS", "GREATER", "LESSER", "IN"]
    );
    let value = root.query_selector("input[name=value]").unwrap().unwrap();
    assert_eq!(
        value.get_attribute("type").as_deref(),
        Some("number"),
        "an integer field takes a number"
    );

    field
        .clone()
        .dyn_into::<web_sys::HtmlSelectElement>()
        .unwrap()
        .set_value("asset.name");
    fire(&field, "change");
    leptos::task::tick().await;
    assert_eq!(
        option_values(&operator),
        ["EQUALS", "NOT_EQUALS", "CONTAINS"]
    );

    field
        .clone()
        .dyn_into::<web_sys::HtmlSelectElement>()
        .unwrap()
        .set_value("asset.isContainerHost");
    fire(&field, "change");
    leptos::task::tick().await;
    assert_eq!(option_values(&operator), ["EQUALS", "NOT_EQUALS"]);
    let choice = root
        .query_selector("select[name=value]")
        .unwrap()
        .expect("a boolean field offers true/false");
    assert_eq!(option_values(&choice), ["true", "false"]);
}

/// A bad value is caught before anything is sent, with the message next to its row.
#[wasm_bindgen_test]
async fn validation_message_appears_next_to_the_row() {
    let root = mount_builder();
    let field = root.query_selector("select[name=field]").unwrap().unwrap();
    field
        .clone()
        .dyn_into::<web_sys::HtmlSelectElement>()
        .unwrap()
        .set_value("asset.criticalityScore");
    fire(&field, "change");
    leptos::task::tick().await;
    let value: web_sys::HtmlInputElement = root
        .query_selector("input[name=value]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    value.set_value("9");
    fire(&value, "input");
    let form = root.query_selector("form").unwrap().unwrap();
    fire(&form, "submit");
    leptos::task::tick().await;
    let error = root
        .query_selector(".filter-row .field-error")
        .unwrap()
        .unwrap();
    assert!(
        error
            .text_content()
            .unwrap()
            .contains("whole number from 1 to 5"),
        "{:?}",
        error.text_content()
    );
    assert_eq!(
        document().location().unwrap().search().unwrap(),
        "",
        "nothing was submitted"
    );

    value.set_value("4");
    fire(&value, "input");
    leptos::task::tick().await;
    assert_eq!(
        error.text_content().unwrap(),
        "",
        "fixing the value clears the message"
    );
}
