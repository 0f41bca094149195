//! A sale as the till sends it to the server (made offline if need be, with an id the till
//! makes itself) and the receipt the server answers with. Amounts are integer cents and
//! quantities integer milli-units, so they travel and compare exactly.

use super::drawer::VatCents;
use super::payment::Tender;
use super::vat::VatRate;
use crate::{Role, Viewer};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How far ahead of the server's clock a till's may run: a device set to the wrong hour or day.
pub const CLOCK_AHEAD_MAX_MS: i64 = 24 * 60 * 60 * 1000;
/// How long a till may keep a sale or a return before the server hears of it.
pub const OFFLINE_MAX_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// Whether an instant a till recorded (a sale's, a return's) can be true against the server's
/// clock `now_ms`: not past [`CLOCK_AHEAD_MAX_MS`] ahead, not older than [`OFFLINE_MAX_MS`].
/// Anything else (0, a negative number, the year 292 million) is a broken clock or a forgery.
pub fn plausible_till_time(at_ms: i64, now_ms: i64) -> bool {
    (now_ms.saturating_sub(OFFLINE_MAX_MS)..=now_ms.saturating_add(CLOCK_AHEAD_MAX_MS))
        .contains(&at_ms)
}

/// The largest discount a cashier may give on a line, in percent; shift leaders,
/// coordinators and admins may give any.
pub const CASHIER_MAX_DISCOUNT_PERCENT: u32 = 10;

/// Who may give any discount and let a member who may not shop buy anyway (admins too).
pub const SUPERVISORS: [Role; 2] = [Role::ShiftLeader, Role::Coordinator];

/// The largest line discount `person` may give, in percent: the till refuses a larger one as
/// it is typed, and the server refuses a sale carrying one.
pub fn max_discount_percent(person: &Viewer) -> u32 {
    if person.may(&SUPERVISORS) {
        100
    } else {
        CASHIER_MAX_DISCOUNT_PERCENT
    }
}

/// How much of a product a line sells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Quantity {
    /// Pieces, kilograms or litres in milli-units; lines of the same product merge on the
    /// till, so a sale has one plain line per product.
    Plain { milli: i64 },
    /// From a scale label or the till's scale, in milli-units.
    Weighed { milli: i64 },
    /// From a price label: the price is the line's gross.
    PriceEmbedded { label_price_cents: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineDraft {
    pub product_id: Uuid,
    /// The price per unit with VAT that the till charged.
    pub unit_price_cents: i64,
    pub quantity: Quantity,
    /// Hundredths of a percent: 1000 is 10 %.
    pub discount_bp: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentDraft {
    pub tender: Tender,
    /// For cash, what the member handed over, change included.
    pub amount_cents: i64,
}

/// A supervisor's override, granted at the till: the supervisor signed in there with their
/// own password, and the server recorded who, when, why and for which member. A sale refers to
/// it by `id`; the server accepts it once, for that member and that cashier, shortly after it
/// was granted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantedOverride {
    pub id: Uuid,
    pub member_id: Uuid,
    pub supervisor_name: String,
    pub at_ms: i64,
}

/// The member at the till: who they are, and whether they may shop today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopperView {
    pub member_id: Uuid,
    pub member_number: i64,
    pub name: String,
    pub may_shop: bool,
    pub status: crate::shifts::Status,
    /// Why the member has this status, when the server answered (the statuses the till keeps
    /// for offline do not say).
    #[serde(default)]
    pub reason: Option<crate::shifts::StatusReason>,
}

/// A sale as the till sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaleDraft {
    /// Made by the till: sending the sale again sends the same id.
    pub id: Uuid,
    pub session_id: Uuid,
    pub member_id: Uuid,
    /// When the till rang it up.
    pub sold_at_ms: i64,
    pub lines: Vec<LineDraft>,
    pub payments: Vec<PaymentDraft>,
    /// The [`GrantedOverride`] that lets a member who may not shop buy anyway.
    pub override_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptLine {
    pub id: Uuid,
    /// From 0, in the order of the sale.
    pub line_no: u32,
    pub product_id: Uuid,
    pub name: String,
    pub quantity_milli: i64,
    pub unit_price_cents: i64,
    pub gross_cents: i64,
    pub discount_cents: i64,
    pub deposit_cents: i64,
    pub total_cents: i64,
    pub vat_rate: VatRate,
}

