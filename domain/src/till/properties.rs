//! Properties of whole sales: random baskets (mixed VAT rates, weighed and price-labelled
//! items, discounts, deposits) paid by random splits of cash, card and meal vouchers. The
//! lines, the VAT breakdown and the payments agree to the cent.

use super::*;
use crate::money::{from_cents, to_cents};
use proptest::prelude::*;
use rust_decimal::Decimal;
use uuid::Uuid;

#[derive(Debug, Clone)]
enum Op {
    Add { product: usize, quantity: i64 },
    Weighed { product: usize, grams: u32 },
    Priced { product: usize, cents: u32 },
    Discount { line: usize, tenths_of_percent: u32 },
    Remove { line: usize },
}

fn products() -> impl Strategy<Value = Vec<Product>> {
    let product = (
        0usize..4,
        1i64..5_000,
        any::<bool>(),
        proptest::option::of((1i64..50, 0usize..4)),
        any::<bool>(),
    );
    proptest::collection::vec(product, 1..6).prop_map(|specs| {
        specs
            .into_iter()
            .enumerate()
            .map(|(i, (rate, cents, by_kg, deposit, meal_voucher))| Product {
                id: Uuid::from_u128(i as u128),
                name: format!("product {i}"),
                unit: if by_kg { Unit::Kg } else { Unit::Piece },
                unit_price: from_cents(cents),
                vat_rate: BELGIAN_RATES[rate],
                deposit: deposit.map(|(c, r)| Deposit {
                    amount: from_cents(c),
                    vat_rate: BELGIAN_RATES[r],
                }),
                meal_voucher,
            })
            .collect()
    })
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        3 => (0usize..6, 1i64..5_000).prop_map(|(product, quantity)| Op::Add { product, quantity }),
        2 => (0usize..6, 1u32..100_000).prop_map(|(product, grams)| Op::Weighed { product, grams }),
        1 => (0usize..6, 1u32..100_000).prop_map(|(product, cents)| Op::Priced { product, cents }),
        2 => (0usize..30, 0u32..=1000)
            .prop_map(|(line, tenths_of_percent)| Op::Discount { line, tenths_of_percent }),
        1 => (0usize..30).prop_map(|line| Op::Remove { line }),
    ];
    proptest::collection::vec(op, 0..25)
}

fn basket(products: &[Product], ops: &[Op]) -> Basket {
    let mut b = Basket::default();
    let pick = |i: usize| &products[i % products.len()];
    for op in ops {
        let line = |i: usize, b: &Basket| b.lines().get(i % b.lines().len().max(1)).map(|l| l.id);
        match *op {
            Op::Add { product, quantity } => {
                let p = pick(product);
                // Pieces by the unit, kilograms by the gram.
                let q = match p.unit {
                    Unit::Piece => Decimal::from(quantity % 12 + 1),
                    _ => from_milli(quantity),
                };
                b.add(p, q).unwrap();
            }
            Op::Weighed { product, grams } => {
                b.add_weighed(pick(product), from_milli(grams.into()))
                    .unwrap();
            }
            Op::Priced { product, cents } => {
                // A price so small that its quantity rounds to zero is refused; skip it.
                let _ = b.add_priced(pick(product), from_cents(cents.into()));
            }
            Op::Discount {
                line: i,
                tenths_of_percent,
            } => {
                if let Some(id) = line(i, &b) {
                    let percent = Decimal::new(tenths_of_percent.into(), 1);
                    b.set_discount(id, percent).unwrap();
                }
            }
            Op::Remove { line: i } => {
                if let Some(id) = line(i, &b) {
                    b.remove(id).unwrap();
                }
            }
        }
    }
    b
}

