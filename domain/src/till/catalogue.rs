//! The catalogue as staff edit it: the product form with its rules, and the products CSV
//! format, imported all or nothing like the member register (see [`crate::csv_table`]).
//! Whether a VAT rate is one of the coop's and a barcode is free is the server's to check.

use super::nomenclature::{BarcodeRule, Scan};
use super::product::{Deposit, Product, Unit};
use super::vat::VatRate;
use crate::barcode::validate_gtin;
use crate::csv_table::{FirstSeen, RowError, Table};
use crate::money::{from_cents, parse_amount, to_cents};
use crate::stock::labels::{LabelFacts, NetContent, ORIGIN_MAX};
use crate::validation::{Errors, FieldError, Reason};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const NAME_MAX: usize = 120;
pub const CATEGORY_MAX: usize = 60;

/// A product as typed by staff, every field as text but the flags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductForm {
    pub name: String,
    /// A category name; empty for none.
    pub category: String,
    /// `piece`, `kg` or `litre`.
    pub unit: String,
    /// The sale price with VAT, in euros, per unit: `3.20` or `3,20`.
    pub price: String,
    /// The VAT rate in percent: `6`, `21`.
    pub vat_percent: String,
    /// The deposit per unit in euros; empty for none.
    pub deposit: String,
    pub meal_voucher: bool,
    pub active: bool,
    pub barcodes: Vec<String>,
    /// What the shelf label says: the origin (empty for none), organic, local, and the net
    /// content of a piece as typed (`500 g`, `1,5 l`; empty for none).
    #[serde(default)]
    pub origin: String,
    #[serde(default)]
    pub organic: bool,
    #[serde(default)]
    pub local: bool,
    #[serde(default)]
    pub content: String,
}

/// A product that passed every rule of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidProduct {
    pub name: String,
    pub category: Option<String>,
    pub unit: Unit,
    pub price_cents: i64,
    pub vat_rate: VatRate,
    pub deposit_cents: i64,
    pub meal_voucher: bool,
    pub active: bool,
    /// Valid GTINs, each once, in the order given.
    pub barcodes: Vec<String>,
    pub label: LabelFacts,
}

/// Euros with at most two decimals, not negative, as cents.
fn cents(e: &mut Errors, field: &str, value: &str) -> i64 {
    match parse_amount(value).and_then(to_cents) {
        Some(c) if c >= 0 => c,
        _ => {
            e.add(field, Reason::BadAmount);
            0
        }
    }
}

/// A rate in percent with at most two decimals, from 0 to 100, as basis points.
pub fn parse_vat_percent(value: &str) -> Option<VatRate> {
    let percent: Decimal = value
        .trim()
        .trim_end_matches('%')
        .trim()
        .replace(',', ".")
        .parse()
        .ok()?;
    let bp = u32::try_from(to_cents(percent)?).ok()?;
    (bp <= 10_000).then_some(VatRate(bp))
}

impl ProductForm {
    /// Checks every field and reports every problem at once.
    pub fn validate(&self) -> Result<ValidProduct, Vec<FieldError>> {
        let mut e = Errors::default();
        let name = e.text("name", &self.name, NAME_MAX);
        let category = e.optional_text("category", &self.category, CATEGORY_MAX);
        let unit = Unit::parse(&self.unit);
        if unit.is_none() {
            e.add("unit", Reason::UnknownUnit);
        }
        let price_cents = if self.price.trim().is_empty() {
            e.add("price", Reason::Required);
            0
        } else {
            cents(&mut e, "price", &self.price)
        };
        let vat_rate = parse_vat_percent(&self.vat_percent);
        if vat_rate.is_none() {
            e.add("vat_percent", Reason::UnknownVatRate);
        }
        let deposit_cents = if self.deposit.trim().is_empty() {
            0
        } else {
            cents(&mut e, "deposit", &self.deposit)
        };
        let mut barcodes: Vec<String> = Vec::new();
        for code in self.barcodes.iter().map(|c| c.trim()) {
            if code.is_empty() || barcodes.iter().any(|b| b == code) {
                continue;
            }
            if validate_gtin(code).is_err() {
                e.add("barcodes", Reason::InvalidBarcode);
            }
            barcodes.push(code.to_string());
        }
        let origin = e
            .optional_text("origin", &self.origin, ORIGIN_MAX)
            .unwrap_or_default();
        let content = if self.content.trim().is_empty() {
            None
        } else {
            let content = NetContent::parse(&self.content);
            if content.is_none() {
                e.add("content", Reason::BadQuantity);
            }
            content
        };
        e.finish(ValidProduct {
            name,
            category,
            unit: unit.unwrap_or(Unit::Piece),
            price_cents,
            vat_rate: vat_rate.unwrap_or(VatRate::ZERO),
            deposit_cents,
            meal_voucher: self.meal_voucher,
            active: self.active,
            barcodes,
            label: LabelFacts {
                origin,
                organic: self.organic,
                local: self.local,
                content,
            },
        })
    }
}

