//! Returns against a receipt: never more than was sold, counting what earlier returns already
//! took back, and refunded in proportion to what the line cost.

use super::basket::LineId;
use super::payment::Tender;
use super::rounding::round_cents;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

/// A line of the original sale: what it sold, what was already returned, what it cost
/// (its total, deposit included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoldLine {
    pub line: LineId,
    pub quantity: Decimal,
    pub returned: Decimal,
    pub amount: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRequest {
    pub line: LineId,
    pub quantity: Decimal,
}

/// An accepted return of one line and the money it gives back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLine {
    pub line: LineId,
    pub quantity: Decimal,
    pub refund: Decimal,
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedLine {
    pub line_no: u32,
    pub quantity_milli: i64,
    pub refund_cents: i64,
}

/// A recorded return: `refund_cents - rounding_cents` was paid back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnReceipt {
    pub id: Uuid,
    pub sale_id: Uuid,
    pub tender: Tender,
    pub refund_cents: i64,
    pub rounding_cents: i64,
    pub lines: Vec<ReturnedLine>,
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
/// A refund is the line's amount pro rata, computed on the cumulated quantity returned so
/// that the refunds of a line returned in several goes add up exactly to what it cost:
/// `round(amount x (before + q) / sold) - round(amount x before / sold)`, half away from zero.
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
            let paid = |q: Decimal| round_cents(s.amount * q / s.quantity);
            returned[i] = before + r.quantity;
            Ok(ReturnLine {
                line: r.line,
                quantity: r.quantity,
                refund: paid(returned[i]) - paid(before),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
