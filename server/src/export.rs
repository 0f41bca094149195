//! CSV export of the member register, for coordinators and admins.

use app::api::REGISTER_KEEPERS;
use app::ssr::CurrentViewer;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use http::{header, StatusCode};
use services::{members, Services};

pub async fn members_csv(
    Extension(s): Extension<Services>,
    Extension(viewer): Extension<CurrentViewer>,
) -> Response {
    match viewer.0 {
        None => return StatusCode::UNAUTHORIZED.into_response(),
        Some(v) if !v.may(REGISTER_KEEPERS) => return StatusCode::FORBIDDEN.into_response(),
        Some(_) => {}
    }
    match members::export_csv(&s.db).await {
        Ok(csv) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"members.csv\"",
                ),
            ],
            csv,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "member export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
