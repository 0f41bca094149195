//! Till server functions: the catalogue (kept by stock managers, loaded and scanned by the
//! tills), drawer sessions, sales and returns (cashiers), and stock moves by hand (stock
//! managers). Admins may do everything. Each one authorises, then calls one service of
//! `services::till`; the types they exchange live in `domain::till`, so the till's browser
//! code builds and reads them too.

use crate::error::AppError;
use domain::register::ImportOutcome;
use domain::register::MemberSummary;
use domain::shifts::statuses::StatusSnapshot;
use domain::stock::MoveKind;
use domain::till::catalogue::{CatalogueChanges, CatalogueProduct, Category, Lookup};
use domain::till::drawer::{DrawerSession, Till, ZReport};
use domain::till::returns::{ReturnApproval, ReturnDraft, ReturnReceipt};
use domain::till::sale::{GrantedOverride, Receipt, SaleDraft, ShopperView};
use domain::till::{BarcodeRule, Count, DrawerReport, ProductForm};
use domain::Role;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {
    crate::ssr::{authorize, till_device},
    services::till,
};

/// Who sells: cashiers (and admins).
pub const CASHIERS: &[Role] = &[Role::Cashier];
/// Who keeps the catalogue and the stock: stock managers (and admins).
pub const STOCK_KEEPERS: &[Role] = &[Role::StockManager];
/// Who may close another cashier's drawer session: supervisors (and admins); cashiers close
/// their own.
pub const SESSION_CLOSERS: &[Role] = &[Role::Cashier, Role::ShiftLeader, Role::Coordinator];
/// Who reads the catalogue: the tills and the stock managers.
pub const CATALOGUE_READERS: &[Role] = &[Role::Cashier, Role::StockManager];

/// What changed in the catalogue after `since` (0 for all of it), a page at a time.
#[server(endpoint = "till/catalogue/changes", input = Json)]
pub async fn catalogue_since(since: i64, limit: u64) -> Result<CatalogueChanges, AppError> {
    let (s, _) = authorize(CATALOGUE_READERS)?;
    Ok(till::catalogue::changes_since(&s.db, since, limit).await?)
}

/// What a scanned code is, and its product.
#[server(endpoint = "till/catalogue/lookup", input = Json)]
pub async fn scan_code(code: String) -> Result<Lookup, AppError> {
    let (s, _) = authorize(CATALOGUE_READERS)?;
    Ok(till::catalogue::lookup(&s.db, &code).await?)
}

#[server(endpoint = "till/catalogue/create", input = Json)]
pub async fn create_product(form: ProductForm) -> Result<CatalogueProduct, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    Ok(till::catalogue::create_product(&s, &v, &form).await?)
}

#[server(endpoint = "till/catalogue/update", input = Json)]
pub async fn update_product(id: Uuid, form: ProductForm) -> Result<CatalogueProduct, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    Ok(till::catalogue::update_product(&s, &v, id, &form).await?)
}

#[server(endpoint = "till/catalogue/category", input = Json)]
pub async fn create_category(name: String) -> Result<Category, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    Ok(till::catalogue::create_category(&s, &v, &name).await?)
}

/// Renames a category; another category's name is refused.
#[server(endpoint = "till/catalogue/category/rename", input = Json)]
pub async fn rename_category(id: Uuid, name: String) -> Result<Category, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    Ok(till::catalogue::rename_category(&s, &v, id, &name).await?)
}

/// Imports products from CSV, all or nothing.
#[server(endpoint = "till/catalogue/import", input = Json)]
pub async fn import_products(csv: String) -> Result<ImportOutcome, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    Ok(till::import::import_csv(&s, &v, &csv).await?)
}

/// Replaces the barcode nomenclature; returns the rules as saved.
#[server(endpoint = "till/nomenclature/save", input = Json)]
pub async fn save_nomenclature(rules: Vec<BarcodeRule>) -> Result<Vec<BarcodeRule>, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let saved = till::catalogue::set_nomenclature(&s, &v, rules).await?;
    Ok(saved.rules().cloned().collect())
}

/// The tills, and the open drawer session of each.
#[server(endpoint = "till/tills", input = Json)]
pub async fn tills() -> Result<Vec<(Till, Option<DrawerSession>)>, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    let mut out = Vec::new();
    for t in till::drawer::tills(&s.db).await? {
        let open = till::drawer::open_session_of(&s.db, t.id).await?;
        out.push((t, open));
    }
    Ok(out)
}

/// Adds a till (admins only).
#[server(endpoint = "till/tills/create", input = Json)]
pub async fn create_till(name: String) -> Result<Till, AppError> {
    let (s, v) = authorize(super::ADMINS)?;
    Ok(till::drawer::create_till(&s, &v, &name).await?)
}

#[server(endpoint = "till/session/open", input = Json)]
pub async fn open_session(till_id: Uuid, float: Vec<Count>) -> Result<DrawerSession, AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let device = till_device(&s, true);
    Ok(till::drawer::open_session(&s, &v, &device, till_id, &float).await?)
}

