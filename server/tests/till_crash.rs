//! A sale the server acknowledged survives a crash of the server, and a till resending its
//! queue records nothing twice, end to end on SQLite and PostgreSQL.
//!
//! Six simulated tills ring up complete sales (lines, payments) and post each one over HTTP
//! (`POST /api/till/sale`) as soon as it is made, keeping every sale in their own queue, the
//! way the till's device module does. While they sell, the server is killed with SIGKILL
//! twice and started again. Then:
//! - every sale that got a 2xx answer is in the database with the receipt number it was
//!   given, its lines, payments and stock moves;
//! - every till resends its whole queue, answered or not: each sale is recorded exactly once
//!   (one row per sale id, one stock move per line) and the answered ones keep their number.
//!
//! Bounded: 6 tills x 30 sales, every request limited in time, on 127.0.0.1 only; the server
//! is killed when the test ends, passed or not.

mod support;

use domain::money::to_cents;
use domain::till::catalogue::CatalogueProduct;
use domain::till::sale::{LineDraft, PaymentDraft, Quantity, Receipt, SaleDraft};
use domain::till::{from_milli, Basket, ProductForm, Tender};
use domain::{Language, Role};
use http::Method;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use services::entities::{payments, sale_lines, sales, stock_moves};
use services::shifts::daily::LAST_RUN;
use services::testing::{fresh_url, Backend};
use services::till::{catalogue, drawer};
use services::{accounts, bulk, db, settings, Config, Services};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU16, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{send, Server};
use uuid::Uuid;

const TILLS: usize = 6;
const SALES_PER_TILL: usize = 30;
const KILLS: usize = 2;
/// How long a till waits after a failed send before its next sale, like a cashier would.
const AFTER_FAILURE: Duration = Duration::from_millis(150);

/// The secret of the device the simulated tills post from (the `ruche_till` cookie).
const DEVICE_KEY: &str = "the crash test's till";

/// What the tills need: the cookie of a cashier's session and of the device that opened the
/// cashier's drawer session, that drawer session, a member who may shop and the products.
#[derive(Clone)]
struct Shop {
    cookie: String,
    session_id: Uuid,
    member_id: Uuid,
    products: Arc<Vec<CatalogueProduct>>,
}

async fn shop(s: &Services) -> Shop {
    let db = &s.db;
    let admin = services::testing::admin(s).await;
    // The servers' daily job has nothing to do today: it must not hold the write lock.
    settings::set(db, LAST_RUN, &services::today().to_string())
        .await
        .expect("the daily job's last run");
    let cashier = accounts::create_user(
        db,
        "cashier@example.be",
        "Cashier",
        Language::En,
        None,
        None,
        &[Role::Cashier],
    )
    .await
    .expect("a cashier");
    let token = bulk::sessions(db, &[cashier]).await.expect("a session")[0].clone();
    let member_id = bulk::members(db, 1, "shopper", services::today(), |_| {
        domain::member::WorkRegime::Regular
    })
    .await
    .expect("a member")[0]
        .member_id;
    let mut products = Vec::new();
    for i in 0..12 {
        let form = ProductForm {
            name: format!("Product {i}"),
            category: String::new(),
            unit: if i % 4 == 3 { "kg" } else { "piece" }.into(),
            price: format!("{}.{:02}", 1 + i % 5, (i * 29) % 100),
            vat_percent: if i % 3 == 0 { "21" } else { "6" }.into(),
            deposit: if i % 5 == 0 { "0.10" } else { "" }.into(),
            meal_voucher: i % 2 == 0,
            active: true,
            barcodes: vec![],
            ..Default::default()
        };
        products.push(
            catalogue::create_product(s, &admin, &form)
                .await
                .expect("a product"),
        );
    }
    let till = drawer::create_till(s, &admin, "Till 1")
        .await
        .expect("a till");
    let at_till = domain::Viewer {
        user_id: cashier,
        display_name: "Cashier".into(),
        email: "cashier@example.be".into(),
        roles: vec![Role::Cashier],
        language: Language::En,
        member_id: None,
    };
    let device = drawer::Device::of_key(DEVICE_KEY);
    let session = drawer::open_session(s, &at_till, &device, till.id, &[])
        .await
        .expect("a drawer session");
    Shop {
        cookie: format!("ruche_session={token}; ruche_till={DEVICE_KEY}"),
        session_id: session.id,
        member_id,
        products: Arc::new(products),
    }
}

