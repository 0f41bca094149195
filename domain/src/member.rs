//! The member register's rules: what a member record must hold to be valid, work regimes,
//! households and leaving.

use crate::validation::{
    is_valid_email, is_valid_phone, normalize_email, Errors, FieldError, Reason,
};
use crate::Language;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 80;
pub const EMAIL_MAX: usize = 254;
pub const PHONE_MAX: usize = 30;
pub const NOTE_MAX: usize = 500;
/// The largest member number: nine digits, like the cards, and far from `i64`'s limit so that
/// the next number is always one more.
pub const MAX_MEMBER_NUMBER: i64 = 999_999_999;
/// The default number of extra people a household may have.
pub const DEFAULT_HOUSEHOLD_MAX: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum WorkRegime {
    #[default]
    Regular,
    Flexible,
    Exempt,
}

impl WorkRegime {
    pub const ALL: [WorkRegime; 3] = [
        WorkRegime::Regular,
        WorkRegime::Flexible,
        WorkRegime::Exempt,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WorkRegime::Regular => "regular",
            WorkRegime::Flexible => "flexible",
            WorkRegime::Exempt => "exempt",
        }
    }

    pub fn parse(s: &str) -> Option<WorkRegime> {
        WorkRegime::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// A member record as typed in a form or read from a CSV row: all text, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberForm {
    /// Empty means "allocate the next number".
    pub member_number: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub language: String,
    pub join_date: String,
    pub work_regime: String,
}

/// A member record that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidMember {
    pub member_number: Option<i64>,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub language: Language,
    pub join_date: NaiveDate,
    pub work_regime: WorkRegime,
}

/// A date typed as `YYYY-MM-DD`, with a four-digit year; `None` for anything else.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    // Exactly YYYY-MM-DD: chrono alone also reads signed years of six digits, whose weeks run
    // off the calendar.
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

impl MemberForm {
    /// Checks every field and reports every problem at once.
    pub fn validate(&self) -> Result<ValidMember, Vec<FieldError>> {
        let mut e = Errors::default();
        let member_number = match self.member_number.trim() {
            "" => None,
            n => match n.parse::<i64>() {
                Ok(n) if n > MAX_MEMBER_NUMBER => {
                    e.add(
                        "member_number",
                        Reason::OutOfRange {
                            min: 1,
                            max: MAX_MEMBER_NUMBER,
                        },
                    );
                    None
                }
                Ok(n) if n > 0 => Some(n),
                Ok(_) => {
                    e.add("member_number", Reason::NotPositive);
                    None
                }
                Err(_) => {
                    e.add("member_number", Reason::InvalidNumber);
                    None
                }
            },
        };
        let first_name = e.text("first_name", &self.first_name, NAME_MAX);
        let last_name = e.text("last_name", &self.last_name, NAME_MAX);
        let email = normalize_email(&e.text("email", &self.email, EMAIL_MAX));
        if !email.is_empty() && email.len() <= EMAIL_MAX && !is_valid_email(&email) {
            e.add("email", Reason::InvalidEmail);
        }
        let phone = e.optional_text("phone", &self.phone, PHONE_MAX);
        if let Some(p) = &phone {
            if p.chars().count() <= PHONE_MAX && !is_valid_phone(p) {
                e.add("phone", Reason::InvalidPhone);
            }
        }
        let language = if self.language.trim().is_empty() {
            Some(Language::default())
        } else {
            Language::parse(&self.language)
        };
        if language.is_none() {
            e.add("language", Reason::UnknownLanguage);
        }
        let join_date = parse_date(&self.join_date);
        if join_date.is_none() {
            e.add(
                "join_date",
                if self.join_date.trim().is_empty() {
                    Reason::Required
                } else {
                    Reason::InvalidDate
                },
            );
        }
        let work_regime = WorkRegime::parse(&self.work_regime);
        if work_regime.is_none() {
            e.add("work_regime", Reason::UnknownRegime);
        }
        let valid = match (language, join_date, work_regime) {
            (Some(language), Some(join_date), Some(work_regime)) => Some(ValidMember {
                member_number,
                first_name,
                last_name,
                email,
                phone,
                language,
                join_date,
                work_regime,
            }),
            _ => None,
        };
        match valid {
            Some(v) => e.finish(v),
            None => Err(e.0),
        }
    }
}

impl From<&ValidMember> for MemberForm {
    fn from(m: &ValidMember) -> Self {
        MemberForm {
            member_number: m.member_number.map(|n| n.to_string()).unwrap_or_default(),
            first_name: m.first_name.clone(),
            last_name: m.last_name.clone(),
            email: m.email.clone(),
            phone: m.phone.clone().unwrap_or_default(),
            language: m.language.code().to_string(),
            join_date: m.join_date.format("%Y-%m-%d").to_string(),
            work_regime: m.work_regime.as_str().to_string(),
        }
    }
}

/// A person of a household: shops on the member's account with their own card, owes no work.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdPersonForm {
    pub first_name: String,
    pub last_name: String,
}