proptest! {
    #[test]
    fn lines_vat_and_total_agree_to_the_cent(products in products(), ops in ops()) {
        let b = basket(&products, &ops);
        let lines: Decimal = b.lines().iter().map(Line::total).sum();
        let vat = b.vat_breakdown();
        prop_assert_eq!(lines, b.total());
        prop_assert_eq!(vat.gross(), b.total());
        prop_assert_eq!(vat.net() + vat.vat(), b.total());
        for line in b.lines() {
            for amount in [line.gross(), line.discount(), line.goods(), line.deposit()] {
                prop_assert!(to_cents(amount).is_some(), "{} is not whole cents", amount);
                prop_assert!(amount >= Decimal::ZERO);
            }
            prop_assert!(line.discount() <= line.gross());
        }
        for rate in &vat.lines {
            prop_assert_eq!(rate.net + rate.vat, rate.gross);
        }
        prop_assert!(b.meal_voucher_total() <= b.total());
        prop_assert_eq!(b.discount_total(), b.lines().iter().map(Line::discount).sum::<Decimal>());
    }

    #[test]
    fn payments_minus_change_plus_rounding_are_the_total(
        products in products(),
        ops in ops(),
        voucher_share in 0i64..=1000,
        card_share in 0i64..=1000,
        with_cash in any::<bool>(),
        extra_cash in 0i64..5_000,
    ) {
        let b = basket(&products, &ops);
        let total = to_cents(b.total()).unwrap();
        let eligible = to_cents(b.meal_voucher_total()).unwrap();
        let vouchers = eligible * voucher_share / 1000;
        // Vouchers in two goes, as two electronic cards would pay.
        let mut payments = vec![
            Payment { tender: Tender::MealVoucher, amount: from_cents(vouchers / 2) },
            Payment { tender: Tender::MealVoucher, amount: from_cents(vouchers - vouchers / 2) },
        ];
        let card = if with_cash { (total - vouchers) * card_share / 1000 } else { total - vouchers };
        payments.push(Payment { tender: Tender::Card, amount: from_cents(card) });
        let left = from_cents(total - vouchers - card);
        if with_cash {
            let cash = round_cash(left).rounded + from_cents(extra_cash);
            payments.push(Payment { tender: Tender::Cash, amount: cash });
        }

        let s = settle(b.total(), b.meal_voucher_total(), &payments).unwrap();
        let paid: Decimal = payments.iter().map(|p| p.amount).sum();
        prop_assert_eq!(paid - s.change + s.rounding, b.total());
        prop_assert_eq!(s.cash + s.card + s.meal_vouchers - s.change + s.rounding, b.total());
        prop_assert_eq!(s.meal_vouchers, from_cents(vouchers));
        prop_assert!(s.rounding.abs() <= from_cents(2));
        if with_cash {
            prop_assert_eq!(s.change, from_cents(extra_cash));
            prop_assert_eq!(to_cents(s.cash - s.change).unwrap() % 5, 0);
            prop_assert_eq!(s.rounding, round_cash(left).difference);
        } else {
            prop_assert_eq!(s.change, Decimal::ZERO);
            prop_assert_eq!(s.rounding, Decimal::ZERO);
        }

        // One cent less than due is always refused.
        let mut short = payments.clone();
        let last = short.last_mut().unwrap();
        if last.amount > Decimal::ZERO && (!with_cash || extra_cash == 0) {
            last.amount -= from_cents(1);
            let refused = matches!(
                settle(b.total(), b.meal_voucher_total(), &short),
                Err(PaymentError::ShortPayment { .. })
            );
            prop_assert!(refused);
        }
    }
}

/// Takes back `share` thousandths of every line of a basket, as one return.
fn return_part(b: &Basket, share: i64, tender: Tender) -> Option<ReturnTotals> {
    let sold: Vec<SoldLine> = b
        .lines()
        .iter()
        .map(|l| SoldLine {
            line: l.id,
            quantity: l.quantity,
            returned: Decimal::ZERO,
            amount: l.total(),
            deposit: l.deposit(),
            rate: l.product.vat_rate,
            deposit_rate: l.product.deposit.map_or(VatRate::ZERO, |d| d.vat_rate),
        })
        .collect();
    let requests: Vec<ReturnRequest> = sold
        .iter()
        .filter_map(|s| {
            let quantity = (s.quantity * Decimal::new(share, 3)).trunc_with_scale(3);
            (quantity > Decimal::ZERO).then_some(ReturnRequest {
                line: s.line,
                quantity,
            })
        })
        .collect();
    if requests.is_empty() {
        return None;
    }
    let accepted = check_return(&sold, &requests).unwrap();
    let refund: Decimal = accepted.iter().map(|r| r.refund).sum();
    let rounding = match tender {
        Tender::Cash => round_cash(refund).difference,
        _ => Decimal::ZERO,
    };
    Some(ReturnTotals {
        tender,
        refund: to_cents(refund).unwrap(),
        rounding: to_cents(rounding).unwrap(),
        vat: VatCents::of(&refund_vat(&accepted)),
    })
}

