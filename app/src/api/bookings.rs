//! A member's own bookings: book a free seat, cancel, offer a seat for a swap, take someone's
//! offer, and the lists behind the member's shift pages. The member always comes from the
//! session, never from the request: a member acts only on their own seats.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {super::*, crate::ssr::authorize, services::shifts::booking, services::Services};

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
#[server(endpoint = "shifts/book", input = Json)]
pub async fn book_shift(shift_id: Uuid) -> Result<Uuid, AppError> {
    let (s, member_id) = own_member()?;
    Ok(booking::book(&s, member_id, shift_id).await?)
}
