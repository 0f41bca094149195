//! Purchase orders and receptions as the stock manager's screens show them: the suggestions of
//! a supplier, an order with its lines, a reception with the differences from its order.

use super::reorder::OrderState;
use super::MAX_MOVE_MILLI;
use crate::money::{parse_amount, to_cents};
use crate::till::{to_milli, Unit};
use crate::validation::Reason;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The largest pack cost, in cents: a million euros. Past it is a typing error.
pub const MAX_PACK_COST_CENTS: i64 = 100_000_000;

/// A quantity received as typed (`12`, `1,5`, `0.250`), in milli-units; zero takes a line
/// away.
///
/// Errors: `BadQuantity` when it does not read, is below zero or has more than three
/// decimals; `OutOfRange` past a million units.
pub fn received_quantity(typed: &str) -> Result<i64, Reason> {
    let milli = parse_amount(typed)
        .and_then(to_milli)
        .filter(|m| *m >= 0)
        .ok_or(Reason::BadQuantity)?;
    if milli > MAX_MOVE_MILLI {
        return Err(Reason::OutOfRange {
            min: 0,
            max: MAX_MOVE_MILLI / 1000,
        });
    }
    Ok(milli)
}

/// A pack cost as typed (`12,40`), in cents; `None` when left empty.
///
/// Errors: `BadAmount` when it does not read, is below zero, has more than two decimals or
/// is above [`MAX_PACK_COST_CENTS`].
pub fn typed_pack_cost(typed: &str) -> Result<Option<i64>, Reason> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    parse_amount(typed)
        .and_then(to_cents)
        .filter(|c| (0..=MAX_PACK_COST_CENTS).contains(c))
        .map(Some)
        .ok_or(Reason::BadAmount)
}

/// A supplier to pick from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierChoice {
    pub id: Uuid,
    pub name: String,
}

/// One product of a supplier's suggestions: what sold, what is there and what to order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestionLine {
    pub product_id: Uuid,
    pub name: String,
    pub unit: Unit,
    /// The supplier's code for the product.
    pub code: String,
    pub pack_milli: i64,
    pub pack_cost_cents: i64,
    /// Sold over the window, less returns.
    pub sold_milli: i64,
    pub on_hand_milli: i64,
    pub on_order_milli: i64,
    /// Whole packs to order; zero when the stock covers the days.
    pub packs: i64,
}

/// What to order from a supplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestions {
    pub supplier_id: Uuid,
    pub supplier_name: String,
    pub window_days: u32,
    pub coverage_days: u32,
    pub lead_days: u32,
    pub min_order_cents: i64,
    /// Every product of the supplier (it is their preferred one, or they have none preferred),
    /// those to order first.
    pub lines: Vec<SuggestionLine>,
    pub total_cents: i64,
    /// The order needs something but stays below the supplier's minimum.
    pub below_minimum: bool,
}

/// An order in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub id: Uuid,
    pub number: i64,
    pub supplier_name: String,
    pub state: OrderState,
    pub lines: u64,
    pub total_cents: i64,
    pub created_at_ms: i64,
}

/// One line of an order: packs at the pack size and cost of the day it was ordered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub product_id: Uuid,
    pub name: String,
    pub unit: Unit,
    pub code: String,
    pub packs: i64,
    pub pack_milli: i64,
    pub pack_cost_cents: i64,
    /// Received so far, over every validated reception.
    pub received_milli: i64,
}

impl OrderLine {
    pub fn ordered_milli(&self) -> i64 {
        self.packs.saturating_mul(self.pack_milli)
    }

    pub fn total_cents(&self) -> i64 {
        self.packs.saturating_mul(self.pack_cost_cents)
    }

    /// Still expected: ordered less received, never below zero.
    pub fn expected_milli(&self) -> i64 {
        (self.ordered_milli() - self.received_milli).max(0)
    }
}

/// A purchase order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: Uuid,
    pub number: i64,
    pub supplier_id: Uuid,
    pub supplier_name: String,
    pub order_email: String,
    pub min_order_cents: i64,
    pub state: OrderState,
    pub note: String,
    pub created_at_ms: i64,
    pub sent_at_ms: Option<i64>,
    pub received_at_ms: Option<i64>,
    pub lines: Vec<OrderLine>,
    pub total_cents: i64,
    /// The reception of this order in progress, if any.
    pub open_reception: Option<Uuid>,
}

/// How a reception line compares with its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difference {
    /// Received what was expected.
    AsOrdered,
    /// Less than expected, by `missing_milli`.
    Short { missing_milli: i64 },
    /// More than expected, by `extra_milli`.
    Over { extra_milli: i64 },
    /// Received, but not on the order: allowed, and flagged.
    NotOnOrder,
    /// On the order and not received (yet) in this reception.
    Missing,
}

