//! The coordinator's view of the planning: task types, templates with the members who hold
//! their seats and lead them, closure days, and each dated shift with its staffing.

use super::booking::Shift;
use super::calendar::{ShiftTemplate, WeekLetter};
use crate::validation::{FieldError, Reason};
use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A kind of work: till, reception, shelving, cleaning, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskType {
    pub id: Uuid,
    pub name: String,
}

/// A member as the planning names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRef {
    pub id: Uuid,
    pub member_number: i64,
    pub name: String,
}

/// A template with its task's name, the regular members holding its seats and its leaders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateView {
    /// `task` holds the task type's id.
    pub template: ShiftTemplate,
    pub task_name: String,
    pub holders: Vec<MemberRef>,
    pub leaders: Vec<MemberRef>,
}

/// A day the coop is closed: its shifts are cancelled and owe nobody anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureDay {
    pub date: NaiveDate,
    pub note: String,
}

/// How well a shift is staffed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Staffing {
    /// Every seat is booked.
    Full,
    /// Some seats are free.
    Short,
    /// Fewer seats are booked than the coop's understaffed percentage of its seats.
    Critical,
}

impl Staffing {
    pub fn as_str(self) -> &'static str {
        match self {
            Staffing::Full => "full",
            Staffing::Short => "short",
            Staffing::Critical => "critical",
        }
    }
}

/// The staffing of a shift with `booked` of `seats` booked: critical below `below_percent`
/// of its seats (the rules' `understaffed_below_percent`, half by default), short below all
/// of them, full otherwise.
pub fn staffing(booked: u32, seats: u32, below_percent: u32) -> Staffing {
    if u64::from(booked) * 100 < u64::from(seats) * u64::from(below_percent) {
        Staffing::Critical
    } else if booked < seats {
        Staffing::Short
    } else {
        Staffing::Full
    }
}

/// One dated shift of the planning, as a coordinator reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedShift {
    pub shift: Shift,
    /// The week of the cycle the shift falls in.
    pub week: WeekLetter,
    /// Local times in the coop's time zone.
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub task_name: String,
    /// None for a one-off shift.
    pub template_id: Option<Uuid>,
    pub leaders: Vec<MemberRef>,
    /// Why a cancelled shift was cancelled, when a closure day did it.
    pub closure_note: Option<String>,
    pub staffing: Staffing,
}

/// What a coordinator types for a shift's times, task and seats, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotInput {
    /// Local times, `HH:MM`.
    pub start: String,
    pub end: String,
    pub task_type_id: String,
    pub seats: String,
    pub required_skill: String,
}

/// A shift's times, task and seats, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// Local times; an end at or before the start is the next day.
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub task_type_id: Uuid,
    pub seats: u32,
    pub required_skill: Option<String>,
}

fn time(field: &str, text: &str, errors: &mut Vec<FieldError>) -> Option<NaiveTime> {
    let text = text.trim();
    if text.is_empty() {
        errors.push(FieldError::new(field, Reason::Required));
        return None;
    }
    let parsed = NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"));
    if parsed.is_err() {
        errors.push(FieldError::new(field, Reason::InvalidTime));
    }
    parsed.ok()
}

impl SlotInput {
    /// The slot, or its errors added to `errors`.
    fn parse(&self, errors: &mut Vec<FieldError>) -> Option<Slot> {
        let start = time("start", &self.start, errors);
        let end = time("end", &self.end, errors);
        let task_type_id = match self.task_type_id.trim() {
            "" => {
                errors.push(FieldError::new("task_type_id", Reason::Required));
                None
            }
            id => Uuid::parse_str(id)
                .map_err(|_| errors.push(FieldError::new("task_type_id", Reason::UnknownChoice)))
                .ok(),
        };
        let seats = match self.seats.trim().parse::<i64>() {
            Ok(n) if n > 0 => u32::try_from(n)
                .map_err(|_| errors.push(FieldError::new("seats", Reason::InvalidNumber)))
                .ok(),
            Ok(_) => {
                errors.push(FieldError::new("seats", Reason::NotPositive));
                None
            }
            Err(_) => {
                errors.push(FieldError::new("seats", Reason::InvalidNumber));
                None
            }
        };
        let mut skill = crate::validation::Errors::default();
        let required_skill = skill.optional_text(
            "required_skill",
            &self.required_skill,
            crate::member::NAME_MAX,
        );
        errors.extend(skill.0);
        Some(Slot {
            start: start?,
            end: end?,
            task_type_id: task_type_id?,
            seats: seats?,
            required_skill,
        })
    }
}

/// A new template as typed: week letter, weekday (1 for Monday to 7 for Sunday) and its slot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateInput {
    pub week: String,
    pub weekday: String,
    pub slot: SlotInput,
}

impl TemplateInput {
    /// The template's week, weekday and slot, in a cycle of `cycle_weeks` weeks; or every
    /// field that is wrong.
    pub fn parse(&self, cycle_weeks: u32) -> Result<(WeekLetter, Weekday, Slot), Vec<FieldError>> {
        let mut errors = Vec::new();
        let week = self
            .week
            .trim()
            .chars()
            .next()
            .and_then(|c| WeekLetter::try_from(c.to_ascii_uppercase()).ok())
            .filter(|w| self.week.trim().len() == 1 && w.index() < cycle_weeks);
        if week.is_none() {
            errors.push(FieldError::new("week", Reason::UnknownChoice));
        }
        let weekday = self
            .weekday
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=7).contains(n))
            .and_then(|n| Weekday::try_from(n - 1).ok());
        if weekday.is_none() {
            errors.push(FieldError::new("weekday", Reason::UnknownChoice));
        }
        let slot = self.slot.parse(&mut errors);
        match (week, weekday, slot) {
            (Some(w), Some(d), Some(s)) if errors.is_empty() => Ok((w, d, s)),
            _ => Err(errors),
        }
    }
}

