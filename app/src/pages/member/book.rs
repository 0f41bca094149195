//! Booking a shift on the member's phone: the open seats of one of the next four weeks, by
//! day, each with a book button, or the rule that stops this member from booking it. The weeks
//! are links (`?week=`) and each seat's button posts a plain form: no JavaScript needed.

use crate::api::bookings::{open_seats, BookShift};
use crate::api::ANYONE;
use crate::components::guard::Guard;
use crate::components::notice::NoticeLine;
use crate::components::post_form::PostForm;
use crate::components::shift::{day, problem, ShiftHead};
use crate::i18n::{use_i18n, I18n};
use crate::notice::{follow, outcome_of, page_notice, Done};
use chrono::{NaiveDate, TimeDelta};
use domain::shifts::OpenSeat;
use domain::validation::Reason;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// How many weeks a member may look ahead (the server bounds it too).
const WEEKS: u32 = 4;

#[component]
pub fn Book() -> impl IntoView {
    view! {
        <Guard roles=ANYONE>
            <BookContent />
        </Guard>
    }
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

/// The week asked for in the address (`?week=`, 0 is from today), within the weeks shown.
fn week_of(query: Option<String>) -> u32 {
    query
        .and_then(|w| w.parse().ok())
        .filter(|w| *w < WEEKS)
        .unwrap_or(0)
}

#[component]
fn BookContent() -> impl IntoView {
    let i = use_i18n();
    let book = ServerAction::<BookShift>::new();
    let notice = page_notice();
    follow(notice, book, |_| Done::Booked);
    let query = use_query_map();
    let week = Memo::new(move |_| week_of(query.read().get("week")));
    let seats = Resource::new(
        move || (week.get(), book.version().get()),
        |(w, _)| open_seats(w),
    );
    view! {
        <section class="shifts-page">
            <p>
                <a href="/shifts">"← " {i.t("book-back")}</a>
            </p>
            <h1>{i.t("book-title")}</h1>
            <p class="hint">{i.t("book-intro")}</p>
            <NoticeLine outcome=outcome_of(notice, &[BookShift::PATH]) />
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match seats.await {
                        Ok(w) => {
                            let shown = week.get_untracked();
                            let today = w.first_day - TimeDelta::weeks(i64::from(shown));
                            view! {
                                <nav class="week-tabs" aria-label=i.t("book-weeks")>
                                    {(0..WEEKS)
                                        .map(|n| {
                                            let label = if n == 0 {
                                                i.t("book-week-0")
                                            } else {
                                                (today + TimeDelta::weeks(i64::from(n)))
                                                    .format("%d/%m")
                                                    .to_string()
                                            };
                                            view! {
                                                <a
                                                    class="tab"
                                                    class:current=n == shown
                                                    href=format!("/shifts/book?week={n}")
                                                    aria-current=(n == shown).then_some("page")
                                                >
                                                    {label}
                                                </a>
                                            }
                                        })
                                        .collect_view()}
                                </nav>
                                {(shown > 0)
                                    .then(|| {
                                        view! {
                                            <p class="hint">
                                                {i.ta("book-week", &[("date", i.date(w.first_day))])}
                                            </p>
                                        }
                                    })}
                                {w
                                    .seats
                                    .is_empty()
                                    .then(|| view! { <p class="muted">{i.t("book-none")}</p> })}
                                {by_day(w.seats)
                                    .into_iter()
                                    .map(|(date, list)| {
                                        view! {
                                            <h2 class="day-heading">{day(i, date)}</h2>
                                            <ul class="shift-list" data-testid="open-seats">
                                                {list
                                                    .into_iter()
                                                    .map(|s| view! { <SeatCard i seat=s book /> })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })
                                    .collect_view()}
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
        <li
            class="shift-card"
            class:refused=refused
            data-testid="open-seat"
            data-shift=shift_id.to_string()
        >
            <ShiftHead i shift=seat.shift.clone() without_day=true />
            <p class="hint">
                {i
                    .ta(
                        "myshifts-seats",
                        &[
                            ("booked", seat.shift.booked.to_string()),
                            ("seats", seat.shift.seats.to_string()),
                        ],
                    )}
            </p>
            {seat
                .shift
                .required_skill
                .clone()
                .map(|skill| {
                    view! { <p class="hint">{i.ta("myshifts-skill", &[("skill", skill)])}</p> }
                })}
            {seat
                .refusal
                .map(|error| {
                    view! { <p class="refusal">{i.reason(&Reason::Booking { error })}</p> }
                })}
            <PostForm action=book class="actions">
                <input type="hidden" name="shift_id" value=shift_id.to_string() />
                <button type="submit" class="button primary" disabled=refused>
                    {i.t("book-button")}
                </button>
            </PostForm>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::week_of;

    #[test]
    fn the_week_comes_from_the_address_within_four() {
        let cases = [
            (None, 0),
            (Some("0"), 0),
            (Some("3"), 3),
            (Some("4"), 0),
            (Some("-1"), 0),
            (Some("two"), 0),
        ];
        for (query, expected) in cases {
            assert_eq!(week_of(query.map(str::to_string)), expected, "{query:?}");
        }
    }
}
