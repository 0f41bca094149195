//! The coordinator's form of the shift rules: every number as typed, parsed and checked into
//! [`ShiftRules`] with one error per field, so the screen shows every problem next to its
//! field and nothing is saved while one remains.

use super::calendar::{Cycle, MAX_CYCLE_WEEKS};
use super::rules::{RulesError, ShiftRules};
use crate::member::parse_date;
use crate::validation::{Errors, FieldError, Reason};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The typed fields of the form, by name (the check boxes are booleans).
pub const TEXT_FIELDS: [&str; 23] = [
    "week_a_monday",
    "cycle_weeks",
    "time_zone",
    "horizon_weeks",
    "regular_attended",
    "regular_excused",
    "regular_absent",
    "makeup_attended",
    "booked_no_show",
    "flexible_period_days",
    "flexible_period_debit",
    "unsubscribe_threshold",
    "alert_days",
    "extension_days",
    "max_extensions_in_a_row",
    "max_holiday_days",
    "max_bookings_per_day",
    "max_bookings_per_period",
    "booking_period_days",
    "free_cancellation_hours",
    "reminder_days_before",
    "understaffed_days_ahead",
    "understaffed_below_percent",
];

/// The rules as the form holds them: texts for what is typed, booleans for the check boxes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesForm {
    pub week_a_monday: String,
    pub cycle_weeks: String,
    pub time_zone: String,
    pub horizon_weeks: String,
    pub regular_attended: String,
    pub regular_excused: String,
    pub regular_absent: String,
    pub makeup_attended: String,
    pub booked_no_show: String,
    pub flexible_period_days: String,
    pub flexible_period_debit: String,
    pub regular_savings_allowed: bool,
    pub unsubscribe_threshold: String,
    pub alert_days: String,
    pub extension_days: String,
    pub max_extensions_in_a_row: String,
    pub max_holiday_days: String,
    pub makeups_lift_suspension: bool,
    pub on_leave_may_shop: bool,
    pub max_bookings_per_day: String,
    pub max_bookings_per_period: String,
    pub booking_period_days: String,
    pub free_cancellation_hours: String,
    pub reminder_days_before: String,
    pub understaffed_days_ahead: String,
    pub understaffed_below_percent: String,
}

impl From<&ShiftRules> for RulesForm {
    fn from(r: &ShiftRules) -> Self {
        RulesForm {
            week_a_monday: r.cycle.week_a_monday.to_string(),
            cycle_weeks: r.cycle.weeks.to_string(),
            time_zone: r.time_zone.clone(),
            horizon_weeks: r.horizon_weeks.to_string(),
            regular_attended: r.regular_attended.to_string(),
            regular_excused: r.regular_excused.to_string(),
            regular_absent: r.regular_absent.to_string(),
            makeup_attended: r.makeup_attended.to_string(),
            booked_no_show: r.booked_no_show.to_string(),
            flexible_period_days: r.flexible_period_days.to_string(),
            flexible_period_debit: r.flexible_period_debit.to_string(),
            regular_savings_allowed: r.regular_savings_allowed,
            unsubscribe_threshold: r.unsubscribe_threshold.to_string(),
            alert_days: r.alert_days.to_string(),
            extension_days: r.extension_days.to_string(),
            max_extensions_in_a_row: r.max_extensions_in_a_row.to_string(),
            max_holiday_days: r.max_holiday_days.to_string(),
            makeups_lift_suspension: r.makeups_lift_suspension,
            on_leave_may_shop: r.on_leave_may_shop,
            max_bookings_per_day: r.max_bookings_per_day.to_string(),
            max_bookings_per_period: r.max_bookings_per_period.to_string(),
            booking_period_days: r.booking_period_days.to_string(),
            free_cancellation_hours: r.free_cancellation_hours.to_string(),
            reminder_days_before: r.reminder_days_before.to_string(),
            understaffed_days_ahead: r.understaffed_days_ahead.to_string(),
            understaffed_below_percent: r.understaffed_below_percent.to_string(),
        }
    }
}

