//! The products CSV import as a plain form post (`multipart/form-data`), so that it works
//! without JavaScript: the file (or the pasted text) goes to the same service as everywhere,
//! with the same role check, and the answer is the import page itself, rendered with the
//! outcome: the counts, or every bad row with its line and reason.

use app::api::till::STOCK_KEEPERS;
use app::error::AppError;
use app::pages::stock::import::PostedImport;
use app::ssr::CurrentViewer;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::response::{IntoResponse, Response};
use http::{header, StatusCode};
use leptos::prelude::*;
use services::{till, Services};

/// `POST /stock/import`: imports the posted file, else the posted text (`csv`), all or nothing,
/// and answers the import page with the outcome.
///
/// Anonymous people are sent to sign in (302), people without the stock manager's role get
/// 403, and a body that is not a form gets 400; nothing is imported in those cases.
pub async fn import_products(State(options): State<LeptosOptions>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let viewer = parts
        .extensions
        .get::<CurrentViewer>()
        .and_then(|v| v.0.clone());
    let viewer = match viewer {
        None => {
            return (
                StatusCode::FOUND,
                [(header::LOCATION, "/sign-in?next=/stock/import")],
            )
                .into_response()
        }
        Some(v) if !v.may(STOCK_KEEPERS) => return StatusCode::FORBIDDEN.into_response(),
        Some(v) => v,
    };
    let Some(s) = parts.extensions.get::<Services>().cloned() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let form = Request::from_parts(parts.clone(), body);
    let Ok(multipart) = Multipart::from_request(form, &()).await else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let Some(csv) = posted_csv(multipart).await else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let outcome = till::import::import_csv(&s, &viewer, &csv)
        .await
        .map_err(AppError::from);
    if let Err(AppError::Internal) = &outcome {
        tracing::error!("products import failed");
    }
    let posted = PostedImport(outcome);
    let render = leptos_axum::render_app_async_with_context(
        move || provide_context(posted.clone()),
        move || app::shell(options.clone()),
    );
    let mut page = Request::from_parts(parts, Body::empty());
    *page.method_mut() = http::Method::GET;
    render(page).await
}

/// The CSV of the form: the chosen file when there is one, else the pasted text.
async fn posted_csv(mut multipart: Multipart) -> Option<String> {
    let (mut file, mut text) = (None, None);
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("file") => file = Some(field.text().await.ok()?),
            Some("csv") => text = Some(field.text().await.ok()?),
            _ => {}
        }
    }
    file.filter(|f| !f.trim().is_empty()).or(text)
}
