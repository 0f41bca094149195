//! Inventory counts. A count covers a location (a text: "shelf 3", "stockroom") and/or a set of
//! categories; several people count at once, on phones.
//!
//! How counts merge: each counter has one line per product in a count, which they set (a
//! second post of the same product replaces their figure, so a post sent twice counts once).
//! The product's counted quantity is the sum of its counters' lines: one counts the shelf,
//! another the stockroom. The expected quantity is the quantity on hand taken once per product
//! and count, when its first line arrives, in the transaction that reads the ledger; sales
//! after that moment do not change it, so a count taken while the tills sell stays true for
//! the moment it was taken. A product nobody counted is not adjusted (count it as 0 to record
//! that none is left).
//!
//! Validating writes one adjustment per product whose counted quantity differs from the
//! expected one: counted minus expected, valued at the day's cost ([`PackCost::value_cents`]).

use super::cost::PackCost;
use super::MAX_MOVE_MILLI;
use crate::money::parse_amount;
use crate::till::catalogue::Category;
use crate::till::{to_milli, Unit};
use crate::validation::{Errors, FieldError, Reason};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

/// The longest title of a count.
pub const TITLE_MAX: usize = 80;
/// The longest location of a count.
pub const LOCATION_MAX: usize = 80;
/// The most categories a count covers: a shop has a few dozen.
pub const CATEGORIES_MAX: usize = 200;

/// Where a count is in its life: counted into while open, then validated (its adjustments
/// written) or cancelled (nothing written). Only an open count takes lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountStatus {
    Open,
    Validated,
    Cancelled,
}

impl CountStatus {
    pub const ALL: [CountStatus; 3] = [
        CountStatus::Open,
        CountStatus::Validated,
        CountStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CountStatus::Open => "open",
            CountStatus::Validated => "validated",
            CountStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<CountStatus> {
        CountStatus::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A new count as typed: its title, its location (may be empty) and its categories (none
/// means every product).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountForm {
    pub title: String,
    pub location: String,
    pub categories: Vec<Uuid>,
}

/// Checks a new count: a title, a location of bounded length, at most [`CATEGORIES_MAX`]
/// categories (kept once each). Errors name `title`, `location` or `categories`.
pub fn check_form(form: &CountForm) -> Result<CountForm, Vec<FieldError>> {
    let mut e = Errors::default();
    let title = e.text("title", &form.title, TITLE_MAX);
    let location = e
        .optional_text("location", &form.location, LOCATION_MAX)
        .unwrap_or_default();
    let mut categories = form.categories.clone();
    if categories.len() > CATEGORIES_MAX {
        e.add(
            "categories",
            Reason::TooMany {
                max: CATEGORIES_MAX,
            },
        );
    }
    categories.sort();
    categories.dedup();
    e.finish(CountForm {
        title,
        location,
        categories,
    })
}

/// A counted quantity as typed, in milli-units: zero or more, at most three decimals (commas
/// and points both mark them), at most [`MAX_MOVE_MILLI`]. Whether it suits the product's unit
/// is [`check_count`]'s.
///
/// Errors: `Required` when empty, `BadQuantity` for anything else that is not such a quantity.
pub fn typed_count(typed: &str) -> Result<i64, Reason> {
    if typed.trim().is_empty() {
        return Err(Reason::Required);
    }
    let milli = parse_amount(typed)
        .and_then(to_milli)
        .ok_or(Reason::BadQuantity)?;
    if (0..=MAX_MOVE_MILLI).contains(&milli) {
        Ok(milli)
    } else {
        Err(Reason::BadQuantity)
    }
}

/// Whether `milli` may be counted of a product sold by `unit`: not negative, within
/// [`MAX_MOVE_MILLI`], whole pieces for a product sold by the piece. Errors: `BadQuantity`.
pub fn check_count(milli: i64, unit: Unit) -> Result<(), Reason> {
    let whole = unit != Unit::Piece || milli % 1000 == 0;
    if (0..=MAX_MOVE_MILLI).contains(&milli) && whole {
        Ok(())
    } else {
        Err(Reason::BadQuantity)
    }
}

/// One counter's figure for a product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterLine {
    pub counter_id: Uuid,
    pub counter_name: String,
    pub counted_milli: i64,
    /// When the counter last set it.
    pub at_ms: i64,
}

/// A product of a count: what was expected when it was first counted, and each counter's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountedProduct {
    pub product_id: Uuid,
    pub name: String,
    pub unit: Unit,
    /// The quantity on hand when the product's first line arrived.
    pub expected_milli: i64,
    pub expected_at_ms: i64,
    pub lines: Vec<CounterLine>,
    /// What the difference is worth at the day's cost, when the product has one.
    pub difference_value_cents: Option<i64>,
}

impl CountedProduct {
    /// The counted quantity: the sum of the counters' lines.
    pub fn counted_milli(&self) -> i64 {
        counted(self.lines.iter().map(|l| l.counted_milli))
    }

