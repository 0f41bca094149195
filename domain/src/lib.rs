//! Ruche's domain rules as plain Rust: barcodes and member cards, languages, roles, the member
//! register's validation and CSV format, and share holdings. Nothing here touches a database,
//! HTTP or the UI, so the server and the WASM front-end run the very same rules.

pub mod barcode;
pub mod card;
pub mod csv_table;
pub mod language;
pub mod member;
pub mod member_csv;
pub mod money;
pub mod outbox;
pub mod register;
pub mod role;
pub mod search;
pub mod session;
pub mod shares;
pub mod shifts;
pub mod stock;
pub mod till;
pub mod validation;

pub use language::Language;
pub use role::Role;
pub use session::Viewer;
