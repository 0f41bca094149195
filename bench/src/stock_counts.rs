//! `countbench`: an inventory count taken while the shop sells. On a fresh SQLite database
//! with 2,000 products (half of them with a supplier's cost), three counters post 2,000 count
//! lines at once (each product once, by its barcode, read with the till's nomenclature) while
//! two tills sell from the same products; then the count is validated. Checks that each
//! adjustment is exactly counted minus expected (the quantity on hand when the product was
//! first counted) valued at its cost, and that no other product was adjusted. Merges into a
//! JSON object of name: number (`target/bench/results.json` by default):
//!
//! - `inventory_count_2k_lines_s`: from the first line to the validated count, in seconds;
//! - `inventory_count_line_p99_ms`: one line, from the call to its answer;
//! - `inventory_count_validate_ms`: validating the 2,000 lines (about 2,000 adjustments).
//!
//! Usage: `countbench [results.json]` (`cargo run --release -p bench --bin countbench`).

use bench::percentile;
use domain::member::MemberForm;
use domain::stock::cost::PackCost;
use domain::stock::count::CountForm;
use domain::stock::MoveKind;
use domain::till::sale::{LineDraft, PaymentDraft, Quantity, SaleDraft};
use domain::till::{Tender, Unit};
use domain::{Language, Role, Viewer};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Map, Value};
use services::entities::{product_barcodes, stock_moves, supplier_products, suppliers};
use services::stock::counts::{self, Counted};
use services::testing::{self, Backend};
use services::till::{catalogue, drawer, sale};
use services::Services;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;
use uuid::Uuid;

const PRODUCTS: usize = 2_000;
const COUNTERS: usize = 3;
const TILLS: usize = 2;

/// A product as the bench counts it: its barcode, id and unit.
#[derive(Clone)]
struct Item {
    barcode: String,
    id: Uuid,
    unit: Unit,
    price_cents: i64,
}

#[tokio::main]
async fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench/results.json".into());
    let s = testing::fresh(Backend::Sqlite)
        .await
        .expect("a fresh SQLite database");
    let admin = testing::admin(&s).await;
    let items = Arc::new(catalogue_of(&s).await);
    let costs = supplier_costs(&s, &items).await;
    let shopper = services::members::create(
        &s,
        &admin,
        &MemberForm {
            member_number: String::new(),
            first_name: "Bench".into(),
            last_name: "Shopper".into(),
            email: "shopper@example.be".into(),
            phone: String::new(),
            language: "fr".into(),
            join_date: services::today().to_string(),
            work_regime: "regular".into(),
        },
    )
    .await
    .expect("a member")
    .id;
    let mut counters = Vec::new();
    for c in 0..COUNTERS {
        counters.push(counter(&s, c).await);
    }
    let count = counts::open(
        &s,
        &admin,
        &CountForm {
            title: "Inventaire annuel".into(),
            location: String::new(),
            categories: vec![],
        },
    )
    .await
    .expect("a count")
    .id;

    // The tills sell until the counters are done.
    let counting = Arc::new(AtomicBool::new(true));
    let sold = Arc::new(AtomicUsize::new(0));
    let mut tills = Vec::new();
    for t in 0..TILLS {
        let till = drawer::create_till(&s, &admin, &format!("Till {t}"))
            .await
            .expect("a till");
        let session = drawer::open_session(&s, &admin, &here(), till.id, &[])
            .await
            .expect("a session")
            .id;
        let (s, admin, items, counting, sold) = (
            s.clone(),
            admin.clone(),
            items.clone(),
            counting.clone(),
            sold.clone(),
        );
        tills.push(tokio::spawn(async move {
            let mut n = 0;
            while counting.load(Ordering::Relaxed) {
                let draft = sale_draft(&items, shopper, session, t, n);
                sale::post_sale(&s, &admin, &here(), &draft)
                    .await
                    .expect("a sale");
                sold.fetch_add(1, Ordering::Relaxed);
                n += 1;
            }
        }));
    }

    let started = Instant::now();
    let mut tasks = Vec::new();
    for (c, who) in counters.into_iter().enumerate() {
        let (s, items) = (s.clone(), items.clone());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            for (i, item) in items.iter().enumerate().filter(|(i, _)| i % COUNTERS == c) {
                let t0 = Instant::now();
                counts::post_line(
                    &s,
                    &who,
                    count,
                    Counted::Code(&item.barcode),
                    counted(i, item.unit),
                )
                .await
                .expect("a count line");
                times.push(t0.elapsed().as_secs_f64() * 1000.0);
            }
            times
        }));
    }
    let mut times = Vec::new();
    for t in tasks {
        times.extend(t.await.expect("a counter"));
    }
    let lines_s = started.elapsed().as_secs_f64();
    counting.store(false, Ordering::Relaxed);
    for t in tills {
        t.await.expect("a till");
    }
    let state = counts::state(&s.db, count)
        .await
        .expect("the count's state");
    let t0 = Instant::now();
    let (_, moves) = counts::validate(&s, &admin, count)
        .await
        .expect("the validation");
    let validate_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let total_s = lines_s + validate_ms / 1000.0;

    // Every adjustment is counted minus expected, at the product's cost; nothing else moved.
    assert_eq!(state.products.len(), PRODUCTS, "every product counted");
    let written = stock_moves::Entity::find()
        .filter(stock_moves::Column::Kind.eq(MoveKind::Adjustment.as_str()))
        .all(&s.db)
        .await
        .expect("the adjustments");
    let mut by_product: HashMap<Uuid, &stock_moves::Model> = HashMap::new();
    for m in &written {
        assert!(
            by_product.insert(m.product_id, m).is_none(),
            "one adjustment a product"
        );
    }
    assert_eq!(written.len(), moves.len());
    let mut differ = 0;
    for p in &state.products {
        let difference = p.counted_milli() - p.expected_milli;
        match by_product.get(&p.product_id) {
            Some(m) => {
                differ += 1;
                assert_eq!(m.quantity_milli, difference, "{}", p.name);
                assert_eq!(
                    m.value_cents,
                    costs.get(&p.product_id).map(|c| c.value_cents(difference)),
                    "{}",
                    p.name
                );
                assert_eq!(
                    m.reference_id,
                    Some(counts::adjustment_reference(count, p.product_id))
                );
            }
            None => assert_eq!(difference, 0, "{} is adjusted", p.name),
        }
    }
    times.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    println!(
        "{} lines from {COUNTERS} counters in {lines_s:.2} s (p50 {} ms, p99 {} ms) while {TILLS} tills sold {} sales; validated in {validate_ms:.0} ms: {differ} adjustments, each counted minus expected",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        sold.load(Ordering::Relaxed),
    );
    let mut figures = Map::new();
    figures.insert(
        "inventory_count_2k_lines_s".into(),
        Value::from((total_s * 100.0).round() / 100.0),
    );
    figures.insert(
        "inventory_count_line_p99_ms".into(),
        Value::from(percentile(&times, 0.99)),
    );
    figures.insert(
        "inventory_count_validate_ms".into(),
        Value::from(validate_ms.round()),
    );
    bench::write_figures(&out, figures);
}

