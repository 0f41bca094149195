//! Paying a sale: cash, card and electronic meal vouchers, split as the member likes. Card and
//! vouchers are exact and never give change; change is given in cash only. When cash is part
//! of the payment, the part of the total left after card and vouchers is rounded to 5 cents
//! (Belgian cash rounding) and the rounding difference is returned to be recorded.

use super::rounding::round_cash;
use crate::money::to_cents;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tender {
    Cash,
    Card,
    MealVoucher,
}

/// One amount handed over: for cash, what the member gave, change included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub tender: Tender,
    pub amount: Decimal,
}

/// How a sale was paid. Always
/// `cash + card + meal_vouchers - change + rounding == total`, and `cash - change` is the
/// cash that stays in the drawer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    pub total: Decimal,
    pub cash: Decimal,
    pub card: Decimal,
    pub meal_vouchers: Decimal,
    pub change: Decimal,
    /// The cash rounding: positive when the coop collected less than the total.
    pub rounding: Decimal,
}

/// Why a payment cannot settle a sale.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PaymentError {
    #[error("an amount cannot be negative")]
    NegativeAmount,
    #[error("an amount is in whole cents")]
    FractionOfCent,
    #[error("meal vouchers pay at most {eligible} here")]
    VouchersAboveEligible { eligible: Decimal },
    #[error("card and meal vouchers pay {excess} too much: change is given in cash only")]
    NonCashOverpayment { excess: Decimal },
    #[error("{missing} is still to be paid")]
    ShortPayment { missing: Decimal },
}

