//! What a shift leader sees of attendance sheets: the shifts whose sheet they keep, with the
//! state of each, and one sheet with the names behind its lines. Plain data, shared by the
//! server and the browser; the rules that fill it live in `services::shifts::attendance`.

use super::{Attendance, Seat};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Whether a sheet can still be changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetState {
    /// Not validated yet (whether or not someone opened it).
    Open,
    /// Validated: its ledger events are written and it is read-only.
    Validated,
}

impl SheetState {
    pub fn as_str(self) -> &'static str {
        match self {
            SheetState::Open => "open",
            SheetState::Validated => "validated",
        }
    }
}

/// A shift as its sheet's keeper sees it; times are local to the coop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetShift {
    pub shift_id: Uuid,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// The task type's name (till, reception, ...).
    pub task: String,
    pub seats: u32,
    /// Members holding a seat (booked or regular).
    pub expected: u32,
    pub state: SheetState,
    /// Whether the shift has begun: its sheet is validated once it has.
    pub started: bool,
}

/// One line of a sheet: who, with which seat, and their mark so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetLineView {
    pub member_id: Uuid,
    pub member_number: i64,
    pub name: String,
    pub seat: Seat,
    pub mark: Option<Attendance>,
    pub walk_in: bool,
}

/// Who validated a sheet and when (local to the coop).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validation {
    pub by: String,
    pub at: NaiveDateTime,
}

/// An attendance sheet: expected members first, then walk-ins, each by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetView {
    pub shift: SheetShift,
    pub lines: Vec<SheetLineView>,
    pub validated: Option<Validation>,
}

/// A member found by name or number, to add as a walk-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkInCandidate {
    pub member_id: Uuid,
    pub member_number: i64,
    pub name: String,
}
