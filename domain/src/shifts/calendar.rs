//! The planning calendar: the A/B/C/D week cycle, shift templates, and the dated shifts
//! generated from them. Templates give local times in the coop's time zone; generated shifts
//! carry UTC instants, so every screen and reminder agrees across daylight-saving changes.
//!
//! Local times that a daylight-saving change makes odd follow one rule, used everywhere:
//! - a time that does not exist (02:30 on the last Sunday of March in Brussels) is shifted
//!   forward by the length of the gap: 02:30 becomes 03:30 summer time;
//! - a time that happens twice (02:30 on the last Sunday of October) is the first one, in
//!   summer time.

use chrono::{
    DateTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Utc, Weekday,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::ops::Range;
use uuid::Uuid;

/// The longest cycle: one letter per week, A to Z.
pub const MAX_CYCLE_WEEKS: u32 = 26;

/// The week of a date in the cycle: A, B, C, D with the default 4-week cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "char", into = "char")]
pub struct WeekLetter(u8);

impl WeekLetter {
    pub const A: WeekLetter = WeekLetter(0);
    pub const B: WeekLetter = WeekLetter(1);
    pub const C: WeekLetter = WeekLetter(2);
    pub const D: WeekLetter = WeekLetter(3);

    /// 0 for A, 1 for B, ...
    pub fn index(self) -> u32 {
        self.0.into()
    }

    pub fn as_char(self) -> char {
        char::from(b'A' + self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a week letter (A to Z)")]
pub struct NotAWeekLetter(pub char);

impl TryFrom<char> for WeekLetter {
    type Error = NotAWeekLetter;

    fn try_from(c: char) -> Result<Self, Self::Error> {
        match c {
            'A'..='Z' => Ok(WeekLetter(c as u8 - b'A')),
            _ => Err(NotAWeekLetter(c)),
        }
    }
}

impl From<WeekLetter> for char {
    fn from(w: WeekLetter) -> char {
        w.as_char()
    }
}

impl fmt::Display for WeekLetter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_char())
    }
}

/// The week cycle: `weeks` weeks, the first of which (A) starts on `week_a_monday`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cycle {
    pub week_a_monday: NaiveDate,
    pub weeks: u32,
}

impl Default for Cycle {
    fn default() -> Self {
        Cycle {
            week_a_monday: NaiveDate::from_ymd_opt(2024, 1, 1).expect("a valid date"),
            weeks: 4,
        }
    }
}

impl Cycle {
    /// The cycle length in days; a cycle that failed validation counts as 1 to 26 weeks.
    fn days(&self) -> i64 {
        i64::from(self.weeks.clamp(1, MAX_CYCLE_WEEKS)) * 7
    }

    /// The week letter of any date, before or after `week_a_monday`: whole weeks since that
    /// Monday, modulo the cycle.
    pub fn letter(&self, date: NaiveDate) -> WeekLetter {
        let days = (date - self.week_a_monday)
            .num_days()
            .rem_euclid(self.days());
        WeekLetter((days / 7) as u8)
    }

    /// Every date in `dates` (end excluded) that falls on `weekday` of week `week`.
    pub fn dates(
        &self,
        week: WeekLetter,
        weekday: Weekday,
        dates: Range<NaiveDate>,
    ) -> Vec<NaiveDate> {
        let period = self.days();
        let first_ever = self.week_a_monday
            + TimeDelta::days(
                i64::from(week.index()) * 7 + i64::from(weekday.num_days_from_monday()),
            );
        let behind = (dates.start - first_ever).num_days();
        let cycles = behind.div_euclid(period) + i64::from(behind.rem_euclid(period) != 0);
        let mut date = first_ever + TimeDelta::days(cycles * period);
        let mut found = Vec::new();
        while date < dates.end {
            found.push(date);
            date += TimeDelta::days(period);
        }
        found
    }
}

/// The UTC instant of a local date and time in `tz`, with this module's rule for the
/// daylight-saving changes: a missing time is shifted forward by the gap, a repeated time is
/// the first one.
pub fn local_to_utc<Tz: TimeZone>(tz: &Tz, local: NaiveDateTime) -> DateTime<Utc> {
    if let Some(first) = tz.from_local_datetime(&local).earliest() {
        return first.with_timezone(&Utc);
    }
    // In a gap: read the wall-clock time with the offset in force just before the gap.
    let before = (1..=50)
        .find_map(|half_hours| {
            tz.offset_from_local_datetime(&(local - TimeDelta::minutes(30 * half_hours)))
                .latest()
        })
        .map(|offset| offset.fix().local_minus_utc())
        .unwrap_or(0);
    Utc.from_utc_datetime(&(local - TimeDelta::seconds(before.into())))
}

