//! "My shifts" on the member's phone: their next shifts, each with cancel and offer-for-swap
//! buttons whose consequences are explained before the member confirms (a disclosure that
//! opens on the button); the seats other members offer; a link to book; and their private
//! calendar address. Every change is a plain form: no JavaScript needed.

use crate::api::bookings::{
    calendar_link, my_shifts, open_offers, CancelShift, OfferShift, ResetCalendar, TakeOffer,
};
use crate::api::ANYONE;
use crate::components::guard::Guard;
use crate::components::notice::NoticeLine;
use crate::components::post_form::PostForm;
use crate::components::shift::{problem, ShiftHead};
use crate::i18n::{use_i18n, I18n};
use crate::notice::{follow, outcome_of, page_notice, Done};
use domain::shifts::{Cancellation, MyShift, MyShiftState, OpenOffer};
use domain::validation::Reason;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The changes whose outcome is said at the top of the page.
const SEAT_CHANGES: &[&str] = &[CancelShift::PATH, OfferShift::PATH, TakeOffer::PATH];
const CALENDAR_RESET: &[&str] = &[ResetCalendar::PATH];

#[component]
pub fn MyShifts() -> impl IntoView {
    view! {
        <Guard roles=ANYONE>
            <MyShiftsContent />
        </Guard>
    }
}