/// Settles a sale of `total`, of which meal vouchers may pay at most `eligible`.
///
/// Card and vouchers pay first, exactly. What is left is due in cash as soon as the payments
/// hold a cash entry (a cash entry of zero means "the rest in cash"): it is rounded to 5 cents
/// and any cash above it is change. Without a cash entry nothing is rounded.
///
/// Errors: a negative amount or a fraction of a cent anywhere; vouchers above `eligible`;
/// card and vouchers together above the total; too little paid, with what is missing.
pub fn settle(
    total: Decimal,
    eligible: Decimal,
    payments: &[Payment],
) -> Result<Settlement, PaymentError> {
    for amount in [total, eligible]
        .into_iter()
        .chain(payments.iter().map(|p| p.amount))
    {
        if amount < Decimal::ZERO {
            return Err(PaymentError::NegativeAmount);
        }
        to_cents(amount).ok_or(PaymentError::FractionOfCent)?;
    }
    let sum = |tender| -> Decimal {
        payments
            .iter()
            .filter(|p| p.tender == tender)
            .map(|p| p.amount)
            .sum()
    };
    let (cash, card, meal_vouchers) = (
        sum(Tender::Cash),
        sum(Tender::Card),
        sum(Tender::MealVoucher),
    );
    if meal_vouchers > eligible {
        return Err(PaymentError::VouchersAboveEligible { eligible });
    }
    let left = total - card - meal_vouchers;
    if left < Decimal::ZERO {
        return Err(PaymentError::NonCashOverpayment { excess: -left });
    }
    let (due, rounding) = if payments.iter().any(|p| p.tender == Tender::Cash) {
        let r = round_cash(left);
        (r.rounded, r.difference)
    } else {
        (left, Decimal::ZERO)
    };
    if cash < due {
        return Err(PaymentError::ShortPayment {
            missing: due - cash,
        });
    }
    Ok(Settlement {
        total,
        cash,
        card,
        meal_vouchers,
        change: cash - due,
        rounding,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn pay(tender: Tender, amount: &str) -> Payment {
        Payment {
            tender,
            amount: d(amount),
        }
    }

    use Tender::{Card, Cash, MealVoucher};

    #[test]
    fn settlements() {
        // (total, eligible, payments) -> (change, rounding)
        let cases = [
            ("10.02", "0", vec![pay(Card, "10.02")], ("0", "0")),
            ("10.02", "0", vec![pay(Cash, "10.00")], ("0", "0.02")),
            ("10.03", "0", vec![pay(Cash, "20.00")], ("9.95", "-0.02")),
            ("10.08", "0", vec![pay(Cash, "10.10")], ("0", "-0.02")),
            ("10.00", "0", vec![pay(Cash, "50")], ("40.00", "0")),
            // Card pays 5.00, 7.37 is left in cash: rounded to 7.35.
            (
                "12.37",
                "0",
                vec![pay(Card, "5.00"), pay(Cash, "10")],
                ("2.65", "0.02"),
            ),
            // Vouchers 8.00 of eligible 9.00, the rest 4.37 by card: exact.
            (
                "12.37",
                "9.00",
                vec![pay(MealVoucher, "8.00"), pay(Card, "4.37")],
                ("0", "0"),
            ),
            // All three: 12.37 - 8.00 - 2.00 = 2.37, paid 2.35 in cash.
            (
                "12.37",
                "9.00",
                vec![
                    pay(MealVoucher, "8.00"),
                    pay(Card, "2.00"),
                    pay(Cash, "2.35"),
                ],
                ("0", "0.02"),
            ),
            // Two voucher payments and two cash payments add up.
            (
                "20.00",
                "20.00",
                vec![
                    pay(MealVoucher, "6"),
                    pay(MealVoucher, "4"),
                    pay(Cash, "5"),
                    pay(Cash, "10"),
                ],
                ("5", "0"),
            ),
            // A cash entry of zero takes the last 2 cents, rounded away.
            (
                "10.02",
                "0",
                vec![pay(Card, "10.00"), pay(Cash, "0")],
                ("0", "0.02"),
            ),
            ("0", "0", vec![], ("0", "0")),
        ];
        for (total, eligible, payments, (change, rounding)) in cases {
            let s = settle(d(total), d(eligible), &payments).unwrap();
            assert_eq!(s.change, d(change), "{total} {payments:?}");
            assert_eq!(s.rounding, d(rounding), "{total} {payments:?}");
            assert_eq!(
                s.cash + s.card + s.meal_vouchers - s.change + s.rounding,
                d(total)
            );
        }
    }

    #[test]
    fn refused_payments() {
        let cases = [
            (
                "10.02",
                "0",
                vec![pay(Card, "10.00")],
                PaymentError::ShortPayment { missing: d("0.02") },
            ),
            (
                "10.02",
                "0",
                vec![pay(Cash, "9.95")],
                PaymentError::ShortPayment { missing: d("0.05") },
            ),
            (
                "10.03",
                "0",
                vec![pay(Cash, "10.03")],
                PaymentError::ShortPayment { missing: d("0.02") },
            ),
            (
                "10.00",
                "0",
                vec![],
                PaymentError::ShortPayment {
                    missing: d("10.00"),
                },
            ),
            (
                "10.00",
                "5.00",
                vec![pay(MealVoucher, "5.01"), pay(Cash, "5")],
                PaymentError::VouchersAboveEligible {
                    eligible: d("5.00"),
                },
            ),
            (
                "10.00",
                "20.00",
                vec![pay(MealVoucher, "10.50")],
                PaymentError::NonCashOverpayment { excess: d("0.50") },
            ),
            (
                "10.00",
                "0",
                vec![pay(Card, "20.00")],
                PaymentError::NonCashOverpayment { excess: d("10.00") },
            ),
            (
                "10.00",
                "0",
                vec![pay(Card, "4"), pay(Card, "7")],
                PaymentError::NonCashOverpayment { excess: d("1.00") },
            ),
            (
                "10.00",
                "0",
                vec![pay(Cash, "20"), pay(Cash, "-10")],
                PaymentError::NegativeAmount,
            ),
            (
                "-10.00",
                "0",
                vec![pay(Cash, "0")],
                PaymentError::NegativeAmount,
            ),
            (
                "10.00",
                "0",
                vec![pay(Cash, "10.001")],
                PaymentError::FractionOfCent,
            ),
        ];
        for (total, eligible, payments, expected) in cases {
            assert_eq!(
                settle(d(total), d(eligible), &payments),
                Err(expected),
                "{total} {payments:?}"
            );
        }
    }
}