/// One line of a reception: what came in (once scanned), against what the order still
/// expects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceptionLine {
    pub product_id: Uuid,
    pub name: String,
    pub unit: Unit,
    /// Received in this reception; `None` until scanned.
    pub received_milli: Option<i64>,
    /// What the order still expects of it (ordered less received by earlier receptions);
    /// `None` when the product is not on the order, or the reception has none.
    pub expected_milli: Option<i64>,
    /// A pack cost that differs from the supplier's, typed at the reception.
    pub pack_cost_cents: Option<i64>,
}

impl ReceptionLine {
    /// How the line compares with its order; `None` for a reception without order.
    pub fn difference(&self, with_order: bool) -> Option<Difference> {
        if !with_order {
            return None;
        }
        Some(match (self.received_milli, self.expected_milli) {
            (None, _) => Difference::Missing,
            (Some(_), None) => Difference::NotOnOrder,
            (Some(r), Some(e)) if r == e => Difference::AsOrdered,
            (Some(r), Some(e)) if r < e => Difference::Short {
                missing_milli: e - r,
            },
            (Some(r), Some(e)) => Difference::Over { extra_milli: r - e },
        })
    }
}

/// A reception of goods, from an order or without one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reception {
    pub id: Uuid,
    pub order_id: Option<Uuid>,
    pub order_number: Option<i64>,
    pub supplier_id: Uuid,
    pub supplier_name: String,
    pub validated: bool,
    pub started_at_ms: i64,
    pub validated_at_ms: Option<i64>,
    /// Lines received, newest first, then those of the order not received yet.
    pub lines: Vec<ReceptionLine>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reception_lines_compare_with_the_order() {
        let line = |received, expected| ReceptionLine {
            product_id: Uuid::nil(),
            name: String::new(),
            unit: Unit::Piece,
            received_milli: received,
            expected_milli: expected,
            pack_cost_cents: None,
        };
        let cases = [
            (Some(12_000), Some(12_000), Some(Difference::AsOrdered)),
            (
                Some(10_000),
                Some(12_000),
                Some(Difference::Short {
                    missing_milli: 2_000,
                }),
            ),
            (
                Some(13_000),
                Some(12_000),
                Some(Difference::Over { extra_milli: 1_000 }),
            ),
            (Some(1_000), None, Some(Difference::NotOnOrder)),
            (None, Some(12_000), Some(Difference::Missing)),
        ];
        for (received, expected, difference) in cases {
            assert_eq!(line(received, expected).difference(true), difference);
            assert_eq!(line(received, expected).difference(false), None);
        }
    }

    #[test]
    fn quantities_and_costs_typed_at_the_reception() {
        let quantities = [
            ("12", Ok(12_000)),
            ("1,5", Ok(1_500)),
            (" 0.250 ", Ok(250)),
            ("0", Ok(0)),
            ("-1", Err(Reason::BadQuantity)),
            ("0.0001", Err(Reason::BadQuantity)),
            ("twelve", Err(Reason::BadQuantity)),
            ("", Err(Reason::BadQuantity)),
            ("1000000", Ok(MAX_MOVE_MILLI)),
            (
                "1000000.001",
                Err(Reason::OutOfRange {
                    min: 0,
                    max: 1_000_000,
                }),
            ),
            ("1e30", Err(Reason::BadQuantity)),
            ("99999999999999999999999", Err(Reason::BadQuantity)),
        ];
        for (typed, expected) in quantities {
            assert_eq!(received_quantity(typed), expected, "{typed:?}");
        }
        let costs = [
            ("", Ok(None)),
            ("  ", Ok(None)),
            ("12,40", Ok(Some(1_240))),
            ("0", Ok(Some(0))),
            ("1000000", Ok(Some(MAX_PACK_COST_CENTS))),
            ("1000000.01", Err(Reason::BadAmount)),
            ("-1", Err(Reason::BadAmount)),
            ("1.001", Err(Reason::BadAmount)),
            ("cheap", Err(Reason::BadAmount)),
        ];
        for (typed, expected) in costs {
            assert_eq!(typed_pack_cost(typed), expected, "{typed:?}");
        }
    }

    #[test]
    fn order_lines_count_packs() {
        let l = OrderLine {
            product_id: Uuid::nil(),
            name: String::new(),
            unit: Unit::Kg,
            code: String::new(),
            packs: 3,
            pack_milli: 5_000,
            pack_cost_cents: 745,
            received_milli: 16_000,
        };
        assert_eq!(l.ordered_milli(), 15_000);
        assert_eq!(l.total_cents(), 2_235);
        assert_eq!(l.expected_milli(), 0);
    }
}
