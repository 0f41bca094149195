//! Request middleware: who is asking (session cookie), in which language, a tracing span with
//! the request id, and the refusal of cross-site state-changing requests.

use app::ssr::{CurrentViewer, RequestLanguage};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::Language;
use http::{header, Method, StatusCode};
use services::{accounts, Services};

pub const SESSION_COOKIE: &str = "ruche_session";
pub const LANG_COOKIE: &str = "ruche_lang";

/// A cookie's value from the request's `Cookie` headers.
pub fn cookie(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Looks the session up and records the person and the language in the request.
pub async fn session(mut req: Request, next: Next) -> Response {
    let services = req.extensions().get::<Services>().cloned();
    let viewer = match (services, cookie(req.headers(), SESSION_COOKIE)) {
        (Some(s), Some(token)) => match accounts::viewer_for_session(&s.db, &token).await {
            Ok(v) => v,
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                return (StatusCode::SERVICE_UNAVAILABLE, "service unavailable").into_response();
            }
        },
        _ => None,
    };
    let lang = cookie(req.headers(), LANG_COOKIE)
        .and_then(|c| Language::parse(&c))
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Language::from_accept_language)
        })
        .unwrap_or_default();
    if let Some(v) = &viewer {
        tracing::Span::current().record("user", tracing::field::display(v.user_id));
    }
    req.extensions_mut().insert(CurrentViewer(viewer));
    req.extensions_mut().insert(RequestLanguage(lang));
    next.run(req).await
}

/// Refuses state-changing requests sent from another site (cross-site request forgery): the
/// browser's `Sec-Fetch-Site` must not say cross-site, and an `Origin`, when present, must be
/// this host. Cookies are SameSite=Lax as well.
pub async fn same_origin(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let cross_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site");
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let foreign_origin = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|origin| {
            let origin_host = origin.split("://").nth(1).unwrap_or(origin);
            Some(origin_host) != host
        });
    if cross_site || foreign_origin {
        tracing::warn!(method = %req.method(), uri = %req.uri(), "cross-site request refused");
        return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
    }
    next.run(req).await
}

/// The tracing span of a request, with its id.
pub fn span(req: &http::Request<axum::body::Body>) -> tracing::Span {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    // A calendar feed's address is its secret: keep it out of the logs.
    let uri = if req.uri().path().starts_with("/calendar/") {
        "/calendar/(secret).ics".to_string()
    } else {
        req.uri().to_string()
    };
    tracing::info_span!("request", method = %req.method(), uri = %uri, request_id = %id, user = tracing::field::Empty)
}
