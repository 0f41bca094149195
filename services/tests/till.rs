//! The till on SQLite and PostgreSQL: the catalogue and its import, drawer sessions and their
//! reports, sales that agree to the cent and are recorded once however often they are sent,
//! returns never above what was sold, and the stock ledger behind it all.

use chrono::TimeDelta;
use domain::member::MemberForm;
use domain::money::{from_cents, to_cents};
use domain::shifts::{LeaveKind, Status, StatusReason};
use domain::till::{
    from_milli, settle, BarcodeRule, Basket, Count, Field, Payment, ProductForm, RuleKind, Scan,
    Tender, Unit, VatCents, VatRate,
};
use domain::validation::{FieldError, Reason};
use domain::{Language, Role, Viewer};
use sea_orm::{EntityTrait, PaginatorTrait};
use services::entities::{self, products, sales, stock_moves};
use services::error::Error;
use services::till::catalogue::{self, CatalogueProduct};
use services::till::drawer::{self, Device, DrawerSession};
use services::till::returns::{post_return, ReturnDraft, ReturnLineDraft};
use services::till::sale::{post_sale, LineDraft, PaymentDraft, Quantity, Receipt, SaleDraft};
use services::till::stock::{self, MoveKind};
use services::till::{self, overrides};
use services::{accounts, members, on_both_databases, shifts, Services};
use std::sync::Arc;
use uuid::Uuid;

fn form(name: &str, unit: &str, price: &str, vat: &str, barcodes: &[&str]) -> ProductForm {
    ProductForm {
        name: name.into(),
        category: "Épicerie".into(),
        unit: unit.into(),
        price: price.into(),
        vat_percent: vat.into(),
        deposit: String::new(),
        meal_voucher: false,
        active: true,
        barcodes: barcodes.iter().map(|b| b.to_string()).collect(),
        ..Default::default()
    }
}

async fn member(s: &Services, a: &Viewer, email: &str) -> Uuid {
    members::create(
        s,
        a,
        &MemberForm {
            member_number: String::new(),
            first_name: "Alex".into(),
            last_name: "Till".into(),
            email: email.into(),
            phone: String::new(),
            language: "fr".into(),
            join_date: services::today().to_string(),
            work_regime: "regular".into(),
        },
    )
    .await
    .unwrap()
    .id
}

async fn viewer_with(s: &Services, email: &str, roles: &[Role]) -> Viewer {
    let id = accounts::create_user(&s.db, email, email, Language::Fr, None, None, roles)
        .await
        .unwrap();
    Viewer {
        user_id: id,
        display_name: email.into(),
        email: email.into(),
        roles: roles.to_vec(),
        language: Language::Fr,
        member_id: None,
    }
}

/// The products of the mixed sale: bread (6 %, meal vouchers), cheese by the kilo (6 %, meal
/// vouchers, sold from scale labels), beer (21 %, 0.10 deposit) and soap (21 %).
struct Shelf {
    bread: CatalogueProduct,
    cheese: CatalogueProduct,
    beer: CatalogueProduct,
    soap: CatalogueProduct,
}

async fn shelf(s: &Services, a: &Viewer) -> Shelf {
    let bread = ProductForm {
        meal_voucher: true,
        ..form("Pain complet", "piece", "3,20", "6", &["4006381333931"])
    };
    let cheese = ProductForm {
        meal_voucher: true,
        ..form("Comté", "kg", "18,90", "6", &["2112345000008"])
    };
    let beer = ProductForm {
        deposit: "0,10".into(),
        ..form("Bière blonde", "piece", "1,45", "21", &["5901234123457"])
    };
    let soap = form("Savon", "piece", "4,99", "21", &["96385074"]);
    let mut made = Vec::new();
    for f in [bread, cheese, beer, soap] {
        made.push(catalogue::create_product(s, a, &f).await.unwrap());
    }
    let [bread, cheese, beer, soap] = made.try_into().unwrap();
    Shelf {
        bread,
        cheese,
        beer,
        soap,
    }
}

/// The device the tests' tills run on.
fn here() -> Device {
    Device::of_key("the tests' till")
}

async fn open(s: &Services, a: &Viewer, name: &str) -> DrawerSession {
    let till = drawer::create_till(s, a, name).await.unwrap();
    let float = [
        Count {
            denomination_cents: 2_000,
            count: 4,
        },
        Count {
            denomination_cents: 100,
            count: 20,
        },
    ];
    drawer::open_session(s, a, &here(), till.id, &float)
        .await
        .unwrap()
}

fn line(p: &CatalogueProduct, quantity: Quantity, discount_bp: u32) -> LineDraft {
    LineDraft {
        product_id: p.id,
        unit_price_cents: p.price_cents,
        quantity,
        discount_bp,
    }
}

fn pieces(n: i64) -> Quantity {
    Quantity::Plain { milli: n * 1000 }
}

fn pay(tender: Tender, amount_cents: i64) -> PaymentDraft {
    PaymentDraft {
        tender,
        amount_cents,
    }
}

fn draft(
    session: &DrawerSession,
    member: Uuid,
    lines: Vec<LineDraft>,
    payments: Vec<PaymentDraft>,
) -> SaleDraft {
    SaleDraft {
        id: Uuid::now_v7(),
        session_id: session.id,
        member_id: member,
        sold_at_ms: services::now_ms(),
        lines,
        payments,
        override_id: None,
        catalogue_version: 0,
    }
}

async fn count<E: EntityTrait>(s: &Services) -> u64
where
    E::Model: Sync,
{
    E::find().count(&s.db).await.unwrap()
}

