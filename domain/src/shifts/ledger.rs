//! The ledger: each member's append-only list of counter events. A balance is the sum of the
//! ledger's deltas and nothing else. This module turns attendance, flexible periods and staff
//! corrections into events, and replays a ledger into a [`Counter`] for the status rules.
//!
//! The cap at 0 for regular members is recorded, not computed: a credit that would lift a
//! regular member above 0 is followed by a `cap` event taking the excess back, so the balance
//! stays the plain sum and the member reads why their extra shift gave 0.

use super::rules::ShiftRules;
use super::status::{Leave, MemberFacts};
use crate::member::WorkRegime;
use chrono::{NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CounterReason {
    /// A regular member at their own fixed shift.
    Attended,
    Excused,
    Absent,
    /// A booked shift attended: make-up, extra, or a flexible member's shift.
    Makeup,
    /// A booked shift missed without excuse.
    NoShow,
    PeriodDebit,
    Cap,
    ManualCorrection,
}

impl CounterReason {
    pub const ALL: [CounterReason; 8] = [
        CounterReason::Attended,
        CounterReason::Excused,
        CounterReason::Absent,
        CounterReason::Makeup,
        CounterReason::NoShow,
        CounterReason::PeriodDebit,
        CounterReason::Cap,
        CounterReason::ManualCorrection,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CounterReason::Attended => "attended",
            CounterReason::Excused => "excused",
            CounterReason::Absent => "absent",
            CounterReason::Makeup => "makeup",
            CounterReason::NoShow => "no_show",
            CounterReason::PeriodDebit => "period_debit",
            CounterReason::Cap => "cap",
            CounterReason::ManualCorrection => "manual_correction",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// What a counter event is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reference {
    Shift {
        shift_id: Uuid,
    },
    /// A flexible member's 28-day period, by its first day.
    Period {
        starts_on: NaiveDate,
    },
    Staff {
        staff_id: Uuid,
        note: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterEvent {
    pub date: NaiveDate,
    pub delta: i32,
    pub reason: CounterReason,
    pub reference: Reference,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error("an event of {date} cannot follow one of {after}: replay the ledger in date order")]
    OutOfOrder { date: NaiveDate, after: NaiveDate },
    #[error("a correction must change the balance")]
    ZeroCorrection,
    #[error("a correction needs a note saying why")]
    NoteRequired,
    #[error("a correction moves the balance by at most {max} shifts either way")]
    CorrectionTooLarge { max: i32 },
}

/// The most a correction by hand moves a balance, either way: a few shifts are corrected, not
/// thousands.
pub const MAX_CORRECTION: i32 = 100;

/// The balance of a ledger: the sum of its deltas.
pub fn balance<'a>(events: impl IntoIterator<Item = &'a CounterEvent>) -> i64 {
    events.into_iter().map(|e| i64::from(e.delta)).sum()
}

/// Whose seat a line of an attendance sheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seat {
    /// A regular member's own seat in the template.
    Fixed,
    /// A booked seat: make-up, extra shift, flexible member, stand-in or walk-in.
    Booked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Attended,
    Excused,
    Absent,
}

/// The event one line of a validated attendance sheet writes. Events of delta 0 are written
/// too, so the member's history shows every shift. Pass the result through [`with_cap`].
pub fn attendance_event(
    rules: &ShiftRules,
    seat: Seat,
    attendance: Attendance,
    date: NaiveDate,
    shift_id: Uuid,
) -> CounterEvent {
    let (delta, reason) = match (seat, attendance) {
        (Seat::Fixed, Attendance::Attended) => (rules.regular_attended, CounterReason::Attended),
        (Seat::Fixed, Attendance::Excused) => (rules.regular_excused, CounterReason::Excused),
        (Seat::Fixed, Attendance::Absent) => (rules.regular_absent, CounterReason::Absent),
        (Seat::Booked, Attendance::Attended) => (rules.makeup_attended, CounterReason::Makeup),
        (Seat::Booked, Attendance::Excused) => (0, CounterReason::Excused),
        (Seat::Booked, Attendance::Absent) => (rules.booked_no_show, CounterReason::NoShow),
    };
    CounterEvent {
        date,
        delta,
        reason,
        reference: Reference::Shift { shift_id },
    }
}

/// The events to append for `event` given the member's current `balance`: the event itself,
/// then, for a regular member whose credit would lift the balance above 0 (or above the
/// savings they already had) while savings are off, a `cap` event taking the excess back.
/// Manual corrections are staff decisions and are never capped.
pub fn with_cap(
    rules: &ShiftRules,
    regime: WorkRegime,
    balance: i64,
    event: CounterEvent,
) -> Vec<CounterEvent> {
    let after = balance + i64::from(event.delta);
    let capped = regime == WorkRegime::Regular
        && !rules.regular_savings_allowed
        && event.delta > 0
        && event.reason != CounterReason::ManualCorrection
        && after > 0;
    let excess = if capped { after - balance.max(0) } else { 0 };
    let cap = (excess > 0).then(|| CounterEvent {
        date: event.date,
        delta: -i32::try_from(excess).unwrap_or(i32::MAX),
        reason: CounterReason::Cap,
        reference: event.reference.clone(),
    });
    std::iter::once(event).chain(cap).collect()
}

/// A staff member's correction. Errors: `ZeroCorrection`, `NoteRequired`.
pub fn manual_correction(
    date: NaiveDate,
    delta: i32,
    staff_id: Uuid,
    note: &str,
) -> Result<CounterEvent, LedgerError> {
    if delta == 0 {
        return Err(LedgerError::ZeroCorrection);
    }
    if delta.unsigned_abs() > MAX_CORRECTION.unsigned_abs() {
        return Err(LedgerError::CorrectionTooLarge {
            max: MAX_CORRECTION,
        });
    }
    let note = note.trim();
    if note.is_empty() {
        return Err(LedgerError::NoteRequired);
    }
    Ok(CounterEvent {
        date,
        delta,
        reason: CounterReason::ManualCorrection,
        reference: Reference::Staff {
            staff_id,
            note: note.to_string(),
        },
    })
}

/// The flexible-period debits due by `today` that `ledger` does not hold yet: one on the first
/// day of each period counted from the member's start date, skipping periods that start inside
/// a leave or on or after the day the member left. Nothing for regular or exempt members.
/// Idempotent: appending the output and asking again yields nothing.
pub fn due_period_debits(
    rules: &ShiftRules,
    member: &MemberFacts,
    leaves: &[Leave],
    ledger: &[CounterEvent],
    today: NaiveDate,
) -> Vec<CounterEvent> {
    if member.regime != WorkRegime::Flexible || rules.flexible_period_days <= 0 {
        return Vec::new();
    }
    let last = member
        .left_on
        .and_then(|left| left.pred_opt())
        .map_or(today, |day_before| day_before.min(today));
    let debited = |starts_on: NaiveDate| {
        ledger.iter().any(|e| {
            e.reason == CounterReason::PeriodDebit && e.reference == Reference::Period { starts_on }
        })
    };
    std::iter::successors(Some(member.start_date), |d| {
        d.checked_add_signed(TimeDelta::days(rules.flexible_period_days))
    })
    .take_while(|d| *d <= last)
    .filter(|d| !leaves.iter().any(|l| l.covers(*d)) && !debited(*d))
    .map(|starts_on| CounterEvent {
        date: starts_on,
        delta: rules.flexible_period_debit,
        reason: CounterReason::PeriodDebit,
        reference: Reference::Period { starts_on },
    })
    .collect()
}

/// A member's counter replayed from the ledger in date order: the balance, and since when it
/// has been negative at the end of every day. Within a day only the day's final balance
/// counts, so the order of one day's events does not matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counter {
    balance: i64,
    /// Since when the balance was negative, as of the end of the day before `day`.
    negative_since_before: Option<NaiveDate>,
    /// The day of the last event, still open to more events of that day.
    day: Option<NaiveDate>,
}

