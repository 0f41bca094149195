//! Returns against a receipt: never more than was sold, counting what earlier returns already
//! took back, and refunded in proportion to what the line cost. A refund carries its VAT
//! back out, per rate, so that the Z report's VAT is what the coop owes.

use super::basket::LineId;
use super::drawer::VatCents;
use super::payment::Tender;
use super::rounding::round_cents;
use super::vat::{VatBreakdown, VatRate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

/// A line of the original sale: what it sold, what was already returned, what it cost (its
/// total, deposit included), how much of that was the deposit, and the VAT rates of the goods
/// and of the deposit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoldLine {
    pub line: LineId,
    pub quantity: Decimal,
    pub returned: Decimal,
    pub amount: Decimal,
    pub deposit: Decimal,
    pub rate: VatRate,
    pub deposit_rate: VatRate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRequest {
    pub line: LineId,
    pub quantity: Decimal,
}

/// An accepted return of one line and the money it gives back: `refund` in all, of which
/// `deposit_refund` is deposit (at `deposit_rate`) and the rest goods (at `rate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLine {
    pub line: LineId,
    pub quantity: Decimal,
    pub refund: Decimal,
    pub deposit_refund: Decimal,
    pub rate: VatRate,
    pub deposit_rate: VatRate,
}

/// The VAT inside refunds, one line per rate: the goods at their rate, the deposits at theirs,
/// computed like a sale's breakdown so that net + VAT is each rate's refund exactly.
pub fn refund_vat(lines: &[ReturnLine]) -> VatBreakdown {
    VatBreakdown::of(
        lines
            .iter()
            .flat_map(|l| {
                [
                    (l.rate, l.refund - l.deposit_refund),
                    (l.deposit_rate, l.deposit_refund),
                ]
            })
            .filter(|(_, amount)| !amount.is_zero()),
    )
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLineDraft {
    /// The line of the receipt, from 0.
    pub line_no: u32,
    pub quantity_milli: i64,
    /// Back on the shelf; otherwise to waste, with `loss_reason`.
    pub restock: bool,
    pub loss_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnDraft {
    /// Made by the till: sending the return again sends the same id.
    pub id: Uuid,
    pub sale_id: Uuid,
    /// The open session that pays the refund.
    pub session_id: Uuid,
    pub tender: Tender,
    pub at_ms: i64,
    pub lines: Vec<ReturnLineDraft>,
    /// A supervisor's approval, for a refund the cashier may not make alone (another tender
    /// than the sale's, or above the coop's limit).
    #[serde(default)]
    pub approval_id: Option<Uuid>,
}

/// A supervisor's approval of a return the cashier may not make alone, granted at the till
/// with the supervisor's password; the return names it by `id`, and takes it once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnApproval {
    pub id: Uuid,
    pub sale_id: Uuid,
    pub supervisor_name: String,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedLine {
    pub line_no: u32,
    pub quantity_milli: i64,
    pub refund_cents: i64,
}

/// A recorded return: `refund_cents - rounding_cents` was paid back; `vat` is the VAT inside
/// the refund per rate, by increasing rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnReceipt {
    pub id: Uuid,
    pub sale_id: Uuid,
    pub tender: Tender,
    pub refund_cents: i64,
    pub rounding_cents: i64,
    pub lines: Vec<ReturnedLine>,
    pub vat: Vec<VatCents>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReturnError {
    #[error("this line is not on the receipt")]
    UnknownLine(LineId),
    #[error("a quantity returned must be more than zero")]
    QuantityNotPositive,
    #[error("at most {returnable} of this line can still be returned")]
    MoreThanSold { line: LineId, returnable: Decimal },
}

/// Checks the requested returns against the sale, in order (two requests for one line add
/// up), and prices each one.
///
/// A refund is the line's goods and deposit pro rata, each computed on the cumulated quantity
/// returned so that the refunds of a line returned in several goes add up exactly to what it
/// cost: `round(part x (before + q) / sold) - round(part x before / sold)` for the goods
/// (`amount - deposit`) and for the deposit, half away from zero.
///
/// Errors: a line not on the receipt, a quantity that is not positive, or more than what is
/// left of the line (with what can still be returned).
pub fn check_return(
    sold: &[SoldLine],
    requested: &[ReturnRequest],
) -> Result<Vec<ReturnLine>, ReturnError> {
    let mut returned: Vec<Decimal> = sold.iter().map(|s| s.returned).collect();
    requested
        .iter()
        .map(|r| {
            let i = sold
                .iter()
                .position(|s| s.line == r.line)
                .ok_or(ReturnError::UnknownLine(r.line))?;
            let s = &sold[i];
            if r.quantity <= Decimal::ZERO {
                return Err(ReturnError::QuantityNotPositive);
            }
            let before = returned[i];
            if before + r.quantity > s.quantity {
                return Err(ReturnError::MoreThanSold {
                    line: r.line,
                    returnable: (s.quantity - before).max(Decimal::ZERO),
                });
            }
            let after = before + r.quantity;
            let part = |of: Decimal| {
                round_cents(of * after / s.quantity) - round_cents(of * before / s.quantity)
            };
            returned[i] = after;
            let deposit_refund = part(s.deposit);
            Ok(ReturnLine {
                line: r.line,
                quantity: r.quantity,
                refund: part(s.amount - s.deposit) + deposit_refund,
                deposit_refund,
                rate: s.rate,
                deposit_rate: s.deposit_rate,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn sold(line: u32, quantity: &str, returned: &str, amount: &str) -> SoldLine {
        SoldLine {
            line: LineId(line),
            quantity: d(quantity),
            returned: d(returned),
            amount: d(amount),
            deposit: Decimal::ZERO,
            rate: VatRate(600),
            deposit_rate: VatRate::ZERO,
        }
    }

    fn req(line: u32, quantity: &str) -> ReturnRequest {
        ReturnRequest {
            line: LineId(line),
            quantity: d(quantity),
        }
    }

    #[test]
    fn accepted_returns_and_their_refunds() {
        let receipt = [
            sold(0, "3", "0", "10.00"),
            sold(1, "1.250", "0", "23.63"),
            sold(2, "6", "2", "9.30"),
        ];
        // (requests) -> refunds
        let cases = [
            (vec![req(0, "1")], vec!["3.33"]),
            (
                vec![req(0, "1"), req(0, "1"), req(0, "1")],
                vec!["3.33", "3.34", "3.33"],
            ),
            (vec![req(0, "3")], vec!["10.00"]),
            (vec![req(1, "0.5")], vec!["9.45"]),
            (vec![req(2, "4")], vec!["6.20"]),
            (vec![req(2, "1"), req(0, "2")], vec!["1.55", "6.67"]),
        ];
        for (requests, refunds) in cases {
            let got: Vec<String> = check_return(&receipt, &requests)
                .unwrap()
                .iter()
                .map(|r| r.refund.to_string())
                .collect();
            assert_eq!(got, refunds, "{requests:?}");
        }
    }

    #[test]
    fn refused_returns() {
        let receipt = [sold(0, "3", "0", "10.00"), sold(2, "6", "2", "9.30")];
        let cases = [
            (
                vec![req(0, "4")],
                ReturnError::MoreThanSold {
                    line: LineId(0),
                    returnable: d("3"),
                },
            ),
            (
                vec![req(2, "5")],
                ReturnError::MoreThanSold {
                    line: LineId(2),
                    returnable: d("4"),
                },
            ),
            (
                vec![req(0, "2"), req(0, "1.5")],
                ReturnError::MoreThanSold {
                    line: LineId(0),
                    returnable: d("1"),
                },
            ),
            (vec![req(1, "1")], ReturnError::UnknownLine(LineId(1))),
            (vec![req(0, "0")], ReturnError::QuantityNotPositive),
            (vec![req(0, "-1")], ReturnError::QuantityNotPositive),
        ];
        for (requests, expected) in cases {
            assert_eq!(
                check_return(&receipt, &requests),
                Err(expected),
                "{requests:?}"
            );
        }
    }

    #[test]
    fn deposits_and_goods_are_refunded_apart_and_carry_their_vat() {
        // 3 bottles of beer at 21 %, 1.35 each of which 0.10 deposit at 0 %.
        let line = SoldLine {
            deposit: d("0.30"),
            rate: VatRate(2100),
            ..sold(0, "3", "0", "4.05")
        };
        let one = |returned: &str| {
            check_return(
                &[SoldLine {
                    returned: d(returned),
                    ..line
                }],
                &[req(0, "1")],
            )
            .unwrap()
        };
        let (first, second, third) = (one("0"), one("1"), one("2"));
        let refunds: Vec<_> = [&first, &second, &third]
            .iter()
            .map(|r| (r[0].refund.to_string(), r[0].deposit_refund.to_string()))
            .collect();
        assert_eq!(
            refunds,
            [
                ("1.35".to_string(), "0.10".to_string()),
                ("1.35".to_string(), "0.10".to_string()),
                ("1.35".to_string(), "0.10".to_string())
            ]
        );
        let vat = refund_vat(&first);
        let lines: Vec<_> = vat
            .lines
            .iter()
            .map(|l| (l.rate, l.gross.to_string(), l.vat.to_string()))
            .collect();
        assert_eq!(
            lines,
            [
                (VatRate::ZERO, "0.10".to_string(), "0.00".to_string()),
                (VatRate(2100), "1.25".to_string(), "0.22".to_string())
            ]
        );
        assert_eq!(VatCents::of(&vat).iter().map(|v| v.gross).sum::<i64>(), 135);
    }

    proptest! {
        /// However a line is returned, in one go or several, the refunds add up to what it
        /// cost, the deposit parts to its deposit, and each refund's VAT lines to the refund.
        #[test]
        fn piecewise_refunds_add_up_to_the_line(
            quantity in 1i64..20,
            goods in 0i64..10_000,
            deposit in 0i64..500,
            cuts in proptest::collection::vec(1i64..20, 1..6),
        ) {
            let mut line = SoldLine {
                quantity: Decimal::from(quantity),
                deposit: Decimal::new(deposit, 2),
                amount: Decimal::new(goods + deposit, 2),
                deposit_rate: VatRate(600),
                rate: VatRate(2100),
                ..sold(0, "1", "0", "0")
            };
            let (mut refund, mut deposit_refund) = (Decimal::ZERO, Decimal::ZERO);
            let mut left = quantity;
            // The cuts in turn while they fit, then whatever is left.
            for i in 0..=cuts.len() {
                let cut = cuts.get(i).map_or(left, |c| (*c).min(left));
                if cut == 0 {
                    continue;
                }
                let got = check_return(&[line], &[req(0, &cut.to_string())]).unwrap();
                let vat = refund_vat(&got);
                prop_assert_eq!(vat.gross(), got[0].refund);
                prop_assert!(got[0].deposit_refund >= Decimal::ZERO);
                prop_assert!(got[0].refund >= got[0].deposit_refund);
                refund += got[0].refund;
                deposit_refund += got[0].deposit_refund;
                line.returned += Decimal::from(cut);
                left -= cut;
            }
            prop_assert_eq!(refund, line.amount);
            prop_assert_eq!(deposit_refund, line.deposit);
        }
    }
}
