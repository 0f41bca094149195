//! Inventory counts on SQLite and PostgreSQL: counters' lines merge, the expected quantity is
//! taken when a product is first counted (a sale after that does not change its adjustment),
//! validating writes adjustments valued at the day's cost exactly once, even when two people
//! validate at the same moment, and bad quantities and codes are refused with nothing written.

use domain::barcode::ean13_from_data;
use domain::member::MemberForm;
use domain::stock::count::{CountForm, CountStatus};
use domain::till::{Count, ProductForm, Tender};
use domain::validation::{FieldError, Reason};
use domain::{Language, Role, Viewer};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use services::entities::{count_lines, stock_moves, supplier_products, suppliers};
use services::error::Error;
use services::stock::counts::{self, Counted};
use services::till::catalogue::{self, CatalogueProduct};
use services::till::drawer::{self, Device, DrawerSession};
use services::till::sale::{post_sale, LineDraft, PaymentDraft, Quantity, SaleDraft};
use services::till::stock::{self, MoveKind};
use services::{accounts, members, on_both_databases, Services};
use std::sync::Arc;
use uuid::Uuid;

fn form(name: &str, category: &str, unit: &str, barcodes: &[&str]) -> ProductForm {
    ProductForm {
        name: name.into(),
        category: category.into(),
        unit: unit.into(),
        price: "3,20".into(),
        vat_percent: "6".into(),
        deposit: String::new(),
        meal_voucher: false,
        active: true,
        barcodes: barcodes.iter().map(|b| b.to_string()).collect(),
        ..Default::default()
    }
}

async fn viewer_with(s: &Services, email: &str, name: &str, roles: &[Role]) -> Viewer {
    let id = accounts::create_user(&s.db, email, name, Language::Fr, None, None, roles)
        .await
        .unwrap();
    Viewer {
        user_id: id,
        display_name: name.into(),
        email: email.into(),
        roles: roles.to_vec(),
        language: Language::Fr,
        member_id: None,
    }
}

/// Bread (by the piece, 12 for 10.00 from its supplier) and cheese (by the kilo, sold from
/// scale labels, no supplier) in Boulangerie and Fromagerie, milk in Crèmerie.
struct Shelf {
    bread: CatalogueProduct,
    cheese: CatalogueProduct,
    milk: CatalogueProduct,
}

async fn shelf(s: &Services, a: &Viewer) -> Shelf {
    let bread = catalogue::create_product(
        s,
        a,
        &form("Pain complet", "Boulangerie", "piece", &["4006381333931"]),
    )
    .await
    .unwrap();
    let cheese =
        catalogue::create_product(s, a, &form("Comté", "Fromagerie", "kg", &["2112345000008"]))
            .await
            .unwrap();
    let milk =
        catalogue::create_product(s, a, &form("Lait", "Crèmerie", "litre", &["5901234123457"]))
            .await
            .unwrap();
    let supplier = Uuid::now_v7();
    suppliers::ActiveModel {
        id: Set(supplier),
        name: Set("Boulangerie Dupont".into()),
        contact: Set(String::new()),
        order_email: Set(String::new()),
        min_order_cents: Set(0),
        lead_days: Set(1),
        margin_bp: Set(None),
        active: Set(true),
        created_at_ms: Set(services::now_ms()),
        updated_at_ms: Set(services::now_ms()),
    }
    .insert(&s.db)
    .await
    .unwrap();
    supplier_products::ActiveModel {
        supplier_id: Set(supplier),
        product_id: Set(bread.id),
        code: Set("PC800".into()),
        pack_milli: Set(12_000),
        pack_cost_cents: Set(1_000),
        preferred: Set(true),
        updated_at_ms: Set(services::now_ms()),
    }
    .insert(&s.db)
    .await
    .unwrap();
    Shelf {
        bread,
        cheese,
        milk,
    }
}

async fn category(s: &Services, name: &str) -> Uuid {
    catalogue::categories(&s.db)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap()
        .id
}

async fn open_count(s: &Services, a: &Viewer, categories: Vec<Uuid>) -> Uuid {
    counts::open(
        s,
        a,
        &CountForm {
            title: "Inventaire de décembre".into(),
            location: "Rayon pain".into(),
            categories,
        },
    )
    .await
    .unwrap()
    .id
}

