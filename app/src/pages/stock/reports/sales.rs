//! Sales per product and VAT rate over a period: quantity, net, VAT and gross, with the total.

use super::{
    amount_cells, amounts_foot, amounts_head, period_words, rate_words, CsvLink, ReportFrame,
    SalesReportBody,
};
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::I18n;
use domain::stock::reports::SalesReport;
use leptos::prelude::*;

#[component]
pub fn SalesReportPage() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <ReportFrame title="report-sales" action="/stock/reports/sales">
                <SalesReportBody show=table />
            </ReportFrame>
        </Guard>
    }
}

/// The report's table, once loaded.
fn table(i: I18n, r: SalesReport) -> AnyView {
    let count = r.rows.len();
    view! {
        <p class="muted">{period_words(i, r.period)}</p>
        <CsvLink name="sales" period=r.period />
        <div class="table-wrap">
            <table class="report-table" data-testid="report-table">
                {amounts_head(i, "report-product", "report-quantity")}
                <tbody>
                    {r
                        .rows
                        .into_iter()
                        .map(|row| {
                            view! {
                                <tr>
                                    <td>{row.name} <span class="hint">{row.category}</span></td>
                                    <td>{rate_words(row.vat_rate)}</td>
                                    <td class="num">{i.quantity(row.quantity_milli, row.unit)}</td>
                                    {amount_cells(i, row.amounts)}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
                {amounts_foot(
                    i,
                    i.ta("report-total-rows", &[("count", count.to_string())]),
                    r.total,
                )}
            </table>
        </div>
        <p class="hint">{i.t("report-sales-note")}</p>
    }
    .into_any()
}