impl ProductForm {
    /// The form of a product as the catalogue holds it, in `category` (its name), ready to
    /// edit: amounts as `3.20`, the VAT rate as `6`, no deposit as an empty field.
    pub fn of(p: &CatalogueProduct, category: Option<&str>) -> ProductForm {
        let euros = |cents: i64| from_cents(cents).to_string();
        ProductForm {
            name: p.name.clone(),
            category: category.unwrap_or_default().to_string(),
            unit: p.unit.as_str().to_string(),
            price: euros(p.price_cents),
            vat_percent: p.vat_rate.percent().normalize().to_string(),
            deposit: if p.deposit_cents == 0 {
                String::new()
            } else {
                euros(p.deposit_cents)
            },
            meal_voucher: p.meal_voucher,
            active: p.active,
            barcodes: p.barcodes.clone(),
            origin: p.label.origin.clone(),
            organic: p.label.organic,
            local: p.label.local,
            content: p.label.content.map(NetContent::typed).unwrap_or_default(),
        }
    }
}

/// Which products a list shows: the ones on sale, the withdrawn ones, or all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductState {
    #[default]
    Active,
    Inactive,
    All,
}

impl ProductState {
    pub const ALL: [ProductState; 3] = [
        ProductState::Active,
        ProductState::Inactive,
        ProductState::All,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProductState::Active => "active",
            ProductState::Inactive => "inactive",
            ProductState::All => "all",
        }
    }

    /// The state named in a link; products on sale for anything else.
    pub fn parse(s: &str) -> Self {
        ProductState::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .unwrap_or_default()
    }
}

/// A page of a product search and how many products match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductPage {
    pub products: Vec<CatalogueProduct>,
    pub total: u64,
}

/// A category and how many products it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryCount {
    pub category: Category,
    pub products: u64,
}

/// What the stock manager's forms choose from: the categories, the coop's VAT rates and the
/// barcode nomenclature in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueLists {
    pub categories: Vec<Category>,
    pub vat_rates: Vec<VatRate>,
    pub nomenclature: Vec<BarcodeRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: Uuid,
    pub name: String,
}

/// A product as the catalogue holds it and a till keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueProduct {
    pub id: Uuid,
    pub name: String,
    pub category_id: Option<Uuid>,
    pub unit: Unit,
    /// With VAT, per unit.
    pub price_cents: i64,
    pub vat_rate: VatRate,
    pub deposit_cents: i64,
    pub deposit_vat_rate: VatRate,
    pub meal_voucher: bool,
    pub active: bool,
    pub barcodes: Vec<String>,
    /// What its shelf label says (not used by the tills; absent from copies kept before it).
    #[serde(default)]
    pub label: LabelFacts,
    /// The catalogue version of its last change.
    pub version: i64,
    pub updated_at_ms: i64,
}

