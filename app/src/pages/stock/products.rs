//! The product list: search by name (ignoring case and accents) or by barcode, filter by
//! category and by whether products are on sale, a page at a time. The search is a plain GET
//! form, so a result can be bookmarked and works without JavaScript.

use crate::api::catalogue::{form_lists, search_products, PAGE_SIZE};
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::components::pager::{page_number, Pager};
use crate::i18n::use_i18n;
use domain::till::catalogue::ProductState;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

#[component]
pub fn Products() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <ProductList />
        </Guard>
    }
}

#[component]
fn ProductList() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let category = move || {
        query
            .read()
            .get("category")
            .and_then(|c| Uuid::parse_str(&c).ok())
    };
    let state = move || ProductState::parse(&query.read().get("state").unwrap_or_default());
    let page = move || page_number(&query.read());
    let results = Resource::new(
        move || (q(), category(), state(), page()),
        |(q, c, s, p)| search_products(q, c, s, p),
    );
    let lists = Resource::new(|| (), |_| form_lists());
    view! {
        <section class="panel wide">
            <div class="title-row">
                <h1>{i.t("stock-products")}</h1>
                <a class="button primary" href="/stock/products/new">
                    {i.t("stock-product-new")}
                </a>
            </div>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let categories = lists.await.map(|l| l.categories).unwrap_or_default();
                    view! {
                        <form
                            method="get"
                            action="/stock/products"
                            class="search-row"
                            role="search"
                        >
                            <input
                                type="search"
                                name="q"
                                value=q
                                placeholder=i.t("products-search-placeholder")
                                aria-label=i.t("products-search-placeholder")
                            />
                            <select name="category" aria-label=i.t("field-category")>
                                <option value="">{i.t("products-all-categories")}</option>
                                {categories
                                    .into_iter()
                                    .map(|c| {
                                        let id = c.id;
                                        view! {
                                            <option
                                                value=id.to_string()
                                                selected=move || category() == Some(id)
                                            >
                                                {c.name}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                            <select name="state" aria-label=i.t("products-state")>
                                {ProductState::ALL
                                    .into_iter()
                                    .map(|s| {
                                        view! {
                                            <option value=s.as_str() selected=move || state() == s>
                                                {i.t(&format!("products-state-{}", s.as_str()))}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                            <button type="submit" class="button">
                                {i.t("members-search")}
                            </button>
                        </form>
                    }
                })}
            </Suspense>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(p) => {
                            let link = move |to: u64| {
                                format!(
                                    "/stock/products?q={}&category={}&state={}&page={to}",
                                    crate::url::encode(&q()),
                                    category().map(|c| c.to_string()).unwrap_or_default(),
                                    state().as_str(),
                                )
                            };
                            let shown = p.products.len() as u64;
                            view! {
                                <p class="muted" data-testid="product-count">
                                    {i.ta("products-count", &[("count", p.total.to_string())])}
                                </p>
                                <ul class="product-list">
                                    {p
                                        .products
                                        .into_iter()
                                        .map(|p| {
                                            let unit = i.t(&format!("unit-{}", p.unit.as_str()));
                                            view! {
                                                <li class:inactive=!p.active>
                                                    <a href=format!("/stock/products/{}", p.id)>
                                                        <span class="product-name">{p.name}</span>
                                                        <span class="product-price">
                                                            {format!("{} / {unit}", i.money(p.price_cents))}
                                                        </span>
                                                        <span class="product-codes mono">
                                                            {p.barcodes.join(" ")}
                                                        </span>
                                                        {(!p.active)
                                                            .then(|| {
                                                                view! {
                                                                    <span class="tag">{i.t("products-state-inactive")}</span>
                                                                }
                                                            })}
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                                <Pager
                                    current=page()
                                    shown=shown
                                    total=p.total
                                    page_size=PAGE_SIZE
                                    link=link
                                />
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