async fn catalogue_barcodes_and_import(s: Services) {
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    assert_eq!(shelf.cheese.unit, Unit::Kg);
    assert_eq!(shelf.beer.deposit_cents, 10);

    // A product's own code, and a scale label read through the nomenclature.
    let found = catalogue::lookup(&s.db, "4006381333931\n").await.unwrap();
    assert_eq!(found.product.unwrap().id, shelf.bread.id);
    let label = catalogue::lookup(&s.db, "2112345012506").await.unwrap();
    assert_eq!(label.product.unwrap().id, shelf.cheese.id);
    assert!(matches!(label.scan, Scan::Weighed { grams: 1250, .. }));
    assert!(matches!(
        catalogue::lookup(&s.db, "4006381333932").await,
        Err(Error::Scan(_))
    ));
    assert!(matches!(
        catalogue::lookup(&s.db, "5000000000005").await,
        Err(Error::UnknownBarcode)
    ));
    let card = catalogue::lookup(&s.db, "0420000000013").await.unwrap();
    assert_eq!(card.product, None);

    // A barcode belongs to one product; a VAT rate must be the coop's.
    let clash = form("Pain bis", "piece", "3.00", "6", &["4006381333931"]);
    let bad_rate = form("Pain ter", "piece", "3.00", "7", &[]);
    for (f, field, reason) in [
        (clash, "barcodes", Reason::AlreadyTaken),
        (bad_rate, "vat_percent", Reason::UnknownVatRate),
    ] {
        assert!(matches!(
            catalogue::create_product(&s, &a, &f).await,
            Err(Error::Invalid(e)) if e == vec![FieldError::new(field, reason.clone())]
        ));
    }

    // Changes since a version: only what changed after it, in pages.
    let all = catalogue::changes_since(&s.db, 0, 3).await.unwrap();
    assert_eq!((all.products.len(), all.more), (3, true));
    let rest = catalogue::changes_since(&s.db, all.version, 3)
        .await
        .unwrap();
    assert_eq!((rest.products.len(), rest.more), (1, false));
    assert_eq!(rest.products[0].id, shelf.soap.id);
    let dearer = ProductForm {
        price: "3.40".into(),
        meal_voucher: true,
        ..form(
            "Pain complet",
            "piece",
            "3,20",
            "6",
            &["4006381333931", "20000000"],
        )
    };
    // 20000000 has a wrong check digit.
    assert!(matches!(
        catalogue::update_product(&s, &a, shelf.bread.id, &dearer).await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("barcodes", Reason::InvalidBarcode)]
    ));
    let dearer = ProductForm {
        barcodes: vec!["4006381333931".into(), "20000004".into()],
        ..dearer
    };
    let bread = catalogue::update_product(&s, &a, shelf.bread.id, &dearer)
        .await
        .unwrap();
    let changed = catalogue::changes_since(&s.db, rest.version, 100)
        .await
        .unwrap();
    assert_eq!(changed.products, vec![bread.clone()]);
    assert_eq!(bread.price_cents, 340);
    assert_eq!(bread.barcodes, vec!["20000004", "4006381333931"]);
    assert_eq!(changed.categories.len(), 1);
    assert_eq!(changed.vat_rates.len(), 4);

    // An import with one bad row, and one naming two products of the catalogue, writes nothing.
    let before = count::<products::Entity>(&s).await;
    let text = "name,unit,price,vat_percent,barcodes\n\
        Riz,kg,2.80,6,\n\
        Huile,litre,abc,6,\n\
        Savon bis,piece,4.99,21,96385074\n";
    match catalogue_import(&s, &a, text).await {
        Err(Error::ImportRefused(rows)) => {
            let got: Vec<(usize, &str)> = rows.iter().map(|r| (r.line, r.field.as_str())).collect();
            assert_eq!(got, vec![(3, "price")]);
        }
        other => panic!("expected a refused import, got {other:?}"),
    }
    // A row with the barcodes of two products cannot say which one it updates.
    let text = "name,unit,price,vat_percent,barcodes\n\
        Riz,kg,2.80,6,\n\
        Savon bis,piece,4.99,21,96385074 4006381333931\n";
    match catalogue_import(&s, &a, text).await {
        Err(Error::ImportRefused(rows)) => {
            assert_eq!(rows.len(), 1);
            assert_eq!(
                (rows[0].line, rows[0].reason.clone()),
                (3, Reason::SeveralProducts)
            );
        }
        other => panic!("expected a refused import, got {other:?}"),
    }
    assert_eq!(count::<products::Entity>(&s).await, before);
    let text = "name;unit;price;vat_percent;meal_voucher;barcodes\n\
        Riz;kg;2,80;6;oui;\n\
        Huile d'olive;litre;9,95;21;non;5000000000005\n";
    let outcome = catalogue_import(&s, &a, text).await.unwrap();
    assert_eq!(outcome.created, 2);
    let imported = catalogue::changes_since(&s.db, changed.version, 100)
        .await
        .unwrap();
    assert_eq!(imported.products.len(), 2);
    let oil = catalogue::lookup(&s.db, "5000000000005").await.unwrap();
    assert_eq!(oil.product.unwrap().unit, Unit::Litre);

    // The nomenclature is the coop's to edit, checked by the domain's rules.
    let bad = vec![BarcodeRule {
        kind: RuleKind::Product,
        pattern: "2x".into(),
        length: None,
    }];
    assert!(matches!(
        catalogue::set_nomenclature(&s, &a, bad).await,
        Err(Error::Nomenclature(_))
    ));
    let price_labels_on_29_only = vec![
        BarcodeRule {
            kind: RuleKind::PriceEmbedded {
                value: Field { start: 7, len: 5 },
            },
            pattern: "21".into(),
            length: Some(13),
        },
        BarcodeRule {
            kind: RuleKind::Product,
            pattern: String::new(),
            length: None,
        },
    ];
    catalogue::set_nomenclature(&s, &a, price_labels_on_29_only.clone())
        .await
        .unwrap();
    let relabelled = catalogue::lookup(&s.db, "2112345012506").await.unwrap();
    assert!(matches!(
        relabelled.scan,
        Scan::PriceEmbedded { cents: 1250, .. }
    ));
    let rules: Vec<BarcodeRule> = catalogue::nomenclature(&s.db)
        .await
        .unwrap()
        .rules()
        .cloned()
        .collect();
    assert_eq!(rules, price_labels_on_29_only);
}

async fn catalogue_import(
    s: &Services,
    a: &Viewer,
    text: &str,
) -> Result<domain::register::ImportOutcome, Error> {
    services::till::import::import_csv(s, a, text).await
}

async fn session_lifecycle(s: Services) {
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let shopper = member(&s, &a, "anne@example.be").await;
    let session = open(&s, &a, "Till 1").await;
    assert_eq!(session.float_cents, 10_000);
    assert!(matches!(
        drawer::open_session(&s, &a, &here(), session.till_id, &[]).await,
        Err(Error::SessionAlreadyOpen)
    ));
    assert!(matches!(
        drawer::open_session(
            &s,
            &a,
            &here(),
            session.till_id,
            &[Count {
                denomination_cents: 300,
                count: 1
            }]
        )
        .await,
        Err(Error::Count(_))
    ));
    drawer::cash_move(&s, &a, &here(), session.id, 5_000, "Change from the bank")
        .await
        .unwrap();
    drawer::cash_move(&s, &a, &here(), session.id, -2_000, "Flowers for the shop")
        .await
        .unwrap();
    assert!(matches!(
        drawer::cash_move(&s, &a, &here(), session.id, -100, " ").await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("reason", Reason::Required)]
    ));

    // 2 breads: 6.40 in cash, 10.00 given, 3.60 back.
    let sale = draft(
        &session,
        shopper,
        vec![line(&shelf.bread, pieces(2), 0)],
        vec![pay(Tender::Cash, 1_000)],
    );
    let receipt = post_sale(&s, &a, &here(), &sale).await.unwrap();
    assert_eq!((receipt.total_cents, receipt.change_cents), (640, 360));
    let x = drawer::x_report(&s.db, session.id).await.unwrap();
    assert_eq!((x.sales, x.total, x.cash_moves), (1, 640, 3_000));
    assert_eq!(x.expected_cash, 10_000 + 3_000 + 640);

    // Closing: expected against counted, and a Z report to print again.
    let counted = [
        Count {
            denomination_cents: 5_000,
            count: 2,
        },
        Count {
            denomination_cents: 1_000,
            count: 3,
        },
        Count {
            denomination_cents: 200,
            count: 3,
        },
        Count {
            denomination_cents: 20,
            count: 2,
        },
    ];
    let z = drawer::close_session(&s, &a, &here(), session.id, &counted)
        .await
        .unwrap();
    assert_eq!(z.counted_cents, 13_640);
    assert_eq!(z.difference_cents, 0);
    assert_eq!(z.report, x);
    assert_eq!(drawer::z_report(&s.db, session.id).await.unwrap(), z);

    // A closed session takes no more sales, cash or closing.
    let late = draft(
        &session,
        shopper,
        vec![line(&shelf.soap, pieces(1), 0)],
        vec![pay(Tender::Card, 499)],
    );
    assert!(matches!(
        post_sale(&s, &a, &here(), &late).await,
        Err(Error::SessionClosed)
    ));
    assert!(matches!(
        drawer::cash_move(&s, &a, &here(), session.id, 100, "Tip").await,
        Err(Error::SessionClosed)
    ));
    assert!(matches!(
        drawer::close_session(&s, &a, &here(), session.id, &[]).await,
        Err(Error::SessionClosed)
    ));
    assert_eq!(count::<sales::Entity>(&s).await, 1);
    // The till opens again.
    let again = drawer::open_session(&s, &a, &here(), session.till_id, &[])
        .await
        .unwrap();
    assert_ne!(again.id, session.id);
    // The refused sale took no receipt number: the next one follows the first.
    let next = draft(
        &again,
        shopper,
        vec![line(&shelf.soap, pieces(1), 0)],
        vec![pay(Tender::Card, 499)],
    );
    assert_eq!(
        post_sale(&s, &a, &here(), &next)
            .await
            .unwrap()
            .receipt_number,
        2
    );
}

