//! Shift obligations (EasyMyShift): the calendar, the ledger, statuses and booking rules.
//!
//! - [`rules`]: the per-coop numbers, with the common practice as defaults.
//! - [`calendar`]: the A/B/C/D cycle, templates, and idempotent generation of dated shifts.
//! - [`ledger`]: counter events, balances as their sums, the cap, flexible-period debits.
//! - [`status`]: the status derived from the ledger, leaves and today, and whether one may shop.
//! - [`booking`]: booking, cancelling and swapping seats; reminders and understaffed shifts.
//! - [`agenda`]: a member's next shifts, open seats and offers, as their phone shows them.
//! - [`ical`]: a member's shifts as an iCalendar feed.
//! - [`sheet`]: attendance sheets as their keepers see them.
//! - [`rules_form`]: the coordinator's form of the rules, checked field by field.
//! - [`statuses`]: the coordinator's status list and member record, and new leaves' rule.
//! - [`planning`]: the coordinator's view of templates and dated shifts, with their staffing.
//!
//! Everything is pure: "today" and "now" are parameters, and nothing reads a clock.

pub mod agenda;
pub mod booking;
pub mod calendar;
pub mod ical;
pub mod ledger;
pub mod planning;
pub mod rules;
pub mod rules_form;
pub mod sheet;
pub mod status;
pub mod statuses;

pub use agenda::{MyShift, MyShiftState, OpenOffer, OpenSeat, OpenWeek, ShiftSummary};
pub use booking::{
    check_booking, check_cancellation, check_take_offer, is_understaffed, reminder_date, Booking,
    BookingError, Cancellation, Shift, SwapOffer,
};
pub use calendar::{
    local_to_utc, missing_occurrences, template_occurrences, Cycle, Occurrence, ShiftTemplate,
    WeekLetter,
};
pub use ledger::{
    attendance_event, balance, due_period_debits, manual_correction, with_cap, Attendance, Counter,
    CounterEvent, CounterReason, LedgerError, Reference, Seat,
};
pub use rules::{RulesError, ShiftRules};
pub use status::{
    check_extension_request, derive_status, may_shop, status_change, status_from_counter, Behind,
    ExtensionError, Leave, LeaveKind, MemberFacts, Status, StatusChange, StatusReason,
    StatusReport,
};
