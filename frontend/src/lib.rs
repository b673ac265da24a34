//! The browser entry point. Pages are rendered on the server; the WASM hydrates only the
//! islands in them (the filter builder, the software filter). Everything lives in `app`.

// Links `app`, whose islands export the functions the page's loader calls to hydrate them.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // The loader hydrates each island right after this returns; mark the page once that is
    // done (the next task), so browser tests know when the page is live.
    leptos::prelude::set_timeout(
        || {
            if let Some(body) = leptos::prelude::document().body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}