/// The mixed sale of the domain's basket test: bread merged, a weighed cheese from its label,
/// beer with deposits, soap at -10 %, paid 5.00 by card and the rest in cash.
async fn a_mixed_sale_agrees_to_the_cent(s: Services) {
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let shopper = member(&s, &a, "anne@example.be").await;
    let session = open(&s, &a, "Till 1").await;
    let lines = vec![
        line(&shelf.bread, pieces(2), 0),
        line(&shelf.cheese, Quantity::Weighed { milli: 1_250 }, 0),
        line(&shelf.cheese, Quantity::Weighed { milli: 347 }, 0),
        line(&shelf.beer, pieces(6), 0),
        line(&shelf.soap, pieces(3), 1_000),
    ];
    // The same basket as the till builds it.
    let mut basket = Basket::default();
    let bread = basket
        .add(&shelf.bread.for_sale(320), from_milli(2_000))
        .unwrap();
    basket
        .add_weighed(&shelf.cheese.for_sale(1_890), from_milli(1_250))
        .unwrap();
    basket
        .add_weighed(&shelf.cheese.for_sale(1_890), from_milli(347))
        .unwrap();
    basket
        .add(&shelf.beer.for_sale(145), from_milli(6_000))
        .unwrap();
    let soap = basket
        .add(&shelf.soap.for_sale(499), from_milli(3_000))
        .unwrap();
    basket.set_discount(soap, 10.into()).unwrap();
    assert_ne!(bread, soap);
    assert_eq!(to_cents(basket.total()), Some(5_936));

    // Card 5.00, cash 60.00 for 54.36 rounded to 54.35: 5.65 back, 0.01 rounding.
    let sale = draft(
        &session,
        shopper,
        lines,
        vec![pay(Tender::Card, 500), pay(Tender::Cash, 6_000)],
    );
    let receipt = post_sale(&s, &a, &here(), &sale).await.unwrap();
    let expected = settle(
        basket.total(),
        basket.meal_voucher_total(),
        &[
            Payment {
                tender: Tender::Card,
                amount: from_cents(500),
            },
            Payment {
                tender: Tender::Cash,
                amount: from_cents(6_000),
            },
        ],
    )
    .unwrap();
    assert_eq!(receipt.total_cents, 5_936);
    assert_eq!(receipt.discount_cents, 150);
    assert_eq!(receipt.change_cents, to_cents(expected.change).unwrap());
    assert_eq!((receipt.change_cents, receipt.rounding_cents), (565, 1));
    assert_eq!(receipt.receipt_number, 1);
    let vat: Vec<(u32, i64, i64, i64)> = receipt
        .vat
        .iter()
        .map(|v| (v.rate.0, v.gross, v.net, v.vat))
        .collect();
    assert_eq!(
        vat,
        vec![
            (0, 60, 60, 0),
            (600, 3_659, 3_452, 207),
            (2_100, 2_217, 1_832, 385)
        ]
    );
    // Lines, VAT lines and payments agree to the cent.
    let lines: i64 = receipt.lines.iter().map(|l| l.total_cents).sum();
    let vat_gross: i64 = receipt.vat.iter().map(|v| v.gross).sum();
    let vat_parts: i64 = receipt.vat.iter().map(|v| v.net + v.vat).sum();
    let paid: i64 = receipt.payments.iter().map(|p| p.amount_cents).sum();
    assert_eq!((lines, vat_gross, vat_parts), (5_936, 5_936, 5_936));
    assert_eq!(paid - receipt.change_cents + receipt.rounding_cents, 5_936);
    assert_eq!(receipt.lines[1].quantity_milli, 1_250);
    assert_eq!(receipt.lines[1].total_cents, 2_363);

    // A copy by mail, in the member's language (French), through the outbox.
    till::sale::email_receipt(&s, &a, 1, " Anne@Example.be ")
        .await
        .unwrap();
    let mailed = services::mail::list(&s.db, Some("anne@example.be"), 10)
        .await
        .unwrap();
    assert_eq!(mailed.len(), 1);
    assert!(mailed[0].subject.contains("n° 1"), "{}", mailed[0].subject);
    assert!(mailed[0].body.contains("59,36 €"), "{}", mailed[0].body);
    assert!(mailed[0].body.contains("Comté"), "{}", mailed[0].body);
    assert!(matches!(
        till::sale::email_receipt(&s, &a, 1, "not an address").await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("email", Reason::InvalidEmail)]
    ));
    assert!(matches!(
        till::sale::email_receipt(&s, &a, 99, "anne@example.be").await,
        Err(Error::NotFound)
    ));

    // Meal vouchers pay only the eligible goods: 36.59 here.
    let too_much = draft(
        &session,
        shopper,
        vec![
            line(&shelf.bread, pieces(1), 0),
            line(&shelf.soap, pieces(1), 0),
        ],
        vec![pay(Tender::MealVoucher, 819)],
    );
    assert!(matches!(
        post_sale(&s, &a, &here(), &too_much).await,
        Err(Error::Payment(
            domain::till::PaymentError::VouchersAboveEligible { .. }
        ))
    ));
    let short = draft(
        &session,
        shopper,
        vec![line(&shelf.bread, pieces(1), 0)],
        vec![pay(Tender::Card, 319)],
    );
    assert!(matches!(
        post_sale(&s, &a, &here(), &short).await,
        Err(Error::Payment(
            domain::till::PaymentError::ShortPayment { .. }
        ))
    ));
    // A second sale with a price label, by meal vouchers and card: cashews in bulk, priced
    // like the cheese, sold by price label (their barcode is a label's with the price zeroed).
    let cashews = ProductForm {
        meal_voucher: true,
        ..form("Noix de cajou", "kg", "18,90", "6", &["0200001000003"])
    };
    let cashews = catalogue::create_product(&s, &a, &cashews).await.unwrap();
    let labelled = draft(
        &session,
        shopper,
        vec![
            line(
                &cashews,
                Quantity::PriceEmbedded {
                    label_price_cents: 499,
                },
                0,
            ),
            line(&shelf.bread, pieces(1), 0),
        ],
        vec![pay(Tender::MealVoucher, 700), pay(Tender::Card, 119)],
    );
    let second = post_sale(&s, &a, &here(), &labelled).await.unwrap();
    assert_eq!((second.total_cents, second.receipt_number), (819, 2));
    assert_eq!(second.lines[0].quantity_milli, 264);

    // The Z report is the sum of its sales.
    let z = drawer::close_session(&s, &a, &here(), session.id, &[])
        .await
        .unwrap();
    let r = &z.report;
    assert_eq!((r.sales, r.total, r.discounts), (2, 5_936 + 819, 150));
    assert_eq!(
        (r.card, r.meal_vouchers, r.cash, r.change),
        (619, 700, 6_000, 565)
    );
    assert_eq!(r.rounding, 1);
    let z_vat: Vec<(u32, i64)> = r.vat.iter().map(|v| (v.rate.0, v.gross)).collect();
    assert_eq!(z_vat, vec![(0, 60), (600, 3_659 + 819), (2_100, 2_217)]);
    assert_eq!(r.expected_cash, 10_000 + 6_000 - 565);
    assert_eq!(z.difference_cents, -r.expected_cash);
}

