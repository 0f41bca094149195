//! Purchase orders and receptions on SQLite and PostgreSQL: suggestions from known sales,
//! rounded to whole packs and topped up to the supplier's minimum; a draft made once and sent
//! as one outbox mail; a reception that resumes without doubling its lines, flags what is not
//! on the order, and whose validation moves and values the stock, updates the supplier's cost
//! and the order's state, once, even when two people validate at the same moment.

use domain::stock::purchase::Difference;
use domain::stock::reorder::OrderState;
use domain::stock::{MoveKind, StockMove};
use domain::validation::{FieldError, Reason};
use domain::Viewer;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use services::bulk::{self, Offer};
use services::entities::{audit_log, outbox, reception_lines, stock_moves, supplier_products};
use services::error::Error;
use services::on_both_databases;
use services::stock::receptions::Item;
use services::stock::{orders, receptions};
use services::till::{catalogue, stock};
use services::{now_ms, Services};
use uuid::Uuid;

const DAY: i64 = 24 * 3600 * 1000;

/// `n` products (piece, piece, kg, litre, ...) and their barcodes.
async fn products(s: &Services, n: usize) -> Vec<(Uuid, String)> {
    let mut out = Vec::new();
    for code in bulk::products(&s.db, n).await.unwrap() {
        let id = catalogue::lookup(&s.db, &code)
            .await
            .unwrap()
            .product
            .unwrap()
            .id;
        out.push((id, code));
    }
    out
}

fn sale(product: Uuid, milli: i64, days_ago: i64) -> StockMove {
    StockMove::new(product, -milli, MoveKind::Sale, now_ms() - days_ago * DAY)
}

fn refused(r: Result<impl std::fmt::Debug, Error>, reason: Reason) {
    match r {
        Err(Error::Invalid(errors)) => assert!(
            errors.iter().any(|e| e.reason == reason),
            "{errors:?} lacks {reason:?}"
        ),
        other => panic!("expected {reason:?}, got {other:?}"),
    }
}

/// A supplier of `products` (packs of 6 pieces at 9.00 each, codes "BG-1", ...), with a lead
/// time of 2 days and a minimum order of `min` cents.
async fn supplier(s: &Services, products: &[(Uuid, String)], email: &str, min: i64) -> Uuid {
    let codes: Vec<String> = (1..=products.len()).map(|n| format!("BG-{n}")).collect();
    let offers: Vec<Offer> = products
        .iter()
        .zip(&codes)
        .map(|((id, _), code)| Offer {
            product_id: *id,
            code,
            pack_milli: 6_000,
            pack_cost_cents: 900,
        })
        .collect();
    bulk::supplier(&s.db, "Biogarden", email, min, 2, &offers)
        .await
        .unwrap()
}