/// The `n`-th sale of till `t`: one to eight lines of different products (pieces or
/// weighed), paid by card to the cent or in cash with change.
fn sale(shop: &Shop, t: usize, n: usize) -> SaleDraft {
    let count = 1 + (t * 5 + n * 3) % 8;
    let mut basket = Basket::default();
    let mut lines = Vec::new();
    for l in 0..count {
        let p = &shop.products[(t + n + l) % shop.products.len()];
        let quantity = if p.unit == domain::till::Unit::Piece {
            Quantity::Plain {
                milli: 1_000 * (1 + ((n + l) % 3) as i64),
            }
        } else {
            Quantity::Weighed {
                milli: 200 + 37 * (n + l) as i64,
            }
        };
        let (Quantity::Plain { milli } | Quantity::Weighed { milli }) = quantity else {
            unreachable!("pieces or weighed")
        };
        let product = p.for_sale(p.price_cents);
        match quantity {
            Quantity::Plain { .. } => basket.add(&product, from_milli(milli)),
            _ => basket.add_weighed(&product, from_milli(milli)),
        }
        .expect("a valid line");
        lines.push(LineDraft {
            product_id: p.id,
            unit_price_cents: p.price_cents,
            quantity,
            discount_bp: 0,
        });
    }
    let payment = if n.is_multiple_of(2) {
        PaymentDraft {
            tender: Tender::Card,
            amount_cents: to_cents(basket.total()).expect("whole cents"),
        }
    } else {
        PaymentDraft {
            tender: Tender::Cash,
            amount_cents: 20_000,
        }
    };
    SaleDraft {
        id: Uuid::now_v7(),
        session_id: shop.session_id,
        member_id: shop.member_id,
        sold_at_ms: services::now_ms(),
        lines,
        payments: vec![payment],
        override_id: None,
        catalogue_version: 0,
    }
}

/// What posting a sale got.
enum Posted {
    Acknowledged(Receipt),
    /// The server could not be reached, dropped the connection or timed out.
    Unreachable,
    /// Any other answer: a bug.
    Refused(String),
}

async fn post(port: u16, cookie: &str, draft: &SaleDraft) -> Posted {
    let body = serde_json::json!({ "sale": draft }).to_string();
    match send(port, Method::POST, "/api/till/sale", Some(cookie), &body).await {
        Err(_) => Posted::Unreachable,
        Ok((status, bytes)) if status.is_success() => match serde_json::from_slice(&bytes) {
            Ok(receipt) => Posted::Acknowledged(receipt),
            Err(e) => Posted::Refused(format!("{status}: {e}")),
        },
        Ok((status, bytes)) => {
            Posted::Refused(format!("{status}: {}", String::from_utf8_lossy(&bytes)))
        }
    }
}

/// One till's day: its queue (every sale it made, in order), the receipt numbers it was
/// answered, how many sends failed, and any refusal.
#[derive(Default)]
struct Till {
    queue: Vec<SaleDraft>,
    acknowledged: HashMap<Uuid, i64>,
    failed: usize,
    refused: Vec<String>,
}

async fn sell(shop: Shop, t: usize, port: Arc<AtomicU16>, answered: Arc<AtomicUsize>) -> Till {
    let mut till = Till::default();
    for n in 0..SALES_PER_TILL {
        let draft = sale(&shop, t, n);
        // Queued before it is sent, as on the device.
        till.queue.push(draft.clone());
        match post(port.load(Ordering::SeqCst), &shop.cookie, &draft).await {
            Posted::Acknowledged(r) => {
                assert_eq!(r.id, draft.id);
                till.acknowledged.insert(draft.id, r.receipt_number);
                answered.fetch_add(1, Ordering::SeqCst);
            }
            Posted::Unreachable => {
                till.failed += 1;
                tokio::time::sleep(AFTER_FAILURE).await;
            }
            Posted::Refused(e) => till.refused.push(e),
        }
    }
    till
}

