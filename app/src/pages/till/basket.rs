//! From the basket on the screen to the sale the till sends: pure functions over the domain's
//! basket, so the till and the server agree on every line to the cent.

use domain::money::to_cents;
use domain::till::sale::{LineDraft, PaymentDraft, Quantity, SaleDraft};
use domain::till::{to_milli, Basket, Line, LineKind, Payment, Tender, Unit};
use rust_decimal::Decimal;
use uuid::Uuid;

/// The line as the server receives it: the price the till charged, the quantity as it was
/// rung up, the discount in hundredths of a percent.
pub fn line_draft(line: &Line) -> LineDraft {
    let milli = to_milli(line.quantity).unwrap_or(0);
    LineDraft {
        product_id: line.product.id,
        unit_price_cents: to_cents(line.product.unit_price).unwrap_or(0),
        quantity: match line.kind {
            LineKind::Plain => Quantity::Plain { milli },
            LineKind::Weighed => Quantity::Weighed { milli },
            LineKind::PriceEmbedded { price } => Quantity::PriceEmbedded {
                label_price_cents: to_cents(price).unwrap_or(0),
            },
        },
        discount_bp: to_cents(line.discount_percent)
            .and_then(|bp| u32::try_from(bp).ok())
            .unwrap_or(0),
    }
}

/// Who and when a sale is: its id, session, member, time and the catalogue version its
/// prices come from.
pub struct SaleHead {
    pub id: Uuid,
    pub session_id: Uuid,
    pub member_id: Uuid,
    pub sold_at_ms: i64,
    pub catalogue_version: i64,
}

/// The sale of a basket, paid with `payments`, by the member, maybe under an override.
pub fn sale_draft(
    head: SaleHead,
    basket: &Basket,
    payments: &[Payment],
    override_id: Option<Uuid>,
) -> SaleDraft {
    let SaleHead {
        id,
        session_id,
        member_id,
        sold_at_ms,
        catalogue_version,
    } = head;
    SaleDraft {
        id,
        session_id,
        member_id,
        sold_at_ms,
        lines: basket.lines().iter().map(line_draft).collect(),
        payments: payments
            .iter()
            .filter(|p| !p.amount.is_zero())
            .map(|p| PaymentDraft {
                tender: p.tender,
                amount_cents: to_cents(p.amount).unwrap_or(0),
            })
            .collect(),
        override_id,
        catalogue_version,
    }
}

/// A quantity as the cashier reads it: `3`, `0.347 kg`, `1.5 l` (with a decimal comma in
/// French and Dutch: `0,347 kg`).
pub fn quantity_text(quantity: Decimal, unit: Unit, lang: domain::Language) -> String {
    let q = quantity.normalize();
    match unit {
        Unit::Piece => decimal_text(q, lang),
        Unit::Kg => format!("{} kg", decimal_text(quantity.round_dp(3), lang)),
        Unit::Litre => format!("{} l", decimal_text(q, lang)),
    }
}

/// A decimal number in the person's language: `0.5` in English, `0,5` in French and Dutch.
pub fn decimal_text(d: Decimal, lang: domain::Language) -> String {
    match lang {
        domain::Language::En => d.to_string(),
        _ => d.to_string().replace('.', ","),
    }
}

/// The payments the cashier typed: card, meal vouchers, cash (amounts in euros; empty is 0).
/// `None` if one is not an amount.
pub fn payments(card: &str, vouchers: &str, cash: &str) -> Option<Vec<Payment>> {
    let amount = |s: &str| -> Option<Decimal> {
        if s.trim().is_empty() {
            Some(Decimal::ZERO)
        } else {
            domain::money::parse_amount(s)
        }
    };
    let mut out = Vec::new();
    for (tender, text) in [
        (Tender::Card, card),
        (Tender::MealVoucher, vouchers),
        (Tender::Cash, cash),
    ] {
        let a = amount(text)?;
        if !a.is_zero() || (tender == Tender::Cash && !text.trim().is_empty()) {
            out.push(Payment { tender, amount: a });
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::till::{settle, Product, VatRate};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn product(n: u128, unit: Unit, price: &str) -> Product {
        Product {
            id: Uuid::from_u128(n),
            name: format!("p{n}"),
            unit,
            unit_price: d(price),
            vat_rate: VatRate(600),
            deposit: None,
            meal_voucher: true,
        }
    }

    #[test]
    fn lines_travel_as_rung_up() {
        let mut b = Basket::default();
        let bread = b.add(&product(1, Unit::Piece, "3.20"), d("2")).unwrap();
        b.set_discount(bread, d("12.5")).unwrap();
        b.add_weighed(&product(2, Unit::Kg, "24.90"), d("0.347"))
            .unwrap();
        b.add_priced(&product(3, Unit::Kg, "22.00"), d("4.99"))
            .unwrap();
        let lines: Vec<LineDraft> = b.lines().iter().map(line_draft).collect();
        assert_eq!(
            lines.iter().map(|l| l.quantity).collect::<Vec<_>>(),
            vec![
                Quantity::Plain { milli: 2000 },
                Quantity::Weighed { milli: 347 },
                Quantity::PriceEmbedded {
                    label_price_cents: 499
                },
            ]
        );
        assert_eq!(lines[0].discount_bp, 1250);
        assert_eq!(lines[1].unit_price_cents, 2490);
        let en = domain::Language::En;
        assert_eq!(quantity_text(d("0.347"), Unit::Kg, en), "0.347 kg");
        assert_eq!(quantity_text(d("2.000"), Unit::Piece, en), "2");
        assert_eq!(
            quantity_text(d("1.250"), Unit::Kg, domain::Language::Fr),
            "1,250 kg"
        );
        assert_eq!(
            quantity_text(d("1.50"), Unit::Litre, domain::Language::Nl),
            "1,5 l"
        );
    }

    #[test]
    fn typed_payments() {
        let p = payments("10,00", "", "20").unwrap();
        assert_eq!(
            p,
            vec![
                Payment {
                    tender: Tender::Card,
                    amount: d("10.00")
                },
                Payment {
                    tender: Tender::Cash,
                    amount: d("20")
                },
            ]
        );
        // 27.37 total: 10.00 by card, 17.37 in cash rounds to 17.35, change 2.65.
        let s = settle(d("27.37"), d("27.37"), &p).unwrap();
        assert_eq!((s.change, s.rounding), (d("2.65"), d("0.02")));
        assert_eq!(payments("", "", "").unwrap(), vec![]);
        assert!(payments("ten", "", "").is_none());
    }
}