impl Counter {
    /// Replays `events` in date order, whatever order they come in.
    pub fn replay<'a>(events: impl IntoIterator<Item = &'a CounterEvent>) -> Counter {
        let mut sorted: Vec<&CounterEvent> = events.into_iter().collect();
        sorted.sort_by_key(|e| e.date);
        let mut counter = Counter::default();
        for e in sorted {
            counter.push(e).expect("sorted by date");
        }
        counter
    }

    /// Adds the next event. Pushing a ledger in any batches gives the same counter as
    /// replaying it whole. Errors: `OutOfOrder` for an event dated before the last one.
    pub fn push(&mut self, event: &CounterEvent) -> Result<(), LedgerError> {
        self.add(event.date, i64::from(event.delta))
    }

    /// Adds `delta` on `date`: the same as pushing events of that date whose deltas sum to
    /// it, so a ledger summed per day (days summing to 0 left out) replays to the same
    /// balance and negative run. Errors: `OutOfOrder` for a date before the last one.
    pub fn add(&mut self, date: NaiveDate, delta: i64) -> Result<(), LedgerError> {
        if let Some(day) = self.day {
            if date < day {
                return Err(LedgerError::OutOfOrder { date, after: day });
            }
            if date > day {
                self.negative_since_before = self.negative_since();
            }
        }
        self.day = Some(date);
        self.balance += delta;
        Ok(())
    }

    pub fn balance(&self) -> i64 {
        self.balance
    }

    /// The first day of the current run of days ending with a negative balance.
    pub fn negative_since(&self) -> Option<NaiveDate> {
        if self.balance < 0 {
            self.negative_since_before.or(self.day)
        } else {
            None
        }
    }

    /// The date of the last event pushed.
    pub fn last_date(&self) -> Option<NaiveDate> {
        self.day
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shifts::status::LeaveKind;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn shift() -> Uuid {
        Uuid::from_u128(7)
    }

    fn event(date: &str, delta: i32, reason: CounterReason) -> CounterEvent {
        CounterEvent {
            date: d(date),
            delta,
            reason,
            reference: Reference::Shift { shift_id: shift() },
        }
    }

    fn flexible(start: &str) -> MemberFacts {
        MemberFacts {
            regime: WorkRegime::Flexible,
            ..MemberFacts::new(Uuid::from_u128(1), d(start))
        }
    }

    #[test]
    fn attendance_deltas() {
        use Attendance::*;
        use CounterReason as R;
        let cases = [
            (Seat::Fixed, Attended, 0, R::Attended),
            (Seat::Fixed, Excused, -1, R::Excused),
            (Seat::Fixed, Absent, -2, R::Absent),
            (Seat::Booked, Attended, 1, R::Makeup),
            (Seat::Booked, Excused, 0, R::Excused),
            (Seat::Booked, Absent, -1, R::NoShow),
        ];
        for (seat, attendance, delta, reason) in cases {
            let e = attendance_event(
                &ShiftRules::default(),
                seat,
                attendance,
                d("2026-11-03"),
                shift(),
            );
            assert_eq!(
                (e.delta, e.reason),
                (delta, reason),
                "{seat:?} {attendance:?}"
            );
            assert_eq!(e.reference, Reference::Shift { shift_id: shift() });
        }
    }

    #[test]
    fn regular_balances_are_capped_at_zero_by_a_recorded_event() {
        let savings = ShiftRules {
            regular_savings_allowed: true,
            ..ShiftRules::default()
        };
        let off = ShiftRules::default();
        let makeup = || event("2026-11-03", 1, CounterReason::Makeup);
        // (rules, regime, balance before, deltas appended)
        let cases: [(&ShiftRules, WorkRegime, i64, Vec<i32>); 7] = [
            (&off, WorkRegime::Regular, 0, vec![1, -1]),
            (&off, WorkRegime::Regular, -1, vec![1]),
            (&off, WorkRegime::Regular, -2, vec![1]),
            (&off, WorkRegime::Regular, 2, vec![1, -1]),
            (&savings, WorkRegime::Regular, 0, vec![1]),
            (&off, WorkRegime::Flexible, 0, vec![1]),
            (&off, WorkRegime::Exempt, 3, vec![1]),
        ];
        for (rules, regime, before, want) in cases {
            let events = with_cap(rules, regime, before, makeup());
            let deltas: Vec<i32> = events.iter().map(|e| e.delta).collect();
            assert_eq!(deltas, want, "{regime:?} from {before}");
            if let Some(cap) = events.get(1) {
                assert_eq!(cap.reason, CounterReason::Cap);
                assert_eq!(cap.reference, makeup().reference);
            }
        }
        let correction = manual_correction(d("2026-11-03"), 2, shift(), "counted twice").unwrap();
        assert_eq!(with_cap(&off, WorkRegime::Regular, 0, correction).len(), 1);
    }

    #[test]
    fn corrections_need_a_delta_and_a_note() {
        assert_eq!(
            manual_correction(d("2026-11-03"), 0, shift(), "x"),
            Err(LedgerError::ZeroCorrection)
        );
        assert_eq!(
            manual_correction(d("2026-11-03"), 1, shift(), "  "),
            Err(LedgerError::NoteRequired)
        );
        let e = manual_correction(d("2026-11-03"), -1, shift(), " sheet lost ").unwrap();
        assert_eq!(
            e.reference,
            Reference::Staff {
                staff_id: shift(),
                note: "sheet lost".into()
            }
        );
    }

    #[test]
    fn flexible_periods_are_debited_once_outside_leaves() {
        let rules = ShiftRules::default();
        let member = flexible("2026-01-05");
        let starts =
            |events: &[CounterEvent]| -> Vec<NaiveDate> { events.iter().map(|e| e.date).collect() };
        let due = due_period_debits(&rules, &member, &[], &[], d("2026-03-01"));
        assert_eq!(starts(&due), vec![d("2026-01-05"), d("2026-02-02")]);
        assert!(due
            .iter()
            .all(|e| e.delta == -1 && e.reason == CounterReason::PeriodDebit));
        // Idempotent.
        assert!(due_period_debits(&rules, &member, &[], &due, d("2026-03-01")).is_empty());
        assert_eq!(
            starts(&due_period_debits(
                &rules,
                &member,
                &[],
                &due[..1],
                d("2026-03-02")
            )),
            vec![d("2026-02-02"), d("2026-03-02")]
        );
        // No debit inside a leave.
        let holiday = Leave {
            kind: LeaveKind::Holiday,
            start: d("2026-01-31"),
            end: d("2026-02-02"),
        };
        assert_eq!(
            starts(&due_period_debits(
                &rules,
                &member,
                &[holiday],
                &[],
                d("2026-03-01")
            )),
            vec![d("2026-01-05")]
        );
        // Nothing on or after leaving, nothing for regular members.
        let left = MemberFacts {
            left_on: Some(d("2026-02-02")),
            ..member.clone()
        };
        assert_eq!(
            starts(&due_period_debits(&rules, &left, &[], &[], d("2026-03-01"))),
            vec![d("2026-01-05")]
        );
        let regular = MemberFacts {
            regime: WorkRegime::Regular,
            ..member
        };
        assert!(due_period_debits(&rules, &regular, &[], &[], d("2026-03-01")).is_empty());
    }

    #[test]
    fn the_counter_reads_end_of_day_balances() {
        use CounterReason::*;
        let cases: [(Vec<CounterEvent>, i64, Option<&str>); 5] = [
            (vec![], 0, None),
            (
                vec![event("2026-11-03", -1, Excused)],
                -1,
                Some("2026-11-03"),
            ),
            (
                vec![
                    event("2026-11-03", -2, Absent),
                    event("2026-11-20", 1, Makeup),
                ],
                -1,
                Some("2026-11-03"),
            ),
            (
                vec![
                    event("2026-11-03", -1, Excused),
                    event("2026-11-20", 1, Makeup),
                    event("2026-11-25", -1, NoShow),
                ],
                -1,
                Some("2026-11-25"),
            ),
            // Back to 0 and negative again on the same day: the run is unbroken.
            (
                vec![
                    event("2026-11-03", -1, Excused),
                    event("2026-11-20", 1, Makeup),
                    event("2026-11-20", -1, NoShow),
                ],
                -1,
                Some("2026-11-03"),
            ),
        ];
        for (events, want_balance, want_since) in cases {
            let c = Counter::replay(&events);
            assert_eq!(c.balance(), want_balance, "{events:?}");
            assert_eq!(c.negative_since(), want_since.map(d), "{events:?}");
            let mut reversed = events.clone();
            reversed.reverse();
            assert_eq!(Counter::replay(&reversed), c);
        }
        let mut c = Counter::default();
        c.push(&event("2026-11-03", -1, Excused)).unwrap();
        assert_eq!(
            c.push(&event("2026-11-02", 1, Makeup)),
            Err(LedgerError::OutOfOrder {
                date: d("2026-11-02"),
                after: d("2026-11-03")
            })
        );
        assert_eq!(c.last_date(), Some(d("2026-11-03")));
    }

    fn any_event() -> impl Strategy<Value = CounterEvent> {
        (0i64..120, -3i32..3, 0usize..8).prop_map(|(day, delta, reason)| CounterEvent {
            date: d("2026-01-01") + TimeDelta::days(day),
            delta,
            reason: CounterReason::ALL[reason],
            reference: Reference::Shift { shift_id: shift() },
        })
    }

    proptest! {
        #[test]
        fn the_balance_is_the_sum_of_the_ledger_in_any_order_and_batching(
            events in proptest::collection::vec(any_event(), 0..60),
            cuts in proptest::collection::vec(0usize..60, 0..6),
        ) {
            let sum: i64 = events.iter().map(|e| i64::from(e.delta)).sum();
            prop_assert_eq!(balance(&events), sum);
            let whole = Counter::replay(&events);
            prop_assert_eq!(whole.balance(), sum);
            let mut sorted = events.clone();
            sorted.sort_by_key(|e| e.date);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(sorted.len())).collect();
            cuts.sort();
            let mut batched = Counter::default();
            let mut from = 0;
            for to in cuts.into_iter().chain([sorted.len()]) {
                for e in &sorted[from..to] {
                    batched.push(e).unwrap();
                }
                from = to;
            }
            prop_assert_eq!(batched, whole);
        }

        #[test]
        fn a_ledger_summed_per_day_without_zero_days_replays_to_the_same_status_inputs(
            events in proptest::collection::vec(any_event(), 0..60),
        ) {
            let whole = Counter::replay(&events);
            let mut days: std::collections::BTreeMap<NaiveDate, i64> = Default::default();
            for e in &events {
                *days.entry(e.date).or_default() += i64::from(e.delta);
            }
            let mut summed = Counter::default();
            for (date, delta) in days.into_iter().filter(|(_, d)| *d != 0) {
                summed.add(date, delta).unwrap();
            }
            prop_assert_eq!(summed.balance(), whole.balance());
            prop_assert_eq!(summed.negative_since(), whole.negative_since());
        }

        #[test]
        fn recording_through_the_cap_keeps_balances_sums_and_regular_ones_at_most_zero(
            deltas in proptest::collection::vec(-2i32..3, 0..60),
            regime in 0usize..3,
        ) {
            let regime = WorkRegime::ALL[regime];
            let rules = ShiftRules::default();
            let mut ledger: Vec<CounterEvent> = Vec::new();
            for (i, delta) in deltas.into_iter().enumerate() {
                let reason = if delta > 0 { CounterReason::Makeup } else { CounterReason::Absent };
                let e = CounterEvent { delta, ..event("2026-01-01", 0, reason) };
                let before = balance(&ledger);
                ledger.extend(with_cap(&rules, regime, before, CounterEvent { date: e.date + TimeDelta::days(i as i64), ..e }));
                let after = balance(&ledger);
                prop_assert_eq!(after, Counter::replay(&ledger).balance());
                if regime == WorkRegime::Regular {
                    prop_assert!(after <= 0);
                }
            }
        }
    }
}