/// A weekly slot of the planning, repeated every cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftTemplate {
    pub id: Uuid,
    pub week: WeekLetter,
    pub weekday: Weekday,
    /// Local time in the coop's time zone.
    pub start: NaiveTime,
    /// Local time; at or before `start` means the next day.
    pub end: NaiveTime,
    pub task: String,
    pub seats: u32,
    pub required_skill: Option<String>,
}

/// A dated shift generated from a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    pub template_id: Uuid,
    /// The local date of the shift.
    pub date: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub task: String,
    pub seats: u32,
    pub required_skill: Option<String>,
    /// On a closure day: nobody works it and it owes nobody anything.
    pub cancelled: bool,
}

impl Occurrence {
    /// What makes an occurrence unique: its template and date.
    pub fn key(&self) -> (Uuid, NaiveDate) {
        (self.template_id, self.date)
    }
}

/// The occurrences of one template in `dates` (end excluded), none cancelled.
pub fn template_occurrences<Tz: TimeZone>(
    cycle: &Cycle,
    tz: &Tz,
    template: &ShiftTemplate,
    dates: Range<NaiveDate>,
) -> Vec<Occurrence> {
    cycle
        .dates(template.week, template.weekday, dates)
        .into_iter()
        .map(|date| {
            let end_date = if template.end <= template.start {
                date.succ_opt().unwrap_or(date)
            } else {
                date
            };
            Occurrence {
                template_id: template.id,
                date,
                start: local_to_utc(tz, date.and_time(template.start)),
                end: local_to_utc(tz, end_date.and_time(template.end)),
                task: template.task.clone(),
                seats: template.seats,
                required_skill: template.required_skill.clone(),
                cancelled: false,
            }
        })
        .collect()
}