/// A one-off shift as typed: its date (`YYYY-MM-DD`) and slot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneOffInput {
    pub date: String,
    pub slot: SlotInput,
}

/// A date typed as `YYYY-MM-DD`, or the error of `field`.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate, FieldError> {
    match text.trim() {
        "" => Err(FieldError::new(field, Reason::Required)),
        t => {
            crate::member::parse_date(t).ok_or_else(|| FieldError::new(field, Reason::InvalidDate))
        }
    }
}

impl OneOffInput {
    /// The shift's date and slot, or every field that is wrong.
    pub fn parse(&self) -> Result<(NaiveDate, Slot), Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = parse_date("date", &self.date)
            .map_err(|e| errors.push(e))
            .ok();
        let slot = self.slot.parse(&mut errors);
        match (date, slot) {
            (Some(d), Some(s)) if errors.is_empty() => Ok((d, s)),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(start: &str, end: &str, task: &str, seats: &str) -> SlotInput {
        SlotInput {
            start: start.into(),
            end: end.into(),
            task_type_id: task.into(),
            seats: seats.into(),
            required_skill: " ".into(),
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<(String, Reason)> {
        errors.into_iter().map(|e| (e.field, e.reason)).collect()
    }

    #[test]
    fn a_template_reads_its_week_weekday_times_and_seats() {
        let task = Uuid::nil().to_string();
        let input = TemplateInput {
            week: "c".into(),
            weekday: "6".into(),
            slot: slot("09:00", "11:45", &task, "4"),
        };
        let (week, weekday, s) = input.parse(4).unwrap();
        assert_eq!((week, weekday), (WeekLetter::C, Weekday::Sat));
        assert_eq!(s.start, NaiveTime::from_hms_opt(9, 0, 0).unwrap());
        assert_eq!(s.end, NaiveTime::from_hms_opt(11, 45, 0).unwrap());
        assert_eq!(
            (s.task_type_id, s.seats, s.required_skill),
            (Uuid::nil(), 4, None)
        );
    }

    #[test]
    fn a_template_reports_every_wrong_field() {
        let cases = [
            (
                "E",
                "1",
                slot("09:00", "12:00", "", "3"),
                vec![
                    ("week", Reason::UnknownChoice),
                    ("task_type_id", Reason::Required),
                ],
            ),
            (
                "AB",
                "0",
                slot("9h", "", "x", "0"),
                vec![
                    ("week", Reason::UnknownChoice),
                    ("weekday", Reason::UnknownChoice),
                    ("start", Reason::InvalidTime),
                    ("end", Reason::Required),
                    ("task_type_id", Reason::UnknownChoice),
                    ("seats", Reason::NotPositive),
                ],
            ),
            (
                "",
                "8",
                slot("25:00", "12:00", &Uuid::nil().to_string(), "three"),
                vec![
                    ("week", Reason::UnknownChoice),
                    ("weekday", Reason::UnknownChoice),
                    ("start", Reason::InvalidTime),
                    ("seats", Reason::InvalidNumber),
                ],
            ),
        ];
        for (week, weekday, s, expected) in cases {
            let input = TemplateInput {
                week: week.into(),
                weekday: weekday.into(),
                slot: s,
            };
            let expected: Vec<(String, Reason)> = expected
                .into_iter()
                .map(|(f, r)| (f.to_string(), r))
                .collect();
            assert_eq!(
                fields(input.parse(4).unwrap_err()),
                expected,
                "{week} {weekday}"
            );
        }
    }

    #[test]
    fn a_one_off_needs_a_real_date() {
        let task = Uuid::nil().to_string();
        let ok = OneOffInput {
            date: "2026-12-24".into(),
            slot: slot("18:00", "02:00", &task, "2"),
        };
        let (date, s) = ok.parse().unwrap();
        assert_eq!(date, NaiveDate::from_ymd_opt(2026, 12, 24).unwrap());
        assert_eq!(s.seats, 2);
        let bad = OneOffInput {
            date: "2026-02-30".into(),
            slot: slot("18:00", "20:00", &task, "2"),
        };
        assert_eq!(
            fields(bad.parse().unwrap_err()),
            [("date".to_string(), Reason::InvalidDate)]
        );
        let empty = OneOffInput {
            date: "".into(),
            ..ok
        };
        assert_eq!(
            fields(empty.parse().unwrap_err()),
            [("date".to_string(), Reason::Required)]
        );
    }

    #[test]
    fn staffing_follows_the_booked_seats() {
        let cases = [
            (0, 4, 50, Staffing::Critical),
            (1, 4, 50, Staffing::Critical),
            (2, 4, 50, Staffing::Short),
            (3, 4, 50, Staffing::Short),
            (4, 4, 50, Staffing::Full),
            (5, 4, 50, Staffing::Full),
            (0, 1, 50, Staffing::Critical),
            (1, 3, 50, Staffing::Critical),
            (2, 3, 50, Staffing::Short),
            (2, 4, 75, Staffing::Critical),
            (0, 2, 0, Staffing::Short),
        ];
        for (booked, seats, percent, expected) in cases {
            assert_eq!(
                staffing(booked, seats, percent),
                expected,
                "{booked}/{seats} below {percent}%"
            );
        }
    }
}