impl CatalogueProduct {
    /// The product as the till's rules sell it, at `price_cents`.
    pub fn for_sale(&self, price_cents: i64) -> Product {
        Product {
            id: self.id,
            name: self.name.clone(),
            unit: self.unit,
            unit_price: Decimal::new(price_cents, 2),
            vat_rate: self.vat_rate,
            deposit: (self.deposit_cents != 0).then(|| Deposit {
                amount: Decimal::new(self.deposit_cents, 2),
                vat_rate: self.deposit_vat_rate,
            }),
            meal_voucher: self.meal_voucher,
        }
    }
}

/// What changed in the catalogue after a version: products by increasing version (at most a
/// page; `more` says whether to ask again from `version`), and the small lists whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueChanges {
    /// The version to ask from next time.
    pub version: i64,
    pub more: bool,
    pub products: Vec<CatalogueProduct>,
    pub categories: Vec<Category>,
    pub vat_rates: Vec<VatRate>,
    pub nomenclature: Vec<BarcodeRule>,
}

/// What a scanned code is: a product (with what the code says of its weight or price), or a
/// member card or cashier badge (no product).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lookup {
    pub scan: Scan,
    pub product: Option<CatalogueProduct>,
}

/// The columns of the products CSV; only `name`, `unit`, `price` and `vat_percent` are
/// required. Barcodes are separated by spaces or `|`; flags are yes or no (also oui/non,
/// ja/nee, true/false, 1/0); a product is active unless said otherwise; `content` is the net
/// content of a piece as typed in the form (`500 g`).
pub const COLUMNS: [&str; 13] = [
    "name",
    "category",
    "unit",
    "price",
    "vat_percent",
    "deposit",
    "meal_voucher",
    "active",
    "barcodes",
    "origin",
    "organic",
    "local",
    "content",
];
const REQUIRED: [&str; 4] = ["name", "unit", "price", "vat_percent"];

/// The most rows one import takes.
pub const MAX_ROWS: usize = 50_000;

