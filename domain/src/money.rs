//! Money: rust_decimal in Rust, integer cents in the database, written the way each language
//! writes euros.

use crate::Language;
use rust_decimal::Decimal;

/// Euros from integer cents.
pub fn from_cents(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

/// Integer cents from an amount with at most two decimals; `None` if it has more or overflows.
pub fn to_cents(amount: Decimal) -> Option<i64> {
    let scaled = amount.checked_mul(Decimal::ONE_HUNDRED)?;
    if scaled.fract() != Decimal::ZERO {
        return None;
    }
    i64::try_from(scaled.trunc().mantissa() / 10i128.pow(scaled.trunc().scale())).ok()
}

/// Parses an amount typed by a person: `20`, `20.5`, `20,50`, `€ 20,50`.
pub fn parse_amount(s: &str) -> Option<Decimal> {
    let cleaned: String = s
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .trim()
        .replace(',', ".");
    cleaned.parse::<Decimal>().ok()
}

/// Formats an amount in euros: `20,50 €` in French and Dutch, `€20.50` in English.
pub fn format_eur(amount: Decimal, lang: Language) -> String {
    let rounded = amount.round_dp(2);
    let negative = rounded.is_sign_negative() && rounded != Decimal::ZERO;
    let abs = rounded.abs();
    let units = abs.trunc();
    let cents = ((abs - units) * Decimal::ONE_HUNDRED).trunc();
    let units_s = group_thousands(
        &units.to_string(),
        if lang == Language::En { ',' } else { '.' },
    );
    let sign = if negative { "-" } else { "" };
    match lang {
        Language::En => format!("{sign}€{units_s}.{cents:0>2}"),
        _ => format!("{sign}{units_s},{cents:0>2} €"),
    }
}

fn group_thousands(digits: &str, sep: char) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    #[test]
    fn cents() {
        assert_eq!(to_cents(Decimal::from_str("20.5").unwrap()), Some(2050));
        assert_eq!(to_cents(Decimal::from_str("-0.01").unwrap()), Some(-1));
        assert_eq!(to_cents(Decimal::from_str("1.005").unwrap()), None);
        assert_eq!(from_cents(2050).to_string(), "20.50");
    }

    #[test]
    fn parsing_and_formatting() {
        assert_eq!(
            parse_amount("€ 20,50"),
            Some(Decimal::from_str("20.50").unwrap())
        );
        assert_eq!(parse_amount("abc"), None);
        let a = Decimal::from_str("1234.5").unwrap();
        assert_eq!(format_eur(a, Language::Fr), "1.234,50 €");
        assert_eq!(format_eur(a, Language::En), "€1,234.50");
        assert_eq!(format_eur(-a, Language::Nl), "-1.234,50 €");
        assert_eq!(format_eur(Decimal::ZERO, Language::En), "€0.00");
    }

    proptest! {
        #[test]
        fn cents_round_trip(c in -1_000_000_000_000i64..1_000_000_000_000) {
            prop_assert_eq!(to_cents(from_cents(c)), Some(c));
        }
    }
}
