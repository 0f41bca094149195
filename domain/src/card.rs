//! Member cards: every person who shops (a member or a household person) has an EAN-13 card in
//! the coop's in-store range: a three-digit card prefix (GS1 restricted circulation, `042` by
//! default), a nine-digit card number, and the check digit.

use crate::barcode::{digits, ean13_from_data, validate_gtin, BarcodeError};
use thiserror::Error;

/// The largest card number that fits in the nine digits after the prefix.
pub const MAX_CARD_NUMBER: u64 = 999_999_999;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CardError {
    #[error("the card prefix must be three digits in an in-store range (02x, 04x, 2xx)")]
    BadPrefix,
    #[error("no card numbers are left in this range")]
    RangeExhausted,
    #[error("not a card of this coop")]
    OtherPrefix,
    #[error(transparent)]
    Barcode(#[from] BarcodeError),
}

/// A validated three-digit card prefix in the in-store ranges (02x, 04x or 2xx).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardPrefix([u8; 3]);

impl CardPrefix {
    pub fn parse(s: &str) -> Result<Self, CardError> {
        let d = digits(s).map_err(|_| CardError::BadPrefix)?;
        match d.as_slice() {
            [0, 2 | 4, c] | [2, 0..=9, c] if *c <= 9 => Ok(CardPrefix([d[0], d[1], d[2]])),
            _ => Err(CardError::BadPrefix),
        }
    }

    /// The card barcode for a card number.
    pub fn barcode(&self, number: u64) -> Result<String, CardError> {
        if number > MAX_CARD_NUMBER {
            return Err(CardError::RangeExhausted);
        }
        let mut data = [0u8; 12];
        data[..3].copy_from_slice(&self.0);
        let mut n = number;
        for slot in data[3..].iter_mut().rev() {
            *slot = (n % 10) as u8;
            n /= 10;
        }
        Ok(ean13_from_data(&data))
    }

    /// The card number inside a barcode of this prefix, after checking the check digit.
    pub fn number_of(&self, barcode: &str) -> Result<u64, CardError> {
        validate_gtin(barcode)?;
        let d = digits(barcode)?;
        if d.len() != 13 {
            return Err(CardError::Barcode(BarcodeError::BadLength(d.len())));
        }
        if d[..3] != self.0 {
            return Err(CardError::OtherPrefix);
        }
        Ok(d[3..12].iter().fold(0u64, |n, x| n * 10 + u64::from(*x)))
    }
}

impl Default for CardPrefix {
    fn default() -> Self {
        CardPrefix([0, 4, 2])
    }
}

/// The next card number to hand out, given the highest number already used (if any).
/// Numbers are never reused, so a lost card can never be confused with a new one.
pub fn next_card_number(highest_used: Option<u64>) -> Result<u64, CardError> {
    match highest_used {
        None => Ok(1),
        Some(n) if n >= MAX_CARD_NUMBER => Err(CardError::RangeExhausted),
        Some(n) => Ok(n + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn prefixes() {
        assert!(CardPrefix::parse("042").is_ok());
        assert!(CardPrefix::parse("029").is_ok());
        assert!(CardPrefix::parse("250").is_ok());
        assert_eq!(CardPrefix::parse("052"), Err(CardError::BadPrefix));
        assert_eq!(CardPrefix::parse("142"), Err(CardError::BadPrefix));
        assert_eq!(CardPrefix::parse("42"), Err(CardError::BadPrefix));
        assert_eq!(CardPrefix::parse("04a"), Err(CardError::BadPrefix));
    }

    #[test]
    fn barcodes_of_known_numbers() {
        let p = CardPrefix::default();
        assert_eq!(p.barcode(1).unwrap(), "0420000000013");
        assert_eq!(p.barcode(1234).unwrap(), "0420000012344");
        assert_eq!(
            p.barcode(MAX_CARD_NUMBER + 1),
            Err(CardError::RangeExhausted)
        );
    }

    #[test]
    fn allocation() {
        assert_eq!(next_card_number(None), Ok(1));
        assert_eq!(next_card_number(Some(41)), Ok(42));
        assert_eq!(
            next_card_number(Some(MAX_CARD_NUMBER)),
            Err(CardError::RangeExhausted)
        );
    }

    #[test]
    fn reading_back() {
        let p = CardPrefix::default();
        assert_eq!(p.number_of("0420000012344"), Ok(1234));
        assert_eq!(
            p.number_of("0420000012341"),
            Err(CardError::Barcode(BarcodeError::BadCheckDigit))
        );
        let other = CardPrefix::parse("041").unwrap().barcode(5).unwrap();
        assert_eq!(p.number_of(&other), Err(CardError::OtherPrefix));
    }

    proptest! {
        #[test]
        fn card_number_round_trips(n in 0u64..=MAX_CARD_NUMBER) {
            let p = CardPrefix::default();
            let code = p.barcode(n).unwrap();
            prop_assert_eq!(code.len(), 13);
            prop_assert_eq!(p.number_of(&code), Ok(n));
        }
    }
}
