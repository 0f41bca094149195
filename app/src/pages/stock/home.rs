//! The stock manager's landing page: where each catalogue and stock screen is.

use crate::api::till::STOCK_KEEPERS;
use crate::api::ADMINS;
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use crate::Session;
use leptos::prelude::*;

#[component]
pub fn StockHome() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <Hub />
        </Guard>
    }
}

#[component]
fn Hub() -> impl IntoView {
    let i = use_i18n();
    let admin = use_context::<Session>()
        .and_then(|s| s.viewer)
        .is_some_and(|v| v.may(ADMINS));
    let mut entries = vec![
        ("/stock/products", "stock-products", "stock-products-hint"),
        (
            "/stock/products/new",
            "stock-product-new",
            "stock-product-new-hint",
        ),
        (
            "/stock/categories",
            "stock-categories",
            "stock-categories-hint",
        ),
        (
            "/stock/nomenclature",
            "stock-nomenclature",
            "stock-nomenclature-hint",
        ),
        ("/stock/import", "stock-import", "stock-import-hint"),
        ("/stock/orders", "orders-title", "orders-hint"),
        (
            "/stock/orders/suggest",
            "orders-suggest",
            "orders-suggest-hint",
        ),
        (
            "/stock/suppliers",
            "stock-suppliers",
            "stock-suppliers-hint",
        ),
        ("/stock/pricing", "stock-pricing", "stock-pricing-hint"),
        ("/stock/labels", "labels-title", "labels-hint"),
        ("/stock/reports", "reports-title", "reports-hint"),
        ("/stock/counts", "counts-title", "counts-hint"),
    ];
    if admin {
        entries.push(("/admin/tills", "tills-title", "tills-hint"));
    }
    view! {
        <section class="hub">
            <h1>{i.t("stock-title")}</h1>
            <ul class="hub-links">
                {entries
                    .into_iter()
                    .map(|(href, title, hint)| {
                        view! {
                            <li>
                                <a href=href>
                                    <strong>{i.t(title)}</strong>
                                    <span class="hint">{i.t(hint)}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