async fn discounts_overrides_and_malformed_sales(s: Services) {
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let shopper = member(&s, &a, "anne@example.be").await;
    let cashier = viewer_with(&s, "cashier@example.be", &[Role::Cashier]).await;
    let leader = viewer_with(&s, "leader@example.be", &[Role::ShiftLeader]).await;
    let session = open(&s, &cashier, "Till 1").await;
    let leaders = open(&s, &leader, "Till 2").await;
    let sale = |lines, payments| draft(&session, shopper, lines, payments);

    // A cashier gives at most 10 %; a shift leader more.
    let fifteen = sale(
        vec![line(&shelf.soap, pieces(1), 1_500)],
        vec![pay(Tender::Card, 424)],
    );
    assert!(matches!(
        post_sale(&s, &cashier, &here(), &fifteen).await,
        Err(Error::DiscountNotAllowed { max_percent: 10 })
    ));
    let fifteen = SaleDraft {
        session_id: leaders.id,
        ..fifteen
    };
    assert_eq!(
        post_sale(&s, &leader, &here(), &fifteen)
            .await
            .unwrap()
            .total_cents,
        424
    );

    // Malformed sales write nothing.
    let stranger = CatalogueProduct {
        id: Uuid::now_v7(),
        ..shelf.soap.clone()
    };
    let cheaper = LineDraft {
        unit_price_cents: 100,
        ..line(&shelf.soap, pieces(1), 0)
    };
    let cases = [
        (sale(vec![], vec![]), Reason::Required),
        (
            sale(
                vec![line(&stranger, pieces(1), 0)],
                vec![pay(Tender::Card, 499)],
            ),
            Reason::UnknownProduct,
        ),
        (
            sale(
                vec![
                    line(&shelf.soap, pieces(1), 0),
                    line(&shelf.soap, pieces(1), 0),
                ],
                vec![pay(Tender::Card, 998)],
            ),
            Reason::Malformed,
        ),
        // A made-up price, though the product changed a moment ago.
        (
            sale(vec![cheaper.clone()], vec![pay(Tender::Card, 100)]),
            Reason::PriceChanged,
        ),
        // A price label's price on a product not sold by price label.
        (
            sale(
                vec![line(
                    &shelf.soap,
                    Quantity::PriceEmbedded {
                        label_price_cents: 100,
                    },
                    0,
                )],
                vec![pay(Tender::Card, 100)],
            ),
            Reason::NotSoldByLabel,
        ),
    ];
    for (bad, reason) in cases {
        assert!(matches!(
            post_sale(&s, &cashier, &here(), &bad).await,
            Err(Error::Invalid(e)) if e == vec![FieldError::new("lines", reason.clone())]
        ));
    }
    // Dated in the future, or long ago (0 was once taken for "within the price grace").
    let dated = |sold_at_ms| SaleDraft {
        sold_at_ms,
        ..sale(vec![cheaper.clone()], vec![pay(Tender::Card, 100)])
    };
    let too_old = Reason::SoldTooLongAgo {
        max: till::sale::OFFLINE_MAX_MS / 3_600_000,
    };
    for (bad, reason) in [
        (dated(services::now_ms() + 3_600_000), Reason::SoldInFuture),
        (dated(0), too_old.clone()),
        (dated(session.opened_at_ms - 3_600_000), too_old),
    ] {
        assert!(matches!(
            post_sale(&s, &cashier, &here(), &bad).await,
            Err(Error::Invalid(e)) if e == vec![FieldError::new("sold_at_ms", reason.clone())]
        ));
    }
    let zero = sale(
        vec![line(&shelf.soap, pieces(0), 0)],
        vec![pay(Tender::Card, 0)],
    );
    assert!(matches!(
        post_sale(&s, &cashier, &here(), &zero).await,
        Err(Error::Basket(_))
    ));
    let nobody = SaleDraft {
        member_id: Uuid::now_v7(),
        ..sale(
            vec![line(&shelf.soap, pieces(1), 0)],
            vec![pay(Tender::Card, 499)],
        )
    };
    assert!(matches!(
        post_sale(&s, &cashier, &here(), &nobody).await,
        Err(Error::NotFound)
    ));
    assert_eq!(count::<sales::Entity>(&s).await, 1);

    // The till finds the member by name or number and reads their status.
    let found = till::shopper::find(&s.db, "alex till").await.unwrap();
    assert!(found.iter().any(|m| m.id == shopper));
    assert!(till::shopper::find(&s.db, "  ").await.unwrap().is_empty());
    let at_till = till::shopper::shopper(&s.db, shifts::status::Shopper::Member(shopper))
        .await
        .unwrap();
    assert_eq!((at_till.member_id, at_till.may_shop), (shopper, true));
    assert_eq!(at_till.name, "Alex Till");

    // A member on holiday may not shop, unless a supervisor overrides with a reason.
    shifts::status::add_leave(
        &s,
        &a,
        shopper,
        LeaveKind::Holiday,
        services::today(),
        services::today() + TimeDelta::days(9),
        "Travel",
    )
    .await
    .unwrap();
    let refused = sale(
        vec![line(&shelf.soap, pieces(1), 0)],
        vec![pay(Tender::Card, 499)],
    );
    let at_till = till::shopper::shopper(&s.db, shifts::status::Shopper::Member(shopper))
        .await
        .unwrap();
    assert_eq!((at_till.may_shop, at_till.status), (false, Status::OnLeave));
    // With why, for the cashier to tell them.
    assert_eq!(
        at_till.reason,
        Some(StatusReason::Holiday {
            until: services::today() + TimeDelta::days(9)
        })
    );
    assert!(matches!(
        post_sale(&s, &cashier, &here(), &refused).await,
        Err(Error::MayNotShop {
            status: Status::OnLeave
        })
    ));
    // The supervisor authorises at the till with their own password: a wrong one, or an
    // account that is not a supervisor's, grants nothing.
    let password = "supervisor-secret";
    let with_password = |email: &'static str, roles: &'static [Role]| {
        let s = s.clone();
        async move {
            accounts::create_user(
                &s.db,
                email,
                email,
                Language::Fr,
                Some(password),
                None,
                roles,
            )
            .await
            .unwrap()
        }
    };
    let lead = with_password("lead@example.be", &[Role::ShiftLeader]).await;
    with_password("till2@example.be", &[Role::Cashier]).await;
    let grant = |email: &'static str, password: &'static str, reason: &'static str| {
        let (s, cashier) = (s.clone(), cashier.clone());
        async move { overrides::grant(&s, &cashier, shopper, email, password, reason).await }
    };
    let refusals = [
        grant("lead@example.be", "wrong", "Back early").await,
        grant("till2@example.be", password, "Back early").await,
        grant("lead@example.be", password, "  ").await,
    ];
    let expected = [
        ("supervisor", Reason::SupervisorNotRecognised),
        // The same answer as a wrong password: the till tells nobody whether a password is
        // right.
        ("supervisor", Reason::SupervisorNotRecognised),
        ("reason", Reason::Required),
    ];
    for (got, (field, reason)) in refusals.into_iter().zip(expected) {
        assert!(
            matches!(&got, Err(Error::Invalid(e)) if *e == vec![FieldError::new(field, reason.clone())]),
            "{got:?}"
        );
    }
    let someone_else = member(&s, &a, "bert@example.be").await;
    assert!(matches!(
        overrides::grant(&s, &cashier, someone_else, "lead@example.be", password, "x").await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("member", Reason::OverrideNotNeeded)]
    ));
    assert_eq!(count::<entities::overrides::Entity>(&s).await, 0);

    let granted = grant("lead@example.be", password, "Back early from holiday")
        .await
        .unwrap();
    assert_eq!(granted.member_id, shopper);
    assert_eq!(granted.supervisor_name, "lead@example.be");
    // An override is for its member, its cashier, and recent; a made-up id is nothing.
    let forged = SaleDraft {
        override_id: Some(Uuid::now_v7()),
        ..refused.clone()
    };
    let other_cashier = viewer_with(&s, "cashier3@example.be", &[Role::Cashier]).await;
    let others = open(&s, &other_cashier, "Till 3").await;
    let for_another = SaleDraft {
        id: Uuid::now_v7(),
        member_id: someone_else,
        override_id: Some(granted.id),
        ..refused.clone()
    };
    let not_valid = |r: Result<Receipt, Error>| matches!(r, Err(Error::Invalid(e)) if e == vec![FieldError::new("override", Reason::OverrideNotValid)]);
    assert!(not_valid(post_sale(&s, &cashier, &here(), &forged).await));
    let wrong_cashier = SaleDraft {
        session_id: others.id,
        override_id: Some(granted.id),
        ..refused.clone()
    };
    assert!(not_valid(
        post_sale(&s, &other_cashier, &here(), &wrong_cashier).await
    ));
    // The other member may shop: the sale goes through without using the override.
    let theirs = post_sale(&s, &cashier, &here(), &for_another)
        .await
        .unwrap();
    assert!(!theirs.overridden);

    let by_leader = SaleDraft {
        override_id: Some(granted.id),
        ..refused.clone()
    };
    // A till resending the sale while its first send is under way: every send at once answers
    // the one receipt, none is refused for an override the other send has just used.
    let sends: Vec<_> = (0..6)
        .map(|_| {
            let (s, cashier, sale) = (s.clone(), cashier.clone(), by_leader.clone());
            tokio::spawn(async move { post_sale(&s, &cashier, &here(), &sale).await })
        })
        .collect();
    let mut answers = Vec::new();
    for send in sends {
        answers.push(send.await.unwrap().unwrap());
    }
    let receipt = answers[0].clone();
    assert!(answers.iter().all(|r| *r == receipt));
    assert!(receipt.overridden);
    // Sent again, the same sale answers the same receipt; another sale cannot reuse it.
    assert_eq!(
        post_sale(&s, &cashier, &here(), &by_leader).await.unwrap(),
        receipt
    );
    let reuse = SaleDraft {
        id: Uuid::now_v7(),
        ..by_leader.clone()
    };
    assert!(not_valid(post_sale(&s, &cashier, &here(), &reuse).await));
    let logged = entities::overrides::Entity::find()
        .all(&s.db)
        .await
        .unwrap();
    assert_eq!(logged.len(), 1);
    assert_eq!(
        (
            logged[0].supervisor_id,
            logged[0].cashier_id,
            logged[0].status.as_str(),
            logged[0].reason.as_str()
        ),
        (lead, cashier.user_id, "on_leave", "Back early from holiday")
    );
    assert_eq!(logged[0].sale_id, Some(receipt.id));
    let x = drawer::x_report(&s.db, session.id).await.unwrap();
    assert_eq!((x.sales, x.overrides), (2, 1));

    // One override, several different sales using it at once: one is recorded, the others
    // are refused and write nothing, not even a receipt number.
    let second = grant("lead@example.be", password, "Second visit")
        .await
        .unwrap();
    let rivals: Vec<_> = (0..6)
        .map(|_| {
            let sale = SaleDraft {
                id: Uuid::now_v7(),
                override_id: Some(second.id),
                ..refused.clone()
            };
            let (s, cashier) = (s.clone(), cashier.clone());
            tokio::spawn(async move { post_sale(&s, &cashier, &here(), &sale).await })
        })
        .collect();
    let mut recorded = Vec::new();
    for rival in rivals {
        match rival.await.unwrap() {
            Ok(r) => recorded.push(r),
            Err(e) => assert!(not_valid(Err(e))),
        }
    }
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].receipt_number, receipt.receipt_number + 1);
    let x = drawer::x_report(&s.db, session.id).await.unwrap();
    assert_eq!((x.sales, x.overrides), (3, 2));
    let next = SaleDraft {
        id: Uuid::now_v7(),
        ..for_another.clone()
    };
    let next = post_sale(&s, &cashier, &here(), &next).await.unwrap();
    assert_eq!(next.receipt_number, receipt.receipt_number + 2);
}

