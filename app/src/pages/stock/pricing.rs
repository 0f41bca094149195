//! The coop's pricing: the products on sale whose price differs from the one their cost, margin
//! and VAT compute (each with both prices, its cost and the margin used, and a checkbox), applied
//! for the ticked ones or all at once; the coop's margin and rounding step; each category's
//! margin. Plain forms and links (`?page=`), so it works without JavaScript.

use crate::api::pricing::{
    category_margins, differing_prices, ApplyPrices, SaveCategoryMargin, SavePricing, PAGE_SIZE,
};
use crate::api::till::STOCK_KEEPERS;
use crate::components::field::{errors_of, outcome, ActionError, Choice, Field, Outcome};
use crate::components::guard::Guard;
use crate::components::pager::{page_number, Pager};
use crate::i18n::use_i18n;
use domain::stock::pricing::{
    margin_percent, CategoryMargin, PriceDifferences, PricingForm, STEPS_CENTS,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

#[component]
pub fn Pricing() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <PricingPage />
        </Guard>
    }
}

#[component]
fn PricingPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let page = move || page_number(&query.read());
    let apply = ServerAction::<ApplyPrices>::new();
    let save = ServerAction::<SavePricing>::new();
    let category = ServerAction::<SaveCategoryMargin>::new();
    let versions = move || {
        (
            apply.version().get(),
            save.version().get(),
            category.version().get(),
        )
    };
    let differences = Resource::new(move || (versions(), page()), |(_, p)| differing_prices(p));
    let categories = Resource::new(versions, |_| category_margins());
    let applied = outcome(apply);
    // What the last change did, by the hydrated page or by the browser without JavaScript.
    let notice = move || {
        if let Some(Ok(n)) = applied.get() {
            return Some(i.ta("pricing-applied", &[("count", n.to_string())]));
        }
        let q = query.read();
        if let Some(n) = q.get("applied").filter(|_| applied.get().is_none()) {
            return Some(i.ta("pricing-applied", &[("count", n)]));
        }
        match q.get("notice").as_deref() {
            Some("settings") => Some(i.t("pricing-settings-saved")),
            Some("category") => Some(i.t("pricing-category-saved")),
            _ => None,
        }
    };
    view! {
        <section class="panel wide">
            <h1>{i.t("stock-pricing")}</h1>
            <p>{i.t("pricing-intro")}</p>
            {move || {
                notice()
                    .map(|text| {
                        view! {
                            <p class="alert notice" role="status" data-testid="pricing-notice">
                                {text}
                            </p>
                        }
                    })
            }}
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match differences.await {
                        Ok(d) => {
                            view! {
                                <Differences d=d.clone() page=page() apply=apply />
                                <Settings d=d save=save />
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match categories.await {
                        Ok(list) => view! { <Categories list=list action=category /> }.into_any(),
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The products whose price differs, a page of them, each with a checkbox.
#[component]
fn Differences(d: PriceDifferences, page: u64, apply: ServerAction<ApplyPrices>) -> impl IntoView {
    let i = use_i18n();
    let result = outcome(apply);
    let shown = d.products.len() as u64;
    let total = d.total;
    view! {
        <h2>{i.t("pricing-differences-title")}</h2>
        <p class="muted" data-testid="pricing-count">
            {i.ta("pricing-differences-count", &[("count", total.to_string())])}
        </p>
        <ActionError result=result />
        {(total > 0)
            .then(|| {
                view! {
                    <ActionForm action=apply attr:class="stack" attr:novalidate=true>
                        <ul class="price-differences" data-testid="price-differences">
                            {d
                                .products
                                .into_iter()
                                .enumerate()
                                .map(|(n, p)| {
                                    let unit = i.t(&format!("unit-{}", p.unit.as_str()));
                                    let why = i
                                        .ta(
                                            "pricing-why",
                                            &[
                                                (
                                                    "cost",
                                                    format!("{} / {unit}", i.money(p.unit_cost_cents)),
                                                ),
                                                ("margin", margin_percent(p.margin_bp)),
                                                (
                                                    "source",
                                                    i.t(&format!("margin-from-{}", p.margin_source.as_str())),
                                                ),
                                                ("vat", p.vat_rate.percent().normalize().to_string()),
                                                ("supplier", p.supplier.clone()),
                                            ],
                                        );
                                    let box_id = format!("apply-{}", p.product_id);
                                    view! {
                                        <li data-testid="price-difference">
                                            <input
                                                type="checkbox"
                                                id=box_id.clone()
                                                name=format!("products[{n}]")
                                                value=p.product_id.to_string()
                                            />
                                            <label for=box_id>
                                                <span class="product-name">{p.name}</span>
                                                <span class="product-price">
                                                    <s>{i.money(p.price_cents)}</s>
                                                    " → "
                                                    <strong data-testid="computed-price">
                                                        {i.money(p.computed_cents)}
                                                    </strong>
                                                    {format!(" / {unit}")}
                                                </span>
                                                <span class="hint">{why}</span>
                                            </label>
                                            <a
                                                class="hint"
                                                href=format!("/stock/products/{}#suppliers", p.product_id)
                                            >
                                                {i.t("pricing-see-product")}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <div class="button-row">
                            <button
                                type="submit"
                                class="button primary"
                                disabled=move || apply.pending().get()
                            >
                                {i.t("pricing-apply-ticked")}
                            </button>
                            <button
                                type="submit"
                                class="button"
                                name="all"
                                value="true"
                                disabled=move || apply.pending().get()
                            >
                                {i.ta("pricing-apply-all", &[("count", total.to_string())])}
                            </button>
                        </div>
                    </ActionForm>
                }
            })}
        <Pager
            current=page
            shown=shown
            total=total
            page_size=PAGE_SIZE
            link=|to: u64| format!("/stock/pricing?page={to}")
        />
    }
    .into_any()
}

/// The coop's margin and the step prices are rounded to.
#[component]
fn Settings(d: PriceDifferences, save: ServerAction<SavePricing>) -> impl IntoView {
    let i = use_i18n();
    let result: Outcome<_> = outcome(save);
    let q = use_query_map().read_untracked().clone();
    let current = PricingForm::of(d.settings);
    let margin = RwSignal::new(
        q.get("margin")
            .filter(|_| q.get("category").is_none())
            .unwrap_or(current.margin),
    );
    let step = RwSignal::new(q.get("step_cents").unwrap_or(current.step_cents));
    let steps: Vec<(String, String)> = STEPS_CENTS
        .into_iter()
        .map(|c| (c.to_string(), i.money(c)))
        .collect();
    view! {
        <h2>{i.t("pricing-settings-title")}</h2>
        <ActionForm action=save attr:class="stack" attr:novalidate=true>
            <div class="grid-2">
                <Field
                    label=i.t("field-coop-margin")
                    name="margin"
                    within="form"
                    inputmode="decimal"
                    value=margin
                    errors=errors_of(result, "margin")
                />
                <Choice
                    label=i.t("field-price-step")
                    name="step_cents"
                    within="form"
                    value=step
                    options=steps
                    errors=errors_of(result, "step_cents")
                />
            </div>
            <p class="hint">{i.t("pricing-settings-hint")}</p>
            <button type="submit" class="button primary" disabled=move || save.pending().get()>
                {i.t("save")}
            </button>
        </ActionForm>
    }
    .into_any()
}

/// Each category's margin, one small form each; a refused one comes back with `?category=`.
#[component]
fn Categories(
    list: Vec<CategoryMargin>,
    action: ServerAction<SaveCategoryMargin>,
) -> impl IntoView {
    let i = use_i18n();
    let result = outcome(action);
    let q = use_query_map().read_untracked().clone();
    let refused: Option<Uuid> = q.get("category").and_then(|c| Uuid::parse_str(&c).ok());
    let typed = q.get("margin");
    view! {
        <h2 id="categories">{i.t("pricing-categories-title")}</h2>
        <p class="hint">{i.t("pricing-categories-hint")}</p>
        {list
            .into_iter()
            .map(|c| {
                let mine = refused == Some(c.id);
                let value = RwSignal::new(
                    typed
                        .clone()
                        .filter(|_| mine)
                        .unwrap_or_else(|| c.margin_bp.map(margin_percent).unwrap_or_default()),
                );
                let errors: Outcome<Option<i32>> = Signal::derive(move || {
                    result.get().filter(|_| mine)
                });
                view! {
                    <ActionForm
                        action=action
                        attr:class="inline-form category-margin"
                        attr:novalidate=true
                    >
                        <input type="hidden" name="id" value=c.id.to_string() />
                        <Field
                            label=c.name.clone()
                            name="margin"
                            inputmode="decimal"
                            value=value
                            scope=Some(c.id.to_string())
                            errors=errors_of(errors, "margin")
                        />
                        <button
                            type="submit"
                            class="button"
                            disabled=move || action.pending().get()
                        >
                            {i.t("save")}
                        </button>
                    </ActionForm>
                }
            })
            .collect_view()}
    }
    .into_any()
}
