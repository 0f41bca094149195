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
}