#[component]
fn MyShiftsContent() -> impl IntoView {
    let i = use_i18n();
    let cancel = ServerAction::<CancelShift>::new();
    let offer = ServerAction::<OfferShift>::new();
    let take = ServerAction::<TakeOffer>::new();
    let reset = ServerAction::<ResetCalendar>::new();
    let notice = page_notice();
    follow(notice, cancel, |c| Done::Cancelled(*c));
    follow(notice, offer, |_| Done::Offered);
    follow(notice, take, |_| Done::Taken);
    follow(notice, reset, |url| Done::CalendarMade { url: url.clone() });
    let changes = move || {
        (
            cancel.version().get(),
            offer.version().get(),
            take.version().get(),
        )
    };
    let mine = Resource::new(changes, |_| my_shifts());
    let offers = Resource::new(changes, |_| open_offers());
    view! {
        <section class="shifts-page">
            <h1>{i.t("myshifts-title")}</h1>
            <a class="button primary wide-button" href="/shifts/book">
                {i.t("myshifts-book-link")}
            </a>
            <NoticeLine outcome=outcome_of(notice, SEAT_CHANGES) />
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match mine.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{i.t("myshifts-none")}</p> }.into_any()
                        }
                        Ok(list) => {
                            view! {
                                <ul class="shift-list" data-testid="my-shifts">
                                    {list
                                        .into_iter()
                                        .map(|s| view! { <MyShiftCard i shift=s cancel offer /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{problem(i, &e)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <h2>{i.t("myshifts-offers-title")}</h2>
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match offers.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{i.t("myshifts-offers-none")}</p> }.into_any()
                        }
                        Ok(list) => {
                            view! {
                                <ul class="shift-list" data-testid="swap-offers">
                                    {list
                                        .into_iter()
                                        .map(|o| view! { <OfferCard i offer=o take /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{problem(i, &e)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <CalendarPanel reset notice />
        </section>
    }
}

/// A button that opens what it would do, with the button that does it: a disclosure, so it
/// needs no script.
#[component]
fn Confirm<S>(
    action: ServerAction<S>,
    #[prop(into)] shift_id: String,
    label: String,
    /// The `.button` variant of the opening button: `danger`, or none.
    kind: &'static str,
    explain: String,
    yes: String,
) -> impl IntoView
where
    S: ServerFn<Error = crate::error::AppError>
        + serde::de::DeserializeOwned
        + Clone
        + Send
        + Sync
        + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    view! {
        <details class="confirm-step">
            <summary class=format!("button {kind}")>{label}</summary>
            <div class="confirm" role="group" data-testid="confirm">
                <p>{explain}</p>
                <PostForm action class="actions">
                    <input type="hidden" name="shift_id" value=shift_id />
                    <button type="submit" class="button primary">
                        {yes}
                    </button>
                </PostForm>
            </div>
        </details>
    }
}

#[component]
fn MyShiftCard(
    i: I18n,
    shift: MyShift,
    cancel: ServerAction<CancelShift>,
    offer: ServerAction<OfferShift>,
) -> impl IntoView {
    let id = shift.shift.shift_id.to_string();
    let state = shift.state;
    let cancel_means = i.t(match (shift.fixed_seat, shift.cancelling) {
        (true, _) => "myshifts-cancel-fixed",
        (false, Cancellation::Free) => "myshifts-cancel-free",
        (false, Cancellation::Late) => "myshifts-cancel-late",
    });
    let badge = match state {
        MyShiftState::Booked => None,
        MyShiftState::Offered => Some(i.t("myshifts-state-offered")),
        MyShiftState::ShiftCancelled => Some(i.t("myshifts-state-shift_cancelled")),
    };
    let leaders = (!shift.leaders.is_empty())
        .then(|| i.ta("myshifts-leaders", &[("names", shift.leaders.join(", "))]));
    let actions = (state != MyShiftState::ShiftCancelled).then(|| {
        view! {
            <div class="actions choices">
                <Confirm
                    action=cancel
                    shift_id=id.clone()
                    label=i.t("myshifts-cancel")
                    kind="danger"
                    explain=cancel_means
                    yes=i.t("myshifts-cancel-confirm")
                />
                {(state == MyShiftState::Booked)
                    .then(|| {
                        view! {
                            <Confirm
                                action=offer
                                shift_id=id.clone()
                                label=i.t("myshifts-offer")
                                kind=""
                                explain=i.t("myshifts-offer-explain")
                                yes=i.t("myshifts-offer-confirm")
                            />
                        }
                    })}
            </div>
        }
    });
    view! {
        <li
            class="shift-card"
            class:offered=state == MyShiftState::Offered
            data-testid="my-shift"
            data-shift=id.clone()
        >
            <ShiftHead i shift=shift.shift.clone() />
            {badge
                .map(|b| {
                    view! {
                        <p>
                            <span class="badge">{b}</span>
                        </p>
                    }
                })}
            {shift.fixed_seat.then(|| view! { <p class="hint">{i.t("myshifts-fixed")}</p> })}
            {leaders.map(|l| view! { <p class="hint">{l}</p> })}
            {actions}
        </li>
    }
}

#[component]
fn OfferCard(i: I18n, offer: OpenOffer, take: ServerAction<TakeOffer>) -> impl IntoView {
    let offer_id = offer.offer_id;
    let refused = offer.refusal.is_some();
    view! {
        <li class="shift-card" data-testid="swap-offer" data-shift=offer.shift.shift_id.to_string()>
            <ShiftHead i shift=offer.shift.clone() />
            <p class="hint">{i.ta("myshifts-offered-by", &[("name", offer.offered_by.clone())])}</p>
            {offer
                .refusal
                .map(|error| {
                    view! { <p class="refusal">{i.reason(&Reason::Booking { error })}</p> }
                })}
            <PostForm action=take class="actions">
                <input type="hidden" name="offer_id" value=offer_id.to_string() />
                <button type="submit" class="button primary" disabled=refused>
                    {i.t("myshifts-take")}
                </button>
            </PostForm>
        </li>
    }
}

/// The private calendar address: only a hash of its secret is kept, so the address is shown
/// right after it is made, and making a new one retires the old one.
#[component]
fn CalendarPanel(
    reset: ServerAction<ResetCalendar>,
    notice: RwSignal<Option<crate::notice::Notice>>,
) -> impl IntoView {
    let i = use_i18n();
    let outcome = outcome_of(notice, CALENDAR_RESET);
    let made = Resource::new(move || reset.version().get(), |_| calendar_link());
    let fresh = move || {
        outcome.get().map(|r| match r {
            Ok(Done::CalendarMade { url }) => {
                let webcal = format!(
                    "webcal://{}",
                    url.split_once("://").map_or(url.as_str(), |(_, rest)| rest)
                );
                view! {
                    <div class="field">
                        <label for="calendar-url">{i.t("calendar-url-label")}</label>
                        <input id="calendar-url" readonly value=url data-testid="calendar-url" />
                    </div>
                    <a class="button" href=webcal>
                        {i.t("calendar-open")}
                    </a>
                }
                .into_any()
            }
            Ok(_) => ().into_any(),
            Err(e) => view! { <p class="alert error">{problem(i, &e)}</p> }.into_any(),
        })
    };
    view! {
        <section class="calendar-panel" data-testid="calendar">
            <h2>{i.t("calendar-title")}</h2>
            <p class="hint">{i.t("calendar-intro")}</p>
            {fresh}
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match made.await {
                        Ok(when) => {
                            let shown = outcome.get_untracked().is_some_and(|r| r.is_ok());
                            view! {
                                {when
                                    .filter(|_| !shown)
                                    .map(|w| {
                                        view! {
                                            <p class="hint">
                                                {i.ta("calendar-made", &[("date", i.date(w.date_naive()))])}
                                            </p>
                                        }
                                    })}
                                <PostForm action=reset>
                                    <button type="submit" class="button" name="make" value="1">
                                        {if when.is_some() {
                                            i.t("calendar-remake")
                                        } else {
                                            i.t("calendar-make")
                                        }}
                                    </button>
                                </PostForm>
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
