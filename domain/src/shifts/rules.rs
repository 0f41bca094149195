//! The numbers a coop votes for its shift rules. Every rule elsewhere in `shifts` reads them
//! from here; `ShiftRules::default()` is what a new coop gets (the common practice of BEES
//! coop, La Louve and SuperCoop).

use super::calendar::{Cycle, MAX_CYCLE_WEEKS};
use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Every per-coop number of the shift rules. Days and hours are signed so that a bad setting
/// (say -28 days) reaches [`ShiftRules::validate`] instead of wrapping around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftRules {
    /// The A/B/C/D cycle: how many weeks, and the Monday that starts a week A.
    pub cycle: Cycle,
    /// The coop's IANA time zone, in which templates give their local times.
    pub time_zone: String,
    /// How far ahead shifts are generated from templates.
    pub horizon_weeks: i64,

    /// Regular member at their own fixed shift.
    pub regular_attended: i32,
    pub regular_excused: i32,
    pub regular_absent: i32,
    /// Any member attending a booked shift: a make-up, an extra shift, a flexible member's shift.
    pub makeup_attended: i32,
    /// Any member missing a booked shift without excuse.
    pub booked_no_show: i32,
    /// Flexible members owe a shift per period, counted from their own start date.
    pub flexible_period_days: i64,
    pub flexible_period_debit: i32,
    /// When false, credits never lift a regular member's balance above 0.
    pub regular_savings_allowed: bool,

    /// A balance at or below this unsubscribes the member.
    pub unsubscribe_threshold: i32,
    /// How long the balance may stay negative (leave days not counted) before suspension.
    pub alert_days: i64,
    pub extension_days: i64,
    /// How many extensions one alert may get before the balance is back to 0.
    pub max_extensions_in_a_row: u32,
    /// The longest holiday, in days, a member may record by themselves; a coordinator records
    /// longer ones. Rules saved before it existed read the default.
    #[serde(default = "default_max_holiday_days")]
    pub max_holiday_days: i64,
    /// Whether booking enough make-up shifts to reach 0 lifts a suspension.
    pub makeups_lift_suspension: bool,
    pub on_leave_may_shop: bool,

    pub max_bookings_per_day: u32,
    pub max_bookings_per_period: u32,
    pub booking_period_days: i64,
    /// Cancelling at least this long before the start is free; later counts as missed.
    pub free_cancellation_hours: i64,

    pub reminder_days_before: i64,
    pub understaffed_days_ahead: i64,
    /// A shift with fewer booked seats than this percentage of its seats is understaffed.
    pub understaffed_below_percent: u32,
}

/// Four weeks: one cycle away, the longest holiday a member records without a coordinator.
fn default_max_holiday_days() -> i64 {
    28
}

