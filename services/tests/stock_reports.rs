//! The reports and shelf labels on SQLite and PostgreSQL, with known data: a November of
//! sales, a return, receptions and losses around the month's edges (in the coop's time zone,
//! Brussels), and a few shifts. Every total agrees to the cent with its rows.

use chrono::{NaiveDate, TimeZone};
use domain::stock::cost::PackCost;
use domain::stock::labels::{ContentUnit, UnitPrice};
use domain::stock::reports::{Amounts, Period};
use domain::stock::{MoveKind, StockMove};
use domain::till::{Count, ProductForm, VatRate};
use domain::Viewer;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use services::bulk::{self, BulkLine, BulkSale, Checkout};
use services::entities::{
    attendance_lines, attendance_sheets, return_vat_lines, returns, shift_bookings, shifts,
};
use services::stock::labels::{self, Pick};
use services::stock::reports;
use services::till::catalogue::{self, CatalogueProduct};
use services::till::drawer::{self, Device};
use services::{on_both_databases, shifts::planning, testing, Services};
use uuid::Uuid;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// An instant in Brussels, in milliseconds.
fn at(date: &str, h: u32, m: u32) -> i64 {
    let d = day(date);
    chrono_tz::Europe::Brussels
        .from_local_datetime(&d.and_hms_opt(h, m, 0).unwrap())
        .unwrap()
        .timestamp_millis()
}

fn november() -> Period {
    Period::parse("2026-11-01", "2026-11-30").unwrap()
}

fn form(name: &str, category: &str, unit: &str, price: &str, vat: &str) -> ProductForm {
    ProductForm {
        name: name.into(),
        category: category.into(),
        unit: unit.into(),
        price: price.into(),
        vat_percent: vat.into(),
        active: true,
        ..Default::default()
    }
}

struct Shop {
    admin: Viewer,
    checkout: Checkout,
    bread: CatalogueProduct,
    cheese: CatalogueProduct,
    soap: CatalogueProduct,
    salt: CatalogueProduct,
}

/// Bread (800 g, 3.20, 6 %), cheese by the kilo (18.90, 6 %), soap (4.99, 21 %, no category)
/// and salt (no cost, never sold); a till with an open session and a member.
async fn shop(s: &Services) -> Shop {
    let admin = testing::admin(s).await;
    let bread = ProductForm {
        content: "800 g".into(),
        origin: "Belgique".into(),
        local: true,
        barcodes: vec!["5412345000013".into()],
        ..form("Pain complet", "Boulangerie", "piece", "3.20", "6")
    };
    let mut made = Vec::new();
    for f in [
        bread,
        form("Comté", "Fromagerie", "kg", "18.90", "6"),
        form("Savon", "", "piece", "4.99", "21"),
        form("Sel", "", "piece", "1.00", "6"),
    ] {
        made.push(catalogue::create_product(s, &admin, &f).await.unwrap());
    }
    let [bread, cheese, soap, salt] = made.try_into().unwrap();
    let member = testing::member(s, &admin, "Mira", "regular", "fr", day("2025-01-01")).await;
    let till = drawer::create_till(s, &admin, "Till 1").await.unwrap();
    let float = [Count {
        denomination_cents: 100,
        count: 10,
    }];
    let session = drawer::open_session(s, &admin, &Device::of_key("reports"), till.id, &float)
        .await
        .unwrap();
    Shop {
        checkout: Checkout {
            session_id: session.id,
            till_id: till.id,
            cashier_id: admin.user_id,
            member_id: member,
        },
        admin,
        bread,
        cheese,
        soap,
        salt,
    }
}

fn line(p: &CatalogueProduct, quantity_milli: i64, goods_cents: i64) -> BulkLine {
    BulkLine {
        product_id: p.id,
        quantity_milli,
        goods_cents,
        vat_bp: i32::try_from(p.vat_rate.0).unwrap(),
    }
}

fn moved(p: &CatalogueProduct, milli: i64, kind: MoveKind, at_ms: i64) -> StockMove {
    StockMove::new(p.id, milli, kind, at_ms)
}

