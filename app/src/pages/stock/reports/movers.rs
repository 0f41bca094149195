//! Fast and slow movers over a period: the products that sold most, and those that sold least
//! (down to products with stock that sold nothing), with their stock on hand.

use super::{loading, period_words, refused, typed_period, CsvLink, ReportFrame};
use crate::api::reports::movers_report;
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::{use_i18n, I18n};
use domain::stock::reports::Mover;
use leptos::prelude::*;

/// How many fast and slow movers the page lists; the CSV ranks them all.
const LISTED: usize = 20;

#[component]
pub fn MoversReportPage() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <ReportFrame title="report-movers" action="/stock/reports/movers">
                <Rows />
            </ReportFrame>
        </Guard>
    }
}

fn table(i: I18n, testid: &'static str, rows: Vec<Mover>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="report-table" data-testid=testid>
                <thead>
                    <tr>
                        <th>{i.t("report-product")}</th>
                        <th class="num">{i.t("report-sold")}</th>
                        <th class="num">{i.t("report-on-hand")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|m| {
                            view! {
                                <tr>
                                    <td>{m.name} <span class="hint">{m.category}</span></td>
                                    <td class="num">{i.quantity(m.sold_milli, m.unit)}</td>
                                    <td class="num">{i.quantity(m.on_hand_milli, m.unit)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Rows() -> impl IntoView {
    let i = use_i18n();
    let period = typed_period();
    let report = Resource::new(period, |(from, to)| movers_report(from, to));
    view! {
        <Suspense fallback=move || loading(
            i,
        )>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) => {
                        view! {
                            <p class="muted">{period_words(i, r.period)}</p>
                            <CsvLink name="movers" period=r.period />
                            <h2>{i.t("report-fast")}</h2>
                            {table(i, "report-table", r.fast(LISTED).to_vec())}
                            <h2>{i.t("report-slow")}</h2>
                            {table(i, "report-slow", r.slow(LISTED).into_iter().cloned().collect())}
                        }
                            .into_any()
                    }
                    Err(e) => refused(i, &e),
                }
            })}
        </Suspense>
    }
}
