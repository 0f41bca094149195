//! A member's status and whether they may shop, derived from the ledger, the leaves, the
//! extensions and today's date. The status is never the source of truth: it is recomputed, and
//! the till, the entrance and the member's phone all ask [`derive_status`].
//!
//! The alert clock starts on the first day that ends with a negative balance and runs on
//! every day outside a leave (holiday or exemption). Once it has run `alert_days` days, plus
//! `extension_days` per extension granted during the alert, the member is suspended.

use super::ledger::{Counter, CounterEvent};
use super::rules::ShiftRules;
use crate::member::WorkRegime;
use chrono::{NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeaveKind {
    /// Away: the household does not shop by default.
    Holiday,
    /// A temporary exemption (illness, parental leave, ...): owes nothing, may shop.
    Exemption,
}

/// A leave from `start` to `end`, both included. No debit falls inside it and the alert
/// clock does not run during it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leave {
    pub kind: LeaveKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Leave {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// What the shift rules need to know about a member, as of today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberFacts {
    pub id: Uuid,
    pub regime: WorkRegime,
    /// The day the member started working; a flexible member's periods count from it.
    pub start_date: NaiveDate,
    /// The day the member left the coop, if they did.
    pub left_on: Option<NaiveDate>,
    pub skills: Vec<String>,
    /// Booked shifts still ahead that will credit the counter (make-ups, extra shifts).
    pub booked_makeups: u32,
}

impl MemberFacts {
    /// A regular member with no skills and nothing booked.
    pub fn new(id: Uuid, start_date: NaiveDate) -> Self {
        MemberFacts {
            id,
            regime: WorkRegime::Regular,
            start_date,
            left_on: None,
            skills: Vec::new(),
            booked_makeups: 0,
        }
    }
}

/// The statuses, in their order of priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Unsubscribed,
    OnLeave,
    Exempted,
    Suspended,
    Extension,
    Alert,
    UpToDate,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Unsubscribed,
        Status::OnLeave,
        Status::Exempted,
        Status::Suspended,
        Status::Extension,
        Status::Alert,
        Status::UpToDate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unsubscribed => "unsubscribed",
            Status::OnLeave => "on_leave",
            Status::Exempted => "exempted",
            Status::Suspended => "suspended",
            Status::Extension => "extension",
            Status::Alert => "alert",
            Status::UpToDate => "up_to_date",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// Whether a member of this status may shop: this table and nothing else.
pub fn may_shop(rules: &ShiftRules, status: Status) -> bool {
    match status {
        Status::Unsubscribed | Status::Suspended => false,
        Status::OnLeave => rules.on_leave_may_shop,
        Status::Exempted | Status::Extension | Status::Alert | Status::UpToDate => true,
    }
}

/// Where a member with a negative balance stands, for "book 1 make-up shift before
/// 1 December to avoid suspension".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Behind {
    /// The first day that ended with a negative balance.
    pub alert_since: NaiveDate,
    /// The first day of suspension: the deadline while in alert or extension.
    pub suspended_from: NaiveDate,
    pub extensions_used: u32,
    /// Make-up shifts to attend to get back to 0.
    pub shifts_needed: u32,
    pub shifts_booked: u32,
}

impl Behind {
    pub fn shifts_to_book(&self) -> u32 {
        self.shifts_needed.saturating_sub(self.shifts_booked)
    }
}

/// Why a member has their status, for the screens and the notices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StatusReason {
    Left {
        on: NaiveDate,
    },
    BalanceAtThreshold {
        threshold: i32,
    },
    /// `until` is the last day of the leave.
    Holiday {
        until: NaiveDate,
    },
    ExemptRegime,
    ExemptionLeave {
        until: NaiveDate,
    },
    /// Alert, extension or suspension.
    Behind(Behind),
    /// Past the deadline, but enough make-up shifts are booked to reach 0: in alert again.
    MakeupsBooked(Behind),
    UpToDate,
}

