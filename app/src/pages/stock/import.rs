//! Importing products from CSV, all or nothing like the member import: either every row is
//! taken in (a product it recognises by barcode, or by name when it has none, is updated; any
//! other is added), or every bad row is listed with its line and reason and nothing is. The
//! form is posted by the browser itself (`POST /stock/import`, `server::stock`), which answers
//! with this page and the outcome, so it works without JavaScript.

use crate::api::till::STOCK_KEEPERS;
use crate::components::csv_import::{CsvImport, Sending};
use crate::components::guard::Guard;
use crate::error::AppError;
use crate::i18n::use_i18n;
use domain::register::ImportOutcome;
use leptos::prelude::*;

/// The outcome of the import just posted, given to the page the server renders as its answer.
#[derive(Debug, Clone)]
pub struct PostedImport(pub Result<ImportOutcome, AppError>);

#[component]
pub fn ProductImport() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <ImportForm />
        </Guard>
    }
}

#[component]
fn ImportForm() -> impl IntoView {
    let i = use_i18n();
    // Written into the page, so that a hydrating page shows the same report.
    let posted = SharedValue::new(|| use_context::<PostedImport>().map(|p| p.0)).into_inner();
    view! {
        <section class="panel">
            <h1>{i.t("stock-import")}</h1>
            <p>{i.t("product-import-intro")}</p>
            <CsvImport
                columns=&domain::till::catalogue::COLUMNS
                send=Sending::Post("/stock/import".into())
                result=Signal::derive(move || posted.clone())
                done="product-import-done"
            />
        </section>
    }
}
