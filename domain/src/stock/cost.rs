//! Cost prices. A supplier invoices packs: `pack_cost_cents` (excluding VAT) for `pack_milli`
//! milli-units of the product's unit. A cost exists only with a supplier; the product's cost is
//! its preferred supplier's. What stock is worth is computed in integers from the pack, so a
//! quantity is valued the same way everywhere (reception, count, loss, report), rounded once to
//! the cent, half away from zero.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A product's cost as its supplier sells it: one pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackCost {
    /// Milli-units of the product's unit in one pack; always above zero.
    pub pack_milli: i64,
    /// The cost of one pack excluding VAT, in cents.
    pub pack_cost_cents: i64,
}

impl PackCost {
    /// `None` for a pack size of zero or less, or a negative cost.
    pub fn new(pack_milli: i64, pack_cost_cents: i64) -> Option<PackCost> {
        (pack_milli > 0 && pack_cost_cents >= 0).then_some(PackCost {
            pack_milli,
            pack_cost_cents,
        })
    }

    /// The cost of one unit (piece, kilogram, litre) excluding VAT, in euros, unrounded.
    pub fn unit_cost(self) -> Decimal {
        Decimal::from(self.pack_cost_cents) * Decimal::from(1000)
            / Decimal::from(self.pack_milli)
            / Decimal::ONE_HUNDRED
    }

    /// What `quantity_milli` is worth at this cost, in cents, rounded half away from zero;
    /// negative for a negative quantity.
    pub fn value_cents(self, quantity_milli: i64) -> i64 {
        let num = i128::from(quantity_milli) * i128::from(self.pack_cost_cents);
        let den = i128::from(self.pack_milli);
        let rounded = (2 * num.abs() + den) / (2 * den);
        let signed = if num < 0 { -rounded } else { rounded };
        // |quantity| is bounded by the ledger's limits, so this fits; saturate all the same.
        i64::try_from(signed).unwrap_or(if signed < 0 { i64::MIN } else { i64::MAX })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn packs_value_quantities_to_the_cent() {
        // 12 pieces for 10.00: one piece is 0.8333..., three are 2.50.
        let dozen = PackCost::new(12_000, 1_000).unwrap();
        assert_eq!(dozen.unit_cost().round_dp(4), Decimal::new(8333, 4));
        assert_eq!(dozen.value_cents(3_000), 250);
        assert_eq!(dozen.value_cents(1_000), 83);
        assert_eq!(dozen.value_cents(-1_000), -83);
        assert_eq!(dozen.value_cents(0), 0);
        // A 5 kg sack for 7.45: 250 g are worth 0.3725, rounded half away from zero.
        let sack = PackCost::new(5_000, 745).unwrap();
        assert_eq!(sack.value_cents(250), 37);
        assert_eq!(sack.value_cents(-250), -37);
        assert_eq!(PackCost::new(2_000, 1).unwrap().value_cents(1_000), 1);
        assert_eq!(PackCost::new(2_000, 1).unwrap().value_cents(-1_000), -1);
    }

    #[test]
    fn empty_packs_and_negative_costs_are_refused() {
        assert_eq!(PackCost::new(0, 100), None);
        assert_eq!(PackCost::new(-1, 100), None);
        assert_eq!(PackCost::new(1_000, -1), None);
        assert!(PackCost::new(1_000, 0).is_some());
    }

    proptest! {
        #[test]
        fn whole_packs_are_worth_their_cost(
            pack in 1i64..1_000_000, cost in 0i64..10_000_000, packs in -1_000i64..1_000
        ) {
            let p = PackCost::new(pack, cost).unwrap();
            prop_assert_eq!(p.value_cents(pack * packs), cost * packs);
        }

        #[test]
        fn the_value_is_the_decimal_value_rounded(
            pack in 1i64..1_000_000, cost in 0i64..10_000_000, q in -1_000_000_000i64..1_000_000_000
        ) {
            let p = PackCost::new(pack, cost).unwrap();
            let exact = Decimal::from(q) * Decimal::from(cost) / Decimal::from(pack);
            let rounded = exact.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            prop_assert_eq!(Decimal::from(p.value_cents(q)), rounded);
        }
    }
}
