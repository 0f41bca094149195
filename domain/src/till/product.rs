//! What the till knows of a product to sell it: its price with VAT, its unit, its VAT rate, its
//! deposit and whether meal vouchers may pay for it; and the search by name the cashier types.

use super::vat::VatRate;
use crate::search::fold;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The unit a product is sold by; quantities of kg and litres have up to three decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Piece,
    Kg,
    Litre,
}

impl Unit {
    pub const ALL: [Unit; 3] = [Unit::Piece, Unit::Kg, Unit::Litre];

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Piece => "piece",
            Unit::Kg => "kg",
            Unit::Litre => "litre",
        }
    }

    pub fn parse(s: &str) -> Option<Unit> {
        let s = s.trim().to_lowercase();
        Unit::ALL.into_iter().find(|u| u.as_str() == s)
    }
}

/// A returnable container's deposit, per unit sold, with its own VAT rate (0 % unless the coop
/// decides otherwise: a deposit that is refunded is outside the VAT base).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deposit {
    pub amount: Decimal,
    pub vat_rate: VatRate,
}

/// A product as the till sells it. `unit_price` includes VAT and is per `unit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub id: Uuid,
    pub name: String,
    pub unit: Unit,
    pub unit_price: Decimal,
    pub vat_rate: VatRate,
    pub deposit: Option<Deposit>,
    pub meal_voucher: bool,
}

impl Product {
    /// Whether the name holds every word of the query, ignoring case and accents:
    /// "creme fraiche" finds "Crème fraîche bio".
    pub fn matches(&self, query: &str) -> bool {
        let name = fold(&self.name);
        fold(query)
            .split_whitespace()
            .all(|word| name.contains(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_by_name_ignores_case_and_accents() {
        let p = Product {
            id: Uuid::nil(),
            name: "Crème fraîche BIO 20 cl".to_string(),
            unit: Unit::Piece,
            unit_price: Decimal::new(249, 2),
            vat_rate: VatRate(600),
            deposit: None,
            meal_voucher: true,
        };
        let cases = [
            ("creme", true),
            ("FRAICHE creme", true),
            ("bio 20", true),
            ("  ", true),
            ("crème épaisse", false),
            ("lait", false),
        ];
        for (query, expected) in cases {
            assert_eq!(p.matches(query), expected, "{query}");
        }
    }
}
