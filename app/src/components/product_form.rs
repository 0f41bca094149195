//! The product form, for adding a product to the catalogue and editing one: name, category,
//! unit, price, VAT rate, deposit, barcodes, meal-voucher eligibility, whether it is on sale,
//! and what its shelf label says (origin, organic, local, net content of a piece). The rules are `domain::till::ProductForm::validate`'s, checked again on the server.

use crate::api::till::ProductInput;
use crate::components::field::{errors_of, Choice, Field, Outcome};
use crate::i18n::use_i18n;
use domain::till::catalogue::CatalogueLists;
use domain::till::{ProductForm, Unit};
use leptos::prelude::*;

/// The form's fields as signals. Barcodes are typed in one field, separated by spaces. The
/// fields are posted as `form[name]`, ..., the argument of `create_product` and
/// `update_product` ([`ProductInput`](crate::api::till::ProductInput)), with or without
/// JavaScript.
#[derive(Clone, Copy)]
pub struct ProductFields {
    pub name: RwSignal<String>,
    pub category: RwSignal<String>,
    pub unit: RwSignal<String>,
    pub price: RwSignal<String>,
    pub vat_percent: RwSignal<String>,
    pub deposit: RwSignal<String>,
    pub meal_voucher: RwSignal<bool>,
    pub active: RwSignal<bool>,
    pub barcodes: RwSignal<String>,
    pub origin: RwSignal<String>,
    pub organic: RwSignal<bool>,
    pub local: RwSignal<bool>,
    pub content: RwSignal<String>,
}

impl ProductFields {
    /// The fields of `f`, or, on a page a refused form came back to without JavaScript, as
    /// they were typed (`?draft=`).
    pub fn new(f: ProductForm) -> Self {
        let f = leptos_router::hooks::use_query_map()
            .read_untracked()
            .get("draft")
            .and_then(|d| serde_json::from_str::<ProductInput>(&d).ok())
            .map(ProductForm::from)
            .unwrap_or(f);
        ProductFields {
            name: RwSignal::new(f.name),
            category: RwSignal::new(f.category),
            unit: RwSignal::new(f.unit),
            price: RwSignal::new(f.price),
            vat_percent: RwSignal::new(f.vat_percent),
            deposit: RwSignal::new(f.deposit),
            meal_voucher: RwSignal::new(f.meal_voucher),
            active: RwSignal::new(f.active),
            barcodes: RwSignal::new(f.barcodes.join(" ")),
            origin: RwSignal::new(f.origin),
            organic: RwSignal::new(f.organic),
            local: RwSignal::new(f.local),
            content: RwSignal::new(f.content),
        }
    }
}

#[component]
pub fn ProductFormFields<T: Clone + Send + Sync + 'static>(
    fields: ProductFields,
    lists: CatalogueLists,
    result: Outcome<T>,
) -> impl IntoView {
    let i = use_i18n();
    let categories: Vec<(String, String)> =
        std::iter::once((String::new(), i.t("product-no-category")))
            .chain(
                lists
                    .categories
                    .into_iter()
                    .map(|c| (c.name.clone(), c.name)),
            )
            .collect();
    let units: Vec<(String, String)> = Unit::ALL
        .into_iter()
        .map(|u| (u.as_str().to_string(), i.t(&format!("unit-{}", u.as_str()))))
        .collect();
    let rates: Vec<(String, String)> = lists
        .vat_rates
        .into_iter()
        .map(|r| {
            let percent = r.percent().normalize().to_string();
            (percent.clone(), format!("{percent} %"))
        })
        .collect();
    view! {
        <div class="grid-2">
            <Field
                label=i.t("field-product-name")
                name="name"
                within="form"
                value=fields.name
                required=true
                errors=errors_of(result, "name")
            />
            <Choice
                label=i.t("field-category")
                name="category"
                within="form"
                value=fields.category
                options=categories
                errors=errors_of(result, "category")
            />
            <Choice
                label=i.t("field-unit")
                name="unit"
                within="form"
                value=fields.unit
                options=units
                errors=errors_of(result, "unit")
            />
            <Field
                label=i.t("field-price")
                name="price"
                within="form"
                inputmode="decimal"
                value=fields.price
                required=true
                errors=errors_of(result, "price")
            />
            <Choice
                label=i.t("field-vat")
                name="vat_percent"
                within="form"
                value=fields.vat_percent
                options=rates
                errors=errors_of(result, "vat_percent")
            />
            <Field
                label=i.t("field-deposit")
                name="deposit"
                within="form"
                inputmode="decimal"
                value=fields.deposit
                errors=errors_of(result, "deposit")
            />
        </div>
        <Field
            label=i.t("field-barcodes")
            name="barcodes"
            within="form"
            inputmode="numeric"
            value=fields.barcodes
            errors=errors_of(result, "barcodes")
        />
        <p class="hint">{i.t("product-barcodes-hint")}</p>
        <fieldset class="checks">
            <label>
                <input
                    type="checkbox"
                    name="form[meal_voucher]"
                    value="true"
                    checked=move || fields.meal_voucher.get()
                    on:change=move |ev| fields.meal_voucher.set(event_target_checked(&ev))
                />
                {i.t("field-meal-voucher")}
            </label>
            <label>
                <input
                    type="checkbox"
                    name="form[active]"
                    value="true"
                    checked=move || fields.active.get()
                    on:change=move |ev| fields.active.set(event_target_checked(&ev))
                />
                {i.t("field-on-sale")}
            </label>
        </fieldset>
        <fieldset class="label-fields">
            <legend>{i.t("product-label-title")}</legend>
            <div class="grid-2">
                <Field
                    label=i.t("field-origin")
                    name="origin"
                    within="form"
                    value=fields.origin
                    errors=errors_of(result, "origin")
                />
                <Field
                    label=i.t("field-content")
                    name="content"
                    within="form"
                    value=fields.content
                    errors=errors_of(result, "content")
                />
            </div>
            <p class="hint">{i.t("product-content-hint")}</p>
            <div class="checks">
                <label>
                    <input
                        type="checkbox"
                        name="form[organic]"
                        value="true"
                        checked=move || fields.organic.get()
                        on:change=move |ev| fields.organic.set(event_target_checked(&ev))
                    />
                    {i.t("field-organic")}
                </label>
                <label>
                    <input
                        type="checkbox"
                        name="form[local]"
                        value="true"
                        checked=move || fields.local.get()
                        on:change=move |ev| fields.local.set(event_target_checked(&ev))
                    />
                    {i.t("field-local")}
                </label>
            </div>
        </fieldset>
    }
    .into_any()
}
