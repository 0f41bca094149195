//! Shift staffing per week over a period: shifts, seats, seats booked (and how full), and
//! the attendance sheets' marks. For the stock managers, the coordinators and the board.

use super::{loading, period_words, refused, typed_period, CsvLink, ReportFrame};
use crate::api::reports::{staffing_report, STAFFING_READERS};
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use domain::stock::reports::StaffingWeek;
use leptos::prelude::*;

#[component]
pub fn StaffingReportPage() -> impl IntoView {
    view! {
        <Guard roles=STAFFING_READERS>
            <ReportFrame title="report-staffing" action="/stock/reports/staffing">
                <Rows />
            </ReportFrame>
        </Guard>
    }
}

fn cells(w: StaffingWeek) -> impl IntoView {
    view! {
        <td class="num">{w.shifts}</td>
        <td class="num">{w.seats}</td>
        <td class="num">{format!("{} ({} %)", w.booked, w.filled_percent())}</td>
        <td class="num">{w.attended}</td>
        <td class="num">{w.excused}</td>
        <td class="num">{w.absent}</td>
    }
}

#[component]
fn Rows() -> impl IntoView {
    let i = use_i18n();
    let period = typed_period();
    let report = Resource::new(period, |(from, to)| staffing_report(from, to));
    view! {
        <Suspense fallback=move || loading(
            i,
        )>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) => {
                        view! {
                            <p class="muted">{period_words(i, r.period)}</p>
                            <CsvLink name="staffing" period=r.period />
                            <div class="table-wrap">
                                <table class="report-table" data-testid="report-table">
                                    <thead>
                                        <tr>
                                            <th>{i.t("report-week")}</th>
                                            <th class="num">{i.t("report-shifts")}</th>
                                            <th class="num">{i.t("field-seats")}</th>
                                            <th class="num">{i.t("report-booked")}</th>
                                            <th class="num">{i.t("report-attended")}</th>
                                            <th class="num">{i.t("report-excused")}</th>
                                            <th class="num">{i.t("report-absent")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {r
                                            .weeks
                                            .into_iter()
                                            .map(|w| {
                                                view! {
                                                    <tr>
                                                        <td>{i.date(w.week)}</td>
                                                        {cells(w)}
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                    <tfoot>
                                        <tr data-testid="report-total">
                                            <th>{i.t("report-total")}</th>
                                            {cells(r.total)}
                                        </tr>
                                    </tfoot>
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
