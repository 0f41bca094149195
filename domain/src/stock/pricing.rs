//! The coop's pricing: sale price = unit cost x (1 + margin) x (1 + VAT rate), rounded half up
//! to the coop's step (5 cents by default). The margin that applies is the product's own, else
//! its preferred supplier's, else its category's, else the coop's. Computed in integers from
//! the supplier's pack, so the price is exact before its one rounding.

use super::cost::PackCost;
use crate::till::VatRate;
use crate::validation::{Errors, FieldError, Reason};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The coop's margin when it has set none: 20 %.
pub const DEFAULT_MARGIN_BP: i32 = 2_000;
/// The step sale prices are rounded to when the coop has set none: 5 cents.
pub const DEFAULT_STEP_CENTS: i64 = 5;
/// The largest margin: 1,000 %. Past it is a typing error.
pub const MAX_MARGIN_BP: i32 = 100_000;
/// The steps a coop may round its prices to, in cents.
pub const STEPS_CENTS: [i64; 5] = [1, 5, 10, 50, 100];

/// Where the margin that applies to a product comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarginSource {
    Product,
    Supplier,
    Category,
    Coop,
}

impl MarginSource {
    pub fn as_str(self) -> &'static str {
        match self {
            MarginSource::Product => "product",
            MarginSource::Supplier => "supplier",
            MarginSource::Category => "category",
            MarginSource::Coop => "coop",
        }
    }
}

/// Every margin that may apply to a product, in basis points (2,500 is 25 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Margins {
    pub product: Option<i32>,
    /// The product's preferred supplier's.
    pub supplier: Option<i32>,
    pub category: Option<i32>,
    pub coop: i32,
}

impl Margins {
    /// The margin that applies and where it comes from: the product's, else its preferred
    /// supplier's, else its category's, else the coop's.
    pub fn applying(&self) -> (i32, MarginSource) {
        [
            (self.product, MarginSource::Product),
            (self.supplier, MarginSource::Supplier),
            (self.category, MarginSource::Category),
        ]
        .into_iter()
        .find_map(|(m, source)| m.map(|m| (m, source)))
        .unwrap_or((self.coop, MarginSource::Coop))
    }
}

/// The sale price with VAT of one unit (piece, kilogram, litre), in cents: the unit cost of
/// `cost` times (1 + `margin_bp`) times (1 + `vat`), exactly, then rounded half up to a
/// multiple of `step_cents` (taken as 1 when below 1). Saturates at `i64::MAX` for costs no
/// shop has.
pub fn sale_price_cents(cost: PackCost, margin_bp: i32, vat: VatRate, step_cents: i64) -> i64 {
    const BP: i128 = 10_000;
    let step = i128::from(step_cents.max(1));
    // Cents per unit = pack cost x 1000 / pack milli; margin and VAT are each / 10,000.
    let num = i128::from(cost.pack_cost_cents)
        * 1_000
        * (BP + i128::from(margin_bp)).max(0)
        * (BP + i128::from(vat.0));
    let den = i128::from(cost.pack_milli) * BP * BP * step;
    // Half up (the amounts are never negative): floor((2 num + den) / 2 den).
    let steps = (2 * num + den) / (2 * den);
    i64::try_from(steps * step).unwrap_or(i64::MAX)
}

/// The price with VAT of one unit at cost, before margin and rounding, as a decimal number of
/// cents: what the computed price is never below (less half a step) when the margin is >= 0.
pub fn cost_with_vat_cents(cost: PackCost, vat: VatRate) -> Decimal {
    Decimal::from(cost.pack_cost_cents) * Decimal::from(1_000) / Decimal::from(cost.pack_milli)
        * (Decimal::ONE + Decimal::from(vat.0) / Decimal::from(10_000))
}

/// A margin in percent as a person types it (`25`, `25,5`, `12.75 %`), as basis points:
/// at most two decimals, from 0 to 1,000 %.
///
/// Errors: `BadAmount` when it does not read or has more decimals, `OutOfRange` (in percent)
/// when negative or above 1,000 %.
pub fn parse_margin(typed: &str) -> Result<i32, Reason> {
    let cleaned = typed.trim().trim_end_matches('%').trim().replace(',', ".");
    let percent: Decimal = cleaned.parse().map_err(|_| Reason::BadAmount)?;
    let bp = crate::money::to_cents(percent).ok_or(Reason::BadAmount)?;
    if !(0..=i64::from(MAX_MARGIN_BP)).contains(&bp) {
        return Err(Reason::OutOfRange {
            min: 0,
            max: i64::from(MAX_MARGIN_BP / 100),
        });
    }
    Ok(i32::try_from(bp).unwrap_or(MAX_MARGIN_BP))
}

/// An optional margin typed in `field`: empty for none (the next margin applies).
pub fn optional_margin(e: &mut Errors, field: &str, typed: &str) -> Option<i32> {
    if typed.trim().is_empty() {
        return None;
    }
    parse_margin(typed)
        .map_err(|reason| e.add(field, reason))
        .ok()
}

