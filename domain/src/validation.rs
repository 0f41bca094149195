//! Field-level validation errors, shared by forms, CSV imports and services. Each reason has a
//! message id in the translation files (`error-<id>`), so every person reads it in their
//! language.

use crate::shifts::{BookingError, ExtensionError};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    Required,
    TooLong {
        max: usize,
    },
    InvalidEmail,
    InvalidPhone,
    InvalidDate,
    InvalidNumber,
    UnknownLanguage,
    UnknownRegime,
    UnknownRole,
    UnknownColumn {
        name: String,
    },
    MissingColumn {
        name: String,
    },
    DuplicateInFile {
        line: usize,
    },
    AlreadyTaken,
    BeforeJoinDate,
    TooManyHouseholdPeople {
        max: usize,
    },
    NotPositive,
    NotEnoughShares {
        held: i64,
    },
    UnknownShareClass,
    UnknownMember,
    /// Not a time of day such as 09:30.
    InvalidTime,
    /// Not one of the options offered.
    UnknownChoice,
    /// What was typed to find a member matches none of them, or several (`count`).
    NotOneMember {
        count: u64,
    },
    SameMember,
    BadAmount,
    Malformed,
    PasswordTooShort {
        min: usize,
    },
    PasswordsDiffer,
    CannotRemoveOwnAdmin,
    /// Only an admin may change the email of an account that holds a role beyond member's.
    StaffEmailAdminsOnly,
    /// The shift rules refuse this booking, cancellation or swap.
    Booking {
        error: BookingError,
    },
    SheetAlreadyValidated,
    /// The member may not be granted more time now.
    Extension {
        error: ExtensionError,
    },
    UnknownUnit,
    UnknownVatRate,
    InvalidBarcode,
    NotYesNo,
    UnknownProduct,
    /// What a row names (its barcodes, or its name when it has none) belongs to several
    /// products of the catalogue: the import cannot tell which one to update.
    SeveralProducts,
    /// A quantity of a sale or a return that is not positive or has more than three decimals.
    BadQuantity,
    UnknownDenomination,
    /// The drawer session is closed: open one to sell.
    SessionClosed,
    /// This till has an open drawer session already.
    SessionAlreadyOpen,
    /// No product has this barcode.
    UnknownBarcode,
    /// The check digit is wrong or the code is not a barcode: scan again.
    MisreadBarcode,
    /// No rule of the barcode nomenclature matches this code.
    NoBarcodeRule,
    /// The nomenclature rule at this position (from 1) cannot be used.
    BadNomenclatureRule {
        rule: usize,
    },
    /// The member may not shop (`status` is the status's code); a supervisor may override.
    MayNotShop {
        status: String,
    },
    /// Only a supervisor may override, with a reason.
    NotASupervisor,
    /// The supervisor's email or password is wrong (or too many tries).
    SupervisorNotRecognised,
    /// The member may shop: there is nothing to override.
    OverrideNotNeeded,
    /// The override is unknown, used already, too old, or for another member or cashier.
    OverrideNotValid,
    DiscountNotAllowed {
        max: u32,
    },
    ShortPayment {
        missing: String,
    },
    VouchersAboveEligible {
        eligible: String,
    },
    NonCashOverpayment {
        excess: String,
    },
    /// At most `returnable` of this line can still be returned.
    ReturnExceedsSold {
        returnable: String,
    },
    /// A sale or return with this id was recorded with other content.
    SaleConflict,
    /// A line's price is not the catalogue's, and the catalogue did not change meanwhile.
    PriceChanged,
    /// A sale or return dated later than the server's clock allows: the till's clock is ahead.
    SoldInFuture,
    /// A sale or return dated before its drawer session opened or more than `max` hours ago.
    SoldTooLongAgo {
        max: i64,
    },
    /// A price label's price on a product that is not sold by price label.
    NotSoldByLabel,
    /// The drawer session was opened by another cashier or on another till.
    NotYourSession,
    /// A refund by another tender than the sale's, or above the coop's limit, without a
    /// supervisor's approval.
    ReturnNeedsSupervisor,
    /// The signed-in account has no member record, so it holds no shifts.
    NotAMember,
    /// A number that must be zero or more.
    Negative,
    /// A penalty set above zero.
    NotADebit,
    /// A threshold that must be below zero.
    NotBelowZero,
    NotAMonday,
    OutOfRange {
        min: i64,
        max: i64,
    },
    UnknownTimeZone,
    /// A period whose end comes before its start.
    EndBeforeStart,
    InThePast,
    /// A leave that overlaps another one of the member's leaves.
    OverlapsLeave {
        start: chrono::NaiveDate,
        end: chrono::NaiveDate,
    },
    /// A nomenclature rule's pattern is not digits, `.` and ranges such as `[1-9]`.
    RulePattern,
    /// A nomenclature rule's code length is not 8, 12 or 13.
    RuleLength,
    /// A nomenclature rule's pattern is as long as its code or longer.
    RulePatternTooLong,
    /// A nomenclature rule's embedded value does not fit between its pattern and the check
    /// digit of a code of fixed length.
    RuleValueField,
    /// A stock adjustment of zero, which changes nothing.
    ZeroQuantity,
    /// An attendance sheet validated before its shift has started.
    ShiftNotStarted,
    /// Fewer seats than the people who hold or booked one.
    SeatsBelowBooked {
        booked: u64,
    },
    /// A drawer count or a cash move above what a drawer can hold, or figures too large to add.
    TooMuchCash,
    /// More items than a list takes.
    TooMany {
        max: usize,
    },
    /// A text with a control character (a NUL, an escape...): nothing a person types, and
    /// PostgreSQL cannot store a NUL.
    InvalidCharacters,
    /// A member's own holiday longer than the coop's rules allow.
    HolidayTooLong {
        max_days: i64,
    },
    /// A purchase order in this state (its code) does not allow this.
    OrderStateForbids {
        state: String,
    },
    /// The suggestion needs nothing: there is no order to make.
    NothingToOrder,
    /// The supplier has no order email to send the order to.
    NoOrderEmail,
    /// This reception was validated already; nothing more is written.
    ReceptionValidated,
    /// The supplier does not sell this product.
    NotSupplied,
    /// A reception with no line received.
    NothingReceived,
    /// The inventory count was validated or cancelled: it takes no more lines and is not
    /// validated again.
    CountNotOpen,
    /// The product is in none of the inventory count's categories.
    NotInCount,
}