/// The occurrences of `templates` in `dates` that are not in `existing` yet, sorted by date
/// then template. Those on a closure day come out cancelled. Generating again with the keys
/// of this output added to `existing` yields nothing: generation is idempotent.
pub fn missing_occurrences<Tz: TimeZone>(
    cycle: &Cycle,
    tz: &Tz,
    templates: &[ShiftTemplate],
    dates: Range<NaiveDate>,
    closures: &BTreeSet<NaiveDate>,
    existing: &HashSet<(Uuid, NaiveDate)>,
) -> Vec<Occurrence> {
    let mut missing: Vec<Occurrence> = templates
        .iter()
        .flat_map(|t| template_occurrences(cycle, tz, t, dates.clone()))
        .filter(|o| !existing.contains(&o.key()))
        .map(|o| Occurrence {
            cancelled: closures.contains(&o.date),
            ..o
        })
        .collect();
    missing.sort_by_key(|o| (o.date, o.start, o.template_id));
    missing.dedup_by_key(|o| o.key());
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;
    use chrono_tz::Europe::Brussels;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn t(s: &str) -> NaiveTime {
        s.parse().unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn cycle() -> Cycle {
        Cycle {
            week_a_monday: d("2026-01-05"),
            weeks: 4,
        }
    }

    fn template(
        id: u128,
        week: WeekLetter,
        weekday: Weekday,
        start: &str,
        end: &str,
    ) -> ShiftTemplate {
        ShiftTemplate {
            id: Uuid::from_u128(id),
            week,
            weekday,
            start: t(start),
            end: t(end),
            task: "till".into(),
            seats: 4,
            required_skill: None,
        }
    }

    #[test]
    fn week_letters_across_the_new_year_and_before_week_a() {
        let cases = [
            ("2026-01-05", 'A'),
            ("2026-01-11", 'A'),
            ("2026-01-12", 'B'),
            ("2026-12-27", 'C'),
            ("2026-12-28", 'D'),
            ("2027-01-03", 'D'),
            ("2027-01-04", 'A'),
            ("2027-01-10", 'A'),
            ("2027-01-11", 'B'),
            ("2026-01-04", 'D'),
            ("2025-12-29", 'D'),
            ("2025-12-28", 'C'),
            ("2025-12-22", 'C'),
            ("2025-01-01", 'D'),
        ];
        for (date, want) in cases {
            assert_eq!(cycle().letter(d(date)).as_char(), want, "{date}");
        }
    }

    #[test]
    fn week_letters_follow_the_cycle_length() {
        let two = Cycle {
            weeks: 2,
            ..cycle()
        };
        assert_eq!(two.letter(d("2026-01-19")), WeekLetter::A);
        assert_eq!(two.letter(d("2026-01-26")), WeekLetter::B);
        assert_eq!(WeekLetter::try_from('C'), Ok(WeekLetter::C));
        assert_eq!(WeekLetter::try_from('a'), Err(NotAWeekLetter('a')));
        assert_eq!(WeekLetter::D.to_string(), "D");
    }

    #[test]
    fn dates_of_a_slot_in_a_range() {
        // Thursdays of week D around the new year, and before week A's Monday.
        assert_eq!(
            cycle().dates(
                WeekLetter::D,
                Weekday::Thu,
                d("2026-12-01")..d("2027-03-01")
            ),
            vec![
                d("2026-12-03"),
                d("2026-12-31"),
                d("2027-01-28"),
                d("2027-02-25")
            ]
        );
        assert_eq!(
            cycle().dates(
                WeekLetter::C,
                Weekday::Mon,
                d("2025-12-01")..d("2025-12-22")
            ),
            vec![]
        );
        assert_eq!(
            cycle().dates(
                WeekLetter::C,
                Weekday::Mon,
                d("2025-12-01")..d("2025-12-23")
            ),
            vec![d("2025-12-22")]
        );
    }

    #[test]
    fn daylight_saving_changes() {
        // The last Sundays of March and October 2026 and 2027, and ordinary days around them.
        let cases = [
            ("2026-03-28", "02:30", "2026-03-28T01:30:00Z"),
            ("2026-03-29", "02:30", "2026-03-29T01:30:00Z"), // missing: 03:30 summer time
            ("2026-03-29", "01:59", "2026-03-29T00:59:00Z"),
            ("2026-03-29", "03:00", "2026-03-29T01:00:00Z"),
            ("2026-03-30", "02:30", "2026-03-30T00:30:00Z"),
            ("2026-10-25", "02:30", "2026-10-25T00:30:00Z"), // twice: the first, summer time
            ("2026-10-25", "03:00", "2026-10-25T02:00:00Z"),
            ("2026-10-26", "02:30", "2026-10-26T01:30:00Z"),
            ("2027-03-28", "02:30", "2027-03-28T01:30:00Z"),
            ("2027-10-31", "02:30", "2027-10-31T00:30:00Z"),
            ("2027-10-31", "01:30", "2027-10-30T23:30:00Z"),
        ];
        for (date, time, want) in cases {
            assert_eq!(
                local_to_utc(&Brussels, d(date).and_time(t(time))),
                utc(want),
                "{date} {time}"
            );
        }
    }

    #[test]
    fn templates_at_half_past_two_on_the_change_sundays() {
        // 2026-03-29 and 2027-03-28 are D weeks, 2026-10-25 a B week, 2027-10-31 a C week.
        let cases = [
            (
                WeekLetter::D,
                "2026-03-29",
                "2026-03-29T01:30:00Z",
                "2026-03-29T03:15:00Z",
            ),
            (
                WeekLetter::B,
                "2026-10-25",
                "2026-10-25T00:30:00Z",
                "2026-10-25T04:15:00Z",
            ),
            (
                WeekLetter::D,
                "2027-03-28",
                "2027-03-28T01:30:00Z",
                "2027-03-28T03:15:00Z",
            ),
            (
                WeekLetter::C,
                "2027-10-31",
                "2027-10-31T00:30:00Z",
                "2027-10-31T04:15:00Z",
            ),
        ];
        for (week, date, start, end) in cases {
            let tpl = template(1, week, Weekday::Sun, "02:30", "05:15");
            let found = template_occurrences(
                &cycle(),
                &Brussels,
                &tpl,
                d(date)..d(date) + TimeDelta::days(1),
            );
            assert_eq!(found.len(), 1, "{date}");
            assert_eq!(
                (found[0].start, found[0].end),
                (utc(start), utc(end)),
                "{date}"
            );
        }
    }

    #[test]
    fn a_template_ending_after_midnight_ends_the_next_day() {
        let tpl = template(1, WeekLetter::A, Weekday::Fri, "22:00", "01:00");
        let found =
            template_occurrences(&cycle(), &Brussels, &tpl, d("2026-01-05")..d("2026-01-12"));
        assert_eq!(found[0].start, utc("2026-01-09T21:00:00Z"));
        assert_eq!(found[0].end, utc("2026-01-10T00:00:00Z"));
    }

    #[test]
    fn generation_is_idempotent_and_closures_cancel() {
        let templates = [
            template(1, WeekLetter::A, Weekday::Mon, "09:00", "11:45"),
            template(2, WeekLetter::B, Weekday::Sat, "14:00", "16:45"),
        ];
        let closures = BTreeSet::from([d("2026-01-05")]);
        let range = d("2026-01-01")..d("2026-03-01");
        let first = missing_occurrences(
            &cycle(),
            &Brussels,
            &templates,
            range.clone(),
            &closures,
            &HashSet::new(),
        );
        let summary: Vec<(u128, NaiveDate, bool)> = first
            .iter()
            .map(|o| (o.template_id.as_u128(), o.date, o.cancelled))
            .collect();
        assert_eq!(
            summary,
            vec![
                (1, d("2026-01-05"), true),
                (2, d("2026-01-17"), false),
                (1, d("2026-02-02"), false),
                (2, d("2026-02-14"), false),
            ]
        );
        assert_eq!(first[2].start, utc("2026-02-02T08:00:00Z"));
        let existing: HashSet<_> = first.iter().map(Occurrence::key).collect();
        assert!(missing_occurrences(
            &cycle(),
            &Brussels,
            &templates,
            range.clone(),
            &closures,
            &existing
        )
        .is_empty());
        let partly: HashSet<_> = first[..2].iter().map(Occurrence::key).collect();
        assert_eq!(
            missing_occurrences(&cycle(), &Brussels, &templates, range, &closures, &partly),
            first[2..].to_vec()
        );
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (-4000i64..4000)
            .prop_map(|n| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + TimeDelta::days(n))
    }

    proptest! {
        #[test]
        fn the_letter_advances_weekly_and_cycles_every_28_days(date in any_date()) {
            let c = cycle();
            let now = c.letter(date).index();
            prop_assert_eq!(c.letter(date + TimeDelta::days(7)).index(), (now + 1) % 4);
            prop_assert_eq!(c.letter(date + TimeDelta::days(28)), c.letter(date));
            prop_assert_eq!(c.letter(date - TimeDelta::days(28)), c.letter(date));
        }

        #[test]
        fn slot_dates_match_a_day_by_day_search(week in 0u8..4, weekday in 0u8..7, from in any_date(), days in 0i64..200) {
            let (week, weekday) = (WeekLetter(week), Weekday::try_from(weekday).unwrap());
            let until = from + TimeDelta::days(days);
            let brute: Vec<NaiveDate> = from
                .iter_days()
                .take_while(|d| *d < until)
                .filter(|d| d.weekday() == weekday && cycle().letter(*d) == week)
                .collect();
            prop_assert_eq!(cycle().dates(week, weekday, from..until), brute);
        }

        #[test]
        fn generating_twice_creates_nothing_new(
            slots in proptest::collection::vec((0u8..4, 0u8..7, 0u32..23), 1..6),
            from in any_date(),
            weeks in 0i64..12,
            closure_offsets in proptest::collection::btree_set(0i64..84, 0..5),
        ) {
            let templates: Vec<ShiftTemplate> = slots
                .iter()
                .enumerate()
                .map(|(i, (w, wd, h))| ShiftTemplate {
                    start: NaiveTime::from_hms_opt(*h, 30, 0).unwrap(),
                    ..template(i as u128, WeekLetter(*w), Weekday::try_from(*wd).unwrap(), "00:00", "03:00")
                })
                .collect();
            let closures: BTreeSet<NaiveDate> = closure_offsets.iter().map(|n| from + TimeDelta::days(*n)).collect();
            let range = from..from + TimeDelta::weeks(weeks);
            let first = missing_occurrences(&cycle(), &Brussels, &templates, range.clone(), &closures, &HashSet::new());
            let existing: HashSet<_> = first.iter().map(Occurrence::key).collect();
            prop_assert_eq!(existing.len(), first.len());
            prop_assert!(first.iter().all(|o| o.cancelled == closures.contains(&o.date)));
            prop_assert!(missing_occurrences(&cycle(), &Brussels, &templates, range, &closures, &existing).is_empty());
        }

        #[test]
        fn local_times_round_trip_except_in_the_spring_gap(date in any_date(), minute in 0u32..1440) {
            let local = date.and_time(NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap());
            let instant = local_to_utc(&Brussels, local);
            let back = instant.with_timezone(&Brussels).naive_local();
            if Brussels.from_local_datetime(&local).earliest().is_some() {
                prop_assert_eq!(back, local);
                // The first of a repeated time: an hour earlier reads differently.
                let earlier = (instant - TimeDelta::hours(1)).with_timezone(&Brussels).naive_local();
                prop_assert_ne!(earlier, local);
            } else {
                prop_assert_eq!(back, local + TimeDelta::hours(1));
            }
        }
    }
}
