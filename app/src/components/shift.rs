//! A dated shift as members see it on their phones (day, local times, task), and the message
//! for a refused booking, cancellation or swap.

use crate::error::AppError;
use crate::i18n::I18n;
use chrono::{Datelike, NaiveDate};
use domain::shifts::ShiftSummary;
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
            {(!without_day).then(|| view! { <span class="shift-day">{day(i, shift.date)}</span> " " })}
            <span class="shift-hours">{hours(&shift)}</span>
        </p>
        <p class="shift-task">{shift.task.clone()}</p>
    }
}
