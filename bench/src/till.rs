//! `tillbench`: how fast the server records sales. 16 tills, each with its own open drawer
//! session, post 8-line sales at once on a fresh SQLite database (every sale one write
//! transaction: receipt number, lines, VAT lines, payments, stock moves). Merges its figures
//! into a JSON object of name: number (`target/bench/results.json` by default):
//!
//! - `sale_commit_p50_ms`, `sale_commit_p99_ms`: from calling `post_sale` to its receipt;
//! - `sales_per_s`: sales recorded per second, all tills together;
//! - `sales_per_commit`: how many sales a write transaction carried on average (group commit,
//!   `services::group_commit`);
//! - `sale_cpu_ms` and `sale_context_switches`: the process's CPU time (user and system, all
//!   threads) and context switches per sale while the tills sell: what a sale costs the
//!   machine, less sensitive to other work on it than the times;
//! - `sale_writer_us` and `sale_writer_busy_percent`: how long a sale held the one SQLite
//!   writer's turn (its share of the batches' time from `BEGIN` to commit), and the share of
//!   the time the writer was busy: near 100 %, the writer is what limits the sales per second;
//! - `z_report_1000_sales_ms`: closing a session of 1,000 sales (its Z report), median of 3
//!   sessions.
//!
//! Usage: `tillbench [results.json]` (`cargo run --release -p bench --bin tillbench`). Bounded:
//! 16 tills x 150 sales, then 3 sessions of 1,000 sales, on a SQLite file in the system's
//! temporary folder.

use bench::percentile;
use domain::member::MemberForm;
use domain::till::sale::{LineDraft, PaymentDraft, Quantity, SaleDraft};
use domain::till::{ProductForm, Tender, Unit};
use domain::Viewer;
use serde_json::{Map, Value};
use services::testing::{self, Backend};
use services::till::catalogue::CatalogueProduct;
use services::till::{catalogue, drawer, sale};
use services::{group_commit, Services};
use std::time::Instant;
use uuid::Uuid;

const TILLS: usize = 16;
const SALES_PER_TILL: usize = 150;
const LINES: usize = 8;
const Z_SESSIONS: usize = 3;
const Z_SALES: usize = 1_000;