async fn suggestions_follow_the_sales_in_whole_packs(s: Services) {
    let p = products(&s, 4).await;
    let (a, b, c, d) = (p[0].0, p[1].0, p[2].0, p[3].0);
    let biogarden = supplier(&s, &p[..3], "orders@biogarden.example", 0).await;
    // Another supplier is preferred for D: it is not Biogarden's to suggest.
    bulk::supplier(
        &s.db,
        "Vajra",
        "",
        0,
        1,
        &[Offer {
            product_id: d,
            code: "V-1",
            pack_milli: 1_000,
            pack_cost_cents: 100,
        }],
    )
    .await
    .unwrap();
    // A: 56 sold over the last 28 days (2 a day), 30 more before the window, 12 received:
    // on hand 12 - 86 = -74, which counts as none. 14 days + 2 of lead time: 32 needed,
    // packs of 6: 6 packs.
    // B: 14 sold in the window (0.5 a day), 5 returned, on hand 40: covered.
    // C: nothing sold: nothing.
    let mut moves = vec![StockMove::new(
        a,
        12_000,
        MoveKind::Reception,
        now_ms() - 60 * DAY,
    )];
    for day in 0..28 {
        moves.push(sale(a, 2_000, day));
        moves.push(sale(b, 500, day));
    }
    moves.push(sale(a, 30_000, 40));
    moves.push(StockMove::new(b, 5_000, MoveKind::Return, now_ms() - DAY));
    moves.push(StockMove::new(
        b,
        49_000,
        MoveKind::Reception,
        now_ms() - DAY,
    ));
    bulk::moves(&s.db, &moves).await.unwrap();

    let got = orders::suggest(&s.db, biogarden, 28, 14).await.unwrap();
    assert_eq!(got.lead_days, 2);
    let line = |id| got.lines.iter().find(|l| l.product_id == id).unwrap();
    assert_eq!(got.lines.len(), 3, "D is Vajra's");
    assert_eq!(line(a).sold_milli, 56_000);
    assert_eq!(line(a).on_hand_milli, -74_000);
    assert_eq!(line(a).packs, 6);
    assert_eq!(line(a).code, "BG-1");
    assert_eq!(line(b).sold_milli, 9_000, "sales less returns");
    assert_eq!(line(b).on_hand_milli, 40_000);
    assert_eq!(line(b).packs, 0);
    assert_eq!(line(c).packs, 0);
    assert_eq!(got.lines[0].product_id, a, "what to order comes first");
    assert_eq!(got.total_cents, 6 * 900);
    assert!(!got.below_minimum);

    // A longer window averages lower: 86 over 56 days, 1.54 a day, 24.6 for 16 days: 5 packs.
    assert_eq!(
        orders::suggest(&s.db, biogarden, 56, 14)
            .await
            .unwrap()
            .lines[0]
            .packs,
        5
    );
    // Bad windows are refused, with their bounds.
    refused(
        orders::suggest(&s.db, biogarden, 0, 14).await,
        Reason::OutOfRange { min: 1, max: 730 },
    );
    refused(
        orders::suggest(&s.db, biogarden, 28, 731).await,
        Reason::OutOfRange { min: 0, max: 730 },
    );
    assert!(matches!(
        orders::suggest(&s.db, Uuid::now_v7(), 28, 14).await,
        Err(Error::NotFound)
    ));
}

async fn the_minimum_order_tops_the_suggestion_up(s: Services) {
    let p = products(&s, 2).await;
    let biogarden = supplier(&s, &p, "orders@biogarden.example", 10_000).await;
    // 7 days plus 2 of lead time: A (1 a day, none left) needs 2 packs, B (3 a day, 36 left)
    // none: 18.00 against a minimum of 100.00, topped up one pack at a time.
    let mut moves = Vec::new();
    for day in 0..28 {
        moves.push(sale(p[0].0, 1_000, day));
        moves.push(sale(p[1].0, 3_000, day));
    }
    moves.push(StockMove::new(
        p[0].0,
        12_000,
        MoveKind::Reception,
        now_ms() - 30 * DAY,
    ));
    moves.push(StockMove::new(
        p[1].0,
        120_000,
        MoveKind::Reception,
        now_ms() - 30 * DAY,
    ));
    bulk::moves(&s.db, &moves).await.unwrap();
    let got = orders::suggest(&s.db, biogarden, 28, 7).await.unwrap();
    let packs: i64 = got.lines.iter().map(|l| l.packs).sum();
    assert_eq!(packs, 12, "topped up to 108.00");
    assert_eq!(got.total_cents, 10_800);
    assert!(!got.below_minimum);
    assert!(got.lines.iter().all(|l| l.packs > 0));
}

fn packs_of(order: &domain::stock::purchase::Order, product: Uuid) -> i64 {
    order
        .lines
        .iter()
        .find(|l| l.product_id == product)
        .unwrap()
        .packs
}

fn received_of(order: &domain::stock::purchase::Order, product: Uuid) -> i64 {
    order
        .lines
        .iter()
        .find(|l| l.product_id == product)
        .unwrap()
        .received_milli
}

fn difference(view: &domain::stock::purchase::Reception, product: Uuid) -> Difference {
    view.lines
        .iter()
        .find(|l| l.product_id == product)
        .unwrap()
        .difference(true)
        .unwrap()
}

async fn staff(s: &Services) -> Viewer {
    services::testing::admin(s).await
}