async fn posting_the_same_sale_twice_records_once(s: Services) {
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let shopper = member(&s, &a, "anne@example.be").await;
    let session = open(&s, &a, "Till 1").await;
    let sale = draft(
        &session,
        shopper,
        vec![line(&shelf.beer, pieces(4), 0)],
        vec![pay(Tender::Cash, 1_000)],
    );
    let first = post_sale(&s, &a, &here(), &sale).await.unwrap();
    let again = post_sale(&s, &a, &here(), &sale).await.unwrap();
    assert_eq!(first, again);
    assert_eq!(count::<sales::Entity>(&s).await, 1);
    assert_eq!(count::<stock_moves::Entity>(&s).await, 1);
    assert_eq!(stock::on_hand(&s.db, shelf.beer.id).await.unwrap(), -4_000);

    let other = SaleDraft {
        lines: vec![line(&shelf.beer, pieces(5), 0)],
        ..sale.clone()
    };
    assert!(matches!(
        post_sale(&s, &a, &here(), &other).await,
        Err(Error::SaleConflict)
    ));
    assert_eq!(count::<sales::Entity>(&s).await, 1);
    // Even after the session closed, the till's resend gets its receipt.
    drawer::close_session(&s, &a, &here(), session.id, &[])
        .await
        .unwrap();
    assert_eq!(post_sale(&s, &a, &here(), &sale).await.unwrap(), first);
}

async fn returns_never_exceed_what_was_sold(s: Services) {
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let shopper = member(&s, &a, "anne@example.be").await;
    let session = open(&s, &a, "Till 1").await;
    // 3 soaps at -10 %: 13.47; 1 bread.
    let sale = draft(
        &session,
        shopper,
        vec![
            line(&shelf.soap, pieces(3), 1_000),
            line(&shelf.bread, pieces(1), 0),
        ],
        vec![pay(Tender::Card, 1_667)],
    );
    let receipt = post_sale(&s, &a, &here(), &sale).await.unwrap();
    let give_back = |quantity_milli, tender, restock| ReturnDraft {
        id: Uuid::now_v7(),
        sale_id: receipt.id,
        session_id: session.id,
        tender,
        at_ms: services::now_ms(),
        lines: vec![ReturnLineDraft {
            line_no: 0,
            quantity_milli,
            restock,
            loss_reason: (!restock).then(|| "Damaged".to_string()),
        }],
        approval_id: None,
    };
    let first = give_back(2_000, Tender::Card, true);
    let r1 = post_return(&s, &a, &here(), &first).await.unwrap();
    assert_eq!((r1.refund_cents, r1.rounding_cents), (898, 0));
    // The soap's 21 % VAT goes back with it: 8.98 is 7.42 + 1.56.
    let soap_vat = |gross, vat| VatCents {
        rate: VatRate(2100),
        gross,
        net: gross - vat,
        vat,
    };
    assert_eq!(r1.vat, vec![soap_vat(898, 156)]);
    assert_eq!(post_return(&s, &a, &here(), &first).await.unwrap(), r1);
    match post_return(&s, &a, &here(), &give_back(2_000, Tender::Cash, true)).await {
        Err(Error::ReturnExceedsSold {
            line: 0,
            returnable_milli: 1_000,
        }) => {}
        other => panic!("expected a refused return, got {other:?}"),
    }
    let mut not_sold = give_back(1_000, Tender::Cash, true);
    not_sold.lines[0].line_no = 7;
    assert!(matches!(
        post_return(&s, &a, &here(), &not_sold).await,
        Err(Error::Invalid(_))
    ));
    // The last soap, damaged, refunded in cash: 4.49 paid as 4.50.
    let r2 = post_return(&s, &a, &here(), &give_back(1_000, Tender::Cash, false))
        .await
        .unwrap();
    assert_eq!((r2.refund_cents, r2.rounding_cents), (449, -1));
    assert_eq!(
        r1.refund_cents + r2.refund_cents,
        receipt.lines[0].total_cents
    );
    assert!(matches!(
        post_return(&s, &a, &here(), &give_back(1, Tender::Card, true)).await,
        Err(Error::ReturnExceedsSold {
            returnable_milli: 0,
            ..
        })
    ));
    // Two soaps back on the shelf, the third sold then lost.
    assert_eq!(stock::on_hand(&s.db, shelf.soap.id).await.unwrap(), -1_000);
    let kinds: Vec<MoveKind> = stock::moves(&s.db, shelf.soap.id)
        .await
        .unwrap()
        .iter()
        .map(|m| m.kind)
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == MoveKind::Loss).count(), 1);
    let x = drawer::x_report(&s.db, session.id).await.unwrap();
    assert_eq!((x.returns, x.refunds_card, x.refunds_cash), (2, 898, 450));
    // 4.49 holds 0.78 of VAT; the report sums both refunds' VAT apart from the sales'.
    assert_eq!(r2.vat, vec![soap_vat(449, 78)]);
    assert_eq!(x.refunds_vat, vec![soap_vat(1_347, 234)]);
    assert_eq!(
        x.vat.iter().map(|v| v.gross).sum::<i64>(),
        receipt.total_cents
    );
    assert_eq!(x.expected_cash, 10_000 - 450);
}

