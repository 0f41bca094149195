//! The cash drawer: counting it by denomination, and the X and Z reports of a drawer session
//! (the same figures; the Z report closes the session). Everything is integer cents, summed
//! from what each sale and return recorded, so the report is the sum of its sales to the cent.

use super::basket::Basket;
use super::payment::{Settlement, Tender};
use super::vat::{VatBreakdown, VatRate};
use crate::money::to_cents;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;
use uuid::Uuid;

/// The euro's coins and notes, in cents, from 1 cent to 500 euros.
pub const DENOMINATIONS: [i64; 15] = [
    1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000,
];

/// How many coins or notes of one denomination are in the drawer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub denomination_cents: i64,
    pub count: i64,
}

/// The most cash, in cents, that a drawer's count or one cash move may hold: a million euros.
/// Anything above is a typing error or an attack, and keeps every report's sums far from
/// `i64`'s limits.
pub const MAX_DRAWER_CENTS: i64 = 100_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CountError {
    #[error("{0} cents is not a euro coin or note")]
    UnknownDenomination(i64),
    #[error("a count cannot be negative")]
    NegativeCount,
    /// A count or cash move above [`MAX_DRAWER_CENTS`], or figures whose sum does not fit.
    #[error("this much cash cannot be counted")]
    Overflow,
}

/// The cash counted, in cents. Errors: a denomination that is not a euro coin or note, a
/// negative count, or a total above [`MAX_DRAWER_CENTS`] (`Overflow`).
pub fn counted_cents(counts: &[Count]) -> Result<i64, CountError> {
    counts.iter().try_fold(0i64, |sum, c| {
        if !DENOMINATIONS.contains(&c.denomination_cents) {
            return Err(CountError::UnknownDenomination(c.denomination_cents));
        }
        if c.count < 0 {
            return Err(CountError::NegativeCount);
        }
        c.count
            .checked_mul(c.denomination_cents)
            .and_then(|v| sum.checked_add(v))
            .filter(|total| *total <= MAX_DRAWER_CENTS)
            .ok_or(CountError::Overflow)
    })
}

/// `sum + value`, or `Overflow` when it does not fit.
fn add(sum: &mut i64, value: i64) -> Result<(), CountError> {
    *sum = sum.checked_add(value).ok_or(CountError::Overflow)?;
    Ok(())
}

/// One rate of a VAT breakdown in cents: `net + vat == gross`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatCents {
    pub rate: VatRate,
    pub gross: i64,
    pub net: i64,
    pub vat: i64,
}

impl VatCents {
    /// A breakdown in cents, as receipts and reports carry it. Its amounts are whole cents.
    pub fn of(breakdown: &VatBreakdown) -> Vec<VatCents> {
        let c = |d| to_cents(d).expect("VAT breakdowns are whole cents");
        breakdown
            .lines
            .iter()
            .map(|l| VatCents {
                rate: l.rate,
                gross: c(l.gross),
                net: c(l.net),
                vat: c(l.vat),
            })
            .collect()
    }
}

/// What a sale recorded, in cents, as the drawer report needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaleTotals {
    pub total: i64,
    pub discount: i64,
    pub cash: i64,
    pub card: i64,
    pub meal_vouchers: i64,
    pub change: i64,
    pub rounding: i64,
    pub vat: Vec<VatCents>,
    /// A supervisor let a member who may not shop buy this.
    pub overridden: bool,
}

impl SaleTotals {
    /// The totals of a basket settled by `settlement`. Every amount of both is whole cents.
    pub fn of(basket: &Basket, settlement: &Settlement, overridden: bool) -> Self {
        let c = |d| to_cents(d).expect("basket and settlement amounts are whole cents");
        SaleTotals {
            total: c(basket.total()),
            discount: c(basket.discount_total()),
            cash: c(settlement.cash),
            card: c(settlement.card),
            meal_vouchers: c(settlement.meal_vouchers),
            change: c(settlement.change),
            rounding: c(settlement.rounding),
            vat: VatCents::of(&basket.vat_breakdown()),
            overridden,
        }
    }
}

/// What a return paid back: `refund - rounding` left the drawer or the card; `vat` is the VAT
/// inside `refund`, per rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnTotals {
    pub tender: Tender,
    pub refund: i64,
    pub rounding: i64,
    pub vat: Vec<VatCents>,
}

