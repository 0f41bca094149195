//! "My shifts" on the member's phone: their next shifts, each with cancel and offer-for-swap
//! buttons whose consequences are explained before the member confirms; the seats other
//! members offer; a link to book; and their private calendar address.

use crate::api::bookings::{
    calendar_link, my_shifts, open_offers, CancelShift, OfferShift, ResetCalendar, TakeOffer,
};
use crate::api::ANYONE;
use crate::components::guard::Guard;
use crate::components::shift::{problem, ShiftHead};
use crate::error::AppError;
use crate::i18n::{use_i18n, I18n};
use domain::shifts::{Cancellation, MyShift, MyShiftState, OpenOffer};
use domain::validation::Reason;
use leptos::prelude::*;
use uuid::Uuid;

/// What the member is about to confirm for one shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ask {
    Cancel,
    Offer,
}

/// The outcome of the last action, for the message at the top: done, or refused and why.
type Notice = RwSignal<Option<Result<String, String>>>;

/// Shows the outcome of `action` in `notice` each time it finishes.
fn report<T: Clone + Send + Sync + 'static>(
    notice: Notice,
    outcome: impl Fn() -> Option<Result<T, AppError>> + 'static,
    done: impl Fn(T) -> String + 'static,
) {
    let i = use_i18n();
    Effect::new(move |_| {
        if let Some(r) = outcome() {
            notice.set(Some(r.map(&done).map_err(|e| problem(i, &e))));
        }
    });
}

#[component]
pub fn MyShifts() -> impl IntoView {
    view! { <Guard roles=ANYONE><MyShiftsContent/></Guard> }
}

