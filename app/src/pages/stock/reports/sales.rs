//! Sales per product and VAT rate over a period: quantity, net, VAT and gross, with the total.

use super::{loading, period_words, rate_words, refused, typed_period, CsvLink, ReportFrame};
use crate::api::reports::sales_report;
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn SalesReportPage() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <ReportFrame title="report-sales" action="/stock/reports/sales">
                <Rows />
            </ReportFrame>
        </Guard>
    }
}

#[component]
fn Rows() -> impl IntoView {
    let i = use_i18n();
    let period = typed_period();
    let report = Resource::new(period, |(from, to)| sales_report(from, to));
    view! {
        <Suspense fallback=move || loading(
            i,
        )>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) => {
                        let count = r.rows.len();
                        view! {
                            <p class="muted">{period_words(i, r.period)}</p>
                            <CsvLink name="sales" period=r.period />
                            <div class="table-wrap">
                                <table class="report-table" data-testid="report-table">
                                    <thead>
                                        <tr>
                                            <th>{i.t("report-product")}</th>
                                            <th>{i.t("field-vat")}</th>
                                            <th class="num">{i.t("report-quantity")}</th>
                                            <th class="num">{i.t("report-net")}</th>
                                            <th class="num">{i.t("report-vat-amount")}</th>
                                            <th class="num">{i.t("report-gross")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {r
                                            .rows
                                            .into_iter()
                                            .map(|row| {
                                                view! {
                                                    <tr>
                                                        <td>{row.name} <span class="hint">{row.category}</span></td>
                                                        <td>{rate_words(row.vat_rate)}</td>
                                                        <td class="num">
                                                            {i.quantity(row.quantity_milli, row.unit)}
                                                        </td>
                                                        <td class="num">{i.money(row.amounts.net_cents)}</td>
                                                        <td class="num">{i.money(row.amounts.vat_cents)}</td>
                                                        <td class="num">{i.money(row.amounts.gross_cents)}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                    <tfoot>
                                        <tr data-testid="report-total">
                                            <th colspan="3">
                                                {i.ta("report-total-rows", &[("count", count.to_string())])}
                                            </th>
                                            <td class="num">{i.money(r.total.net_cents)}</td>
                                            <td class="num">{i.money(r.total.vat_cents)}</td>
                                            <td class="num">{i.money(r.total.gross_cents)}</td>
                                        </tr>
                                    </tfoot>
                                </table>
                            </div>
                            <p class="hint">{i.t("report-sales-note")}</p>
                        }
                            .into_any()
                    }
                    Err(e) => refused(i, &e),
                }
            })}
        </Suspense>
    }
}