/// The figures of a drawer session: number of sales and returns, totals per payment method
/// and per VAT rate, discounts, overrides, rounding, and the cash the drawer should hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawerReport {
    pub sales: u32,
    pub returns: u32,
    /// What the sales' lines came to.
    pub total: i64,
    pub discounts: i64,
    pub overrides: u32,
    /// Cash rounding of sales and cash refunds: positive when the coop collected less.
    pub rounding: i64,
    /// Cash handed over for sales, change included.
    pub cash: i64,
    pub change: i64,
    pub card: i64,
    pub meal_vouchers: i64,
    /// Paid back per method (after cash rounding).
    pub refunds_cash: i64,
    pub refunds_card: i64,
    pub refunds_meal_vouchers: i64,
    /// The sales' VAT per rate, by increasing rate.
    pub vat: Vec<VatCents>,
    /// The VAT inside the refunds per rate, by increasing rate: the VAT owed for the session
    /// is `vat` minus this, rate by rate.
    pub refunds_vat: Vec<VatCents>,
    pub float: i64,
    /// Cash put in (positive) and taken out (negative) with a reason, summed.
    pub cash_moves: i64,
    /// float + cash moves + cash - change - cash refunds.
    pub expected_cash: i64,
}

impl DrawerReport {
    /// The figures of a session. Errors: `Overflow` when a sum does not fit in `i64` (only
    /// figures far beyond [`MAX_DRAWER_CENTS`] can do that), never a wrapped or panicking sum.
    pub fn of(
        float: i64,
        cash_moves: &[i64],
        sales: &[SaleTotals],
        returns: &[ReturnTotals],
    ) -> Result<Self, CountError> {
        let mut r = DrawerReport {
            float,
            sales: u32::try_from(sales.len()).unwrap_or(u32::MAX),
            returns: u32::try_from(returns.len()).unwrap_or(u32::MAX),
            ..DrawerReport::default()
        };
        for m in cash_moves {
            add(&mut r.cash_moves, *m)?;
        }
        let mut vat: BTreeMap<VatRate, VatCents> = BTreeMap::new();
        let mut refunds_vat: BTreeMap<VatRate, VatCents> = BTreeMap::new();
        for s in sales {
            add(&mut r.total, s.total)?;
            add(&mut r.discounts, s.discount)?;
            r.overrides = r.overrides.saturating_add(u32::from(s.overridden));
            add(&mut r.rounding, s.rounding)?;
            add(&mut r.cash, s.cash)?;
            add(&mut r.change, s.change)?;
            add(&mut r.card, s.card)?;
            add(&mut r.meal_vouchers, s.meal_vouchers)?;
            add_vat(&mut vat, &s.vat)?;
        }
        for ret in returns {
            let paid = ret
                .refund
                .checked_sub(ret.rounding)
                .ok_or(CountError::Overflow)?;
            add(&mut r.rounding, ret.rounding)?;
            add_vat(&mut refunds_vat, &ret.vat)?;
            match ret.tender {
                Tender::Cash => add(&mut r.refunds_cash, paid)?,
                Tender::Card => add(&mut r.refunds_card, paid)?,
                Tender::MealVoucher => add(&mut r.refunds_meal_vouchers, paid)?,
            }
        }
        r.vat = vat.into_values().collect();
        r.refunds_vat = refunds_vat.into_values().collect();
        r.expected_cash = [r.cash_moves, r.cash]
            .into_iter()
            .try_fold(r.float, i64::checked_add)
            .and_then(|v| v.checked_sub(r.change))
            .and_then(|v| v.checked_sub(r.refunds_cash))
            .ok_or(CountError::Overflow)?;
        Ok(r)
    }
}

impl ZReport {
    /// Counted minus expected. Errors: `Overflow` when it does not fit.
    pub fn difference(counted_cents: i64, report: &DrawerReport) -> Result<i64, CountError> {
        counted_cents
            .checked_sub(report.expected_cash)
            .ok_or(CountError::Overflow)
    }
}

