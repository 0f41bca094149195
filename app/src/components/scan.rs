//! Camera scanning for the fields that take a barcode: every `input[data-scan]` of the page
//! gets a camera button from `/scan.js`, which opens the rear camera, reads EAN-13, EAN-8 and
//! UPC-A codes with the browser's `BarcodeDetector` where it has one, else with the WASM
//! decoder `/pkg/scanner.js` (the `scanner` crate) loaded at that moment, then fills the field
//! and sends its form. A page that scans renders this component once; no other page loads the
//! script or the decoder. The script carries the page's nonce and its texts in the person's
//! language (`data-*` attributes it reads).

use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn ScanScript() -> impl IntoView {
    let i = use_i18n();
    view! {
        <script
            src="/scan.js"
            defer=true
            nonce=leptos::nonce::use_nonce()
            data-camera=i.t("scan-camera")
            data-close=i.t("scan-close")
            data-aim=i.t("scan-aim")
            data-failed=i.t("scan-failed")
        ></script>
    }
}
