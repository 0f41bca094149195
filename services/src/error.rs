//! The services' error: variants a caller can act on. The app maps each to an HTTP status and
//! a message in the person's language in one place; database text never reaches a browser.

use domain::member_csv::RowError;
use domain::shifts::{BookingError, ExtensionError, Status};
use domain::till::{BasketError, CountError, PaymentError, RuleError, ScanError};
use domain::validation::{FieldError, Reason};
use sea_orm::{DbErr, RuntimeErr, SqlErr};

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
    /// The drawer session is closed; nothing was written.
    #[error("the drawer session is closed")]
    SessionClosed,
    /// The till has an open drawer session already.
    #[error("this till already has an open drawer session")]
    SessionAlreadyOpen,
    /// The code reads, but no product has it.
    #[error("no product has this barcode")]
    UnknownBarcode,
    /// The code is a misread or no nomenclature rule reads it.
    #[error("scan refused: {0}")]
    Scan(ScanError),
    /// The member may not shop and no supervisor overrode it; nothing was written.
    #[error("the member may not shop ({})", .status.as_str())]
    MayNotShop { status: Status },
    /// A return asks for more of a line (numbered from 0) than is left of it.
    #[error("at most {returnable_milli} milli-units of line {line} can be returned")]
    ReturnExceedsSold { line: u32, returnable_milli: i64 },
    /// A sale or a return with this id was recorded already, with other content.
    #[error("a sale or return with this id was recorded with other content")]
    SaleConflict,
    /// The basket breaks a rule (a quantity, a price, a discount).
    #[error("basket refused: {0}")]
    Basket(BasketError),
    /// The payments do not settle the sale.
    #[error("payment refused: {0}")]
    Payment(PaymentError),
    /// The person's role allows discounts up to `max_percent` only.
    #[error("discounts above {max_percent} % need another role")]
    DiscountNotAllowed { max_percent: u32 },
    /// A rule of the barcode nomenclature cannot be used; nothing was saved.
    #[error("nomenclature refused: {0}")]
    Nomenclature(RuleError),
    /// The drawer count has a bad denomination or count.
    #[error("drawer count refused: {0}")]
    Count(CountError),
    /// The demo coop is loaded into an empty database only, and this one holds accounts,
    /// members or products; nothing was written.
    #[error("this database holds data already: the demo coop (whose passwords are published) is loaded only into an empty database")]
    NotEmpty,
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

impl From<ScanError> for Error {
    fn from(e: ScanError) -> Self {
        Error::Scan(e)
    }
}

impl From<BasketError> for Error {
    fn from(e: BasketError) -> Self {
        Error::Basket(e)
    }
}

impl From<PaymentError> for Error {
    fn from(e: PaymentError) -> Self {
        Error::Payment(e)
    }
}

impl From<RuleError> for Error {
    fn from(e: RuleError) -> Self {
        Error::Nomenclature(e)
    }
}

impl From<CountError> for Error {
    fn from(e: CountError) -> Self {
        Error::Count(e)
    }
}

/// The SQLSTATE code of a database error, when the database gave one.
fn sql_state(e: &DbErr) -> Option<String> {
    match e {
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            match &**e {
                sea_orm::sqlx::Error::Database(d) => d.code().map(|c| c.into_owned()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// PostgreSQL's "character not in repertoire": a NUL in a text it was sent.
const NUL_IN_TEXT: &str = "22021";

impl From<DbErr> for Error {
    /// A unique violation that slipped past the checks (a race with another request) becomes a
    /// clear conflict on the field it names, not a database message. A NUL character that
    /// reached PostgreSQL in a search or a lookup (texts that are kept are checked before) is
    /// the request's fault: `InvalidCharacters`, and the transaction is rolled back.
    fn from(e: DbErr) -> Self {
        if sql_state(&e).as_deref() == Some(NUL_IN_TEXT) {
            return Error::invalid("", Reason::InvalidCharacters);
        }
        if let Some(SqlErr::UniqueConstraintViolation(msg)) = e.sql_err() {
            let msg = msg.to_lowercase();
            if msg.contains("drawer_sessions") {
                return Error::SessionAlreadyOpen;
            }
            if msg.contains("product_barcodes") {
                return Error::invalid("barcodes", Reason::AlreadyTaken);
            }
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
