//! Shelf labels: what a label says of a product (name, price with VAT, the price per kilogram
//! or litre that EU unit-pricing rules require, origin, organic, local) and its barcode drawn
//! as SVG, so a sheet of labels prints sharp from the browser.
//!
//! The unit price: a product sold by weight or volume is priced per kilogram or litre
//! already; a piece with a net content (500 g, 1.5 l) is priced per kilogram or litre as its
//! price times 1000 over its content in milli-units, rounded once to the cent, half away from
//! zero. A piece without a net content has no unit price.

use crate::barcode::{bar_runs, digits, modules, BarcodeError, Symbology};
use crate::till::Unit;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt::Write;
use uuid::Uuid;

/// What a unit price is per: a kilogram or a litre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentUnit {
    Kg,
    L,
}

impl ContentUnit {
    /// As stored in `products.content_unit`.
    pub fn as_str(self) -> &'static str {
        match self {
            ContentUnit::Kg => "kg",
            ContentUnit::L => "l",
        }
    }

    pub fn parse(s: &str) -> Option<ContentUnit> {
        match s {
            "kg" => Some(ContentUnit::Kg),
            "l" => Some(ContentUnit::L),
            _ => None,
        }
    }
}

/// The largest net content of a piece: 1,000 kg or litres.
pub const MAX_CONTENT_MILLI: i64 = 1_000_000;

/// The net content of one piece: `milli` milli-units (grams, millilitres) of `unit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetContent {
    pub milli: i64,
    pub unit: ContentUnit,
}

impl NetContent {
    /// `None` unless `milli` is above zero and at most [`MAX_CONTENT_MILLI`].
    pub fn new(milli: i64, unit: ContentUnit) -> Option<NetContent> {
        (milli > 0 && milli <= MAX_CONTENT_MILLI).then_some(NetContent { milli, unit })
    }

    /// Reads a net content as typed: a number (comma or point for decimals) and a unit among
    /// `g`, `kg`, `ml`, `cl`, `l` (spaces and case do not matter): `500 g`, `1,5 l`, `33cl`.
    /// `None` for anything else, for zero, for less than a gram or millilitre, or past
    /// [`MAX_CONTENT_MILLI`].
    pub fn parse(typed: &str) -> Option<NetContent> {
        let typed = typed.trim().to_lowercase();
        let split = typed
            .find(|c: char| c.is_ascii_alphabetic())
            .filter(|i| *i > 0)?;
        let (number, unit) = typed.split_at(split);
        let number: Decimal = number.trim().replace(',', ".").parse().ok()?;
        let (per_milli, unit) = match unit.trim() {
            "g" => (1, ContentUnit::Kg),
            "kg" => (1000, ContentUnit::Kg),
            "ml" => (1, ContentUnit::L),
            "cl" => (10, ContentUnit::L),
            "l" => (1000, ContentUnit::L),
            _ => return None,
        };
        let milli = number.checked_mul(Decimal::from(per_milli))?;
        if !milli.fract().is_zero() {
            return None;
        }
        NetContent::new(i64::try_from(milli.trunc()).ok()?, unit)
    }

    /// The content as a person types it, read back the same by [`NetContent::parse`]:
    /// `500 g`, `2 kg`, `33 cl`, `250 ml`, `1 l`.
    pub fn typed(self) -> String {
        let (small, large) = match self.unit {
            ContentUnit::Kg => ("g", "kg"),
            ContentUnit::L => ("ml", "l"),
        };
        if self.milli % 1000 == 0 {
            format!("{} {large}", self.milli / 1000)
        } else if self.unit == ContentUnit::L && self.milli % 10 == 0 {
            format!("{} cl", self.milli / 10)
        } else {
            format!("{} {small}", self.milli)
        }
    }
}

/// A price per kilogram or per litre, with VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitPrice {
    pub cents: i64,
    pub per: ContentUnit,
}