/// A shopper who may shop and an open drawer session to sell bread from.
async fn till(s: &Services, a: &Viewer) -> (Uuid, DrawerSession) {
    let shopper = members::create(
        s,
        a,
        &MemberForm {
            member_number: String::new(),
            first_name: "Anne".into(),
            last_name: "Count".into(),
            email: "anne@example.be".into(),
            phone: String::new(),
            language: "fr".into(),
            join_date: services::today().to_string(),
            work_regime: "regular".into(),
        },
    )
    .await
    .unwrap()
    .id;
    let till = drawer::create_till(s, a, "Till 1").await.unwrap();
    let float = [Count {
        denomination_cents: 2_000,
        count: 4,
    }];
    let session = drawer::open_session(s, a, &here(), till.id, &float)
        .await
        .unwrap();
    (shopper, session)
}

fn here() -> Device {
    Device::of_key("the tests' till")
}

async fn sell(
    s: &Services,
    a: &Viewer,
    till: &(Uuid, DrawerSession),
    p: &CatalogueProduct,
    n: i64,
) {
    let sale = SaleDraft {
        id: Uuid::now_v7(),
        session_id: till.1.id,
        member_id: till.0,
        sold_at_ms: services::now_ms(),
        lines: vec![LineDraft {
            product_id: p.id,
            unit_price_cents: p.price_cents,
            quantity: Quantity::Plain { milli: n * 1000 },
            discount_bp: 0,
        }],
        payments: vec![PaymentDraft {
            tender: Tender::Cash,
            amount_cents: 10_000,
        }],
        override_id: None,
        catalogue_version: 0,
    };
    post_sale(s, a, &here(), &sale).await.unwrap();
}

fn invalid(field: &str, reason: Reason) -> Vec<FieldError> {
    vec![FieldError::new(field, reason)]
}

async fn lines(s: &Services) -> u64 {
    count_lines::Entity::find().count(&s.db).await.unwrap()
}

async fn two_counters_merge_and_sales_do_not_corrupt_the_count(s: Services) {
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let shelf_counter = viewer_with(&s, "lea@example.be", "Léa", &[Role::StockManager]).await;
    let stockroom_counter = viewer_with(&s, "tom@example.be", "Tom", &[Role::StockManager]).await;
    stock::record(&s, &a, shelf.bread.id, 10_000, MoveKind::Reception, "")
        .await
        .unwrap();
    let till = till(&s, &a).await;
    let boulangerie = category(&s, "Boulangerie").await;
    let fromagerie = category(&s, "Fromagerie").await;
    let count = open_count(&s, &a, vec![boulangerie, fromagerie]).await;

    // Before anything is counted, both products of the categories wait to be counted.
    let state = counts::state(&s.db, count).await.unwrap();
    assert_eq!(state.count.status, CountStatus::Open);
    assert_eq!(state.count.location, "Rayon pain");
    assert_eq!(state.not_counted_total, 2);
    assert!(state.products.is_empty());

    // Léa scans 6 loaves on the shelf: the expected 10 is taken now.
    let first = counts::post_line(
        &s,
        &shelf_counter,
        count,
        Counted::Code("4006381333931"),
        6_000,
    )
    .await
    .unwrap();
    assert_eq!(
        (first.expected_milli, first.counted_milli()),
        (10_000, 6_000)
    );
    // Two loaves are sold meanwhile: the ledger says 8, the count still expects 10.
    sell(&s, &a, &till, &shelf.bread, 2).await;
    assert_eq!(stock::on_hand(&s.db, shelf.bread.id).await.unwrap(), 8_000);
    // Tom finds 5 in the stockroom, by a search; Léa's resend counts once.
    let merged = counts::post_line(
        &s,
        &stockroom_counter,
        count,
        Counted::Product(shelf.bread.id),
        5_000,
    )
    .await
    .unwrap();
    counts::post_line(
        &s,
        &shelf_counter,
        count,
        Counted::Code(" 4006381333931 "),
        6_000,
    )
    .await
    .unwrap();
    assert_eq!(merged.expected_milli, 10_000);
    assert_eq!(merged.counted_milli(), 11_000);
    // A scale label finds its product by the till's nomenclature: 1.250 kg of cheese.
    let label = ean13_from_data(&[2, 1, 1, 2, 3, 4, 5, 0, 0, 3, 4, 7]);
    let cheese = counts::post_line(&s, &shelf_counter, count, Counted::Code(&label), 1_250)
        .await
        .unwrap();
    assert_eq!(cheese.product_id, shelf.cheese.id);
    assert_eq!(
        (cheese.expected_milli, cheese.difference_milli()),
        (0, 1_250)
    );
    // Léa corrects her figure: her line is set again, not added.
    counts::post_line(
        &s,
        &shelf_counter,
        count,
        Counted::Product(shelf.cheese.id),
        1_200,
    )
    .await
    .unwrap();

    let state = counts::state(&s.db, count).await.unwrap();
    assert_eq!(state.count.products_counted, 2);
    assert_eq!(state.not_counted_total, 0);
    let names: Vec<&str> = state.products.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Comté", "Pain complet"]);
    let bread = &state.products[1];
    let mut who: Vec<(&str, i64)> = bread
        .lines
        .iter()
        .map(|l| (l.counter_name.as_str(), l.counted_milli))
        .collect();
    who.sort();
    assert_eq!(who, vec![("Léa", 6_000), ("Tom", 5_000)]);
    assert_eq!(bread.difference_milli(), 1_000);
    // One loaf at 10.00 the dozen is worth 0.83.
    assert_eq!(bread.difference_value_cents, Some(83));
    assert_eq!(state.products[0].counted_milli(), 1_200);
    assert_eq!(state.products[0].difference_value_cents, None);
    assert_eq!(lines(&s).await, 3);

    // Milk is in none of the count's categories.
    assert_eq!(
        counts::post_line(
            &s,
            &shelf_counter,
            count,
            Counted::Product(shelf.milk.id),
            1_000
        )
        .await
        .unwrap_err()
        .to_string(),
        Error::Invalid(invalid("product", Reason::NotInCount)).to_string()
    );

    let (closed, moves) = counts::validate(&s, &a, count).await.unwrap();
    assert_eq!(closed.status, CountStatus::Validated);
    assert_eq!(closed.closed_by.as_deref(), Some("Boss"));
    let mut written: Vec<(Uuid, i64, Option<i64>)> = moves
        .iter()
        .map(|m| (m.product_id, m.quantity_milli, m.value_cents))
        .collect();
    written.sort();
    let mut expected = vec![
        (shelf.bread.id, 1_000, Some(83)),
        (shelf.cheese.id, 1_200, None),
    ];
    expected.sort();
    assert_eq!(written, expected);
    // The shelf holds what was counted, less what was sold after: 11 - 2.
    assert_eq!(stock::on_hand(&s.db, shelf.bread.id).await.unwrap(), 9_000);
    assert_eq!(stock::on_hand(&s.db, shelf.cheese.id).await.unwrap(), 1_200);
    let ledger = stock::moves(&s.db, shelf.bread.id).await.unwrap();
    let adjustment = ledger
        .iter()
        .find(|m| m.kind == MoveKind::Adjustment)
        .unwrap();
    assert_eq!(adjustment.value_cents, Some(83));
    assert_eq!(
        adjustment.reference_id,
        Some(counts::adjustment_reference(count, shelf.bread.id))
    );
    assert_eq!(
        adjustment.reason.as_deref(),
        Some("#1 Inventaire de décembre")
    );
}

