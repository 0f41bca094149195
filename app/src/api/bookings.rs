//! A member's own bookings: book a free seat, cancel, offer a seat for a swap, take someone's
//! offer, and the lists behind the member's shift pages. The member always comes from the
//! session, never from the request: a member acts only on their own seats. The changes also
//! take plain form posts, for the member's pages that work without JavaScript
//! ([`crate::notice`]).

use super::form::JsonOrForm;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use domain::shifts::{Cancellation, MyShift, OpenOffer, OpenWeek};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {
    super::*,
    crate::notice::Done,
    crate::ssr::{answer_form, authorize},
    services::shifts::{agenda, booking, feed},
    services::Services,
};

/// The services and the signed-in person's member id. Errors: `Unauthenticated`, or
/// `Invalid` (`NotAMember`, 422) for an account without a member record.
#[cfg(feature = "ssr")]
fn own_member() -> Result<(Services, Uuid), AppError> {
    use domain::validation::{FieldError, Reason};
    let (s, v) = authorize(ANYONE)?;
    let id = v.member_id.ok_or_else(|| {
        crate::ssr::fail(AppError::Invalid(vec![FieldError::new(
            "shift",
            Reason::NotAMember,
        )]))
    })?;
    Ok((s, id))
}

/// Books a free seat of a shift for the signed-in member; returns the booking's id.
/// Refusals (full, overlap, limits, ...) are 422 with the rule that refused; nothing is written.
#[server(endpoint = "shifts/book", input = JsonOrForm)]
pub async fn book_shift(shift_id: Uuid) -> Result<Uuid, AppError> {
    let booked = async {
        let (s, member_id) = own_member()?;
        Ok::<_, AppError>(booking::book(&s, member_id, shift_id).await?)
    };
    answer_form(booked.await, "/shifts/book", |_| Done::Booked)
}

/// Gives up the signed-in member's seat of a shift. `Free` up to the rules' deadline (the seat
/// is free again); `Late` after it, or always for a fixed seat: the seat is offered to
/// stand-ins and counts as missed unless someone takes it.
#[server(endpoint = "shifts/cancel", input = JsonOrForm)]
pub async fn cancel_shift(shift_id: Uuid) -> Result<Cancellation, AppError> {
    let cancelled = async {
        let (s, member_id) = own_member()?;
        Ok::<_, AppError>(booking::cancel(&s, member_id, shift_id).await?)
    };
    answer_form(cancelled.await, "/shifts", |c| Done::Cancelled(*c))
}

/// Offers the signed-in member's seat of a shift to stand-ins; returns the offer's id.
#[server(endpoint = "shifts/offer", input = JsonOrForm)]
pub async fn offer_shift(shift_id: Uuid) -> Result<Uuid, AppError> {
    let offered = async {
        let (s, member_id) = own_member()?;
        Ok::<_, AppError>(booking::offer(&s, member_id, shift_id).await?)
    };
    answer_form(offered.await, "/shifts", |_| Done::Offered)
}

/// The signed-in member takes another member's offered seat; returns their booking's id.
/// Taking one's own offer is refused (422, `OwnOffer`).
#[server(endpoint = "shifts/take-offer", input = JsonOrForm)]
pub async fn take_offer(offer_id: Uuid) -> Result<Uuid, AppError> {
    let taken = async {
        let (s, member_id) = own_member()?;
        Ok::<_, AppError>(booking::take_offer(&s, member_id, offer_id).await?)
    };
    answer_form(taken.await, "/shifts", |_| Done::Taken)
}

/// The signed-in member's shifts that have not ended, by start.
#[server(endpoint = "shifts/mine", input = Json)]
pub async fn my_shifts() -> Result<Vec<MyShift>, AppError> {
    let (s, member_id) = own_member()?;
    Ok(agenda::my_shifts(&s.db, member_id).await?)
}

/// The open seats of one of the next four weeks (`week` 0 is from today) that the signed-in
/// member does not hold, each with the rule that would refuse their booking, if any.
#[server(endpoint = "shifts/open", input = Json)]
pub async fn open_seats(week: u32) -> Result<OpenWeek, AppError> {
    let (s, member_id) = own_member()?;
    Ok(agenda::open_seats(&s.db, member_id, week).await?)
}

/// The seats other members offer for a swap.
#[server(endpoint = "shifts/offers", input = Json)]
pub async fn open_offers() -> Result<Vec<OpenOffer>, AppError> {
    let (s, member_id) = own_member()?;
    Ok(agenda::offers_for(&s.db, member_id).await?)
}

/// When the signed-in member's calendar feed address was made, if they have one. The address
/// itself is shown only once, by [`reset_calendar`]: only a hash of its secret is kept.
#[server(endpoint = "shifts/calendar-link", input = Json)]
pub async fn calendar_link() -> Result<Option<DateTime<Utc>>, AppError> {
    let (s, member_id) = own_member()?;
    Ok(feed::token_made(&s.db, member_id).await?)
}

/// Makes a new calendar feed address for the signed-in member and returns it; the previous
/// address stops working at once.
#[server(endpoint = "shifts/calendar-reset", input = JsonOrForm)]
pub async fn reset_calendar() -> Result<String, AppError> {
    let made = async {
        let (s, member_id) = own_member()?;
        let token = feed::reset_token(&s, member_id).await?;
        Ok::<_, AppError>(calendar_url(&s.config.base_url, &token))
    };
    answer_form(made.await, "/shifts", |url| Done::CalendarMade {
        url: url.clone(),
    })
}

/// The address of the feed with this secret, as `GET /calendar/{token}.ics` serves it.
#[cfg(feature = "ssr")]
fn calendar_url(base_url: &str, token: &str) -> String {
    format!("{}/calendar/{token}.ics", base_url.trim_end_matches('/'))
}
