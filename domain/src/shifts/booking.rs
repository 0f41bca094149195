//! Booking, cancelling and swapping seats, and when a shift needs a reminder or more people.
//! These are the checks a service runs inside its transaction; that no seat is ever booked
//! twice under load is the database's job (a unique seat), not this module's.

use super::rules::ShiftRules;
use super::status::MemberFacts;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A dated shift as the booking rules see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shift {
    pub id: Uuid,
    /// The local date of the shift, as in the planning.
    pub date: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub seats: u32,
    pub booked: u32,
    pub required_skill: Option<String>,
    pub cancelled: bool,
}

/// One of a member's current (not cancelled) bookings, past ones included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booking {
    pub shift_id: Uuid,
    pub date: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl From<&Shift> for Booking {
    fn from(s: &Shift) -> Self {
        Booking {
            shift_id: s.id,
            date: s.date,
            start: s.start,
            end: s.end,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BookingError {
    #[error("you already booked this shift")]
    AlreadyBooked,
    #[error("this shift is cancelled")]
    Cancelled,
    #[error("this shift has already started")]
    Past,
    #[error("every seat of this shift is taken")]
    Full,
    #[error("this seat requires the skill {skill}")]
    MissingSkill { skill: String },
    #[error("this shift overlaps another one you booked")]
    Overlap { shift_id: Uuid },
    #[error("at most {max} shifts a day")]
    DayLimit { max: u32 },
    #[error("at most {max} shifts in {days} days")]
    PeriodLimit { max: u32, days: i64 },
    #[error("you cannot take your own offer")]
    OwnOffer,
}

/// Whether `member` may book a seat of `shift` at `now`, given their other `bookings`.
///
/// Errors, in the order checked: `AlreadyBooked`, `Cancelled`, `Past` (the shift has started),
/// `Full`, `MissingSkill`, `Overlap`, `DayLimit` (bookings on the same local date), and
/// `PeriodLimit`: in no window of `booking_period_days` consecutive days may the member hold
/// more than `max_bookings_per_period` bookings.
pub fn check_booking(
    rules: &ShiftRules,
    member: &MemberFacts,
    shift: &Shift,
    bookings: &[Booking],
    now: DateTime<Utc>,
) -> Result<(), BookingError> {
    if bookings.iter().any(|b| b.shift_id == shift.id) {
        return Err(BookingError::AlreadyBooked);
    }
    if shift.cancelled {
        return Err(BookingError::Cancelled);
    }
    if shift.start <= now {
        return Err(BookingError::Past);
    }
    if shift.booked >= shift.seats {
        return Err(BookingError::Full);
    }
    if let Some(skill) = &shift.required_skill {
        if !member.skills.contains(skill) {
            return Err(BookingError::MissingSkill {
                skill: skill.clone(),
            });
        }
    }
    if let Some(b) = bookings
        .iter()
        .find(|b| b.start < shift.end && shift.start < b.end)
    {
        return Err(BookingError::Overlap {
            shift_id: b.shift_id,
        });
    }
    let same_day = bookings.iter().filter(|b| b.date == shift.date).count();
    if same_day >= count(rules.max_bookings_per_day) {
        return Err(BookingError::DayLimit {
            max: rules.max_bookings_per_day,
        });
    }
    let days = rules.booking_period_days.max(1);
    let crowded = (0..days).any(|back| {
        let first = shift.date - TimeDelta::days(back);
        let last = first + TimeDelta::days(days - 1);
        let held = bookings
            .iter()
            .filter(|b| first <= b.date && b.date <= last)
            .count();
        held >= count(rules.max_bookings_per_period)
    });
    if crowded {
        return Err(BookingError::PeriodLimit {
            max: rules.max_bookings_per_period,
            days,
        });
    }
    Ok(())
}

fn count(limit: u32) -> usize {
    usize::try_from(limit).unwrap_or(usize::MAX)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cancellation {
    Free,
    /// Too close to the start: the shift counts as missed unless a stand-in takes it.
    Late,
}

/// Whether cancelling a booking of a shift starting at `start` is free at `now`: at least
/// `free_cancellation_hours` before, to the second.
pub fn check_cancellation(
    rules: &ShiftRules,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Cancellation {
    if start - now >= TimeDelta::hours(rules.free_cancellation_hours) {
        Cancellation::Free
    } else {
        Cancellation::Late
    }
}

/// A member offers their seat of a shift; whoever takes it stands in, and the offering
/// member is then excused without penalty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwapOffer {
    pub shift_id: Uuid,
    pub offered_by: Uuid,
}

/// Whether `taker` may take `offer` of `shift`: not their own offer, and the seat handed over
/// must pass [`check_booking`] as if it were free. Errors: `OwnOffer`, or a `check_booking`
/// error.
pub fn check_take_offer(
    rules: &ShiftRules,
    taker: &MemberFacts,
    offer: &SwapOffer,
    shift: &Shift,
    taker_bookings: &[Booking],
    now: DateTime<Utc>,
) -> Result<(), BookingError> {
    if offer.offered_by == taker.id {
        return Err(BookingError::OwnOffer);
    }
    let with_seat_free = Shift {
        booked: shift.booked.saturating_sub(1),
        ..shift.clone()
    };
    check_booking(rules, taker, &with_seat_free, taker_bookings, now)
}

/// The day the reminder for a shift on `date` is sent.
pub fn reminder_date(rules: &ShiftRules, date: NaiveDate) -> NaiveDate {
    date - TimeDelta::days(rules.reminder_days_before)
}

/// Whether coordinators should hear about `shift` on `today`: not cancelled, starting within
/// `understaffed_days_ahead` days, and booked below `understaffed_below_percent` of its seats.
pub fn is_understaffed(rules: &ShiftRules, shift: &Shift, today: NaiveDate) -> bool {
    let ahead = (shift.date - today).num_days();
    !shift.cancelled
        && (0..=rules.understaffed_days_ahead).contains(&ahead)
        && u64::from(shift.booked) * 100
            < u64::from(shift.seats) * u64::from(rules.understaffed_below_percent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn member() -> MemberFacts {
        MemberFacts {
            skills: vec!["till".into()],
            ..MemberFacts::new(Uuid::from_u128(1), d("2026-01-05"))
        }
    }

    /// A shift of 2 h 45 on `date` starting at `hour` UTC.
    fn shift(id: u128, date: &str, hour: i64) -> Shift {
        let start = at(&format!("{date}T00:00:00Z")) + TimeDelta::hours(hour);
        Shift {
            id: Uuid::from_u128(id),
            date: d(date),
            start,
            end: start + TimeDelta::minutes(165),
            seats: 4,
            booked: 1,
            required_skill: None,
            cancelled: false,
        }
    }

    fn booked(shifts: &[Shift]) -> Vec<Booking> {
        shifts.iter().map(Booking::from).collect()
    }

    #[test]
    fn booking_rules() {
        let now = at("2026-11-01T10:00:00Z");
        let target = shift(100, "2026-11-10", 9);
        type Case = (&'static str, Shift, Vec<Booking>, Result<(), BookingError>);
        let cases: Vec<Case> = vec![
            ("free seat", target.clone(), vec![], Ok(())),
            (
                "already booked",
                target.clone(),
                booked(std::slice::from_ref(&target)),
                Err(BookingError::AlreadyBooked),
            ),
            (
                "cancelled",
                Shift {
                    cancelled: true,
                    ..target.clone()
                },
                vec![],
                Err(BookingError::Cancelled),
            ),
            (
                "started",
                shift(100, "2026-11-01", 10),
                vec![],
                Err(BookingError::Past),
            ),
            (
                "full",
                Shift {
                    booked: 4,
                    ..target.clone()
                },
                vec![],
                Err(BookingError::Full),
            ),
            (
                "missing skill",
                Shift {
                    required_skill: Some("reception".into()),
                    ..target.clone()
                },
                vec![],
                Err(BookingError::MissingSkill {
                    skill: "reception".into(),
                }),
            ),
            (
                "has the skill",
                Shift {
                    required_skill: Some("till".into()),
                    ..target.clone()
                },
                vec![],
                Ok(()),
            ),
            (
                "overlap",
                target.clone(),
                booked(&[shift(1, "2026-11-10", 11)]),
                Err(BookingError::Overlap {
                    shift_id: Uuid::from_u128(1),
                }),
            ),
            (
                "back to back",
                target.clone(),
                booked(&[shift(1, "2026-11-10", 6)]),
                Ok(()),
            ),
            (
                "two that day already",
                target.clone(),
                booked(&[shift(1, "2026-11-10", 1), shift(2, "2026-11-10", 14)]),
                Err(BookingError::DayLimit { max: 2 }),
            ),
            (
                "five in the 28 days before",
                target.clone(),
                booked(&[
                    shift(1, "2026-10-14", 9),
                    shift(2, "2026-10-20", 9),
                    shift(3, "2026-10-27", 9),
                    shift(4, "2026-11-03", 9),
                    shift(5, "2026-11-09", 9),
                ]),
                Err(BookingError::PeriodLimit { max: 5, days: 28 }),
            ),
            (
                "five spread over more than 28 days",
                target.clone(),
                booked(&[
                    shift(1, "2026-10-13", 9),
                    shift(2, "2026-10-20", 9),
                    shift(3, "2026-10-27", 9),
                    shift(4, "2026-11-03", 9),
                    shift(5, "2026-11-09", 9),
                ]),
                Ok(()),
            ),
            (
                "five around it within 28 days",
                target.clone(),
                booked(&[
                    shift(1, "2026-10-20", 9),
                    shift(2, "2026-10-27", 9),
                    shift(3, "2026-11-03", 9),
                    shift(4, "2026-11-12", 9),
                    shift(5, "2026-11-16", 9),
                ]),
                Err(BookingError::PeriodLimit { max: 5, days: 28 }),
            ),
        ];
        for (case, shift, bookings, want) in cases {
            assert_eq!(
                check_booking(&ShiftRules::default(), &member(), &shift, &bookings, now),
                want,
                "{case}"
            );
        }
    }

    #[test]
    fn cancelling_is_free_up_to_48_hours_before() {
        let start = at("2026-11-10T09:00:00Z");
        let cases = [
            ("2026-11-01T09:00:00Z", Cancellation::Free),
            ("2026-11-08T09:00:00Z", Cancellation::Free),
            ("2026-11-08T09:00:01Z", Cancellation::Late),
            ("2026-11-10T10:00:00Z", Cancellation::Late),
        ];
        for (now, want) in cases {
            assert_eq!(
                check_cancellation(&ShiftRules::default(), start, at(now)),
                want,
                "{now}"
            );
        }
    }

    #[test]
    fn swaps() {
        let now = at("2026-11-01T10:00:00Z");
        let full = Shift {
            booked: 4,
            ..shift(100, "2026-11-10", 9)
        };
        let own = SwapOffer {
            shift_id: full.id,
            offered_by: member().id,
        };
        let rules = ShiftRules::default();
        assert_eq!(
            check_take_offer(&rules, &member(), &own, &full, &[], now),
            Err(BookingError::OwnOffer)
        );
        let other = SwapOffer {
            shift_id: full.id,
            offered_by: Uuid::from_u128(2),
        };
        assert_eq!(
            check_take_offer(&rules, &member(), &other, &full, &[], now),
            Ok(())
        );
        assert_eq!(
            check_take_offer(
                &rules,
                &member(),
                &other,
                &full,
                &booked(&[shift(1, "2026-11-10", 10)]),
                now
            ),
            Err(BookingError::Overlap {
                shift_id: Uuid::from_u128(1)
            })
        );
    }

    #[test]
    fn reminders_and_understaffed_shifts() {
        let rules = ShiftRules::default();
        assert_eq!(reminder_date(&rules, d("2026-11-10")), d("2026-11-08"));
        let s = |booked, date| Shift {
            booked,
            ..shift(1, date, 9)
        };
        let cases = [
            (s(1, "2026-11-10"), "2026-11-07", true),
            (s(1, "2026-11-10"), "2026-11-06", false),
            (s(2, "2026-11-10"), "2026-11-07", false),
            (s(0, "2026-11-10"), "2026-11-10", true),
            (s(0, "2026-11-10"), "2026-11-11", false),
            (
                Shift {
                    cancelled: true,
                    ..s(0, "2026-11-10")
                },
                "2026-11-08",
                false,
            ),
        ];
        for (shift, today, want) in cases {
            assert_eq!(
                is_understaffed(&rules, &shift, d(today)),
                want,
                "{} on {today}",
                shift.booked
            );
        }
    }

    proptest! {
        /// Accepting every booking the rules allow never breaks the limits.
        #[test]
        fn accepted_bookings_respect_every_limit(requests in proptest::collection::vec((0i64..60, 0i64..20), 0..40)) {
            let rules = ShiftRules::default();
            let now = at("2026-01-01T00:00:00Z");
            let mut accepted: Vec<Booking> = Vec::new();
            for (i, (day, hour)) in requests.into_iter().enumerate() {
                let date = d("2026-02-01") + TimeDelta::days(day);
                let s = shift(i as u128, &date.to_string(), hour);
                if check_booking(&rules, &member(), &s, &accepted, now).is_ok() {
                    accepted.push(Booking::from(&s));
                }
            }
            for a in &accepted {
                prop_assert!(accepted.iter().filter(|b| b.date == a.date).count() <= 2);
                let window = accepted.iter().filter(|b| a.date <= b.date && b.date < a.date + TimeDelta::days(28)).count();
                prop_assert!(window <= 5);
                prop_assert!(!accepted.iter().any(|b| b.shift_id != a.shift_id && b.start < a.end && a.start < b.end));
            }
        }
    }
}