async fn a_count_is_validated_once(s: Services) {
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let other = viewer_with(&s, "lea@example.be", "Léa", &[Role::StockManager]).await;
    let count = open_count(&s, &a, vec![]).await;
    counts::post_line(&s, &a, count, Counted::Product(shelf.bread.id), 4_000)
        .await
        .unwrap();
    counts::post_line(&s, &other, count, Counted::Product(shelf.milk.id), 2_500)
        .await
        .unwrap();
    let s = Arc::new(s);
    let mut tasks = Vec::new();
    for who in [a.clone(), other.clone(), a.clone()] {
        let s = s.clone();
        tasks.push(tokio::spawn(async move {
            counts::validate(&s, &who, count).await
        }));
    }
    let mut done = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok((_, moves)) => {
                done += 1;
                assert_eq!(moves.len(), 2);
            }
            Err(Error::Invalid(e)) => assert_eq!(e, invalid("count", Reason::CountNotOpen)),
            Err(e) => panic!("unexpected {e}"),
        }
    }
    assert_eq!(done, 1, "exactly one validation");
    let adjustments = stock_moves::Entity::find()
        .filter(stock_moves::Column::Kind.eq("adjustment"))
        .count(&s.db)
        .await
        .unwrap();
    assert_eq!(adjustments, 2);
    assert_eq!(stock::on_hand(&s.db, shelf.bread.id).await.unwrap(), 4_000);
    assert_eq!(stock::on_hand(&s.db, shelf.milk.id).await.unwrap(), 2_500);

    // A validated count takes no more lines, is not validated again nor cancelled.
    let closed = Error::Invalid(invalid("count", Reason::CountNotOpen)).to_string();
    let refused = [
        counts::validate(&s, &a, count).await.err(),
        counts::cancel(&s, &a, count).await.err(),
        counts::post_line(&s, &a, count, Counted::Product(shelf.bread.id), 1_000)
            .await
            .err(),
        counts::find(&s.db, count, Counted::Product(shelf.bread.id))
            .await
            .err(),
    ];
    for e in refused {
        assert_eq!(e.map(|e| e.to_string()), Some(closed.clone()));
    }
    assert_eq!(lines(&s).await, 2);

    // A cancelled count writes nothing and takes no line.
    let cancelled = open_count(&s, &a, vec![]).await;
    counts::post_line(&s, &a, cancelled, Counted::Product(shelf.bread.id), 9_000)
        .await
        .unwrap();
    let summary = counts::cancel(&s, &a, cancelled).await.unwrap();
    assert_eq!(summary.status, CountStatus::Cancelled);
    assert_eq!(summary.number, 2);
    assert!(counts::validate(&s, &a, cancelled).await.is_err());
    assert_eq!(stock::on_hand(&s.db, shelf.bread.id).await.unwrap(), 4_000);
    let listed: Vec<i64> = counts::list(&s.db, 10)
        .await
        .unwrap()
        .iter()
        .map(|c| c.number)
        .collect();
    assert_eq!(listed, vec![2, 1]);
}