/// 8 tills' worth of tasks post 200 sales at once, each sale sent twice: every one is recorded
/// exactly once, with its own receipt number, in the report and in the stock.
async fn concurrent_sales_lose_and_duplicate_nothing(s: Services) {
    let a = services::testing::admin(&s).await;
    let shelf = Arc::new(shelf(&s, &a).await);
    let shopper = member(&s, &a, "anne@example.be").await;
    let session = Arc::new(open(&s, &a, "Till 1").await);
    let mut tasks = Vec::new();
    for t in 0..8 {
        let (s, a, shelf, session) = (s.clone(), a.clone(), shelf.clone(), session.clone());
        tasks.push(tokio::spawn(async move {
            let mut receipts = Vec::new();
            for i in 0..25 {
                let sale = draft(
                    &session,
                    shopper,
                    vec![
                        line(&shelf.bread, pieces(1), 0),
                        line(
                            &shelf.cheese,
                            Quantity::Weighed {
                                milli: 100 + t * 25 + i,
                            },
                            0,
                        ),
                    ],
                    vec![pay(Tender::Cash, 10_000)],
                );
                let first = post_sale(&s, &a, &here(), &sale).await.unwrap();
                assert_eq!(post_sale(&s, &a, &here(), &sale).await.unwrap(), first);
                receipts.push(first);
            }
            receipts
        }));
    }
    let mut receipts: Vec<Receipt> = Vec::new();
    for t in tasks {
        receipts.extend(t.await.unwrap());
    }
    assert_eq!(receipts.len(), 200);
    let mut numbers: Vec<i64> = receipts.iter().map(|r| r.receipt_number).collect();
    numbers.sort();
    assert_eq!(numbers, (1..=200).collect::<Vec<i64>>());
    assert_eq!(count::<sales::Entity>(&s).await, 200);
    let z = drawer::close_session(&s, &a, &here(), session.id, &[])
        .await
        .unwrap();
    let total: i64 = receipts.iter().map(|r| r.total_cents).sum();
    let kept: i64 = receipts.iter().map(|r| 10_000 - r.change_cents).sum();
    assert_eq!((z.report.sales, z.report.total), (200, total));
    assert_eq!(z.report.expected_cash, 10_000 + kept);
    assert_eq!(
        stock::on_hand(&s.db, shelf.bread.id).await.unwrap(),
        -200_000
    );
    let grams: i64 = (0..8)
        .flat_map(|t| (0..25).map(move |i| 100 + t * 25 + i))
        .sum();
    assert_eq!(
        stock::on_hand(&s.db, shelf.cheese.id).await.unwrap(),
        -grams
    );
}

async fn stock_on_hand_is_the_sum_of_its_moves(s: Services) {
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let shopper = member(&s, &a, "anne@example.be").await;
    let session = open(&s, &a, "Till 1").await;
    let bread = shelf.bread.id;
    stock::record(&s, &a, bread, 24_000, MoveKind::Reception, "Delivery")
        .await
        .unwrap();
    stock::record(&s, &a, bread, -2_000, MoveKind::Loss, "Expired")
        .await
        .unwrap();
    stock::record(&s, &a, bread, 1_000, MoveKind::Adjustment, "")
        .await
        .unwrap();
    assert!(matches!(
        stock::record(&s, &a, bread, -1_000, MoveKind::Loss, " ").await,
        Err(Error::Invalid(_))
    ));
    assert!(matches!(
        stock::record(&s, &a, bread, 1_000, MoveKind::Sale, "").await,
        Err(Error::Invalid(_))
    ));
    let sale = draft(
        &session,
        shopper,
        vec![line(&shelf.bread, pieces(5), 0)],
        vec![pay(Tender::Card, 1_600)],
    );
    let receipt = post_sale(&s, &a, &here(), &sale).await.unwrap();
    post_return(
        &s,
        &a,
        &here(),
        &ReturnDraft {
            id: Uuid::now_v7(),
            sale_id: receipt.id,
            session_id: session.id,
            tender: Tender::Card,
            at_ms: services::now_ms(),
            lines: vec![ReturnLineDraft {
                line_no: 0,
                quantity_milli: 1_000,
                restock: true,
                loss_reason: None,
            }],
            approval_id: None,
        },
    )
    .await
    .unwrap();
    let moves = stock::moves(&s.db, bread).await.unwrap();
    let sum: i64 = moves.iter().map(|m| m.quantity_milli).sum();
    assert_eq!(moves.len(), 5);
    assert_eq!(sum, 24_000 - 2_000 + 1_000 - 5_000 + 1_000);
    assert_eq!(stock::on_hand(&s.db, bread).await.unwrap(), sum);
    assert_eq!(stock::on_hand(&s.db, shelf.soap.id).await.unwrap(), 0);
}

/// Moves a drawer session's opening back by `ms`, as if it had opened that much earlier.
async fn opened_earlier(s: &Services, session: &DrawerSession, ms: i64) {
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, QueryFilter};
    use services::entities::drawer_sessions::{Column, Entity};
    Entity::update_many()
        .col_expr(Column::OpenedAtMs, Expr::value(session.opened_at_ms - ms))
        .filter(Column::Id.eq(session.id))
        .exec(&s.db)
        .await
        .unwrap();
}

