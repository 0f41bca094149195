//! Configuration from environment variables; each one is documented in the README.

use std::env;

#[derive(Debug, Clone)]
pub struct Smtp {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: String,
    /// `SMTP_TLS`: `starttls` (the default), `tls` (implicit TLS, port 465) or `none` (a relay
    /// on the same machine or network).
    pub tls: SmtpTls,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    StartTls,
    Tls,
    None,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`; defaults to the embedded SQLite file `data/ruche.db`.
    pub database_url: String,
    /// `RUCHE_BASE_URL`: where people reach ruche, for links in mails.
    pub base_url: String,
    /// `RUCHE_SECURE_COOKIES=1` when served over HTTPS.
    pub secure_cookies: bool,
    /// `RUCHE_DEMO=1` loads the demo coop at start, into an empty database only.
    pub load_demo: bool,
    /// `RUCHE_TRUST_PROXY=1`: ruche runs behind a reverse proxy, and a request's client
    /// address is the last one of its `X-Forwarded-For`.
    pub trust_proxy: bool,
    /// `RUCHE_ADMIN_EMAIL` and `RUCHE_ADMIN_PASSWORD`: the first admin, when there is none.
    pub first_admin: Option<(String, String)>,
    /// `SMTP_HOST`, `SMTP_PORT`, `SMTP_USERNAME`, `SMTP_PASSWORD`, `SMTP_FROM`: when set,
    /// mail is sent as well as kept in the outbox.
    pub smtp: Option<Smtp>,
    /// Days a session lasts without signing in again.
    pub session_days: i64,
}

impl Config {
    pub fn from_env() -> Self {
        let var = |k: &str| env::var(k).ok().filter(|v| !v.trim().is_empty());
        let site = var("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        Config {
            database_url: var("DATABASE_URL")
                .unwrap_or_else(|| "sqlite://data/ruche.db?mode=rwc".into()),
            base_url: var("RUCHE_BASE_URL").unwrap_or_else(|| format!("http://{site}")),
            secure_cookies: var("RUCHE_SECURE_COOKIES").is_some_and(|v| v == "1"),
            load_demo: var("RUCHE_DEMO").is_some_and(|v| v == "1"),
            trust_proxy: var("RUCHE_TRUST_PROXY").is_some_and(|v| v == "1"),
            first_admin: var("RUCHE_ADMIN_EMAIL").zip(var("RUCHE_ADMIN_PASSWORD")),
            smtp: var("SMTP_HOST").map(|host| Smtp {
                host,
                port: var("SMTP_PORT").and_then(|p| p.parse().ok()).unwrap_or(587),
                username: var("SMTP_USERNAME"),
                password: var("SMTP_PASSWORD"),
                from: var("SMTP_FROM").unwrap_or_else(|| "ruche <noreply@localhost>".into()),
                tls: match var("SMTP_TLS").as_deref() {
                    Some("none") => SmtpTls::None,
                    Some("tls") => SmtpTls::Tls,
                    _ => SmtpTls::StartTls,
                },
            }),
            session_days: 30,
        }
    }

    /// A configuration for tests: the given database, no demo, no SMTP.
    pub fn for_tests(database_url: &str) -> Self {
        Config {
            database_url: database_url.to_string(),
            base_url: "http://127.0.0.1:3000".into(),
            secure_cookies: false,
            load_demo: false,
            trust_proxy: false,
            first_admin: None,
            smtp: None,
            session_days: 30,
        }
    }
}
