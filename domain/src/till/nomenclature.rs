//! The barcode nomenclature: the coop's ordered, staff-editable list of rules that says what a
//! scanned code means (a product, a weighed or price-labelled item, a member card, a cashier
//! badge) and where a scale label hides its weight or price. Check digits come from
//! [`crate::barcode`]; a misread is refused, never guessed.

use crate::barcode::{check_digit, digits, validate_gtin, BarcodeError};
use crate::validation::{FieldError, Reason};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Where an embedded value sits: `len` digits from position `start` (0 is the first digit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub start: usize,
    pub len: usize,
}

/// What a code matching a rule means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RuleKind {
    /// A weighed item: `value` holds the weight in grams (milli-units of the product's unit).
    Weighed {
        value: Field,
    },
    /// A price-labelled item: `value` holds the price in cents, VAT included.
    PriceEmbedded {
        value: Field,
    },
    MemberCard,
    CashierBadge,
    /// A product's own barcode.
    Product,
}

/// One rule. `pattern` is matched against the first digits of the code, one position per
/// token: a digit, `.` for any digit, or a range such as `[1-9]`; so `2[1-9]` covers the
/// prefixes 21 to 29. `length` is the code's length with its check digit; `None` accepts any
/// GTIN length (8, 12 or 13) and is only allowed for rules without an embedded value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BarcodeRule {
    pub kind: RuleKind,
    pub pattern: String,
    pub length: Option<usize>,
}

/// Why a rule cannot be used; `rule` is its position in the list, from 0.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    #[error("rule {rule}: the pattern has digits, `.` and ranges such as `[1-9]` only")]
    BadPattern { rule: usize },
    #[error("rule {rule}: a barcode has 8, 12 or 13 digits")]
    BadLength { rule: usize },
    #[error("rule {rule}: the pattern is longer than the code")]
    PatternTooLong { rule: usize },
    #[error("rule {rule}: the value needs 1 to 9 digits between the pattern and the check digit of a code of fixed length")]
    BadField { rule: usize },
}

impl RuleError {
    /// The position of the rule that cannot be used, from 0.
    pub fn rule(&self) -> usize {
        match *self {
            RuleError::BadPattern { rule }
            | RuleError::BadLength { rule }
            | RuleError::PatternTooLong { rule }
            | RuleError::BadField { rule } => rule,
        }
    }

    /// The errors an editor shows: which rule (counted from 1) on the field `rules`, and why
    /// on the field `rule-<position from 0>`, beside the rule itself.
    pub fn field_errors(&self) -> Vec<FieldError> {
        let why = match self {
            RuleError::BadPattern { .. } => Reason::RulePattern,
            RuleError::BadLength { .. } => Reason::RuleLength,
            RuleError::PatternTooLong { .. } => Reason::RulePatternTooLong,
            RuleError::BadField { .. } => Reason::RuleValueField,
        };
        let rule = self.rule();
        vec![
            FieldError::new("rules", Reason::BadNomenclatureRule { rule: rule + 1 }),
            FieldError::new(&format!("rule-{rule}"), why),
        ]
    }
}

/// What a scanned code means. For embedded codes `lookup` is the barcode stored on the
/// product: the code with its embedded value replaced by zeros and its check digit recomputed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scan {
    Product { barcode: String },
    Weighed { lookup: String, grams: u32 },
    PriceEmbedded { lookup: String, cents: u32 },
    MemberCard { barcode: String },
    CashierBadge { barcode: String },
}

impl Scan {
    /// The barcode to find the product by, unless the code is a card or a badge.
    pub fn product_barcode(&self) -> Option<&str> {
        match self {
            Scan::Product { barcode } => Some(barcode),
            Scan::Weighed { lookup, .. } | Scan::PriceEmbedded { lookup, .. } => Some(lookup),
            Scan::MemberCard { .. } | Scan::CashierBadge { .. } => None,
        }
    }
}

/// Why a scanned code was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScanError {
    #[error(transparent)]
    Barcode(#[from] BarcodeError),
    #[error("no rule of the barcode nomenclature matches this code")]
    NoRule,
}

