//! The stock manager's CSV imports as plain form posts (`multipart/form-data`), so that they
//! work without JavaScript: the products (`POST /stock/import`) and a supplier's price list
//! (`POST /stock/suppliers/{id}/import`). The file (or the pasted text) goes to the same
//! service as everywhere, with the same role check, and the answer is the import's page itself,
//! rendered with the outcome: the counts, or every bad row with its line and reason.

use app::api::till::STOCK_KEEPERS;
use app::error::AppError;
use app::pages::stock::import::PostedImport;
use app::ssr::CurrentViewer;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::response::{IntoResponse, Response};
use domain::register::ImportOutcome;
use domain::Viewer;
use http::request::Parts;
use http::{header, StatusCode};
use leptos::prelude::*;
use services::{stock, till, Services};
use uuid::Uuid;

/// A posted import: the request's parts, the stock manager and the services, and the CSV.
struct Posted {
    parts: Parts,
    viewer: Viewer,
    services: Services,
    csv: String,
}

/// Reads a posted import. Anonymous people are sent to sign in and back to `page` (302),
/// people without the stock manager's role get 403, and a body that is not a form gets 400.
async fn read_posted(req: Request, page: &str) -> Result<Posted, Response> {
    let (parts, body) = req.into_parts();
    let viewer = parts
        .extensions
        .get::<CurrentViewer>()
        .and_then(|v| v.0.clone());
    let viewer = match viewer {
        None => {
            let to = format!("/sign-in?next={page}");
            return Err((StatusCode::FOUND, [(header::LOCATION, to)]).into_response());
        }
        Some(v) if !v.may(STOCK_KEEPERS) => return Err(StatusCode::FORBIDDEN.into_response()),
        Some(v) => v,
    };
    let Some(services) = parts.extensions.get::<Services>().cloned() else {
        return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
    };
    let form = Request::from_parts(parts.clone(), body);
    let Ok(multipart) = Multipart::from_request(form, &()).await else {
        return Err(StatusCode::BAD_REQUEST.into_response());
    };
    let Some(csv) = posted_csv(multipart).await else {
        return Err(StatusCode::BAD_REQUEST.into_response());
    };
    Ok(Posted {
        parts,
        viewer,
        services,
        csv,
    })
}

/// The page of the import, rendered with its outcome, as the answer to the post.
async fn answer(
    options: LeptosOptions,
    parts: Parts,
    outcome: Result<ImportOutcome, services::Error>,
    what: &str,
) -> Response {
    let outcome = outcome.map_err(AppError::from);
    if let Err(AppError::Internal) = &outcome {
        tracing::error!("{what} import failed");
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

/// `POST /stock/import`: imports the posted file, else the posted text (`csv`), all or nothing,
/// and answers the import page with the outcome. Nothing is imported when refused (see
/// [`read_posted`]).
pub async fn import_products(State(options): State<LeptosOptions>, req: Request) -> Response {
    let p = match read_posted(req, "/stock/import").await {
        Ok(p) => p,
        Err(refused) => return refused,
    };
    let outcome = till::import::import_csv(&p.services, &p.viewer, &p.csv).await;
    answer(options, p.parts, outcome, "products").await
}

/// `POST /stock/suppliers/{id}/import`: imports the supplier's posted price list, all or
/// nothing, and answers the supplier's page with the outcome; an unknown supplier's page says
/// it does not exist. Nothing is imported when refused (see [`read_posted`]).
pub async fn import_price_list(
    State(options): State<LeptosOptions>,
    Path(id): Path<Uuid>,
    req: Request,
) -> Response {
    let p = match read_posted(req, &format!("/stock/suppliers/{id}")).await {
        Ok(p) => p,
        Err(refused) => return refused,
    };
    let outcome = stock::suppliers::import_price_list(&p.services, &p.viewer, id, &p.csv).await;
    // The page the answer renders is the supplier's own.
    let mut parts = p.parts;
    if let Ok(uri) = format!("/stock/suppliers/{id}").parse() {
        parts.uri = uri;
    }
    answer(options, parts, outcome, "price list").await
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
