//! `GET /api/may-shop?card=...` (or `?member=<uuid>`): the JSON answer to "may this person
//! shop?" for the till, an entrance kiosk or any other client, with the same service and the
//! same roles as the `may_shop` server function.

use app::api::shifts::{MayShopAnswer, SHOP_CHECKERS};
use app::ssr::{CurrentViewer, RequestLanguage};
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use http::StatusCode;
use serde::Deserialize;
use services::shifts::status::{may_shop as answer, Shopper};
use services::Services;
use uuid::Uuid;

#[derive(Deserialize)]
pub struct Who {
    card: Option<String>,
    member: Option<Uuid>,
}

fn refuse(status: StatusCode, lang: RequestLanguage, message_id: &str) -> Response {
    (
        status,
        Json(serde_json::json!({ "error": i18n::t(lang.0, message_id) })),
    )
        .into_response()
}

pub async fn may_shop(
    Extension(s): Extension<Services>,
    Extension(viewer): Extension<CurrentViewer>,
    Extension(lang): Extension<RequestLanguage>,
    who: Result<Query<Who>, QueryRejection>,
) -> Response {
    match viewer.0 {
        None => return refuse(StatusCode::UNAUTHORIZED, lang, "error-unauthenticated"),
        Some(v) if !v.may(SHOP_CHECKERS) => {
            return refuse(StatusCode::FORBIDDEN, lang, "error-forbidden")
        }
        Some(_) => {}
    }
    // A query that does not read (a member that is not a UUID): the same JSON refusal.
    let Ok(Query(who)) = who else {
        return refuse(StatusCode::BAD_REQUEST, lang, "error-bad-request");
    };
    let shopper = match (&who.card, who.member) {
        (Some(card), _) if !card.trim().is_empty() => Shopper::Card(card),
        (_, Some(id)) => Shopper::Member(id),
        _ => return refuse(StatusCode::UNPROCESSABLE_ENTITY, lang, "error-required"),
    };
    match answer(&s.db, shopper).await {
        Ok(a) => Json(MayShopAnswer {
            member_id: a.member_id,
            may_shop: a.may_shop,
            report: a.report,
        })
        .into_response(),
        Err(services::Error::NotFound) => refuse(StatusCode::NOT_FOUND, lang, "error-not-found"),
        // A card that cannot be looked up (a NUL character): the reason, as a 422.
        Err(services::Error::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(serde_json::json!({
                "error": errors.first().map(|e| i18n::reason(lang.0, &e.reason)).unwrap_or_default()
            })),
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "may-shop failed");
            refuse(StatusCode::INTERNAL_SERVER_ERROR, lang, "error-internal")
        }
    }
}