/// The field of the form a rules problem belongs to, and what to say about it.
pub fn field_error(e: &RulesError) -> FieldError {
    match e {
        RulesError::NotPositive { field } => FieldError::new(field, Reason::NotPositive),
        RulesError::Negative { field } => FieldError::new(field, Reason::Negative),
        RulesError::NotADebit { field } => FieldError::new(field, Reason::NotADebit),
        RulesError::ThresholdNotBelowZero => {
            FieldError::new("unsubscribe_threshold", Reason::NotBelowZero)
        }
        RulesError::WeekANotMonday { .. } => FieldError::new("week_a_monday", Reason::NotAMonday),
        RulesError::CycleLength { .. } => FieldError::new(
            "cycle_weeks",
            Reason::OutOfRange {
                min: 1,
                max: MAX_CYCLE_WEEKS.into(),
            },
        ),
        RulesError::UnknownTimeZone { .. } => FieldError::new("time_zone", Reason::UnknownTimeZone),
        RulesError::NotAPercentage { field } => {
            FieldError::new(field, Reason::OutOfRange { min: 0, max: 100 })
        }
        RulesError::OutOfRange { field, min, max } => FieldError::new(
            field,
            Reason::OutOfRange {
                min: *min,
                max: *max,
            },
        ),
    }
}

impl RulesForm {
    /// The text of a field by name (see [`TEXT_FIELDS`]), for a screen that lists them.
    pub fn text_mut(&mut self, field: &str) -> Option<&mut String> {
        Some(match field {
            "week_a_monday" => &mut self.week_a_monday,
            "cycle_weeks" => &mut self.cycle_weeks,
            "time_zone" => &mut self.time_zone,
            "horizon_weeks" => &mut self.horizon_weeks,
            "regular_attended" => &mut self.regular_attended,
            "regular_excused" => &mut self.regular_excused,
            "regular_absent" => &mut self.regular_absent,
            "makeup_attended" => &mut self.makeup_attended,
            "booked_no_show" => &mut self.booked_no_show,
            "flexible_period_days" => &mut self.flexible_period_days,
            "flexible_period_debit" => &mut self.flexible_period_debit,
            "unsubscribe_threshold" => &mut self.unsubscribe_threshold,
            "alert_days" => &mut self.alert_days,
            "extension_days" => &mut self.extension_days,
            "max_extensions_in_a_row" => &mut self.max_extensions_in_a_row,
            "max_holiday_days" => &mut self.max_holiday_days,
            "max_bookings_per_day" => &mut self.max_bookings_per_day,
            "max_bookings_per_period" => &mut self.max_bookings_per_period,
            "booking_period_days" => &mut self.booking_period_days,
            "free_cancellation_hours" => &mut self.free_cancellation_hours,
            "reminder_days_before" => &mut self.reminder_days_before,
            "understaffed_days_ahead" => &mut self.understaffed_days_ahead,
            "understaffed_below_percent" => &mut self.understaffed_below_percent,
            _ => return None,
        })
    }

    /// The text of a field by name; empty for an unknown name.
    pub fn text(&self, field: &str) -> String {
        self.clone()
            .text_mut(field)
            .map(std::mem::take)
            .unwrap_or_default()
    }