fn loss(p: &CatalogueProduct, reason: &str, value: Option<i64>, at_ms: i64) -> StockMove {
    StockMove {
        reason: Some(reason.into()),
        value_cents: value,
        ..moved(p, -1_000, MoveKind::Loss, at_ms)
    }
}

/// The month's ledger: five sales (two just outside November, in Brussels time), a return,
/// receptions, losses, and the suppliers' costs of three products of four.
async fn november_ledger(s: &Services, shop: &Shop) {
    let Shop {
        bread,
        cheese,
        soap,
        salt,
        ..
    } = shop;
    bulk::moves(
        &s.db,
        &[
            moved(bread, 20_000, MoveKind::Reception, at("2026-10-30", 8, 0)),
            moved(cheese, 5_000, MoveKind::Reception, at("2026-10-30", 8, 0)),
            moved(soap, 12_000, MoveKind::Reception, at("2026-10-30", 8, 0)),
            moved(salt, 10_000, MoveKind::Reception, at("2026-10-30", 8, 0)),
            loss(bread, "expired", Some(-200), at("2026-11-20", 19, 0)),
            loss(soap, "stolen", None, at("2026-11-25", 10, 0)),
            loss(soap, "damaged", Some(-250), at("2026-11-29", 10, 0)),
            loss(bread, "expired", Some(-200), at("2026-12-02", 10, 0)),
        ],
    )
    .await
    .unwrap();
    let sale = |sold_at_ms, lines| BulkSale { sold_at_ms, lines };
    bulk::sales(
        &s.db,
        shop.checkout,
        &[
            // Ten past midnight on 1 November in Brussels is still 31 October in UTC.
            sale(
                at("2026-11-01", 0, 10),
                vec![line(bread, 2_000, 640), line(soap, 1_000, 499)],
            ),
            sale(
                at("2026-11-15", 12, 0),
                vec![line(cheese, 347, 656), line(bread, 1_000, 320)],
            ),
            // Half past eleven on 30 November in Brussels; then half past midnight on
            // 1 December, still 30 November in UTC, and ten to midnight on 31 October.
            sale(at("2026-11-30", 23, 30), vec![line(soap, 2_000, 998)]),
            sale(at("2026-12-01", 0, 30), vec![line(bread, 1_000, 320)]),
            sale(at("2026-10-31", 23, 50), vec![line(bread, 1_000, 320)]),
        ],
    )
    .await
    .unwrap();
    bulk::supplier_with_costs(
        &s.db,
        "Grossiste",
        &[
            (bread.id, PackCost::new(10_000, 2_000).unwrap()),
            (cheese.id, PackCost::new(5_000, 6_000).unwrap()),
            (soap.id, PackCost::new(12_000, 3_000).unwrap()),
        ],
    )
    .await
    .unwrap();
}

/// A refund of `gross_cents` at 6 % on `at_ms`, against the first sale.
async fn refund(s: &Services, shop: &Shop, gross_cents: i64, at_ms: i64) {
    let sale = services::entities::sales::Entity::find()
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    let id = Uuid::now_v7();
    returns::ActiveModel {
        id: Set(id),
        sale_id: Set(sale.id),
        session_id: Set(shop.checkout.session_id),
        cashier_id: Set(shop.checkout.cashier_id),
        tender: Set("cash".into()),
        refund_cents: Set(gross_cents),
        rounding_cents: Set(0),
        at_ms: Set(at_ms),
        content_hash: Set(format!("test {id}")),
        approved_by: Set(None),
    }
    .insert(&s.db)
    .await
    .unwrap();
    let a = Amounts::of_gross(VatRate(600), gross_cents);
    return_vat_lines::ActiveModel {
        return_id: Set(id),
        vat_bp: Set(600),
        gross_cents: Set(a.gross_cents),
        net_cents: Set(a.net_cents),
        vat_cents: Set(a.vat_cents),
    }
    .insert(&s.db)
    .await
    .unwrap();
}

