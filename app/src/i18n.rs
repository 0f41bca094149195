//! The translation layer as the screens use it: the person's language comes from the
//! [`Session`](crate::Session) in context.

use crate::error::AppError;
use crate::Session;
use domain::validation::Reason;
use domain::Language;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct I18n(pub Language);

pub fn use_i18n() -> I18n {
    I18n(use_context::<Session>().map(|s| s.lang).unwrap_or_default())
}

impl I18n {
    pub fn lang(self) -> Language {
        self.0
    }

    pub fn t(self, id: &str) -> String {
        ::i18n::t(self.0, id)
    }

    pub fn ta(self, id: &str, args: &[(&str, String)]) -> String {
        ::i18n::t_args(self.0, id, args)
    }

    pub fn reason(self, r: &Reason) -> String {
        ::i18n::reason(self.0, r)
    }

    pub fn error(self, e: &AppError) -> String {
        match e {
            AppError::Invalid(errors) if errors.len() == 1 && errors[0].field.is_empty() => {
                self.reason(&errors[0].reason)
            }
            AppError::Invalid(_) => self.t("error-invalid"),
            AppError::ImportRefused(rows) => {
                self.ta("error-import-refused", &[("count", rows.len().to_string())])
            }
            AppError::Unauthenticated => self.t("error-unauthenticated"),
            AppError::Forbidden => self.t("error-forbidden"),
            AppError::NotFound => self.t("error-not-found"),
            AppError::BadRequest => self.t("error-bad-request"),
            AppError::Internal => self.t("error-internal"),
            AppError::Transport(_) => self.t("error-transport"),
        }
    }

    pub fn money(self, cents: i64) -> String {
        domain::money::format_eur(domain::money::from_cents(cents), self.0)
    }

    /// A quantity of milli-units of `unit`: `1,5 kg`, `12 pcs`.
    pub fn quantity(self, milli: i64, unit: domain::till::Unit) -> String {
        let n = domain::till::from_milli(milli).normalize().to_string();
        let n = match self.0 {
            Language::En => n,
            _ => n.replace('.', ","),
        };
        self.ta(&format!("quantity-{}", unit.as_str()), &[("n", n)])
    }

    /// A quantity with its sign, for a move: `+12 pcs`, `-1,5 kg`.
    pub fn signed_quantity(self, milli: i64, unit: domain::till::Unit) -> String {
        let sign = if milli > 0 { "+" } else { "" };
        format!("{sign}{}", self.quantity(milli, unit))
    }

    /// The date of an instant in milliseconds since the epoch.
    pub fn instant_date(self, at_ms: i64) -> String {
        chrono::DateTime::from_timestamp_millis(at_ms)
            .map(|t| self.date(t.date_naive()))
            .unwrap_or_default()
    }

    pub fn date(self, d: chrono::NaiveDate) -> String {
        match self.0 {
            Language::En => d.format("%Y-%m-%d").to_string(),
            _ => d.format("%d/%m/%Y").to_string(),
        }
    }
}
