//! The planning of a week (or of the whole 4-week cycle): every shift, day by day, with its
//! times, task, booked seats and leaders; short-staffed shifts stand out, those under half
//! staffed more so, cancelled ones are struck through. Plain links move between weeks, so a
//! week can be bookmarked.

use crate::api::planning::{planning_of, Planning};
use crate::api::SHIFT_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::{use_i18n, I18n};
use chrono::{Datelike, NaiveDate, TimeDelta};
use domain::shifts::planning::{PlannedShift, Staffing};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

/// Where a shift of the planning leads: its attendance sheet (`/sheets/:shift_id`, the shift
/// leader's page, which coordinators may open too).
pub fn shift_href(id: Uuid) -> String {
    format!("/sheets/{id}")
}

/// The planning page's address for `weeks` weeks from the week of `date`.
pub fn planning_href(date: NaiveDate, weeks: u32) -> String {
    format!("/coordinator/planning?week={date}&weeks={weeks}")
}

#[component]
pub fn PlanningPage() -> impl IntoView {
    view! {
        <Guard roles=SHIFT_KEEPERS>
            <WeekPlanning />
        </Guard>
    }
}

#[component]
fn WeekPlanning() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let date = move || {
        query
            .read()
            .get("week")
            .and_then(|d| d.parse::<NaiveDate>().ok())
    };
    let weeks = move || match query.read().get("weeks").as_deref() {
        Some("4") => 4,
        _ => 1,
    };
    let planning = Resource::new(move || (date(), weeks()), |(d, w)| planning_of(d, w));
    view! {
        <section class="panel wide planning">
            <h1>{i.t("planning-title")}</h1>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match planning.await {
                        Ok(p) => view! { <PlanningWeeks planning=p weeks=weeks() /> }.into_any(),
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PlanningWeeks(planning: Planning, weeks: u32) -> impl IntoView {
    let i = use_i18n();
    let Some(&(first, _)) = planning.weeks.first() else {
        return ().into_any();
    };
    let span = TimeDelta::weeks(weeks.into());
    let shown = planning.shifts.iter().filter(|s| !s.shift.cancelled);
    let short = shown
        .clone()
        .filter(|s| s.staffing != Staffing::Full)
        .count();
    let critical = shown.filter(|s| s.staffing == Staffing::Critical).count();
    let this_day = planning.today;
    let mut shifts = planning.shifts;
    view! {
        <nav class="planning-nav" aria-label=i.t("planning-nav")>
            <a class="button" href=planning_href(first - span, weeks)>
                {i.t("planning-previous")}
            </a>
            <a class="button" href=format!("/coordinator/planning?weeks={weeks}")>
                {i.t("planning-today")}
            </a>
            <a class="button" href=planning_href(first + span, weeks)>
                {i.t("planning-next")}
            </a>
            <span class="toggle">
                <a class="button" class:current=weeks == 1 href=planning_href(first, 1)>
                    {i.t("planning-one-week")}
                </a>
                <a class="button" class:current=weeks == 4 href=planning_href(first, 4)>
                    {i.t("planning-four-weeks")}
                </a>
            </span>
        </nav>
        <p class="muted" data-testid="planning-summary">
            {i
                .ta(
                    "planning-summary",
                    &[("short", short.to_string()), ("critical", critical.to_string())],
                )}
        </p>
        <ul class="planning-legend">
            <li>
                <span class="swatch full"></span>
                {i.t("staffing-full")}
            </li>
            <li>
                <span class="swatch short"></span>
                {i.t("staffing-short")}
            </li>
            <li>
                <span class="swatch critical"></span>
                {i.t("staffing-critical")}
            </li>
            <li>
                <span class="swatch cancelled"></span>
                {i.t("shift-cancelled")}
            </li>
        </ul>
        {planning
            .weeks
            .into_iter()
            .map(|(monday, letter)| {
                let end = monday + TimeDelta::weeks(1);
                let split = shifts.partition_point(|s| s.shift.date < end);
                let week: Vec<PlannedShift> = shifts.drain(..split).collect();
                view! {
                    <section class="planning-week" data-week=monday.to_string()>
                        <h2>
                            <span class="week-letter" data-testid="week-letter">
                                {letter.to_string()}
                            </span>
                            {i
                                .ta(
                                    "planning-week",
                                    &[
                                        ("letter", letter.to_string()),
                                        ("from", i.date(monday)),
                                        ("to", i.date(monday + TimeDelta::days(6))),
                                    ],
                                )}
                        </h2>
                        <div class="week-grid">
                            {(0..7)
                                .map(|d| {
                                    let day = monday + TimeDelta::days(d);
                                    let today = day == this_day;
                                    let on_day: Vec<PlannedShift> = week
                                        .iter()
                                        .filter(|s| s.shift.date == day)
                                        .cloned()
                                        .collect();
                                    view! { <Day i=i day=day today=today shifts=on_day /> }
                                })
                                .collect_view()}
                        </div>
                    </section>
                }
            })
            .collect_view()}
    }
    .into_any()
}

/// The name of a weekday, Monday first.
pub fn weekday_name(i: I18n, day: chrono::Weekday) -> String {
    i.t(&format!("weekday-{}", day.number_from_monday()))
}

#[component]
fn Day(i: I18n, day: NaiveDate, today: bool, shifts: Vec<PlannedShift>) -> impl IntoView {
    let empty = shifts.is_empty();
    view! {
        <div class="day" class:today=today data-date=day.to_string()>
            <h3>
                <span>{weekday_name(i, day.weekday())}</span>
                <span class="muted">{i.date(day)}</span>
            </h3>
            {empty.then(|| view! { <p class="muted none">{i.t("planning-no-shift")}</p> })}
            {shifts.into_iter().map(|s| view! { <ShiftCard i=i s=s /> }).collect_view()}
        </div>
    }
}

#[component]
fn ShiftCard(i: I18n, s: PlannedShift) -> impl IntoView {
    let cancelled = s.shift.cancelled;
    let staffing = s.staffing;
    let state = if cancelled {
        i.t("shift-cancelled")
    } else {
        i.t(&format!("staffing-{}", staffing.as_str()))
    };
    let leaders = s
        .leaders
        .iter()
        .map(|l| l.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <a
            class="shift-card"
            class:short=!cancelled && staffing == Staffing::Short
            class:critical=!cancelled && staffing == Staffing::Critical
            class:cancelled=cancelled
            href=shift_href(s.shift.id)
            data-testid="shift-card"
            data-staffing=if cancelled { "cancelled" } else { staffing.as_str() }
        >
            <span class="time">
                {format!("{}–{}", s.start.format("%H:%M"), s.end.format("%H:%M"))}
            </span>
            <span class="booked" data-testid="booked">
                {format!("{}/{}", s.shift.booked, s.shift.seats)}
            </span>
            <span class="task">{s.task_name.clone()}</span>
            <span class="state">{state}</span>
            {s.closure_note.clone().map(|n| view! { <span class="note">{n}</span> })}
            {(!leaders.is_empty())
                .then(|| {
                    view! {
                        <span class="leaders">
                            {i.ta("planning-leaders", &[("names", leaders.clone())])}
                        </span>
                    }
                })}
            {s
                .template_id
                .is_none()
                .then(|| view! { <span class="tag">{i.t("planning-one-off")}</span> })}
        </a>
    }
}
