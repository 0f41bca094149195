//! A dated shift as members see it on their phones (day, local times, task), and the message
//! for a refused booking, cancellation or swap.

use crate::error::AppError;
use crate::i18n::I18n;
use chrono::Datelike;
use domain::shifts::ShiftSummary;
use leptos::prelude::*;

/// "Tue 24/11/2026 · 09:00–11:45" in the person's language, in the coop's local time.
pub fn when(i: I18n, s: &ShiftSummary) -> String {
    format!(
        "{} {} · {}–{}",
        i.t(&format!(
            "myshifts-day-{}",
            s.date.weekday().number_from_monday()
        )),
        i.date(s.date),
        s.start_local.format("%H:%M"),
        s.end_local.format("%H:%M"),
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

/// The heading of a shift card: when, and which task.
#[component]
pub fn ShiftHead(i: I18n, shift: ShiftSummary) -> impl IntoView {
    view! {
        <p class="shift-when">{when(i, &shift)}</p>
        <p class="shift-task">{shift.task.clone()}</p>
    }
}
