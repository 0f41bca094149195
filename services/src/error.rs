//! The services' error: variants a caller can act on. The app maps each to an HTTP status and
//! a message in the person's language in one place; database text never reaches a browser.

use domain::member_csv::RowError;
use domain::shifts::{BookingError, ExtensionError};
use domain::validation::{FieldError, Reason};
use sea_orm::{DbErr, SqlErr};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Not signed in, or the session has expired.
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in, but the role does not allow this.
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// The input breaks a rule; every broken rule is listed, and nothing was written.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// A CSV import was refused; every bad row is listed, and nothing was imported.
    #[error("import refused: {} bad rows", .0.len())]
    ImportRefused(Vec<RowError>),
    #[error("wrong email or password")]
    BadCredentials,
    /// Too many failed sign-ins for this email; try again after `retry_after_s` seconds.
    #[error("too many failed sign-ins")]
    TooManyAttempts { retry_after_s: i64 },
    /// A reset or setup link that is unknown, used or expired.
    #[error("invalid or expired link")]
    TokenInvalid,
    /// A booking, cancellation or swap that the shift rules refuse; nothing was written.
    #[error("booking refused: {0}")]
    Booking(BookingError),
    /// The attendance sheet of this shift was validated already; nothing was written.
    #[error("attendance sheet already validated")]
    AlreadyValidated,
    /// The member may not be granted more time now.
    #[error("extension refused: {0}")]
    Extension(ExtensionError),
    #[error("database error: {0}")]
    Db(DbErr),
}

impl Error {
    pub fn invalid(field: &str, reason: Reason) -> Self {
        Error::Invalid(vec![FieldError::new(field, reason)])
    }
}

impl From<BookingError> for Error {
    fn from(e: BookingError) -> Self {
        Error::Booking(e)
    }
}

impl From<ExtensionError> for Error {
    fn from(e: ExtensionError) -> Self {
        Error::Extension(e)
    }
}

impl From<DbErr> for Error {
    /// A unique violation that slipped past the checks (a race with another request) becomes a
    /// clear conflict on the field it names, not a database message.
    fn from(e: DbErr) -> Self {
        if let Some(SqlErr::UniqueConstraintViolation(msg)) = e.sql_err() {
            let msg = msg.to_lowercase();
            for field in [
                "email",
                "member_number",
                "card_number",
                "card_barcode",
                "code",
            ] {
                if msg.contains(field) {
                    return Error::invalid(field, Reason::AlreadyTaken);
                }
            }
            return Error::invalid("", Reason::AlreadyTaken);
        }
        Error::Db(e)
    }
}

pub type Result<T> = std::result::Result<T, Error>;