/// Adds VAT lines into per-rate sums. Errors: `Overflow`.
fn add_vat(sums: &mut BTreeMap<VatRate, VatCents>, lines: &[VatCents]) -> Result<(), CountError> {
    for line in lines {
        let sum = sums.entry(line.rate).or_insert(VatCents {
            rate: line.rate,
            gross: 0,
            net: 0,
            vat: 0,
        });
        add(&mut sum.gross, line.gross)?;
        add(&mut sum.net, line.net)?;
        add(&mut sum.vat, line.vat)?;
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Till {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawerSession {
    pub id: Uuid,
    pub till_id: Uuid,
    pub opened_by: Uuid,
    pub opened_at_ms: i64,
    pub float_cents: i64,
    pub closed_at_ms: Option<i64>,
}

/// The report that closed a session: its figures, and the drawer as counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZReport {
    pub session: DrawerSession,
    pub report: DrawerReport,
    pub counted_cents: i64,
    /// Counted minus expected: negative when cash is missing.
    pub difference_cents: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(denomination_cents: i64, count: i64) -> Count {
        Count {
            denomination_cents,
            count,
        }
    }

    #[test]
    fn counting_the_drawer() {
        let float = [count(5_000, 1), count(1_000, 3), count(200, 4), count(5, 7)];
        assert_eq!(counted_cents(&float), Ok(8_835));
        assert_eq!(counted_cents(&[]), Ok(0));
        assert_eq!(
            counted_cents(&[count(300, 1)]),
            Err(CountError::UnknownDenomination(300))
        );
        assert_eq!(
            counted_cents(&[count(100, -1)]),
            Err(CountError::NegativeCount)
        );
        assert_eq!(
            counted_cents(&[count(50_000, i64::MAX / 2)]),
            Err(CountError::Overflow)
        );
        assert_eq!(
            counted_cents(&[count(50_000, 2_000)]),
            Ok(MAX_DRAWER_CENTS),
            "a million euros is the most a count holds"
        );
        assert_eq!(
            counted_cents(&[count(50_000, 2_000), count(1, 1)]),
            Err(CountError::Overflow)
        );
    }

    #[test]
    fn a_session_report() {
        let vat = |bp, gross, net| VatCents {
            rate: VatRate(bp),
            gross,
            net,
            vat: gross - net,
        };
        let sales = [
            // 12.37: card 5.00, cash 10.00 for 7.35, change 2.65, rounding 0.02.
            SaleTotals {
                total: 1237,
                discount: 50,
                cash: 1000,
                card: 500,
                meal_vouchers: 0,
                change: 265,
                rounding: 2,
                vat: vec![vat(600, 1000, 943), vat(2100, 237, 196)],
                overridden: false,
            },
            SaleTotals {
                total: 600,
                discount: 0,
                cash: 0,
                card: 100,
                meal_vouchers: 500,
                change: 0,
                rounding: 0,
                vat: vec![vat(600, 600, 566)],
                overridden: true,
            },
        ];
        let returns = [
            ReturnTotals {
                tender: Tender::Cash,
                refund: 333,
                rounding: -2,
                vat: vec![vat(600, 333, 314)],
            },
            ReturnTotals {
                tender: Tender::Card,
                refund: 121,
                rounding: 0,
                vat: vec![vat(600, 100, 94), vat(2100, 21, 17)],
            },
        ];
        let r = DrawerReport::of(10_000, &[2_000, -500], &sales, &returns).unwrap();
        assert_eq!((r.sales, r.returns, r.overrides), (2, 2, 1));
        assert_eq!((r.total, r.discounts, r.rounding), (1837, 50, 0));
        assert_eq!(
            (r.cash, r.change, r.card, r.meal_vouchers),
            (1000, 265, 600, 500)
        );
        assert_eq!((r.refunds_cash, r.refunds_card), (335, 121));
        assert_eq!(r.vat, vec![vat(600, 1600, 1509), vat(2100, 237, 196)]);
        assert_eq!(r.refunds_vat, vec![vat(600, 433, 408), vat(2100, 21, 17)]);
        // 100.00 + 20.00 - 5.00 + 10.00 - 2.65 - 3.35.
        assert_eq!(r.expected_cash, 11_900);
    }

    #[test]
    fn sums_past_i64_are_an_error_not_a_panic() {
        let sale = |cash| SaleTotals {
            total: cash,
            discount: 0,
            cash,
            card: 0,
            meal_vouchers: 0,
            change: 0,
            rounding: 0,
            vat: vec![],
            overridden: false,
        };
        assert_eq!(
            DrawerReport::of(0, &[i64::MAX, 1], &[], &[]),
            Err(CountError::Overflow)
        );
        assert_eq!(
            DrawerReport::of(0, &[], &[sale(i64::MAX), sale(1)], &[]),
            Err(CountError::Overflow)
        );
        assert_eq!(
            DrawerReport::of(i64::MAX, &[], &[sale(1)], &[]),
            Err(CountError::Overflow),
            "the expected cash does not fit"
        );
        let refund = ReturnTotals {
            tender: Tender::Cash,
            refund: i64::MIN,
            rounding: 1,
            vat: vec![],
        };
        assert_eq!(
            DrawerReport::of(0, &[], &[], &[refund]),
            Err(CountError::Overflow)
        );
        let report = DrawerReport::of(0, &[-1], &[], &[]).unwrap();
        assert_eq!(
            ZReport::difference(i64::MAX, &report),
            Err(CountError::Overflow)
        );
        assert_eq!(ZReport::difference(5, &report), Ok(6));
    }
}