    /// Counted minus expected: what validating adds to (or, negative, takes from) the stock.
    pub fn difference_milli(&self) -> i64 {
        self.counted_milli().saturating_sub(self.expected_milli)
    }
}

/// The counted quantity of a product from its counters' lines: their sum. Lines are bounded
/// by [`MAX_MOVE_MILLI`] and people are few, so the sum stays far from `i64`'s limits; it
/// saturates all the same.
pub fn counted(lines: impl IntoIterator<Item = i64>) -> i64 {
    lines.into_iter().fold(0i64, i64::saturating_add)
}

/// The adjustment a validated count writes for one product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adjustment {
    pub product_id: Uuid,
    /// Counted minus expected; never zero.
    pub quantity_milli: i64,
    /// The quantity at the day's cost, when the product has one.
    pub value_cents: Option<i64>,
}

/// The adjustments of a count: for each product whose counted quantity (the sum of `lines`,
/// each `(product, counted)`) differs from its expected one, counted minus expected, valued at
/// its cost. Products come out in the order of `expected`; a product without line or whose
/// count matches gets none.
pub fn adjustments(
    expected: &[(Uuid, i64)],
    lines: &[(Uuid, i64)],
    cost: impl Fn(Uuid) -> Option<PackCost>,
) -> Vec<Adjustment> {
    let mut by_product: HashMap<Uuid, Vec<i64>> = HashMap::new();
    for &(product_id, counted_milli) in lines {
        by_product
            .entry(product_id)
            .or_default()
            .push(counted_milli);
    }
    expected
        .iter()
        .filter_map(|&(product_id, expected_milli)| {
            let mine = by_product.remove(&product_id)?;
            let quantity_milli = counted(mine).saturating_sub(expected_milli);
            (quantity_milli != 0).then(|| Adjustment {
                product_id,
                quantity_milli,
                value_cents: cost(product_id).map(|c| c.value_cents(quantity_milli)),
            })
        })
        .collect()
}

/// A count as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountSummary {
    pub id: Uuid,
    /// Numbered from 1 in the order counts were opened.
    pub number: i64,
    pub title: String,
    pub location: String,
    /// The categories it covers; none means every product.
    pub categories: Vec<Category>,
    pub status: CountStatus,
    pub created_by: String,
    pub created_at_ms: i64,
    /// Who validated or cancelled it, and when.
    pub closed_by: Option<String>,
    pub closed_at_ms: Option<i64>,
    /// How many products have at least one line.
    pub products_counted: u64,
}

/// A product of the count's categories that nobody has counted yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotCounted {
    pub product_id: Uuid,
    pub name: String,
}

