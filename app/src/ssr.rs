//! Server-side glue for the server functions: who is asking, with which role, and how the
//! services' errors become HTTP statuses. Authorisation happens here, on the server, for
//! every server function.

use crate::error::AppError;
use crate::Session;
use domain::till::{CountError, PaymentError, ScanError};
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

/// The address of the client that sent the request, put in the request's extensions by the
/// server (the peer, or the proxy's `X-Forwarded-For` when configured). `None` when unknown.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientAddress(pub Option<std::net::IpAddr>);

/// The client address of the request being answered.
pub fn client_address() -> Option<std::net::IpAddr> {
    parts()
        .and_then(|p| p.extensions.get::<ClientAddress>().copied())
        .and_then(|c| c.0)
}

/// The Content-Security-Policy of every response: everything from this origin only, scripts
/// from this origin plus the inline scripts Leptos writes into a page (its hydration script
/// and serialised data), which carry the page's `nonce`; WebAssembly compiled from this
/// origin's code ('wasm-unsafe-eval'); no plugins, no `<base>`, forms posting here only, and
/// no framing by any site. Without a nonce (a response that is not a page), no inline script
/// runs at all.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let inline = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{inline} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

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

/// Sets the HTTP status of the response to match an error, and returns the error. A plain form
/// post keeps the redirect that carries its error back to its page.
pub fn fail(e: AppError) -> AppError {
    if posted_plainly() {
        return e;
    }
    let status = match &e {
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::BadRequest => StatusCode::BAD_REQUEST,
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
            E::SessionClosed => till_error("session", Reason::SessionClosed),
            E::SessionAlreadyOpen => till_error("till", Reason::SessionAlreadyOpen),
            E::UnknownBarcode => till_error("code", Reason::UnknownBarcode),
            E::Scan(ScanError::NoRule) => till_error("code", Reason::NoBarcodeRule),
            E::Scan(ScanError::Barcode(_)) => till_error("code", Reason::MisreadBarcode),
            E::MayNotShop { status } => till_error(
                "member",
                Reason::MayNotShop {
                    status: status.as_str().to_string(),
                },
            ),
            E::ReturnExceedsSold {
                returnable_milli, ..
            } => till_error(
                "lines",
                Reason::ReturnExceedsSold {
                    returnable: domain::till::from_milli(returnable_milli)
                        .normalize()
                        .to_string(),
                },
            ),
            E::SaleConflict => till_error("id", Reason::SaleConflict),
            E::Basket(_) => till_error("lines", Reason::BadQuantity),
            E::Payment(error) => till_error("payments", payment_reason(error)),
            E::DiscountNotAllowed { max_percent } => {
                till_error("discount", Reason::DiscountNotAllowed { max: max_percent })
            }
            E::Nomenclature(error) => AppError::Invalid(error.field_errors()),
            E::Count(CountError::UnknownDenomination(_)) => {
                till_error("count", Reason::UnknownDenomination)
            }
            E::Count(CountError::NegativeCount) => till_error("count", Reason::Negative),
            E::Count(CountError::Overflow) => till_error("count", Reason::TooMuchCash),
            E::NotEmpty => {
                tracing::error!("{e}", e = E::NotEmpty);
                AppError::Internal
            }
            E::Db(db) => {
                tracing::error!(error = %db, "database error");
                AppError::Internal
            }
        })
    }
}

/// A refusal of the till, shown as one message (the field is for screens that place it).
fn till_error(field: &str, reason: Reason) -> AppError {
    AppError::Invalid(vec![FieldError::new(field, reason)])
}

fn payment_reason(error: PaymentError) -> Reason {
    match error {
        PaymentError::ShortPayment { missing } => Reason::ShortPayment {
            missing: missing.to_string(),
        },
        PaymentError::VouchersAboveEligible { eligible } => Reason::VouchersAboveEligible {
            eligible: eligible.to_string(),
        },
        PaymentError::NonCashOverpayment { excess } => Reason::NonCashOverpayment {
            excess: excess.to_string(),
        },
        PaymentError::NegativeAmount | PaymentError::FractionOfCent => Reason::BadAmount,
    }
}

/// The cookie that names the till's device: a secret the server makes when the browser first
/// opens a drawer session, HttpOnly so the page's scripts never read it.
pub const DEVICE_COOKIE: &str = "ruche_till";

/// How long a device keeps its secret: ten years (a till is a till until it is reset).
const DEVICE_MAX_AGE_S: i64 = 10 * 365 * 24 * 3600;