async fn a_draft_is_made_once_and_sent_as_one_mail(s: Services) {
    let a = staff(&s).await;
    let p = products(&s, 3).await;
    let biogarden = supplier(&s, &p[..2], "", 0).await;
    let mut moves = Vec::new();
    for day in 0..28 {
        moves.push(sale(p[0].0, 3_000, day));
    }
    bulk::moves(&s.db, &moves).await.unwrap();

    // Two people make the draft at once: one draft.
    let (first, second) = tokio::join!(
        orders::make_draft(&s, &a, biogarden, 28, 14),
        orders::make_draft(&s, &a, biogarden, 28, 14)
    );
    let id = match (first, second) {
        (Ok(id), Err(e)) | (Err(e), Ok(id)) => {
            refused(Err::<(), _>(e), Reason::NothingToOrder);
            id
        }
        other => panic!("one draft expected: {other:?}"),
    };
    let order = orders::order(&s.db, id).await.unwrap();
    assert_eq!(order.state, OrderState::Draft);
    assert_eq!(order.number, 1);
    assert_eq!(order.lines.len(), 1);
    // 3 a day for 16 days: 48, in packs of 6: 8 packs.
    assert_eq!(order.lines[0].packs, 8);
    assert_eq!(order.lines[0].code, "BG-1");
    assert_eq!(order.total_cents, 8 * 900);
    // The draft counts as on order: nothing more is suggested.
    let again = orders::suggest(&s.db, biogarden, 28, 14).await.unwrap();
    let line = again.lines.iter().find(|l| l.product_id == p[0].0).unwrap();
    assert_eq!(line.on_order_milli, 48_000);
    assert_eq!(again.total_cents, 0);

    // Lines of a draft: changed, added, taken away; only the supplier's products.
    orders::set_line(&s, &a, id, p[0].0, 10).await.unwrap();
    orders::set_line(&s, &a, id, p[1].0, 2).await.unwrap();
    let order = orders::order(&s.db, id).await.unwrap();
    assert_eq!(packs_of(&order, p[0].0), 10);
    assert_eq!(packs_of(&order, p[1].0), 2);
    orders::set_line(&s, &a, id, p[1].0, 0).await.unwrap();
    let stranger = p[2].0;
    refused(
        orders::set_line(&s, &a, id, stranger, 1).await,
        Reason::NotSupplied,
    );
    refused(
        orders::set_line(&s, &a, id, p[0].0, -1).await,
        Reason::OutOfRange {
            min: 0,
            max: 100_000,
        },
    );
    refused(
        orders::set_line(&s, &a, id, p[0].0, 100_001).await,
        Reason::OutOfRange {
            min: 0,
            max: 100_000,
        },
    );

    // Without an order email nothing is sent.
    refused(
        orders::send(&s, &a, id, domain::Language::En).await,
        Reason::NoOrderEmail,
    );
    assert_eq!(outbox::Entity::find().count(&s.db).await.unwrap(), 0);
    let mut supplier: services::entities::suppliers::ActiveModel =
        services::entities::suppliers::Entity::find_by_id(biogarden)
            .one(&s.db)
            .await
            .unwrap()
            .unwrap()
            .into();
    supplier.order_email = sea_orm::Set("Orders@Biogarden.example".into());
    sea_orm::ActiveModelTrait::update(supplier, &s.db)
        .await
        .unwrap();

    // Sent twice at once: one mail.
    let (x, y) = tokio::join!(
        orders::send(&s, &a, id, domain::Language::En),
        orders::send(&s, &a, id, domain::Language::En)
    );
    assert!(x.is_ok() != y.is_ok(), "{x:?} {y:?}");
    let mails = outbox::Entity::find().all(&s.db).await.unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to_address, "orders@biogarden.example");
    assert_eq!(mails[0].subject, "Order no. 1 from Ruche");
    assert!(mails[0].body.contains("BG-1"), "{}", mails[0].body);
    assert!(mails[0].body.contains("10 × 6 pcs"), "{}", mails[0].body);
    assert!(mails[0].body.contains("€90.00"), "{}", mails[0].body);
    let order = orders::order(&s.db, id).await.unwrap();
    assert_eq!(order.state, OrderState::Sent);
    assert!(order.sent_at_ms.is_some());
    // A sent order is no longer edited or sent.
    refused(
        orders::set_line(&s, &a, id, p[0].0, 3).await,
        Reason::OrderStateForbids {
            state: "sent".into(),
        },
    );
    refused(
        orders::send(&s, &a, id, domain::Language::En).await,
        Reason::OrderStateForbids {
            state: "sent".into(),
        },
    );
    let listed = orders::list(&s.db, Some(OrderState::Sent)).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].total_cents, 9_000);
    assert!(orders::list(&s.db, Some(OrderState::Draft))
        .await
        .unwrap()
        .is_empty());

    // Cancelled, then no more reception.
    orders::cancel(&s, &a, id).await.unwrap();
    refused(
        receptions::start(&s, &a, id).await,
        Reason::OrderStateForbids {
            state: "cancelled".into(),
        },
    );
    refused(
        orders::cancel(&s, &a, id).await,
        Reason::OrderStateForbids {
            state: "cancelled".into(),
        },
    );
}

