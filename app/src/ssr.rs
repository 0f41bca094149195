//! Server-side glue for the server functions: who is asking, with which role, and how the
//! services' errors become HTTP statuses. Authorisation happens here, on the server, for
//! every server function.

use crate::error::AppError;
use crate::Session;
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

/// Sets the HTTP status of the response to match an error, and returns the error.
pub fn fail(e: AppError) -> AppError {
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
            E::Db(db) => {
                tracing::error!(error = %db, "database error");
                AppError::Internal
            }
        })
    }
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