/// Cash put in (positive) or taken out (negative) of the drawer, with a reason.
#[server(endpoint = "till/session/cash", input = Json)]
pub async fn cash_move(
    session_id: Uuid,
    amount_cents: i64,
    reason: String,
) -> Result<(), AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let device = till_device(&s, false);
    Ok(till::drawer::cash_move(&s, &v, &device, session_id, amount_cents, &reason).await?)
}

#[server(endpoint = "till/session/x-report", input = Json)]
pub async fn x_report(session_id: Uuid) -> Result<DrawerReport, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    Ok(till::drawer::x_report(&s.db, session_id).await?)
}

/// Closes a drawer session: the cashier who holds it, on its device, or a supervisor.
#[server(endpoint = "till/session/close", input = Json)]
pub async fn close_session(session_id: Uuid, counted: Vec<Count>) -> Result<ZReport, AppError> {
    let (s, v) = authorize(SESSION_CLOSERS)?;
    let device = till_device(&s, false);
    Ok(till::drawer::close_session(&s, &v, &device, session_id, &counted).await?)
}

/// Records a sale the till made; sending it again answers the same receipt.
#[server(endpoint = "till/sale", input = Json)]
pub async fn post_sale(sale: SaleDraft) -> Result<Receipt, AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let device = till_device(&s, false);
    Ok(till::sale::post_sale(&s, &v, &device, &sale).await?)
}

/// A receipt by its number, to print again or to return goods from.
#[server(endpoint = "till/receipt", input = Json)]
pub async fn find_receipt(number: i64) -> Result<Receipt, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    Ok(till::sale::by_receipt_number(&s.db, number).await?)
}

/// Records a return; sending it again answers the same return.
#[server(endpoint = "till/return", input = Json)]
pub async fn post_return(draft: ReturnDraft) -> Result<ReturnReceipt, AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let device = till_device(&s, false);
    Ok(till::returns::post_return(&s, &v, &device, &draft).await?)
}

/// Every member who can come to a till, with their cards, status and may-shop answer and when
/// it was read: the till keeps it to check members while the server cannot be reached.
#[server(endpoint = "till/members", input = Json)]
pub async fn member_statuses() -> Result<StatusSnapshot, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    Ok(services::shifts::snapshot::status_snapshot(&s.db, services::today()).await?)
}

/// A reception, an inventory adjustment or a loss, by hand.
#[server(endpoint = "till/stock/move", input = Json)]
pub async fn stock_move(
    product_id: Uuid,
    quantity_milli: i64,
    kind: MoveKind,
    reason: String,
) -> Result<(), AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    Ok(till::stock::record(&s, &v, product_id, quantity_milli, kind, &reason).await?)
}

/// The member at the till, by their card (or a household person's) or their id, and whether
/// they may shop today. Errors: `NotFound`; `Invalid` when neither is given.
#[server(endpoint = "till/shopper", input = Json)]
pub async fn shopper(
    card: Option<String>,
    member_id: Option<Uuid>,
) -> Result<ShopperView, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    let who = super::shifts::shopper_of(&card, member_id)?;
    Ok(till::shopper::shopper(&s.db, who).await?)
}

/// Current members by number, name or card, for the cashier to pick.
#[server(endpoint = "till/shoppers", input = Json)]
pub async fn find_shoppers(query: String) -> Result<Vec<MemberSummary>, AppError> {
    let (s, _) = authorize(CASHIERS)?;
    Ok(till::shopper::find(&s.db, &query).await?)
}

/// A supervisor, signing in at the till with their own email and password, lets a member who
/// may not shop buy anyway, with a reason; the sale then names the override's id.
#[server(endpoint = "till/override", input = Json)]
pub async fn grant_override(
    member_id: Uuid,
    email: String,
    password: String,
    reason: String,
) -> Result<GrantedOverride, AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let client = crate::ssr::client_address();
    Ok(till::overrides::grant_from(&s, client, &v, member_id, &email, &password, &reason).await?)
}

/// A supervisor, signing in at the till with their own email and password, approves a return
/// of sale `sale_id` the cashier may not make alone (another tender than the sale's, or above
/// the coop's limit), with a reason; the return then names the approval's id.
#[server(endpoint = "till/return/approve", input = Json)]
pub async fn approve_return(
    sale_id: Uuid,
    email: String,
    password: String,
    reason: String,
) -> Result<ReturnApproval, AppError> {
    let (s, v) = authorize(CASHIERS)?;
    let client = crate::ssr::client_address();
    Ok(till::overrides::grant_return(&s, client, &v, sale_id, &email, &password, &reason).await?)
}

/// Mails a copy of a receipt to the address the member gives.
#[server(endpoint = "till/receipt/email", input = Json)]
pub async fn email_receipt(number: i64, to: String) -> Result<(), AppError> {
    let (s, v) = authorize(CASHIERS)?;
    Ok(till::sale::email_receipt(&s, &v, number, &to).await?)
}
