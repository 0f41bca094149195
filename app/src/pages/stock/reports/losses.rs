//! Losses over a period: per reason (moves, value), then per product.

use super::{loading, period_words, refused, typed_period, CsvLink, ReportFrame};
use crate::api::reports::loss_report;
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::{use_i18n, I18n};
use leptos::prelude::*;

#[component]
pub fn LossesReportPage() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <ReportFrame title="report-losses" action="/stock/reports/losses">
                <Rows />
            </ReportFrame>
        </Guard>
    }
}

/// A loss reason in words (a reason the ledger does not know is shown as stored).
fn reason_words(i: I18n, reason: &str) -> String {
    if domain::stock::LOSS_REASONS.contains(&reason) {
        i.t(&format!("loss-{reason}"))
    } else if reason.is_empty() {
        i.t("report-no-reason")
    } else {
        reason.to_string()
    }
}

#[component]
fn Rows() -> impl IntoView {
    let i = use_i18n();
    let period = typed_period();
    let report = Resource::new(period, |(from, to)| loss_report(from, to));
    view! {
        <Suspense fallback=move || loading(
            i,
        )>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) => {
                        let reasons = r.by_reason();
                        view! {
                            <p class="muted">{period_words(i, r.period)}</p>
                            <CsvLink name="losses" period=r.period />
                            <div class="table-wrap">
                                <table class="report-table" data-testid="report-table">
                                    <thead>
                                        <tr>
                                            <th>{i.t("field-loss-reason")}</th>
                                            <th class="num">{i.t("report-products")}</th>
                                            <th class="num">{i.t("report-moves")}</th>
                                            <th class="num">{i.t("report-value")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {reasons
                                            .into_iter()
                                            .map(|g| {
                                                view! {
                                                    <tr>
                                                        <td>{reason_words(i, &g.reason)}</td>
                                                        <td class="num">{g.products}</td>
                                                        <td class="num">{g.moves}</td>
                                                        <td class="num">{i.money(g.value_cents)}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                    <tfoot>
                                        <tr data-testid="report-total">
                                            <th colspan="3">{i.t("report-total")}</th>
                                            <td class="num">{i.money(r.total_cents)}</td>
                                        </tr>
                                    </tfoot>
                                </table>
                            </div>
                            <h2>{i.t("report-losses-by-product")}</h2>
                            <div class="table-wrap">
                                <table class="report-table">
                                    <thead>
                                        <tr>
                                            <th>{i.t("report-product")}</th>
                                            <th>{i.t("field-loss-reason")}</th>
                                            <th class="num">{i.t("report-quantity")}</th>
                                            <th class="num">{i.t("report-value")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {r
                                            .rows
                                            .into_iter()
                                            .map(|row| {
                                                let unvalued = row.unvalued_moves;
                                                view! {
                                                    <tr>
                                                        <td>{row.name}</td>
                                                        <td>{reason_words(i, &row.reason)}</td>
                                                        <td class="num">
                                                            {i.quantity(row.quantity_milli, row.unit)}
                                                        </td>
                                                        <td class="num">
                                                            {i.money(row.value_cents)}
                                                            {(unvalued > 0)
                                                                .then(|| {
                                                                    view! {
                                                                        <span class="hint">
                                                                            {i
                                                                                .ta("report-unvalued", &[("count", unvalued.to_string())])}
                                                                        </span>
                                                                    }
                                                                })}
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
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
