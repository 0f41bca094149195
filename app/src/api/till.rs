//! Till server functions: the catalogue (kept by stock managers, loaded and scanned by the
//! tills), drawer sessions, sales and returns (cashiers), and stock moves by hand (stock
//! managers). Admins may do everything. Each one authorises, then calls one service of
//! `services::till`.

use crate::error::AppError;
use domain::register::ImportOutcome;
use domain::till::{BarcodeRule, Count, DrawerReport, ProductForm};
use domain::Role;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use services_types::*;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {crate::ssr::authorize, services::till};

/// The types the till's server functions exchange, from the services when on the server and
/// mirrored for the browser build.
#[cfg(feature = "ssr")]
mod services_types {
    pub use services::till::catalogue::{CatalogueChanges, CatalogueProduct, Category, Lookup};
    pub use services::till::drawer::{DrawerSession, Till, ZReport};
    pub use services::till::returns::{ReturnDraft, ReturnReceipt};
    pub use services::till::sale::{Receipt, SaleDraft};
    pub use services::till::stock::MoveKind;
}