/// A sent order of 4 packs of A and 2 of B (packs of 6 at 9.00), ready to receive.
async fn sent_order(s: &Services, a: &Viewer, p: &[(Uuid, String)]) -> Uuid {
    let biogarden = supplier(s, p, "orders@biogarden.example", 0).await;
    let mut moves = Vec::new();
    for day in 0..28 {
        moves.push(sale(p[0].0, 1_500, day));
    }
    bulk::moves(&s.db, &moves).await.unwrap();
    let id = orders::make_draft(s, a, biogarden, 28, 14).await.unwrap();
    orders::set_line(s, a, id, p[0].0, 4).await.unwrap();
    orders::set_line(s, a, id, p[1].0, 2).await.unwrap();
    orders::send(s, a, id, domain::Language::Fr).await.unwrap();
    id
}

async fn a_reception_resumes_and_validates_once(s: Services) {
    let a = staff(&s).await;
    let p = products(&s, 4).await;
    let order_id = sent_order(&s, &a, &p[..2]).await;
    let before = stock::on_hand(&s.db, p[0].0).await.unwrap();

    // Started twice (a phone locked, another one picks up): one reception.
    let r = receptions::start(&s, &a, order_id).await.unwrap();
    assert_eq!(receptions::start(&s, &a, order_id).await.unwrap(), r);
    assert_eq!(
        orders::order(&s.db, order_id).await.unwrap().open_reception,
        Some(r)
    );

    // A by its barcode, sent twice (the network lost the answer): one line.
    let code = Item::Code(&p[0].1);
    receptions::set_line(&s, &a, r, code, 20_000, None)
        .await
        .unwrap();
    receptions::set_line(&s, &a, r, code, 20_000, None)
        .await
        .unwrap();
    // Corrected: replaced, not added. The pack now costs 9.60.
    receptions::set_line(&s, &a, r, code, 24_000, Some(960))
        .await
        .unwrap();
    // C is not on the order: taken, flagged.
    receptions::set_line(&s, &a, r, Item::Product(p[2].0), 3_000, None)
        .await
        .unwrap();
    // D, scanned by mistake, taken away again.
    receptions::set_line(&s, &a, r, Item::Product(p[3].0), 1_000, None)
        .await
        .unwrap();
    receptions::set_line(&s, &a, r, Item::Product(p[3].0), 0, None)
        .await
        .unwrap();
    assert_eq!(
        reception_lines::Entity::find()
            .filter(reception_lines::Column::ReceptionId.eq(r))
            .count(&s.db)
            .await
            .unwrap(),
        2
    );
    // Bad input: nothing written.
    refused(
        receptions::set_line(&s, &a, r, code, -1, None).await,
        Reason::BadQuantity,
    );
    refused(
        receptions::set_line(&s, &a, r, code, 1_000_000_001, None).await,
        Reason::BadQuantity,
    );
    refused(
        receptions::set_line(&s, &a, r, Item::Product(p[2].0), 1_000, Some(100)).await,
        Reason::NotSupplied,
    );
    assert!(matches!(
        receptions::set_line(&s, &a, r, Item::Code("5400000000003"), 1_000, None).await,
        Err(Error::UnknownBarcode)
    ));

    // The differences: A as ordered, C not on the order, B missing.
    let view = receptions::reception(&s.db, r).await.unwrap();
    assert_eq!(view.lines.len(), 3);
    assert_eq!(difference(&view, p[0].0), Difference::AsOrdered);
    assert_eq!(difference(&view, p[2].0), Difference::NotOnOrder);
    assert_eq!(difference(&view, p[1].0), Difference::Missing);
    assert_eq!(view.lines[2].product_id, p[1].0, "missing lines come last");

    receptions::validate(&s, &a, r).await.unwrap();
    // The stock moved, valued at the delivery's cost: 24 pieces at 9.60 the 6 = 38.40.
    assert_eq!(
        stock::on_hand(&s.db, p[0].0).await.unwrap(),
        before + 24_000
    );
    let moved = stock_moves::Entity::find()
        .filter(stock_moves::Column::Kind.eq("reception"))
        .all(&s.db)
        .await
        .unwrap();
    assert_eq!(moved.len(), 2);
    let of = |id| moved.iter().find(|m| m.product_id == id).unwrap();
    assert_eq!(of(p[0].0).value_cents, Some(3_840));
    assert_eq!(of(p[0].0).quantity_milli, 24_000);
    assert_eq!(of(p[0].0).created_by, Some(a.user_id));
    // C has no supplier: no cost, no value.
    assert_eq!(of(p[2].0).value_cents, None);
    // The supplier's cost is the delivery's now.
    let offer = supplier_products::Entity::find()
        .filter(supplier_products::Column::ProductId.eq(p[0].0))
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(offer.pack_cost_cents, 960);
    // The order: A in full, B missing: partly received.
    let order = orders::order(&s.db, order_id).await.unwrap();
    assert_eq!(order.state, OrderState::PartlyReceived);
    assert_eq!(received_of(&order, p[0].0), 24_000);
    assert_eq!(received_of(&order, p[1].0), 0);
    assert_eq!(order.open_reception, None);
    let view = receptions::reception(&s.db, r).await.unwrap();
    assert!(view.validated);
    assert_eq!(
        difference(&view, p[0].0),
        Difference::AsOrdered,
        "as it was validated"
    );

    // Validated again, or changed: refused, nothing written.
    let audit = audit_log::Entity::find().count(&s.db).await.unwrap();
    refused(
        receptions::validate(&s, &a, r).await,
        Reason::ReceptionValidated,
    );
    refused(
        receptions::set_line(&s, &a, r, code, 1_000, None).await,
        Reason::ReceptionValidated,
    );
    assert_eq!(
        stock_moves::Entity::find()
            .filter(stock_moves::Column::Kind.eq("reception"))
            .count(&s.db)
            .await
            .unwrap(),
        2
    );
    assert_eq!(audit_log::Entity::find().count(&s.db).await.unwrap(), audit);

    // The rest comes in a second reception: B short by 2, the order received.
    let r2 = receptions::start(&s, &a, order_id).await.unwrap();
    assert_ne!(r2, r);
    let view = receptions::reception(&s.db, r2).await.unwrap();
    assert_eq!(view.lines.len(), 1, "only B is still expected");
    assert_eq!(view.lines[0].expected_milli, Some(12_000));
    refused(
        receptions::validate(&s, &a, r2).await,
        Reason::NothingReceived,
    );
    receptions::set_line(&s, &a, r2, Item::Product(p[1].0), 10_000, None)
        .await
        .unwrap();
    assert_eq!(
        receptions::reception(&s.db, r2).await.unwrap().lines[0].difference(true),
        Some(Difference::Short {
            missing_milli: 2_000
        })
    );
    receptions::validate(&s, &a, r2).await.unwrap();
    let order = orders::order(&s.db, order_id).await.unwrap();
    assert_eq!(order.state, OrderState::PartlyReceived, "B is short by 2");
    let r3 = receptions::start(&s, &a, order_id).await.unwrap();
    receptions::set_line(&s, &a, r3, Item::Product(p[1].0), 2_000, None)
        .await
        .unwrap();
    receptions::validate(&s, &a, r3).await.unwrap();
    let order = orders::order(&s.db, order_id).await.unwrap();
    assert_eq!(order.state, OrderState::Received);
    assert!(order.received_at_ms.is_some());
    refused(
        receptions::start(&s, &a, order_id).await,
        Reason::OrderStateForbids {
            state: "received".into(),
        },
    );
    // The first reception still reads as it was validated, whatever came after: A as
    // ordered, C flagged, B missing (12 expected then).
    let first = receptions::reception(&s.db, r).await.unwrap();
    assert_eq!(first.lines.len(), 3);
    assert_eq!(difference(&first, p[0].0), Difference::AsOrdered);
    assert_eq!(difference(&first, p[2].0), Difference::NotOnOrder);
    assert_eq!(difference(&first, p[1].0), Difference::Missing);
    let b = first.lines.iter().find(|l| l.product_id == p[1].0).unwrap();
    assert_eq!(b.expected_milli, Some(12_000));
    // The second one: B expected 12, 10 came.
    let second = receptions::reception(&s.db, r2).await.unwrap();
    assert_eq!(second.lines.len(), 1);
    assert_eq!(
        second.lines[0].difference(true),
        Some(Difference::Short {
            missing_milli: 2_000
        })
    );
}

