//! Shelf labels, picking the products: those whose price changed (or that were added) since a
//! day, in one action; a whole category; or products found by name or barcode, ticked one by
//! one. Each is a plain GET form to the sheet (`/stock/labels/sheet`), which the browser
//! prints.

use crate::api::catalogue::{form_lists, search_products};
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use domain::till::catalogue::ProductState;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Labels() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <Picker />
        </Guard>
    }
}

#[component]
fn Picker() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let lists = Resource::new(|| (), |_| form_lists());
    let found = Resource::new(q, |q| async move {
        if q.trim().is_empty() {
            return Ok(None);
        }
        search_products(q, None, ProductState::Active, 0)
            .await
            .map(Some)
    });
    view! {
        <section class="panel wide labels-picker">
            <h1>{i.t("labels-title")}</h1>
            <form
                method="get"
                action="/stock/labels/sheet"
                class="stack"
                data-testid="labels-since"
            >
                <h2>{i.t("labels-since-title")}</h2>
                <label>
                    <span>{i.t("labels-since")}</span>
                    <input type="date" name="since" required=true />
                </label>
                <button type="submit" class="button primary">
                    {i.t("labels-since-print")}
                </button>
            </form>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let categories = lists.await.map(|l| l.categories).unwrap_or_default();
                    view! {
                        <form method="get" action="/stock/labels/sheet" class="stack">
                            <h2>{i.t("labels-category-title")}</h2>
                            <select name="category" aria-label=i.t("field-category") required=true>
                                {categories
                                    .into_iter()
                                    .map(|c| {
                                        view! { <option value=c.id.to_string()>{c.name}</option> }
                                    })
                                    .collect_view()}
                            </select>
                            <button type="submit" class="button">
                                {i.t("labels-category-print")}
                            </button>
                        </form>
                    }
                })}
            </Suspense>
            <h2>{i.t("labels-pick-title")}</h2>
            <form method="get" action="/stock/labels" class="search-row" role="search">
                <input
                    type="search"
                    name="q"
                    value=q
                    placeholder=i.t("products-search-placeholder")
                    aria-label=i.t("products-search-placeholder")
                />
                <button type="submit" class="button">
                    {i.t("members-search")}
                </button>
            </form>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(None) => ().into_any(),
                        Ok(Some(page)) if page.products.is_empty() => {
                            view! { <p class="muted">{i.t("labels-none-found")}</p> }.into_any()
                        }
                        Ok(Some(page)) => {
                            view! {
                                <form method="get" action="/stock/labels/sheet" class="stack">
                                    <ul class="pick-list">
                                        {page
                                            .products
                                            .into_iter()
                                            .map(|p| {
                                                view! {
                                                    <li>
                                                        <label>
                                                            <input
                                                                type="checkbox"
                                                                name="p"
                                                                value=p.id.to_string()
                                                                checked=true
                                                            />
                                                            <span>{p.name}</span>
                                                            <span class="hint">{i.money(p.price_cents)}</span>
                                                        </label>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                    <button type="submit" class="button primary">
                                        {i.t("labels-pick-print")}
                                    </button>
                                </form>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