/// The price per kilogram or litre of a product sold by `unit` at `price_cents` (with VAT,
/// per unit), holding `content` a piece. A product sold by weight or volume is its own price;
/// a piece is priced from its content, rounded to the cent half away from zero; a piece
/// without content has none.
pub fn unit_price(unit: Unit, price_cents: i64, content: Option<NetContent>) -> Option<UnitPrice> {
    match unit {
        Unit::Kg => Some(UnitPrice {
            cents: price_cents,
            per: ContentUnit::Kg,
        }),
        Unit::Litre => Some(UnitPrice {
            cents: price_cents,
            per: ContentUnit::L,
        }),
        Unit::Piece => {
            let content = content?;
            let num = i128::from(price_cents) * 1000;
            let den = i128::from(content.milli);
            let rounded = (2 * num.abs() + den) / (2 * den);
            let signed = if num < 0 { -rounded } else { rounded };
            Some(UnitPrice {
                cents: i64::try_from(signed).ok()?,
                per: content.unit,
            })
        }
    }
}

/// The longest origin a label shows ("Belgique", "Espagne (Almería)").
pub const ORIGIN_MAX: usize = 60;

/// What a product's shelf label says beyond its name and price: where it comes from, whether
/// it is organic or local, and the net content of one piece (for the price per kg or litre).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelFacts {
    /// Empty when not said.
    pub origin: String,
    pub organic: bool,
    pub local: bool,
    pub content: Option<NetContent>,
}

/// Everything a shelf label shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShelfLabel {
    pub product_id: Uuid,
    pub name: String,
    pub unit: Unit,
    /// With VAT, per unit.
    pub price_cents: i64,
    pub unit_price: Option<UnitPrice>,
    pub facts: LabelFacts,
    /// The product's first barcode that can be drawn (EAN-13, EAN-8 or UPC-A).
    pub barcode: Option<String>,
    /// When its price last changed (the server's clock), if it ever did.
    pub price_changed_at_ms: Option<i64>,
}

/// The first of `barcodes` that can be drawn as bars.
pub fn drawable(barcodes: &[String]) -> Option<String> {
    barcodes.iter().find(|b| modules(b).is_ok()).cloned()
}

/// Height of the bars, in modules; guard bars reach further down, between the digits.
const BAR_HEIGHT: usize = 50;
const GUARD_HEIGHT: usize = 56;
const SVG_HEIGHT: usize = 64;
/// The quiet zone left of the bars, wide enough for the first digit of an EAN-13 or UPC-A.
const LEFT_QUIET: usize = 9;
const RIGHT_QUIET: usize = 9;

/// Modules where the guard bars are, per symbology: start, centre, end.
fn is_guard(kind: Symbology, module: usize) -> bool {
    let (centre, end) = match kind {
        Symbology::Ean8 => (31, 64),
        Symbology::Ean13 | Symbology::UpcA => (45, 92),
    };
    module < 3 || (centre..centre + 5).contains(&module) || module >= end
}

/// Where each digit is written: its x in modules (centre of the digit) and the digit. The
/// first digit of an EAN-13 and the first and last of a UPC-A stand outside the bars.
fn digit_places(kind: Symbology, d: &[u8]) -> Vec<(f32, u8)> {
    let at = |module: usize| LEFT_QUIET as f32 + module as f32 + 3.5;
    match kind {
        Symbology::Ean13 => std::iter::once((LEFT_QUIET as f32 - 4.0, d[0]))
            .chain((0..6).map(|i| (at(3 + 7 * i), d[1 + i])))
            .chain((0..6).map(|i| (at(50 + 7 * i), d[7 + i])))
            .collect(),
        Symbology::UpcA => std::iter::once((LEFT_QUIET as f32 - 4.0, d[0]))
            .chain((0..5).map(|i| (at(10 + 7 * i), d[1 + i])))
            .chain((0..5).map(|i| (at(50 + 7 * i), d[6 + i])))
            .chain(std::iter::once(((LEFT_QUIET + 95) as f32 + 4.0, d[11])))
            .collect(),
        Symbology::Ean8 => (0..4)
            .map(|i| (at(3 + 7 * i), d[i]))
            .chain((0..4).map(|i| (at(36 + 7 * i), d[4 + i])))
            .collect(),
    }
}

