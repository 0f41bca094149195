//! What coordinators see of the statuses: the list of every member's status, one member's
//! record (status with its reason, ledger, history, leaves), and the rule a new leave must
//! follow.

use super::ledger::CounterEvent;
use super::status::{Leave, LeaveKind, Status, StatusChange, StatusReport};
use crate::validation::{FieldError, Reason};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One line of the status list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusRow {
    pub member_id: Uuid,
    pub member_number: i64,
    pub first_name: String,
    pub last_name: String,
    pub status: Status,
    pub balance: i64,
    /// The deadline, the end of a leave or the leaving day, as the member is told.
    pub date_that_matters: Option<NaiveDate>,
}

/// A page of the status list and how many members match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusPage {
    pub rows: Vec<StatusRow>,
    pub total: u64,
}

/// The filter of the status list from its URL value: `None` (every status) for `all` or
/// anything unknown.
pub fn parse_status_filter(s: &str) -> Option<Status> {
    Status::parse(s)
}

/// A recorded leave, with the note of whoever recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaveRecord {
    pub leave: Leave,
    pub note: String,
}

/// One member's shift record, for a coordinator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberShifts {
    pub member_id: Uuid,
    pub member_number: i64,
    pub name: String,
    pub report: StatusReport,
    /// Newest first.
    pub ledger: Vec<CounterEvent>,
    /// Newest first.
    pub history: Vec<StatusChange>,
    pub leaves: Vec<LeaveRecord>,
}

/// Whether a new leave from `start` to `end` (both included) may be recorded next to the
/// member's `existing` leaves. With `today`, a leave may not start in the past (a member's
/// own request; staff may record one afterwards).
///
/// Errors, every one at once: `EndBeforeStart` on `end`, `InThePast` on `start`,
/// `OverlapsLeave` on `start` with the first leave it overlaps.
pub fn check_new_leave(
    kind: LeaveKind,
    start: NaiveDate,
    end: NaiveDate,
    today: Option<NaiveDate>,
    existing: &[Leave],
) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if end < start {
        errors.push(FieldError::new("end", Reason::EndBeforeStart));
    }
    if today.is_some_and(|t| start < t) {
        errors.push(FieldError::new("start", Reason::InThePast));
    }
    // A holiday and an exemption may overlap (ill during a holiday); two of a kind may not.
    if let Some(l) = existing
        .iter()
        .find(|l| l.kind == kind && l.start <= end && start <= l.end)
    {
        errors.push(FieldError::new(
            "start",
            Reason::OverlapsLeave {
                start: l.start,
                end: l.end,
            },
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn holiday(start: NaiveDate, end: NaiveDate) -> Leave {
        Leave {
            kind: LeaveKind::Holiday,
            start,
            end,
        }
    }

    #[test]
    fn new_leaves_are_checked() {
        let today = Some(d(11, 24));
        let existing = [holiday(d(12, 1), d(12, 10))];
        let overlap = |s, e| FieldError::new("start", Reason::OverlapsLeave { start: s, end: e });
        type Case = (
            LeaveKind,
            NaiveDate,
            NaiveDate,
            Option<NaiveDate>,
            Vec<FieldError>,
        );
        let cases: Vec<Case> = vec![
            (LeaveKind::Holiday, d(11, 24), d(11, 30), today, vec![]),
            (LeaveKind::Holiday, d(12, 11), d(12, 11), today, vec![]),
            (
                LeaveKind::Holiday,
                d(11, 30),
                d(11, 29),
                today,
                vec![FieldError::new("end", Reason::EndBeforeStart)],
            ),
            (
                LeaveKind::Holiday,
                d(11, 23),
                d(11, 29),
                today,
                vec![FieldError::new("start", Reason::InThePast)],
            ),
            // Staff may record a past leave.
            (LeaveKind::Holiday, d(11, 1), d(11, 3), None, vec![]),
            (
                LeaveKind::Holiday,
                d(11, 28),
                d(12, 1),
                today,
                vec![overlap(d(12, 1), d(12, 10))],
            ),
            (
                LeaveKind::Holiday,
                d(12, 10),
                d(12, 20),
                today,
                vec![overlap(d(12, 1), d(12, 10))],
            ),
            (LeaveKind::Exemption, d(12, 5), d(12, 20), today, vec![]),
        ];
        for (kind, start, end, today, want) in cases {
            let got = check_new_leave(kind, start, end, today, &existing);
            let want = if want.is_empty() { Ok(()) } else { Err(want) };
            assert_eq!(got, want, "{kind:?} {start}..={end}");
        }
    }

    #[test]
    fn the_filter_reads_statuses_and_all() {
        assert_eq!(parse_status_filter("alert"), Some(Status::Alert));
        assert_eq!(parse_status_filter("on_leave"), Some(Status::OnLeave));
        assert_eq!(parse_status_filter("all"), None);
        assert_eq!(parse_status_filter(""), None);
    }
}
