//! The coop's CSV files. Reading a file of records for an all-or-nothing import (members,
//! products): a header of known columns, `,` or `;` as separator, an optional byte-order mark,
//! blank lines skipped, and every bad row reported with its line number (the header is line 1)
//! and reason. Writing one for export ([`write`]), with every cell that a spreadsheet would
//! run as a formula neutralised, and read back as it was typed.

use crate::validation::{FieldError, Reason};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

/// The first characters that make a spreadsheet read a cell as a formula (OWASP's list for
/// CSV injection): `=`, `+`, `-`, `@`, tab and carriage return.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell is a plain number (`-12`, `+32`, `3.50`): a spreadsheet reads it as a number,
/// not as a formula, so it stays a number.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// A cell as exported: one that starts like a formula (see [`FORMULA_STARTS`]) gets a leading
/// `'`, which spreadsheets show as text, unless it is a plain number. Importing strips it
/// again ([`Table::read`]), so an export imports back unchanged; a cell that starts with `'`
/// gets one more, so that it too reads back as it was.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with('\'') || (cell.starts_with(FORMULA_STARTS) && !is_plain_number(cell)) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as it was before [`neutralise`]: without the `'` put before a formula's first
/// character or before another `'`.
fn as_typed(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// A CSV file (`,`-separated, quoted where needed) of a header and rows, every cell
/// neutralised with [`neutralise`].
pub fn write<R, C>(columns: &[&str], rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail, and every record is valid UTF-8.
    w.write_record(columns.iter().map(|c| neutralise(c).into_owned()))
        .expect("csv to memory");
    for row in rows {
        w.write_record(row.into_iter().map(|c| neutralise(c.as_ref()).into_owned()))
            .expect("csv to memory");
    }
    String::from_utf8(w.into_inner().expect("csv to memory")).expect("csv is utf-8")
}

/// A bad row: its line in the file (the header is line 1) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub line: usize,
    pub field: String,
    pub reason: Reason,
}

impl RowError {
    pub fn new(line: usize, field: &str, reason: Reason) -> Self {
        RowError {
            line,
            field: field.to_string(),
            reason,
        }
    }
}

/// The shape of a file: the columns it may have, those it must have, and how many rows.
pub struct Table<'a> {
    pub columns: &'a [&'a str],
    pub required: &'a [&'a str],
    pub max_rows: usize,
}

fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    }
}

impl Table<'_> {
    /// Reads every row and checks it with `check(line, get)`, where `get(column)` is the
    /// row's cell in that column as typed (empty when the file has no such column; without
    /// the `'` that [`neutralise`] put before a formula's first character).
    /// Returns the checked rows with their lines, or every error: the header's if it is bad,
    /// else every bad row's, in line order.
    pub fn read<T>(
        &self,
        text: &str,
        mut check: impl FnMut(usize, &dyn Fn(&str) -> String) -> Result<T, Vec<FieldError>>,
    ) -> Result<Vec<(usize, T)>, Vec<RowError>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter(text))
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
            Err(_) => return Err(vec![RowError::new(1, "", Reason::Malformed)]),
        };
        let mut errors = Vec::new();
        for h in &headers {
            if !self.columns.contains(&h.as_str()) {
                errors.push(RowError::new(
                    1,
                    h,
                    Reason::UnknownColumn { name: h.clone() },
                ));
            }
        }
        for r in self.required {
            if !headers.iter().any(|h| h == r) {
                errors.push(RowError::new(
                    1,
                    r,
                    Reason::MissingColumn {
                        name: r.to_string(),
                    },
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let index: HashMap<&str, usize> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.as_str(), i))
            .collect();
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            if i >= self.max_rows {
                let reason = Reason::TooLong { max: self.max_rows };
                errors.push(RowError::new(line, "", reason));
                break;
            }
            let Ok(record) = record else {
                errors.push(RowError::new(line, "", Reason::Malformed));
                continue;
            };
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if record.len() != headers.len() {
                errors.push(RowError::new(line, "", Reason::Malformed));
                continue;
            }
            let get = |name: &str| {
                index
                    .get(name)
                    .and_then(|i| record.get(*i))
                    .map(as_typed)
                    .unwrap_or("")
                    .to_string()
            };
            match check(line, &get) {
                Ok(row) => rows.push((line, row)),
                Err(field_errors) => errors.extend(field_errors.into_iter().map(
                    |FieldError { field, reason }| RowError {
                        line,
                        field,
                        reason,
                    },
                )),
            }
        }
        if errors.is_empty() {
            Ok(rows)
        } else {
            Err(errors)
        }
    }
}

/// Remembers the first line each value of a column was seen on, to refuse a value repeated in
/// one file with [`Reason::DuplicateInFile`].
#[derive(Debug, Default)]
pub struct FirstSeen<K>(HashMap<K, usize>);

impl<K: std::hash::Hash + Eq> FirstSeen<K> {
    /// Notes `key` on `line`; if it was seen before, adds an error on `field` to `errors`.
    pub fn note(&mut self, key: K, line: usize, field: &str, errors: &mut Vec<FieldError>) {
        let first = *self.0.entry(key).or_insert(line);
        if first != line {
            errors.push(FieldError::new(
                field,
                Reason::DuplicateInFile { line: first },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_stay_numbers() {
        let cases = [
            (
                "=HYPERLINK(\"http://evil.example\",\"x\")",
                "'=HYPERLINK(\"http://evil.example\",\"x\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            (
                "@SUM(1+9)*cmd|' /C calc'!A0",
                "'@SUM(1+9)*cmd|' /C calc'!A0",
            ),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("+32 470 12 34 56", "'+32 470 12 34 56"),
            ("'quoted", "''quoted"),
            ("-12", "-12"),
            ("-3.50", "-3.50"),
            ("+32", "+32"),
            ("42", "42"),
            ("Anne", "Anne"),
            ("O'Brien", "O'Brien"),
            ("a=b", "a=b"),
            ("", ""),
            ("-", "'-"),
            ("-.5", "'-.5"),
            ("1.", "1."),
        ];
        for (cell, exported) in cases {
            assert_eq!(neutralise(cell), exported, "{cell:?}");
            assert_eq!(as_typed(&neutralise(cell)), cell, "{cell:?} reads back");
        }
    }

    #[test]
    fn a_written_file_holds_no_formula() {
        let text = write(&["a", "b"], [["=1+1", "-7"], ["@x", "ok"]]);
        assert_eq!(text, "a,b\n'=1+1,-7\n'@x,ok\n");
    }

    proptest! {
        #[test]
        fn every_cell_reads_back_as_typed(cell in "['=+@\\t\\r-]{0,3}.{0,10}") {
            let exported = neutralise(&cell);
            prop_assert_eq!(as_typed(&exported), cell.as_str());
            let first = exported.chars().next();
            prop_assert!(
                first.is_none_or(|c| !FORMULA_STARTS.contains(&c)) || is_plain_number(&exported),
                "{:?} starts like a formula", exported
            );
        }
    }
}