/// A checked list of rules, tried in order: the first that matches wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<BarcodeRule>", into = "Vec<BarcodeRule>")]
pub struct Nomenclature {
    rules: Vec<CheckedRule>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct CheckedRule {
    rule: BarcodeRule,
    /// Each pattern position as an inclusive range of digits.
    positions: Vec<(u8, u8)>,
}

impl Nomenclature {
    /// Checks every rule: a readable pattern, a GTIN length, and an embedded value that lies
    /// after the pattern and before the check digit.
    pub fn new(rules: Vec<BarcodeRule>) -> Result<Self, RuleError> {
        let rules = rules
            .into_iter()
            .enumerate()
            .map(|(i, rule)| check_rule(i, rule))
            .collect::<Result<_, _>>()?;
        Ok(Nomenclature { rules })
    }

    pub fn rules(&self) -> impl Iterator<Item = &BarcodeRule> {
        self.rules.iter().map(|r| &r.rule)
    }
}

/// The defaults of a new coop: `2[1-9]` weighed items and `02` price-labelled items (5-digit
/// item code, 5-digit value, check digit), member cards `042`, cashier badges `041`, then any
/// other valid EAN-13, EAN-8 or UPC-A as a product.
impl Default for Nomenclature {
    fn default() -> Self {
        let value = Field { start: 7, len: 5 };
        let in_store = |kind, pattern: &str| BarcodeRule {
            kind,
            pattern: pattern.to_string(),
            length: Some(13),
        };
        Nomenclature::new(vec![
            in_store(RuleKind::Weighed { value }, "2[1-9]"),
            in_store(RuleKind::PriceEmbedded { value }, "02"),
            in_store(RuleKind::MemberCard, "042"),
            in_store(RuleKind::CashierBadge, "041"),
            BarcodeRule {
                kind: RuleKind::Product,
                pattern: String::new(),
                length: None,
            },
        ])
        .expect("the default nomenclature is valid")
    }
}

impl TryFrom<Vec<BarcodeRule>> for Nomenclature {
    type Error = RuleError;

    fn try_from(rules: Vec<BarcodeRule>) -> Result<Self, RuleError> {
        Nomenclature::new(rules)
    }
}

impl From<Nomenclature> for Vec<BarcodeRule> {
    fn from(n: Nomenclature) -> Self {
        n.rules.into_iter().map(|r| r.rule).collect()
    }
}

fn check_rule(i: usize, rule: BarcodeRule) -> Result<CheckedRule, RuleError> {
    let positions = parse_pattern(&rule.pattern).ok_or(RuleError::BadPattern { rule: i })?;
    let max_len = match rule.length {
        Some(len @ (8 | 12 | 13)) => len,
        Some(_) => return Err(RuleError::BadLength { rule: i }),
        None => 8,
    };
    if positions.len() > max_len - 1 {
        return Err(RuleError::PatternTooLong { rule: i });
    }
    if let RuleKind::Weighed { value } | RuleKind::PriceEmbedded { value } = rule.kind {
        let fits = rule.length.is_some()
            && (1..=9).contains(&value.len)
            && value.start >= positions.len()
            && value.start + value.len < max_len;
        if !fits {
            return Err(RuleError::BadField { rule: i });
        }
    }
    Ok(CheckedRule { rule, positions })
}

/// Reads a pattern into inclusive digit ranges, one per position; `None` if it is malformed.
fn parse_pattern(pattern: &str) -> Option<Vec<(u8, u8)>> {
    let digit = |b: u8| b.is_ascii_digit().then(|| b - b'0');
    let bytes = pattern.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'.' => out.push((0, 9)),
            b'[' => {
                let &[lo, dash, hi, close] = bytes.get(i + 1..i + 5)? else {
                    return None;
                };
                let (lo, hi) = (digit(lo)?, digit(hi)?);
                if dash != b'-' || close != b']' || lo > hi {
                    return None;
                }
                out.push((lo, hi));
                i += 4;
            }
            b => {
                let d = digit(b)?;
                out.push((d, d));
            }
        }
        i += 1;
    }
    Some(out)
}

/// Reads a scanned code with the nomenclature. Surrounding whitespace (the scanner's Enter)
/// is ignored.
///
/// Errors: [`ScanError::Barcode`] for anything but digits, a length other than 8, 12 or 13, or
/// a wrong check digit (a misread: scan again); [`ScanError::NoRule`] when no rule matches.
pub fn parse_scan(nomenclature: &Nomenclature, input: &str) -> Result<Scan, ScanError> {
    let code = input.trim();
    validate_gtin(code)?;
    let d = digits(code)?;
    let rule = nomenclature
        .rules
        .iter()
        .find(|r| matches(r, &d))
        .ok_or(ScanError::NoRule)?;
    let barcode = code.to_string();
    Ok(match rule.rule.kind {
        RuleKind::Product => Scan::Product { barcode },
        RuleKind::MemberCard => Scan::MemberCard { barcode },
        RuleKind::CashierBadge => Scan::CashierBadge { barcode },
        RuleKind::Weighed { value } => {
            let (lookup, grams) = split_embedded(&d, value);
            Scan::Weighed { lookup, grams }
        }
        RuleKind::PriceEmbedded { value } => {
            let (lookup, cents) = split_embedded(&d, value);
            Scan::PriceEmbedded { lookup, cents }
        }
    })
}

