//! The basket of a sale: its lines, their totals, the VAT breakdown and what meal vouchers may
//! pay. Quantities are decimals in the product's unit; outside Rust they travel as integer
//! milli-units (grams, millilitres, thousandths of a piece).
//!
//! A line's amounts, each rounded half away from zero to the cent:
//! - gross: unit price x quantity; for a price-labelled item, the price on the label;
//! - discount: gross x discount percent / 100;
//! - goods: gross - discount, at the product's VAT rate;
//! - deposit: deposit per unit x quantity, never discounted, at the deposit's VAT rate;
//! - total: goods + deposit.
//!
//! The basket total is the sum of the line totals; meal vouchers may pay the goods of eligible
//! lines, never deposits.

use super::nomenclature::Scan;
use super::product::Product;
use super::rounding::round_cents;
use super::vat::VatBreakdown;
use crate::money::from_cents;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A quantity from integer milli-units: 1250 is 1.250 kg.
pub fn from_milli(milli: i64) -> Decimal {
    Decimal::new(milli, 3)
}

/// Integer milli-units of a quantity; `None` if it has more than three decimals or overflows.
pub fn to_milli(quantity: Decimal) -> Option<i64> {
    let scaled = quantity.checked_mul(Decimal::from(1000))?;
    if scaled.fract() != Decimal::ZERO {
        return None;
    }
    i64::try_from(scaled).ok()
}

/// A line's number in its basket; it stays the same when other lines are removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LineId(pub u32);

/// How a line was added: plain lines of the same product merge; weighed and price-labelled
/// items always get their own line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LineKind {
    Plain,
    Weighed,
    /// The label's price is the line's gross; the quantity is that price divided by the unit
    /// price, rounded half away from zero to three decimals, and only counts stock.
    PriceEmbedded {
        price: Decimal,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub id: LineId,
    pub product: Product,
    pub quantity: Decimal,
    pub kind: LineKind,
    /// From 0 to 100.
    pub discount_percent: Decimal,
}

impl Line {
    /// Before the discount.
    pub fn gross(&self) -> Decimal {
        match self.kind {
            LineKind::PriceEmbedded { price } => round_cents(price),
            LineKind::Plain | LineKind::Weighed => {
                round_cents(self.product.unit_price * self.quantity)
            }
        }
    }

    pub fn discount(&self) -> Decimal {
        round_cents(self.gross() * self.discount_percent / Decimal::ONE_HUNDRED)
    }

    /// The goods after the discount, deposit excluded.
    pub fn goods(&self) -> Decimal {
        self.gross() - self.discount()
    }

    pub fn deposit(&self) -> Decimal {
        let deposit = self.product.deposit.map_or(Decimal::ZERO, |d| d.amount);
        round_cents(deposit * self.quantity)
    }

    pub fn total(&self) -> Decimal {
        self.goods() + self.deposit()
    }
}

/// Why a change to the basket was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BasketError {
    #[error("a quantity must be more than zero")]
    QuantityNotPositive,
    #[error("a quantity has at most three decimals")]
    QuantityNotInMilliUnits,
    #[error("a price or a deposit cannot be negative")]
    NegativePrice,
    #[error("a price label needs a product with a unit price")]
    ZeroUnitPrice,
    #[error("a discount is between 0 and 100 %")]
    DiscountOutOfRange,
    #[error("this line is not in the basket")]
    UnknownLine(LineId),
    #[error("the quantity of a price-labelled item comes from its label")]
    PriceLabelled(LineId),
    #[error("a member card or a badge is not an item to sell")]
    NotAnItem,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Basket {
    lines: Vec<Line>,
    next_id: u32,
}

impl Basket {
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// Adds `quantity` of a product, to its plain line if it has one (keeping that line's
    /// price), else on a new line.
    ///
    /// Errors: the quantity is not positive or has more than three decimals; the price or
    /// deposit is negative.
    pub fn add(&mut self, product: &Product, quantity: Decimal) -> Result<LineId, BasketError> {
        check_prices(product)?;
        let existing = self
            .lines
            .iter_mut()
            .find(|l| l.product.id == product.id && l.kind == LineKind::Plain);
        match existing {
            Some(line) => {
                check_quantity(quantity)?;
                line.quantity = check_quantity(line.quantity + quantity)?;
                Ok(line.id)
            }
            None => Ok(self.push(product, check_quantity(quantity)?, LineKind::Plain)),
        }
    }

    /// Adds a weighed item on its own line; same errors as [`Basket::add`].
    pub fn add_weighed(
        &mut self,
        product: &Product,
        quantity: Decimal,
    ) -> Result<LineId, BasketError> {
        check_prices(product)?;
        Ok(self.push(product, check_quantity(quantity)?, LineKind::Weighed))
    }

