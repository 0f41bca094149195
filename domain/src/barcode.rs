//! GTIN barcodes (EAN-13, EAN-8, UPC-A): check digits, validation, and their bar patterns,
//! used to draw a member card or a shelf label on screen or on paper.

use thiserror::Error;

/// Why a code is not a valid GTIN. A wrong check digit is a misread: never guess.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BarcodeError {
    #[error("a barcode has only digits")]
    NotDigits,
    #[error("a barcode has 8, 12 or 13 digits, not {0}")]
    BadLength(usize),
    #[error("the check digit is wrong")]
    BadCheckDigit,
}

/// The GS1 check digit for the given data digits (all digits but the check digit).
/// Weights 3 and 1 alternate from the rightmost data digit.
pub fn check_digit(data: &[u8]) -> u8 {
    let sum: u32 = data
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| u32::from(*d) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// Parses a string of ASCII digits into their values.
pub fn digits(code: &str) -> Result<Vec<u8>, BarcodeError> {
    code.bytes()
        .map(|b| {
            if b.is_ascii_digit() {
                Ok(b - b'0')
            } else {
                Err(BarcodeError::NotDigits)
            }
        })
        .collect()
}

/// Validates an EAN-13, EAN-8 or UPC-A code, check digit included.
pub fn validate_gtin(code: &str) -> Result<(), BarcodeError> {
    let d = digits(code)?;
    if !matches!(d.len(), 8 | 12 | 13) {
        return Err(BarcodeError::BadLength(d.len()));
    }
    let (data, check) = d.split_at(d.len() - 1);
    if check_digit(data) == check[0] {
        Ok(())
    } else {
        Err(BarcodeError::BadCheckDigit)
    }
}

/// Appends the check digit to 12 data digits, giving an EAN-13 string.
pub fn ean13_from_data(data: &[u8; 12]) -> String {
    let mut s: String = data.iter().map(|d| char::from(b'0' + d)).collect();
    s.push(char::from(b'0' + check_digit(data)));
    s
}

// Encodings of digits 0-9 for the left half (L and G) and the right half (R), 7 modules each.
const L_CODES: [u8; 10] = [
    0b0001101, 0b0011001, 0b0010011, 0b0111101, 0b0100011, 0b0110001, 0b0101111, 0b0111011,
    0b0110111, 0b0001011,
];
const G_CODES: [u8; 10] = [
    0b0100111, 0b0110011, 0b0011011, 0b0100001, 0b0011101, 0b0111001, 0b0000101, 0b0010001,
    0b0001001, 0b0010111,
];
// Parity of the six left digits, chosen by the first digit: true means G.
const PARITY: [[bool; 6]; 10] = [
    [false, false, false, false, false, false],
    [false, false, true, false, true, true],
    [false, false, true, true, false, true],
    [false, false, true, true, true, false],
    [false, true, false, false, true, true],
    [false, true, true, false, false, true],
    [false, true, true, true, false, false],
    [false, true, false, true, true, false],
    [false, true, false, true, false, true],
    [false, true, true, false, true, false],
];

fn push_bits(out: &mut Vec<bool>, bits: u8, width: u32) {
    for i in (0..width).rev() {
        out.push(bits >> i & 1 == 1);
    }
}

/// The three GTIN symbologies a shop meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symbology {
    /// 13 digits, 95 modules.
    Ean13,
    /// 8 digits, 67 modules.
    Ean8,
    /// 12 digits, drawn as the EAN-13 with a leading 0 (95 modules).
    UpcA,
}

impl Symbology {
    /// The symbology of a code of this many digits.
    pub fn of_len(len: usize) -> Option<Symbology> {
        match len {
            13 => Some(Symbology::Ean13),
            8 => Some(Symbology::Ean8),
            12 => Some(Symbology::UpcA),
            _ => None,
        }
    }
}

/// The right-hand (R) code of a digit: the bitwise complement of its L code.
fn r_code(digit: u8) -> u8 {
    !L_CODES[digit as usize] & 0x7f
}

/// The modules of 12 digits after the first of an EAN-13 (the first only sets the parity).
fn ean13_bars(d: &[u8]) -> Vec<bool> {
    let mut out = Vec::with_capacity(95);
    push_bits(&mut out, 0b101, 3);
    for (i, digit) in d[1..7].iter().enumerate() {
        let code = if PARITY[d[0] as usize][i] {
            G_CODES[*digit as usize]
        } else {
            L_CODES[*digit as usize]
        };
        push_bits(&mut out, code, 7);
    }
    push_bits(&mut out, 0b01010, 5);
    for digit in &d[7..13] {
        push_bits(&mut out, r_code(*digit), 7);
    }
    push_bits(&mut out, 0b101, 3);
    out
}