fn yes_no(value: &str, default: bool) -> Option<bool> {
    match value.trim().to_lowercase().as_str() {
        "" => Some(default),
        "yes" | "y" | "oui" | "ja" | "true" | "1" => Some(true),
        "no" | "n" | "non" | "nee" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// Parses and checks a whole products CSV file: every row's rules, and no barcode twice in
/// the file. Returns each product with its line.
pub fn parse_csv(text: &str) -> Result<Vec<(usize, ValidProduct)>, Vec<RowError>> {
    let table = Table {
        columns: &COLUMNS,
        required: &REQUIRED,
        max_rows: MAX_ROWS,
    };
    let mut seen = FirstSeen::default();
    table.read(text, |line, get| {
        let mut flags = Errors::default();
        let mut flag = |field: &str, default| {
            yes_no(&get(field), default).unwrap_or_else(|| {
                flags.add(field, Reason::NotYesNo);
                default
            })
        };
        let form = ProductForm {
            name: get("name"),
            category: get("category"),
            unit: get("unit"),
            price: get("price"),
            vat_percent: get("vat_percent"),
            deposit: get("deposit"),
            meal_voucher: flag("meal_voucher", false),
            active: flag("active", true),
            organic: flag("organic", false),
            local: flag("local", false),
            origin: get("origin"),
            content: get("content"),
            barcodes: get("barcodes")
                .split(|c: char| c == '|' || c.is_whitespace())
                .map(str::to_string)
                .collect(),
        };
        let mut errors = match form.validate() {
            Ok(product) => {
                let mut errors = Vec::new();
                for b in &product.barcodes {
                    seen.note(b.clone(), line, "barcodes", &mut errors);
                }
                if errors.is_empty() && flags.0.is_empty() {
                    return Ok(product);
                }
                errors
            }
            Err(errors) => errors,
        };
        errors.extend(flags.0);
        Err(errors)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProductForm {
        ProductForm {
            name: " Pain complet ".into(),
            category: "Boulangerie".into(),
            unit: "piece".into(),
            price: "3,20".into(),
            vat_percent: "6".into(),
            deposit: String::new(),
            meal_voucher: true,
            active: true,
            barcodes: vec!["4006381333931".into(), " 4006381333931".into()],
            origin: " Belgique ".into(),
            organic: true,
            local: false,
            content: "800 g".into(),
        }
    }

    #[test]
    fn a_good_form() {
        let p = form().validate().unwrap();
        assert_eq!(p.name, "Pain complet");
        assert_eq!(p.category.as_deref(), Some("Boulangerie"));
        assert_eq!(p.price_cents, 320);
        assert_eq!(p.vat_rate, VatRate(600));
        assert_eq!(p.barcodes, vec!["4006381333931".to_string()]);
        assert_eq!(
            p.label,
            LabelFacts {
                origin: "Belgique".into(),
                organic: true,
                local: false,
                content: NetContent::new(800, crate::stock::labels::ContentUnit::Kg),
            }
        );
    }

    #[test]
    fn every_broken_rule_is_reported() {
        let bad = ProductForm {
            name: " ".into(),
            unit: "box".into(),
            price: "3.205".into(),
            vat_percent: "six".into(),
            deposit: "-0.10".into(),
            barcodes: vec!["4006381333932".into()],
            origin: "x".repeat(61),
            content: "un kilo".into(),
            ..form()
        };
        let fields: Vec<(String, Reason)> = bad
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.reason))
            .collect();
        let expected = [
            ("name", Reason::Required),
            ("unit", Reason::UnknownUnit),
            ("price", Reason::BadAmount),
            ("vat_percent", Reason::UnknownVatRate),
            ("deposit", Reason::BadAmount),
            ("barcodes", Reason::InvalidBarcode),
            ("origin", Reason::TooLong { max: 60 }),
            ("content", Reason::BadQuantity),
        ]
        .map(|(f, r)| (f.to_string(), r));
        assert_eq!(fields, expected);
    }

    fn catalogued(p: &ValidProduct) -> CatalogueProduct {
        CatalogueProduct {
            id: Uuid::nil(),
            name: p.name.clone(),
            category_id: None,
            unit: p.unit,
            price_cents: p.price_cents,
            vat_rate: p.vat_rate,
            deposit_cents: p.deposit_cents,
            deposit_vat_rate: VatRate::ZERO,
            meal_voucher: p.meal_voucher,
            active: p.active,
            barcodes: p.barcodes.clone(),
            label: p.label.clone(),
            version: 1,
            updated_at_ms: 0,
        }
    }

    #[test]
    fn a_product_edited_unchanged_stays_the_same() {
        let cases = [
            form(),
            ProductForm {
                category: String::new(),
                unit: "kg".into(),
                price: "18.9".into(),
                vat_percent: "5,5".into(),
                deposit: "0,10".into(),
                meal_voucher: false,
                active: false,
                barcodes: vec![],
                origin: String::new(),
                organic: false,
                local: true,
                content: "1,5 l".into(),
                ..form()
            },
        ];
        for typed in cases {
            let p = typed.validate().unwrap();
            let again = ProductForm::of(&catalogued(&p), p.category.as_deref());
            assert_eq!(again.validate().unwrap(), p, "{typed:?}");
        }
        let shown = ProductForm::of(&catalogued(&form().validate().unwrap()), None);
        assert_eq!(
            (
                shown.price.as_str(),
                shown.vat_percent.as_str(),
                shown.deposit.as_str()
            ),
            ("3.20", "6", "")
        );
    }

    proptest::proptest! {
        #[test]
        fn any_stored_product_reads_back_from_its_form(
            price in 0i64..10_000_000,
            deposit in 0i64..10_000,
            bp in 0u32..=10_000,
            content in proptest::option::of(1i64..=crate::stock::labels::MAX_CONTENT_MILLI),
            organic: bool,
        ) {
            let p = ValidProduct {
                name: "Produit".into(),
                category: None,
                unit: Unit::Litre,
                price_cents: price,
                vat_rate: VatRate(bp),
                deposit_cents: deposit,
                meal_voucher: true,
                active: true,
                barcodes: vec![],
                label: LabelFacts {
                    origin: "Pérou".into(),
                    organic,
                    local: !organic,
                    content: content.and_then(|c| {
                        NetContent::new(c, crate::stock::labels::ContentUnit::L)
                    }),
                },
            };
            let again = ProductForm::of(&catalogued(&p), None).validate().unwrap();
            proptest::prop_assert_eq!(again, p);
        }
    }

    #[test]
    fn product_states_read_back() {
        for s in ProductState::ALL {
            assert_eq!(ProductState::parse(s.as_str()), s);
        }
        assert_eq!(ProductState::parse("nonsense"), ProductState::Active);
    }

    #[test]
    fn vat_percents() {
        let cases = [
            ("6", Some(600)),
            ("21 %", Some(2100)),
            ("5,5", Some(550)),
            ("0", Some(0)),
            ("100", Some(10_000)),
            ("100.01", None),
            ("-6", None),
            ("6.001", None),
            ("six", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_vat_percent(input), expected.map(VatRate), "{input}");
        }
    }

    #[test]
    fn a_products_file() {
        let text = "name;unit;price;vat_percent;deposit;meal_voucher;barcodes\n\
            Pain complet;piece;3,20;6;;oui;4006381333931\n\
            Comté;kg;18,90;6;;yes;\n\
            Bière;piece;1,45;21;0,10;non;5901234123457 | 96385074\n";
        let rows = parse_csv(text).unwrap();
        let got: Vec<(usize, &str, i64, i64, bool, usize)> = rows
            .iter()
            .map(|(line, p)| {
                let (name, flag, codes) = (p.name.as_str(), p.meal_voucher, p.barcodes.len());
                (*line, name, p.price_cents, p.deposit_cents, flag, codes)
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (2, "Pain complet", 320, 0, true, 1),
                (3, "Comté", 1890, 0, true, 0),
                (4, "Bière", 145, 10, false, 2),
            ]
        );
        assert!(rows.iter().all(|(_, p)| p.active));
    }

    #[test]
    fn a_products_file_with_label_columns() {
        let text = "name,unit,price,vat_percent,origin,organic,local,content\n\
            Pain complet,piece,3.20,6,Belgique,oui,ja,800 g\n\
            Bière,piece,1.45,21,,,,33 cl\n\
            Sel,piece,1.00,6,,peut-être,,un sac\n";
        let errors = parse_csv(text).unwrap_err();
        assert_eq!(
            errors,
            vec![
                RowError::new(4, "content", Reason::BadQuantity),
                RowError::new(4, "organic", Reason::NotYesNo),
            ]
        );
        let rows = parse_csv(&text.replace("peut-être", "").replace("un sac", "")).unwrap();
        let bread = &rows[0].1.label;
        assert_eq!(
            (bread.origin.as_str(), bread.organic, bread.local),
            ("Belgique", true, true)
        );
        assert_eq!(bread.content.map(|c| c.milli), Some(800));
        assert_eq!(rows[1].1.label.content.map(|c| c.milli), Some(330));
        assert_eq!(rows[2].1.label, LabelFacts::default());
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let text = "name,unit,price,vat_percent,active,barcodes\n\
            Pain,piece,3.20,6,yes,4006381333931\n\
            ,litre,1.00,6,maybe,\n\
            Pain bis,piece,3.20,6,yes,4006381333931\n\
            Sel,bag,1.00,6,,\n";
        let errors = parse_csv(text).unwrap_err();
        assert_eq!(
            errors,
            vec![
                RowError::new(3, "name", Reason::Required),
                RowError::new(3, "active", Reason::NotYesNo),
                RowError::new(4, "barcodes", Reason::DuplicateInFile { line: 2 }),
                RowError::new(5, "unit", Reason::UnknownUnit),
            ]
        );
        let missing = parse_csv("name,price\nPain,3.20\n").unwrap_err();
        let reasons: Vec<Reason> = missing.into_iter().map(|e| e.reason).collect();
        assert_eq!(
            reasons,
            vec![
                Reason::MissingColumn {
                    name: "unit".into()
                },
                Reason::MissingColumn {
                    name: "vat_percent".into()
                },
            ]
        );
    }
}
