//! The stock ledger's words: every change of stock is a move (sale, return, reception,
//! inventory adjustment, loss with a reason), so the quantity on hand is the sum of the moves.
//!
//! - [`cost`]: cost prices by the pack, and what a quantity is worth at cost.
//! - [`pricing`]: the margin that applies and the sale price a cost computes.
//! - [`supplier`]: the supplier form, a product's supplier lines and the price list CSV.
//! - [`labels`]: shelf labels: the price per kilogram or litre and the barcode as SVG.
//! - [`reports`]: the reports' rows, sums and CSV files.
//! - [`reorder`]: reorder suggestions and the purchase order's states.
//! - [`purchase`]: purchase orders and receptions as the screens show them.
//! - [`count`]: inventory counts: counters' lines merged, expected quantities, adjustments.

pub mod cost;
pub mod count;
pub mod labels;
pub mod pricing;
pub mod purchase;
pub mod reorder;
pub mod reports;
pub mod supplier;

use crate::money::parse_amount;
use crate::till::to_milli;
use crate::validation::Reason;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The largest stock move by hand, either way, in milli-units: a million pieces, kilograms or
/// litres. Past it is a typing error or an attack, and the sums of the ledger stay far from
/// `i64`'s limits.
pub const MAX_MOVE_MILLI: i64 = 1_000_000_000;

/// The reasons of a loss a stock manager picks from; the ledger stores the code.
pub const LOSS_REASONS: [&str; 4] = ["expired", "damaged", "stolen", "own_use"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    Sale,
    Return,
    Reception,
    Adjustment,
    Loss,
}

impl MoveKind {
    pub const ALL: [MoveKind; 5] = [
        MoveKind::Sale,
        MoveKind::Return,
        MoveKind::Reception,
        MoveKind::Adjustment,
        MoveKind::Loss,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MoveKind::Sale => "sale",
            MoveKind::Return => "return",
            MoveKind::Reception => "reception",
            MoveKind::Adjustment => "adjustment",
            MoveKind::Loss => "loss",
        }
    }

    pub fn parse(s: &str) -> Option<MoveKind> {
        MoveKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One move of the ledger: `quantity_milli` is positive into stock, negative out of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockMove {
    pub product_id: Uuid,
    pub quantity_milli: i64,
    pub kind: MoveKind,
    pub reason: Option<String>,
    /// The sale line or return line behind the move.
    pub reference_id: Option<Uuid>,
    pub at_ms: i64,
    /// What the move is worth at the day's cost, in cents, when the product has a cost.
    pub value_cents: Option<i64>,
}

impl StockMove {
    /// A move without reason or reference.
    pub fn new(product_id: Uuid, quantity_milli: i64, kind: MoveKind, at_ms: i64) -> Self {
        StockMove {
            product_id,
            quantity_milli,
            kind,
            reason: None,
            reference_id: None,
            at_ms,
            value_cents: None,
        }
    }
}

/// The moves a stock manager records by hand: a reception, an inventory adjustment, a loss.
pub const MANUAL_MOVES: [MoveKind; 3] = [MoveKind::Reception, MoveKind::Adjustment, MoveKind::Loss];

/// The signed quantity in milli-units of a move typed by hand: a reception or a loss is typed
/// as the (positive) quantity received or lost, an adjustment with its sign (`-2` when two
/// are missing). Commas and points both mark decimals; at most three decimals.
///
/// Errors: `BadQuantity` for anything but a positive quantity where one is needed (or too many
/// decimals), `ZeroQuantity` for an adjustment of zero, `Malformed` for sales and returns,
/// whose moves come with them.
pub fn typed_quantity(kind: MoveKind, typed: &str) -> Result<i64, Reason> {
    let milli = parse_amount(typed)
        .and_then(to_milli)
        .ok_or(Reason::BadQuantity)?;
    match kind {
        MoveKind::Reception if milli > 0 => Ok(milli),
        MoveKind::Loss if milli > 0 => Ok(-milli),
        MoveKind::Adjustment if milli != 0 => Ok(milli),
        MoveKind::Adjustment => Err(Reason::ZeroQuantity),
        MoveKind::Reception | MoveKind::Loss => Err(Reason::BadQuantity),
        MoveKind::Sale | MoveKind::Return => Err(Reason::Malformed),
    }
}

/// A product's stock: the quantity on hand and its latest moves, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductStock {
    pub on_hand_milli: i64,
    pub recent: Vec<StockMove>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_typed_by_hand() {
        use MoveKind::*;
        let cases = [
            (Reception, "12", Ok(12_000)),
            (Reception, "1,5", Ok(1_500)),
            (Reception, "0.125", Ok(125)),
            (Reception, "0", Err(Reason::BadQuantity)),
            (Reception, "-3", Err(Reason::BadQuantity)),
            (Reception, "0.0005", Err(Reason::BadQuantity)),
            (Reception, "douze", Err(Reason::BadQuantity)),
            (Reception, "", Err(Reason::BadQuantity)),
            (Loss, "2", Ok(-2_000)),
            (Loss, "-2", Err(Reason::BadQuantity)),
            (Adjustment, "-2", Ok(-2_000)),
            (Adjustment, " 3,25 ", Ok(3_250)),
            (Adjustment, "0", Err(Reason::ZeroQuantity)),
            (Sale, "1", Err(Reason::Malformed)),
            (Return, "1", Err(Reason::Malformed)),
        ];
        for (kind, typed, expected) in cases {
            assert_eq!(typed_quantity(kind, typed), expected, "{kind:?} {typed:?}");
        }
    }

    #[test]
    fn kinds_read_back() {
        for k in MoveKind::ALL {
            assert_eq!(MoveKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(MoveKind::parse("gift"), None);
    }
}