    /// Parses and checks every field, reporting every problem at once.
    pub fn parse(&self) -> Result<ShiftRules, Vec<FieldError>> {
        let mut e = Errors::default();
        let defaults = ShiftRules::default();
        let week_a_monday = match parse_date(&self.week_a_monday) {
            Some(d) => d,
            None => {
                e.add("week_a_monday", Reason::InvalidDate);
                defaults.cycle.week_a_monday
            }
        };
        let time_zone = self.time_zone.trim().to_string();
        let rules = ShiftRules {
            cycle: Cycle {
                week_a_monday,
                weeks: number(&mut e, "cycle_weeks", &self.cycle_weeks),
            },
            time_zone,
            horizon_weeks: number(&mut e, "horizon_weeks", &self.horizon_weeks),
            regular_attended: number(&mut e, "regular_attended", &self.regular_attended),
            regular_excused: number(&mut e, "regular_excused", &self.regular_excused),
            regular_absent: number(&mut e, "regular_absent", &self.regular_absent),
            makeup_attended: number(&mut e, "makeup_attended", &self.makeup_attended),
            booked_no_show: number(&mut e, "booked_no_show", &self.booked_no_show),
            flexible_period_days: number(
                &mut e,
                "flexible_period_days",
                &self.flexible_period_days,
            ),
            flexible_period_debit: number(
                &mut e,
                "flexible_period_debit",
                &self.flexible_period_debit,
            ),
            regular_savings_allowed: self.regular_savings_allowed,
            unsubscribe_threshold: number(
                &mut e,
                "unsubscribe_threshold",
                &self.unsubscribe_threshold,
            ),
            alert_days: number(&mut e, "alert_days", &self.alert_days),
            extension_days: number(&mut e, "extension_days", &self.extension_days),
            max_extensions_in_a_row: number(
                &mut e,
                "max_extensions_in_a_row",
                &self.max_extensions_in_a_row,
            ),
            max_holiday_days: number(&mut e, "max_holiday_days", &self.max_holiday_days),
            makeups_lift_suspension: self.makeups_lift_suspension,
            on_leave_may_shop: self.on_leave_may_shop,
            max_bookings_per_day: number(
                &mut e,
                "max_bookings_per_day",
                &self.max_bookings_per_day,
            ),
            max_bookings_per_period: number(
                &mut e,
                "max_bookings_per_period",
                &self.max_bookings_per_period,
            ),
            booking_period_days: number(&mut e, "booking_period_days", &self.booking_period_days),
            free_cancellation_hours: number(
                &mut e,
                "free_cancellation_hours",
                &self.free_cancellation_hours,
            ),
            reminder_days_before: number(
                &mut e,
                "reminder_days_before",
                &self.reminder_days_before,
            ),
            understaffed_days_ahead: number(
                &mut e,
                "understaffed_days_ahead",
                &self.understaffed_days_ahead,
            ),
            understaffed_below_percent: number(
                &mut e,
                "understaffed_below_percent",
                &self.understaffed_below_percent,
            ),
        };
        // A field that did not parse already has its message; the rules speak for the rest.
        let unparsed: Vec<String> = e.0.iter().map(|f| f.field.clone()).collect();
        for problem in rules.problems() {
            let fe = field_error(&problem);
            if !unparsed.contains(&fe.field) {
                e.0.push(fe);
            }
        }
        e.finish(rules)
    }
}

/// A whole number typed in `field`; a missing or malformed one is reported and read as 0.
fn number<T: FromStr + Default>(e: &mut Errors, field: &str, value: &str) -> T {
    let v = value.trim();
    if v.is_empty() {
        e.add(field, Reason::Required);
        return T::default();
    }
    v.parse().unwrap_or_else(|_| {
        e.add(field, Reason::InvalidNumber);
        T::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_round_trip_through_the_form() {
        let rules = ShiftRules::default();
        assert_eq!(RulesForm::from(&rules).parse(), Ok(rules));
    }

    #[test]
    fn every_problem_is_reported_on_its_field() {
        let mut f = RulesForm::from(&ShiftRules::default());
        f.alert_days = "-3".into();
        f.regular_absent = "two".into();
        f.max_bookings_per_day = "-1".into();
        f.week_a_monday = "2026-01-06".into();
        f.time_zone = "Europe/Bruxelles".into();
        f.unsubscribe_threshold = "0".into();
        f.understaffed_below_percent = "120".into();
        f.cycle_weeks = String::new();
        let errors = f.parse().unwrap_err();
        let mut got: Vec<(String, Reason)> =
            errors.into_iter().map(|e| (e.field, e.reason)).collect();
        got.sort_by(|a, b| a.0.cmp(&b.0));
        let mut want = vec![
            ("alert_days".to_string(), Reason::NotPositive),
            ("regular_absent".to_string(), Reason::InvalidNumber),
            ("max_bookings_per_day".to_string(), Reason::InvalidNumber),
            ("week_a_monday".to_string(), Reason::NotAMonday),
            ("time_zone".to_string(), Reason::UnknownTimeZone),
            ("unsubscribe_threshold".to_string(), Reason::NotBelowZero),
            (
                "understaffed_below_percent".to_string(),
                Reason::OutOfRange { min: 0, max: 100 },
            ),
            ("cycle_weeks".to_string(), Reason::Required),
        ];
        want.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(got, want);
    }

    #[test]
    fn every_listed_field_is_a_field_of_the_form() {
        let mut f = RulesForm::default();
        for name in TEXT_FIELDS {
            *f.text_mut(name).expect(name) = "7".into();
            assert_eq!(f.text(name), "7");
        }
        assert!(f.text_mut("nothing").is_none());
    }
}
