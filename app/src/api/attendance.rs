//! Attendance sheets on the shift leader's phone. Shift leaders and coordinators pass the role
//! check here; the service then lets a shift leader keep only the sheets of the shifts they
//! lead (403 otherwise), coordinators and admins every sheet. Changes answer with the sheet as
//! it now stands, so the phone shows what the server holds.

use crate::error::AppError;
use domain::shifts::sheet::{SheetShift, SheetView, WalkInCandidate};
use domain::shifts::Attendance;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {crate::ssr::authorize, services::shifts::attendance};

/// Who keeps attendance sheets: shift leaders (those they lead), coordinators and admins (all).
pub const SHEET_KEEPERS: &[domain::Role] = &[domain::Role::ShiftLeader, domain::Role::Coordinator];

/// The shifts of the last week, today and tomorrow whose sheet the caller keeps.
#[server(endpoint = "attendance/sheets", input = Json)]
pub async fn sheets() -> Result<Vec<SheetShift>, AppError> {
    let (s, v) = authorize(SHEET_KEEPERS)?;
    Ok(attendance::sheets(&s.db, &v, services::today()).await?)
}

/// One sheet, opened if it was not yet.
#[server(endpoint = "attendance/sheet", input = Json)]
pub async fn sheet(shift_id: Uuid) -> Result<SheetView, AppError> {
    let (s, v) = authorize(SHEET_KEEPERS)?;
    Ok(attendance::view(&s, &v, shift_id).await?)
}

/// Marks one member attended, excused or absent.
#[server(endpoint = "attendance/mark", input = Json)]
pub async fn mark(
    shift_id: Uuid,
    member_id: Uuid,
    attendance: Attendance,
) -> Result<SheetView, AppError> {
    let (s, v) = authorize(SHEET_KEEPERS)?;
    attendance::mark(&s, &v, shift_id, member_id, attendance).await?;
    Ok(attendance::view(&s, &v, shift_id).await?)
}

/// Adds a member found by search as a walk-in, marked attended.
#[server(endpoint = "attendance/walk-in", input = Json)]
pub async fn walk_in(shift_id: Uuid, member_id: Uuid) -> Result<SheetView, AppError> {
    let (s, v) = authorize(SHEET_KEEPERS)?;
    attendance::add_walk_in(&s, &v, shift_id, member_id).await?;
    Ok(attendance::view(&s, &v, shift_id).await?)
}

/// Adds the holder of a scanned card as a walk-in (a household person's card adds their
/// member). Errors: `NotFound` for an unknown card.
#[server(endpoint = "attendance/walk-in-card", input = Json)]
pub async fn walk_in_card(shift_id: Uuid, card: String) -> Result<SheetView, AppError> {
    let (s, v) = authorize(SHEET_KEEPERS)?;
    attendance::add_walk_in_by_card(&s, &v, shift_id, &card).await?;
    Ok(attendance::view(&s, &v, shift_id).await?)
}

/// Members matching a name or number, to add as walk-ins.
#[server(endpoint = "attendance/search", input = Json)]
pub async fn search(shift_id: Uuid, query: String) -> Result<Vec<WalkInCandidate>, AppError> {
    let (s, v) = authorize(SHEET_KEEPERS)?;
    Ok(attendance::walk_in_candidates(&s.db, &v, shift_id, &query).await?)
}

/// Validates the sheet: the ledger is written once; a second validation is refused with
/// `Invalid` on the field `sheet` (already validated).
#[server(endpoint = "attendance/validate", input = Json)]
pub async fn validate(shift_id: Uuid) -> Result<SheetView, AppError> {
    let (s, v) = authorize(SHEET_KEEPERS)?;
    attendance::validate(&s, &v, shift_id).await?;
    Ok(attendance::view(&s, &v, shift_id).await?)
}
