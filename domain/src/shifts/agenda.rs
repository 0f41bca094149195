//! What a member sees of the planning on their phone: their next shifts, the open seats they
//! may book and the seats other members offer. Plain data: the services fill it in, the rules
//! of [`booking`](super::booking) say what is refused and why.

use super::{BookingError, Cancellation};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One dated shift as a member sees it: when (as instants and as the coop's local times),
/// which task, and how many of its seats are booked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftSummary {
    pub shift_id: Uuid,
    /// The local date, as in the planning.
    pub date: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Start and end in the coop's time zone.
    pub start_local: NaiveTime,
    pub end_local: NaiveTime,
    pub task: String,
    pub seats: u32,
    pub booked: u32,
    pub required_skill: Option<String>,
}

/// Where a member's booked seat stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MyShiftState {
    /// Theirs to work.
    Booked,
    /// Offered to stand-ins: still theirs until someone takes it.
    Offered,
    /// The shift itself was cancelled (a closure day): nobody owes it.
    ShiftCancelled,
}

/// One of a member's next shifts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyShift {
    pub shift: ShiftSummary,
    pub state: MyShiftState,
    /// Their fixed seat in a template (which is never cancelled for free).
    pub fixed_seat: bool,
    /// The shift leaders' names.
    pub leaders: Vec<String>,
    /// What cancelling now would mean: free, or missed unless a stand-in takes it.
    pub cancelling: Cancellation,
}

/// A shift with a free seat, and why this member may not book it, if they may not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenSeat {
    pub shift: ShiftSummary,
    pub refusal: Option<BookingError>,
}

/// A seat another member offers, and why this member may not take it, if they may not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenOffer {
    pub offer_id: Uuid,
    pub shift: ShiftSummary,
    /// The first name of the member who offers it.
    pub offered_by: String,
    pub refusal: Option<BookingError>,
}

/// One week of open seats, from its first day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenWeek {
    /// The first day of the week shown; week 0 starts today.
    pub first_day: NaiveDate,
    pub seats: Vec<OpenSeat>,
}
