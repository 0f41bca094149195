//! One supplier: its form, what it sells (each product with the supplier's code, the pack and
//! its cost, and whether it is the product's preferred supplier) and its price list import,
//! all or nothing. The import is posted by the browser itself
//! (`POST /stock/suppliers/{id}/import`, `server::stock`), which answers with this page and
//! the outcome, so it works without JavaScript.

use crate::api::suppliers::{get_supplier, UpdateSupplier};
use crate::api::till::STOCK_KEEPERS;
use crate::components::csv_import::{CsvImport, Sending};
use crate::components::field::{outcome, ActionError};
use crate::components::guard::Guard;
use crate::components::supplier_form::{SupplierFields, SupplierFormFields};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::pages::stock::import::PostedImport;
use domain::stock::supplier::{Supplier, SupplierForm, SupplierLine, PRICE_LIST_COLUMNS};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

#[component]
pub fn SupplierPage() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <OneSupplier />
        </Guard>
    }
}

#[component]
fn OneSupplier() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    let loaded = Resource::new(id, |id| async move {
        get_supplier(id.ok_or(AppError::NotFound)?).await
    });
    view! {
        <p class="back-row">
            <a href="/stock/suppliers">{i.t("stock-back-to-suppliers")}</a>
        </p>
        <Suspense fallback=move || {
            view! { <p class="muted">{i.t("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok((supplier, lines)) => {
                        view! {
                            <h1 class="product-title" data-testid="supplier-title">
                                {supplier.name.clone()}
                            </h1>
                            <div class="product-desk">
                                <EditSection supplier=supplier.clone() />
                                <LinesSection id=supplier.id lines=lines />
                            </div>
                        }
                            .into_any()
                    }
                    Err(e) => {
                        view! {
                            <section class="panel">
                                <p class="alert error">{i.error(&e)}</p>
                            </section>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn EditSection(supplier: Supplier) -> impl IntoView {
    let i = use_i18n();
    let fields = SupplierFields::new(SupplierForm::of(&supplier));
    let update = ServerAction::<UpdateSupplier>::new();
    let result = outcome(update);
    let query = use_query_map();
    let notice = move || {
        if matches!(result.get(), Some(Ok(_))) {
            return Some("saved");
        }
        match query.read().get("notice").as_deref() {
            Some("created") if result.get().is_none() => Some("supplier-created"),
            Some("saved") if result.get().is_none() => Some("saved"),
            _ => None,
        }
    };
    view! {
        <section class="panel product-edit">
            <h2>{i.t("supplier-edit-title")}</h2>
            {move || {
                notice()
                    .map(|id| {
                        view! {
                            <p class="alert notice" role="status">
                                {i.t(id)}
                            </p>
                        }
                    })
            }}
            <ActionError result=result />
            <ActionForm action=update attr:class="stack" attr:novalidate=true>
                <input type="hidden" name="id" value=supplier.id.to_string() />
                <SupplierFormFields fields=fields result=result />
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || update.pending().get()
                >
                    {i.t("save")}
                </button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// What the supplier sells, and its price list import.
#[component]
fn LinesSection(id: Uuid, lines: Vec<SupplierLine>) -> impl IntoView {
    let i = use_i18n();
    // Written into the page, so that a hydrating page shows the same report.
    let posted = SharedValue::new(|| use_context::<PostedImport>().map(|p| p.0)).into_inner();
    view! {
        <section class="panel">
            <h2>{i.t("supplier-products-title")}</h2>
            {lines.is_empty().then(|| view! { <p class="muted">{i.t("supplier-no-products")}</p> })}
            <ul class="supplier-lines" data-testid="supplier-lines">
                {lines
                    .into_iter()
                    .map(|l| {
                        let pack = i
                            .ta(
                                "supplier-pack",
                                &[
                                    ("quantity", i.quantity(l.pack_milli, l.unit)),
                                    ("cost", i.money(l.pack_cost_cents)),
                                ],
                            );
                        view! {
                            <li>
                                <div class="supplier-line-head">
                                    <a href=format!(
                                        "/stock/products/{}#suppliers",
                                        l.product_id,
                                    )>{l.product}</a>
                                    <span class="mono">{l.code}</span>
                                </div>
                                <p class="num">{pack}</p>
                                {l
                                    .preferred
                                    .then(|| {
                                        view! {
                                            <span class="tag">{i.t("supplier-preferred")}</span>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h2>{i.t("price-list-title")}</h2>
            <p>{i.t("price-list-intro")}</p>
            <CsvImport
                columns=&PRICE_LIST_COLUMNS
                send=Sending::Post(format!("/stock/suppliers/{id}/import").into())
                result=Signal::derive(move || posted.clone())
                done="price-list-done"
            />
        </section>
    }
    .into_any()
}
