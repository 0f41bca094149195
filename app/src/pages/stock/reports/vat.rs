//! VAT per rate per month and per day over a period: sales less refunds, as the receipts and
//! the returns recorded them.

use super::{
    amount_cells, amounts_foot, amounts_head, loading, period_words, rate_words, refused,
    typed_period, CsvLink, ReportFrame,
};
use crate::api::reports::vat_report;
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::{use_i18n, I18n};
use domain::stock::reports::Amounts;
use leptos::prelude::*;

#[component]
pub fn VatReportPage() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <ReportFrame title="report-vat" action="/stock/reports/vat">
                <Rows />
            </ReportFrame>
        </Guard>
    }
}

/// The cells of a row: what was refunded (gross), then what is due.
fn cells(i: I18n, refunds: Amounts, due: Amounts) -> impl IntoView {
    view! {
        <td class="num">{i.money(refunds.gross_cents)}</td>
        {amount_cells(i, due)}
    }
}

#[component]
fn Rows() -> impl IntoView {
    let i = use_i18n();
    let period = typed_period();
    let report = Resource::new(period, |(from, to)| vat_report(from, to));
    view! {
        <Suspense fallback=move || loading(
            i,
        )>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) => {
                        let total = r.total;
                        let footer = move || amounts_foot(i, i.t("report-total"), total);
                        let months = r.by_month();
                        view! {
                            <p class="muted">{period_words(i, r.period)}</p>
                            <h2>{i.t("report-vat-months")}</h2>
                            <CsvLink name="vat-months" period=r.period />
                            <div class="table-wrap">
                                <table class="report-table" data-testid="report-table">
                                    {amounts_head(i, "report-month", "report-refunds")}
                                    <tbody>
                                        {months
                                            .into_iter()
                                            .map(|m| {
                                                view! {
                                                    <tr>
                                                        <td>{m.month.format("%Y-%m").to_string()}</td>
                                                        <td>{rate_words(m.vat_rate)}</td>
                                                        {cells(i, m.refunds, m.due)}
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                    {footer()}
                                </table>
                            </div>
                            <h2>{i.t("report-vat-days")}</h2>
                            <CsvLink name="vat-days" period=r.period />
                            <div class="table-wrap">
                                <table class="report-table">
                                    {amounts_head(i, "field-date", "report-refunds")}
                                    <tbody>
                                        {r
                                            .days
                                            .into_iter()
                                            .map(|d| {
                                                let due = d.due();
                                                view! {
                                                    <tr>
                                                        <td>{i.date(d.date)}</td>
                                                        <td>{rate_words(d.vat_rate)}</td>
                                                        {cells(i, d.refunds, due)}
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody> {footer()}
                                </table>
                            </div>
                        }
                            .into_any()
                    }
                    Err(e) => refused(i, &e),
                }
            })}
        </Suspense>
    }
}