/// Kills the server with SIGKILL each time another share of the sales was answered, starts
/// it again (on a new port the tills switch to), and returns the last one.
async fn crash_while_selling(
    url: &str,
    mut server: Server,
    port: &AtomicU16,
    answered: &AtomicUsize,
) -> Server {
    let total = TILLS * SALES_PER_TILL;
    for k in 1..=KILLS {
        let started = Instant::now();
        while answered.load(Ordering::SeqCst) < k * total / (KILLS + 2) {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the tills got {} answers within 120 s",
                answered.load(Ordering::SeqCst)
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        drop(server);
        eprintln!(
            "killed the server after {} answered sales",
            answered.load(Ordering::SeqCst)
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        server = Server::start(url).await;
        port.store(server.port, Ordering::SeqCst);
    }
    server
}

/// Checks that the sale is stored as sent, with the lines, payments and stock moves of its
/// draft, and returns its receipt number.
async fn stored(db: &DatabaseConnection, draft: &SaleDraft) -> Option<i64> {
    let row = sales::Entity::find_by_id(draft.id)
        .one(db)
        .await
        .expect("sales")?;
    let lines = sale_lines::Entity::find()
        .filter(sale_lines::Column::SaleId.eq(draft.id))
        .all(db)
        .await
        .expect("lines");
    assert_eq!(lines.len(), draft.lines.len(), "the lines of {}", draft.id);
    let paid = payments::Entity::find()
        .filter(payments::Column::SaleId.eq(draft.id))
        .count(db)
        .await
        .expect("payments");
    assert_eq!(
        paid as usize,
        draft.payments.len(),
        "the payments of {}",
        draft.id
    );
    let moves = stock_moves::Entity::find()
        .filter(stock_moves::Column::ReferenceId.is_in(lines.iter().map(|l| l.id)))
        .all(db)
        .await
        .expect("stock moves");
    assert_eq!(
        moves.len(),
        lines.len(),
        "one stock move a line of {}",
        draft.id
    );
    for l in &lines {
        let m = moves
            .iter()
            .find(|m| m.reference_id == Some(l.id))
            .expect("the line's move");
        assert_eq!(
            (m.product_id, m.quantity_milli),
            (l.product_id, -l.quantity_milli)
        );
    }
    Some(row.receipt_number)
}

async fn crash_and_replay(backend: Backend) {
    let Some(url) = fresh_url(backend).await else {
        return;
    };
    let db = db::connect(&url).await.expect("connect and migrate");
    let services = Services {
        db: db.clone(),
        config: Arc::new(Config::for_tests(&url)),
    };
    let shop = shop(&services).await;
    let server = Server::start(&url).await;
    let port = Arc::new(AtomicU16::new(server.port));
    let answered = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let tills: Vec<_> = (0..TILLS)
        .map(|t| tokio::spawn(sell(shop.clone(), t, port.clone(), answered.clone())))
        .collect();
    let server = crash_while_selling(&url, server, &port, &answered).await;
    let mut done = Vec::new();
    for t in tills {
        done.push(t.await.expect("a till task"));
    }
    let refused: Vec<&String> = done.iter().flat_map(|t| &t.refused).collect();
    assert!(refused.is_empty(), "no sale is refused: {refused:?}");
    let failed: usize = done.iter().map(|t| t.failed).sum();
    let acknowledged: usize = done.iter().map(|t| t.acknowledged.len()).sum();
    assert!(failed > 0, "the crashes hit the tills while they sold");
    eprintln!(
        "{backend:?}: {acknowledged} sales answered, {failed} sends failed, {KILLS} crashes, in {:?}",
        started.elapsed()
    );

    // Every answered sale is there, with the number it was given.
    for till in &done {
        for draft in &till.queue {
            if let Some(number) = till.acknowledged.get(&draft.id) {
                assert_eq!(
                    stored(&db, draft).await,
                    Some(*number),
                    "answered sale {} survived the crashes",
                    draft.id
                );
            }
        }
    }

    let recorded = sales::Entity::find().count(&db).await.expect("sales") as usize;
    assert!(recorded >= acknowledged);
    eprintln!("{backend:?}: {recorded} sales recorded before the tills resend their queues");

    // Every till resends its whole queue, all at once.
    let replays: Vec<_> = done
        .iter()
        .map(|till| {
            let (queue, cookie, port) = (till.queue.clone(), shop.cookie.clone(), server.port);
            tokio::spawn(async move {
                let mut numbers = Vec::new();
                for draft in &queue {
                    match post(port, &cookie, draft).await {
                        Posted::Acknowledged(r) => numbers.push((draft.id, r.receipt_number)),
                        Posted::Unreachable => panic!("the server answers the replay"),
                        Posted::Refused(e) => panic!("replaying {} was refused: {e}", draft.id),
                    }
                }
                numbers
            })
        })
        .collect();
    let mut numbers = HashSet::new();
    for (till, replay) in done.iter().zip(replays) {
        for (id, number) in replay.await.expect("a replay") {
            if let Some(first) = till.acknowledged.get(&id) {
                assert_eq!(number, *first, "a resent sale keeps its receipt number");
            }
            assert!(
                numbers.insert(number),
                "receipt number {number} is given once"
            );
        }
    }

    // Each sale once, each line's stock moved once.
    let queued: Vec<&SaleDraft> = done.iter().flat_map(|t| &t.queue).collect();
    assert_eq!(queued.len(), TILLS * SALES_PER_TILL);
    assert_eq!(
        sales::Entity::find().count(&db).await.expect("sales") as usize,
        queued.len(),
        "one sale recorded per sale made"
    );
    let mut sold: HashMap<Uuid, i64> = HashMap::new();
    let mut lines = 0;
    for draft in &queued {
        assert!(
            stored(&db, draft).await.is_some(),
            "sale {} is recorded",
            draft.id
        );
        for l in &draft.lines {
            let (Quantity::Plain { milli } | Quantity::Weighed { milli }) = l.quantity else {
                unreachable!("pieces or weighed")
            };
            *sold.entry(l.product_id).or_default() += milli;
            lines += 1;
        }
    }
    let moves = stock_moves::Entity::find()
        .filter(stock_moves::Column::Kind.eq("sale"))
        .all(&db)
        .await
        .expect("stock moves");
    assert_eq!(moves.len(), lines, "one stock move per line sold");
    let mut moved: HashMap<Uuid, i64> = HashMap::new();
    for m in moves {
        *moved.entry(m.product_id).or_default() -= m.quantity_milli;
    }
    assert_eq!(moved, sold, "the stock moved once for what was sold");
    drop(server);
}

/// One database at a time: two servers' loads on two cores would measure the machine.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_acknowledged_sales_survive_kill_9_and_replays_record_once() {
    let _one = ONE_AT_A_TIME.lock().await;
    crash_and_replay(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_acknowledged_sales_survive_kill_9_and_replays_record_once() {
    let _one = ONE_AT_A_TIME.lock().await;
    crash_and_replay(Backend::Postgres).await;
}