#[component]
fn MyShiftsContent() -> impl IntoView {
    let i = use_i18n();
    let cancel = ServerAction::<CancelShift>::new();
    let offer = ServerAction::<OfferShift>::new();
    let take = ServerAction::<TakeOffer>::new();
    let asking = RwSignal::new(None::<(Uuid, Ask)>);
    let notice: Notice = RwSignal::new(None);
    report(
        notice,
        move || cancel.value().get(),
        move |c| match c {
            Cancellation::Free => i.t("myshifts-cancelled-free"),
            Cancellation::Late => i.t("myshifts-cancelled-late"),
        },
    );
    report(
        notice,
        move || offer.value().get(),
        move |_| i.t("myshifts-offered"),
    );
    report(
        notice,
        move || take.value().get(),
        move |_| i.t("myshifts-taken"),
    );
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
            <a class="button primary wide-button" href="/shifts/book">{i.t("myshifts-book-link")}</a>
            {move || notice.get().map(|n| match n {
                Ok(m) => view! { <p class="alert notice" role="status" data-testid="notice">{m}</p> }.into_any(),
                Err(m) => view! { <p class="alert error" role="alert" data-testid="notice">{m}</p> }.into_any(),
            })}
            <Transition fallback=move || view! { <p class="muted">{i.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match mine.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">{i.t("myshifts-none")}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="shift-list" data-testid="my-shifts">
                                {list.into_iter().map(|s| view! {
                                    <MyShiftCard i shift=s asking cancel offer/>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="alert error">{problem(i, &e)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <h2>{i.t("myshifts-offers-title")}</h2>
            <Transition fallback=move || view! { <p class="muted">{i.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match offers.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">{i.t("myshifts-offers-none")}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="shift-list" data-testid="swap-offers">
                                {list.into_iter().map(|o| view! { <OfferCard i offer=o take/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="alert error">{problem(i, &e)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <CalendarPanel/>
        </section>
    }
}

#[component]
fn MyShiftCard(
    i: I18n,
    shift: MyShift,
    asking: RwSignal<Option<(Uuid, Ask)>>,
    cancel: ServerAction<CancelShift>,
    offer: ServerAction<OfferShift>,
) -> impl IntoView {
    let id = shift.shift.shift_id;
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
    let actions = move || {
        if state == MyShiftState::ShiftCancelled {
            return ().into_any();
        }
        match asking.get() {
            Some((s, ask)) if s == id => {
                let (text, yes) = match ask {
                    Ask::Cancel => (cancel_means.clone(), i.t("myshifts-cancel-confirm")),
                    Ask::Offer => (i.t("myshifts-offer-explain"), i.t("myshifts-offer-confirm")),
                };
                view! {
                    <div class="confirm" role="group" data-testid="confirm">
                        <p>{text}</p>
                        <div class="actions">
                            <button type="button" class="button primary" on:click=move |_| {
                                asking.set(None);
                                match ask {
                                    Ask::Cancel => { cancel.dispatch(CancelShift { shift_id: id }); }
                                    Ask::Offer => { offer.dispatch(OfferShift { shift_id: id }); }
                                }
                            }>{yes}</button>
                            <button type="button" class="button" on:click=move |_| asking.set(None)>
                                {i.t("myshifts-keep")}
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
            _ => view! {
                <div class="actions">
                    <button type="button" class="button danger" on:click=move |_| asking.set(Some((id, Ask::Cancel)))>
                        {i.t("myshifts-cancel")}
                    </button>
                    {(state == MyShiftState::Booked).then(|| view! {
                        <button type="button" class="button" on:click=move |_| asking.set(Some((id, Ask::Offer)))>
                            {i.t("myshifts-offer")}
                        </button>
                    })}
                </div>
            }
            .into_any(),
        }
    };
    view! {
        <li class="shift-card" class:offered=state == MyShiftState::Offered data-testid="my-shift">
            <ShiftHead i shift=shift.shift.clone()/>
            {badge.map(|b| view! { <p><span class="badge">{b}</span></p> })}
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
        <li class="shift-card" data-testid="swap-offer">
            <ShiftHead i shift=offer.shift.clone()/>
            <p class="hint">{i.ta("myshifts-offered-by", &[("name", offer.offered_by.clone())])}</p>
            {offer.refusal.map(|error| view! { <p class="refusal">{i.reason(&Reason::Booking { error })}</p> })}
            <div class="actions">
                <button type="button" class="button primary" disabled=refused
                    on:click=move |_| { take.dispatch(TakeOffer { offer_id }); }>
                    {i.t("myshifts-take")}
                </button>
            </div>
        </li>
    }
}

/// The private calendar address: only a hash of its secret is kept, so the address is shown
/// right after it is made, and making a new one retires the old one.
#[component]
fn CalendarPanel() -> impl IntoView {
    let i = use_i18n();
    let reset = ServerAction::<ResetCalendar>::new();
    let made = Resource::new(move || reset.version().get(), |_| calendar_link());
    let fresh = move || {
        reset.value().get().map(|r| match r {
            Ok(url) => {
                let webcal = format!(
                    "webcal://{}",
                    url.split_once("://").map_or(url.as_str(), |(_, rest)| rest)
                );
                view! {
                    <div class="field">
                        <label for="calendar-url">{i.t("calendar-url-label")}</label>
                        <input id="calendar-url" readonly prop:value=url data-testid="calendar-url"/>
                    </div>
                    <a class="button" href=webcal>{i.t("calendar-open")}</a>
                }
                .into_any()
            }
            Err(e) => view! { <p class="alert error">{problem(i, &e)}</p> }.into_any(),
        })
    };
    view! {
        <section class="calendar-panel" data-testid="calendar">
            <h2>{i.t("calendar-title")}</h2>
            <p class="hint">{i.t("calendar-intro")}</p>
            {fresh}
            <Transition fallback=move || view! { <p class="muted">{i.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match made.await {
                        Ok(when) => {
                            let shown = reset.value().get_untracked().is_some_and(|r| r.is_ok());
                            view! {
                                {when.filter(|_| !shown).map(|w| view! {
                                    <p class="hint">{i.ta("calendar-made", &[("date", i.date(w.date_naive()))])}</p>
                                })}
                                <button type="button" class="button" on:click=move |_| { reset.dispatch(ResetCalendar {}); }>
                                    {if when.is_some() { i.t("calendar-remake") } else { i.t("calendar-make") }}
                                </button>
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
