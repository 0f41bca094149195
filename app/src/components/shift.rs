//! A dated shift as members see it on their phones (day, local times, task), the message for
//! a refused booking, cancellation or swap, and what a member's status asks of them.

use crate::error::AppError;
use crate::i18n::I18n;
use chrono::{Datelike, NaiveDate};
use domain::shifts::{ShiftSummary, Status, StatusReason};
use leptos::prelude::*;

/// "Tue 24/11/2026" in the person's language.
pub fn day(i: I18n, date: NaiveDate) -> String {
    format!(
        "{} {}",
        i.t(&format!(
            "myshifts-day-{}",
            date.weekday().number_from_monday()
        )),
        i.date(date)
    )
}

/// "09:00–11:45", in the coop's local time.
pub fn hours(s: &ShiftSummary) -> String {
    format!(
        "{}–{}",
        s.start_local.format("%H:%M"),
        s.end_local.format("%H:%M")
    )
}

/// What went wrong, for a person: every rule that refused, or the error's own message.
pub fn problem(i: I18n, e: &AppError) -> String {
    match e {
        AppError::Invalid(errors) if !errors.is_empty() => errors
            .iter()
            .map(|e| i.reason(&e.reason))
            .collect::<Vec<_>>()
            .join(" "),
        e => i.error(e),
    }
}

/// The heading of a shift card: when (the day left out under a heading that says it), and
/// which task.
#[component]
pub fn ShiftHead(
    i: I18n,
    shift: ShiftSummary,
    #[prop(optional)] without_day: bool,
) -> impl IntoView {
    view! {
        <p class="shift-when">
            {(!without_day)
                .then(|| {
                    view! {
                        <span class="shift-day">{day(i, shift.date)}</span>
                        " "
                    }
                })} <span class="shift-hours">{hours(&shift)}</span>
        </p>
        <p class="shift-task">{shift.task.clone()}</p>
    }
}

/// What the member should do, or why they are where they are, in one sentence: on their
/// phone, and read out to them at the till.
pub fn status_advice(i: I18n, status: Status, reason: &StatusReason) -> String {
    match reason {
        StatusReason::Behind(b) if status == Status::Suspended => i.ta(
            "todo-book-suspended",
            &[("count", b.shifts_to_book().to_string())],
        ),
        StatusReason::Behind(b) => i.ta(
            "todo-book-before",
            &[
                ("count", b.shifts_to_book().max(1).to_string()),
                ("date", i.date(b.suspended_from)),
            ],
        ),
        StatusReason::MakeupsBooked(_) => i.t("todo-makeups-booked"),
        StatusReason::Holiday { until } => i.ta("todo-holiday", &[("date", i.date(*until))]),
        StatusReason::ExemptionLeave { until } => {
            i.ta("todo-exemption", &[("date", i.date(*until))])
        }
        StatusReason::ExemptRegime => i.t("todo-exempt"),
        StatusReason::Left { on } => i.ta("todo-left", &[("date", i.date(*on))]),
        StatusReason::BalanceAtThreshold { .. } => i.t("todo-threshold"),
        StatusReason::UpToDate => i.t("todo-up-to-date"),
    }
}
