//! Suppliers and their price lists: the supplier form (name, contact, order email, minimum
//! order, lead days, an optional margin), a product as one supplier sells it (the supplier's
//! code, the pack size, the pack's cost) and the supplier's price list CSV, imported all or
//! nothing. Which product a row names, and whether a name is free, is the server's to check.

use super::pricing::{margin_percent, optional_margin};
use super::MAX_MOVE_MILLI;
use crate::barcode::validate_gtin;
use crate::csv_table::{FirstSeen, RowError, Table};
use crate::money::{from_cents, parse_amount, to_cents};
use crate::till::{from_milli, to_milli, Unit};
use crate::validation::{is_valid_email, normalize_email, Errors, FieldError, Reason};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const NAME_MAX: usize = 80;
pub const CONTACT_MAX: usize = 500;
pub const CODE_MAX: usize = 30;
/// The largest minimum order or pack cost: a million euros, in cents. Past it is a typing
/// error.
pub const MAX_AMOUNT_CENTS: i64 = 100_000_000;
/// The longest lead time: a year.
pub const MAX_LEAD_DAYS: i64 = 365;

/// A supplier as typed by a stock manager, every field as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupplierForm {
    pub name: String,
    /// Who to call, their phone: free text.
    pub contact: String,
    pub order_email: String,
    /// The smallest order the supplier takes, excluding VAT, in euros; empty for none.
    pub min_order: String,
    /// Days between the order and the delivery; empty for 0.
    pub lead_days: String,
    /// The margin in percent over this supplier's costs; empty for the category's.
    pub margin: String,
}

/// A supplier that passed every rule of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidSupplier {
    pub name: String,
    pub contact: String,
    /// Trimmed and lower-case; empty for none.
    pub order_email: String,
    pub min_order_cents: i64,
    pub lead_days: i32,
    pub margin_bp: Option<i32>,
}

/// Euros typed in `field`, from 0 to a million; empty is `empty`.
fn amount(e: &mut Errors, field: &str, typed: &str, empty: Option<i64>) -> i64 {
    if typed.trim().is_empty() {
        return empty.unwrap_or_else(|| {
            e.add(field, Reason::Required);
            0
        });
    }
    match parse_amount(typed).and_then(to_cents) {
        Some(c) if c < 0 => e.add(field, Reason::Negative),
        Some(c) if c > MAX_AMOUNT_CENTS => e.add(
            field,
            Reason::OutOfRange {
                min: 0,
                max: MAX_AMOUNT_CENTS / 100,
            },
        ),
        Some(c) => return c,
        None => e.add(field, Reason::BadAmount),
    }
    0
}

impl SupplierForm {
    /// Checks every field and reports every problem at once.
    pub fn validate(&self) -> Result<ValidSupplier, Vec<FieldError>> {
        let mut e = Errors::default();
        let name = e.text("name", &self.name, NAME_MAX);
        let contact = e
            .optional_text("contact", &self.contact, CONTACT_MAX)
            .unwrap_or_default();
        let order_email = normalize_email(&self.order_email);
        if !order_email.is_empty() && !is_valid_email(&order_email) {
            e.add("order_email", Reason::InvalidEmail);
        }
        let min_order_cents = amount(&mut e, "min_order", &self.min_order, Some(0));
        let lead = self.lead_days.trim();
        let lead_days = if lead.is_empty() {
            0
        } else {
            match lead.parse::<i64>() {
                Ok(d) if (0..=MAX_LEAD_DAYS).contains(&d) => d,
                Ok(_) => {
                    e.add(
                        "lead_days",
                        Reason::OutOfRange {
                            min: 0,
                            max: MAX_LEAD_DAYS,
                        },
                    );
                    0
                }
                Err(_) => {
                    e.add("lead_days", Reason::InvalidNumber);
                    0
                }
            }
        };
        let margin_bp = optional_margin(&mut e, "margin", &self.margin);
        e.finish(ValidSupplier {
            name,
            contact,
            order_email,
            min_order_cents,
            lead_days: i32::try_from(lead_days).unwrap_or(0),
            margin_bp,
        })
    }

