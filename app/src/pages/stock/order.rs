//! One purchase order: its lines (packs, pack size and cost of the day, received so far), and
//! what its state allows: a draft's lines are changed or added and it is sent to the supplier
//! or cancelled; a sent order is received (its reception started or resumed) or cancelled. The
//! printable order is its own page.

use crate::api::orders::{get_order, order_suggestions, CancelOrder, SendOrder, SetOrderLine};
use crate::api::receptions::StartReception;
use crate::api::till::STOCK_KEEPERS;
use crate::components::field::outcome;
use crate::components::guard::Guard;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::pages::stock::orders::{state_label, Refused};
use domain::stock::purchase::{Order, OrderLine};
use domain::stock::reorder::{OrderAction, OrderState, DEFAULT_COVERAGE_DAYS, DEFAULT_WINDOW_DAYS};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

#[component]
pub fn OrderPage() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <OrderView />
        </Guard>
    }
}

/// The order id of the page's address.
pub fn order_id() -> impl Fn() -> Option<Uuid> + Copy {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|s| Uuid::parse_str(&s).ok())
    }
}

#[component]
fn OrderView() -> impl IntoView {
    let i = use_i18n();
    let id = order_id();
    let order = Resource::new(id, |id| async move {
        get_order(id.ok_or(AppError::NotFound)?).await
    });
    let query = use_query_map();
    let notice = move || {
        query
            .read()
            .get("notice")
            .filter(|n| ["drafted", "line", "sent", "cancelled"].contains(&n.as_str()))
    };
    view! {
        <p class="back-row">
            <a href="/stock/orders">{i.t("orders-title")}</a>
        </p>
        {move || {
            notice()
                .map(|n| {
                    view! {
                        <p class="alert notice panel-notice" role="status">
                            {i.t(&format!("order-notice-{n}"))}
                        </p>
                    }
                })
        }}
        <Suspense fallback=move || {
            view! { <p class="muted">{i.t("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match order.await {
                    Ok(o) => view! { <OrderDetail o=o /> }.into_any(),
                    Err(e) => {
                        view! {
                            <section class="panel">
                                <p class="alert error">{i.error(&e)}</p>
                            </section>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn OrderDetail(o: Order) -> impl IntoView {
    let i = use_i18n();
    let draft = o.state == OrderState::Draft;
    let receivable = o.state.after(OrderAction::Receive).is_some();
    let cancellable = o.state.after(OrderAction::Cancel).is_some();
    let set_line = ServerAction::<SetOrderLine>::new();
    let line_result = outcome(set_line);
    let lines = o
        .lines
        .iter()
        .cloned()
        .map(|l| view! { <Line l=l order_id=o.id draft=draft action=set_line /> })
        .collect_view();
    view! {
        <section class="panel order">
            <div class="title-row">
                <h1 data-testid="order-title">
                    {i.ta("order-number", &[("number", o.number.to_string())])}
                </h1>
                <span class="tag" data-testid="order-state" data-state=o.state.as_str()>
                    {state_label(i, o.state)}
                </span>
            </div>
            <p>
                <strong>{o.supplier_name.clone()}</strong>
                " · "
                {i.instant_date(o.created_at_ms)}
                {o
                    .sent_at_ms
                    .map(|t| {
                        format!(" · {}", i.ta("order-sent-on", &[("date", i.instant_date(t))]))
                    })}
            </p>
            <Refused result=line_result />
            {if o.lines.is_empty() {
                view! { <p class="muted">{i.t("order-no-lines")}</p> }.into_any()
            } else {
                view! { <ul class="order-lines">{lines}</ul> }.into_any()
            }}
            <p class="order-total">
                <strong>{i.t("order-total")}</strong>
                <span class="num" data-testid="order-total">
                    {i.money(o.total_cents)}
                </span>
            </p>
            {(draft && o.total_cents < o.min_order_cents)
                .then(|| {
                    view! {
                        <p class="alert error" role="alert">
                            {i
                                .ta(
                                    "suggest-below-minimum",
                                    &[("minimum", i.money(o.min_order_cents))],
                                )}
                        </p>
                    }
                })}
            {draft.then(|| view! { <AddLine o=o.clone() action=set_line /> })}
            <div class="actions order-actions">
                {draft.then(|| view! { <Send o=o.clone() /> })}
                {receivable.then(|| view! { <Receive o=o.clone() /> })}
                <a class="button" href=format!("/stock/orders/{}/print", o.id)>
                    {i.t("order-print")}
                </a>
            </div>
            {cancellable.then(|| view! { <Cancel id=o.id /> })}
        </section>
    }
}

/// One line: the product, its packs (a small form on a draft), what it costs and, once sent,
/// what came in.
#[component]
fn Line(
    l: OrderLine,
    order_id: Uuid,
    draft: bool,
    action: ServerAction<SetOrderLine>,
) -> impl IntoView {
    let i = use_i18n();
    let pack = i.quantity(l.pack_milli, l.unit);
    let packs_id = format!("packs-{}", l.product_id);
    view! {
        <li class="order-line" data-product=l.product_id.to_string()>
            <span class="product-name">{l.name.clone()}</span>
            <span class="num">{i.money(l.total_cents())}</span>
            <span class="muted order-line-detail">
                {(!l.code.is_empty()).then(|| format!("{} · ", l.code))}
                {i
                    .ta(
                        "order-line-packs",
                        &[
                            ("packs", l.packs.to_string()),
                            ("pack", pack),
                            ("cost", i.money(l.pack_cost_cents)),
                        ],
                    )}
            </span>
            {(!draft)
                .then(|| {
                    view! {
                        <span class="muted order-line-detail">
                            {i
                                .ta(
                                    "order-line-received",
                                    &[
                                        ("received", i.quantity(l.received_milli, l.unit)),
                                        ("ordered", i.quantity(l.ordered_milli(), l.unit)),
                                    ],
                                )}
                        </span>
                    }
                })}
            {draft
                .then(|| {
                    view! {
                        <ActionForm action=action attr:class="inline-form order-line-form">
                            <input type="hidden" name="order_id" value=order_id.to_string() />
                            <input type="hidden" name="product_id" value=l.product_id.to_string() />
                            <label class="visually-hidden" for=packs_id.clone()>
                                {i.t("orders-field-packs")}
                            </label>
                            <input
                                id=packs_id.clone()
                                name="packs"
                                inputmode="numeric"
                                value=l.packs.to_string()
                            />
                            <button type="submit" class="button">
                                {i.t("order-line-change")}
                            </button>
                        </ActionForm>
                    }
                })}
        </li>
    }
}

/// Adds a product of the supplier to a draft: its products as the suggestions list them.
#[component]
fn AddLine(o: Order, action: ServerAction<SetOrderLine>) -> impl IntoView {
    let i = use_i18n();
    let supplier = o.supplier_id;
    let offered = Resource::new(
        move || supplier,
        |id| order_suggestions(id, DEFAULT_WINDOW_DAYS, DEFAULT_COVERAGE_DAYS),
    );
    let on_order: Vec<Uuid> = o.lines.iter().map(|l| l.product_id).collect();
    let order_id = o.id;
    view! {
        <details class="order-add">
            <summary>{i.t("order-add-line")}</summary>
            <Suspense fallback=|| ()>
                {move || {
                    let on_order = on_order.clone();
                    Suspend::new(async move {
                        let products = offered.await.map(|s| s.lines).unwrap_or_default();
                        view! {
                            <ActionForm action=action attr:class="stack">
                                <input type="hidden" name="order_id" value=order_id.to_string() />
                                <div class="field">
                                    <label for="field-add-product">
                                        {i.t("orders-field-product")}
                                    </label>
                                    <select id="field-add-product" name="product_id">
                                        {products
                                            .into_iter()
                                            .filter(|p| !on_order.contains(&p.product_id))
                                            .map(|p| {
                                                view! {
                                                    <option value=p.product_id.to_string()>{p.name}</option>
                                                }
                                            })
                                            .collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="field-add-packs">{i.t("orders-field-packs")}</label>
                                    <input
                                        id="field-add-packs"
                                        name="packs"
                                        inputmode="numeric"
                                        value="1"
                                    />
                                </div>
                                <button type="submit" class="button">
                                    {i.t("order-add-submit")}
                                </button>
                            </ActionForm>
                        }
                    })
                }}
            </Suspense>
        </details>
    }
}

#[component]
fn Send(o: Order) -> impl IntoView {
    let i = use_i18n();
    let send = ServerAction::<SendOrder>::new();
    let result = outcome(send);
    let to = if o.order_email.is_empty() {
        i.t("order-no-email")
    } else {
        i.ta("order-send-to", &[("email", o.order_email.clone())])
    };
    view! {
        <div class="stack order-send">
            <Refused result=result />
            <p class="hint">{to}</p>
            <ActionForm action=send>
                <input type="hidden" name="order_id" value=o.id.to_string() />
                <button type="submit" class="button primary">
                    {i.t("order-send")}
                </button>
            </ActionForm>
        </div>
    }
}

#[component]
fn Receive(o: Order) -> impl IntoView {
    let i = use_i18n();
    let start = ServerAction::<StartReception>::new();
    let result = outcome(start);
    let label = if o.open_reception.is_some() {
        i.t("order-receive-resume")
    } else {
        i.t("order-receive")
    };
    view! {
        <div class="stack">
            <Refused result=result />
            <ActionForm action=start>
                <input type="hidden" name="order_id" value=o.id.to_string() />
                <button type="submit" class="button primary">
                    {label}
                </button>
            </ActionForm>
        </div>
    }
}

/// Cancelling asks first: a disclosure with its consequence and the button.
#[component]
fn Cancel(id: Uuid) -> impl IntoView {
    let i = use_i18n();
    let cancel = ServerAction::<CancelOrder>::new();
    let result = outcome(cancel);
    view! {
        <Refused result=result />
        <details class="order-cancel">
            <summary>{i.t("order-cancel")}</summary>
            <p class="hint">{i.t("order-cancel-hint")}</p>
            <ActionForm action=cancel>
                <input type="hidden" name="order_id" value=id.to_string() />
                <button type="submit" class="button danger">
                    {i.t("order-cancel-confirm")}
                </button>
            </ActionForm>
        </details>
    }
}
