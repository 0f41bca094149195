//! The line on a member's page that says what their last action did, or why it was refused,
//! in their language (see [`crate::notice`]).

use crate::components::field::Outcome;
use crate::components::shift::problem;
use crate::i18n::{use_i18n, I18n};
use crate::notice::Done;
use domain::shifts::Cancellation;
use leptos::prelude::*;

/// What was done, in one sentence.
pub fn said(i: I18n, done: &Done) -> String {
    let date = |d: &str| {
        domain::member::parse_date(d)
            .map(|d| i.date(d))
            .unwrap_or_else(|| d.to_string())
    };
    match done {
        Done::Booked => i.t("book-booked"),
        Done::Cancelled(Cancellation::Free) => i.t("myshifts-cancelled-free"),
        Done::Cancelled(Cancellation::Late) => i.t("myshifts-cancelled-late"),
        Done::Offered => i.t("myshifts-offered"),
        Done::Taken => i.t("myshifts-taken"),
        Done::CalendarMade { .. } => i.t("calendar-url-label"),
        Done::Holiday { start, end } => i.ta(
            "requests-holiday-done",
            &[("start", date(start)), ("end", date(end))],
        ),
        Done::Extended { until } => i.ta(
            "requests-extension-done",
            &[("date", until.map(|d| i.date(d)).unwrap_or_default())],
        ),
    }
}

/// The outcome as a status line (done) or an alert (refused, with every rule that refused).
#[component]
pub fn NoticeLine(outcome: Outcome<Done>) -> impl IntoView {
    let i = use_i18n();
    move || {
        outcome.get().map(|r| match r {
            Ok(done) => view! {
                <p class="alert notice" role="status" data-testid="notice">
                    {said(i, &done)}
                    {(done == Done::Booked)
                        .then(|| {
                            view! {
                                " "
                                <a href="/shifts">{i.t("myshifts-title")}</a>
                            }
                        })}
                </p>
            }
            .into_any(),
            Err(e) => view! {
                <p class="alert error" role="alert" data-testid="notice">
                    {problem(i, &e)}
                </p>
            }
            .into_any(),
        })
    }
}
