//! The member CSV format, for import and export. An import is all or nothing: every row is
//! checked first, and if any row is bad the person gets every bad row with its line number and
//! reason, and nothing is imported.

pub use crate::csv_table::RowError;
use crate::csv_table::{FirstSeen, Table};
use crate::member::{MemberForm, ValidMember};

/// The columns, in export order. `member_number`, `phone` and `language` may be left out of an
/// import; the others are required.
pub const COLUMNS: [&str; 8] = [
    "member_number",
    "first_name",
    "last_name",
    "email",
    "phone",
    "language",
    "join_date",
    "work_regime",
];
const REQUIRED: [&str; 5] = [
    "first_name",
    "last_name",
    "email",
    "join_date",
    "work_regime",
];

/// The most rows one import takes.
pub const MAX_ROWS: usize = 20_000;

/// A checked row, with the line it came from (to report database conflicts by line too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub line: usize,
    pub member: ValidMember,
}

/// Parses and checks a whole CSV file of members.
pub fn parse(text: &str) -> Result<Vec<ImportRow>, Vec<RowError>> {
    let table = Table {
        columns: &COLUMNS,
        required: &REQUIRED,
        max_rows: MAX_ROWS,
    };
    let mut seen_email = FirstSeen::default();
    let mut seen_number = FirstSeen::default();
    let rows = table.read(text, |line, get| {
        let form = MemberForm {
            member_number: get("member_number"),
            first_name: get("first_name"),
            last_name: get("last_name"),
            email: get("email"),
            phone: get("phone"),
            language: get("language"),
            join_date: get("join_date"),
            work_regime: get("work_regime"),
        };
        let member = form.validate()?;
        let mut errors = Vec::new();
        seen_email.note(member.email.clone(), line, "email", &mut errors);
        if let Some(n) = member.member_number {
            seen_number.note(n, line, "member_number", &mut errors);
        }
        if errors.is_empty() {
            Ok(member)
        } else {
            Err(errors)
        }
    })?;
    Ok(rows
        .into_iter()
        .map(|(line, member)| ImportRow { line, member })
        .collect())
}

/// Writes members as CSV in the import format, so an export can be imported again. Cells that
/// a spreadsheet would run as formulas are neutralised ([`crate::csv_table::neutralise`]).
pub fn write(members: &[ValidMember]) -> String {
    crate::csv_table::write(
        &COLUMNS,
        members.iter().map(|m| {
            let f = MemberForm::from(m);
            [
                f.member_number,
                f.first_name,
                f.last_name,
                f.email,
                f.phone,
                f.language,
                f.join_date,
                f.work_regime,
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::Reason;
    use proptest::prelude::*;

    const GOOD: &str = "first_name,last_name,email,join_date,work_regime,language\n\
        Anne,Peeters,anne@example.be,2024-01-05,regular,nl\n\
        Karim,El Idrissi,karim@example.be,2023-11-20,flexible,fr\n";

    #[test]
    fn a_good_file_imports() {
        let rows = parse(GOOD).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].member.last_name, "El Idrissi");
    }

    #[test]
    fn semicolons_and_bom_are_accepted() {
        let text = format!("\u{feff}{}", GOOD.replace(',', ";"));
        assert_eq!(parse(&text).unwrap().len(), 2);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let text = "first_name,last_name,email,join_date,work_regime\n\
            Anne,Peeters,anne@example.be,2024-01-05,regular\n\
            ,Janssens,not-an-email,2024-01-05,regular\n\
            Bob,Smith,ANNE@example.be,2024-13-01,weekly\n\
            Too,Few\n";
        let errors = parse(text).unwrap_err();
        let got: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (3, "first_name"),
                (3, "email"),
                (4, "join_date"),
                (4, "work_regime"),
                (5, "")
            ]
        );
        let dup = "first_name,last_name,email,join_date,work_regime\n\
            Anne,Peeters,anne@example.be,2024-01-05,regular\n\
            Anne,Bis,Anne@Example.be,2024-01-05,regular\n";
        assert_eq!(
            parse(dup).unwrap_err(),
            vec![RowError {
                line: 3,
                field: "email".into(),
                reason: Reason::DuplicateInFile { line: 2 }
            }]
        );
    }

    #[test]
    fn bad_headers_are_reported() {
        let errors = parse("first_name,email,shoe_size\nA,a@b.be,42\n").unwrap_err();
        let reasons: Vec<Reason> = errors.into_iter().map(|e| e.reason).collect();
        assert!(reasons.contains(&Reason::UnknownColumn {
            name: "shoe_size".into()
        }));
        assert!(reasons.contains(&Reason::MissingColumn {
            name: "last_name".into()
        }));
    }

    #[test]
    fn an_export_holds_no_formula() {
        let mut m = parse(GOOD).unwrap().remove(0).member;
        m.first_name = "=HYPERLINK(\"http://evil.example\",\"Anne\")".into();
        m.last_name = "@SUM(1+1)".into();
        m.phone = Some("+32 470 12 34 56".into());
        let text = write(std::slice::from_ref(&m));
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?} would run as a formula"
                );
            }
        }
        assert_eq!(
            parse(&text).unwrap()[0].member,
            m,
            "and it imports back unchanged"
        );
    }

    proptest! {
        #[test]
        fn export_then_import_round_trips(
            names in proptest::collection::vec(("[A-Za-zéèçë' ,\"=+@-]{1,20}", "[A-Za-z=@ -]{1,20}"), 1..20)
        ) {
            let members: Vec<ValidMember> = names
                .iter()
                .enumerate()
                .filter(|(_, (f, l))| !f.trim().is_empty() && !l.trim().is_empty())
                .map(|(i, (f, l))| ValidMember {
                    member_number: Some(i as i64 + 1),
                    first_name: f.trim().to_string(),
                    last_name: l.trim().to_string(),
                    email: format!("m{i}@example.be"),
                    phone: (i % 2 == 0).then(|| "+32 470 12 34 56".to_string()),
                    language: crate::Language::ALL[i % 3],
                    join_date: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
                    work_regime: crate::member::WorkRegime::ALL[i % 3],
                })
                .collect();
            let back: Vec<ValidMember> = parse(&write(&members)).unwrap().into_iter().map(|r| r.member).collect();
            prop_assert_eq!(back, members);
        }

        #[test]
        fn parsing_never_panics(text in ".{0,300}") {
            let _ = parse(&text);
        }
    }
}