    /// The form of a supplier as kept, ready to edit.
    pub fn of(s: &Supplier) -> SupplierForm {
        SupplierForm {
            name: s.name.clone(),
            contact: s.contact.clone(),
            order_email: s.order_email.clone(),
            min_order: if s.min_order_cents == 0 {
                String::new()
            } else {
                from_cents(s.min_order_cents).to_string()
            },
            lead_days: s.lead_days.to_string(),
            margin: s.margin_bp.map(margin_percent).unwrap_or_default(),
        }
    }
}

/// A supplier as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supplier {
    pub id: Uuid,
    pub name: String,
    pub contact: String,
    pub order_email: String,
    pub min_order_cents: i64,
    pub lead_days: i32,
    pub margin_bp: Option<i32>,
    pub active: bool,
    /// How many products it sells.
    pub products: u64,
}

/// A product as one supplier sells it, as typed: the supplier's code, the pack size in the
/// product's unit (`12` pieces, `2,5` kg) and the pack's cost excluding VAT in euros.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineForm {
    pub code: String,
    pub pack_size: String,
    pub pack_cost: String,
}

/// A supplier's line that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidLine {
    pub code: String,
    pub pack_milli: i64,
    pub pack_cost_cents: i64,
}

impl LineForm {
    /// Errors: `code` too long or with control characters; `pack_size` `Required`,
    /// `BadQuantity` (zero, negative, more than three decimals, unreadable) or `OutOfRange`
    /// past a million units; `pack_cost` `Required`, `BadAmount`, `Negative` or `OutOfRange`.
    pub fn validate(&self) -> Result<ValidLine, Vec<FieldError>> {
        let mut e = Errors::default();
        let code = e
            .optional_text("code", &self.code, CODE_MAX)
            .unwrap_or_default();
        let pack_milli = if self.pack_size.trim().is_empty() {
            e.add("pack_size", Reason::Required);
            0
        } else {
            match parse_amount(&self.pack_size).and_then(to_milli) {
                Some(m) if m > MAX_MOVE_MILLI => {
                    e.add(
                        "pack_size",
                        Reason::OutOfRange {
                            min: 0,
                            max: MAX_MOVE_MILLI / 1_000,
                        },
                    );
                    0
                }
                Some(m) if m > 0 => m,
                _ => {
                    e.add("pack_size", Reason::BadQuantity);
                    0
                }
            }
        };
        let pack_cost_cents = amount(&mut e, "pack_cost", &self.pack_cost, None);
        e.finish(ValidLine {
            code,
            pack_milli,
            pack_cost_cents,
        })
    }

    pub fn of(line: &SupplierLine) -> LineForm {
        LineForm {
            code: line.code.clone(),
            pack_size: from_milli(line.pack_milli).normalize().to_string(),
            pack_cost: from_cents(line.pack_cost_cents).to_string(),
        }
    }
}

/// A product as one supplier sells it, with both their names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierLine {
    pub supplier_id: Uuid,
    pub supplier: String,
    pub product_id: Uuid,
    pub product: String,
    pub unit: Unit,
    pub code: String,
    pub pack_milli: i64,
    pub pack_cost_cents: i64,
    pub preferred: bool,
}

/// A product's suppliers and its own margin, for its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductSuppliers {
    /// Preferred first, then by supplier.
    pub lines: Vec<SupplierLine>,
    pub margin_bp: Option<i32>,
    /// The active suppliers, by name, to add or change a line of.
    pub suppliers: Vec<(Uuid, String)>,
}

/// The columns of a supplier's price list: the product by its `barcode` (or, for a product
/// the supplier already sells, by the supplier's `code` alone), the supplier's `code`, the
/// `pack_size` in the product's unit and the `pack_cost` excluding VAT in euros.
pub const PRICE_LIST_COLUMNS: [&str; 4] = ["barcode", "code", "pack_size", "pack_cost"];
const PRICE_LIST_REQUIRED: [&str; 2] = ["pack_size", "pack_cost"];
/// The most rows one price list takes.
pub const PRICE_LIST_MAX_ROWS: usize = 20_000;

/// One row of a price list: how it names its product, and the line it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceListRow {
    /// A valid GTIN, when given.
    pub barcode: Option<String>,
    pub line: ValidLine,
}