/// A margin in basis points as a person reads and types it: `25`, `25.5`.
pub fn margin_percent(bp: i32) -> String {
    Decimal::new(i64::from(bp), 2).normalize().to_string()
}

/// The coop's pricing settings as typed: its margin (percent) and the step prices are rounded
/// to (cents).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PricingForm {
    pub margin: String,
    pub step_cents: String,
}

/// The coop's pricing settings, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricingSettings {
    pub margin_bp: i32,
    pub step_cents: i64,
}

impl Default for PricingSettings {
    fn default() -> Self {
        PricingSettings {
            margin_bp: DEFAULT_MARGIN_BP,
            step_cents: DEFAULT_STEP_CENTS,
        }
    }
}

impl PricingForm {
    /// Errors: `margin` as [`parse_margin`], `Required` when empty; `step_cents`
    /// `UnknownChoice` unless one of [`STEPS_CENTS`].
    pub fn validate(&self) -> Result<PricingSettings, Vec<FieldError>> {
        let mut e = Errors::default();
        let margin_bp = if self.margin.trim().is_empty() {
            e.add("margin", Reason::Required);
            0
        } else {
            parse_margin(&self.margin).unwrap_or_else(|r| {
                e.add("margin", r);
                0
            })
        };
        let step_cents = self
            .step_cents
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|s| STEPS_CENTS.contains(s));
        if step_cents.is_none() {
            e.add("step_cents", Reason::UnknownChoice);
        }
        e.finish(PricingSettings {
            margin_bp,
            step_cents: step_cents.unwrap_or(DEFAULT_STEP_CENTS),
        })
    }

    pub fn of(s: PricingSettings) -> PricingForm {
        PricingForm {
            margin: margin_percent(s.margin_bp),
            step_cents: s.step_cents.to_string(),
        }
    }
}

/// A product whose price differs from the one its cost computes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceDifference {
    pub product_id: Uuid,
    pub name: String,
    pub unit: crate::till::Unit,
    /// The price with VAT the till charges now, per unit.
    pub price_cents: i64,
    /// The price the cost, margin and VAT compute, per unit.
    pub computed_cents: i64,
    /// The cost of one unit excluding VAT, in cents, rounded to the cent for showing.
    pub unit_cost_cents: i64,
    pub margin_bp: i32,
    pub margin_source: MarginSource,
    pub vat_rate: VatRate,
    /// The preferred supplier whose pack the cost is.
    pub supplier: String,
}

/// A page of the products whose price differs, and how many differ in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceDifferences {
    pub products: Vec<PriceDifference>,
    pub total: u64,
    pub settings: PricingSettings,
}