impl Reason {
    /// The message id of this reason in the translation files.
    pub fn message_id(&self) -> &'static str {
        match self {
            Reason::Required => "error-required",
            Reason::TooLong { .. } => "error-too-long",
            Reason::InvalidEmail => "error-invalid-email",
            Reason::InvalidPhone => "error-invalid-phone",
            Reason::InvalidDate => "error-invalid-date",
            Reason::InvalidNumber => "error-invalid-number",
            Reason::UnknownLanguage => "error-unknown-language",
            Reason::UnknownRegime => "error-unknown-regime",
            Reason::UnknownRole => "error-unknown-role",
            Reason::UnknownColumn { .. } => "error-unknown-column",
            Reason::MissingColumn { .. } => "error-missing-column",
            Reason::DuplicateInFile { .. } => "error-duplicate-in-file",
            Reason::AlreadyTaken => "error-already-taken",
            Reason::BeforeJoinDate => "error-before-join-date",
            Reason::TooManyHouseholdPeople { .. } => "error-too-many-household-people",
            Reason::NotPositive => "error-not-positive",
            Reason::NotEnoughShares { .. } => "error-not-enough-shares",
            Reason::UnknownShareClass => "error-unknown-share-class",
            Reason::UnknownMember => "error-unknown-member",
            Reason::InvalidTime => "error-invalid-time",
            Reason::UnknownChoice => "error-unknown-choice",
            Reason::NotOneMember { .. } => "error-not-one-member",
            Reason::SameMember => "error-same-member",
            Reason::BadAmount => "error-bad-amount",
            Reason::Malformed => "error-malformed",
            Reason::PasswordTooShort { .. } => "error-password-too-short",
            Reason::PasswordsDiffer => "error-passwords-differ",
            Reason::CannotRemoveOwnAdmin => "error-cannot-remove-own-admin",
            Reason::StaffEmailAdminsOnly => "error-staff-email-admins-only",
            Reason::Booking { error } => match error {
                BookingError::AlreadyBooked => "error-booking-already-booked",
                BookingError::Cancelled => "error-booking-cancelled",
                BookingError::Past => "error-booking-past",
                BookingError::Full => "error-booking-full",
                BookingError::MissingSkill { .. } => "error-booking-missing-skill",
                BookingError::Overlap { .. } => "error-booking-overlap",
                BookingError::DayLimit { .. } => "error-booking-day-limit",
                BookingError::PeriodLimit { .. } => "error-booking-period-limit",
                BookingError::OwnOffer => "error-booking-own-offer",
            },
            Reason::SheetAlreadyValidated => "error-sheet-already-validated",
            Reason::Extension { error } => match error {
                ExtensionError::NotInAlert => "error-extension-not-in-alert",
                ExtensionError::AlreadyExtended { .. } => "error-extension-already-extended",
                ExtensionError::TooLate => "error-extension-too-late",
            },
            Reason::UnknownUnit => "error-unknown-unit",
            Reason::UnknownVatRate => "error-unknown-vat-rate",
            Reason::InvalidBarcode => "error-invalid-barcode",
            Reason::NotYesNo => "error-not-yes-no",
            Reason::UnknownProduct => "error-unknown-product",
            Reason::SeveralProducts => "error-several-products",
            Reason::BadQuantity => "error-bad-quantity",
            Reason::UnknownDenomination => "error-unknown-denomination",
            Reason::SessionClosed => "error-session-closed",
            Reason::SessionAlreadyOpen => "error-session-already-open",
            Reason::UnknownBarcode => "error-unknown-barcode",
            Reason::MisreadBarcode => "error-misread-barcode",
            Reason::NoBarcodeRule => "error-no-barcode-rule",
            Reason::BadNomenclatureRule { .. } => "error-bad-nomenclature-rule",
            Reason::MayNotShop { .. } => "error-may-not-shop",
            Reason::NotASupervisor => "error-not-a-supervisor",
            Reason::SupervisorNotRecognised => "error-supervisor-not-recognised",
            Reason::OverrideNotNeeded => "error-override-not-needed",
            Reason::OverrideNotValid => "error-override-not-valid",
            Reason::DiscountNotAllowed { .. } => "error-discount-not-allowed",
            Reason::ShortPayment { .. } => "error-short-payment",
            Reason::VouchersAboveEligible { .. } => "error-vouchers-above-eligible",
            Reason::NonCashOverpayment { .. } => "error-non-cash-overpayment",
            Reason::ReturnExceedsSold { .. } => "error-return-exceeds-sold",
            Reason::SaleConflict => "error-sale-conflict",
            Reason::PriceChanged => "error-price-changed",
            Reason::SoldInFuture => "error-sold-in-future",
            Reason::SoldTooLongAgo { .. } => "error-sold-too-long-ago",
            Reason::NotSoldByLabel => "error-not-sold-by-label",
            Reason::NotYourSession => "error-not-your-session",
            Reason::ReturnNeedsSupervisor => "error-return-needs-supervisor",
            Reason::NotAMember => "error-not-a-member",
            Reason::Negative => "error-negative",
            Reason::NotADebit => "error-not-a-debit",
            Reason::NotBelowZero => "error-not-below-zero",
            Reason::NotAMonday => "error-not-a-monday",
            Reason::OutOfRange { .. } => "error-out-of-range",
            Reason::UnknownTimeZone => "error-unknown-time-zone",
            Reason::EndBeforeStart => "error-end-before-start",
            Reason::InThePast => "error-in-the-past",
            Reason::OverlapsLeave { .. } => "error-overlaps-leave",
            Reason::RulePattern => "error-rule-pattern",
            Reason::RuleLength => "error-rule-length",
            Reason::RulePatternTooLong => "error-rule-pattern-too-long",
            Reason::RuleValueField => "error-rule-value-field",
            Reason::ZeroQuantity => "error-zero-quantity",
            Reason::ShiftNotStarted => "error-shift-not-started",
            Reason::SeatsBelowBooked { .. } => "error-seats-below-booked",
            Reason::TooMuchCash => "error-too-much-cash",
            Reason::InvalidCharacters => "error-invalid-characters",
            Reason::TooMany { .. } => "error-too-many",
            Reason::HolidayTooLong { .. } => "error-holiday-too-long",
            Reason::OrderStateForbids { .. } => "error-order-state-forbids",
            Reason::NothingToOrder => "error-nothing-to-order",
            Reason::NoOrderEmail => "error-no-order-email",
            Reason::ReceptionValidated => "error-reception-validated",
            Reason::NotSupplied => "error-not-supplied",
            Reason::NothingReceived => "error-nothing-received",
            Reason::CountNotOpen => "error-count-not-open",
            Reason::NotInCount => "error-not-in-count",
        }
    }

    /// The named arguments of this reason's message.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Reason::TooLong { max }
            | Reason::TooManyHouseholdPeople { max }
            | Reason::TooMany { max } => {
                vec![("max", max.to_string())]
            }
            Reason::UnknownColumn { name } | Reason::MissingColumn { name } => {
                vec![("name", name.clone())]
            }
            Reason::DuplicateInFile { line } => vec![("line", line.to_string())],
            Reason::PasswordTooShort { min } => vec![("min", min.to_string())],
            Reason::NotEnoughShares { held } => vec![("held", held.to_string())],
            Reason::NotOneMember { count } => vec![("count", count.to_string())],
            Reason::SeatsBelowBooked { booked } => vec![("booked", booked.to_string())],
            Reason::SoldTooLongAgo { max } => vec![("max", max.to_string())],
            Reason::HolidayTooLong { max_days } => vec![("max", max_days.to_string())],
            Reason::Booking {
                error: BookingError::MissingSkill { skill },
            } => vec![("skill", skill.clone())],
            Reason::Booking {
                error: BookingError::DayLimit { max },
            }
            | Reason::Extension {
                error: ExtensionError::AlreadyExtended { max },
            } => vec![("max", max.to_string())],
            Reason::Booking {
                error: BookingError::PeriodLimit { max, days },
            } => vec![("max", max.to_string()), ("days", days.to_string())],
            Reason::BadNomenclatureRule { rule } => vec![("rule", rule.to_string())],
            Reason::MayNotShop { status } => vec![("status", status.clone())],
            Reason::OrderStateForbids { state } => vec![("state", state.clone())],
            Reason::DiscountNotAllowed { max } => vec![("max", max.to_string())],
            Reason::ShortPayment { missing: amount }
            | Reason::VouchersAboveEligible { eligible: amount }
            | Reason::NonCashOverpayment { excess: amount }
            | Reason::ReturnExceedsSold { returnable: amount } => {
                vec![("amount", amount.clone())]
            }
            Reason::OutOfRange { min, max } => {
                vec![("min", min.to_string()), ("max", max.to_string())]
            }
            Reason::OverlapsLeave { start, end } => {
                vec![("start", start.to_string()), ("end", end.to_string())]
            }
            _ => vec![],
        }
    }
}

