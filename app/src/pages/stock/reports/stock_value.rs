//! The stock on hand at the end of a day at today's cost prices, product by product, with the
//! products that have no cost listed apart (not in the total).

use super::{loading, refused, typed_period, CsvLink, ReportFrame};
use crate::api::reports::stock_value_report;
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use domain::stock::reports::Period;
use leptos::prelude::*;

/// The most rows the page shows; the CSV has them all.
const SHOWN: usize = 500;

#[component]
pub fn StockValueReportPage() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <ReportFrame title="report-stock-value" action="/stock/reports/stock-value">
                <Rows />
            </ReportFrame>
        </Guard>
    }
}

#[component]
fn Rows() -> impl IntoView {
    let i = use_i18n();
    let period = typed_period();
    let report = Resource::new(move || period().1, stock_value_report);
    view! {
        <Suspense fallback=move || loading(
            i,
        )>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) => {
                        let day = r.day;
                        let csv_period = Period { from: day, to: day };
                        let count = r.rows.len();
                        let apart = r.without_cost.len();
                        view! {
                            <p class="muted">
                                {i.ta("report-stock-value-at", &[("date", i.date(day))])}
                            </p>
                            <CsvLink name="stock-value" period=csv_period />
                            <div class="table-wrap">
                                <table class="report-table" data-testid="report-table">
                                    <thead>
                                        <tr>
                                            <th>{i.t("report-product")}</th>
                                            <th class="num">{i.t("report-on-hand")}</th>
                                            <th class="num">{i.t("report-value")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {r
                                            .rows
                                            .into_iter()
                                            .take(SHOWN)
                                            .map(|row| {
                                                view! {
                                                    <tr>
                                                        <td>{row.name} <span class="hint">{row.category}</span></td>
                                                        <td class="num">
                                                            {i.quantity(row.on_hand_milli, row.unit)}
                                                        </td>
                                                        <td class="num">
                                                            {i.money(row.value_cents.unwrap_or_default())}
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                    <tfoot>
                                        <tr data-testid="report-total">
                                            <th colspan="2">
                                                {i.ta("report-total-rows", &[("count", count.to_string())])}
                                            </th>
                                            <td class="num">{i.money(r.total_cents)}</td>
                                        </tr>
                                    </tfoot>
                                </table>
                            </div>
                            {(count > SHOWN)
                                .then(|| {
                                    view! {
                                        <p class="hint">
                                            {i.ta("report-first-rows", &[("count", SHOWN.to_string())])}
                                        </p>
                                    }
                                })}
                            <h2>{i.ta("report-without-cost", &[("count", apart.to_string())])}</h2>
                            <ul class="plain-list" data-testid="without-cost">
                                {r
                                    .without_cost
                                    .into_iter()
                                    .take(SHOWN)
                                    .map(|row| {
                                        view! {
                                            <li>
                                                <a href=format!(
                                                    "/stock/products/{}",
                                                    row.product_id,
                                                )>{row.name}</a>
                                                " "
                                                <span class="hint">
                                                    {i.quantity(row.on_hand_milli, row.unit)}
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                    Err(e) => refused(i, &e),
                }
            })}
        </Suspense>
    }
}
