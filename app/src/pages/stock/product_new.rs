//! Adding a product to the catalogue.

use crate::api::catalogue::form_lists;
use crate::api::till::{CreateProduct, STOCK_KEEPERS};
use crate::components::field::{outcome, ActionError};
use crate::components::guard::Guard;
use crate::components::product_form::{ProductFields, ProductFormFields};
use crate::i18n::use_i18n;
use domain::till::catalogue::CatalogueLists;
use domain::till::{ProductForm, Unit};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ProductNew() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <NewProduct />
        </Guard>
    }
}

#[component]
fn NewProduct() -> impl IntoView {
    let i = use_i18n();
    let lists = Resource::new(|| (), |_| form_lists());
    view! {
        <section class="panel">
            <p>
                <a href="/stock/products">{i.t("stock-back-to-products")}</a>
            </p>
            <h1>{i.t("stock-product-new")}</h1>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match lists.await {
                        Ok(lists) => view! { <NewForm lists=lists /> }.into_any(),
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn NewForm(lists: CatalogueLists) -> impl IntoView {
    let i = use_i18n();
    // The usual rate of food in Belgium when the coop has it, else its first one.
    let usual = lists
        .vat_rates
        .iter()
        .find(|r| r.0 == 600)
        .or(lists.vat_rates.first())
        .map(|r| r.percent().normalize().to_string())
        .unwrap_or_default();
    let fields = ProductFields::new(ProductForm {
        unit: Unit::Piece.as_str().to_string(),
        vat_percent: usual,
        active: true,
        ..Default::default()
    });
    let create = ServerAction::<CreateProduct>::new();
    let result = outcome(create);
    let navigate = use_navigate();
    // Without JavaScript, the server sends the browser to the new product itself.
    Effect::new(move |_| {
        if let Some(Ok(p)) = result.get() {
            navigate(
                &format!("/stock/products/{}?notice=created", p.id),
                Default::default(),
            );
        }
    });
    view! {
        <ActionError result=result />
        <ActionForm action=create attr:class="stack" attr:novalidate=true>
            <ProductFormFields fields=fields lists=lists result=result />
            <button type="submit" class="button primary" disabled=move || create.pending().get()>
                {i.t("save")}
            </button>
        </ActionForm>
    }
}
