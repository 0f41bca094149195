//! Request middleware: who is asking (session cookie) and from which address, in which
//! language, a tracing span with the request id (secrets in addresses left out), the refusal
//! of cross-site state-changing requests, and the security headers of every response.

use app::ssr::{ClientAddress, CurrentViewer, RequestLanguage};
use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::Language;
use http::{header, HeaderValue, Method, StatusCode};
use services::{accounts, Services};
use std::net::{IpAddr, SocketAddr};

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
    tracing::info_span!("request", method = %req.method(), uri = %logged_uri(req.uri()), request_id = %id, user = tracing::field::Empty)
}

/// A request's address as the log shows it, without the secrets some addresses carry: a
/// calendar feed's address is its secret, and reset and setup links carry theirs in `token`.
pub fn logged_uri(uri: &http::Uri) -> String {
    if uri.path().starts_with("/calendar/") {
        return "/calendar/(secret).ics".to_string();
    }
    let Some(query) = uri.query() else {
        return uri.to_string();
    };
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if key.eq_ignore_ascii_case("token") => format!("{key}=(secret)"),
            _ => pair.to_string(),
        })
        .collect();
    format!("{}?{}", uri.path(), query.join("&"))
}

/// Records the client's address in the request: the peer's, or, behind a proxy the
/// configuration trusts (`RUCHE_TRUST_PROXY=1`), the last address of `X-Forwarded-For` (the
/// one the proxy saw).
pub async fn client_address(mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let trust_proxy = req
        .extensions()
        .get::<Services>()
        .is_some_and(|s| s.config.trust_proxy);
    let forwarded = trust_proxy
        .then(|| {
            req.headers()
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .last()
                .and_then(|a| a.trim().parse::<IpAddr>().ok())
        })
        .flatten();
    req.extensions_mut()
        .insert(ClientAddress(forwarded.or(peer)));
    next.run(req).await
}

/// The security headers of every response: the Content-Security-Policy (a page sets its own,
/// naming its scripts' nonce; any other response gets the policy without inline scripts), no
/// framing, no guessing of content types, no address sent to other sites, and HTTPS only
/// (HSTS) when the cookies are secure, that is when ruche is served over HTTPS.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let hsts = req
        .extensions()
        .get::<Services>()
        .is_some_and(|s| s.config.secure_cookies);
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        if let Ok(v) = HeaderValue::from_str(&app::ssr::content_security_policy(None)) {
            headers.insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::logged_uri;

    #[test]
    fn secrets_in_addresses_stay_out_of_the_log() {
        let cases = [
            ("/calendar/0123abcd.ics", "/calendar/(secret).ics"),
            (
                "/reset-password?token=abc123",
                "/reset-password?token=(secret)",
            ),
            (
                "/reset-password?token=abc123&error=token_invalid",
                "/reset-password?token=(secret)&error=token_invalid",
            ),
            ("/setup?error=x&TOKEN=abc", "/setup?error=x&TOKEN=(secret)"),
            (
                "/admin/members?q=peeters&page=2",
                "/admin/members?q=peeters&page=2",
            ),
            ("/sign-in", "/sign-in"),
        ];
        for (uri, logged) in cases {
            assert_eq!(logged_uri(&uri.parse().unwrap()), logged, "{uri}");
        }
    }
}