/// Parses and checks a whole price list: every row's rules, a barcode or a code on each, and
/// no barcode or code twice in the file. Returns each row with its line.
pub fn parse_price_list(text: &str) -> Result<Vec<(usize, PriceListRow)>, Vec<RowError>> {
    let table = Table {
        columns: &PRICE_LIST_COLUMNS,
        required: &PRICE_LIST_REQUIRED,
        max_rows: PRICE_LIST_MAX_ROWS,
    };
    let mut barcodes = FirstSeen::default();
    let mut codes = FirstSeen::default();
    table.read(text, |line, get| {
        let form = LineForm {
            code: get("code"),
            pack_size: get("pack_size"),
            pack_cost: get("pack_cost"),
        };
        let mut errors = form.validate().err().unwrap_or_default();
        let barcode = get("barcode").trim().to_string();
        if barcode.is_empty() && form.code.trim().is_empty() {
            errors.push(FieldError::new("barcode", Reason::Required));
        } else if !barcode.is_empty() && validate_gtin(&barcode).is_err() {
            errors.push(FieldError::new("barcode", Reason::InvalidBarcode));
        }
        if !barcode.is_empty() {
            barcodes.note(barcode.clone(), line, "barcode", &mut errors);
        }
        let code = form.code.trim().to_string();
        if !code.is_empty() {
            codes.note(code, line, "code", &mut errors);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let line = form.validate()?;
        Ok(PriceListRow {
            barcode: (!barcode.is_empty()).then_some(barcode),
            line,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SupplierForm {
        SupplierForm {
            name: " Biofresh ".into(),
            contact: "Anne, 02 555 01 01".into(),
            order_email: " Orders@Biofresh.BE ".into(),
            min_order: "150,00".into(),
            lead_days: "2".into(),
            margin: "25,5".into(),
        }
    }

    #[test]
    fn a_supplier_as_typed() {
        assert_eq!(
            form().validate(),
            Ok(ValidSupplier {
                name: "Biofresh".into(),
                contact: "Anne, 02 555 01 01".into(),
                order_email: "orders@biofresh.be".into(),
                min_order_cents: 15_000,
                lead_days: 2,
                margin_bp: Some(2_550),
            })
        );
        let bare = SupplierForm {
            name: "Ferme du Houx".into(),
            ..Default::default()
        };
        assert_eq!(
            bare.validate(),
            Ok(ValidSupplier {
                name: "Ferme du Houx".into(),
                contact: String::new(),
                order_email: String::new(),
                min_order_cents: 0,
                lead_days: 0,
                margin_bp: None,
            })
        );
    }

    #[test]
    fn every_broken_rule_of_a_supplier_is_reported() {
        let bad = SupplierForm {
            name: "  ".into(),
            contact: "a\u{0}b".into(),
            order_email: "orders at biofresh".into(),
            min_order: "-5".into(),
            lead_days: "400".into(),
            margin: "vingt".into(),
        };
        assert_eq!(
            bad.validate(),
            Err(vec![
                FieldError::new("name", Reason::Required),
                FieldError::new("contact", Reason::InvalidCharacters),
                FieldError::new("order_email", Reason::InvalidEmail),
                FieldError::new("min_order", Reason::Negative),
                FieldError::new(
                    "lead_days",
                    Reason::OutOfRange {
                        min: 0,
                        max: MAX_LEAD_DAYS
                    }
                ),
                FieldError::new("margin", Reason::BadAmount),
            ])
        );
        let huge = SupplierForm {
            name: "x".repeat(NAME_MAX + 1),
            min_order: i64::MAX.to_string(),
            lead_days: "1.5".into(),
            ..Default::default()
        };
        assert_eq!(
            huge.validate(),
            Err(vec![
                FieldError::new("name", Reason::TooLong { max: NAME_MAX }),
                FieldError::new("min_order", Reason::BadAmount),
                FieldError::new("lead_days", Reason::InvalidNumber),
            ])
        );
    }

    #[test]
    fn a_supplier_edited_unchanged_stays_the_same() {
        let valid = form().validate().unwrap();
        let kept = Supplier {
            id: Uuid::nil(),
            name: valid.name.clone(),
            contact: valid.contact.clone(),
            order_email: valid.order_email.clone(),
            min_order_cents: valid.min_order_cents,
            lead_days: valid.lead_days,
            margin_bp: valid.margin_bp,
            active: true,
            products: 0,
        };
        assert_eq!(SupplierForm::of(&kept).validate(), Ok(valid));
    }

    #[test]
    fn lines_as_typed() {
        let line = |code: &str, size: &str, cost: &str| LineForm {
            code: code.into(),
            pack_size: size.into(),
            pack_cost: cost.into(),
        };
        let ok = |code: &str, milli, cents| {
            Ok(ValidLine {
                code: code.into(),
                pack_milli: milli,
                pack_cost_cents: cents,
            })
        };
        let err = |field, reason| Err(vec![FieldError::new(field, reason)]);
        let cases = [
            (line("BF-12", "12", "9,60"), ok("BF-12", 12_000, 960)),
            (line("", "2,5", "7.45"), ok("", 2_500, 745)),
            (line("", "1", "0"), ok("", 1_000, 0)),
            (line("", "0", "1"), err("pack_size", Reason::BadQuantity)),
            (line("", "-6", "1"), err("pack_size", Reason::BadQuantity)),
            (
                line("", "0,0001", "1"),
                err("pack_size", Reason::BadQuantity),
            ),
            (line("", "", "1"), err("pack_size", Reason::Required)),
            (
                line("", "2000000", "1"),
                err(
                    "pack_size",
                    Reason::OutOfRange {
                        min: 0,
                        max: 1_000_000,
                    },
                ),
            ),
            (line("", "1", "-0,01"), err("pack_cost", Reason::Negative)),
            (line("", "1", ""), err("pack_cost", Reason::Required)),
            (line("", "1", "1,005"), err("pack_cost", Reason::BadAmount)),
            (
                line("", "1", "1000000.01"),
                err(
                    "pack_cost",
                    Reason::OutOfRange {
                        min: 0,
                        max: 1_000_000,
                    },
                ),
            ),
            (
                line(&"x".repeat(31), "1", "1"),
                err("code", Reason::TooLong { max: CODE_MAX }),
            ),
        ];
        for (typed, expected) in cases {
            assert_eq!(typed.validate(), expected, "{typed:?}");
        }
    }

    #[test]
    fn a_price_list() {
        let text = "barcode;code;pack_size;pack_cost\n\
            4006381333931;BF-1;12;9,60\n\
            ;BF-2;5;7,45\n\
            96385074;;1;1,10\n";
        let rows = parse_price_list(text).unwrap();
        let got: Vec<(usize, Option<&str>, &str, i64, i64)> = rows
            .iter()
            .map(|(line, r)| {
                let l = &r.line;
                (
                    *line,
                    r.barcode.as_deref(),
                    l.code.as_str(),
                    l.pack_milli,
                    l.pack_cost_cents,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (2, Some("4006381333931"), "BF-1", 12_000, 960),
                (3, None, "BF-2", 5_000, 745),
                (4, Some("96385074"), "", 1_000, 110),
            ]
        );
    }

    #[test]
    fn every_bad_row_of_a_price_list_is_reported_with_its_line() {
        let text = "barcode,code,pack_size,pack_cost\n\
            4006381333931,BF-1,12,9.60\n\
            4006381333932,BF-2,12,9.60\n\
            ,,12,9.60\n\
            4006381333931,BF-3,0,1\n\
            96385074,BF-1,6,-1\n";
        assert_eq!(
            parse_price_list(text).unwrap_err(),
            vec![
                RowError::new(3, "barcode", Reason::InvalidBarcode),
                RowError::new(4, "barcode", Reason::Required),
                RowError::new(5, "pack_size", Reason::BadQuantity),
                RowError::new(5, "barcode", Reason::DuplicateInFile { line: 2 }),
                RowError::new(6, "pack_cost", Reason::Negative),
                RowError::new(6, "code", Reason::DuplicateInFile { line: 2 }),
            ]
        );
        let missing = parse_price_list("barcode,code\n4006381333931,BF-1\n").unwrap_err();
        assert_eq!(missing.len(), 2);
    }
}