/// The modules (true = bar) of a valid EAN-13, EAN-8 or UPC-A code, guard bars included, and
/// its symbology.
pub fn modules(code: &str) -> Result<(Symbology, Vec<bool>), BarcodeError> {
    validate_gtin(code)?;
    let d = digits(code)?;
    match Symbology::of_len(d.len()) {
        Some(Symbology::Ean13) => Ok((Symbology::Ean13, ean13_bars(&d))),
        Some(Symbology::UpcA) => {
            let mut thirteen = vec![0];
            thirteen.extend_from_slice(&d);
            Ok((Symbology::UpcA, ean13_bars(&thirteen)))
        }
        Some(Symbology::Ean8) => {
            let mut out = Vec::with_capacity(67);
            push_bits(&mut out, 0b101, 3);
            for digit in &d[..4] {
                push_bits(&mut out, L_CODES[*digit as usize], 7);
            }
            push_bits(&mut out, 0b01010, 5);
            for digit in &d[4..] {
                push_bits(&mut out, r_code(*digit), 7);
            }
            push_bits(&mut out, 0b101, 3);
            Ok((Symbology::Ean8, out))
        }
        None => Err(BarcodeError::BadLength(d.len())),
    }
}

/// The modules of a valid code of one symbology; `BadLength` for a code of another.
fn modules_of(code: &str, kind: Symbology) -> Result<Vec<bool>, BarcodeError> {
    match modules(code)? {
        (k, m) if k == kind => Ok(m),
        _ => Err(BarcodeError::BadLength(code.len())),
    }
}

/// The 95 modules (true = bar) of a valid EAN-13 code, guard bars included.
pub fn ean13_modules(code: &str) -> Result<Vec<bool>, BarcodeError> {
    modules_of(code, Symbology::Ean13)
}

/// The 67 modules (true = bar) of a valid EAN-8 code, guard bars included: four L-coded
/// digits, the centre guard, four R-coded digits.
pub fn ean8_modules(code: &str) -> Result<Vec<bool>, BarcodeError> {
    modules_of(code, Symbology::Ean8)
}

/// The 95 modules of a valid UPC-A code (12 digits): those of the EAN-13 code with a leading
/// 0, which UPC-A is.
pub fn upca_modules(code: &str) -> Result<Vec<bool>, BarcodeError> {
    modules_of(code, Symbology::UpcA)
}

