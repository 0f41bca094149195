//! The reports as CSV downloads, on SQLite and PostgreSQL: the stock manager gets the file,
//! with the same rows and total as the screen and every formula neutralised; other roles get
//! 403, nobody 401, a period that does not read a 422 saying why; the staffing report is the
//! coordinators' too. And the report pages render their rows.

use axum::body::Body;
use axum::Router;
use chrono::Datelike;
use domain::till::ProductForm;
use http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use services::bulk::{self, BulkLine, BulkSale, Checkout};
use services::till::{catalogue, drawer};
use services::{accounts, demo, Services};
use tower::ServiceExt;

/// A GET as a browser sends it; (status, content type, body).
async fn get(app: &Router, path: &str, token: Option<&str>) -> (StatusCode, String, String) {
    let mut req = Request::builder()
        .method(Method::GET)
        .uri(path)
        .header("host", "localhost")
        .header("accept", "text/csv,text/html");
    if let Some(t) = token {
        req = req.header("cookie", format!("ruche_session={t}"));
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let kind = res
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, kind, String::from_utf8_lossy(&body).into_owned())
}

async fn token(s: &Services, email: &str) -> String {
    accounts::sign_in(s, email, demo::DEMO_PASSWORD)
        .await
        .unwrap()
        .token
}

async fn downloads_by_role_with_formulas_neutralised(s: Services) {
    demo::load(&s).await.unwrap();
    let admin = services::testing::admin(&s).await;
    let trap = catalogue::create_product(
        &s,
        &admin,
        &ProductForm {
            name: "=HYPERLINK(\"http://evil.example\",\"Click\")".into(),
            category: "@Piège".into(),
            unit: "piece".into(),
            price: "2.12".into(),
            vat_percent: "6".into(),
            active: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let till = drawer::create_till(&s, &admin, "Till reports")
        .await
        .unwrap();
    let session =
        drawer::open_session(&s, &admin, &drawer::Device::of_key("reports"), till.id, &[])
            .await
            .unwrap();
    let member = services::testing::member(
        &s,
        &admin,
        "Formula",
        "regular",
        "fr",
        "2025-01-01".parse().unwrap(),
    )
    .await;
    let today = services::today();
    bulk::sales(
        &s.db,
        Checkout {
            session_id: session.id,
            till_id: till.id,
            cashier_id: admin.user_id,
            member_id: member,
        },
        &[BulkSale {
            sold_at_ms: services::now_ms(),
            lines: vec![BulkLine {
                product_id: trap.id,
                quantity_milli: 2_000,
                goods_cents: 424,
                vat_bp: 600,
            }],
        }],
    )
    .await
    .unwrap();
    let app = server::router(s.clone(), server::default_options());
    let stock = token(&s, "stock@demo.ruche.coop").await;
    let coordinator = token(&s, "coordinator@demo.ruche.coop").await;
    let member = token(&s, "member@demo.ruche.coop").await;
    let period = format!("from={today}&to={today}");

    let (status, kind, csv) = get(
        &app,
        &format!("/stock/reports/sales.csv?{period}"),
        Some(&stock),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{csv}");
    assert!(kind.starts_with("text/csv"));
    let line = csv.lines().find(|l| l.contains("HYPERLINK")).unwrap();
    assert!(
        line.starts_with("\"'=HYPERLINK(") && line.contains(",'@Piège,piece,6,2,4.00,0.24,4.24,"),
        "{line}"
    );
    // The demo coop sold today too: the total is every row's.
    let cents = |cell: &str| -> i64 { cell.replace('.', "").parse().unwrap() };
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').collect())
        .collect();
    let (total, products) = rows.split_last().unwrap();
    for (at, what) in [(1, "gross"), (2, "vat"), (3, "net")] {
        let sum: i64 = products.iter().map(|r| cents(r[at])).sum();
        assert_eq!(cents(total[at]), sum, "the total {what}: {csv}");
    }
    // The screen's server function says the same.
    let (status, _, categories) = get(
        &app,
        &format!("/stock/reports/categories.csv?{period}"),
        Some(&stock),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        categories.contains("\n'@Piège,6,1,4.00,0.24,4.24\n"),
        "{categories}"
    );

    // Without a period: this month so far.
    let (status, _, month) = get(&app, "/stock/reports/vat-days.csv", Some(&stock)).await;
    assert_eq!(status, StatusCode::OK);
    let first = today.with_day(1).unwrap();
    let (_, _, so_far) = get(
        &app,
        &format!("/stock/reports/vat-days.csv?from={first}&to={today}"),
        Some(&stock),
    )
    .await;
    assert_eq!(month, so_far);
    assert!(month.contains(&today.to_string()), "{month}");

    // Roles: the member is refused, nobody must sign in, the coordinator reads staffing only.
    let sales = format!("/stock/reports/sales.csv?{period}");
    assert_eq!(
        get(&app, &sales, Some(&member)).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(get(&app, &sales, None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        get(&app, &sales, Some(&coordinator)).await.0,
        StatusCode::FORBIDDEN
    );
    let staffing = format!("/stock/reports/staffing.csv?{period}");
    let (status, _, weeks) = get(&app, &staffing, Some(&coordinator)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(weeks.starts_with("week,shifts,seats,booked,attended,excused,absent\n"));

    // A period that does not read: a 422 saying why, in the person's language.
    let (status, _, why) = get(
        &app,
        "/stock/reports/losses.csv?from=2026-12-01&to=2026-11-01",
        Some(&stock),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(why.starts_with("to: "), "{why}");

    // The report page shows the rows and the link to the same file.
    let (status, _, page) = get(
        &app,
        &format!("/stock/reports/sales?{period}"),
        Some(&stock),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("=HYPERLINK("), "the row is shown");
    assert!(page.contains(&format!("/stock/reports/sales.csv?from={today}")));
}

services::on_both_databases!(downloads_by_role_with_formulas_neutralised);