#[tokio::main]
async fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench/results.json".into());
    let s = testing::fresh(Backend::Sqlite)
        .await
        .expect("a fresh SQLite database");
    let admin = testing::admin(&s).await;
    let member = services::members::create(
        &s,
        &admin,
        &MemberForm {
            member_number: String::new(),
            first_name: "Bench".into(),
            last_name: "Shopper".into(),
            email: "bench@example.be".into(),
            phone: String::new(),
            language: "fr".into(),
            join_date: services::today().to_string(),
            work_regime: "regular".into(),
        },
    )
    .await
    .expect("a member")
    .id;
    let mut products = Vec::new();
    for i in 0..40 {
        let (unit, vat) = [
            ("piece", "6"),
            ("kg", "6"),
            ("piece", "21"),
            ("litre", "12"),
        ][i % 4];
        let form = ProductForm {
            name: format!("Product {i}"),
            category: format!("Category {}", i % 5),
            unit: unit.into(),
            price: format!("{}.{:02}", 1 + i % 9, (i * 37) % 100),
            vat_percent: vat.into(),
            deposit: if i % 7 == 0 {
                "0.10".into()
            } else {
                String::new()
            },
            meal_voucher: i % 3 != 0,
            active: true,
            barcodes: vec![],
            ..Default::default()
        };
        products.push(
            catalogue::create_product(&s, &admin, &form)
                .await
                .expect("a product"),
        );
    }
    let mut sessions = Vec::new();
    for t in 0..TILLS {
        sessions.push(open_session(&s, &admin, &format!("Till {t}")).await);
    }

    let batches_before = group_commit::batches(&s.db);
    let usage_before = Usage::now();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (t, session) in sessions.into_iter().enumerate() {
        let (s, admin, products) = (s.clone(), admin.clone(), products.clone());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(SALES_PER_TILL);
            for n in 0..SALES_PER_TILL {
                let draft = sale_draft(&products, member, session, t, n);
                let t0 = Instant::now();
                sale::post_sale(&s, &admin, &here(), &draft)
                    .await
                    .expect("a sale");
                times.push(t0.elapsed().as_secs_f64() * 1000.0);
            }
            times
        }));
    }
    let mut times = Vec::new();
    for t in tasks {
        times.extend(t.await.expect("a till task"));
    }
    let secs = started.elapsed().as_secs_f64();
    let usage = Usage::now().since(&usage_before);
    times.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    let per_s = (times.len() as f64 / secs).round();
    let batches = group_commit::batches(&s.db);
    let commits = batches.transactions - batches_before.transactions;
    let per_commit = (batches.work - batches_before.work) as f64 / commits.max(1) as f64;
    let writer_busy = (batches.busy_us - batches_before.busy_us) as f64 / 1e6 / secs;
    println!(
        "{} sales of {LINES} lines from {TILLS} tills in {secs:.2} s: {per_s} sales/s, p50 {} ms, p99 {} ms, {commits} commits ({per_commit:.1} sales each)",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    let sales = times.len() as f64;
    let cpu_ms = (usage.cpu_ms / sales * 1000.0).round() / 1000.0;
    let switches = (usage.context_switches / sales).round();
    let writer_busy_percent = (writer_busy * 1000.0).round() / 10.0;
    let writer_us = ((batches.busy_us - batches_before.busy_us) as f64 / sales).round();
    println!(
        "per sale: {cpu_ms} ms of CPU, {switches} context switches, {writer_us} µs of the writer's turn; the writer was busy {writer_busy_percent} % of the time"
    );
    let mut figures = Map::new();
    figures.insert("sale_cpu_ms".into(), Value::from(cpu_ms));
    figures.insert("sale_context_switches".into(), Value::from(switches));
    figures.insert("sale_writer_us".into(), Value::from(writer_us));
    figures.insert(
        "sale_writer_busy_percent".into(),
        Value::from(writer_busy_percent),
    );
    figures.insert(
        "sale_commit_p50_ms".into(),
        Value::from(percentile(&times, 0.5)),
    );
    figures.insert(
        "sale_commit_p99_ms".into(),
        Value::from(percentile(&times, 0.99)),
    );
    figures.insert("sales_per_s".into(), Value::from(per_s));
    figures.insert(
        "sales_per_commit".into(),
        Value::from((per_commit * 10.0).round() / 10.0),
    );

    // Closing a session of 1,000 sales: its Z report sums every sale's totals and VAT lines.
    let mut closing = Vec::new();
    for z in 0..Z_SESSIONS {
        let session = open_session(&s, &admin, &format!("Z till {z}")).await;
        for n in 0..Z_SALES {
            let draft = sale_draft(&products, member, session, z, n);
            sale::post_sale(&s, &admin, &here(), &draft)
                .await
                .expect("a sale");
        }
        let t0 = Instant::now();
        let z_report = drawer::close_session(&s, &admin, &here(), session, &[])
            .await
            .expect("the Z report");
        closing.push(t0.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(
            z_report.report.sales as usize, Z_SALES,
            "every sale in the Z report"
        );
    }
    closing.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    println!("closing a session of {Z_SALES} sales: {closing:?} ms");
    figures.insert(
        "z_report_1000_sales_ms".into(),
        Value::from(percentile(&closing, 0.5)),
    );
    bench::write_figures(&out, figures);
}

/// The device the benchmark's tills run on.
fn here() -> drawer::Device {
    drawer::Device::of_key("the benchmark's till")
}

/// Opens a drawer session on a new till (no float); returns its id.
async fn open_session(s: &Services, admin: &Viewer, till: &str) -> Uuid {
    let till = drawer::create_till(s, admin, till).await.expect("a till");
    drawer::open_session(s, admin, &here(), till.id, &[])
        .await
        .expect("a session")
        .id
}

/// Sale `n` of till `t`: eight different products, pieces by the unit and the others weighed,
/// paid in cash.
fn sale_draft(
    products: &[CatalogueProduct],
    member: Uuid,
    session_id: Uuid,
    t: usize,
    n: usize,
) -> SaleDraft {
    let lines = (0..LINES)
        .map(|l| {
            let p = &products[(t * 7 + n * 3 + l * 5) % products.len()];
            let quantity = match p.unit {
                Unit::Piece => Quantity::Plain {
                    milli: 1_000 * (1 + l as i64 % 3),
                },
                _ => Quantity::Weighed {
                    milli: 150 + 37 * l as i64,
                },
            };
            LineDraft {
                product_id: p.id,
                unit_price_cents: p.price_cents,
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

/// The process's CPU time and context switches so far (every thread).
struct Usage {
    cpu_ms: f64,
    context_switches: f64,
}

impl Usage {
    fn now() -> Usage {
        // SAFETY: `getrusage` fills the zeroed struct it is given and reads nothing else.
        let u = unsafe {
            let mut u: libc::rusage = std::mem::zeroed();
            libc::getrusage(libc::RUSAGE_SELF, &mut u);
            u
        };
        let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
        Usage {
            cpu_ms: ms(u.ru_utime) + ms(u.ru_stime),
            context_switches: (u.ru_nvcsw + u.ru_nivcsw) as f64,
        }
    }

    fn since(&self, before: &Usage) -> Usage {
        Usage {
            cpu_ms: self.cpu_ms - before.cpu_ms,
            context_switches: self.context_switches - before.context_switches,
        }
    }
}
