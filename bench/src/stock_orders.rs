//! `stockbench`: how fast the stock manager's reorder suggestions and receptions are, through
//! the services, on a fresh SQLite database. Merges its figures into a JSON object of name:
//! number (`target/bench/results.json` by default):
//!
//! - `reorder_suggestions_20k_ms`: the suggestions of one supplier of 20,000 products with a
//!   year of sales (each product sold once a week, about a million sale moves, and received
//!   once), median of 5;
//! - `reception_100_lines_ms`: validating the reception of a 100-line order (moves valued at
//!   cost, one pack cost in ten changed, the order's lines and state), median of 5 receptions
//!   of 5 suppliers.
//!
//! Usage: `stockbench [results.json]` (`cargo run --release -p bench --bin stockbench`).
//! Bounded: 20,500 products, a year of weekly sales, 5 receptions, on a SQLite file in the
//! system's temporary folder.

use bench::{percentile, write_figures};
use domain::stock::{MoveKind, StockMove};
use domain::Language;
use sea_orm::{EntityTrait, QueryOrder};
use serde_json::{Map, Value};
use services::bulk::{self, Offer};
use services::stock::receptions::Item;
use services::stock::{orders, receptions};
use services::testing::{self, Backend};
use services::{entities, now_ms};
use std::time::Instant;
use uuid::Uuid;

const PRODUCTS: usize = 20_000;
const SMALL_SUPPLIERS: usize = 5;
const LINES: usize = 100;
const RUNS: usize = 5;
const DAY: i64 = 24 * 3600 * 1000;

#[tokio::main]
async fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench/results.json".into());
    let s = testing::fresh(Backend::Sqlite)
        .await
        .expect("a fresh SQLite database");
    let admin = testing::admin(&s).await;
    let t0 = Instant::now();
    bulk::products(&s.db, PRODUCTS + SMALL_SUPPLIERS * LINES)
        .await
        .expect("products");
    let ids: Vec<Uuid> = entities::products::Entity::find()
        .order_by_asc(entities::products::Column::Id)
        .all(&s.db)
        .await
        .expect("the products")
        .into_iter()
        .map(|p| p.id)
        .collect();
    let codes: Vec<String> = (0..ids.len()).map(|n| format!("C{n}")).collect();
    let offers = |range: std::ops::Range<usize>| -> Vec<Offer> {
        range
            .map(|n| Offer {
                product_id: ids[n],
                code: &codes[n],
                pack_milli: 6_000 * (1 + (n % 4) as i64),
                pack_cost_cents: 300 + (n as i64 * 37) % 4_000,
            })
            .collect()
    };
    let big = bulk::supplier(
        &s.db,
        "Big",
        "big@example.be",
        50_000,
        2,
        &offers(0..PRODUCTS),
    )
    .await
    .expect("the big supplier");
    let mut small = Vec::new();
    for k in 0..SMALL_SUPPLIERS {
        let from = PRODUCTS + k * LINES;
        small.push(
            bulk::supplier(
                &s.db,
                &format!("Small {k}"),
                "small@example.be",
                0,
                1,
                &offers(from..from + LINES),
            )
            .await
            .expect("a small supplier"),
        );
    }
    // A year of sales: every product once a week (on its own weekday), one to four units; a
    // reception a year ago of about what it sold.
    let now = now_ms();
    let mut moves = Vec::with_capacity(60_000);
    let mut written = 0usize;
    for (n, id) in ids.iter().enumerate() {
        moves.push(StockMove::new(
            *id,
            100_000,
            MoveKind::Reception,
            now - 366 * DAY,
        ));
        for week in 0..52 {
            let at = now - (week * 7 + (n % 7) as i64) * DAY - 3_600_000;
            let milli = 1_000 * (1 + ((n + week as usize) % 4) as i64);
            moves.push(StockMove::new(*id, -milli, MoveKind::Sale, at));
        }
        if moves.len() >= 50_000 {
            written += moves.len();
            bulk::moves(&s.db, &moves).await.expect("moves");
            moves.clear();
        }
    }
    written += moves.len();
    bulk::moves(&s.db, &moves).await.expect("moves");
    println!(
        "{} products, {written} stock moves written in {:.1} s",
        ids.len(),
        t0.elapsed().as_secs_f64()
    );

    let mut times = Vec::new();
    let mut to_order = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        let got = orders::suggest(&s.db, big, 28, 14)
            .await
            .expect("suggestions");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(got.lines.len(), PRODUCTS);
        to_order = got.lines.iter().filter(|l| l.packs > 0).count();
    }
    times.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    let suggestions_ms = percentile(&times, 0.5);
    println!(
        "suggestions over {PRODUCTS} products ({to_order} to order): median {suggestions_ms} ms, {times:?}"
    );

    let mut times = Vec::new();
    for supplier in small {
        let order = orders::make_draft(&s, &admin, supplier, 28, 14)
            .await
            .expect("a draft");
        let lines = orders::order(&s.db, order).await.expect("the order").lines;
        assert_eq!(lines.len(), LINES, "every product of the supplier sells");
        orders::send(&s, &admin, order, Language::Fr)
            .await
            .expect("sent");
        let reception = receptions::start(&s, &admin, order).await.expect("started");
        for (n, l) in lines.iter().enumerate() {
            let cost = (n % 10 == 0).then_some(l.pack_cost_cents + 10);
            receptions::set_line(
                &s,
                &admin,
                reception,
                Item::Product(l.product_id),
                l.ordered_milli() - if n % 7 == 0 { 1_000 } else { 0 },
                cost,
            )
            .await
            .expect("a line");
        }
        let t = Instant::now();
        receptions::validate(&s, &admin, reception)
            .await
            .expect("validated");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    let reception_ms = percentile(&times, 0.5);
    println!("validating a {LINES}-line reception: median {reception_ms} ms, {times:?}");

    let mut figures = Map::new();
    figures.insert(
        "reorder_suggestions_20k_ms".into(),
        Value::from(suggestions_ms),
    );
    figures.insert("reception_100_lines_ms".into(), Value::from(reception_ms));
    write_figures(&out, figures);
}
