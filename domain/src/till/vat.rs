//! VAT at the till. Rates are data (basis points, so 6 % is 600); the Belgian rates are only
//! defaults. Prices are VAT-inclusive, so VAT is taken out of a gross amount, never added.
//!
//! The rounding rule of the receipt: amounts are summed per rate first, then the VAT of each
//! rate is computed once on that rate's gross total and rounded half away from zero to the
//! cent, and the net is the gross minus that VAT. The nets plus the VATs are therefore the
//! total exactly, whatever the lines.

use super::rounding::round_cents;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A VAT rate in basis points: `VatRate(600)` is 6 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VatRate(pub u32);

impl VatRate {
    pub const ZERO: VatRate = VatRate(0);

    /// The rate as a percentage: 6.00 for `VatRate(600)`.
    pub fn percent(self) -> Decimal {
        Decimal::new(i64::from(self.0), 2)
    }

    /// The VAT inside a VAT-inclusive `gross` amount, rounded half away from zero to the cent.
    pub fn vat_in(self, gross: Decimal) -> Decimal {
        let bp = Decimal::from(self.0);
        round_cents(gross * bp / (Decimal::from(10_000) + bp))
    }
}

/// The Belgian VAT rates (0, 6, 12 and 21 %), the defaults of a new coop.
pub const BELGIAN_RATES: [VatRate; 4] = [VatRate(0), VatRate(600), VatRate(1200), VatRate(2100)];

/// One rate's line on the receipt: `net + vat == gross`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatLine {
    pub rate: VatRate,
    pub gross: Decimal,
    pub net: Decimal,
    pub vat: Decimal,
}

/// The VAT breakdown of a sale, one line per rate used, by increasing rate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatBreakdown {
    pub lines: Vec<VatLine>,
}

impl VatBreakdown {
    /// Sums VAT-inclusive amounts per rate and takes the VAT out of each rate's total.
    pub fn of(amounts: impl IntoIterator<Item = (VatRate, Decimal)>) -> Self {
        let mut per_rate: BTreeMap<VatRate, Decimal> = BTreeMap::new();
        for (rate, amount) in amounts {
            *per_rate.entry(rate).or_default() += amount;
        }
        let lines = per_rate
            .into_iter()
            .map(|(rate, gross)| {
                let gross = round_cents(gross);
                let vat = rate.vat_in(gross);
                VatLine {
                    rate,
                    gross,
                    net: gross - vat,
                    vat,
                }
            })
            .collect();
        VatBreakdown { lines }
    }

    pub fn gross(&self) -> Decimal {
        self.lines.iter().map(|l| l.gross).sum()
    }

    pub fn net(&self) -> Decimal {
        self.lines.iter().map(|l| l.net).sum()
    }

    pub fn vat(&self) -> Decimal {
        self.lines.iter().map(|l| l.vat).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::from_cents;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn vat_inside_gross_amounts() {
        let cases = [
            (600, "10.60", "0.60"),
            (600, "1.00", "0.06"), // 0.0566 up
            (600, "2.49", "0.14"), // 0.14094 down
            (2100, "12.10", "2.10"),
            (2100, "1.00", "0.17"), // 0.17355 up
            (1200, "5.00", "0.54"), // 0.53571 up
            (0, "7.35", "0.00"),
            (600, "-10.60", "-0.60"),
        ];
        for (bp, gross, vat) in cases {
            assert_eq!(VatRate(bp).vat_in(d(gross)), d(vat), "{bp} {gross}");
        }
        assert_eq!(VatRate(600).percent(), d("6"));
        assert_eq!(VatRate(2100).percent().to_string(), "21.00");
    }

    #[test]
    fn breakdown_sums_per_rate_before_rounding() {
        // Three lines of 1.00 at 6 %: 0.06 each if rounded per line (0.18), 0.17 on the total.
        let b = VatBreakdown::of([
            (VatRate(600), d("1.00")),
            (VatRate(2100), d("3.50")),
            (VatRate(600), d("1.00")),
            (VatRate(0), d("0.10")),
            (VatRate(600), d("1.00")),
        ]);
        let expected = [
            (0, "0.10", "0.10", "0.00"),
            (600, "3.00", "2.83", "0.17"),
            (2100, "3.50", "2.89", "0.61"),
        ];
        assert_eq!(b.lines.len(), expected.len());
        for (line, (bp, gross, net, vat)) in b.lines.iter().zip(expected) {
            assert_eq!(line.rate, VatRate(bp));
            assert_eq!(line.gross, d(gross), "{bp}");
            assert_eq!(line.net, d(net), "{bp}");
            assert_eq!(line.vat, d(vat), "{bp}");
        }
        assert_eq!(b.gross(), d("6.60"));
        assert_eq!(b.net(), d("5.82"));
        assert_eq!(b.vat(), d("0.78"));
    }

    #[test]
    fn an_empty_sale_has_no_vat_lines() {
        let b = VatBreakdown::of([]);
        assert!(b.lines.is_empty());
        assert_eq!(b.gross(), Decimal::ZERO);
    }

    proptest! {
        #[test]
        fn nets_plus_vats_are_the_total(
            amounts in proptest::collection::vec((0usize..4, 0i64..100_000), 0..30)
        ) {
            let amounts: Vec<_> = amounts
                .into_iter()
                .map(|(r, c)| (BELGIAN_RATES[r], from_cents(c)))
                .collect();
            let total: Decimal = amounts.iter().map(|(_, a)| *a).sum();
            let b = VatBreakdown::of(amounts);
            prop_assert_eq!(b.gross(), total);
            prop_assert_eq!(b.net() + b.vat(), total);
            for line in &b.lines {
                prop_assert_eq!(line.net + line.vat, line.gross);
                // The VAT is the net times the rate, to within the rounding of one cent.
                let exact = line.net * line.rate.percent() / Decimal::ONE_HUNDRED;
                prop_assert!((exact - line.vat).abs() <= d("0.01"));
            }
        }
    }
}
