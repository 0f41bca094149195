//! Adding a supplier. Without JavaScript the server sends the browser to the new supplier's
//! page, or back here with the errors and what was typed.

use crate::api::suppliers::CreateSupplier;
use crate::api::till::STOCK_KEEPERS;
use crate::components::field::{outcome, ActionError};
use crate::components::guard::Guard;
use crate::components::supplier_form::{SupplierFields, SupplierFormFields};
use crate::i18n::use_i18n;
use domain::stock::supplier::SupplierForm;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn SupplierNew() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <NewSupplier />
        </Guard>
    }
}

#[component]
fn NewSupplier() -> impl IntoView {
    let i = use_i18n();
    let fields = SupplierFields::new(SupplierForm::default());
    let create = ServerAction::<CreateSupplier>::new();
    let result = outcome(create);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(s)) = result.get() {
            navigate(
                &format!("/stock/suppliers/{}?notice=created", s.id),
                Default::default(),
            );
        }
    });
    view! {
        <section class="panel">
            <p class="back-row">
                <a href="/stock/suppliers">{i.t("stock-back-to-suppliers")}</a>
            </p>
            <h1>{i.t("supplier-new")}</h1>
            <ActionError result=result />
            <ActionForm action=create attr:class="stack" attr:novalidate=true>
                <SupplierFormFields fields=fields result=result />
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || create.pending().get()
                >
                    {i.t("save")}
                </button>
            </ActionForm>
        </section>
    }
}
