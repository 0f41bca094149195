//! The sign-in endpoints. They take plain HTML form posts and answer with a redirect (303),
//! so signing in, out and resetting a password work without JavaScript; errors come back as a
//! message key in the query string, shown by the page in the person's language.

use crate::middleware::{LANG_COOKIE, SESSION_COOKIE};
use app::ssr::{ClientAddress, CurrentViewer};
use app::url::{encode, landing, local_path};
use axum::extract::Form;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use domain::Language;
use http::header::SET_COOKIE;
use serde::Deserialize;
use services::error::Error;
use services::{accounts, Services};

fn cookie(s: &Services, name: &str, value: &str, max_age_s: i64) -> String {
    let secure = if s.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_s}{secure}")
}

fn internal(e: Error) -> Response {
    tracing::error!(error = %e, "auth endpoint failed");
    (http::StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
}

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
}

/// Fields echoed back into the sign-in page's address are cut to this many characters.
const ECHO_MAX: usize = 300;

fn echo(value: &str) -> String {
    encode(&value.trim().chars().take(ECHO_MAX).collect::<String>())
}

pub async fn sign_in(
    Extension(s): Extension<Services>,
    Extension(client): Extension<ClientAddress>,
    Form(f): Form<SignInForm>,
) -> Response {
    let back = |error: &str, extra: String| {
        Redirect::to(&format!(
            "/sign-in?error={error}&email={}&next={}{extra}",
            echo(&f.email),
            echo(&f.next)
        ))
        .into_response()
    };
    match accounts::sign_in_from(&s, client.0, &f.email, &f.password).await {
        Ok(signed) => {
            tracing::info!(user = %signed.viewer.user_id, "signed in");
            (
                [(
                    SET_COOKIE,
                    cookie(&s, SESSION_COOKIE, &signed.token, signed.max_age_s),
                )],
                Redirect::to(&landing(&f.next, &signed.viewer)),
            )
                .into_response()
        }
        // An email that cannot be looked up (a NUL character) belongs to nobody.
        Err(Error::BadCredentials | Error::Invalid(_)) => back("bad_credentials", String::new()),
        Err(Error::TooManyAttempts { retry_after_s }) => back(
            "too_many",
            format!("&minutes={}", (retry_after_s + 59) / 60),
        ),
        Err(e) => internal(e),
    }
}

pub async fn sign_out(Extension(s): Extension<Services>, headers: http::HeaderMap) -> Response {
    if let Some(token) = crate::middleware::cookie(&headers, SESSION_COOKIE) {
        if let Err(e) = accounts::sign_out(&s.db, &token).await {
            return internal(e);
        }
    }
    (
        [(SET_COOKIE, cookie(&s, SESSION_COOKIE, "", 0))],
        Redirect::to("/sign-in?notice=signed_out"),
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct ForgotForm {
    email: String,
}

pub async fn forgot(
    Extension(s): Extension<Services>,
    Extension(client): Extension<ClientAddress>,
    Form(f): Form<ForgotForm>,
) -> Response {
    match accounts::request_password_reset(&s, client.0, &f.email).await {
        Ok(()) => Redirect::to("/forgot-password?notice=sent").into_response(),
        Err(Error::Invalid(_)) => {
            Redirect::to("/forgot-password?error=invalid_email").into_response()
        }
        Err(Error::TooManyAttempts { retry_after_s }) => Redirect::to(&format!(
            "/forgot-password?error=too_many&minutes={}",
            (retry_after_s + 59) / 60
        ))
        .into_response(),
        Err(e) => internal(e),
    }
}

/// The query key of a refused new password.
fn password_error(e: &Error) -> &'static str {
    match e {
        Error::TokenInvalid => "token_invalid",
        Error::TooManyAttempts { .. } => "too_many",
        Error::Invalid(errors) => match errors.first().map(|e| &e.reason) {
            Some(domain::validation::Reason::PasswordTooShort { .. }) => "password_short",
            Some(domain::validation::Reason::TooLong { .. }) => "password_long",
            _ => "invalid",
        },
        _ => "invalid",
    }
}

#[derive(Deserialize)]
pub struct ResetForm {
    token: String,
    password: String,
    confirm: String,
}

pub async fn reset(Extension(s): Extension<Services>, Form(f): Form<ResetForm>) -> Response {
    let back = |error: &str| {
        Redirect::to(&format!(
            "/reset-password?token={}&error={error}",
            encode(&f.token)
        ))
        .into_response()
    };
    if f.password != f.confirm {
        return back("passwords_differ");
    }
    match accounts::reset_password(&s, &f.token, &f.password).await {
        Ok(()) => Redirect::to("/sign-in?notice=reset_done").into_response(),
        Err(e @ (Error::TokenInvalid | Error::Invalid(_) | Error::TooManyAttempts { .. })) => {
            back(password_error(&e))
        }
        Err(e) => internal(e),
    }
}

#[derive(Deserialize)]
pub struct SetupForm {
    token: String,
    name: String,
    email: String,
    password: String,
    confirm: String,
}

pub async fn setup(Extension(s): Extension<Services>, Form(f): Form<SetupForm>) -> Response {
    let back = |error: &str| {
        Redirect::to(&format!("/setup?token={}&error={error}", encode(&f.token))).into_response()
    };
    if f.password != f.confirm {
        return back("passwords_differ");
    }
    match accounts::complete_setup(&s, &f.token, &f.name, &f.email, &f.password).await {
        Ok(()) => Redirect::to("/sign-in?notice=setup_done").into_response(),
        Err(e @ (Error::TokenInvalid | Error::Invalid(_))) => back(password_error(&e)),
        Err(e) => internal(e),
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    back: String,
}

/// Switches the language: a cookie for everyone, and the preference of a signed-in person.
pub async fn language(
    Extension(s): Extension<Services>,
    Extension(viewer): Extension<CurrentViewer>,
    Form(f): Form<LanguageForm>,
) -> Response {
    let Some(lang) = Language::parse(&f.lang) else {
        return (http::StatusCode::UNPROCESSABLE_ENTITY, "unknown language").into_response();
    };
    if let Some(v) = viewer.0 {
        if let Err(e) = accounts::set_language(&s, v.user_id, lang).await {
            return internal(e);
        }
    }
    (
        [(
            SET_COOKIE,
            cookie(&s, LANG_COOKIE, lang.code(), 365 * 24 * 3600),
        )],
        Redirect::to(&local_path(&f.back)),
    )
        .into_response()
}