/// Whether a product with these barcodes is sold by price label: one of them is the lookup
/// barcode of a price-embedded rule (a label's code with its price zeroed). Only such a
/// product may take a label's price.
pub fn sold_by_label<'a>(
    nomenclature: &Nomenclature,
    barcodes: impl IntoIterator<Item = &'a str>,
) -> bool {
    barcodes.into_iter().any(|b| {
        matches!(parse_scan(nomenclature, b), Ok(Scan::PriceEmbedded { lookup, cents: 0 }) if lookup == b)
    })
}

fn matches(rule: &CheckedRule, code: &[u8]) -> bool {
    rule.rule.length.is_none_or(|len| len == code.len())
        && rule.positions.len() < code.len()
        && rule
            .positions
            .iter()
            .zip(code)
            .all(|(&(lo, hi), &d)| (lo..=hi).contains(&d))
}

/// The lookup barcode (value zeroed, check digit recomputed) and the embedded value. The rule
/// was checked to put the value before the check digit of a code of its length.
fn split_embedded(code: &[u8], value: Field) -> (String, u32) {
    let mut data = code[..code.len() - 1].to_vec();
    let field = &mut data[value.start..value.start + value.len];
    let embedded = field.iter().fold(0u32, |n, d| n * 10 + u32::from(*d));
    field.fill(0);
    data.push(check_digit(&data));
    let lookup = data.iter().map(|d| char::from(b'0' + d)).collect();
    (lookup, embedded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::barcode::ean13_from_data;
    use proptest::prelude::*;

    /// The EAN-13 code of 12 data digits, as a scale prints it.
    fn ean13(data: &str) -> String {
        ean13_from_data(&digits(data).unwrap().try_into().unwrap())
    }

    fn product(barcode: &str) -> Scan {
        Scan::Product {
            barcode: barcode.to_string(),
        }
    }

    #[test]
    fn a_refused_rule_names_its_position_and_why() {
        let rule = |pattern: &str, length, kind| BarcodeRule {
            kind,
            pattern: pattern.to_string(),
            length,
        };
        let value = Field { start: 7, len: 5 };
        let cases = [
            (rule("2x", Some(13), RuleKind::Product), Reason::RulePattern),
            (rule("2", Some(10), RuleKind::Product), Reason::RuleLength),
            (
                rule("12345678", None, RuleKind::Product),
                Reason::RulePatternTooLong,
            ),
            (
                rule("2", None, RuleKind::Weighed { value }),
                Reason::RuleValueField,
            ),
        ];
        for (bad, why) in cases {
            let error = Nomenclature::new(vec![rule("", None, RuleKind::Product), bad])
                .expect_err("the second rule is refused");
            assert_eq!(error.rule(), 1);
            assert_eq!(
                error.field_errors(),
                vec![
                    FieldError::new("rules", Reason::BadNomenclatureRule { rule: 2 }),
                    FieldError::new("rule-1", why),
                ]
            );
        }
    }

    #[test]
    fn gtins_through_the_default_nomenclature() {
        let n = Nomenclature::default();
        let cases = [
            ("4006381333931", Ok(product("4006381333931"))), // EAN-13
            ("5901234123457", Ok(product("5901234123457"))), // EAN-13
            ("96385074", Ok(product("96385074"))),           // EAN-8
            ("036000291452", Ok(product("036000291452"))),   // UPC-A
            ("4006381333931\n", Ok(product("4006381333931"))),
            // 20 is in-store but has no rule of its own: a product labelled by the coop.
            ("2000000000008", Ok(product("2000000000008"))),
            // A 12-digit code starting 21 is not a 13-digit scale label.
            ("211234501250", Ok(product("211234501250"))),
            (
                "0420000000013",
                Ok(Scan::MemberCard {
                    barcode: "0420000000013".to_string(),
                }),
            ),
            (
                "0410000000427",
                Ok(Scan::CashierBadge {
                    barcode: "0410000000427".to_string(),
                }),
            ),
            ("4006381333932", Err(BarcodeError::BadCheckDigit.into())),
            ("96385075", Err(BarcodeError::BadCheckDigit.into())),
            ("036000291453", Err(BarcodeError::BadCheckDigit.into())),
            ("40063813339", Err(BarcodeError::BadLength(11).into())),
            ("400638133393100", Err(BarcodeError::BadLength(15).into())),
            ("", Err(BarcodeError::BadLength(0).into())),
            ("   ", Err(BarcodeError::BadLength(0).into())),
            ("40063813339a1", Err(BarcodeError::NotDigits.into())),
            ("4006381 333931", Err(BarcodeError::NotDigits.into())),
            (
                "４００６３８１３３３９３１",
                Err(BarcodeError::NotDigits.into()),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_scan(&n, input), expected, "{input:?}");
        }
    }

    #[test]
    fn products_sold_by_label_have_a_label_lookup_barcode() {
        let n = Nomenclature::default();
        let cases: [(&[&str], bool); 6] = [
            (&["0200001000003"], true),
            (&["5412345000013", "0212345000007"], true),
            // A label's code itself (a price in it) is not a lookup barcode.
            (&["0200001004995"], false),
            (&["5412345000013"], false),
            // A scale label's lookup: weighed, not priced.
            (&["2112345000008"], false),
            (&[], false),
        ];
        for (codes, expected) in cases {
            assert_eq!(
                sold_by_label(&n, codes.iter().copied()),
                expected,
                "{codes:?}"
            );
        }
    }

    #[test]
    fn weights_and_prices_embedded_in_scale_labels() {
        let n = Nomenclature::default();
        let weighed = |lookup: &str, grams| {
            Ok(Scan::Weighed {
                lookup: lookup.to_string(),
                grams,
            })
        };
        let priced = |lookup: &str, cents| {
            Ok(Scan::PriceEmbedded {
                lookup: lookup.to_string(),
                cents,
            })
        };
        let cases = [
            // 21 + item 12345 + 1 250 g.
            ("2112345012506", weighed("2112345000008", 1250)),
            ("2112345999999", weighed("2112345000008", 99_999)),
            ("2112345123455", weighed("2112345000008", 12_345)),
            // 29 + item 00001 + 500 g.
            ("2900001005005", weighed("2900001000000", 500)),
            // A label of zero grams still reads; the basket refuses the quantity.
            ("2112345000008", weighed("2112345000008", 0)),
            // 02 + item 00123 + 4.99 EUR.
            ("0200123004996", priced("0200123000004", 499)),
            ("0200123000004", priced("0200123000004", 0)),
            // A misread label is refused, not read with a guessed check digit.
            ("2112345012507", Err(BarcodeError::BadCheckDigit.into())),
            ("0200123004997", Err(BarcodeError::BadCheckDigit.into())),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_scan(&n, input), expected, "{input}");
        }
        let scan = parse_scan(&n, "2112345012506").unwrap();
        assert_eq!(scan.product_barcode(), Some("2112345000008"));
        let card = parse_scan(&n, "0420000000013").unwrap();
        assert_eq!(card.product_barcode(), None);
    }

    #[test]
    fn an_earlier_rule_wins() {
        let card_first = BarcodeRule {
            kind: RuleKind::MemberCard,
            pattern: "21".to_string(),
            length: Some(13),
        };
        let product_first = BarcodeRule {
            kind: RuleKind::Product,
            pattern: String::new(),
            length: None,
        };
        let defaults: Vec<BarcodeRule> = Nomenclature::default().rules().cloned().collect();

        let n = Nomenclature::new([vec![card_first], defaults.clone()].concat()).unwrap();
        assert_eq!(
            parse_scan(&n, "2112345012506"),
            Ok(Scan::MemberCard {
                barcode: "2112345012506".to_string()
            })
        );
        assert!(matches!(
            parse_scan(&n, "2212345012503"),
            Ok(Scan::Weighed { grams: 1250, .. })
        ));

        let n = Nomenclature::new([vec![product_first], defaults].concat()).unwrap();
        assert_eq!(
            parse_scan(&n, "2112345012506"),
            Ok(product("2112345012506"))
        );
    }

    #[test]
    fn a_code_no_rule_matches_is_refused() {
        let cards_only = Nomenclature::new(vec![BarcodeRule {
            kind: RuleKind::MemberCard,
            pattern: "042".to_string(),
            length: Some(13),
        }])
        .unwrap();
        assert_eq!(
            parse_scan(&cards_only, "4006381333931"),
            Err(ScanError::NoRule)
        );
        assert!(parse_scan(&cards_only, "0420000000013").is_ok());
    }

    #[test]
    fn rules_are_checked() {
        let rule = |kind, pattern: &str, length| BarcodeRule {
            kind,
            pattern: pattern.to_string(),
            length,
        };
        let value = Field { start: 7, len: 5 };
        let weighed = RuleKind::Weighed { value };
        let cases = [
            (rule(weighed, "2[1-9]", Some(13)), None),
            (rule(RuleKind::Product, ".2", None), None),
            (rule(RuleKind::Product, "2[9-1]", None), Some("BadPattern")),
            (rule(RuleKind::Product, "2[1-9", None), Some("BadPattern")),
            (rule(RuleKind::Product, "2[1:9]", None), Some("BadPattern")),
            (rule(RuleKind::Product, "2x", None), Some("BadPattern")),
            (rule(RuleKind::Product, "", Some(10)), Some("BadLength")),
            (
                rule(RuleKind::Product, "12345678", None),
                Some("PatternTooLong"),
            ),
            (rule(weighed, "2[1-9]", None), Some("BadField")),
            (rule(weighed, "21234567", Some(13)), Some("BadField")),
            (
                rule(
                    RuleKind::PriceEmbedded {
                        value: Field { start: 8, len: 5 },
                    },
                    "02",
                    Some(13),
                ),
                Some("BadField"),
            ),
            (
                rule(
                    RuleKind::PriceEmbedded {
                        value: Field { start: 2, len: 0 },
                    },
                    "02",
                    Some(13),
                ),
                Some("BadField"),
            ),
        ];
        for (r, expected) in cases {
            let got = Nomenclature::new(vec![r.clone()]).err().map(|e| match e {
                RuleError::BadPattern { rule: 0 } => "BadPattern",
                RuleError::BadLength { rule: 0 } => "BadLength",
                RuleError::PatternTooLong { rule: 0 } => "PatternTooLong",
                RuleError::BadField { rule: 0 } => "BadField",
                other => panic!("wrong rule index in {other:?}"),
            });
            assert_eq!(got, expected, "{r:?}");
        }
    }

    #[test]
    fn an_ean8_scale_label_rule() {
        // 2 + 1-digit item code + 5-digit weight in grams + check digit.
        let n = Nomenclature::new(vec![BarcodeRule {
            kind: RuleKind::Weighed {
                value: Field { start: 2, len: 5 },
            },
            pattern: "2".to_string(),
            length: Some(8),
        }])
        .unwrap();
        assert_eq!(
            parse_scan(&n, "21012501"),
            Ok(Scan::Weighed {
                lookup: "21000003".to_string(),
                grams: 1250
            })
        );
        // The rule reads 8-digit codes only: an EAN-13 starting with 2 matches nothing.
        assert_eq!(parse_scan(&n, "2112345012506"), Err(ScanError::NoRule));
    }

    proptest! {
        #[test]
        fn parse_scan_never_panics(s in ".*") {
            let _ = parse_scan(&Nomenclature::default(), &s);
        }

        #[test]
        fn parse_scan_never_panics_on_digits(s in "[0-9]{0,20}") {
            let n = Nomenclature::default();
            if let Ok(scan) = parse_scan(&n, &s) {
                // Whatever it reads, it has a valid check digit.
                prop_assert_eq!(validate_gtin(&s), Ok(()));
                if let Some(lookup) = scan.product_barcode() {
                    prop_assert_eq!(validate_gtin(lookup), Ok(()));
                }
            }
        }

        #[test]
        fn a_weighed_label_round_trips(prefix in 1u8..10, item in 0u32..100_000, grams in 0u32..100_000) {
            let label = ean13(&format!("2{prefix}{item:05}{grams:05}"));
            let lookup = ean13(&format!("2{prefix}{item:05}00000"));
            let scan = parse_scan(&Nomenclature::default(), &label);
            prop_assert_eq!(scan, Ok(Scan::Weighed { lookup, grams }));
        }

        #[test]
        fn a_price_label_round_trips(item in 0u32..100_000, cents in 0u32..100_000) {
            let label = ean13(&format!("02{item:05}{cents:05}"));
            let lookup = ean13(&format!("02{item:05}00000"));
            let scan = parse_scan(&Nomenclature::default(), &label);
            prop_assert_eq!(scan, Ok(Scan::PriceEmbedded { lookup, cents }));
        }
    }
}
