//! The browser entry point: read the session the server wrote into the page, then hydrate.

use leptos::prelude::*;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let session = app::session_from_page();
    leptos::mount::hydrate_body(move || {
        provide_context(session.clone());
        view! { <app::App/> }
    });
    // Tells end-to-end tests (and curious people) that the page is interactive now.
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