    /// Adds a price-labelled item on its own line.
    ///
    /// Errors: a negative price, a product without a unit price, or a price so small that the
    /// quantity rounds to zero.
    pub fn add_priced(&mut self, product: &Product, price: Decimal) -> Result<LineId, BasketError> {
        check_prices(product)?;
        if price < Decimal::ZERO {
            return Err(BasketError::NegativePrice);
        }
        if product.unit_price.is_zero() {
            return Err(BasketError::ZeroUnitPrice);
        }
        let quantity = (price / product.unit_price)
            .round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero);
        let price = round_cents(price);
        let kind = LineKind::PriceEmbedded { price };
        Ok(self.push(product, check_quantity(quantity)?, kind))
    }

    /// Adds what a scan found for `product`: one piece, the label's weight or the label's price.
    ///
    /// Errors: those of the add called, and [`BasketError::NotAnItem`] for cards and badges.
    pub fn add_scanned(&mut self, product: &Product, scan: &Scan) -> Result<LineId, BasketError> {
        match scan {
            Scan::Product { .. } => self.add(product, Decimal::ONE),
            Scan::Weighed { grams, .. } => self.add_weighed(product, from_milli(i64::from(*grams))),
            Scan::PriceEmbedded { cents, .. } => {
                self.add_priced(product, from_cents(i64::from(*cents)))
            }
            Scan::MemberCard { .. } | Scan::CashierBadge { .. } => Err(BasketError::NotAnItem),
        }
    }

    /// Errors: an unknown line, a quantity that is not positive or has more than three
    /// decimals, or a price-labelled line (its quantity comes from the label).
    pub fn set_quantity(&mut self, id: LineId, quantity: Decimal) -> Result<(), BasketError> {
        let line = self.line_mut(id)?;
        if let LineKind::PriceEmbedded { .. } = line.kind {
            return Err(BasketError::PriceLabelled(id));
        }
        line.quantity = check_quantity(quantity)?;
        Ok(())
    }

    /// Sets a line's discount in percent; 0 removes it. Errors: an unknown line, or a percent
    /// below 0 or above 100.
    pub fn set_discount(&mut self, id: LineId, percent: Decimal) -> Result<(), BasketError> {
        if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
            return Err(BasketError::DiscountOutOfRange);
        }
        self.line_mut(id)?.discount_percent = percent;
        Ok(())
    }

    pub fn remove(&mut self, id: LineId) -> Result<Line, BasketError> {
        let index = self
            .lines
            .iter()
            .position(|l| l.id == id)
            .ok_or(BasketError::UnknownLine(id))?;
        Ok(self.lines.remove(index))
    }

    pub fn total(&self) -> Decimal {
        self.lines.iter().map(Line::total).sum()
    }

    pub fn discount_total(&self) -> Decimal {
        self.lines.iter().map(Line::discount).sum()
    }

    /// What meal vouchers may pay: the goods of eligible lines, deposits excluded.
    pub fn meal_voucher_total(&self) -> Decimal {
        self.lines
            .iter()
            .filter(|l| l.product.meal_voucher)
            .map(Line::goods)
            .sum()
    }

    /// The goods of each line at its product's rate and each deposit at its own rate.
    pub fn vat_breakdown(&self) -> VatBreakdown {
        VatBreakdown::of(self.lines.iter().flat_map(|l| {
            let goods = (l.product.vat_rate, l.goods());
            let deposit = l.product.deposit.map(|d| (d.vat_rate, l.deposit()));
            std::iter::once(goods).chain(deposit)
        }))
    }

    fn push(&mut self, product: &Product, quantity: Decimal, kind: LineKind) -> LineId {
        let id = LineId(self.next_id);
        self.next_id += 1;
        self.lines.push(Line {
            id,
            product: product.clone(),
            quantity,
            kind,
            discount_percent: Decimal::ZERO,
        });
        id
    }

    fn line_mut(&mut self, id: LineId) -> Result<&mut Line, BasketError> {
        self.lines
            .iter_mut()
            .find(|l| l.id == id)
            .ok_or(BasketError::UnknownLine(id))
    }
}

fn check_quantity(quantity: Decimal) -> Result<Decimal, BasketError> {
    if quantity <= Decimal::ZERO {
        return Err(BasketError::QuantityNotPositive);
    }
    to_milli(quantity).ok_or(BasketError::QuantityNotInMilliUnits)?;
    Ok(quantity)
}

