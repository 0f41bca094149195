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

/// A member as a till keeps them, to say offline whether they may shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotMember {
    pub member_id: Uuid,
    pub member_number: i64,
    /// First and last name.
    pub name: String,
    /// The member's own card and the cards of their household's people.
    pub cards: Vec<String>,
    pub status: Status,
    pub may_shop: bool,
}

/// Every member who can come to a till with their status, as the statuses stood at
/// `computed_at_ms` (milliseconds since the epoch): the till keeps it for when the server
/// cannot be reached, and shows its age.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusSnapshot {
    pub computed_at_ms: i64,
    /// By member number.
    pub members: Vec<SnapshotMember>,
}

impl StatusSnapshot {
    /// The member whose card (their own or a household person's) this is.
    pub fn by_card(&self, code: &str) -> Option<&SnapshotMember> {
        let code = code.trim();
        self.members
            .iter()
            .find(|m| m.cards.iter().any(|c| c == code))
    }

    pub fn by_id(&self, id: Uuid) -> Option<&SnapshotMember> {
        self.members.iter().find(|m| m.member_id == id)
    }

    /// The members, by number, whose number is the query or whose name holds every word of
    /// it, ignoring case and accents; at most `limit`.
    pub fn find(&self, query: &str, limit: usize) -> Vec<&SnapshotMember> {
        let query = crate::search::fold(query);
        let words: Vec<&str> = query.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let number: Option<i64> = query.trim().parse().ok();
        self.members
            .iter()
            .filter(|m| {
                Some(m.member_number) == number || {
                    let name = crate::search::fold(&m.name);
                    words.iter().all(|w| name.contains(w))
                }
            })
            .take(limit)
            .collect()
    }

    /// How old the snapshot is at `now_ms`, in whole minutes (never below 0).
    pub fn age_minutes(&self, now_ms: i64) -> i64 {
        (now_ms - self.computed_at_ms).max(0) / 60_000
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

    fn member(number: i64, name: &str, cards: &[&str], status: Status) -> SnapshotMember {
        SnapshotMember {
            member_id: Uuid::from_u128(number as u128),
            member_number: number,
            name: name.into(),
            cards: cards.iter().map(|c| c.to_string()).collect(),
            status,
            may_shop: status != Status::Suspended,
        }
    }

    #[test]
    fn the_snapshot_finds_members_by_card_number_and_name() {
        let snap = StatusSnapshot {
            computed_at_ms: 1_000_000,
            members: vec![
                member(1, "Thérèse Dupont", &["2990000000011"], Status::UpToDate),
                member(
                    12,
                    "Jan Peeters",
                    &["2990000000028", "2990000000035"],
                    Status::Suspended,
                ),
                member(123, "Thérèse Martin", &[], Status::Alert),
            ],
        };
        assert_eq!(
            snap.by_card(" 2990000000035 ").map(|m| m.member_number),
            Some(12)
        );
        assert_eq!(
            snap.by_card("2990000000011").map(|m| m.member_number),
            Some(1)
        );
        assert!(snap.by_card("2990000000042").is_none());
        assert!(snap.by_card("").is_none());
        assert_eq!(
            snap.by_id(Uuid::from_u128(123)).map(|m| m.member_number),
            Some(123)
        );
        let numbers = |q: &str, limit| -> Vec<i64> {
            snap.find(q, limit)
                .iter()
                .map(|m| m.member_number)
                .collect()
        };
        assert_eq!(numbers("therese", 10), vec![1, 123]);
        assert_eq!(numbers("THERESE mart", 10), vec![123]);
        assert_eq!(numbers("12", 10), vec![12]);
        assert_eq!(numbers("therese", 1), vec![1]);
        assert_eq!(numbers("  ", 10), Vec::<i64>::new());
        assert_eq!(numbers("nobody", 10), Vec::<i64>::new());
        assert_eq!(snap.age_minutes(1_000_000 + 59_999), 0);
        assert_eq!(snap.age_minutes(1_000_000 + 3 * 60_000), 3);
        assert_eq!(snap.age_minutes(0), 0);
    }
}
