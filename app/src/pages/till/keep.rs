//! The till's page and code kept on the device: the till registers `public/till-sw.js`, a
//! service worker that answers the till's page and the site's files from the device's copy when
//! the server cannot be reached, so a till reloaded offline opens and sells from what it kept.

/// Asks the browser to keep the till's page and code; a browser without service workers (or
/// one that refuses) sells online as before.
pub fn keep_till_on_device() {
    #[cfg(feature = "hydrate")]
    js::register();
}

#[cfg(feature = "hydrate")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(inline_js = r#"
        export function register() {
            if ('serviceWorker' in navigator) {
                navigator.serviceWorker.register('/till-sw.js', { scope: '/' }).catch(() => {});
            }
        }
    "#)]
    extern "C" {
        pub fn register();
    }
}
