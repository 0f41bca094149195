//! The purchase orders, newest first, by state (links, so the filter works without
//! JavaScript); the receptions left open, to resume; a reception without order.

use crate::api::orders::{list_orders, order_suppliers};
use crate::api::receptions::{open_receptions, StartFreeReception};
use crate::api::till::STOCK_KEEPERS;
use crate::components::field::{outcome, Outcome};
use crate::components::guard::Guard;
use crate::error::AppError;
use crate::i18n::{use_i18n, I18n};
use domain::stock::reorder::OrderState;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Orders() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <OrderList />
        </Guard>
    }
}

/// An order's state in the person's language.
pub fn state_label(i: I18n, state: OrderState) -> String {
    i.t(&format!("order-state-{}", state.as_str()))
}

/// Why something was refused, every reason said: the stock manager's forms are small, and a
/// reason beside no field would otherwise read as a general "invalid".
pub fn refusal(i: I18n, e: &AppError) -> String {
    match e {
        AppError::Invalid(errors) if !errors.is_empty() => errors
            .iter()
            .map(|f| i.reason(&f.reason))
            .collect::<Vec<_>>()
            .join(" "),
        _ => i.error(e),
    }
}

/// The refusal of an action's last call, if it was refused.
#[component]
pub fn Refused<T: Clone + Send + Sync + 'static>(result: Outcome<T>) -> impl IntoView {
    let i = use_i18n();
    move || {
        result.get().and_then(|r| r.err()).map(|e| {
            view! {
                <p class="alert error" role="alert">
                    {refusal(i, &e)}
                </p>
            }
        })
    }
}

#[component]
fn OrderList() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let state = move || OrderState::parse(&query.read().get("state").unwrap_or_default());
    let orders = Resource::new(state, list_orders);
    let open = Resource::new(|| (), |_| open_receptions());
    let filters = std::iter::once((None, i.t("orders-all")))
        .chain(
            OrderState::ALL
                .into_iter()
                .map(|s| (Some(s), state_label(i, s))),
        )
        .map(|(s, label)| {
            let href = match s {
                Some(s) => format!("/stock/orders?state={}", s.as_str()),
                None => "/stock/orders".to_string(),
            };
            view! {
                <a
                    class="button"
                    class:primary=move || state() == s
                    href=href
                    aria-current=move || (state() == s).then_some("page")
                >
                    {label}
                </a>
            }
        })
        .collect_view();
    view! {
        <p class="back-row">
            <a href="/stock">{i.t("stock-title")}</a>
        </p>
        <section class="panel">
            <div class="title-row">
                <h1>{i.t("orders-title")}</h1>
                <a class="button primary" href="/stock/orders/suggest">
                    {i.t("orders-suggest")}
                </a>
            </div>
            <nav class="actions order-filters" aria-label=i.t("orders-filter")>
                {filters}
            </nav>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match orders.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{i.t("orders-none")}</p> }.into_any()
                        }
                        Ok(list) => {
                            view! {
                                <ul class="product-list order-list">
                                    {list
                                        .into_iter()
                                        .map(|o| {
                                            view! {
                                                <li>
                                                    <a href=format!("/stock/orders/{}", o.id)>
                                                        <span class="product-name">
                                                            {i.ta("order-number", &[("number", o.number.to_string())])}
                                                            " · " {o.supplier_name}
                                                        </span>
                                                        <span class="product-price">{i.money(o.total_cents)}</span>
                                                        <span class="product-codes">
                                                            <span class="tag" data-state=o.state.as_str()>
                                                                {state_label(i, o.state)}
                                                            </span>
                                                            " "
                                                            {i
                                                                .ta("order-lines-count", &[("count", o.lines.to_string())])}
                                                            " · "
                                                            {i.instant_date(o.created_at_ms)}
                                                        </span>
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
        <section class="panel">
            <h2>{i.t("receptions-open")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let open = open.await.unwrap_or_default();
                    if open.is_empty() {
                        return view! { <p class="muted">{i.t("receptions-none-open")}</p> }
                            .into_any();
                    }
                    view! {
                        <ul class="product-list" data-testid="open-receptions">
                            {open
                                .into_iter()
                                .map(|r| {
                                    let scanned = r
                                        .lines
                                        .iter()
                                        .filter(|l| l.received_milli.is_some())
                                        .count();
                                    view! {
                                        <li>
                                            <a href=format!("/stock/receptions/{}", r.id)>
                                                <span class="product-name">{r.supplier_name}</span>
                                                <span class="product-price">
                                                    {r
                                                        .order_number
                                                        .map(|n| {
                                                            i.ta("order-number", &[("number", n.to_string())])
                                                        })
                                                        .unwrap_or_else(|| i.t("reception-without-order"))}
                                                </span>
                                                <span class="product-codes">
                                                    {i
                                                        .ta(
                                                            "reception-scanned-count",
                                                            &[("count", scanned.to_string())],
                                                        )} " · " {i.instant_date(r.started_at_ms)}
                                                </span>
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                })}
            </Suspense>
            <FreeReception />
        </section>
    }
}

/// A reception without order: goods a supplier brought unannounced.
#[component]
fn FreeReception() -> impl IntoView {
    let i = use_i18n();
    let start = ServerAction::<StartFreeReception>::new();
    let result = outcome(start);
    let list = Resource::new(|| (), |_| order_suppliers());
    view! {
        <h3>{i.t("reception-free-title")}</h3>
        <Refused result=result />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = list.await.unwrap_or_default();
                view! {
                    <ActionForm action=start attr:class="stack">
                        <div class="field">
                            <label for="field-free-supplier">{i.t("orders-field-supplier")}</label>
                            <select id="field-free-supplier" name="supplier_id" required=true>
                                {list
                                    .into_iter()
                                    .map(|s| {
                                        view! { <option value=s.id.to_string()>{s.name}</option> }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button">
                            {i.t("reception-free-start")}
                        </button>
                    </ActionForm>
                }
            })}
        </Suspense>
    }
}