async fn two_validations_at_once_make_one(s: Services) {
    let a = staff(&s).await;
    let p = products(&s, 2).await;
    let order_id = sent_order(&s, &a, &p).await;
    let r = receptions::start(&s, &a, order_id).await.unwrap();
    receptions::set_line(&s, &a, r, Item::Product(p[0].0), 24_000, None)
        .await
        .unwrap();
    receptions::set_line(&s, &a, r, Item::Product(p[1].0), 12_000, None)
        .await
        .unwrap();
    let before = stock::on_hand(&s.db, p[0].0).await.unwrap();
    let (x, y) = tokio::join!(
        receptions::validate(&s, &a, r),
        receptions::validate(&s, &a, r)
    );
    let refusal = match (x, y) {
        (Ok(()), Err(e)) | (Err(e), Ok(())) => e,
        other => panic!("exactly one validation expected: {other:?}"),
    };
    assert!(
        matches!(&refusal, Error::Invalid(errors) if errors == &vec![FieldError::new("", Reason::ReceptionValidated)]),
        "{refusal:?}"
    );
    assert_eq!(
        stock::on_hand(&s.db, p[0].0).await.unwrap(),
        before + 24_000
    );
    let order = orders::order(&s.db, order_id).await.unwrap();
    assert_eq!(order.state, OrderState::Received);
    assert_eq!(received_of(&order, p[0].0), 24_000);
}

async fn a_reception_without_order(s: Services) {
    let a = staff(&s).await;
    let p = products(&s, 1).await;
    let biogarden = supplier(&s, &p, "", 0).await;
    let r = receptions::start_free(&s, &a, biogarden).await.unwrap();
    receptions::set_line(&s, &a, r, Item::Product(p[0].0), 6_000, None)
        .await
        .unwrap();
    let view = receptions::reception(&s.db, r).await.unwrap();
    assert_eq!(view.order_id, None);
    assert_eq!(view.lines[0].difference(false), None);
    receptions::validate(&s, &a, r).await.unwrap();
    assert_eq!(stock::on_hand(&s.db, p[0].0).await.unwrap(), 6_000);
    let m = stock_moves::Entity::find()
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(m.value_cents, Some(900));
    assert!(matches!(
        receptions::start_free(&s, &a, Uuid::now_v7()).await,
        Err(Error::NotFound)
    ));
}

on_both_databases!(
    suggestions_follow_the_sales_in_whole_packs,
    the_minimum_order_tops_the_suggestion_up,
    a_draft_is_made_once_and_sent_as_one_mail,
    a_reception_resumes_and_validates_once,
    two_validations_at_once_make_one,
    a_reception_without_order,
);
