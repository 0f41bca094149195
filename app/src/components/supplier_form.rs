//! The supplier form, for adding a supplier and editing one: name, contact, order email,
//! minimum order, lead days and an optional margin. The rules are
//! `domain::stock::supplier::SupplierForm::validate`'s, checked again on the server.

use crate::components::field::{errors_of, Field, Outcome};
use crate::i18n::use_i18n;
use domain::stock::supplier::SupplierForm;
use leptos::prelude::*;

/// The form's fields as signals, posted as `form[name]`, ..., the argument of
/// `create_supplier` and `update_supplier`, with or without JavaScript.
#[derive(Clone, Copy)]
pub struct SupplierFields {
    pub name: RwSignal<String>,
    pub contact: RwSignal<String>,
    pub order_email: RwSignal<String>,
    pub min_order: RwSignal<String>,
    pub lead_days: RwSignal<String>,
    pub margin: RwSignal<String>,
}

impl SupplierFields {
    /// The fields of `f`, or, on a page a refused form came back to without JavaScript, as
    /// they were typed (`?draft=`).
    pub fn new(f: SupplierForm) -> Self {
        let f = leptos_router::hooks::use_query_map()
            .read_untracked()
            .get("draft")
            .and_then(|d| serde_json::from_str::<SupplierForm>(&d).ok())
            .unwrap_or(f);
        SupplierFields {
            name: RwSignal::new(f.name),
            contact: RwSignal::new(f.contact),
            order_email: RwSignal::new(f.order_email),
            min_order: RwSignal::new(f.min_order),
            lead_days: RwSignal::new(f.lead_days),
            margin: RwSignal::new(f.margin),
        }
    }
}

#[component]
pub fn SupplierFormFields<T: Clone + Send + Sync + 'static>(
    fields: SupplierFields,
    result: Outcome<T>,
) -> impl IntoView {
    let i = use_i18n();
    view! {
        <Field
            label=i.t("field-supplier-name")
            name="name"
            within="form"
            value=fields.name
            required=true
            errors=errors_of(result, "name")
        />
        <Field
            label=i.t("field-supplier-contact")
            name="contact"
            within="form"
            value=fields.contact
            errors=errors_of(result, "contact")
        />
        <Field
            label=i.t("field-order-email")
            name="order_email"
            within="form"
            kind="email"
            value=fields.order_email
            errors=errors_of(result, "order_email")
        />
        <div class="grid-2">
            <Field
                label=i.t("field-min-order")
                name="min_order"
                within="form"
                inputmode="decimal"
                value=fields.min_order
                errors=errors_of(result, "min_order")
            />
            <Field
                label=i.t("field-lead-days")
                name="lead_days"
                within="form"
                inputmode="numeric"
                value=fields.lead_days
                errors=errors_of(result, "lead_days")
            />
        </div>
        <Field
            label=i.t("field-supplier-margin")
            name="margin"
            within="form"
            inputmode="decimal"
            value=fields.margin
            errors=errors_of(result, "margin")
        />
        <p class="hint">{i.t("supplier-margin-hint")}</p>
    }
    .into_any()
}