impl HouseholdPersonForm {
    pub fn validate(
        &self,
        people_already: usize,
        max: usize,
    ) -> Result<(String, String), Vec<FieldError>> {
        let mut e = Errors::default();
        if people_already >= max {
            e.add("household", Reason::TooManyHouseholdPeople { max });
        }
        let first = e.text("first_name", &self.first_name, NAME_MAX);
        let last = e.text("last_name", &self.last_name, NAME_MAX);
        e.finish((first, last))
    }
}

/// Checks a leaving: a date not before joining, and a reason.
pub fn validate_leaving(
    join_date: NaiveDate,
    leaving_date: &str,
    reason: &str,
) -> Result<(NaiveDate, String), Vec<FieldError>> {
    let mut e = Errors::default();
    let reason = e.text("leaving_reason", reason, NOTE_MAX);
    let date = parse_date(leaving_date);
    match date {
        None => e.add("leaving_date", Reason::InvalidDate),
        Some(d) if d < join_date => e.add("leaving_date", Reason::BeforeJoinDate),
        Some(_) => {}
    }
    match date {
        Some(d) => e.finish((d, reason)),
        None => Err(e.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> MemberForm {
        MemberForm {
            member_number: String::new(),
            first_name: " Anne ".into(),
            last_name: "Peeters".into(),
            email: "Anne.Peeters@Example.BE ".into(),
            phone: "+32 470 12 34 56".into(),
            language: "nl".into(),
            join_date: "2024-03-01".into(),
            work_regime: "flexible".into(),
        }
    }

    #[test]
    fn a_good_form_is_normalised() {
        let m = form().validate().unwrap();
        assert_eq!(m.first_name, "Anne");
        assert_eq!(m.email, "anne.peeters@example.be");
        assert_eq!(m.language, Language::Nl);
        assert_eq!(m.work_regime, WorkRegime::Flexible);
        assert_eq!(m.member_number, None);
        assert_eq!(MemberForm::from(&m).validate().unwrap(), m);
    }

    #[test]
    fn every_problem_is_reported() {
        type Case = (fn(&mut MemberForm), &'static str, Reason);
        let cases: Vec<Case> = vec![
            (
                |f| f.first_name = " ".into(),
                "first_name",
                Reason::Required,
            ),
            (
                |f| f.last_name = "x".repeat(81),
                "last_name",
                Reason::TooLong { max: 80 },
            ),
            (|f| f.email = "nope".into(), "email", Reason::InvalidEmail),
            (
                |f| f.phone = "call me".into(),
                "phone",
                Reason::InvalidPhone,
            ),
            (
                |f| f.language = "de".into(),
                "language",
                Reason::UnknownLanguage,
            ),
            (
                |f| f.join_date = "01/03/2024".into(),
                "join_date",
                Reason::InvalidDate,
            ),
            (|f| f.join_date = "".into(), "join_date", Reason::Required),
            (
                |f| f.work_regime = "lazy".into(),
                "work_regime",
                Reason::UnknownRegime,
            ),
            (
                |f| f.member_number = "abc".into(),
                "member_number",
                Reason::InvalidNumber,
            ),
            (
                |f| f.member_number = "0".into(),
                "member_number",
                Reason::NotPositive,
            ),
        ];
        for (change, field, reason) in cases {
            let mut f = form();
            change(&mut f);
            assert_eq!(
                f.validate(),
                Err(vec![FieldError::new(field, reason.clone())]),
                "{field}"
            );
        }
        let all_bad = MemberForm::default().validate().unwrap_err();
        assert!(all_bad.len() >= 4);
    }

    #[test]
    fn households_are_capped() {
        let p = HouseholdPersonForm {
            first_name: "Léa".into(),
            last_name: "Peeters".into(),
        };
        assert!(p.validate(1, 2).is_ok());
        assert_eq!(
            p.validate(2, 2),
            Err(vec![FieldError::new(
                "household",
                Reason::TooManyHouseholdPeople { max: 2 }
            )])
        );
    }

    #[test]
    fn leaving_rules() {
        let join = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        assert!(validate_leaving(join, "2025-01-31", "moved to Ghent").is_ok());
        assert_eq!(
            validate_leaving(join, "2024-02-01", "x"),
            Err(vec![FieldError::new(
                "leaving_date",
                Reason::BeforeJoinDate
            )])
        );
        assert_eq!(
            validate_leaving(join, "2025-01-31", " "),
            Err(vec![FieldError::new("leaving_reason", Reason::Required)])
        );
    }

    #[test]
    fn dates_are_yyyy_mm_dd_with_four_digit_years() {
        assert_eq!(
            parse_date(" 2026-12-05 "),
            NaiveDate::from_ymd_opt(2026, 12, 5)
        );
        assert_eq!(
            parse_date("9999-12-31"),
            NaiveDate::from_ymd_opt(9999, 12, 31)
        );
        for bad in [
            "2026-02-30",
            "+262142-12-31",
            "-262143-01-01",
            "99999-12-31",
            "2026-1-5",
            "2026-01-01x",
            "2026/01/01",
            "",
            "٢٠٢٦-٠١-٠١",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
