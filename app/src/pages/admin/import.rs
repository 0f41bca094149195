//! Importing members from CSV: choose a file (or paste it), and either every member is created,
//! or every bad row is listed with its line and reason and nothing is imported.

use crate::api::members::ImportMembers;
use crate::api::REGISTER_KEEPERS;
use crate::components::csv_import::{CsvImport, Sending};
use crate::components::field::outcome;
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn Import() -> impl IntoView {
    view! {
        <Guard roles=REGISTER_KEEPERS>
            <ImportForm />
        </Guard>
    }
}

#[component]
fn ImportForm() -> impl IntoView {
    let i = use_i18n();
    let import = ServerAction::<ImportMembers>::new();
    let submit = Callback::new(move |csv: String| {
        import.dispatch(ImportMembers { csv });
    });
    view! {
        <section class="panel wide">
            <h1>{i.t("import-title")}</h1>
            <p>{i.t("import-intro")}</p>
            <CsvImport
                columns=&domain::member_csv::COLUMNS
                send=Sending::Script {
                    submit,
                    pending: import.pending().into(),
                }
                result=outcome(import)
                done="import-done"
            />
        </section>
    }
}