async fn sales_per_product_and_category(s: Services) {
    let shop = shop(&s).await;
    november_ledger(&s, &shop).await;
    let r = reports::sales(&s.db, november()).await.unwrap();
    let rows: Vec<(&str, &str, u32, i64, i64, i64, i64)> = r
        .rows
        .iter()
        .map(|p| {
            let a = p.amounts;
            let (name, cat) = (p.name.as_str(), p.category.as_str());
            (
                name,
                cat,
                p.vat_rate.0,
                p.quantity_milli,
                a.net_cents,
                a.vat_cents,
                a.gross_cents,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Comté", "Fromagerie", 600, 347, 619, 37, 656),
            ("Pain complet", "Boulangerie", 600, 3_000, 906, 54, 960),
            ("Savon", "", 2_100, 3_000, 1_237, 260, 1_497),
        ]
    );
    assert_eq!(
        r.total,
        Amounts {
            gross_cents: 3_113,
            net_cents: 2_762,
            vat_cents: 351
        }
    );
    let categories: Vec<(String, i64)> = r
        .by_category()
        .into_iter()
        .map(|c| (c.category, c.amounts.gross_cents))
        .collect();
    assert_eq!(
        categories,
        [
            (String::new(), 1_497),
            ("Boulangerie".into(), 960),
            ("Fromagerie".into(), 656)
        ]
    );
    // The CSV says the same, to the cent, and ends with the total.
    let csv = r.csv();
    assert!(csv.contains("\nPain complet,Boulangerie,piece,6,3,9.06,0.54,9.60,"));
    assert!(csv.ends_with("\ntotal,,,,,27.62,3.51,31.13,\n"), "{csv}");
    // One day: the sale of ten past midnight on 1 November belongs to 1 November.
    let first = reports::sales(&s.db, Period::parse("2026-11-01", "2026-11-01").unwrap())
        .await
        .unwrap();
    assert_eq!(first.total.gross_cents, 640 + 499);
    let december = reports::sales(&s.db, Period::parse("2026-12-01", "2026-12-31").unwrap())
        .await
        .unwrap();
    assert_eq!(december.total.gross_cents, 320);
}

async fn vat_per_rate_per_day_and_month(s: Services) {
    let shop = shop(&s).await;
    november_ledger(&s, &shop).await;
    refund(&s, &shop, 320, at("2026-11-20", 10, 0)).await;
    // A refund of 1 December is December's.
    refund(&s, &shop, 106, at("2026-12-01", 0, 5)).await;
    let r = reports::vat(&s.db, november()).await.unwrap();
    let days: Vec<(NaiveDate, u32, i64, i64, i64)> = r
        .days
        .iter()
        .map(|d| {
            let due = d.due();
            (
                d.date,
                d.vat_rate.0,
                due.net_cents,
                due.vat_cents,
                due.gross_cents,
            )
        })
        .collect();
    assert_eq!(
        days,
        [
            (day("2026-11-01"), 600, 604, 36, 640),
            (day("2026-11-01"), 2_100, 412, 87, 499),
            (day("2026-11-15"), 600, 921, 55, 976),
            (day("2026-11-20"), 600, -302, -18, -320),
            (day("2026-11-30"), 2_100, 825, 173, 998),
        ]
    );
    assert_eq!(
        r.total,
        Amounts {
            gross_cents: 2_793,
            net_cents: 2_460,
            vat_cents: 333
        }
    );
    let months = r.by_month();
    let rates: Vec<(u32, i64, i64, i64)> = months
        .iter()
        .map(|m| {
            (
                m.vat_rate.0,
                m.sales.gross_cents,
                m.refunds.gross_cents,
                m.due.vat_cents,
            )
        })
        .collect();
    assert_eq!(rates, [(600, 1_616, 320, 73), (2_100, 1_497, 0, 260)]);
    assert_eq!(Amounts::sum(months.iter().map(|m| &m.due)), r.total);
    assert!(r
        .months_csv()
        .ends_with("\ntotal,,,,,,,,24.60,3.33,27.93\n"));
    let december = reports::vat(&s.db, Period::parse("2026-12-01", "2026-12-31").unwrap())
        .await
        .unwrap();
    assert_eq!(december.total.gross_cents, 320 - 106);
}

async fn stock_value_losses_and_movers(s: Services) {
    let shop = shop(&s).await;
    november_ledger(&s, &shop).await;

    // At the end of 30 November: bread 20 - 4 sold (one on 31 October) - 1 expired = 15 at
    // 2.00; cheese 5 kg - 0.347 at 12.00 a kg (55.836, 55.84); soap 12 - 3 sold - 2 lost = 7
    // at 2.50; salt 10 without cost, apart.
    let r = reports::stock_value(&s.db, day("2026-11-30"))
        .await
        .unwrap();
    let rows: Vec<(&str, i64, Option<i64>)> = r
        .rows
        .iter()
        .map(|v| (v.name.as_str(), v.on_hand_milli, v.value_cents))
        .collect();
    assert_eq!(
        rows,
        [
            ("Comté", 4_653, Some(5_584)),
            ("Pain complet", 15_000, Some(3_000)),
            ("Savon", 7_000, Some(1_750)),
        ]
    );
    assert_eq!(r.total_cents, 5_584 + 3_000 + 1_750);
    assert_eq!(r.without_cost.len(), 1);
    assert_eq!(r.without_cost[0].product_id, shop.salt.id);
    assert!(r.csv().ends_with("\ntotal,,,,103.34,\n"));
    // The December sale and loss are in a later day's stock.
    let later = reports::stock_value(&s.db, day("2026-12-02"))
        .await
        .unwrap();
    assert_eq!(later.rows[1].on_hand_milli, 13_000);

    let losses = reports::losses(&s.db, november()).await.unwrap();
    let rows: Vec<(&str, &str, u64, i64, i64, u64)> = losses
        .rows
        .iter()
        .map(|l| {
            let (reason, name) = (l.reason.as_str(), l.name.as_str());
            (
                reason,
                name,
                l.moves,
                l.quantity_milli,
                l.value_cents,
                l.unvalued_moves,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("damaged", "Savon", 1, 1_000, 250, 0),
            ("expired", "Pain complet", 1, 1_000, 200, 0),
            ("stolen", "Savon", 1, 1_000, 0, 1),
        ]
    );
    assert_eq!(losses.total_cents, 450);
    let reasons: Vec<(String, i64)> = losses
        .by_reason()
        .into_iter()
        .map(|r| (r.reason, r.value_cents))
        .collect();
    assert_eq!(
        reasons,
        [
            ("damaged".into(), 250),
            ("expired".into(), 200),
            ("stolen".into(), 0)
        ]
    );

    // Movers: bread and soap sold 3 each (by name), cheese 0.347 kg, salt nothing but has
    // stock: the slowest.
    let movers = reports::movers(&s.db, november()).await.unwrap();
    let ranked: Vec<(&str, i64)> = movers
        .rows
        .iter()
        .map(|m| (m.name.as_str(), m.sold_milli))
        .collect();
    assert_eq!(
        ranked,
        [
            ("Pain complet", 3_000),
            ("Savon", 3_000),
            ("Comté", 347),
            ("Sel", 0)
        ]
    );
    assert_eq!(movers.slow(1)[0].on_hand_milli, 10_000);
    assert_eq!(movers.rows[0].on_hand_milli, 20_000 - 5_000 - 2_000);
}

async fn shift_staffing_per_week(s: Services) {
    let a = testing::admin(&s).await;
    let task = planning::create_task_type(&s, &a, "Caisse").await.unwrap();
    let mut people = Vec::new();
    for name in ["Ana", "Bob", "Cleo", "Dan"] {
        people.push(testing::member(&s, &a, name, "regular", "fr", day("2025-01-01")).await);
    }
    let shift = |date: &str, seats: i32, cancelled: bool| shifts::ActiveModel {
        id: Set(Uuid::now_v7()),
        template_id: Set(None),
        task_type_id: Set(task),
        date: Set(day(date)),
        start_at_ms: Set(at(date, 9, 0)),
        end_at_ms: Set(at(date, 12, 0)),
        seats: Set(seats),
        required_skill: Set(None),
        cancelled: Set(cancelled),
        closure_note: Set(None),
        unvalidated_flagged_on: Set(None),
        created_at_ms: Set(0),
    };
    let mut ids = Vec::new();
    for (date, seats, cancelled) in [
        ("2026-11-23", 4, false),
        ("2026-11-25", 6, true),
        ("2026-11-29", 2, false),
        ("2026-11-30", 3, false),
        ("2026-12-07", 3, false),
    ] {
        ids.push(
            shift(date, seats, cancelled)
                .insert(&s.db)
                .await
                .unwrap()
                .id,
        );
    }
    let book = |shift_id: Uuid, member_id: Uuid, state: &str| shift_bookings::ActiveModel {
        id: Set(Uuid::now_v7()),
        shift_id: Set(shift_id),
        member_id: Set(member_id),
        kind: Set("regular".into()),
        state: Set(state.into()),
        created_at_ms: Set(0),
        updated_at_ms: Set(0),
    };
    for (shift_id, member_id, state) in [
        (ids[0], people[0], "booked"),
        (ids[0], people[1], "booked"),
        (ids[0], people[2], "booked"),
        (ids[0], people[3], "cancelled"),
        (ids[1], people[0], "booked"),
        (ids[2], people[3], "booked"),
        (ids[3], people[0], "booked"),
    ] {
        book(shift_id, member_id, state)
            .insert(&s.db)
            .await
            .unwrap();
    }
    let sheet = attendance_sheets::ActiveModel {
        id: Set(Uuid::now_v7()),
        shift_id: Set(ids[0]),
        opened_at_ms: Set(0),
        validated_at_ms: Set(Some(1)),
        validated_by: Set(Some(a.user_id)),
    }
    .insert(&s.db)
    .await
    .unwrap();
    for (member_id, mark) in [
        (people[0], "attended"),
        (people[1], "attended"),
        (people[2], "absent"),
    ] {
        attendance_lines::ActiveModel {
            id: Set(Uuid::now_v7()),
            sheet_id: Set(sheet.id),
            member_id: Set(member_id),
            seat: Set("booked".into()),
            mark: Set(Some(mark.into())),
            walk_in: Set(false),
        }
        .insert(&s.db)
        .await
        .unwrap();
    }
    let r = reports::staffing(&s.db, november()).await.unwrap();
    let weeks: Vec<(NaiveDate, u64, u64, u64, u64, u64)> = r
        .weeks
        .iter()
        .map(|w| (w.week, w.shifts, w.seats, w.booked, w.attended, w.absent))
        .collect();
    // The cancelled shift is left out; 29 November, a Sunday, is in the week of the 23rd.
    assert_eq!(
        weeks,
        [
            (day("2026-11-23"), 2, 6, 4, 2, 1),
            (day("2026-11-30"), 1, 3, 1, 0, 0)
        ]
    );
    assert_eq!((r.total.shifts, r.total.seats, r.total.booked), (3, 9, 5));
    assert!(r.csv().ends_with("\ntotal,3,9,5,2,0,1\n"));
}

async fn shelf_labels(s: Services) {
    let shop = shop(&s).await;
    let before = services::now_ms();
    // Only the soap's price changes; salt is withdrawn from sale.
    catalogue::update_product(
        &s,
        &shop.admin,
        shop.soap.id,
        &form("Savon", "", "piece", "5.29", "21"),
    )
    .await
    .unwrap();
    catalogue::update_product(
        &s,
        &shop.admin,
        shop.salt.id,
        &ProductForm {
            active: false,
            ..form("Sel", "", "piece", "1.00", "6")
        },
    )
    .await
    .unwrap();
    let mine = labels::labels(&s.db, &Pick::Products(vec![shop.bread.id, shop.cheese.id]))
        .await
        .unwrap();
    let bread = &mine[1];
    assert_eq!(bread.name, "Pain complet");
    assert_eq!(
        bread.unit_price,
        Some(UnitPrice {
            cents: 400,
            per: ContentUnit::Kg
        })
    );
    assert_eq!(bread.barcode.as_deref(), Some("5412345000013"));
    assert_eq!(
        (
            bread.facts.origin.as_str(),
            bread.facts.local,
            bread.facts.organic
        ),
        ("Belgique", true, false)
    );
    assert_eq!(mine[0].unit_price.map(|u| u.cents), Some(1_890));

    // Changed since today: every product was added today, but the withdrawn salt.
    let today = chrono::DateTime::from_timestamp_millis(before)
        .unwrap()
        .with_timezone(&chrono_tz::Europe::Brussels)
        .date_naive();
    let changed = labels::labels(&s.db, &Pick::ChangedSince(today))
        .await
        .unwrap();
    let names: Vec<&str> = changed.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Comté", "Pain complet", "Savon"]);
    let soap = &changed[2];
    assert_eq!(soap.price_cents, 529);
    assert!(soap.price_changed_at_ms.is_some_and(|t| t >= before));
    assert!(
        labels::labels(&s.db, &Pick::ChangedSince(today.succ_opt().unwrap()))
            .await
            .unwrap()
            .is_empty()
    );
    let bakery = labels::labels(&s.db, &Pick::Category(shop.bread.category_id.unwrap()))
        .await
        .unwrap();
    assert_eq!(bakery.len(), 1);
    assert!(matches!(
        labels::labels(&s.db, &Pick::Products(vec![Uuid::now_v7(); 1_001])).await,
        Err(services::error::Error::Invalid(_))
    ));
}

/// The demo coop's four weeks of sales: real receipts in closed drawer sessions whose cash
/// agrees, whose takings the sales and VAT reports add up the same.
async fn the_demo_coop_has_four_weeks_of_sales(s: Services) {
    use sea_orm::{ColumnTrait, QueryFilter};
    use services::entities::{drawer_sessions, sales};
    services::demo::load(&s).await.unwrap();
    let today = chrono::Utc::now().date_naive();
    let period = Period::parse(
        &(today - chrono::Days::new(40)).to_string(),
        &(today + chrono::Days::new(1)).to_string(),
    )
    .unwrap();
    let report = reports::sales(&s.db, period).await.unwrap();
    // The ten products the demo's suppliers sell every day, 28 days each: 6 litres of milk a
    // day.
    assert_eq!(report.rows.len(), 10);
    let milk = report
        .rows
        .iter()
        .find(|r| r.name == "Lait demi-écrémé 1 l")
        .unwrap();
    assert_eq!(milk.quantity_milli, 28 * 6_000);
    assert!(report.total.gross_cents > 0);
    // The same takings; the VAT report's VAT is the receipts' (once per receipt and rate), the
    // sales report's each product's: they may differ by rounding, a cent at most per line.
    let vat = reports::vat(&s.db, period).await.unwrap();
    assert_eq!(vat.total.gross_cents, report.total.gross_cents);
    assert_eq!(
        vat.total.net_cents + vat.total.vat_cents,
        vat.total.gross_cents
    );
    assert!((vat.total.vat_cents - report.total.vat_cents).abs() <= 28 * 10);
    assert_eq!(
        sales::Entity::find().all(&s.db).await.unwrap().len(),
        28 * 4
    );
    let sessions = drawer_sessions::Entity::find()
        .filter(drawer_sessions::Column::ClosedAtMs.is_not_null())
        .all(&s.db)
        .await
        .unwrap();
    assert_eq!(sessions.len(), 28);
    for session in sessions {
        let z = drawer::z_report(&s.db, session.id).await.unwrap();
        assert_eq!(
            z.difference_cents, 0,
            "the cash counted is the cash expected"
        );
        assert!(z.counted_cents > 10_000);
    }
}

on_both_databases!(
    the_demo_coop_has_four_weeks_of_sales,
    sales_per_product_and_category,
    vat_per_rate_per_day_and_month,
    stock_value_losses_and_movers,
    shift_staffing_per_week,
    shelf_labels,
);