/// The till's price is the catalogue's as of the sale: the old price stands only for a till
/// whose copy predates the change and a sale rung up before it or shortly after; a label's
/// price only for a product sold by price label.
async fn prices_are_the_catalogues_as_of_the_sale(s: Services) {
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, QueryFilter};
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let shopper = member(&s, &a, "anne@example.be").await;
    let cashier = viewer_with(&s, "cashier@example.be", &[Role::Cashier]).await;
    let session = open(&s, &cashier, "Till 1").await;
    opened_earlier(&s, &session, 3_600_000).await;
    // The till's copy, then the bread from 3.20 to 3.50.
    let copy = catalogue::changes_since(&s.db, 0, 100)
        .await
        .unwrap()
        .version;
    let dearer = ProductForm {
        meal_voucher: true,
        ..form("Pain complet", "piece", "3,50", "6", &["4006381333931"])
    };
    catalogue::update_product(&s, &a, shelf.bread.id, &dearer)
        .await
        .unwrap();
    let now_version = catalogue::changes_since(&s.db, copy, 100)
        .await
        .unwrap()
        .version;
    assert!(now_version > copy);
    let at = |price: i64, sold_at_ms: i64, catalogue_version: i64| SaleDraft {
        sold_at_ms,
        catalogue_version,
        ..draft(
            &session,
            shopper,
            vec![LineDraft {
                unit_price_cents: price,
                ..line(&shelf.bread, pieces(1), 0)
            }],
            vec![pay(Tender::Card, price)],
        )
    };
    let changed = |r: Result<Receipt, Error>| matches!(r, Err(Error::Invalid(e)) if e == vec![FieldError::new("lines", Reason::PriceChanged)]);
    let now = services::now_ms();
    // A till that had not fetched the change yet charges the old price; one that had may not.
    let old = post_sale(&s, &cashier, &here(), &at(320, now, copy)).await;
    assert_eq!(old.unwrap().total_cents, 320);
    assert!(changed(
        post_sale(&s, &cashier, &here(), &at(320, now, now_version)).await
    ));
    assert!(changed(
        post_sale(&s, &cashier, &here(), &at(300, now, copy)).await
    ));
    assert_eq!(
        post_sale(&s, &cashier, &here(), &at(350, now, copy))
            .await
            .unwrap()
            .total_cents,
        350
    );
    // Past the grace after the change, the old price stands only for a sale rung up before
    // it (kept by a till that could not reach the server).
    let changed_at = now - till::sale::PRICE_GRACE_MS - 60_000;
    products::Entity::update_many()
        .col_expr(products::Column::PriceChangedAtMs, Expr::value(changed_at))
        .filter(products::Column::Id.eq(shelf.bread.id))
        .exec(&s.db)
        .await
        .unwrap();
    assert!(changed(
        post_sale(&s, &cashier, &here(), &at(320, now, copy)).await
    ));
    let kept = post_sale(&s, &cashier, &here(), &at(320, changed_at - 60_000, copy)).await;
    assert_eq!(kept.unwrap().total_cents, 320);
    assert_eq!(count::<sales::Entity>(&s).await, 3);

    // A label's price is taken for a product sold by price label only.
    let cashews = ProductForm {
        meal_voucher: true,
        ..form("Noix de cajou", "kg", "18,90", "6", &["0200001000003"])
    };
    let cashews = catalogue::create_product(&s, &a, &cashews).await.unwrap();
    let by_label = |p: &CatalogueProduct| {
        draft(
            &session,
            shopper,
            vec![line(
                p,
                Quantity::PriceEmbedded {
                    label_price_cents: 499,
                },
                0,
            )],
            vec![pay(Tender::Card, 499)],
        )
    };
    assert!(matches!(
        post_sale(&s, &cashier, &here(), &by_label(&shelf.cheese)).await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("lines", Reason::NotSoldByLabel)]
    ));
    let labelled = post_sale(&s, &cashier, &here(), &by_label(&cashews))
        .await
        .unwrap();
    assert_eq!(labelled.total_cents, 499);
    assert_eq!(count::<sales::Entity>(&s).await, 4);
}

/// A drawer session is its opener's, on the device that opened it: nobody else sells into
/// it, moves its cash, takes a return from it or closes it; a supervisor may close it, and
/// the audit log says so.
async fn drawer_sessions_are_their_openers(s: Services) {
    use services::entities::{audit_log, cash_moves, returns};
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let shopper = member(&s, &a, "anne@example.be").await;
    let anne = viewer_with(&s, "anne.cashier@example.be", &[Role::Cashier]).await;
    let bob = viewer_with(&s, "bob.cashier@example.be", &[Role::Cashier]).await;
    let leader = viewer_with(&s, "leader@example.be", &[Role::ShiftLeader]).await;
    let session = open(&s, &anne, "Till 1").await;
    let elsewhere = Device::of_key("another browser");
    let sale = draft(
        &session,
        shopper,
        vec![line(&shelf.soap, pieces(1), 0)],
        vec![pay(Tender::Card, 499)],
    );
    let receipt = post_sale(&s, &anne, &here(), &sale).await.unwrap();
    let give_back = ReturnDraft {
        id: Uuid::now_v7(),
        sale_id: receipt.id,
        session_id: session.id,
        tender: Tender::Card,
        at_ms: services::now_ms(),
        lines: vec![ReturnLineDraft {
            line_no: 0,
            quantity_milli: 1_000,
            restock: true,
            loss_reason: None,
        }],
        approval_id: None,
    };
    let not_theirs = |e: Error| matches!(e, Error::Invalid(e) if e == vec![FieldError::new("session", Reason::NotYourSession)]);
    for (who, device) in [
        (&bob, here()),
        (&anne, elsewhere.clone()),
        (&anne, Device::none()),
        (&leader, here()),
    ] {
        let another = SaleDraft {
            id: Uuid::now_v7(),
            ..sale.clone()
        };
        assert!(not_theirs(
            post_sale(&s, who, &device, &another).await.unwrap_err()
        ));
        assert!(not_theirs(
            drawer::cash_move(&s, who, &device, session.id, -1_000, "Bank")
                .await
                .unwrap_err()
        ));
        assert!(not_theirs(
            post_return(&s, who, &device, &give_back).await.unwrap_err()
        ));
        if who.user_id != leader.user_id {
            assert!(not_theirs(
                drawer::close_session(&s, who, &device, session.id, &[])
                    .await
                    .unwrap_err()
            ));
        }
    }
    // Nothing written by any of them.
    assert_eq!(count::<sales::Entity>(&s).await, 1);
    assert_eq!(count::<cash_moves::Entity>(&s).await, 0);
    assert_eq!(count::<returns::Entity>(&s).await, 0);
    assert!(drawer::open_session_of(&s.db, session.till_id)
        .await
        .unwrap()
        .is_some());
    // The cashier on her till does it all.
    drawer::cash_move(&s, &anne, &here(), session.id, -1_000, "Bank")
        .await
        .unwrap();
    post_return(&s, &anne, &here(), &give_back).await.unwrap();
    // A supervisor closes her session from another device, and the log says whose it was.
    let z = drawer::close_session(&s, &leader, &elsewhere, session.id, &[])
        .await
        .unwrap();
    assert_eq!(z.report.sales, 1);
    let logged = audit_log::Entity::find().all(&s.db).await.unwrap();
    let closed: Vec<_> = logged
        .iter()
        .filter(|l| l.subject == session.id.to_string() && l.action.starts_with("till.close"))
        .collect();
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].action, "till.close_for");
    assert_eq!(closed[0].user_id, Some(leader.user_id));
    assert!(closed[0].detail.contains(&anne.user_id.to_string()));
}

