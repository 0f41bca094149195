//! Server-side glue for the server functions: who is asking, with which role, and how the
//! services' errors become HTTP statuses. Authorisation happens here, on the server, for
//! every server function.

use crate::error::AppError;
use crate::Session;
use domain::till::{PaymentError, ScanError};
use domain::validation::{FieldError, Reason};
use domain::{Language, Role, Viewer};
use http::StatusCode;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use services::Services;

/// The person behind the request, put in the request's extensions by the session middleware.
#[derive(Debug, Clone, Default)]
pub struct CurrentViewer(pub Option<Viewer>);

/// The language of a request without a signed-in person: the `lang` cookie, else the
/// browser's `Accept-Language`, else French.
#[derive(Debug, Clone, Copy)]
pub struct RequestLanguage(pub Language);

fn parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

pub fn session_from_request() -> Session {
    let parts = parts();
    let viewer = parts
        .as_ref()
        .and_then(|p| p.extensions.get::<CurrentViewer>())
        .and_then(|v| v.0.clone());
    let fallback = parts
        .as_ref()
        .and_then(|p| p.extensions.get::<RequestLanguage>())
        .map(|l| l.0)
        .unwrap_or_default();
    let lang = viewer.as_ref().map(|v| v.language).unwrap_or(fallback);
    Session { viewer, lang }
}

/// Sets the HTTP status of the response to match an error, and returns the error. A plain form
/// post keeps the redirect that carries its error back to its page.
pub fn fail(e: AppError) -> AppError {
    if plain_form_post() {
        return e;
    }
    let status = match &e {
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Invalid(_) | AppError::ImportRefused(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    if let Some(res) = use_context::<ResponseOptions>() {
        res.set_status(status);
    }
    e
}

impl From<services::Error> for AppError {
    fn from(e: services::Error) -> Self {
        use services::Error as E;
        fail(match e {
            E::Unauthenticated => AppError::Unauthenticated,
            E::Forbidden => AppError::Forbidden,
            E::NotFound => AppError::NotFound,
            E::Invalid(errors) => AppError::Invalid(errors),
            E::ImportRefused(rows) => AppError::ImportRefused(rows),
            E::BadCredentials | E::TooManyAttempts { .. } | E::TokenInvalid => AppError::Forbidden,
            E::Booking(error) => {
                AppError::Invalid(vec![FieldError::new("shift", Reason::Booking { error })])
            }
            E::AlreadyValidated => AppError::Invalid(vec![FieldError::new(
                "sheet",
                Reason::SheetAlreadyValidated,
            )]),
            E::Extension(error) => AppError::Invalid(vec![FieldError::new(
                "extension",
                Reason::Extension { error },
            )]),
            E::SessionClosed => till_error("session", Reason::SessionClosed),
            E::SessionAlreadyOpen => till_error("till", Reason::SessionAlreadyOpen),
            E::UnknownBarcode => till_error("code", Reason::UnknownBarcode),
            E::Scan(ScanError::NoRule) => till_error("code", Reason::NoBarcodeRule),
            E::Scan(ScanError::Barcode(_)) => till_error("code", Reason::MisreadBarcode),
            E::MayNotShop { status } => till_error(
                "member",
                Reason::MayNotShop {
                    status: status.as_str().to_string(),
                },
            ),
            E::ReturnExceedsSold {
                returnable_milli, ..
            } => till_error(
                "lines",
                Reason::ReturnExceedsSold {
                    returnable: domain::till::from_milli(returnable_milli)
                        .normalize()
                        .to_string(),
                },
            ),
            E::SaleConflict => till_error("id", Reason::SaleConflict),
            E::Basket(_) => till_error("lines", Reason::BadQuantity),
            E::Payment(error) => till_error("payments", payment_reason(error)),
            E::DiscountNotAllowed { max_percent } => {
                till_error("discount", Reason::DiscountNotAllowed { max: max_percent })
            }
            E::Nomenclature(error) => AppError::Invalid(error.field_errors()),
            E::Count(_) => till_error("count", Reason::UnknownDenomination),
            E::Db(db) => {
                tracing::error!(error = %db, "database error");
                AppError::Internal
            }
        })
    }
}

/// A refusal of the till, shown as one message (the field is for screens that place it).
fn till_error(field: &str, reason: Reason) -> AppError {
    AppError::Invalid(vec![FieldError::new(field, reason)])
}

fn payment_reason(error: PaymentError) -> Reason {
    match error {
        PaymentError::ShortPayment { missing } => Reason::ShortPayment {
            missing: missing.to_string(),
        },
        PaymentError::VouchersAboveEligible { eligible } => Reason::VouchersAboveEligible {
            eligible: eligible.to_string(),
        },
        PaymentError::NonCashOverpayment { excess } => Reason::NonCashOverpayment {
            excess: excess.to_string(),
        },
        PaymentError::NegativeAmount | PaymentError::FractionOfCent => Reason::BadAmount,
    }
}

/// Where the browser goes after a change sent by a plain HTML form (no JavaScript): `path`,
/// typically the page with a `?notice=`. A call from the hydrated page (which asks for JSON) is
/// answered with the value as usual, and its page shows the outcome itself. Without this, a
/// plain form post goes back to the page it came from (its `Referer`), or, after an error, to
/// that page with the error in `__err`, which the page's `ServerAction` reads back.
pub fn after_plain_form(path: &str) {
    if plain_form_post() {
        leptos_axum::redirect(path);
    }
}

/// Where the browser goes after a plain form post (no JavaScript) that failed: `path` with the
/// error of the server function at `fn_path` in `__err`, as the `ServerAction` of that function
/// on the page reads it back. For a form whose page must show again what was chosen (say
/// `?kind=loss`); others are sent back to their `Referer` by Leptos itself. Returns the error.
pub fn again_after_plain_form(path: &str, fn_path: &str, e: AppError) -> AppError {
    if plain_form_post() {
        let url = leptos::server_fn::error::ServerFnUrlError::new(fn_path, e.clone())
            .to_url(&format!("http://localhost{path}"));
        if let Ok(url) = url {
            leptos_axum::redirect(&format!("{}?{}", url.path(), url.query().unwrap_or("")));
        }
    }
    e
}

/// Whether the request is a form the browser posted itself, without JavaScript: a page asks
/// for HTML, the hydrated page's calls for JSON.
fn plain_form_post() -> bool {
    parts().is_some_and(|p| {
        p.method == http::Method::POST
            && p.headers
                .get(http::header::ACCEPT)
                .and_then(|a| a.to_str().ok())
                .is_some_and(|a| a.contains("text/html"))
    })
}

/// The services and the person asking, if they hold one of `allowed` (admin always does).
///
/// Errors: `Unauthenticated` (401) without a live session, `Forbidden` (403) without the role.
pub fn authorize(allowed: &[Role]) -> Result<(Services, Viewer), AppError> {
    let parts = parts().ok_or_else(|| fail(AppError::Internal))?;
    let services = parts
        .extensions
        .get::<Services>()
        .cloned()
        .ok_or_else(|| fail(AppError::Internal))?;
    match parts
        .extensions
        .get::<CurrentViewer>()
        .and_then(|v| v.0.clone())
    {
        Some(v) if v.may(allowed) => Ok((services, v)),
        Some(_) => Err(fail(AppError::Forbidden)),
        None => Err(fail(AppError::Unauthenticated)),
    }
}