/// Whether a text holds a control character other than a tab or a line break: a NUL, an
/// escape, a bell... Nothing a person types, and PostgreSQL refuses a NUL.
pub fn has_control_characters(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// A required, trimmed text of at most `max` characters without control characters, for a
/// service that checks one field: the errors of [`Errors::text`].
pub fn required_text(field: &str, value: &str, max: usize) -> Result<String, Vec<FieldError>> {
    let mut e = Errors::default();
    let v = e.text(field, value, max);
    e.finish(v)
}

/// A reason attached to one field of a form or a column of a CSV row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub reason: Reason,
}

impl FieldError {
    pub fn new(field: &str, reason: Reason) -> Self {
        FieldError {
            field: field.to_string(),
            reason,
        }
    }
}

/// Collects field errors while a form is checked, so a person sees every problem at once.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn add(&mut self, field: &str, reason: Reason) {
        self.0.push(FieldError::new(field, reason));
    }

    /// A required, trimmed text of at most `max` characters, without control characters (see
    /// [`has_control_characters`]).
    pub fn text(&mut self, field: &str, value: &str, max: usize) -> String {
        let v = value.trim();
        if v.is_empty() {
            self.add(field, Reason::Required);
        } else {
            self.bounded(field, v, max);
        }
        v.to_string()
    }

    /// An optional, trimmed text of at most `max` characters, without control characters;
    /// empty becomes `None`.
    pub fn optional_text(&mut self, field: &str, value: &str, max: usize) -> Option<String> {
        let v = value.trim();
        self.bounded(field, v, max);
        (!v.is_empty()).then(|| v.to_string())
    }

    /// Adds `TooLong` past `max` characters, else `InvalidCharacters` for a control character.
    fn bounded(&mut self, field: &str, v: &str, max: usize) {
        if v.chars().count() > max {
            self.add(field, Reason::TooLong { max });
        } else if has_control_characters(v) {
            self.add(field, Reason::InvalidCharacters);
        }
    }

    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

