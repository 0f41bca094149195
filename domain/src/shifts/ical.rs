//! A member's shifts as an iCalendar feed (RFC 5545), for their phone's or computer's calendar
//! app. Times are written in UTC, so no time zone table is needed and daylight-saving changes
//! are already in the instants; text is escaped and lines are folded at 75 octets.

use chrono::{DateTime, Utc};

/// One event of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable across feeds, so calendar apps update an event instead of adding a copy.
    pub uid: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
}

/// The feed's text: a `VCALENDAR` named `name` with one `VEVENT` per event, stamped `now`.
/// Lines end with CRLF.
pub fn calendar(name: &str, events: &[CalendarEvent], now: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Ruche//Shifts//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ];
    for e in events {
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", escape(&e.uid)),
            format!("DTSTAMP:{}", utc(now)),
            format!("DTSTART:{}", utc(e.start)),
            format!("DTEND:{}", utc(e.end)),
            format!("SUMMARY:{}", escape(&e.summary)),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|l| fold(l) + "\r\n").collect()
}

/// A date-time in UTC, as `DTSTART` and friends write it: `20261124T073000Z`.
fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line so no physical line is longer than 75 octets: each continuation line
/// starts with one space, and no UTF-8 character is cut in two.
pub fn fold(line: &str) -> String {
    const MAX: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / MAX * 3);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shifts::local_to_utc;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn escapes_text_values() {
        let cases = [
            ("Till", "Till"),
            ("Till, reception; stock", "Till\\, reception\\; stock"),
            ("a\\b", "a\\\\b"),
            ("two\nlines", "two\\nlines"),
            ("windows\r\nbreak", "windows\\nbreak"),
            ("Caisse – accueil", "Caisse – accueil"),
        ];
        for (text, want) in cases {
            assert_eq!(escape(text), want, "{text:?}");
        }
    }

    #[test]
    fn folds_at_75_octets_without_cutting_characters() {
        let short = "SUMMARY:Till";
        assert_eq!(fold(short), short);
        let exact = "x".repeat(75);
        assert_eq!(fold(&exact), exact);
        let long = format!("SUMMARY:{}", "a".repeat(100));
        let folded = fold(&long);
        let lines: Vec<&str> = folded.split("\r\n").collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].len(), 75);
        assert_eq!(lines[1], format!(" {}", "a".repeat(33)));
        // "é" is 2 octets: 74 of them would end at octet 148, past the first line's 75.
        let accents = format!("SUMMARY:{}", "é".repeat(74));
        for l in fold(&accents).split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
    }

    #[test]
    fn a_feed_with_one_shift() {
        let e = CalendarEvent {
            uid: "0190-a@ruche".into(),
            start: at("2026-11-24T08:00:00Z"),
            end: at("2026-11-24T10:45:00Z"),
            summary: "Shift: Till, reception".into(),
        };
        let text = calendar("Ruche shifts", &[e], at("2026-11-20T12:00:00Z"));
        assert_eq!(
            text,
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Ruche//Shifts//EN\r\n\
             CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Ruche shifts\r\n\
             BEGIN:VEVENT\r\nUID:0190-a@ruche\r\nDTSTAMP:20261120T120000Z\r\n\
             DTSTART:20261124T080000Z\r\nDTEND:20261124T104500Z\r\n\
             SUMMARY:Shift: Till\\, reception\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
    }

    #[test]
    fn local_nine_o_clock_is_written_in_utc_on_both_sides_of_a_dst_change() {
        let tz = chrono_tz::Europe::Brussels;
        let nine = |d: &str| {
            let date: NaiveDate = d.parse().unwrap();
            local_to_utc(&tz, date.and_hms_opt(9, 0, 0).unwrap())
        };
        let events: Vec<CalendarEvent> = ["2026-03-28", "2026-03-30", "2026-10-24", "2026-10-26"]
            .iter()
            .map(|d| CalendarEvent {
                uid: d.to_string(),
                start: nine(d),
                end: nine(d) + chrono::TimeDelta::minutes(165),
                summary: "Till".into(),
            })
            .collect();
        let text = calendar("x", &events, at("2026-01-01T00:00:00Z"));
        for want in [
            "DTSTART:20260328T080000Z",
            "DTSTART:20260330T070000Z",
            "DTSTART:20261024T070000Z",
            "DTSTART:20261026T080000Z",
            "DTEND:20260330T094500Z",
        ] {
            assert!(text.contains(want), "{want} in\n{text}");
        }
    }

    proptest! {
        /// Folding never makes a line longer than 75 octets and unfolding gives the line back.
        #[test]
        fn folding_round_trips(line in "\\PC{0,300}") {
            let folded = fold(&line);
            for l in folded.split("\r\n") {
                prop_assert!(l.len() <= 75);
            }
            prop_assert_eq!(folded.replace("\r\n ", ""), line);
        }
    }
}