/// The till's device making the request, by its cookie; [`services::till::drawer::Device::none`]
/// without one. With `make`, a browser without one gets a new secret in the response's cookie.
pub fn till_device(s: &Services, make: bool) -> services::till::drawer::Device {
    use services::till::drawer::Device;
    let key = parts().and_then(|p| {
        p.headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .find_map(|c| {
                c.trim()
                    .strip_prefix(DEVICE_COOKIE)
                    .and_then(|rest| rest.strip_prefix('='))
                    .filter(|k| !k.is_empty())
                    .map(str::to_string)
            })
    });
    match key {
        Some(key) => Device::of_key(&key),
        None if make => {
            let (key, device) = Device::new_key();
            let secure = if s.config.secure_cookies {
                "; Secure"
            } else {
                ""
            };
            let cookie = format!(
                "{DEVICE_COOKIE}={key}; Path=/; HttpOnly; SameSite=Strict; Max-Age={DEVICE_MAX_AGE_S}{secure}"
            );
            if let (Some(res), Ok(value)) = (
                use_context::<ResponseOptions>(),
                http::HeaderValue::from_str(&cookie),
            ) {
                res.append_header(http::header::SET_COOKIE, value);
            }
            device
        }
        None => Device::none(),
    }
}

/// Where the browser goes after a change sent by a plain HTML form (no JavaScript): `path`,
/// typically the page with a `?notice=`. A call from the hydrated page (which asks for JSON) is
/// answered with the value as usual, and its page shows the outcome itself. Without this, a
/// plain form post goes back to the page it came from (its `Referer`), or, after an error, to
/// that page with the error in `__err`, which the page's `ServerAction` reads back.
pub fn after_plain_form(path: &str) {
    if posted_plainly() {
        leptos_axum::redirect(path);
    }
}

/// Where the browser goes after a plain form post (no JavaScript) that failed: `path` with the
/// error of the server function at `fn_path` in `__err`, as the `ServerAction` of that function
/// on the page reads it back. For a form whose page must show again what was chosen (say
/// `?kind=loss`); others are sent back to their `Referer` by Leptos itself. Returns the error.
pub fn again_after_plain_form(path: &str, fn_path: &str, e: AppError) -> AppError {
    if posted_plainly() {
        let url = leptos::server_fn::error::ServerFnUrlError::new(fn_path, e.clone())
            .to_url(&format!("http://localhost{path}"));
        if let Ok(url) = url {
            leptos_axum::redirect(&format!("{}?{}", url.path(), url.query().unwrap_or("")));
        }
    }
    e
}

/// Whether this request is a form the browser posted itself, without JavaScript.
fn posted_plainly() -> bool {
    parts().is_some_and(|p| p.method == http::Method::POST && plain_form_post(&p))
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

/// Whether the request is a plain HTML form post, from a page without the app's script: the
/// browser asks for HTML, where the script asks for JSON.
fn plain_form_post(parts: &http::request::Parts) -> bool {
    parts
        .headers
        .get(http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// The `ruche_notice` cookie with `value`, or its removal when `value` is empty.
fn notice_cookie(parts: &http::request::Parts, value: &str) -> String {
    let secure = parts
        .extensions
        .get::<Services>()
        .is_some_and(|s| s.config.secure_cookies);
    let max_age = if value.is_empty() { 0 } else { 60 };
    format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        crate::notice::COOKIE,
        if secure { "; Secure" } else { "" }
    )
}

/// Answers a plain form post to a server function (see [`crate::notice`]): sends the browser
/// back (303) to the page the form was on (its `Referer`, else `back`), with what happened in
/// the notice cookie. The app's script gets `result` as it is.
pub fn answer_form<T>(
    result: Result<T, AppError>,
    back: &str,
    done: impl FnOnce(&T) -> crate::notice::Done,
) -> Result<T, AppError> {
    answer_form_keeping(result, back, &[], done)
}

/// [`answer_form`], keeping what the form held (`typed`: names and values) when `result` is a
/// refusal, so that the page fills the form again.
pub fn answer_form_keeping<T>(
    result: Result<T, AppError>,
    back: &str,
    typed: &[(&str, &str)],
    done: impl FnOnce(&T) -> crate::notice::Done,
) -> Result<T, AppError> {
    let (Some(parts), Some(res)) = (parts(), use_context::<ResponseOptions>()) else {
        return result;
    };
    if !plain_form_post(&parts) {
        return result;
    }
    let notice = crate::notice::Notice::of(parts.uri.path(), &result, done).keeping(typed);
    let to = parts
        .headers
        .get(http::header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(crate::url::path_of)
        .unwrap_or(back);
    let headers = [
        (http::header::LOCATION, to.to_string()),
        (
            http::header::SET_COOKIE,
            notice_cookie(&parts, &notice.to_cookie()),
        ),
    ];
    for (name, value) in headers {
        if let Ok(value) = http::HeaderValue::from_str(&value) {
            res.insert_header(name, value);
        }
    }
    res.set_status(StatusCode::SEE_OTHER);
    result
}

/// The notice a plain form post left for the page being rendered, cleared as it is read.
pub fn take_notice() -> Option<crate::notice::Notice> {
    let parts = parts()?;
    let prefix = format!("{}=", crate::notice::COOKIE);
    let value = parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(prefix.as_str()))?;
    if let (Some(res), Ok(clear)) = (
        use_context::<ResponseOptions>(),
        http::HeaderValue::from_str(&notice_cookie(&parts, "")),
    ) {
        res.append_header(http::header::SET_COOKIE, clear);
    }
    crate::notice::Notice::from_cookie(value)
}
