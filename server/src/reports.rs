//! The reports as CSV downloads for the accountant and the board:
//! `GET /stock/reports/<report>.csv?from=YYYY-MM-DD&to=YYYY-MM-DD` (the stock value reads only
//! `to`, the day whose end it values). The same roles as the server functions, checked here;
//! the same services; every file written by `domain::csv_table::write`, the one CSV writer,
//! which neutralises cells a spreadsheet would run as formulas. A refusal is plain text in the
//! person's language: 401, 403, or 422 for a period that does not read.

use app::api::reports::STAFFING_READERS;
use app::api::till::STOCK_KEEPERS;
use app::ssr::{CurrentViewer, RequestLanguage};
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use domain::stock::reports::Period;
use domain::Role;
use http::{header, StatusCode};
use serde::Deserialize;
use services::stock::reports;
use services::Services;

/// The downloads: the file's name and who may take it.
pub const REPORTS: [(&str, &[Role]); 8] = [
    ("sales", STOCK_KEEPERS),
    ("categories", STOCK_KEEPERS),
    ("vat-days", STOCK_KEEPERS),
    ("vat-months", STOCK_KEEPERS),
    ("stock-value", STOCK_KEEPERS),
    ("losses", STOCK_KEEPERS),
    ("movers", STOCK_KEEPERS),
    ("staffing", STAFFING_READERS),
];

/// The period as the link carries it; a missing day reads as empty (both missing: this month
/// so far).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PeriodQuery {
    from: String,
    to: String,
}

/// The routes of every download.
pub fn routes<S: Clone + Send + Sync + 'static>(mut router: Router<S>) -> Router<S> {
    for (name, roles) in REPORTS {
        router = router.route(
            &format!("/stock/reports/{name}.csv"),
            get(
                move |s: Extension<Services>,
                      viewer: Extension<CurrentViewer>,
                      lang: Extension<RequestLanguage>,
                      q: Result<Query<PeriodQuery>, QueryRejection>| {
                    download(name, roles, s, viewer, lang, q.map(|q| q.0).ok())
                },
            ),
        );
    }
    router
}

fn refuse(status: StatusCode, message: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response()
}

async fn download(
    name: &'static str,
    roles: &'static [Role],
    Extension(s): Extension<Services>,
    Extension(viewer): Extension<CurrentViewer>,
    Extension(lang): Extension<RequestLanguage>,
    q: Option<PeriodQuery>,
) -> Response {
    let lang = lang.0;
    match viewer.0 {
        None => {
            return refuse(
                StatusCode::UNAUTHORIZED,
                i18n::t(lang, "error-unauthenticated"),
            )
        }
        Some(v) if !v.may(roles) => {
            return refuse(StatusCode::FORBIDDEN, i18n::t(lang, "error-forbidden"))
        }
        Some(_) => {}
    }
    // A query that does not read (a field twice): refused like a bad request.
    let Some(q) = q else {
        return refuse(StatusCode::BAD_REQUEST, i18n::t(lang, "error-bad-request"));
    };
    let from = if name == "stock-value" {
        &q.to
    } else {
        &q.from
    };
    let period = match Period::or_this_month(from, &q.to, services::today()) {
        Ok(p) => p,
        Err(errors) => {
            let message = errors
                .iter()
                .map(|e| format!("{}: {}", e.field, i18n::reason(lang, &e.reason)))
                .collect::<Vec<_>>()
                .join("\n");
            return refuse(StatusCode::UNPROCESSABLE_ENTITY, message);
        }
    };
    let csv = match name {
        "sales" => reports::sales(&s.db, period).await.map(|r| r.csv()),
        "categories" => reports::sales(&s.db, period)
            .await
            .map(|r| r.categories_csv()),
        "vat-days" => reports::vat(&s.db, period).await.map(|r| r.days_csv()),
        "vat-months" => reports::vat(&s.db, period).await.map(|r| r.months_csv()),
        "stock-value" => reports::stock_value(&s.db, period.to)
            .await
            .map(|r| r.csv()),
        "losses" => reports::losses(&s.db, period).await.map(|r| r.csv()),
        "movers" => reports::movers(&s.db, period).await.map(|r| r.csv()),
        _ => reports::staffing(&s.db, period).await.map(|r| r.csv()),
    };
    match csv {
        Ok(csv) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!(
                        "attachment; filename=\"{name}-{}-{}.csv\"",
                        period.from, period.to
                    ),
                ),
            ],
            csv,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, report = name, "report failed");
            refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                i18n::t(lang, "error-internal"),
            )
        }
    }
}
