//! An EAN-13 barcode drawn as SVG, sharp at any size and on paper: member cards on a phone
//! screen or printed.

use domain::barcode::{bar_runs, ean13_modules};
use leptos::prelude::*;

#[component]
pub fn Barcode(code: String) -> impl IntoView {
    let runs = ean13_modules(&code)
        .map(|m| bar_runs(&m))
        .unwrap_or_default();
    // 95 modules plus a quiet zone of 9 on each side; digits below the bars.
    let bars = runs
        .into_iter()
        .map(|(start, width)| {
            view! { <rect x=(start + 9).to_string() y="0" width=width.to_string() height="52" /> }
        })
        .collect_view();
    view! {
        <figure class="barcode" data-code=code.clone()>
            <svg
                viewBox="0 0 113 64"
                role="img"
                aria-label=code.clone()
                xmlns="http://www.w3.org/2000/svg"
            >
                <rect x="0" y="0" width="113" height="64" fill="#fff" />
                <g fill="#000">{bars}</g>
                <text
                    x="56.5"
                    y="62"
                    text-anchor="middle"
                    font-size="9"
                    font-family="monospace"
                    letter-spacing="1"
                >
                    {code.clone()}
                </text>
            </svg>
        </figure>
    }
}
