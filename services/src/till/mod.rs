//! The till on the server: the catalogue the tills load and scan against, drawer sessions with
//! their cash and reports, sales and returns, and the stock moves they make. The rules live in
//! `domain::till` (nomenclature, baskets, VAT, payments, cash rounding, returns, drawer
//! reports); these services load what the rules need, call them inside one write transaction
//! per change, and store their outcome.
//!
//! - [`catalogue`]: categories, products and their barcodes, the barcode nomenclature, what
//!   changed since a catalogue version (for the offline till), and scanning a code.
//! - [`import`]: the products CSV import, all or nothing.
//! - [`drawer`]: tills, drawer sessions (one open per till), cash in and out, X and Z reports.
//! - [`overrides`]: a supervisor's override, granted at the till with their password.
//! - [`sale`]: posting a sale the till made, once, whatever how often it is sent; receipts.
//! - [`shopper`]: the member at the till and whether they may shop.
//! - [`returns`]: returns against a receipt, never more than was sold.
//! - [`stock`]: the stock ledger: moves and the quantity on hand.
//! - [`recorded`]: sales written straight into the ledger (tests, benchmarks, the demo).

pub mod catalogue;
pub mod drawer;
pub mod import;
pub mod overrides;
pub mod recorded;
pub mod returns;
pub mod sale;
pub mod shopper;
pub mod stock;

use crate::error::{Error, Result};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, TryInsertResult};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The SHA-256 of what a till sent, to tell a resent sale or return from another one that
/// reuses its id.
fn content_hash(content: &impl Serialize) -> Result<String> {
    let json = serde_json::to_vec(content)
        .map_err(|e| Error::Db(sea_orm::DbErr::Custom(format!("hashing a sale: {e}"))))?;
    Ok(hex::encode(Sha256::digest(json)))
}

/// Inserts the row of a sale or return that a till made unless a row with its id (column
/// `id`) exists already, also one another transaction is writing; whether it was inserted.
async fn insert_once<A: ActiveModelTrait>(
    db: &impl ConnectionTrait,
    row: A,
    id: <A::Entity as EntityTrait>::Column,
) -> Result<bool> {
    let inserted = <A::Entity as EntityTrait>::insert(row)
        .on_conflict_do_nothing_on([id])
        .exec_without_returning(db)
        .await?;
    Ok(matches!(inserted, TryInsertResult::Inserted(n) if n > 0))
}

/// Integer milli-units or cents from a checked decimal of the basket; the basket only holds
/// amounts with at most three decimals, so this never fails for them.
fn milli(quantity: rust_decimal::Decimal) -> i64 {
    domain::till::to_milli(quantity).expect("basket quantities are whole milli-units")
}

fn cents(amount: rust_decimal::Decimal) -> i64 {
    domain::money::to_cents(amount).expect("basket amounts are whole cents")
}