/// Bars as (start module, width) runs, ready to draw as rectangles.
pub fn bar_runs(modules: &[bool]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < modules.len() {
        if modules[i] {
            let start = i;
            while i < modules.len() && modules[i] {
                i += 1;
            }
            runs.push((start, i - start));
        } else {
            i += 1;
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_check_digits() {
        let cases = [
            ("400638133393", 1), // EAN-13 4006381333931
            ("590123412345", 7), // EAN-13 5901234123457
            ("9638507", 4),      // EAN-8 96385074
            ("03600029145", 2),  // UPC-A 036000291452
            ("000000000000", 0),
        ];
        for (data, check) in cases {
            let d = digits(data).unwrap();
            assert_eq!(check_digit(&d), check, "{data}");
        }
    }

    #[test]
    fn validation_table() {
        assert_eq!(validate_gtin("4006381333931"), Ok(()));
        assert_eq!(validate_gtin("96385074"), Ok(()));
        assert_eq!(validate_gtin("036000291452"), Ok(()));
        assert_eq!(
            validate_gtin("4006381333932"),
            Err(BarcodeError::BadCheckDigit)
        );
        assert_eq!(
            validate_gtin("40063813339"),
            Err(BarcodeError::BadLength(11))
        );
        assert_eq!(validate_gtin("40063813339a1"), Err(BarcodeError::NotDigits));
        assert_eq!(validate_gtin(""), Err(BarcodeError::BadLength(0)));
    }

    #[test]
    fn ean13_pattern_of_a_known_code() {
        // 5901234123457: first digit 5 gives parity LGGLLG.
        let m = ean13_modules("5901234123457").unwrap();
        assert_eq!(m.len(), 95);
        let s: String = m.iter().map(|b| if *b { '1' } else { '0' }).collect();
        assert!(s.starts_with("101"));
        assert!(s.ends_with("101"));
        assert_eq!(&s[45..50], "01010");
        // Left digit 9 in L code is 0001011; right digit 7 in R code is 1000100.
        assert_eq!(&s[3..10], "0001011");
        assert_eq!(&s[85..92], "1000100");
    }

    #[test]
    fn ean8_and_upca_patterns_of_known_codes() {
        // EAN-8 96385074: L codes of 9638, R codes of 5074.
        let (kind, m) = modules("96385074").unwrap();
        assert_eq!(kind, Symbology::Ean8);
        let s: String = m.iter().map(|b| if *b { '1' } else { '0' }).collect();
        assert_eq!(s.len(), 67);
        assert!(s.starts_with("101") && s.ends_with("101"));
        assert_eq!(&s[3..10], "0001011"); // 9 in L
        assert_eq!(&s[31..36], "01010");
        assert_eq!(&s[36..43], "1001110"); // 5 in R
        assert_eq!(&s[57..64], "1011100"); // 4 in R
                                           // UPC-A 036000291452 is the EAN-13 0036000291452.
        let (kind, upc) = modules("036000291452").unwrap();
        assert_eq!(kind, Symbology::UpcA);
        assert_eq!(upc, ean13_modules("0036000291452").unwrap());
        assert_eq!(modules("4006381333931").unwrap().0, Symbology::Ean13);
        assert_eq!(modules("96385075"), Err(BarcodeError::BadCheckDigit));
        assert_eq!(ean13_modules("96385074"), Err(BarcodeError::BadLength(8)));
        // 96385074: L codes on the left (9 is 0001011), R codes on the right (4 is 1011100).
        let m = ean8_modules("96385074").unwrap();
        let s: String = m.iter().map(|b| if *b { '1' } else { '0' }).collect();
        assert_eq!(s.len(), 67);
        assert_eq!(&s[..10], "1010001011");
        assert_eq!(&s[31..36], "01010");
        assert_eq!(&s[57..], "1011100101");
        assert_eq!(ean8_modules("96385075"), Err(BarcodeError::BadCheckDigit));
        assert_eq!(
            ean8_modules("4006381333931"),
            Err(BarcodeError::BadLength(13))
        );
        // UPC-A is EAN-13 with a leading zero.
        assert_eq!(
            upca_modules("036000291452").unwrap(),
            ean13_modules("0036000291452").unwrap()
        );
        assert_eq!(upca_modules("96385074"), Err(BarcodeError::BadLength(8)));
    }

    proptest! {
        #[test]
        fn every_gtin_draws_its_modules(data in prop_oneof![
            proptest::collection::vec(0u8..10, 7),
            proptest::collection::vec(0u8..10, 11),
            proptest::collection::vec(0u8..10, 12),
        ]) {
            let mut code: String = data.iter().map(|x| char::from(b'0' + x)).collect();
            code.push(char::from(b'0' + check_digit(&data)));
            let (kind, m) = modules(&code).unwrap();
            let expected = if kind == Symbology::Ean8 { 67 } else { 95 };
            prop_assert_eq!(m.len(), expected);
            // Every digit is 7 modules holding two bars: the bars count is fixed.
            let bars = bar_runs(&m).len();
            prop_assert_eq!(bars, if kind == Symbology::Ean8 { 22 } else { 30 });
        }

        #[test]
        fn a_computed_code_always_validates(data in proptest::array::uniform12(0u8..10)) {
            let code = ean13_from_data(&data);
            prop_assert_eq!(validate_gtin(&code), Ok(()));
            prop_assert_eq!(ean13_modules(&code).unwrap().len(), 95);
        }

        #[test]
        fn changing_one_digit_is_always_caught(data in proptest::array::uniform12(0u8..10), pos in 0usize..13, delta in 1u8..10) {
            let mut d = digits(&ean13_from_data(&data)).unwrap();
            d[pos] = (d[pos] + delta) % 10;
            let code: String = d.iter().map(|x| char::from(b'0' + x)).collect();
            prop_assert_eq!(validate_gtin(&code), Err(BarcodeError::BadCheckDigit));
        }

        #[test]
        fn validation_never_panics(s in ".*") {
            let _ = validate_gtin(&s);
            let _ = ean13_modules(&s);
            let _ = modules(&s);
        }
    }
}