/// What the bench counts of product `i`: whole pieces, or grams of what is weighed.
fn counted(i: usize, unit: Unit) -> i64 {
    match unit {
        Unit::Piece => 1_000 * (i as i64 % 13),
        _ => 250 * (i as i64 % 9) + 17,
    }
}

/// 2,000 products with barcodes (`services::bulk`), with their ids and units.
async fn catalogue_of(s: &Services) -> Vec<Item> {
    let barcodes = services::bulk::products(&s.db, PRODUCTS)
        .await
        .expect("the products");
    let ids: HashMap<String, Uuid> = product_barcodes::Entity::find()
        .all(&s.db)
        .await
        .expect("the barcodes")
        .into_iter()
        .map(|b| (b.barcode, b.product_id))
        .collect();
    let mut items = Vec::new();
    for barcode in barcodes {
        let id = ids[&barcode];
        let p = catalogue::product(&s.db, id).await.expect("a product");
        items.push(Item {
            barcode,
            id,
            unit: p.unit,
            price_cents: p.price_cents,
        });
    }
    items
}

/// Every other product gets a supplier's pack cost; returns the costs.
async fn supplier_costs(s: &Services, items: &[Item]) -> HashMap<Uuid, PackCost> {
    let supplier = Uuid::now_v7();
    let now = services::now_ms();
    suppliers::Entity::insert(suppliers::ActiveModel {
        id: Set(supplier),
        name: Set("Grossiste".into()),
        contact: Set(String::new()),
        order_email: Set(String::new()),
        min_order_cents: Set(0),
        lead_days: Set(2),
        margin_bp: Set(None),
        active: Set(true),
        created_at_ms: Set(now),
        updated_at_ms: Set(now),
    })
    .exec_without_returning(&s.db)
    .await
    .expect("a supplier");
    let mut costs = HashMap::new();
    let rows: Vec<supplier_products::ActiveModel> = items
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(i, item)| {
            let cost =
                PackCost::new(6_000 + 1_000 * (i as i64 % 7), 199 + 13 * i as i64).expect("a pack");
            costs.insert(item.id, cost);
            supplier_products::ActiveModel {
                supplier_id: Set(supplier),
                product_id: Set(item.id),
                code: Set(format!("G{i}")),
                pack_milli: Set(cost.pack_milli),
                pack_cost_cents: Set(cost.pack_cost_cents),
                preferred: Set(true),
                updated_at_ms: Set(now),
            }
        })
        .collect();
    for chunk in rows.chunks(500) {
        supplier_products::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&s.db)
            .await
            .expect("the costs");
    }
    costs
}

/// Counter `c`, a stock manager.
async fn counter(s: &Services, c: usize) -> Viewer {
    let email = format!("counter{c}@example.be");
    let name = format!("Counter {c}");
    let id = services::accounts::create_user(
        &s.db,
        &email,
        &name,
        Language::Fr,
        None,
        None,
        &[Role::StockManager],
    )
    .await
    .expect("a counter");
    Viewer {
        user_id: id,
        display_name: name,
        email,
        roles: vec![Role::StockManager],
        language: Language::Fr,
        member_id: None,
    }
}

/// The device the benchmark's tills run on.
fn here() -> drawer::Device {
    drawer::Device::of_key("the count benchmark's till")
}

/// Sale `n` of till `t`: three products among the 2,000, paid in cash.
fn sale_draft(items: &[Item], member: Uuid, session_id: Uuid, t: usize, n: usize) -> SaleDraft {
    let lines = (0..3)
        .map(|l| {
            let item = &items[(t * 997 + n * 31 + l * 7) % items.len()];
            let quantity = match item.unit {
                Unit::Piece => Quantity::Plain { milli: 1_000 },
                _ => Quantity::Weighed { milli: 300 },
            };
            LineDraft {
                product_id: item.id,
                unit_price_cents: item.price_cents,
                quantity,
                discount_bp: 0,
            }
        })
        .collect();
    SaleDraft {
        id: Uuid::now_v7(),
        session_id,
        member_id: member,
        sold_at_ms: services::now_ms(),
        lines,
        payments: vec![PaymentDraft {
            tender: Tender::Cash,
            amount_cents: 50_000,
        }],
        override_id: None,
        catalogue_version: 0,
    }
}
