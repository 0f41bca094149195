//! Rounding of money at the till: to the cent for line totals, discounts, deposits and VAT, and
//! the Belgian rounding of cash to 5 cents. Both round half away from zero, so a refund (a
//! negative amount) rounds exactly like the sale it undoes, mirrored.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// Rounds to the cent, half away from zero: 0.125 gives 0.13 and -0.125 gives -0.13.
pub fn round_cents(amount: Decimal) -> Decimal {
    two_decimals(amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// Writes an exact amount with two decimals and without a minus sign on zero.
fn two_decimals(mut amount: Decimal) -> Decimal {
    amount.rescale(2);
    if amount.is_zero() {
        amount.set_sign_positive(true);
    }
    amount
}

/// An amount due in cash after Belgian rounding, and the difference to record.
/// Always `rounded + difference == exact`: a positive difference is money the coop did not
/// collect (10.02 paid as 10.00), a negative one money it collected on top (10.03 paid as 10.05).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashRounding {
    pub rounded: Decimal,
    pub difference: Decimal,
}

/// Rounds an amount paid in cash to the nearest 5 cents: a last digit of 1-2 goes down to 0,
/// 3-4 up to 5, 6-7 down to 5, 8-9 up to 10. The amount is first rounded to the cent. A
/// negative amount (a refund in cash) rounds symmetrically: -10.03 gives -10.05.
pub fn round_cash(amount: Decimal) -> CashRounding {
    let exact = round_cents(amount);
    let twentieths = (exact * Decimal::from(20))
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let rounded = two_decimals(twentieths / Decimal::from(20));
    CashRounding {
        rounded,
        difference: exact - rounded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{from_cents, to_cents};
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn cents_round_half_away_from_zero() {
        let cases = [
            ("0.125", "0.13"),
            ("0.124", "0.12"),
            ("-0.125", "-0.13"),
            ("2.005", "2.01"),
            ("3", "3.00"),
            ("1.999", "2.00"),
        ];
        for (input, expected) in cases {
            let r = round_cents(d(input));
            assert_eq!(r, d(expected), "{input}");
            assert_eq!(r.to_string(), expected, "{input} keeps two decimals");
        }
    }

    #[test]
    fn cash_rounding_of_every_last_digit() {
        let cases = [
            ("10.00", "10.00", "0.00"),
            ("10.01", "10.00", "0.01"),
            ("10.02", "10.00", "0.02"),
            ("10.03", "10.05", "-0.02"),
            ("10.04", "10.05", "-0.01"),
            ("10.05", "10.05", "0.00"),
            ("10.06", "10.05", "0.01"),
            ("10.07", "10.05", "0.02"),
            ("10.08", "10.10", "-0.02"),
            ("10.09", "10.10", "-0.01"),
        ];
        for (amount, rounded, difference) in cases {
            let r = round_cash(d(amount));
            assert_eq!(r.rounded, d(rounded), "{amount}");
            assert_eq!(r.difference, d(difference), "{amount}");
            assert_eq!(
                r.rounded.to_string(),
                rounded,
                "{amount} keeps two decimals"
            );
        }
    }

    #[test]
    fn cash_rounding_of_refunds_is_symmetric() {
        let cases = [
            ("-10.01", "-10.00"),
            ("-10.03", "-10.05"),
            ("-10.07", "-10.05"),
            ("-0.08", "-0.10"),
            ("-0.02", "0.00"),
        ];
        for (amount, rounded) in cases {
            let r = round_cash(d(amount)).rounded;
            assert_eq!(r.to_string(), rounded, "{amount}");
        }
    }

    proptest! {
        #[test]
        fn cash_rounding_is_within_two_cents_on_the_five_cent_grid(cents in -10_000_000i64..10_000_000) {
            let amount = from_cents(cents);
            let r = round_cash(amount);
            prop_assert_eq!(r.rounded + r.difference, amount);
            prop_assert!(r.difference.abs() <= d("0.02"));
            prop_assert_eq!(to_cents(r.rounded).unwrap() % 5, 0);
            prop_assert_eq!(round_cash(-amount).rounded, -r.rounded);
        }
    }
}