/// Whether an email address is plausible: one `@`, a local part, a dotted domain, no spaces.
/// The real check is the reset mail reaching it.
pub fn is_valid_email(email: &str) -> bool {
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// Normalises an email for storage and comparison: trimmed and lower-case.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Whether a phone number is plausible: digits with spaces, dots, dashes, brackets and an
/// optional leading `+`; 6 to 20 digits.
pub fn is_valid_phone(phone: &str) -> bool {
    let p = phone.trim();
    let body = p.strip_prefix('+').unwrap_or(p);
    let digits = body.chars().filter(|c| c.is_ascii_digit()).count();
    body.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')' | '/'))
        && (6..=20).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in [
            "a@b.be",
            "jean.dupont+coop@example.org",
            "x@sub.domain.brussels",
        ] {
            assert!(is_valid_email(ok), "{ok}");
        }
        for bad in [
            "", "a", "a@b", "@b.be", "a@.be", "a@b.", "a b@c.be", "a@b@c.be", "a@b..be",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        for ok in ["+32 2 123 45 67", "0470/12.34.56", "(02) 555-0101"] {
            assert!(is_valid_phone(ok), "{ok}");
        }
        for bad in ["12", "phone", "+32 2 123 45 67 ext 3", "++32470123456"] {
            assert!(!is_valid_phone(bad), "{bad}");
        }
    }

    #[test]
    fn text_rules() {
        let mut e = Errors::default();
        assert_eq!(e.text("a", "  Anne ", 10), "Anne");
        e.text("b", "   ", 10);
        e.text("c", "abcdefghijk", 10);
        assert_eq!(e.optional_text("d", "  ", 5), None);
        e.text("e", "An\u{0}ne", 10);
        e.optional_text("f", "\u{1b}[31m", 10);
        assert_eq!(
            e.text("g", "two\nlines\tand a tab", 30),
            "two\nlines\tand a tab"
        );
        assert_eq!(
            e.0,
            vec![
                FieldError::new("b", Reason::Required),
                FieldError::new("c", Reason::TooLong { max: 10 }),
                FieldError::new("e", Reason::InvalidCharacters),
                FieldError::new("f", Reason::InvalidCharacters),
            ]
        );
    }
}
