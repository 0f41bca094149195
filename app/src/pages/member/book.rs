//! Booking a shift on the member's phone: the open seats of one of the next four weeks, by
//! day, each with a book button, or the rule that stops this member from booking it.

use crate::api::bookings::{open_seats, BookShift};
use crate::api::ANYONE;
use crate::components::guard::Guard;
use crate::components::shift::{problem, ShiftHead};
use crate::i18n::{use_i18n, I18n};
use chrono::{NaiveDate, TimeDelta};
use domain::shifts::OpenSeat;
use domain::validation::Reason;
use leptos::prelude::*;

/// How many weeks a member may look ahead (the server bounds it too).
const WEEKS: u32 = 4;

#[component]
pub fn Book() -> impl IntoView {
    view! { <Guard roles=ANYONE><BookContent/></Guard> }
}

/// The open seats grouped by day, in order.
fn by_day(seats: Vec<OpenSeat>) -> Vec<(NaiveDate, Vec<OpenSeat>)> {
    let mut days: Vec<(NaiveDate, Vec<OpenSeat>)> = Vec::new();
    for s in seats {
        match days.last_mut() {
            Some((d, list)) if *d == s.shift.date => list.push(s),
            _ => days.push((s.shift.date, vec![s])),
        }
    }
    days
}

#[component]
fn BookContent() -> impl IntoView {
    let i = use_i18n();
    let book = ServerAction::<BookShift>::new();
    let week = RwSignal::new(0u32);
    let seats = Resource::new(
        move || (week.get(), book.version().get()),
        |(w, _)| open_seats(w),
    );
    let notice = move || {
        book.value().get().map(|r| match r {
            Ok(_) => view! {
                <p class="alert notice" role="status" data-testid="notice">
                    {i.t("book-booked")} " " <a href="/shifts">{i.t("myshifts-title")}</a>
                </p>
            }
            .into_any(),
            Err(e) => view! { <p class="alert error" role="alert" data-testid="notice">{problem(i, &e)}</p> }.into_any(),
        })
    };
    view! {
        <section class="shifts-page">
            <p><a href="/shifts">"← " {i.t("book-back")}</a></p>
            <h1>{i.t("book-title")}</h1>
            <p class="hint">{i.t("book-intro")}</p>
            {notice}
            <Transition fallback=move || view! { <p class="muted">{i.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match seats.await {
                        Ok(w) => {
                            let shown = week.get_untracked();
                            let today = w.first_day - TimeDelta::weeks(i64::from(shown));
                            view! {
                                <div class="week-tabs" role="group" aria-label=i.t("book-weeks")>
                                    {(0..WEEKS).map(|n| {
                                        let label = if n == 0 {
                                            i.t("book-week-0")
                                        } else {
                                            (today + TimeDelta::weeks(i64::from(n))).format("%d/%m").to_string()
                                        };
                                        view! {
                                            <button type="button" class="tab" class:current=n == shown
                                                aria-pressed={if n == shown { "true" } else { "false" }} on:click=move |_| week.set(n)>
                                                {label}
                                            </button>
                                        }
                                    }).collect_view()}
                                </div>
                                {(shown > 0).then(|| view! { <p class="hint">{i.ta("book-week", &[("date", i.date(w.first_day))])}</p> })}
                                {w.seats.is_empty().then(|| view! { <p class="muted">{i.t("book-none")}</p> })}
                                {by_day(w.seats).into_iter().map(|(_, list)| view! {
                                    <ul class="shift-list" data-testid="open-seats">
                                        {list.into_iter().map(|s| view! { <SeatCard i seat=s book/> }).collect_view()}
                                    </ul>
                                }).collect_view()}
                            }
                            .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{problem(i, &e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SeatCard(i: I18n, seat: OpenSeat, book: ServerAction<BookShift>) -> impl IntoView {
    let shift_id = seat.shift.shift_id;
    let refused = seat.refusal.is_some();
    view! {
        <li class="shift-card" class:refused=refused data-testid="open-seat">
            <ShiftHead i shift=seat.shift.clone()/>
            <p class="hint">
                {i.ta("myshifts-seats", &[("booked", seat.shift.booked.to_string()), ("seats", seat.shift.seats.to_string())])}
            </p>
            {seat.shift.required_skill.clone().map(|skill| view! { <p class="hint">{i.ta("myshifts-skill", &[("skill", skill)])}</p> })}
            {seat.refusal.map(|error| view! { <p class="refusal">{i.reason(&Reason::Booking { error })}</p> })}
            <div class="actions">
                <button type="button" class="button primary" disabled=refused
                    on:click=move |_| { book.dispatch(BookShift { shift_id }); }>
                    {i.t("book-button")}
                </button>
            </div>
        </li>
    }
}
