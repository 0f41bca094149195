//! Sales per product and VAT rate over a period: quantity, net, VAT and gross, with the total.

use super::{
    amount_cells, amounts_foot, amounts_head, loading, period_words, rate_words, refused,
    typed_period, CsvLink, ReportFrame,
};
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
                                                        <td class="num">
                                                            {i.quantity(row.quantity_milli, row.unit)}
                                                        </td>
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
                    Err(e) => refused(i, &e),
                }
            })}
        </Suspense>
    }
}