/// A count as its page shows it, live: every counted product with its lines, expected and
/// difference, and (for a count over categories) the products not counted yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountState {
    pub count: CountSummary,
    /// By name.
    pub products: Vec<CountedProduct>,
    /// The first of the products not counted yet, by name (empty for a count without
    /// categories, which covers every product of its location).
    pub not_counted: Vec<NotCounted>,
    pub not_counted_total: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn quantities_counted_by_hand() {
        use Unit::*;
        let cases = [
            (Piece, "12", Ok(12_000)),
            (Piece, " 0 ", Ok(0)),
            (Piece, "1,5", Err(Reason::BadQuantity)),
            (Kg, "1,5", Ok(1_500)),
            (Kg, "0.125", Ok(125)),
            (Litre, "0.0005", Err(Reason::BadQuantity)),
            (Piece, "-3", Err(Reason::BadQuantity)),
            (Kg, "-0.5", Err(Reason::BadQuantity)),
            (Piece, "douze", Err(Reason::BadQuantity)),
            (Piece, "", Err(Reason::Required)),
            (Piece, "  ", Err(Reason::Required)),
            (Piece, "1000000", Ok(MAX_MOVE_MILLI)),
            (Piece, "1000001", Err(Reason::BadQuantity)),
            (Kg, "99999999999999999999999", Err(Reason::BadQuantity)),
        ];
        for (unit, typed, expected) in cases {
            let got = typed_count(typed).and_then(|q| check_count(q, unit).map(|()| q));
            assert_eq!(got, expected, "{unit:?} {typed:?}");
        }
        assert_eq!(check_count(-1, Kg), Err(Reason::BadQuantity));
        assert_eq!(
            check_count(MAX_MOVE_MILLI + 1, Kg),
            Err(Reason::BadQuantity)
        );
        assert_eq!(check_count(1, Kg), Ok(()));
        assert_eq!(check_count(1, Piece), Err(Reason::BadQuantity));
    }

    #[test]
    fn forms_are_checked() {
        let ok = check_form(&CountForm {
            title: "  Crèmerie ".into(),
            location: " ".into(),
            categories: vec![id(2), id(1), id(2)],
        })
        .unwrap();
        assert_eq!(ok.title, "Crèmerie");
        assert_eq!(ok.location, "");
        assert_eq!(ok.categories, vec![id(1), id(2)]);
        let bad = check_form(&CountForm {
            title: String::new(),
            location: "x".repeat(LOCATION_MAX + 1),
            categories: (0..=CATEGORIES_MAX as u128).map(id).collect(),
        })
        .unwrap_err();
        let fields: Vec<&str> = bad.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["title", "location", "categories"]);
    }

    #[test]
    fn counters_lines_merge_into_adjustments() {
        let (bread, milk, soap, salt) = (id(1), id(2), id(3), id(4));
        let dozen = PackCost::new(12_000, 1_000).unwrap();
        let expected = [
            (bread, 10_000),
            (milk, 6_000),
            (soap, -2_000),
            (salt, 5_000),
        ];
        let lines = [
            // Bread: 7 on the shelf and 5 in the stockroom, two more than expected.
            (bread, 7_000),
            (bread, 5_000),
            // Milk: as expected, no adjustment.
            (milk, 6_000),
            // Soap: the ledger went below zero (sold before it was received); 3 are there.
            (soap, 3_000),
            // Salt: nobody counted it.
        ];
        let cost = |p: Uuid| (p == bread || p == soap).then_some(dozen);
        assert_eq!(
            adjustments(&expected, &lines, cost),
            vec![
                Adjustment {
                    product_id: bread,
                    quantity_milli: 2_000,
                    value_cents: Some(167),
                },
                Adjustment {
                    product_id: soap,
                    quantity_milli: 5_000,
                    value_cents: Some(417),
                },
            ]
        );
        // Missing stock is a negative adjustment, valued negative; no cost, no value.
        assert_eq!(
            adjustments(&[(bread, 10_000)], &[(bread, 9_000)], cost),
            vec![Adjustment {
                product_id: bread,
                quantity_milli: -1_000,
                value_cents: Some(-83),
            }]
        );
        assert_eq!(
            adjustments(&[(salt, 10_000)], &[(salt, 0)], cost),
            vec![Adjustment {
                product_id: salt,
                quantity_milli: -10_000,
                value_cents: None,
            }]
        );
    }

    #[test]
    fn a_counted_product_sums_its_counters() {
        let line = |n: u128, q: i64| CounterLine {
            counter_id: id(n),
            counter_name: format!("Counter {n}"),
            counted_milli: q,
            at_ms: 0,
        };
        let p = CountedProduct {
            product_id: id(9),
            name: "Pain".into(),
            unit: Unit::Piece,
            expected_milli: 10_000,
            expected_at_ms: 0,
            lines: vec![line(1, 4_000), line(2, 3_000)],
            difference_value_cents: None,
        };
        assert_eq!(p.counted_milli(), 7_000);
        assert_eq!(p.difference_milli(), -3_000);
    }

    #[test]
    fn statuses_read_back() {
        for s in CountStatus::ALL {
            assert_eq!(CountStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(CountStatus::parse("closed"), None);
    }

    proptest! {
        /// Whatever the lines, each adjustment applied to its expected quantity gives exactly
        /// the counted quantity, and a product without adjustment was counted as expected (or
        /// not at all).
        #[test]
        fn adjustments_bring_expected_to_counted(
            expected in proptest::collection::vec(-1_000_000_000i64..1_000_000_000, 1..20),
            lines in proptest::collection::vec((0usize..25, 0i64..=MAX_MOVE_MILLI), 0..60),
            pack in 1i64..100_000, cost in 0i64..100_000,
        ) {
            let expected: Vec<(Uuid, i64)> = expected
                .into_iter()
                .enumerate()
                .map(|(i, q)| (id(i as u128), q))
                .collect();
            let lines: Vec<(Uuid, i64)> = lines
                .into_iter()
                .map(|(i, q)| (id(i as u128), q))
                .collect();
            let pack_cost = PackCost::new(pack, cost).unwrap();
            let made = adjustments(&expected, &lines, |_| Some(pack_cost));
            for (product, before) in &expected {
                let mine: Vec<i64> = lines.iter().filter(|(p, _)| p == product).map(|(_, q)| *q).collect();
                let adjustment = made.iter().find(|a| a.product_id == *product);
                match adjustment {
                    Some(a) => {
                        prop_assert!(!mine.is_empty());
                        prop_assert_ne!(a.quantity_milli, 0);
                        prop_assert_eq!(before + a.quantity_milli, mine.iter().sum::<i64>());
                        prop_assert_eq!(a.value_cents, Some(pack_cost.value_cents(a.quantity_milli)));
                    }
                    None => prop_assert!(mine.is_empty() || mine.iter().sum::<i64>() == *before),
                }
            }
        }

        /// The order in which counters' lines arrive does not change the adjustments.
        #[test]
        fn merging_does_not_depend_on_order(
            lines in proptest::collection::vec((0usize..5, 0i64..1_000_000), 0..30),
        ) {
            let expected: Vec<(Uuid, i64)> = (0..5).map(|i| (id(i), 1_000)).collect();
            let lines: Vec<(Uuid, i64)> = lines.into_iter().map(|(i, q)| (id(i as u128), q)).collect();
            let mut reversed = lines.clone();
            reversed.reverse();
            prop_assert_eq!(
                adjustments(&expected, &lines, |_| None),
                adjustments(&expected, &reversed, |_| None)
            );
        }

        #[test]
        fn typing_never_panics(s in ".*") {
            if let Ok(q) = typed_count(&s) {
                prop_assert!((0..=MAX_MOVE_MILLI).contains(&q));
            }
        }
    }
}
