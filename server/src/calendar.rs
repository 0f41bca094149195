//! `GET /calendar/{token}.ics`: a member's private calendar feed. No session: calendar apps
//! cannot sign in, so the secret in the address is the key. An unknown or replaced secret is
//! a plain 404, the same as any other unknown address.

use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use http::{header, StatusCode};
use services::shifts::feed;
use services::Services;

pub async fn feed(Extension(s): Extension<Services>, Path(file): Path<String>) -> Response {
    let Some(token) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match feed::feed(&s.db, token).await {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "private, max-age=300"),
            ],
            text,
        )
            .into_response(),
        Err(services::Error::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "calendar feed failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