/// The barcode as an SVG image: black bars on white, one unit per module, guard bars longer,
/// the digits under the bars as the symbology writes them. Holds only numbers and the
/// code's digits, so it may be written into a page as it is.
///
/// Errors: the code's own, when it is not a valid EAN-13, EAN-8 or UPC-A.
pub fn barcode_svg(code: &str) -> Result<String, BarcodeError> {
    let (kind, m) = modules(code)?;
    let d = digits(code)?;
    let width = LEFT_QUIET + m.len() + RIGHT_QUIET;
    let mut svg = String::with_capacity(4096);
    // Writing to a String cannot fail.
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {SVG_HEIGHT}\" \
         role=\"img\" aria-label=\"{code}\" class=\"barcode-svg\" data-code=\"{code}\">\
         <rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{SVG_HEIGHT}\" fill=\"#fff\"/>\
         <g fill=\"#000\">"
    );
    for (start, len) in bar_runs(&m) {
        let height = if is_guard(kind, start) {
            GUARD_HEIGHT
        } else {
            BAR_HEIGHT
        };
        let x = LEFT_QUIET + start;
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"0\" width=\"{len}\" height=\"{height}\"/>"
        );
    }
    let _ = write!(
        svg,
        "</g><g font-family=\"monospace\" font-size=\"9\" text-anchor=\"middle\" fill=\"#000\">"
    );
    for (x, digit) in digit_places(kind, &d) {
        let _ = write!(
            svg,
            "<text x=\"{x}\" y=\"{}\">{digit}</text>",
            SVG_HEIGHT - 1
        );
    }
    svg.push_str("</g></svg>");
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn content(milli: i64, unit: ContentUnit) -> Option<NetContent> {
        NetContent::new(milli, unit)
    }

    #[test]
    fn net_contents_as_typed() {
        use ContentUnit::*;
        let cases = [
            ("500 g", content(500, Kg)),
            ("500g", content(500, Kg)),
            ("1,5 l", content(1_500, L)),
            ("1.5 L", content(1_500, L)),
            ("33 cl", content(330, L)),
            ("250 ml", content(250, L)),
            ("2 kg", content(2_000, Kg)),
            (" 0,75 kg ", content(750, Kg)),
            ("0.5 g", None),
            ("0 g", None),
            ("-1 kg", None),
            ("1001 kg", None),
            ("500", None),
            ("g", None),
            ("5 oz", None),
            ("un kilo", None),
            ("", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(NetContent::parse(typed), expected, "{typed:?}");
        }
    }

    #[test]
    fn net_contents_are_shown_as_typed() {
        use ContentUnit::*;
        let cases = [
            (500, Kg, "500 g"),
            (2_000, Kg, "2 kg"),
            (1_500, Kg, "1500 g"),
            (330, L, "33 cl"),
            (1_000, L, "1 l"),
            (1_500, L, "150 cl"),
            (255, L, "255 ml"),
        ];
        for (milli, unit, shown) in cases {
            assert_eq!(NetContent::new(milli, unit).unwrap().typed(), shown);
        }
    }

    #[test]
    fn unit_prices() {
        use ContentUnit::*;
        let per = |cents, per| Some(UnitPrice { cents, per });
        let cases = [
            // Bread of 800 g at 3.20: 4.00 a kilogram.
            (Unit::Piece, 320, content(800, Kg), per(400, Kg)),
            // Beer of 33 cl at 1.45: 4.3939... a litre, 4.39.
            (Unit::Piece, 145, content(330, L), per(439, L)),
            // 250 g at 2.99: 11.96 a kilogram exactly.
            (Unit::Piece, 299, content(250, Kg), per(1_196, Kg)),
            // 300 g at 1.99: 6.6333..., 6.63; 300 g at 2.00: 6.6666..., 6.67.
            (Unit::Piece, 199, content(300, Kg), per(663, Kg)),
            (Unit::Piece, 200, content(300, Kg), per(667, Kg)),
            // Half a cent rounds away from zero: 1 cent for 2 kg is 0.005 a kg.
            (Unit::Piece, 1, content(2_000, Kg), per(1, Kg)),
            // 1.5 l at 1.15: 0.7666..., 0.77.
            (Unit::Piece, 115, content(1_500, L), per(77, L)),
            (Unit::Piece, 320, None, None),
            (Unit::Kg, 1_890, None, per(1_890, Kg)),
            (Unit::Kg, 1_890, content(500, Kg), per(1_890, Kg)),
            (Unit::Litre, 250, None, per(250, L)),
        ];
        for (unit, price, content, expected) in cases {
            assert_eq!(
                unit_price(unit, price, content),
                expected,
                "{unit:?} {price} {content:?}"
            );
        }
    }

    #[test]
    fn the_first_drawable_barcode_is_drawn() {
        let codes = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            drawable(&codes(&["123", "96385074", "4006381333931"])),
            Some("96385074".into())
        );
        assert_eq!(drawable(&codes(&["4006381333932"])), None);
        assert_eq!(drawable(&[]), None);
    }

    #[test]
    fn a_barcode_drawn_as_svg() {
        let svg = barcode_svg("5412345000013").unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 113 64\""));
        assert!(svg.ends_with("</svg>"));
        // 30 bars, 13 digits under them, read left to right.
        assert_eq!(svg.matches("<rect").count(), 31);
        let digits: String = svg
            .split("<text ")
            .skip(1)
            .map(|t| t.split('>').nth(1).unwrap().chars().next().unwrap())
            .collect();
        assert_eq!(digits, "5412345000013");
        // The guard bars are longer than the others.
        assert!(svg.contains("<rect x=\"9\" y=\"0\" width=\"1\" height=\"56\"/>"));
        assert!(svg.contains("height=\"50\""));

        let ean8 = barcode_svg("96385074").unwrap();
        assert!(ean8.contains("viewBox=\"0 0 85 64\""));
        assert_eq!(ean8.matches("<rect").count(), 23);
        assert_eq!(ean8.matches("<text").count(), 8);
        let upc = barcode_svg("036000291452").unwrap();
        assert_eq!(upc.matches("<text").count(), 12);
        assert_eq!(
            barcode_svg("4006381333932"),
            Err(BarcodeError::BadCheckDigit)
        );
        assert_eq!(barcode_svg("12ab"), Err(BarcodeError::NotDigits));
    }

    proptest! {
        #[test]
        fn a_typed_content_reads_back(milli in 1i64..=MAX_CONTENT_MILLI, litres: bool) {
            let unit = if litres { ContentUnit::L } else { ContentUnit::Kg };
            let c = NetContent::new(milli, unit).unwrap();
            prop_assert_eq!(NetContent::parse(&c.typed()), Some(c));
        }

        #[test]
        fn the_unit_price_is_the_decimal_price_rounded(
            price in 0i64..100_000_000, milli in 1i64..=MAX_CONTENT_MILLI
        ) {
            let c = NetContent::new(milli, ContentUnit::Kg).unwrap();
            let got = unit_price(Unit::Piece, price, Some(c)).unwrap();
            let exact = Decimal::from(price) * Decimal::from(1000) / Decimal::from(milli);
            let rounded = exact.round_dp_with_strategy(
                0,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            );
            prop_assert_eq!(Decimal::from(got.cents), rounded);
            // A kilogram bought by the piece costs the unit price within half a cent a kg.
            prop_assert_eq!(got.per, ContentUnit::Kg);
        }

        #[test]
        fn every_valid_code_draws(data in prop_oneof![
            proptest::collection::vec(0u8..10, 7),
            proptest::collection::vec(0u8..10, 11),
            proptest::collection::vec(0u8..10, 12),
        ]) {
            let mut code: String = data.iter().map(|x| char::from(b'0' + x)).collect();
            code.push(char::from(b'0' + crate::barcode::check_digit(&data)));
            let svg = barcode_svg(&code).unwrap();
            prop_assert_eq!(svg.matches("<text").count(), code.len());
            let label = format!("aria-label=\"{code}\"");
            prop_assert!(svg.contains(&label));
        }

        #[test]
        fn anything_else_is_refused_without_panicking(s in ".*") {
            let _ = NetContent::parse(&s);
            if crate::barcode::validate_gtin(&s).is_err() {
                prop_assert!(barcode_svg(&s).is_err());
            }
        }
    }
}