async fn bad_input_is_refused_and_writes_nothing(s: Services) {
    let a = services::testing::admin(&s).await;
    let shelf = shelf(&s, &a).await;
    let count = open_count(&s, &a, vec![]).await;
    let bread = Counted::Product(shelf.bread.id);
    let quantity = Error::Invalid(invalid("quantity", Reason::BadQuantity)).to_string();
    for milli in [
        -1_000,
        -1,
        1_500,
        domain::stock::MAX_MOVE_MILLI + 1_000,
        i64::MAX,
        i64::MIN,
    ] {
        let refused = counts::post_line(&s, &a, count, bread, milli).await;
        assert_eq!(
            refused.err().map(|e| e.to_string()),
            Some(quantity.clone()),
            "{milli}"
        );
    }
    // Part of a kilo is fine; part of a piece is not.
    counts::post_line(&s, &a, count, Counted::Product(shelf.cheese.id), 1)
        .await
        .unwrap();
    assert_eq!(lines(&s).await, 1);
    // A camera reads UPC-A as EAN-13 (a leading 0): the product stored with 12 digits is found.
    let tea = catalogue::create_product(
        &s,
        &a,
        &form("Thé vert", "Épicerie", "piece", &["036000291452"]),
    )
    .await
    .unwrap();
    let counted = counts::post_line(&s, &a, count, Counted::Code("0036000291452"), 3_000)
        .await
        .unwrap();
    assert_eq!(counted.product_id, tea.id);
    assert_eq!(lines(&s).await, 2);
    // A misread, a code no product has, a member card, an unknown product or count.
    assert!(matches!(
        counts::post_line(&s, &a, count, Counted::Code("4006381333932"), 1_000).await,
        Err(Error::Scan(_))
    ));
    assert!(matches!(
        counts::post_line(&s, &a, count, Counted::Code("96385074"), 1_000).await,
        Err(Error::UnknownBarcode)
    ));
    assert!(matches!(
        counts::post_line(&s, &a, count, Counted::Code("0420000000068"), 1_000).await,
        Err(Error::UnknownBarcode)
    ));
    assert!(matches!(
        counts::post_line(&s, &a, count, Counted::Code(&"9".repeat(100_000)), 1_000).await,
        Err(Error::Scan(_))
    ));
    assert!(matches!(
        counts::post_line(&s, &a, count, Counted::Product(Uuid::now_v7()), 1_000).await,
        Err(Error::NotFound)
    ));
    assert!(matches!(
        counts::post_line(&s, &a, Uuid::now_v7(), bread, 1_000).await,
        Err(Error::NotFound)
    ));
    assert_eq!(lines(&s).await, 2);
    // A count needs a title and categories the catalogue has.
    let bad = |title: &str, categories: Vec<Uuid>| CountForm {
        title: title.into(),
        location: String::new(),
        categories,
    };
    assert_eq!(
        counts::open(&s, &a, &bad(" ", vec![]))
            .await
            .err()
            .map(|e| e.to_string()),
        Some(Error::Invalid(invalid("title", Reason::Required)).to_string())
    );
    assert_eq!(
        counts::open(&s, &a, &bad("Cave", vec![Uuid::now_v7()]))
            .await
            .err()
            .map(|e| e.to_string()),
        Some(Error::Invalid(invalid("categories", Reason::UnknownChoice)).to_string())
    );
    assert_eq!(counts::list(&s.db, 10).await.unwrap().len(), 1);
}

on_both_databases!(
    two_counters_merge_and_sales_do_not_corrupt_the_count,
    a_count_is_validated_once,
    bad_input_is_refused_and_writes_nothing,
);