impl Default for ShiftRules {
    fn default() -> Self {
        ShiftRules {
            cycle: Cycle::default(),
            time_zone: "Europe/Brussels".into(),
            horizon_weeks: 8,
            regular_attended: 0,
            regular_excused: -1,
            regular_absent: -2,
            makeup_attended: 1,
            booked_no_show: -1,
            flexible_period_days: 28,
            flexible_period_debit: -1,
            regular_savings_allowed: false,
            unsubscribe_threshold: -4,
            alert_days: 28,
            extension_days: 28,
            max_extensions_in_a_row: 1,
            max_holiday_days: default_max_holiday_days(),
            makeups_lift_suspension: true,
            on_leave_may_shop: false,
            max_bookings_per_day: 2,
            max_bookings_per_period: 5,
            booking_period_days: 28,
            free_cancellation_hours: 48,
            reminder_days_before: 2,
            understaffed_days_ahead: 3,
            understaffed_below_percent: 50,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    #[error("{field} must be more than zero")]
    NotPositive { field: &'static str },
    #[error("{field} must not be negative")]
    Negative { field: &'static str },
    #[error("{field} is a debit: it must be zero or less")]
    NotADebit { field: &'static str },
    #[error("the unsubscribe threshold must be below zero")]
    ThresholdNotBelowZero,
    #[error("week A must start on a Monday, not on {date}")]
    WeekANotMonday { date: NaiveDate },
    #[error("a cycle has 1 to {MAX_CYCLE_WEEKS} weeks, not {weeks}")]
    CycleLength { weeks: u32 },
    #[error("unknown time zone {name}")]
    UnknownTimeZone { name: String },
    #[error("{field} is a percentage: 0 to 100")]
    NotAPercentage { field: &'static str },
    /// A number past what any coop votes, which the calendar's arithmetic could not take.
    #[error("{field} must be between {min} and {max}")]
    OutOfRange {
        field: &'static str,
        min: i64,
        max: i64,
    },
}

/// The widest bounds of the rules' numbers: (field, lowest, highest). Past them a setting is a
/// typing error, and days or weeks added to a date could run off the calendar.
const BOUNDS: [(&str, i64, i64); 20] = [
    ("horizon_weeks", 1, 104),
    ("regular_attended", -100, 100),
    ("regular_excused", -100, 100),
    ("regular_absent", -100, 100),
    ("makeup_attended", -100, 100),
    ("booked_no_show", -100, 100),
    ("flexible_period_days", 1, 3_650),
    ("flexible_period_debit", -100, 100),
    ("unsubscribe_threshold", -1_000, 0),
    ("alert_days", 1, 3_650),
    ("extension_days", 0, 3_650),
    ("max_extensions_in_a_row", 0, 100),
    ("max_holiday_days", 1, 3_650),
    ("max_bookings_per_day", 1, 100),
    ("max_bookings_per_period", 1, 1_000),
    ("booking_period_days", 1, 3_650),
    ("free_cancellation_hours", 0, 24 * 365),
    ("reminder_days_before", 0, 365),
    ("understaffed_days_ahead", 0, 365),
    ("understaffed_below_percent", 0, 100),
];

impl RulesError {
    /// The field of a problem with one field.
    fn field(&self) -> Option<&'static str> {
        match self {
            RulesError::NotPositive { field }
            | RulesError::Negative { field }
            | RulesError::NotADebit { field }
            | RulesError::NotAPercentage { field }
            | RulesError::OutOfRange { field, .. } => Some(field),
            RulesError::ThresholdNotBelowZero => Some("unsubscribe_threshold"),
            _ => None,
        }
    }
}

impl ShiftRules {
    /// Checks every number, reporting the first problem.
    ///
    /// Errors: `CycleLength`, `WeekANotMonday`, `UnknownTimeZone`, `NotPositive` for periods
    /// and limits that must be at least 1 (and for the make-up credit), `Negative` for delays
    /// that may be 0, `NotADebit` for a penalty set above 0, `ThresholdNotBelowZero`, and
    /// `NotAPercentage`.
    pub fn validate(&self) -> Result<(), RulesError> {
        match self.problems().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Every problem of these rules, in the order of the fields, so a form shows them all.
    pub fn problems(&self) -> Vec<RulesError> {
        let mut problems = Vec::new();
        if !(1..=MAX_CYCLE_WEEKS).contains(&self.cycle.weeks) {
            problems.push(RulesError::CycleLength {
                weeks: self.cycle.weeks,
            });
        }
        if self.cycle.week_a_monday.weekday() != Weekday::Mon {
            problems.push(RulesError::WeekANotMonday {
                date: self.cycle.week_a_monday,
            });
        }
        if let Err(e) = self.time_zone() {
            problems.push(e);
        }
        let positive = [
            ("horizon_weeks", self.horizon_weeks),
            ("flexible_period_days", self.flexible_period_days),
            ("alert_days", self.alert_days),
            ("max_holiday_days", self.max_holiday_days),
            ("booking_period_days", self.booking_period_days),
            ("makeup_attended", self.makeup_attended.into()),
            ("max_bookings_per_day", self.max_bookings_per_day.into()),
            (
                "max_bookings_per_period",
                self.max_bookings_per_period.into(),
            ),
        ];
        problems.extend(
            positive
                .into_iter()
                .filter(|(_, v)| *v <= 0)
                .map(|(field, _)| RulesError::NotPositive { field }),
        );
        let not_negative = [
            ("extension_days", self.extension_days),
            ("free_cancellation_hours", self.free_cancellation_hours),
            ("reminder_days_before", self.reminder_days_before),
            ("understaffed_days_ahead", self.understaffed_days_ahead),
        ];
        problems.extend(
            not_negative
                .into_iter()
                .filter(|(_, v)| *v < 0)
                .map(|(field, _)| RulesError::Negative { field }),
        );
        let debits = [
            ("regular_attended", self.regular_attended),
            ("regular_excused", self.regular_excused),
            ("regular_absent", self.regular_absent),
            ("booked_no_show", self.booked_no_show),
            ("flexible_period_debit", self.flexible_period_debit),
        ];
        problems.extend(
            debits
                .into_iter()
                .filter(|(_, v)| *v > 0)
                .map(|(field, _)| RulesError::NotADebit { field }),
        );
        if self.unsubscribe_threshold >= 0 {
            problems.push(RulesError::ThresholdNotBelowZero);
        }
        if self.understaffed_below_percent > 100 {
            problems.push(RulesError::NotAPercentage {
                field: "understaffed_below_percent",
            });
        }
        // What the checks above did not name yet, past its bounds.
        let values = [
            self.horizon_weeks,
            self.regular_attended.into(),
            self.regular_excused.into(),
            self.regular_absent.into(),
            self.makeup_attended.into(),
            self.booked_no_show.into(),
            self.flexible_period_days,
            self.flexible_period_debit.into(),
            self.unsubscribe_threshold.into(),
            self.alert_days,
            self.extension_days,
            self.max_extensions_in_a_row.into(),
            self.max_holiday_days,
            self.max_bookings_per_day.into(),
            self.max_bookings_per_period.into(),
            self.booking_period_days,
            self.free_cancellation_hours,
            self.reminder_days_before,
            self.understaffed_days_ahead,
            self.understaffed_below_percent.into(),
        ];
        let named: Vec<&str> = problems.iter().filter_map(RulesError::field).collect();
        for ((field, min, max), value) in BOUNDS.into_iter().zip(values) {
            if !(min..=max).contains(&value) && !named.contains(&field) {
                problems.push(RulesError::OutOfRange { field, min, max });
            }
        }
        problems
    }

    /// The coop's time zone. Errors: `UnknownTimeZone`.
    pub fn time_zone(&self) -> Result<chrono_tz::Tz, RulesError> {
        self.time_zone
            .parse()
            .map_err(|_| RulesError::UnknownTimeZone {
                name: self.time_zone.clone(),
            })
    }

    /// Whether a holiday from `start` to `end` (both included) is no longer than a member may
    /// record by themselves, [`ShiftRules::max_holiday_days`]. An end before the start fits:
    /// that is another error.
    pub fn own_holiday_fits(&self, start: NaiveDate, end: NaiveDate) -> bool {
        (end - start).num_days() < self.max_holiday_days
    }

    /// The dates to generate shifts for on `today`: from today, for the horizon.
    pub fn horizon(&self, today: NaiveDate) -> Range<NaiveDate> {
        today..today + TimeDelta::weeks(self.horizon_weeks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_common_practice_and_valid() {
        let r = ShiftRules::default();
        assert_eq!(r.validate(), Ok(()));
        assert_eq!(r.cycle.weeks, 4);
        assert_eq!(
            (r.regular_attended, r.regular_excused, r.regular_absent),
            (0, -1, -2)
        );
        assert_eq!((r.makeup_attended, r.flexible_period_debit), (1, -1));
        assert_eq!((r.unsubscribe_threshold, r.alert_days), (-4, 28));
        assert_eq!(r.time_zone().unwrap(), chrono_tz::Europe::Brussels);
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            r.horizon(today).end,
            NaiveDate::from_ymd_opt(2027, 1, 25).unwrap()
        );
    }

    #[test]
    fn bad_settings_are_refused() {
        type Case = (fn(&mut ShiftRules), RulesError);
        let cases: Vec<Case> = vec![
            (
                |r| r.alert_days = -28,
                RulesError::NotPositive {
                    field: "alert_days",
                },
            ),
            (
                |r| r.flexible_period_days = 0,
                RulesError::NotPositive {
                    field: "flexible_period_days",
                },
            ),
            (
                |r| r.makeup_attended = 0,
                RulesError::NotPositive {
                    field: "makeup_attended",
                },
            ),
            (
                |r| r.max_bookings_per_day = 0,
                RulesError::NotPositive {
                    field: "max_bookings_per_day",
                },
            ),
            (
                |r| r.extension_days = -1,
                RulesError::Negative {
                    field: "extension_days",
                },
            ),
            (
                |r| r.free_cancellation_hours = -48,
                RulesError::Negative {
                    field: "free_cancellation_hours",
                },
            ),
            (
                |r| r.regular_absent = 2,
                RulesError::NotADebit {
                    field: "regular_absent",
                },
            ),
            (
                |r| r.unsubscribe_threshold = 0,
                RulesError::ThresholdNotBelowZero,
            ),
            (
                |r| r.cycle.week_a_monday = NaiveDate::from_ymd_opt(2026, 1, 6).unwrap(),
                RulesError::WeekANotMonday {
                    date: NaiveDate::from_ymd_opt(2026, 1, 6).unwrap(),
                },
            ),
            (|r| r.cycle.weeks = 0, RulesError::CycleLength { weeks: 0 }),
            (
                |r| r.cycle.weeks = 27,
                RulesError::CycleLength { weeks: 27 },
            ),
            (
                |r| r.time_zone = "Europe/Bruxelles".into(),
                RulesError::UnknownTimeZone {
                    name: "Europe/Bruxelles".into(),
                },
            ),
            (
                |r| r.horizon_weeks = i64::MAX,
                RulesError::OutOfRange {
                    field: "horizon_weeks",
                    min: 1,
                    max: 104,
                },
            ),
            (
                |r| r.makeup_attended = i32::MAX,
                RulesError::OutOfRange {
                    field: "makeup_attended",
                    min: -100,
                    max: 100,
                },
            ),
            (
                |r| r.max_holiday_days = 0,
                RulesError::NotPositive {
                    field: "max_holiday_days",
                },
            ),
            (
                |r| r.understaffed_below_percent = 101,
                RulesError::NotAPercentage {
                    field: "understaffed_below_percent",
                },
            ),
        ];
        for (change, want) in cases {
            let mut r = ShiftRules::default();
            change(&mut r);
            assert_eq!(r.validate(), Err(want.clone()), "{want}");
        }
    }

    #[test]
    fn a_member_records_a_holiday_up_to_the_rules_length() {
        let r = ShiftRules::default();
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, 1).unwrap() + TimeDelta::days(d);
        assert!(r.own_holiday_fits(day(0), day(0)), "one day");
        assert!(
            r.own_holiday_fits(day(0), day(27)),
            "28 days, both included"
        );
        assert!(!r.own_holiday_fits(day(0), day(28)), "29 days");
        assert!(!r.own_holiday_fits(NaiveDate::MIN, NaiveDate::MAX));
        assert!(
            r.own_holiday_fits(day(5), day(0)),
            "an end before the start is another error"
        );
    }

    #[test]
    fn rules_saved_before_the_holiday_length_read_the_default() {
        let mut json = serde_json::to_value(ShiftRules::default()).unwrap();
        json.as_object_mut().unwrap().remove("max_holiday_days");
        let r: ShiftRules = serde_json::from_value(json).unwrap();
        assert_eq!(r.max_holiday_days, 28);
    }
}
