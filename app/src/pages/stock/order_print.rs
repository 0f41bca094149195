//! The printable order: an A4 sheet with the supplier, the order's number and date, one row a
//! product (the supplier's code, the packs, their size and cost, the row's total) and the
//! total. The stylesheet prints the sheet alone (`.print-sheet`).

use crate::api::orders::get_order;
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::pages::stock::order::order_id;
use domain::stock::purchase::Order;
use leptos::prelude::*;

#[component]
pub fn OrderPrint() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <PrintView />
        </Guard>
    }
}

#[component]
fn PrintView() -> impl IntoView {
    let i = use_i18n();
    let id = order_id();
    let order = Resource::new(id, |id| async move {
        get_order(id.ok_or(AppError::NotFound)?).await
    });
    view! {
        <Suspense fallback=move || {
            view! { <p class="muted">{i.t("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match order.await {
                    Ok(o) => view! { <Sheet o=o /> }.into_any(),
                    Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Sheet(o: Order) -> impl IntoView {
    let i = use_i18n();
    view! {
        <p class="back-row no-print">
            <a href=format!(
                "/stock/orders/{}",
                o.id,
            )>{i.ta("order-number", &[("number", o.number.to_string())])}</a>
            " · "
            <span class="hint">{i.t("order-print-hint")}</span>
        </p>
        <article class="print-sheet">
            <header>
                <h1>{i.ta("order-number", &[("number", o.number.to_string())])}</h1>
                <p>
                    <strong>{o.supplier_name.clone()}</strong>
                    <br />
                    {o.order_email.clone()}
                </p>
                <p>{i.instant_date(o.sent_at_ms.unwrap_or(o.created_at_ms))}</p>
            </header>
            <table>
                <thead>
                    <tr>
                        <th>{i.t("order-col-code")}</th>
                        <th>{i.t("order-col-product")}</th>
                        <th class="num">{i.t("order-col-packs")}</th>
                        <th class="num">{i.t("order-col-pack")}</th>
                        <th class="num">{i.t("order-col-cost")}</th>
                        <th class="num">{i.t("order-col-total")}</th>
                    </tr>
                </thead>
                <tbody>
                    {o
                        .lines
                        .iter()
                        .map(|l| {
                            view! {
                                <tr>
                                    <td class="mono">{l.code.clone()}</td>
                                    <td>{l.name.clone()}</td>
                                    <td class="num">{l.packs}</td>
                                    <td class="num">{i.quantity(l.pack_milli, l.unit)}</td>
                                    <td class="num">{i.money(l.pack_cost_cents)}</td>
                                    <td class="num">{i.money(l.total_cents())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th colspan="5">{i.t("order-total")}</th>
                        <th class="num" data-testid="print-total">
                            {i.money(o.total_cents)}
                        </th>
                    </tr>
                </tfoot>
            </table>
            {(!o.note.is_empty()).then(|| view! { <p>{o.note.clone()}</p> })}
        </article>
    }
}
