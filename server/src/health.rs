//! `/health`: 200 when the database answers, 503 when it does not.

use axum::response::IntoResponse;
use axum::{Extension, Json};
use http::StatusCode;
use sea_orm::ConnectionTrait;
use services::Services;

pub async fn health(Extension(s): Extension<Services>) -> impl IntoResponse {
    match s.db.execute_unprepared("SELECT 1").await {
        Ok(_) => (
            StatusCode::OK,
            Json(serde_json::json!({ "status": "ok", "database": "ok" })),
        ),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "unavailable", "database": "unreachable" })),
            )
        }
    }
}