/// A recorded sale, as printed on the receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub id: Uuid,
    pub receipt_number: i64,
    pub session_id: Uuid,
    pub member_id: Uuid,
    pub cashier_id: Uuid,
    pub sold_at_ms: i64,
    pub lines: Vec<ReceiptLine>,
    pub vat: Vec<VatCents>,
    pub total_cents: i64,
    pub discount_cents: i64,
    pub payments: Vec<PaymentDraft>,
    pub change_cents: i64,
    /// Cash rounding: positive when the coop collected less than the total.
    pub rounding_cents: i64,
    pub overridden: bool,
}

/// The EAN-13 printed under a receipt: its number on twelve digits, then the check digit.
/// Returns `None` for a number that does not fit.
pub fn receipt_barcode(number: i64) -> Option<String> {
    let text = format!("{number:012}");
    if number < 0 || text.len() != 12 {
        return None;
    }
    let data: Vec<u8> = text.bytes().map(|b| b - b'0').collect();
    Some(crate::barcode::ean13_from_data(&data.try_into().ok()?))
}

/// The receipt number typed or scanned at the till: the number itself, or the barcode of
/// [`receipt_barcode`] (a misread barcode is refused).
pub fn receipt_number(input: &str) -> Option<i64> {
    let input = input.trim();
    if input.len() == 13 {
        crate::barcode::validate_gtin(input).ok()?;
        return input[..12].parse().ok();
    }
    if input.is_empty() || input.len() > 12 || !input.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    input.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cashiers_discount_up_to_their_limit_and_supervisors_any() {
        let person = |roles: Vec<Role>| Viewer {
            user_id: Uuid::nil(),
            display_name: String::new(),
            email: String::new(),
            roles,
            language: crate::Language::Fr,
            member_id: None,
        };
        let cases = [
            (vec![Role::Cashier], CASHIER_MAX_DISCOUNT_PERCENT),
            (vec![], CASHIER_MAX_DISCOUNT_PERCENT),
            (vec![Role::Cashier, Role::ShiftLeader], 100),
            (vec![Role::Coordinator], 100),
            (vec![Role::Admin], 100),
        ];
        for (roles, max) in cases {
            assert_eq!(
                max_discount_percent(&person(roles.clone())),
                max,
                "{roles:?}"
            );
        }
    }

    #[test]
    fn receipt_numbers_round_trip_through_their_barcode() {
        for n in [0, 1, 42, 123_456, 999_999_999_999] {
            let code = receipt_barcode(n).unwrap();
            assert_eq!(code.len(), 13);
            assert_eq!(receipt_number(&code), Some(n), "{code}");
            assert_eq!(receipt_number(&n.to_string()), Some(n));
        }
        assert_eq!(receipt_barcode(-1), None);
        assert_eq!(receipt_barcode(1_000_000_000_000), None);
        let mut misread = receipt_barcode(42).unwrap().into_bytes();
        misread[12] = if misread[12] == b'9' {
            b'0'
        } else {
            misread[12] + 1
        };
        let misread = String::from_utf8(misread).unwrap();
        let cases = ["", " ", "12a", "-4", "1234567890123", misread.as_str()];
        for input in cases {
            assert_eq!(receipt_number(input), None, "{input}");
        }
        assert_eq!(receipt_number(" 17 "), Some(17));
    }

    #[test]
    fn a_till_time_is_near_the_servers_clock() {
        let now = 1_764_900_000_000;
        assert!(plausible_till_time(now, now));
        assert!(plausible_till_time(now + CLOCK_AHEAD_MAX_MS, now));
        assert!(plausible_till_time(now - OFFLINE_MAX_MS, now));
        for wrong in [
            0,
            -1,
            i64::MIN,
            i64::MAX,
            now + CLOCK_AHEAD_MAX_MS + 1,
            now - OFFLINE_MAX_MS - 1,
        ] {
            assert!(!plausible_till_time(wrong, now), "{wrong}");
        }
    }
}