/// A cashier refunds by the sale's own tenders, up to what each took, and up to the coop's
/// limit; anything else needs a supervisor's approval, taken once. Every return is logged.
async fn returns_by_the_sales_tenders_or_a_supervisor(s: Services) {
    use services::entities::{audit_log, return_approvals, returns};
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let shopper = member(&s, &a, "anne@example.be").await;
    let cashier = viewer_with(&s, "cashier@example.be", &[Role::Cashier]).await;
    let password = "supervisor-secret";
    let lead = accounts::create_user(
        &s.db,
        "lead@example.be",
        "Lead",
        Language::Fr,
        Some(password),
        None,
        &[Role::ShiftLeader],
    )
    .await
    .unwrap();
    let session = open(&s, &cashier, "Till 1").await;
    services::settings::set(&s.db, till::returns::RETURN_LIMIT, "500")
        .await
        .unwrap();
    // Two soaps by card; two breads in cash (10.00 handed over, 3.60 back).
    let soaps = post_sale(
        &s,
        &cashier,
        &here(),
        &draft(
            &session,
            shopper,
            vec![line(&shelf.soap, pieces(2), 0)],
            vec![pay(Tender::Card, 998)],
        ),
    )
    .await
    .unwrap();
    let breads = post_sale(
        &s,
        &cashier,
        &here(),
        &draft(
            &session,
            shopper,
            vec![line(&shelf.bread, pieces(2), 0)],
            vec![pay(Tender::Cash, 1_000)],
        ),
    )
    .await
    .unwrap();
    let back =
        |sale: &Receipt, milli: i64, tender: Tender, approval_id: Option<Uuid>| ReturnDraft {
            id: Uuid::now_v7(),
            sale_id: sale.id,
            session_id: session.id,
            tender,
            at_ms: services::now_ms(),
            lines: vec![ReturnLineDraft {
                line_no: 0,
                quantity_milli: milli,
                restock: true,
                loss_reason: None,
            }],
            approval_id,
        };
    let needs = |r: Result<_, Error>| matches!(r, Err(Error::Invalid(e)) if e == vec![FieldError::new("tender", Reason::ReturnNeedsSupervisor)]);
    // A card sale refunded in cash, a cash sale by card, and a refund above the limit: refused,
    // and nothing written.
    let moves = count::<stock_moves::Entity>(&s).await;
    assert!(needs(
        post_return(
            &s,
            &cashier,
            &here(),
            &back(&soaps, 1_000, Tender::Cash, None)
        )
        .await
    ));
    assert!(needs(
        post_return(
            &s,
            &cashier,
            &here(),
            &back(&breads, 1_000, Tender::Card, None)
        )
        .await
    ));
    assert!(needs(
        post_return(
            &s,
            &cashier,
            &here(),
            &back(&soaps, 2_000, Tender::Card, None)
        )
        .await
    ));
    assert_eq!(count::<returns::Entity>(&s).await, 0);
    assert_eq!(count::<stock_moves::Entity>(&s).await, moves);
    // By the sale's own tender and within the limit: the cashier alone.
    let one_soap = post_return(
        &s,
        &cashier,
        &here(),
        &back(&soaps, 1_000, Tender::Card, None),
    )
    .await
    .unwrap();
    assert_eq!(one_soap.refund_cents, 499);
    let one_bread = post_return(
        &s,
        &cashier,
        &here(),
        &back(&breads, 1_000, Tender::Cash, None),
    )
    .await;
    assert_eq!(one_bread.unwrap().refund_cents, 320);

    // A supervisor approves the other bread by card, at the till with their password.
    let approve = |sale: Uuid, email: &'static str, pw: &'static str| {
        let (s, cashier) = (s.clone(), cashier.clone());
        async move {
            overrides::grant_return(&s, None, &cashier, sale, email, pw, "Card terminal refund")
                .await
        }
    };
    assert!(matches!(
        approve(breads.id, "lead@example.be", "wrong").await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("supervisor", Reason::SupervisorNotRecognised)]
    ));
    assert!(matches!(
        approve(breads.id, "cashier@example.be", password).await,
        Err(Error::Invalid(_))
    ));
    let for_soaps = approve(soaps.id, "lead@example.be", password)
        .await
        .unwrap();
    let approval = approve(breads.id, "lead@example.be", password)
        .await
        .unwrap();
    assert_eq!(approval.supervisor_name, "Lead");
    let not_valid = |r: Result<_, Error>| matches!(r, Err(Error::Invalid(e)) if e == vec![FieldError::new("approval", Reason::OverrideNotValid)]);
    // An approval is for its sale.
    assert!(not_valid(
        post_return(
            &s,
            &cashier,
            &here(),
            &back(&breads, 1_000, Tender::Card, Some(for_soaps.id))
        )
        .await
    ));
    let approved = back(&breads, 1_000, Tender::Card, Some(approval.id));
    let r = post_return(&s, &cashier, &here(), &approved).await.unwrap();
    assert_eq!((r.refund_cents, r.tender), (320, Tender::Card));
    let row = returns::Entity::find_by_id(r.id)
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.approved_by, Some(lead));
    let taken = return_approvals::Entity::find_by_id(approval.id)
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(taken.return_id, Some(r.id));
    // Taken once: sent again the return answers the same, another return cannot reuse it.
    assert_eq!(
        post_return(&s, &cashier, &here(), &approved).await.unwrap(),
        r
    );
    assert!(not_valid(
        post_return(
            &s,
            &cashier,
            &here(),
            &back(&soaps, 1_000, Tender::Cash, Some(approval.id))
        )
        .await
    ));
    // A supervisor at the till needs no approval (the admin holds this session of theirs).
    let admins = open(&s, &a, "Till 2").await;
    let by_admin = ReturnDraft {
        session_id: admins.id,
        ..back(&soaps, 1_000, Tender::Cash, None)
    };
    let r = post_return(&s, &a, &here(), &by_admin).await.unwrap();
    let row = returns::Entity::find_by_id(r.id)
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.approved_by, Some(a.user_id));
    // Every return is in the audit log.
    let logged = audit_log::Entity::find().all(&s.db).await.unwrap();
    assert_eq!(count::<returns::Entity>(&s).await, 4);
    assert_eq!(
        logged.iter().filter(|l| l.action == "till.return").count(),
        4
    );
    assert_eq!(
        logged
            .iter()
            .filter(|l| l.action == "till.return_approval")
            .count(),
        2
    );
}

/// An override's age is the server's: from its grant to its use. A sale rung up before the
/// grant cannot use it; one rung up soon after and kept in the till's queue can, later.
async fn overrides_are_timed_by_the_servers_clock(s: Services) {
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, QueryFilter};
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let shopper = member(&s, &a, "anne@example.be").await;
    let cashier = viewer_with(&s, "cashier@example.be", &[Role::Cashier]).await;
    accounts::create_user(
        &s.db,
        "lead@example.be",
        "Lead",
        Language::Fr,
        Some("supervisor-secret"),
        None,
        &[Role::ShiftLeader],
    )
    .await
    .unwrap();
    let session = open(&s, &cashier, "Till 1").await;
    opened_earlier(&s, &session, 3 * 3_600_000).await;
    shifts::status::add_leave(
        &s,
        &a,
        shopper,
        LeaveKind::Holiday,
        services::today(),
        services::today() + TimeDelta::days(9),
        "Travel",
    )
    .await
    .unwrap();
    let grant = || {
        let (s, cashier) = (s.clone(), cashier.clone());
        async move {
            overrides::grant(
                &s,
                &cashier,
                shopper,
                "lead@example.be",
                "supervisor-secret",
                "Back early",
            )
            .await
            .unwrap()
        }
    };
    let rung_at = |sold_at_ms: i64, id: Uuid| SaleDraft {
        sold_at_ms,
        override_id: Some(id),
        ..draft(
            &session,
            shopper,
            vec![line(&shelf.soap, pieces(1), 0)],
            vec![pay(Tender::Card, 499)],
        )
    };
    let not_valid = |r: Result<Receipt, Error>| matches!(r, Err(Error::Invalid(e)) if e == vec![FieldError::new("override", Reason::OverrideNotValid)]);
    // Rung up twenty minutes before the supervisor was asked: refused.
    let granted = grant().await;
    let before = rung_at(granted.at_ms - 20 * 60_000, granted.id);
    assert!(not_valid(post_sale(&s, &cashier, &here(), &before).await));
    // Granted forty minutes ago: a sale rung up now is too late...
    let granted_at = services::now_ms() - 40 * 60_000;
    entities::overrides::Entity::update_many()
        .col_expr(entities::overrides::Column::AtMs, Expr::value(granted_at))
        .filter(entities::overrides::Column::Id.eq(granted.id))
        .exec(&s.db)
        .await
        .unwrap();
    let late = rung_at(services::now_ms(), granted.id);
    assert!(not_valid(post_sale(&s, &cashier, &here(), &late).await));
    assert_eq!(count::<sales::Entity>(&s).await, 0);
    // ...but one rung up five minutes after the grant, kept while the server was away, is
    // recorded when it arrives.
    let kept = rung_at(granted_at + 5 * 60_000, granted.id);
    let receipt = post_sale(&s, &cashier, &here(), &kept).await.unwrap();
    assert!(receipt.overridden);
}

on_both_databases!(
    catalogue_barcodes_and_import,
    session_lifecycle,
    a_mixed_sale_agrees_to_the_cent,
    discounts_overrides_and_malformed_sales,
    posting_the_same_sale_twice_records_once,
    returns_never_exceed_what_was_sold,
    concurrent_sales_lose_and_duplicate_nothing,
    stock_on_hand_is_the_sum_of_its_moves,
    prices_are_the_catalogues_as_of_the_sale,
    drawer_sessions_are_their_openers,
    returns_by_the_sales_tenders_or_a_supervisor,
    overrides_are_timed_by_the_servers_clock,
);
