//! `stockreports`: how fast the stock manager's reports read a large shop, through the
//! services, on a fresh SQLite file in the system's temporary folder. Merges its figures into
//! a JSON object of name: number (`target/bench/results.json` by default):
//!
//! - `stock_value_report_20k_ms`: the stock value at cost of 20,000 products, each with a
//!   supplier's cost, a reception and a loss every tenth, beside a month of sales' moves
//!   (median of 5 runs);
//! - `sales_report_month_ms`: sales per product over a month of 1,000 sales a day (30,000
//!   sales of 5 lines) (median of 5 runs).
//!
//! Usage: `stockreports [results.json]` (`cargo run --release -p bench --bin stockreports`).

use bench::percentile;
use chrono::{NaiveDate, TimeZone};
use domain::stock::cost::PackCost;
use domain::stock::reports::Period;
use domain::stock::{MoveKind, StockMove};
use sea_orm::{EntityTrait, QuerySelect};
use serde_json::{Map, Value};
use services::bulk::{self, BulkLine, BulkSale, Checkout};
use services::entities::products;
use services::stock::reports;
use services::testing::{self, Backend};
use services::till::drawer;
use std::time::Instant;
use uuid::Uuid;

const PRODUCTS: usize = 20_000;
const SALES_PER_DAY: usize = 1_000;
const LINES: usize = 5;
const RUNS: usize = 5;

/// The median time of `RUNS` runs of `f`, in milliseconds.
async fn median<F, Fut, T>(mut f: F) -> f64
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        std::hint::black_box(f().await);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    percentile(&times, 0.5)
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
    let started = Instant::now();
    bulk::products(&s.db, PRODUCTS).await.expect("products");
    let rows: Vec<(Uuid, i32)> = products::Entity::find()
        .select_only()
        .column(products::Column::Id)
        .column(products::Column::VatBp)
        .into_tuple()
        .all(&s.db)
        .await
        .expect("the products");
    let costs: Vec<(Uuid, PackCost)> = rows
        .iter()
        .enumerate()
        .map(|(i, (id, _))| {
            let pack = PackCost::new(1_000 * (1 + i as i64 % 12), 100 + (i as i64 * 37) % 5_000);
            (*id, pack.expect("a pack"))
        })
        .collect();
    bulk::supplier_with_costs(&s.db, "Bench supplier", &costs)
        .await
        .expect("a supplier");
    let tz = chrono_tz::Europe::Brussels;
    let first = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a day");
    let start_ms = tz
        .from_local_datetime(&first.and_hms_opt(0, 0, 0).expect("midnight"))
        .unwrap()
        .timestamp_millis();
    let mut moves = Vec::with_capacity(PRODUCTS + PRODUCTS / 10);
    for (i, (id, _)) in rows.iter().enumerate() {
        moves.push(StockMove::new(
            *id,
            50_000,
            MoveKind::Reception,
            start_ms - 86_400_000,
        ));
        if i % 10 == 0 {
            moves.push(StockMove {
                reason: Some("expired".into()),
                value_cents: Some(-120),
                ..StockMove::new(*id, -1_000, MoveKind::Loss, start_ms + 3_600_000)
            });
        }
    }
    bulk::moves(&s.db, &moves).await.expect("moves");

    let member = testing::member(&s, &admin, "Bench", "regular", "fr", first).await;
    let till = drawer::create_till(&s, &admin, "Bench till")
        .await
        .expect("a till");
    let session = drawer::open_session(&s, &admin, &drawer::Device::of_key("bench"), till.id, &[])
        .await
        .expect("a session");
    let checkout = Checkout {
        session_id: session.id,
        till_id: till.id,
        cashier_id: admin.user_id,
        member_id: member,
    };
    // Shops open 8:00 to 20:00: a thousand sales a day, a day at a time.
    for d in 0..30 {
        let day_ms = start_ms + d * 86_400_000 + 8 * 3_600_000;
        let sales: Vec<BulkSale> = (0..SALES_PER_DAY)
            .map(|n| BulkSale {
                sold_at_ms: day_ms + (n as i64 * 12 * 3_600_000) / SALES_PER_DAY as i64,
                lines: (0..LINES)
                    .map(|l| {
                        let (id, vat_bp) =
                            rows[(d as usize * 7_919 + n * 31 + l * 4_001) % rows.len()];
                        BulkLine {
                            product_id: id,
                            quantity_milli: 1_000 * (1 + l as i64 % 3),
                            goods_cents: 99 + ((n * 13 + l * 7) % 900) as i64,
                            vat_bp,
                        }
                    })
                    .collect(),
            })
            .collect();
        bulk::sales(&s.db, checkout, &sales)
            .await
            .expect("a day of sales");
    }
    println!("seeded in {:.1} s", started.elapsed().as_secs_f64());

    let last = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a day");
    let stock_value = median(|| reports::stock_value(&s.db, last)).await;
    let check = reports::stock_value(&s.db, last)
        .await
        .expect("the stock value");
    println!(
        "stock value of {} products: {stock_value} ms (total {} cents)",
        check.rows.len() + check.without_cost.len(),
        check.total_cents
    );
    let month = Period {
        from: first,
        to: last,
    };
    let sales = median(|| reports::sales(&s.db, month)).await;
    let check = reports::sales(&s.db, month).await.expect("the sales");
    println!(
        "sales of a month ({} rows): {sales} ms (total {} cents)",
        check.rows.len(),
        check.total.gross_cents
    );
    let mut figures = Map::new();
    figures.insert("stock_value_report_20k_ms".into(), Value::from(stock_value));
    figures.insert("sales_report_month_ms".into(), Value::from(sales));
    bench::write_figures(&out, figures);
}
