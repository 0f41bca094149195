//! Reading a CSV file of records for an all-or-nothing import (members, products): a header of
//! known columns, `,` or `;` as separator, an optional byte-order mark, blank lines skipped,
//! and every bad row reported with its line number (the header is line 1) and reason.

use crate::validation::{FieldError, Reason};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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
    /// row's cell in that column as written (empty when the file has no such column).
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
