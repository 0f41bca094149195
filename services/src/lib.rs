//! Ruche's server-side capabilities, organised by what they do for the coop: accounts and
//! sign-in ([`accounts`]), the member register ([`members`]), cooperative shares ([`shares`]),
//! shifts and the work ledger ([`shifts`]), the till and the stock ledger ([`till`]), buying,
//! pricing, counting and reporting on stock ([`stock`]), mail ([`mail`]) and the demo coop
//! ([`demo`]).
//! Each state change is one transaction and returns a domain type or an [`Error`]; the HTTP
//! and server-function layers stay thin.

pub mod accounts;
pub mod audit;
#[cfg(feature = "testing")]
pub mod bulk;
pub mod config;
pub mod db;
pub mod demo;
pub mod entities;
pub mod error;
pub mod group_commit;
pub mod mail;
pub mod members;
pub mod settings;
pub mod shares;
pub mod shifts;
pub mod stock;
#[cfg(feature = "testing")]
pub mod testing;
pub mod throttle;
pub mod till;

pub use config::Config;
pub use error::Error;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// What every request needs: the database and the configuration. Cheap to clone.
#[derive(Clone)]
pub struct Services {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
}

/// Milliseconds since the Unix epoch, the way instants are stored.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Today's date in the coop's time zone (Europe/Brussels is UTC+1 or +2; the date changes at
/// local midnight, which is close enough for the register's dates).
pub fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(1)).date_naive()
}
