//! A sale as the till sends it to the server (made offline if need be, with an id the till
//! makes itself) and the receipt the server answers with. Amounts are integer cents and
//! quantities integer milli-units, so they travel and compare exactly.

use super::drawer::VatCents;
use super::payment::Tender;
use super::vat::VatRate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How much of a product a line sells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Quantity {
    /// Pieces, kilograms or litres in milli-units; lines of the same product merge on the
    /// till, so a sale has one plain line per product.
    Plain { milli: i64 },
    /// From a scale label or the till's scale, in milli-units.
    Weighed { milli: i64 },
    /// From a price label: the price is the line's gross.
    PriceEmbedded { label_price_cents: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineDraft {
    pub product_id: Uuid,
    /// The price per unit with VAT that the till charged.
    pub unit_price_cents: i64,
    pub quantity: Quantity,
    /// Hundredths of a percent: 1000 is 10 %.
    pub discount_bp: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentDraft {
    pub tender: Tender,
    /// For cash, what the member handed over, change included.
    pub amount_cents: i64,
}

/// A supervisor letting a member who may not shop buy anyway, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverrideDraft {
    pub supervisor_id: Uuid,
    pub reason: String,
}

/// A sale as the till sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaleDraft {
    /// Made by the till: sending the sale again sends the same id.
    pub id: Uuid,
    pub session_id: Uuid,
    pub member_id: Uuid,
    /// When the till rang it up.
    pub sold_at_ms: i64,
    pub lines: Vec<LineDraft>,
    pub payments: Vec<PaymentDraft>,
    pub supervisor_override: Option<OverrideDraft>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptLine {
    pub id: Uuid,
    /// From 0, in the order of the sale.
    pub line_no: u32,
    pub product_id: Uuid,
    pub name: String,
    pub quantity_milli: i64,
    pub unit_price_cents: i64,
    pub gross_cents: i64,
    pub discount_cents: i64,
    pub deposit_cents: i64,
    pub total_cents: i64,
    pub vat_rate: VatRate,
}

/// A recorded sale, as printed on the receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub id: Uuid,
    pub receipt_number: i64,
    pub session_id: Uuid,
    pub member_id: Uuid,
    pub cashier_id: Uuid,
    pub sold_at_ms: i64,
    pub lines: Vec<ReceiptLine>,
    pub vat: Vec<VatCents>,
    pub total_cents: i64,
    pub discount_cents: i64,
    pub payments: Vec<PaymentDraft>,
    pub change_cents: i64,
    /// Cash rounding: positive when the coop collected less than the total.
    pub rounding_cents: i64,
    pub overridden: bool,
}