impl StatusReason {
    /// The date a member is told about: the day they left, the last day of their leave, or
    /// the day suspension starts (or started).
    pub fn date_that_matters(&self) -> Option<NaiveDate> {
        match self {
            StatusReason::Left { on } => Some(*on),
            StatusReason::Holiday { until } | StatusReason::ExemptionLeave { until } => {
                Some(*until)
            }
            StatusReason::Behind(b) | StatusReason::MakeupsBooked(b) => Some(b.suspended_from),
            StatusReason::BalanceAtThreshold { .. }
            | StatusReason::ExemptRegime
            | StatusReason::UpToDate => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusReport {
    pub status: Status,
    pub may_shop: bool,
    pub balance: i64,
    /// A regular member who is unsubscribed gives up their seat in the template.
    pub loses_seat: bool,
    pub date_that_matters: Option<NaiveDate>,
    pub reason: StatusReason,
}

/// The status of `member` on `today`. Ledger events dated after today are not counted yet;
/// extensions count when granted after the balance turned negative, before the deadline, and
/// at most `max_extensions_in_a_row` of them.
pub fn derive_status(
    rules: &ShiftRules,
    member: &MemberFacts,
    ledger: &[CounterEvent],
    leaves: &[Leave],
    extensions: &[NaiveDate],
    today: NaiveDate,
) -> StatusReport {
    let counter = Counter::replay(ledger.iter().filter(|e| e.date <= today));
    status_from_counter(rules, member, &counter, leaves, extensions, today)
}

/// [`derive_status`] from a counter already replayed up to `today`.
pub fn status_from_counter(
    rules: &ShiftRules,
    member: &MemberFacts,
    counter: &Counter,
    leaves: &[Leave],
    extensions: &[NaiveDate],
    today: NaiveDate,
) -> StatusReport {
    let balance = counter.balance();
    let (status, reason) = if let Some(on) = member.left_on.filter(|on| *on <= today) {
        (Status::Unsubscribed, StatusReason::Left { on })
    } else if balance <= rules.unsubscribe_threshold.into() {
        let threshold = rules.unsubscribe_threshold;
        (
            Status::Unsubscribed,
            StatusReason::BalanceAtThreshold { threshold },
        )
    } else if let Some(until) = leave_until(leaves, LeaveKind::Holiday, today) {
        (Status::OnLeave, StatusReason::Holiday { until })
    } else if member.regime == WorkRegime::Exempt {
        (Status::Exempted, StatusReason::ExemptRegime)
    } else if let Some(until) = leave_until(leaves, LeaveKind::Exemption, today) {
        (Status::Exempted, StatusReason::ExemptionLeave { until })
    } else if let Some(since) = counter.negative_since() {
        let b = behind(rules, member, balance, since, leaves, extensions, today);
        if today < b.suspended_from {
            let status = if b.extensions_used > 0 {
                Status::Extension
            } else {
                Status::Alert
            };
            (status, StatusReason::Behind(b))
        } else if rules.makeups_lift_suspension && b.shifts_to_book() == 0 {
            (Status::Alert, StatusReason::MakeupsBooked(b))
        } else {
            (Status::Suspended, StatusReason::Behind(b))
        }
    } else {
        (Status::UpToDate, StatusReason::UpToDate)
    };
    StatusReport {
        status,
        may_shop: may_shop(rules, status),
        balance,
        loses_seat: status == Status::Unsubscribed && member.regime == WorkRegime::Regular,
        date_that_matters: reason.date_that_matters(),
        reason,
    }
}

fn behind(
    rules: &ShiftRules,
    member: &MemberFacts,
    balance: i64,
    since: NaiveDate,
    leaves: &[Leave],
    extensions: &[NaiveDate],
    today: NaiveDate,
) -> Behind {
    let paused = merged(leaves.iter());
    let deadline = |used: u32| {
        let days = rules.alert_days + i64::from(used) * rules.extension_days;
        after_running_days(since, days, &paused)
    };
    let mut granted: Vec<NaiveDate> = extensions
        .iter()
        .copied()
        .filter(|g| since <= *g && *g <= today)
        .collect();
    granted.sort();
    let mut used = 0;
    let mut suspended_from = deadline(0);
    for g in granted {
        if used < rules.max_extensions_in_a_row && g < suspended_from {
            used += 1;
            suspended_from = deadline(used);
        }
    }
    let credit = i64::from(rules.makeup_attended.max(1));
    Behind {
        alert_since: since,
        suspended_from,
        extensions_used: used,
        shifts_needed: u32::try_from((-balance + credit - 1) / credit).unwrap_or(u32::MAX),
        shifts_booked: member.booked_makeups,
    }
}

/// Leaves as sorted, disjoint spans (first and last day), touching ones joined.
fn merged<'a>(leaves: impl Iterator<Item = &'a Leave>) -> Vec<(NaiveDate, NaiveDate)> {
    let mut spans: Vec<(NaiveDate, NaiveDate)> = leaves
        .filter(|l| l.start <= l.end)
        .map(|l| (l.start, l.end))
        .collect();
    spans.sort();
    let mut joined: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for (start, end) in spans {
        match joined.last_mut() {
            Some(last) if start <= last.1 + TimeDelta::days(1) => last.1 = last.1.max(end),
            _ => joined.push((start, end)),
        }
    }
    joined
}

/// The first day after `days` days outside `paused`, counting from `start`.
fn after_running_days(start: NaiveDate, days: i64, paused: &[(NaiveDate, NaiveDate)]) -> NaiveDate {
    let mut day = start;
    let mut left = days;
    for (first, last) in paused.iter().filter(|(_, last)| *last >= start) {
        let running = (*first - day).num_days();
        if running >= left {
            break;
        }
        left -= running.max(0);
        day = *last + TimeDelta::days(1);
    }
    day + TimeDelta::days(left)
}

/// The last day of the leave of `kind` that covers `today`, joined with touching leaves.
fn leave_until(leaves: &[Leave], kind: LeaveKind, today: NaiveDate) -> Option<NaiveDate> {
    merged(leaves.iter().filter(|l| l.kind == kind))
        .into_iter()
        .find(|(first, last)| *first <= today && today <= *last)
        .map(|(_, last)| last)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExtensionError {
    #[error("only a member in alert may ask for more time")]
    NotInAlert,
    #[error("this alert already had its {max} extension(s)")]
    AlreadyExtended { max: u32 },
    #[error("the deadline has passed")]
    TooLate,
}

/// Whether a member may be granted an extension now, given today's report. Errors:
/// `NotInAlert`, `AlreadyExtended` once the alert had its extensions, `TooLate` once suspended.
pub fn check_extension_request(
    rules: &ShiftRules,
    report: &StatusReport,
) -> Result<(), ExtensionError> {
    match (report.status, &report.reason) {
        (_, StatusReason::MakeupsBooked(_)) | (Status::Suspended, _) => {
            Err(ExtensionError::TooLate)
        }
        (Status::Alert | Status::Extension, StatusReason::Behind(b)) => {
            if b.extensions_used < rules.max_extensions_in_a_row {
                Ok(())
            } else {
                Err(ExtensionError::AlreadyExtended {
                    max: rules.max_extensions_in_a_row,
                })
            }
        }
        _ => Err(ExtensionError::NotInAlert),
    }
}

/// A status change to record, with its cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub on: NaiveDate,
    pub from: Option<Status>,
    pub to: Status,
    pub reason: StatusReason,
}

/// The change to record when today's report differs from the last recorded status.
pub fn status_change(
    previous: Option<Status>,
    report: &StatusReport,
    today: NaiveDate,
) -> Option<StatusChange> {
    (previous != Some(report.status)).then(|| StatusChange {
        on: today,
        from: previous,
        to: report.status,
        reason: report.reason.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shifts::ledger::{CounterReason, Reference};
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[derive(Debug, Clone)]
    struct Life {
        rules: ShiftRules,
        member: MemberFacts,
        ledger: Vec<CounterEvent>,
        leaves: Vec<Leave>,
        extensions: Vec<NaiveDate>,
    }

    impl Life {
        fn regular() -> Life {
            Life {
                rules: ShiftRules::default(),
                member: MemberFacts::new(Uuid::from_u128(1), d("2026-01-05")),
                ledger: Vec::new(),
                leaves: Vec::new(),
                extensions: Vec::new(),
            }
        }

        fn regime(mut self, regime: WorkRegime) -> Life {
            self.member.regime = regime;
            self
        }

        fn event(mut self, date: &str, delta: i32) -> Life {
            self.ledger.push(CounterEvent {
                date: d(date),
                delta,
                reason: if delta > 0 {
                    CounterReason::Makeup
                } else {
                    CounterReason::Absent
                },
                reference: Reference::Shift {
                    shift_id: Uuid::from_u128(9),
                },
            });
            self
        }

        fn leave(mut self, kind: LeaveKind, start: &str, end: &str) -> Life {
            self.leaves.push(Leave {
                kind,
                start: d(start),
                end: d(end),
            });
            self
        }

        fn extension(mut self, date: &str) -> Life {
            self.extensions.push(d(date));
            self
        }

        fn booked(mut self, n: u32) -> Life {
            self.member.booked_makeups = n;
            self
        }

        fn rules(mut self, change: fn(&mut ShiftRules)) -> Life {
            change(&mut self.rules);
            self
        }

        fn at(&self, today: &str) -> StatusReport {
            derive_status(
                &self.rules,
                &self.member,
                &self.ledger,
                &self.leaves,
                &self.extensions,
                d(today),
            )
        }
    }

    #[test]
    fn every_status_transition() {
        use LeaveKind::*;
        use Status::*;
        let absent_once = Life::regular().event("2026-11-03", -1);
        let extended = absent_once
            .clone()
            .extension("2026-11-20")
            .extension("2026-12-10");
        let holiday = absent_once
            .clone()
            .leave(Holiday, "2026-11-10", "2026-11-16");
        let twice = Life::regular()
            .event("2026-10-06", -2)
            .event("2026-11-03", -2);
        let exemption = absent_once
            .clone()
            .leave(Exemption, "2026-11-08", "2026-12-31");
        let reset = Life::regular()
            .event("2026-10-06", -1)
            .event("2026-10-20", 1)
            .event("2026-11-03", -1)
            .extension("2026-10-10");
        // (case, life, today, status, date that matters, may shop, balance)
        type Case = (
            &'static str,
            Life,
            &'static str,
            Status,
            Option<&'static str>,
            bool,
            i64,
        );
        let cases: Vec<Case> = vec![
            (
                "new member",
                Life::regular(),
                "2026-11-01",
                UpToDate,
                None,
                true,
                0,
            ),
            (
                "event not yet happened",
                absent_once.clone(),
                "2026-11-02",
                UpToDate,
                None,
                true,
                0,
            ),
            (
                "alert on the day",
                absent_once.clone(),
                "2026-11-03",
                Alert,
                Some("2026-12-01"),
                true,
                -1,
            ),
            (
                "last day of alert",
                absent_once.clone(),
                "2026-11-30",
                Alert,
                Some("2026-12-01"),
                true,
                -1,
            ),
            (
                "suspended after 28 days",
                absent_once.clone(),
                "2026-12-01",
                Suspended,
                Some("2026-12-01"),
                false,
                -1,
            ),
            (
                "made up",
                absent_once.clone().event("2026-12-05", 1),
                "2026-12-05",
                UpToDate,
                None,
                true,
                0,
            ),
            (
                "before the extension",
                extended.clone(),
                "2026-11-19",
                Alert,
                Some("2026-12-01"),
                true,
                -1,
            ),
            (
                "extension",
                extended.clone(),
                "2026-11-20",
                Extension,
                Some("2026-12-29"),
                true,
                -1,
            ),
            (
                "last day of extension",
                extended.clone(),
                "2026-12-28",
                Extension,
                Some("2026-12-29"),
                true,
                -1,
            ),
            (
                "suspended after the extension",
                extended,
                "2026-12-29",
                Suspended,
                Some("2026-12-29"),
                false,
                -1,
            ),
            (
                "extension asked too late",
                absent_once.clone().extension("2026-12-05"),
                "2026-12-10",
                Suspended,
                Some("2026-12-01"),
                false,
                -1,
            ),
            (
                "leave known ahead moves the deadline",
                holiday.clone(),
                "2026-11-09",
                Alert,
                Some("2026-12-08"),
                true,
                -1,
            ),
            (
                "on leave",
                holiday.clone(),
                "2026-11-12",
                OnLeave,
                Some("2026-11-16"),
                false,
                -1,
            ),
            (
                "on leave may shop",
                holiday.clone().rules(|r| r.on_leave_may_shop = true),
                "2026-11-12",
                OnLeave,
                Some("2026-11-16"),
                true,
                -1,
            ),
            (
                "clock paused by the leave",
                holiday.clone(),
                "2026-12-07",
                Alert,
                Some("2026-12-08"),
                true,
                -1,
            ),
            (
                "suspended after the paused clock",
                holiday,
                "2026-12-08",
                Suspended,
                Some("2026-12-08"),
                false,
                -1,
            ),
            (
                "make-up booked lifts suspension",
                absent_once.clone().booked(1),
                "2026-12-01",
                Alert,
                Some("2026-12-01"),
                true,
                -1,
            ),
            (
                "unless the coop wants it done first",
                absent_once
                    .clone()
                    .booked(1)
                    .rules(|r| r.makeups_lift_suspension = false),
                "2026-12-01",
                Suspended,
                Some("2026-12-01"),
                false,
                -1,
            ),
            (
                "not enough make-ups booked",
                Life::regular().event("2026-11-03", -2).booked(1),
                "2026-12-01",
                Suspended,
                Some("2026-12-01"),
                false,
                -2,
            ),
            (
                "alert after one absence",
                twice.clone(),
                "2026-11-02",
                Alert,
                Some("2026-11-03"),
                true,
                -2,
            ),
            (
                "two absences unsubscribe",
                twice.clone(),
                "2026-11-03",
                Unsubscribed,
                None,
                false,
                -4,
            ),
            (
                "exempt while in alert",
                absent_once.clone().regime(WorkRegime::Exempt),
                "2026-11-10",
                Exempted,
                None,
                true,
                -1,
            ),
            (
                "exempt on holiday",
                absent_once.clone().regime(WorkRegime::Exempt).leave(
                    Holiday,
                    "2026-11-09",
                    "2026-11-11",
                ),
                "2026-11-10",
                OnLeave,
                Some("2026-11-11"),
                false,
                -1,
            ),
            (
                "exemption leave while in alert",
                exemption.clone(),
                "2026-11-10",
                Exempted,
                Some("2026-12-31"),
                true,
                -1,
            ),
            (
                "back from exemption, clock resumes",
                exemption.clone(),
                "2027-01-01",
                Alert,
                Some("2027-01-24"),
                true,
                -1,
            ),
            (
                "suspended after resumed clock",
                exemption,
                "2027-01-24",
                Suspended,
                Some("2027-01-24"),
                false,
                -1,
            ),
            (
                "back to 0 resets the clock",
                reset,
                "2026-11-10",
                Alert,
                Some("2026-12-01"),
                true,
                -1,
            ),
        ];
        for (case, life, today, status, date, shop, balance) in cases {
            let r = life.at(today);
            assert_eq!(
                (r.status, r.date_that_matters, r.may_shop, r.balance),
                (status, date.map(d), shop, balance),
                "{case}"
            );
        }
    }

    #[test]
    fn the_report_says_what_to_do_and_by_when() {
        let r = Life::regular()
            .event("2026-11-03", -2)
            .booked(1)
            .at("2026-11-10");
        assert_eq!(
            r.reason,
            StatusReason::Behind(Behind {
                alert_since: d("2026-11-03"),
                suspended_from: d("2026-12-01"),
                extensions_used: 0,
                shifts_needed: 2,
                shifts_booked: 1,
            })
        );
        let StatusReason::Behind(b) = r.reason else {
            unreachable!()
        };
        assert_eq!(b.shifts_to_book(), 1);
        // A coop crediting 2 per make-up needs one shift to recover -2.
        let double = Life::regular()
            .event("2026-11-03", -2)
            .rules(|r| r.makeup_attended = 2)
            .at("2026-11-10");
        assert!(matches!(
            double.reason,
            StatusReason::Behind(Behind {
                shifts_needed: 1,
                ..
            })
        ));
    }

    #[test]
    fn unsubscribed_regular_members_lose_their_seat() {
        let twice = Life::regular()
            .event("2026-10-06", -2)
            .event("2026-11-03", -2);
        let r = twice.at("2026-11-03");
        assert_eq!(r.reason, StatusReason::BalanceAtThreshold { threshold: -4 });
        assert!(r.loses_seat);
        let flexible = twice.clone().regime(WorkRegime::Flexible).at("2026-11-03");
        assert_eq!(
            (flexible.status, flexible.loses_seat),
            (Status::Unsubscribed, false)
        );
        let mut left = Life::regular();
        left.member.left_on = Some(d("2026-11-15"));
        assert_eq!(left.at("2026-11-14").status, Status::UpToDate);
        let r = left.at("2026-11-15");
        assert_eq!(
            (r.status, r.reason, r.loses_seat, r.may_shop),
            (
                Status::Unsubscribed,
                StatusReason::Left {
                    on: d("2026-11-15")
                },
                true,
                false
            )
        );
    }

    #[test]
    fn extension_requests() {
        let rules = ShiftRules::default();
        let life = Life::regular().event("2026-11-03", -1);
        let cases = [
            (
                Life::regular(),
                "2026-11-10",
                Err(ExtensionError::NotInAlert),
            ),
            (life.clone(), "2026-11-10", Ok(())),
            (
                life.clone().extension("2026-11-20"),
                "2026-11-25",
                Err(ExtensionError::AlreadyExtended { max: 1 }),
            ),
            (life.clone(), "2026-12-01", Err(ExtensionError::TooLate)),
            (
                life.clone().booked(1),
                "2026-12-01",
                Err(ExtensionError::TooLate),
            ),
            (
                life.regime(WorkRegime::Exempt),
                "2026-11-10",
                Err(ExtensionError::NotInAlert),
            ),
        ];
        for (life, today, want) in cases {
            assert_eq!(
                check_extension_request(&rules, &life.at(today)),
                want,
                "{today}"
            );
        }
    }

    #[test]
    fn status_changes_are_recorded_with_their_cause() {
        let life = Life::regular().event("2026-11-03", -1);
        let alert = life.at("2026-11-03");
        let change = status_change(Some(Status::UpToDate), &alert, d("2026-11-03")).unwrap();
        assert_eq!(
            (change.from, change.to),
            (Some(Status::UpToDate), Status::Alert)
        );
        assert_eq!(change.reason, alert.reason);
        assert_eq!(
            status_change(Some(Status::Alert), &life.at("2026-11-04"), d("2026-11-04")),
            None
        );
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn may_shop_table() {
        let rules = ShiftRules::default();
        let shops: Vec<bool> = Status::ALL.iter().map(|s| may_shop(&rules, *s)).collect();
        assert_eq!(shops, vec![false, false, true, false, true, true, true]);
    }

    fn day(n: i64) -> NaiveDate {
        d("2026-01-01") + TimeDelta::days(n)
    }

    fn any_life() -> impl Strategy<Value = (Life, NaiveDate)> {
        (
            proptest::collection::vec((0i64..150, -2i32..2), 0..25),
            proptest::collection::vec((0i64..150, 0i64..20, any::<bool>()), 0..3),
            proptest::collection::vec(0i64..150, 0..3),
            0u32..3,
            0usize..3,
            0i64..180,
            any::<bool>(),
        )
            .prop_map(
                |(events, leaves, extensions, booked, regime, today, lift)| {
                    let mut life = Life::regular()
                        .regime(WorkRegime::ALL[regime])
                        .booked(booked);
                    life.rules.makeups_lift_suspension = lift;
                    for (n, delta) in events {
                        life = life.event(&day(n).to_string(), delta);
                    }
                    for (n, len, holiday) in leaves {
                        let kind = if holiday {
                            LeaveKind::Holiday
                        } else {
                            LeaveKind::Exemption
                        };
                        life = life.leave(kind, &day(n).to_string(), &day(n + len).to_string());
                    }
                    for n in extensions {
                        life = life.extension(&day(n).to_string());
                    }
                    (life, day(today))
                },
            )
    }

    proptest! {
        #[test]
        fn the_status_is_the_same_from_any_batching_of_the_ledger(
            (life, today) in any_life(),
            cuts in proptest::collection::vec(0usize..25, 0..5),
        ) {
            let whole = life.at(&today.to_string());
            let mut known: Vec<CounterEvent> = life.ledger.iter().filter(|e| e.date <= today).cloned().collect();
            known.sort_by_key(|e| e.date);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(known.len())).collect();
            cuts.sort();
            let mut counter = Counter::default();
            let mut from = 0;
            for to in cuts.into_iter().chain([known.len()]) {
                for e in &known[from..to] {
                    counter.push(e).unwrap();
                }
                from = to;
                // Each prefix gives the status of a ledger holding just that prefix.
                let prefix = derive_status(&life.rules, &life.member, &known[..to], &life.leaves, &life.extensions, today);
                prop_assert_eq!(
                    status_from_counter(&life.rules, &life.member, &counter, &life.leaves, &life.extensions, today),
                    prefix
                );
            }
            prop_assert_eq!(
                status_from_counter(&life.rules, &life.member, &counter, &life.leaves, &life.extensions, today),
                whole.clone()
            );
            let mut reversed = life.clone();
            reversed.ledger.reverse();
            prop_assert_eq!(reversed.at(&today.to_string()), whole);
        }

        #[test]
        fn may_shop_follows_the_status_only(
            (life, today) in any_life(),
        ) {
            let r = life.at(&today.to_string());
            prop_assert_eq!(r.may_shop, may_shop(&life.rules, r.status));
            prop_assert_eq!(r.balance, life.ledger.iter().filter(|e| e.date <= today).map(|e| i64::from(e.delta)).sum::<i64>());
            prop_assert_eq!(r.status == Status::UpToDate, r.balance >= 0 && r.reason == StatusReason::UpToDate);
            if let StatusReason::Behind(b) | StatusReason::MakeupsBooked(b) = &r.reason {
                prop_assert!(b.alert_since <= today);
                prop_assert!(b.suspended_from >= b.alert_since + TimeDelta::days(life.rules.alert_days));
                prop_assert_eq!(r.status == Status::Suspended, today >= b.suspended_from && matches!(r.reason, StatusReason::Behind(_)));
            }
        }
    }
}
