//! Importing products from CSV, all or nothing like the member import: either every row is
//! taken in (a product it recognises by barcode, or by name when it has none, is updated; any
//! other is added), or every bad row is listed with its line and reason and nothing is.

use crate::api::till::{ImportProducts, STOCK_KEEPERS};
use crate::components::csv_import::CsvImport;
use crate::components::field::outcome;
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn ProductImport() -> impl IntoView {
    view! { <Guard roles=STOCK_KEEPERS><ImportForm/></Guard> }
}

#[component]
fn ImportForm() -> impl IntoView {
    let i = use_i18n();
    let import = ServerAction::<ImportProducts>::new();
    let submit = Callback::new(move |csv: String| {
        import.dispatch(ImportProducts { csv });
    });
    view! {
        <section class="panel">
            <h1>{i.t("stock-import")}</h1>
            <p>{i.t("product-import-intro")}</p>
            <CsvImport
                columns=&domain::till::catalogue::COLUMNS
                submit=submit
                pending=import.pending()
                result=outcome(import)
                done="product-import-done"
            />
        </section>
    }
}