fn check_prices(product: &Product) -> Result<(), BasketError> {
    let deposit = product.deposit.map_or(Decimal::ZERO, |d| d.amount);
    if product.unit_price < Decimal::ZERO || deposit < Decimal::ZERO {
        return Err(BasketError::NegativePrice);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::till::product::{Deposit, Unit};
    use crate::till::vat::VatRate;
    use proptest::prelude::*;
    use std::str::FromStr;
    use uuid::Uuid;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn product(n: u128, unit: Unit, price: &str, bp: u32) -> Product {
        Product {
            id: Uuid::from_u128(n),
            name: format!("product {n}"),
            unit,
            unit_price: d(price),
            vat_rate: VatRate(bp),
            deposit: None,
            meal_voucher: false,
        }
    }

    fn bread() -> Product {
        Product {
            meal_voucher: true,
            ..product(1, Unit::Piece, "3.20", 600)
        }
    }

    fn cheese() -> Product {
        Product {
            meal_voucher: true,
            ..product(2, Unit::Kg, "18.90", 600)
        }
    }

    fn beer() -> Product {
        Product {
            deposit: Some(Deposit {
                amount: d("0.10"),
                vat_rate: VatRate::ZERO,
            }),
            ..product(3, Unit::Piece, "1.45", 2100)
        }
    }

    fn soap() -> Product {
        product(4, Unit::Piece, "4.99", 2100)
    }

    #[test]
    fn milli_units() {
        assert_eq!(from_milli(1250), d("1.25"));
        assert_eq!(from_milli(-5).to_string(), "-0.005");
        assert_eq!(to_milli(d("2")), Some(2000));
        assert_eq!(to_milli(d("0.347")), Some(347));
        assert_eq!(to_milli(d("1.2505")), None);
        assert_eq!(to_milli(d("99999999999999999999")), None);
    }

    #[test]
    fn line_amounts() {
        // (product, kind, quantity, discount %) -> "gross discount goods deposit total"
        let priced = |price| LineKind::PriceEmbedded { price: d(price) };
        let (plain, weighed) = (LineKind::Plain, LineKind::Weighed);
        let cases = [
            (bread(), plain, "2", "0", "6.40 0.00 6.40 0.00 6.40"),
            (cheese(), weighed, "0.347", "0", "6.56 0.00 6.56 0.00 6.56"),
            (cheese(), weighed, "0.345", "0", "6.52 0.00 6.52 0.00 6.52"),
            (beer(), plain, "6", "0", "8.70 0.00 8.70 0.60 9.30"),
            (beer(), plain, "6", "50", "8.70 4.35 4.35 0.60 4.95"),
            (soap(), plain, "3", "10", "14.97 1.50 13.47 0.00 13.47"),
            (soap(), plain, "1", "100", "4.99 4.99 0.00 0.00 0.00"),
            (soap(), plain, "1", "12.5", "4.99 0.62 4.37 0.00 4.37"),
            // 0.125 rounds up to 0.13; half of it, 0.065, rounds up to 0.07.
            (
                product(5, Unit::Kg, "0.25", 600),
                weighed,
                "0.5",
                "50",
                "0.13 0.07 0.06 0.00 0.06",
            ),
            // The label's 5.00 is what the member pays, not 30.00 x 0.167 = 5.01.
            (
                product(6, Unit::Kg, "30.00", 600),
                priced("5.00"),
                "0.167",
                "0",
                "5.00 0.00 5.00 0.00 5.00",
            ),
        ];
        for (product, kind, quantity, discount, expected) in cases {
            let line = Line {
                id: LineId(0),
                product,
                quantity: d(quantity),
                kind,
                discount_percent: d(discount),
            };
            let amounts = [
                line.gross(),
                line.discount(),
                line.goods(),
                line.deposit(),
                line.total(),
            ];
            let got = amounts.map(|a| a.to_string()).join(" ");
            assert_eq!(
                got, expected,
                "{} x {quantity} -{discount} %",
                line.product.name
            );
        }
    }

    #[test]
    fn a_full_basket() {
        let n = crate::till::Nomenclature::default();
        let mut b = Basket::default();
        let bread_line = b.add(&bread(), Decimal::ONE).unwrap();
        let cheese_scan = crate::till::parse_scan(&n, "2112345012506").unwrap();
        let cheese_a = b.add_scanned(&cheese(), &cheese_scan).unwrap();
        assert_eq!(b.add(&bread(), Decimal::ONE), Ok(bread_line));
        let cheese_b = b.add_weighed(&cheese(), d("0.347")).unwrap();
        b.add(&beer(), d("6")).unwrap();
        let soap_line = b.add(&soap(), d("3")).unwrap();
        b.set_discount(soap_line, d("10")).unwrap();

        // Bread merged; each weighed cheese has its own line.
        assert_eq!(b.lines().len(), 5);
        assert_ne!(cheese_a, cheese_b);
        assert_eq!(b.lines()[0].quantity, d("2"));
        assert_eq!(b.lines()[1].quantity, d("1.25"));
        assert_eq!(b.lines()[1].kind, LineKind::Weighed);

        // 6.40 + 23.63 + 6.56 + 8.70 + 0.60 deposit + 13.47.
        assert_eq!(b.total(), d("59.36"));
        assert_eq!(b.meal_voucher_total(), d("36.59"));
        assert_eq!(b.discount_total(), d("1.50"));
        let vat = b.vat_breakdown();
        let rows: Vec<_> = vat
            .lines
            .iter()
            .map(|l| {
                (
                    l.rate.0,
                    l.gross.to_string(),
                    l.net.to_string(),
                    l.vat.to_string(),
                )
            })
            .collect();
        let row = |bp, g: &str, n: &str, v: &str| (bp, g.to_string(), n.to_string(), v.to_string());
        assert_eq!(
            rows,
            vec![
                row(0, "0.60", "0.60", "0.00"),
                row(600, "36.59", "34.52", "2.07"),
                row(2100, "22.17", "18.32", "3.85"),
            ]
        );
        assert_eq!(vat.gross(), b.total());

        b.remove(bread_line).unwrap();
        assert_eq!(b.total(), d("52.96"));
        assert_eq!(
            b.remove(bread_line),
            Err(BasketError::UnknownLine(bread_line))
        );
        // Bread again: a new line with a new number, the others keep theirs.
        let again = b.add(&bread(), Decimal::ONE).unwrap();
        assert_ne!(again, bread_line);
        assert_eq!(b.lines()[0].id, cheese_a);
    }

    #[test]
    fn refused_changes() {
        let mut b = Basket::default();
        let line = b.add(&bread(), d("2")).unwrap();
        let cases = [
            (
                b.clone().set_quantity(line, d("0")),
                BasketError::QuantityNotPositive,
            ),
            (
                b.clone().set_quantity(line, d("-1")),
                BasketError::QuantityNotPositive,
            ),
            (
                b.clone().set_quantity(line, d("1.0005")),
                BasketError::QuantityNotInMilliUnits,
            ),
            (
                b.clone().set_quantity(LineId(9), d("1")),
                BasketError::UnknownLine(LineId(9)),
            ),
            (
                b.clone().set_discount(line, d("100.01")),
                BasketError::DiscountOutOfRange,
            ),
            (
                b.clone().set_discount(line, d("-5")),
                BasketError::DiscountOutOfRange,
            ),
            (
                b.clone().set_discount(LineId(9), d("5")),
                BasketError::UnknownLine(LineId(9)),
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got, Err(expected));
        }
        assert_eq!(
            b.add(&bread(), d("0")),
            Err(BasketError::QuantityNotPositive)
        );
        assert_eq!(
            b.add(&bread(), d("-2")),
            Err(BasketError::QuantityNotPositive)
        );
        assert_eq!(
            b.add_weighed(&cheese(), d("0")),
            Err(BasketError::QuantityNotPositive)
        );
        let free = product(7, Unit::Kg, "0", 600);
        assert_eq!(
            b.add_priced(&free, d("1.00")),
            Err(BasketError::ZeroUnitPrice)
        );
        assert_eq!(
            b.add_priced(&cheese(), d("0.00")),
            Err(BasketError::QuantityNotPositive)
        );
        assert_eq!(
            b.add_priced(&cheese(), d("-1.00")),
            Err(BasketError::NegativePrice)
        );
        let negative = product(8, Unit::Piece, "-1.00", 600);
        assert_eq!(
            b.add(&negative, Decimal::ONE),
            Err(BasketError::NegativePrice)
        );
        let card = crate::till::Scan::MemberCard {
            barcode: "0420000000013".to_string(),
        };
        assert_eq!(b.add_scanned(&bread(), &card), Err(BasketError::NotAnItem));
        // Nothing refused changed the basket.
        assert_eq!(b.lines().len(), 1);
        assert_eq!(b.total(), d("6.40"));

        b.set_quantity(line, d("3")).unwrap();
        b.set_discount(line, d("100")).unwrap();
        assert_eq!(b.total(), Decimal::ZERO);
    }

    #[test]
    fn price_labels_keep_their_price() {
        let mut b = Basket::default();
        let scan = crate::till::Scan::PriceEmbedded {
            lookup: "0200123000004".to_string(),
            cents: 499,
        };
        let line = b.add_scanned(&cheese(), &scan).unwrap();
        b.add_scanned(&cheese(), &scan).unwrap();
        assert_eq!(b.lines().len(), 2);
        // 4.99 / 18.90 = 0.26402... kg.
        assert_eq!(b.lines()[0].quantity, d("0.264"));
        assert_eq!(b.total(), d("9.98"));
        assert_eq!(
            b.set_quantity(line, d("1")),
            Err(BasketError::PriceLabelled(line))
        );
    }

    proptest! {
        #[test]
        fn milli_units_round_trip(m in i64::MIN / 1000..i64::MAX / 1000) {
            prop_assert_eq!(to_milli(from_milli(m)), Some(m));
        }
    }
}