/// A category with its own margin, if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryMargin {
    pub id: Uuid,
    pub name: String,
    pub margin_bp: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pack(milli: i64, cents: i64) -> PackCost {
        PackCost::new(milli, cents).unwrap()
    }

    #[test]
    fn the_most_specific_margin_applies() {
        let m = |product, supplier, category| Margins {
            product,
            supplier,
            category,
            coop: 2_000,
        };
        let cases = [
            (
                m(Some(1_000), Some(1_500), Some(3_000)),
                (1_000, MarginSource::Product),
            ),
            (
                m(None, Some(1_500), Some(3_000)),
                (1_500, MarginSource::Supplier),
            ),
            (m(None, None, Some(3_000)), (3_000, MarginSource::Category)),
            (m(None, None, None), (2_000, MarginSource::Coop)),
            // A margin of zero is a margin, not an absence of one.
            (m(Some(0), Some(1_500), None), (0, MarginSource::Product)),
        ];
        for (margins, expected) in cases {
            assert_eq!(margins.applying(), expected, "{margins:?}");
        }
    }

    #[test]
    fn computed_prices() {
        let cases = [
            // 12 pieces for 10.00 at 25 % and 6 %: 0.8333 x 1.25 x 1.06 = 1.1042 -> 1.10.
            (pack(12_000, 1_000), 2_500, 600, 5, 110),
            // To the cent: 1.1042 -> 1.10; to 10 cents: 1.10.
            (pack(12_000, 1_000), 2_500, 600, 1, 110),
            // One piece at 2.00, 20 %, 6 %: 2.544 -> 2.55 (half up from 2.525 and more).
            (pack(1_000, 200), 2_000, 600, 5, 255),
            (pack(1_000, 200), 2_000, 600, 1, 254),
            (pack(1_000, 200), 2_000, 600, 10, 250),
            // Exactly half a step goes up: 1.00 x 1.025 = 1.025 -> 1.05 (step 5), 1.03 (step 1).
            (pack(1_000, 100), 250, 0, 5, 105),
            (pack(1_000, 100), 250, 0, 1, 103),
            // A 5 kg sack for 7.45 at 30 % and 6 %: 1.49 x 1.3 x 1.06 = 2.05322 / kg -> 2.05.
            (pack(5_000, 745), 3_000, 600, 5, 205),
            // 21 % VAT, no margin: 10.00 -> 12.10.
            (pack(1_000, 1_000), 0, 2_100, 5, 1_210),
            // A free product stays free.
            (pack(1_000, 0), 2_000, 600, 5, 0),
            // A step below one cent is one cent.
            (pack(1_000, 200), 2_000, 600, 0, 254),
        ];
        for (cost, margin, vat, step, expected) in cases {
            assert_eq!(
                sale_price_cents(cost, margin, VatRate(vat), step),
                expected,
                "{cost:?} {margin} {vat} {step}"
            );
        }
    }

    #[test]
    fn margins_as_typed() {
        let cases = [
            ("25", Ok(2_500)),
            ("25,5", Ok(2_550)),
            (" 12.75 % ", Ok(1_275)),
            ("0", Ok(0)),
            ("1000", Ok(100_000)),
            ("1000.01", Err(Reason::OutOfRange { min: 0, max: 1_000 })),
            ("-5", Err(Reason::OutOfRange { min: 0, max: 1_000 })),
            ("12.345", Err(Reason::BadAmount)),
            ("vingt", Err(Reason::BadAmount)),
            ("", Err(Reason::BadAmount)),
            ("9223372036854775807", Err(Reason::BadAmount)),
            ("1e308", Err(Reason::BadAmount)),
        ];
        for (typed, expected) in cases {
            assert_eq!(parse_margin(typed), expected, "{typed:?}");
        }
        for bp in [0, 2_500, 2_550, 1_275, 100_000] {
            assert_eq!(parse_margin(&margin_percent(bp)), Ok(bp));
        }
    }

    #[test]
    fn pricing_settings_as_typed() {
        let ok = PricingForm {
            margin: "22,5".into(),
            step_cents: "10".into(),
        };
        assert_eq!(
            ok.validate(),
            Ok(PricingSettings {
                margin_bp: 2_250,
                step_cents: 10
            })
        );
        assert_eq!(
            PricingForm::of(ok.validate().unwrap()).validate(),
            ok.validate()
        );
        let bad = PricingForm {
            margin: String::new(),
            step_cents: "3".into(),
        };
        assert_eq!(
            bad.validate(),
            Err(vec![
                FieldError::new("margin", Reason::Required),
                FieldError::new("step_cents", Reason::UnknownChoice),
            ])
        );
    }

    proptest! {
        #[test]
        fn a_computed_price_is_a_multiple_of_the_step(
            milli in 1i64..1_000_000, cents in 0i64..10_000_000,
            margin in 0i32..=MAX_MARGIN_BP, vat in 0u32..=10_000, step in 0usize..5,
        ) {
            let step = STEPS_CENTS[step];
            let price = sale_price_cents(pack(milli, cents), margin, VatRate(vat), step);
            prop_assert_eq!(price % step, 0);
            prop_assert!(price >= 0);
        }

        #[test]
        fn a_computed_price_is_the_exact_price_rounded_half_up(
            milli in 1i64..1_000_000, cents in 0i64..10_000_000,
            margin in 0i32..=MAX_MARGIN_BP, vat in 0u32..=10_000, step in 0usize..5,
        ) {
            let step = STEPS_CENTS[step];
            let cost = pack(milli, cents);
            let exact = cost_with_vat_cents(cost, VatRate(vat))
                * (Decimal::ONE + Decimal::from(margin) / Decimal::from(10_000));
            let price = Decimal::from(sale_price_cents(cost, margin, VatRate(vat), step));
            let half = Decimal::from(step) / Decimal::TWO;
            // Within half a step of the exact price (decimal division may lose the last digit).
            let slack = Decimal::new(1, 12);
            prop_assert!(price - exact <= half + slack, "{} {}", price, exact);
            prop_assert!(exact - price < half + slack, "{} {}", price, exact);
        }

        #[test]
        fn with_a_margin_a_price_is_never_below_cost_plus_vat_rounded(
            milli in 1i64..1_000_000, cents in 0i64..10_000_000,
            margin in 0i32..=MAX_MARGIN_BP, vat in 0u32..=10_000, step in 0usize..5,
        ) {
            let step = STEPS_CENTS[step];
            let cost = pack(milli, cents);
            let with_margin = sale_price_cents(cost, margin, VatRate(vat), step);
            let at_cost = sale_price_cents(cost, 0, VatRate(vat), step);
            prop_assert!(with_margin >= at_cost);
            // And never more than half a step below the cost with VAT itself.
            let floor = cost_with_vat_cents(cost, VatRate(vat)) - Decimal::from(step) / Decimal::TWO;
            prop_assert!(Decimal::from(with_margin) >= floor - Decimal::new(1, 12));
        }

        #[test]
        fn a_higher_margin_or_cost_never_lowers_the_price(
            milli in 1i64..1_000_000, cents in 0i64..10_000_000,
            margin in 0i32..MAX_MARGIN_BP, vat in 0u32..=10_000, step in 0usize..5,
        ) {
            let step = STEPS_CENTS[step];
            let price = |c, m| sale_price_cents(pack(milli, c), m, VatRate(vat), step);
            prop_assert!(price(cents, margin + 1) >= price(cents, margin));
            prop_assert!(price(cents + 1, margin) >= price(cents, margin));
        }
    }
}