proptest! {
    /// The drawer report of a session of random sales and returns is their sum to the cent:
    /// totals, VAT per rate of sales and of refunds, payments, and the cash the drawer should
    /// hold.
    #[test]
    fn the_drawer_report_is_the_sum_of_its_sales(
        sales in proptest::collection::vec(
            (products(), ops(), 0i64..=1000, any::<bool>(), 0i64..5_000, 0i64..=1000, any::<bool>()),
            0..12,
        ),
        float in 0i64..100_000,
        cash_moves in proptest::collection::vec(-5_000i64..5_000, 0..4),
    ) {
        let mut totals = Vec::new();
        let mut returns = Vec::new();
        let (mut total, mut kept_cash, mut vat_gross) = (0i64, 0i64, 0i64);
        let (mut refunded, mut cash_refunded) = (0i64, 0i64);
        for (products, ops, card_share, with_cash, extra_cash, return_share, cash_refund) in &sales {
            let b = basket(products, ops);
            let due = to_cents(b.total()).unwrap();
            let card = if *with_cash { due * card_share / 1000 } else { due };
            let mut payments = vec![Payment { tender: Tender::Card, amount: from_cents(card) }];
            if *with_cash {
                let cash = round_cash(from_cents(due - card)).rounded + from_cents(*extra_cash);
                payments.push(Payment { tender: Tender::Cash, amount: cash });
            }
            let s = settle(b.total(), b.meal_voucher_total(), &payments).unwrap();
            total += due;
            kept_cash += to_cents(s.cash - s.change).unwrap();
            vat_gross += to_cents(b.vat_breakdown().gross()).unwrap();
            totals.push(SaleTotals::of(&b, &s, false));
            let tender = if *cash_refund { Tender::Cash } else { Tender::Card };
            if let Some(r) = return_part(&b, *return_share, tender) {
                prop_assert!(r.refund <= due);
                prop_assert_eq!(r.vat.iter().map(|v| v.gross).sum::<i64>(), r.refund);
                prop_assert!(r.vat.iter().all(|v| v.net + v.vat == v.gross));
                refunded += r.refund - r.rounding;
                if *cash_refund {
                    cash_refunded += r.refund - r.rounding;
                    prop_assert_eq!((r.refund - r.rounding) % 5, 0);
                }
                returns.push(r);
            }
        }
        let r = DrawerReport::of(float, &cash_moves, &totals, &returns).unwrap();
        prop_assert_eq!(r.sales as usize, sales.len());
        prop_assert_eq!(r.returns as usize, returns.len());
        prop_assert_eq!(r.total, total);
        prop_assert_eq!(r.vat.iter().map(|v| v.gross).sum::<i64>(), vat_gross);
        prop_assert_eq!(r.vat.iter().map(|v| v.net + v.vat).sum::<i64>(), total);
        let refunds_gross: i64 = returns.iter().map(|x| x.refund).sum();
        prop_assert_eq!(r.refunds_vat.iter().map(|v| v.gross).sum::<i64>(), refunds_gross);
        prop_assert_eq!(r.refunds_vat.iter().map(|v| v.net + v.vat).sum::<i64>(), refunds_gross);
        prop_assert_eq!(r.refunds_cash + r.refunds_card + r.refunds_meal_vouchers, refunded);
        prop_assert_eq!(r.cash + r.card + r.meal_vouchers - r.change + r.rounding
            - returns.iter().map(|x| x.rounding).sum::<i64>(), total);
        let moved: i64 = cash_moves.iter().sum();
        prop_assert_eq!(r.expected_cash, float + moved + kept_cash - cash_refunded);
    }
}
