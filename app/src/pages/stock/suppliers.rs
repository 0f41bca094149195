//! The suppliers: each with its order email, minimum order, lead time and how many products it
//! sells (a link to its page), and a link to add one.

use crate::api::suppliers::list_suppliers;
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn Suppliers() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <SupplierList />
        </Guard>
    }
}

#[component]
fn SupplierList() -> impl IntoView {
    let i = use_i18n();
    let suppliers = Resource::new(|| (), |_| list_suppliers());
    view! {
        <section class="panel">
            <div class="title-row">
                <h1>{i.t("stock-suppliers")}</h1>
                <a class="button primary" href="/stock/suppliers/new">
                    {i.t("supplier-new")}
                </a>
            </div>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match suppliers.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{i.t("suppliers-none")}</p> }.into_any()
                        }
                        Ok(list) => {
                            view! {
                                <ul class="product-list" data-testid="suppliers">
                                    {list
                                        .into_iter()
                                        .map(|s| {
                                            let terms = i
                                                .ta(
                                                    "supplier-terms",
                                                    &[
                                                        ("min", i.money(s.min_order_cents)),
                                                        ("days", s.lead_days.to_string()),
                                                    ],
                                                );
                                            let count = i
                                                .ta(
                                                    "supplier-products",
                                                    &[("count", s.products.to_string())],
                                                );
                                            view! {
                                                <li class:inactive=!s.active>
                                                    <a href=format!("/stock/suppliers/{}", s.id)>
                                                        <span class="product-name">{s.name}</span>
                                                        <span class="product-price">{count}</span>
                                                        <span class="hint">{terms}</span>
                                                        <span class="hint">{s.order_email}</span>
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
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
