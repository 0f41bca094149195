//! The stock ledger's words: every change of stock is a move (sale, return, reception,
//! inventory adjustment, loss with a reason), so the quantity on hand is the sum of the moves.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

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
        }
    }
}
