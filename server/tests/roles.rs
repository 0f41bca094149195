//! The role-by-endpoint table: every server function and endpoint, called by every role and by
//! nobody, on SQLite and PostgreSQL. An allowed role gets past authorisation (any answer but 401
//! or 403); another role gets 403; nobody gets 401 (or, for a page, a redirect to sign in).
//! The table must name every registered server function.

use axum::body::Body;
use axum::Router;
use chrono::{Datelike, NaiveTime};
use domain::register::MemberFilter;
use domain::shifts::ShiftRules;
use domain::Role;
use http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use services::shifts::planning::{self, TemplateForm};
use services::{accounts, demo, entities, members, Services};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use tower::ServiceExt;
use uuid::Uuid;

const KEEPERS: &[Role] = &[Role::Coordinator, Role::Admin];
const ADMINS: &[Role] = &[Role::Admin];
const ANYONE: &[Role] = &Role::ALL;
const SHEET_KEEPERS: &[Role] = &[Role::ShiftLeader, Role::Coordinator, Role::Admin];
const SHOP_CHECKERS: &[Role] = &[
    Role::Cashier,
    Role::ShiftLeader,
    Role::Coordinator,
    Role::Admin,
];

const CASHIERS: &[Role] = &[Role::Cashier, Role::Admin];
const SESSION_CLOSERS: &[Role] = &[
    Role::Cashier,
    Role::ShiftLeader,
    Role::Coordinator,
    Role::Admin,
];
const STOCK_KEEPERS: &[Role] = &[Role::StockManager, Role::Admin];
const CATALOGUE_READERS: &[Role] = &[Role::Cashier, Role::StockManager, Role::Admin];

enum Kind {
    ServerFn,
    /// A server function whose arguments are posted as an HTML form (url-encoded), the way the
    /// stock manager's forms send them with or without JavaScript.
    FormFn,
    Page,
    Get,
}

struct Endpoint {
    method: Method,
    path: String,
    kind: Kind,
    allowed: &'static [Role],
    body: Box<dyn Fn() -> Value>,
}

fn server_fn(path: &str, allowed: &'static [Role], body: impl Fn() -> Value + 'static) -> Endpoint {
    Endpoint {
        method: Method::POST,
        path: format!("/api/{path}"),
        kind: Kind::ServerFn,
        allowed,
        body: Box::new(body),
    }
}

fn form_fn(path: &str, allowed: &'static [Role], body: impl Fn() -> Value + 'static) -> Endpoint {
    Endpoint {
        kind: Kind::FormFn,
        ..server_fn(path, allowed, body)
    }
}

/// A JSON object as an HTML form posts it: `form[name]=...&id=...`.
fn form_encoded(v: &Value) -> String {
    fn pairs(prefix: &str, v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    let key = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}[{k}]")
                    };
                    pairs(&key, v, out);
                }
            }
            Value::Null => {}
            Value::String(s) => out.push(format!(
                "{}={}",
                app::url::encode(prefix),
                app::url::encode(s)
            )),
            other => out.push(format!("{}={}", app::url::encode(prefix), other)),
        }
    }
    let mut out = Vec::new();
    pairs("", v, &mut out);
    out.join("&")
}

fn page(path: String, allowed: &'static [Role]) -> Endpoint {
    Endpoint {
        method: Method::GET,
        path,
        kind: Kind::Page,
        allowed,
        body: Box::new(|| Value::Null),
    }
}

async fn send(app: &Router, e: &Endpoint, cookie: Option<&str>) -> StatusCode {
    let mut req = Request::builder()
        .method(e.method.clone())
        .uri(&e.path)
        .header("host", "localhost");
    if let Some(c) = cookie {
        req = req.header("cookie", format!("ruche_session={c}"));
    }
    let req = match e.kind {
        Kind::ServerFn => req
            .header("content-type", "application/json")
            .header("accept", "application/json")
            .body(Body::from((e.body)().to_string())),
        Kind::FormFn => req
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(Body::from(form_encoded(&(e.body)()))),
        Kind::Page | Kind::Get => req.header("accept", "text/html").body(Body::empty()),
    }
    .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let _ = res.into_body().collect().await;
    status
}

static N: AtomicUsize = AtomicUsize::new(0);

fn member_form() -> Value {
    let n = N.fetch_add(1, Ordering::Relaxed);
    json!({ "form": {
        "member_number": "", "first_name": "Role", "last_name": format!("Table {n}"),
        "email": format!("role.table.{n}@example.be"), "phone": "", "language": "en",
        "join_date": "2025-01-01", "work_regime": "regular"
    }})
}

fn product_form() -> Value {
    json!({ "name": "Role table", "category": "", "unit": "piece", "price": "1.00",
        "vat_percent": "6", "deposit": "", "active": true, "barcodes": "" })
}

/// The till's server functions, with bodies that get past authorisation (and then find no
/// such session, sale or product).
fn till_endpoints() -> Vec<Endpoint> {
    let unknown = uuid::Uuid::new_v4;
    let sale = move || {
        serde_json::to_value(domain::till::sale::SaleDraft {
            id: unknown(),
            session_id: unknown(),
            member_id: unknown(),
            sold_at_ms: 0,
            lines: vec![],
            payments: vec![],
            override_id: None,
            catalogue_version: 0,
        })
        .unwrap()
    };
    let give_back = move || {
        serde_json::to_value(domain::till::returns::ReturnDraft {
            id: unknown(),
            sale_id: unknown(),
            session_id: unknown(),
            tender: domain::till::Tender::Cash,
            at_ms: 0,
            lines: vec![],
            approval_id: None,
        })
        .unwrap()
    };
    let n = || N.fetch_add(1, Ordering::Relaxed);
    vec![
        server_fn(
            "till/catalogue/changes",
            CATALOGUE_READERS,
            || json!({ "since": 0, "limit": 10 }),
        ),
        server_fn(
            "till/catalogue/lookup",
            CATALOGUE_READERS,
            || json!({ "code": "4006381333931" }),
        ),
        form_fn(
            "till/catalogue/create",
            STOCK_KEEPERS,
            || json!({ "form": product_form() }),
        ),
        form_fn(
            "till/catalogue/update",
            STOCK_KEEPERS,
            move || json!({ "id": unknown(), "form": product_form() }),
        ),
        form_fn(
            "till/catalogue/category",
            STOCK_KEEPERS,
            move || json!({ "name": format!("Category {}", n()) }),
        ),
        form_fn(
            "till/catalogue/category/rename",
            STOCK_KEEPERS,
            move || json!({ "id": unknown(), "name": format!("Category {}", n()) }),
        ),
        form_fn(
            "till/nomenclature/save",
            STOCK_KEEPERS,
            || json!({ "rules": { "0": { "kind": "product", "pattern": "", "length": "13" } } }),
        ),
        server_fn("till/tills", CASHIERS, || json!({})),
        server_fn(
            "till/tills/create",
            ADMINS,
            move || json!({ "name": format!("Till {}", n()) }),
        ),
        server_fn(
            "till/session/open",
            CASHIERS,
            move || json!({ "till_id": unknown(), "float": [] }),
        ),
        server_fn(
            "till/session/cash",
            CASHIERS,
            move || json!({ "session_id": unknown(), "amount_cents": 100, "reason": "table" }),
        ),
        server_fn(
            "till/session/x-report",
            CASHIERS,
            move || json!({ "session_id": unknown() }),
        ),
        server_fn(
            "till/session/close",
            SESSION_CLOSERS,
            move || json!({ "session_id": unknown(), "counted": [] }),
        ),
        server_fn("till/sale", CASHIERS, move || json!({ "sale": sale() })),
        server_fn("till/receipt", CASHIERS, || json!({ "number": 1 })),
        server_fn("till/members", CASHIERS, || json!({})),
        server_fn(
            "till/return",
            CASHIERS,
            move || json!({ "draft": give_back() }),
        ),
        server_fn(
            "till/return/approve",
            CASHIERS,
            move || json!({ "sale_id": unknown(), "email": "nobody@example.be", "password": "wrong", "reason": "table" }),
        ),
        server_fn(
            "till/shopper",
            CASHIERS,
            move || json!({ "card": null, "member_id": unknown() }),
        ),
        server_fn(
            "till/receipt/email",
            CASHIERS,
            || json!({ "number": 999_999, "to": "member@example.be" }),
        ),
        server_fn("till/shoppers", CASHIERS, || json!({ "query": "peeters" })),
        server_fn(
            "till/override",
            CASHIERS,
            move || json!({ "member_id": unknown(), "email": "nobody@example.be", "password": "wrong", "reason": "table" }),
        ),
        form_fn(
            "till/stock/move",
            STOCK_KEEPERS,
            move || json!({ "product_id": unknown(), "quantity": "1", "kind": "reception", "note": "" }),
        ),
        server_fn("stock/suppliers", STOCK_KEEPERS, || json!({})),
        server_fn(
            "stock/orders/suggest",
            STOCK_KEEPERS,
            move || json!({ "supplier_id": unknown(), "window_days": 28, "coverage_days": 14 }),
        ),
        form_fn(
            "stock/orders/draft",
            STOCK_KEEPERS,
            move || json!({ "supplier_id": unknown(), "window_days": "28", "coverage_days": "14" }),
        ),
        server_fn("stock/orders", STOCK_KEEPERS, || json!({ "state": "sent" })),
        server_fn(
            "stock/order",
            STOCK_KEEPERS,
            move || json!({ "id": unknown() }),
        ),
        form_fn(
            "stock/order/line",
            STOCK_KEEPERS,
            move || json!({ "order_id": unknown(), "product_id": unknown(), "packs": "1" }),
        ),
        form_fn(
            "stock/order/send",
            STOCK_KEEPERS,
            move || json!({ "order_id": unknown() }),
        ),
        form_fn(
            "stock/order/cancel",
            STOCK_KEEPERS,
            move || json!({ "order_id": unknown() }),
        ),
        form_fn(
            "stock/reception/start",
            STOCK_KEEPERS,
            move || json!({ "order_id": unknown() }),
        ),
        form_fn(
            "stock/reception/start-free",
            STOCK_KEEPERS,
            move || json!({ "supplier_id": unknown() }),
        ),
        server_fn(
            "stock/reception",
            STOCK_KEEPERS,
            move || json!({ "id": unknown() }),
        ),
        server_fn("stock/receptions/open", STOCK_KEEPERS, || json!({})),
        form_fn(
            "stock/reception/line",
            STOCK_KEEPERS,
            move || json!({ "reception_id": unknown(), "code": "5412345000303", "quantity": "1" }),
        ),
        form_fn(
            "stock/reception/validate",
            STOCK_KEEPERS,
            move || json!({ "reception_id": unknown() }),
        ),
        server_fn(
            "catalogue/search",
            STOCK_KEEPERS,
            || json!({ "query": "", "category": null, "state": "active", "page": 0 }),
        ),
        server_fn(
            "catalogue/product",
            STOCK_KEEPERS,
            move || json!({ "id": unknown() }),
        ),
        server_fn("catalogue/lists", STOCK_KEEPERS, || json!({})),
        server_fn("catalogue/categories", STOCK_KEEPERS, || json!({})),
        server_fn(
            "stock/product",
            STOCK_KEEPERS,
            move || json!({ "id": unknown() }),
        ),
        page("/stock".into(), STOCK_KEEPERS),
        page("/stock/products?q=pain&state=all".into(), STOCK_KEEPERS),
        page("/stock/products/new".into(), STOCK_KEEPERS),
        page(format!("/stock/products/{}", unknown()), STOCK_KEEPERS),
        page("/stock/categories".into(), STOCK_KEEPERS),
        page("/stock/nomenclature".into(), STOCK_KEEPERS),
        page("/stock/import".into(), STOCK_KEEPERS),
        page("/stock/orders".into(), STOCK_KEEPERS),
        page("/stock/orders?state=sent".into(), STOCK_KEEPERS),
        page("/stock/orders/suggest".into(), STOCK_KEEPERS),
        page(format!("/stock/orders/{}", unknown()), STOCK_KEEPERS),
        page(format!("/stock/orders/{}/print", unknown()), STOCK_KEEPERS),
        page(format!("/stock/receptions/{}", unknown()), STOCK_KEEPERS),
        server_fn("stock/counts", STOCK_KEEPERS, || json!({})),
        server_fn(
            "stock/count",
            STOCK_KEEPERS,
            move || json!({ "id": unknown() }),
        ),
        form_fn(
            "stock/count/open",
            STOCK_KEEPERS,
            move || json!({ "title": format!("Count {}", n()), "location": "Shelf 1" }),
        ),
        form_fn(
            "stock/count/line",
            STOCK_KEEPERS,
            move || json!({ "count_id": unknown(), "code": "4006381333931", "quantity": "2" }),
        ),
        form_fn(
            "stock/count/validate",
            STOCK_KEEPERS,
            move || json!({ "count_id": unknown() }),
        ),
        form_fn(
            "stock/count/cancel",
            STOCK_KEEPERS,
            move || json!({ "count_id": unknown() }),
        ),
        page("/stock/counts".into(), STOCK_KEEPERS),
        page(format!("/stock/counts/{}", unknown()), STOCK_KEEPERS),
        page("/admin/tills".into(), ADMINS),
    ]
}

/// The suppliers' and the pricing's server functions and pages, with bodies that get past
/// authorisation (and then find no such supplier or product, or refuse the input).
fn supplier_endpoints() -> Vec<Endpoint> {
    let unknown = uuid::Uuid::new_v4;
    let n = || N.fetch_add(1, Ordering::Relaxed);
    let supplier_form = move || {
        json!({ "name": format!("Role table {}", n()), "contact": "", "order_email": "",
            "min_order": "", "lead_days": "", "margin": "" })
    };
    vec![
        server_fn("stock/orders/suppliers", STOCK_KEEPERS, || json!({})),
        server_fn(
            "stock/supplier",
            STOCK_KEEPERS,
            move || json!({ "id": unknown() }),
        ),
        form_fn(
            "stock/supplier/create",
            STOCK_KEEPERS,
            move || json!({ "form": supplier_form() }),
        ),
        form_fn(
            "stock/supplier/update",
            STOCK_KEEPERS,
            move || json!({ "id": unknown(), "form": supplier_form() }),
        ),
        server_fn(
            "stock/product/suppliers",
            STOCK_KEEPERS,
            move || json!({ "id": unknown() }),
        ),
        form_fn("stock/supplier/line", STOCK_KEEPERS, move || {
            json!({ "product_id": unknown(), "supplier_id": unknown().to_string(),
                "line": { "code": "", "pack_size": "6", "pack_cost": "4.50" } })
        }),
        form_fn(
            "stock/supplier/preferred",
            STOCK_KEEPERS,
            move || json!({ "supplier_id": unknown(), "product_id": unknown() }),
        ),
        form_fn(
            "stock/supplier/line/remove",
            STOCK_KEEPERS,
            move || json!({ "supplier_id": unknown(), "product_id": unknown() }),
        ),
        form_fn(
            "stock/product/margin",
            STOCK_KEEPERS,
            move || json!({ "id": unknown(), "margin": "25" }),
        ),
        server_fn("stock/pricing", STOCK_KEEPERS, || json!({ "page": 0 })),
        server_fn("stock/pricing/categories", STOCK_KEEPERS, || json!({})),
        form_fn(
            "stock/pricing/settings",
            STOCK_KEEPERS,
            || json!({ "form": { "margin": "20", "step_cents": "5" } }),
        ),
        form_fn(
            "stock/pricing/category",
            STOCK_KEEPERS,
            move || json!({ "id": unknown(), "margin": "25" }),
        ),
        form_fn(
            "stock/pricing/apply",
            STOCK_KEEPERS,
            move || json!({ "products": { "0": unknown().to_string() } }),
        ),
        page("/stock/suppliers".into(), STOCK_KEEPERS),
        page("/stock/suppliers/new".into(), STOCK_KEEPERS),
        page(format!("/stock/suppliers/{}", unknown()), STOCK_KEEPERS),
        page("/stock/pricing".into(), STOCK_KEEPERS),
        // A price list, posted as a plain form (here with no file: refused as 400 once past
        // the role check).
        Endpoint {
            method: Method::POST,
            path: format!("/stock/suppliers/{}/import", unknown()),
            kind: Kind::Page,
            allowed: STOCK_KEEPERS,
            body: Box::new(|| Value::Null),
        },
    ]
}

const STAFFING_READERS: &[Role] = &[Role::StockManager, Role::Coordinator, Role::Admin];

/// The reports and shelf labels: server functions, pages and CSV downloads.
fn report_endpoints() -> Vec<Endpoint> {
    let period = || json!({ "from": "2026-11-01", "to": "2026-11-30" });
    let get = |path: String, allowed: &'static [Role]| Endpoint {
        method: Method::GET,
        path,
        kind: Kind::Get,
        allowed,
        body: Box::new(|| Value::Null),
    };
    let mut all = vec![
        server_fn("stock/reports/sales", STOCK_KEEPERS, period),
        server_fn("stock/reports/vat", STOCK_KEEPERS, period),
        server_fn(
            "stock/reports/stock-value",
            STOCK_KEEPERS,
            || json!({ "day": "2026-11-30" }),
        ),
        server_fn("stock/reports/losses", STOCK_KEEPERS, period),
        server_fn("stock/reports/movers", STOCK_KEEPERS, period),
        server_fn("stock/reports/staffing", STAFFING_READERS, period),
        server_fn(
            "stock/labels",
            STOCK_KEEPERS,
            || json!({ "ids": [], "category": null, "since": "2026-11-01" }),
        ),
        page("/stock/labels?q=pain".into(), STOCK_KEEPERS),
        page("/stock/labels/sheet?since=2026-11-01".into(), STOCK_KEEPERS),
        page("/stock/reports".into(), STAFFING_READERS),
        page("/stock/reports/staffing".into(), STAFFING_READERS),
        get(
            "/stock/reports/staffing.csv?from=2026-11-01&to=2026-11-30".into(),
            STAFFING_READERS,
        ),
    ];
    for name in [
        "sales",
        "categories",
        "vat",
        "stock-value",
        "losses",
        "movers",
    ] {
        all.push(page(format!("/stock/reports/{name}"), STOCK_KEEPERS));
    }
    for name in [
        "sales",
        "categories",
        "vat-days",
        "vat-months",
        "stock-value",
        "losses",
        "movers",
    ] {
        all.push(get(
            format!("/stock/reports/{name}.csv?from=2026-11-01&to=2026-11-30"),
            STOCK_KEEPERS,
        ));
    }
    all
}

async fn role_table(s: Services) {
    demo::load(&s).await.unwrap();
    let app = server::router(s.clone(), server::default_options());
    let page_of = members::search(&s.db, "", MemberFilter::Active, 1, 10)
        .await
        .unwrap();
    let someone = page_of.members[0].id;
    let detail = members::detail(&s.db, someone).await.unwrap();
    let form = serde_json::to_value(detail.form()).unwrap();
    let user_id = detail.user_id.unwrap();
    let card = detail.card_barcode.clone();
    let card2 = card.clone();
    let card3 = card.clone();
    let (led, not_led) = sheets_of_the_demo_shift_leader(&s).await;

    let endpoints = vec![
        server_fn(
            "members/search",
            KEEPERS,
            || json!({ "query": "", "filter": "active", "page": 0 }),
        ),
        server_fn("members/get", KEEPERS, move || json!({ "id": someone })),
        server_fn("members/mine", ANYONE, || json!({})),
        server_fn("members/create", KEEPERS, member_form),
        server_fn(
            "members/update",
            KEEPERS,
            move || json!({ "id": someone, "form": form }),
        ),
        server_fn(
            "members/leave",
            KEEPERS,
            move || json!({ "id": someone, "date": "2026-01-01", "reason": "table" }),
        ),
        server_fn(
            "members/household/add",
            KEEPERS,
            move || json!({ "id": someone, "person": { "first_name": "Kid", "last_name": "Table" } }),
        ),
        server_fn(
            "members/household/remove",
            KEEPERS,
            move || json!({ "id": someone, "person_id": uuid::Uuid::new_v4() }),
        ),
        server_fn(
            "members/import",
            KEEPERS,
            || json!({ "csv": "first_name\nx\n" }),
        ),
        server_fn("shares/register", KEEPERS, || json!({})),
        server_fn("shares/classes", KEEPERS, || json!({})),
        server_fn(
            "shares/class/save",
            ADMINS,
            || json!({ "code": "C", "name": "Test", "unit_price": "10" }),
        ),
        server_fn("shares/record", ADMINS, move || {
            json!({ "member_id": someone, "event": {
            "kind": "payment", "class_code": "", "quantity": "", "amount": "1", "date": "2026-01-01",
            "counterpart_number": "", "note": "" } })
        }),
        server_fn(
            "accounts/roles",
            ADMINS,
            move || json!({ "user_id": user_id, "roles": ["member"] }),
        ),
        server_fn("outbox/list", ADMINS, || json!({ "to": "" })),
        server_fn(
            "shifts/may-shop",
            SHOP_CHECKERS,
            move || json!({ "card": card, "member_id": null }),
        ),
        server_fn("shifts/my-status", ANYONE, || json!({})),
        server_fn(
            "shifts/book",
            ANYONE,
            || json!({ "shift_id": uuid::Uuid::new_v4() }),
        ),
        server_fn(
            "shifts/cancel",
            ANYONE,
            || json!({ "shift_id": uuid::Uuid::new_v4() }),
        ),
        server_fn(
            "shifts/offer",
            ANYONE,
            || json!({ "shift_id": uuid::Uuid::new_v4() }),
        ),
        server_fn(
            "shifts/take-offer",
            ANYONE,
            || json!({ "offer_id": uuid::Uuid::new_v4() }),
        ),
        server_fn("shifts/mine", ANYONE, || json!({})),
        server_fn("shifts/open", ANYONE, || json!({ "week": 0 })),
        server_fn("shifts/offers", ANYONE, || json!({})),
        server_fn("shifts/calendar-link", ANYONE, || json!({})),
        server_fn("shifts/calendar-reset", ANYONE, || json!({})),
        server_fn("attendance/sheets", SHEET_KEEPERS, || json!({})),
        server_fn(
            "attendance/sheet",
            SHEET_KEEPERS,
            move || json!({ "shift_id": led }),
        ),
        // A shift leader keeps only the sheets of the shifts they lead.
        server_fn(
            "attendance/sheet",
            KEEPERS,
            move || json!({ "shift_id": not_led }),
        ),
        server_fn(
            "attendance/search",
            SHEET_KEEPERS,
            move || json!({ "shift_id": led, "query": "a" }),
        ),
        server_fn(
            "attendance/walk-in",
            SHEET_KEEPERS,
            move || json!({ "shift_id": led, "member_id": someone }),
        ),
        // Marks the walk-in added just before.
        server_fn(
            "attendance/mark",
            SHEET_KEEPERS,
            move || json!({ "shift_id": led, "member_id": someone, "attendance": "attended" }),
        ),
        server_fn(
            "attendance/walk-in-card",
            SHEET_KEEPERS,
            move || json!({ "shift_id": led, "card": card3 }),
        ),
        server_fn(
            "attendance/validate",
            SHEET_KEEPERS,
            move || json!({ "shift_id": led }),
        ),
        server_fn("shifts/rules/get", KEEPERS, || json!({})),
        server_fn("shifts/rules/save", KEEPERS, || {
            let form =
                domain::shifts::rules_form::RulesForm::from(&domain::shifts::ShiftRules::default());
            json!({ "form": form })
        }),
        server_fn(
            "shifts/statuses",
            KEEPERS,
            || json!({ "query": "", "filter": "alert", "page": 0 }),
        ),
        server_fn("shifts/member", KEEPERS, move || json!({ "id": someone })),
        server_fn("shifts/leave/add", KEEPERS, move || {
            json!({ "member_id": someone, "kind": "exemption", "start": "2026-01-01",
                    "end": "2026-01-02", "note": "table" })
        }),
        server_fn(
            "shifts/extension/grant",
            KEEPERS,
            move || json!({ "member_id": someone }),
        ),
        server_fn(
            "shifts/ledger/correct",
            KEEPERS,
            move || json!({ "member_id": someone, "delta": "1", "note": "table" }),
        ),
        server_fn(
            "shifts/my-holiday",
            ANYONE,
            || json!({ "start": "2020-01-01", "end": "2020-01-02" }),
        ),
        server_fn("shifts/my-extension", ANYONE, || json!({})),
        server_fn("planning/task-types", KEEPERS, || json!({})),
        server_fn(
            "planning/task-type/create",
            KEEPERS,
            || json!({ "name": "Role table" }),
        ),
        server_fn("planning/templates", KEEPERS, || json!({})),
        server_fn("planning/template/create", KEEPERS, || {
            json!({ "input": { "week": "", "weekday": "", "slot": {
                "start": "", "end": "", "task_type_id": "", "seats": "", "required_skill": "" } } })
        }),
        server_fn("planning/template/update", KEEPERS, || {
            json!({ "template_id": uuid::Uuid::new_v4(), "input": { "week": "", "weekday": "", "slot": {
                "start": "", "end": "", "task_type_id": "", "seats": "", "required_skill": "" } } })
        }),
        server_fn(
            "planning/leader/remove",
            KEEPERS,
            move || json!({ "template_id": uuid::Uuid::new_v4(), "member_id": someone }),
        ),
        server_fn(
            "planning/template/retire",
            KEEPERS,
            move || json!({ "template_id": uuid::Uuid::new_v4() }),
        ),
        server_fn(
            "planning/seat/assign",
            KEEPERS,
            move || json!({ "template_id": uuid::Uuid::new_v4(), "member": "" }),
        ),
        server_fn(
            "planning/seat/remove",
            KEEPERS,
            move || json!({ "template_id": uuid::Uuid::new_v4(), "member_id": someone }),
        ),
        server_fn(
            "planning/leader/add",
            KEEPERS,
            move || json!({ "template_id": uuid::Uuid::new_v4(), "member": "" }),
        ),
        server_fn(
            "planning/skill/add",
            KEEPERS,
            || json!({ "member": "", "skill": "" }),
        ),
        server_fn("planning/generate", KEEPERS, || json!({})),
        server_fn("planning/closures", KEEPERS, || json!({})),
        server_fn(
            "planning/closure/add",
            KEEPERS,
            || json!({ "date": "", "note": "" }),
        ),
        server_fn("planning/one-off/add", KEEPERS, || {
            json!({ "input": { "date": "", "slot": {
                "start": "", "end": "", "task_type_id": "", "seats": "", "required_skill": "" } } })
        }),
        server_fn(
            "planning/shifts",
            KEEPERS,
            || json!({ "date": null, "weeks": 1 }),
        ),
        Endpoint {
            method: Method::GET,
            path: format!("/api/may-shop?card={card2}"),
            kind: Kind::Get,
            allowed: SHOP_CHECKERS,
            body: Box::new(|| Value::Null),
        },
        Endpoint {
            method: Method::GET,
            path: "/admin/members.csv".into(),
            kind: Kind::Get,
            allowed: KEEPERS,
            body: Box::new(|| Value::Null),
        },
        page("/".into(), ANYONE),
        page("/shifts".into(), ANYONE),
        page("/shifts/book".into(), ANYONE),
        page("/admin/members".into(), KEEPERS),
        page("/admin/members/new".into(), KEEPERS),
        page(format!("/admin/members/{someone}"), KEEPERS),
        page("/admin/import".into(), KEEPERS),
        page("/admin/shares".into(), KEEPERS),
        page("/admin/outbox".into(), ADMINS),
        page("/sheets".into(), SHEET_KEEPERS),
        page("/till".into(), CASHIERS),
        page(format!("/sheets/{led}"), SHEET_KEEPERS),
        page(format!("/sheets/{not_led}"), KEEPERS),
        page("/coordinator/rules".into(), KEEPERS),
        page("/coordinator/statuses".into(), KEEPERS),
        page(format!("/coordinator/members/{someone}/shifts"), KEEPERS),
        page("/my/requests".into(), ANYONE),
        page("/coordinator/planning".into(), KEEPERS),
        page("/coordinator/planning?weeks=4".into(), KEEPERS),
        page("/coordinator/templates".into(), KEEPERS),
        page("/coordinator/closures".into(), KEEPERS),
        // The products import, posted as a plain form (here with no file: refused as 400
        // once past the role check).
        Endpoint {
            method: Method::POST,
            path: "/stock/import".into(),
            kind: Kind::Page,
            allowed: STOCK_KEEPERS,
            body: Box::new(|| Value::Null),
        },
    ]
    .into_iter()
    .chain(till_endpoints())
    .chain(supplier_endpoints())
    .chain(report_endpoints())
    .collect::<Vec<_>>();

    // Every registered server function is in the table.
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, _)| p.to_string())
        .collect();
    let listed: BTreeSet<String> = endpoints
        .iter()
        .filter(|e| matches!(e.kind, Kind::ServerFn | Kind::FormFn))
        .map(|e| e.path.clone())
        .collect();
    assert_eq!(
        registered, listed,
        "the role table must list every server function"
    );

    let mut tokens = Vec::new();
    for (email, role) in demo::ACCOUNTS {
        tokens.push((
            role,
            accounts::sign_in(&s, email, demo::DEMO_PASSWORD)
                .await
                .unwrap()
                .token,
        ));
    }
    let mut failures = Vec::new();
    for e in &endpoints {
        let anonymous = send(&app, e, None).await;
        let expected_anonymous = match e.kind {
            Kind::Page => anonymous == StatusCode::FOUND,
            _ => anonymous == StatusCode::UNAUTHORIZED,
        };
        if !expected_anonymous {
            failures.push(format!("{} {} anonymous: {anonymous}", e.method, e.path));
        }
        for (role, token) in &tokens {
            let status = send(&app, e, Some(token)).await;
            let allowed = e.allowed.contains(role);
            let ok = if allowed {
                status != StatusCode::UNAUTHORIZED
                    && status != StatusCode::FORBIDDEN
                    && !status.is_server_error()
            } else {
                status == StatusCode::FORBIDDEN
            };
            if !ok {
                failures.push(format!(
                    "{} {} as {}: {status} (allowed: {allowed})",
                    e.method,
                    e.path,
                    role.as_str()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "role table failures:\n{}",
        failures.join("\n")
    );
}

/// Two shifts of yesterday: one whose template the demo shift leader leads, and one they do
/// not lead. Returns (led, not led).
async fn sheets_of_the_demo_shift_leader(s: &Services) -> (Uuid, Uuid) {
    let a = services::testing::admin(s).await;
    let find = |q: &'static str| async move {
        members::search(&s.db, q, MemberFilter::Active, 1, 0)
            .await
            .unwrap()
            .members[0]
            .id
    };
    let leader = find("shift-leader@demo").await;
    let yesterday = services::today().pred_opt().unwrap();
    let task = planning::create_task_type(s, &a, "Role table")
        .await
        .unwrap();
    let mut ids = Vec::new();
    for start in [6, 20] {
        let template = planning::create_template(
            s,
            &a,
            &TemplateForm {
                week: ShiftRules::default().cycle.letter(yesterday),
                weekday: yesterday.weekday(),
                start: NaiveTime::from_hms_opt(start, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(start + 2, 0, 0).unwrap(),
                task_type_id: task,
                seats: 2,
                required_skill: None,
            },
        )
        .await
        .unwrap();
        ids.push(template);
    }
    planning::add_leader(s, &a, ids[0], leader).await.unwrap();
    planning::generate(s, yesterday).await.unwrap();
    let mut shifts = Vec::new();
    for template in ids {
        shifts.push(
            entities::shifts::Entity::find()
                .filter(entities::shifts::Column::TemplateId.eq(template))
                .filter(entities::shifts::Column::Date.eq(yesterday))
                .one(&s.db)
                .await
                .unwrap()
                .unwrap()
                .id,
        );
    }
    (shifts[0], shifts[1])
}

async fn cross_site_posts_are_refused(s: Services) {
    let app = server::router(s, server::default_options());
    for (origin, site, expected) in [
        (Some("http://evil.example"), None, StatusCode::FORBIDDEN),
        (None, Some("cross-site"), StatusCode::FORBIDDEN),
        (
            Some("http://localhost"),
            Some("same-origin"),
            StatusCode::SEE_OTHER,
        ),
    ] {
        let mut req = Request::builder()
            .method(Method::POST)
            .uri("/language")
            .header("host", "localhost")
            .header("content-type", "application/x-www-form-urlencoded");
        if let Some(o) = origin {
            req = req.header("origin", o);
        }
        if let Some(s) = site {
            req = req.header("sec-fetch-site", s);
        }
        let res = app
            .clone()
            .oneshot(req.body(Body::from("lang=nl&back=/")).unwrap())
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            expected,
            "origin {origin:?}, sec-fetch-site {site:?}"
        );
    }
}

async fn unknown_roles_are_refused_with_a_message(s: Services) {
    demo::load(&s).await.unwrap();
    let app = server::router(s.clone(), server::default_options());
    let admin = accounts::sign_in(&s, "admin@demo.ruche.coop", demo::DEMO_PASSWORD)
        .await
        .unwrap();
    let member = members::search(&s.db, "member@demo", MemberFilter::Active, 1, 0)
        .await
        .unwrap()
        .members[0]
        .id;
    let user_id = members::detail(&s.db, member)
        .await
        .unwrap()
        .user_id
        .unwrap();
    let e = server_fn(
        "accounts/roles",
        ADMINS,
        move || json!({ "user_id": user_id, "roles": ["member", "king"] }),
    );
    assert_eq!(
        send(&app, &e, Some(&admin.token)).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let roles = members::detail(&s.db, member).await.unwrap().roles;
    assert_eq!(roles, vec![Role::Member], "nothing was written");
}

async fn may_shop_endpoint_answers_by_card(s: Services) {
    demo::load(&s).await.unwrap();
    let app = server::router(s.clone(), server::default_options());
    let cashier = accounts::sign_in(&s, "cashier@demo.ruche.coop", demo::DEMO_PASSWORD)
        .await
        .unwrap();
    let mut with_household = None;
    for m in members::search(&s.db, "", MemberFilter::Active, 100, 0)
        .await
        .unwrap()
        .members
    {
        let d = members::detail(&s.db, m.id).await.unwrap();
        if let Some(p) = d.household.first() {
            with_household = Some((d.id, p.card_barcode.clone()));
            break;
        }
    }
    let (member_id, card) = with_household.expect("the demo coop has households");
    let get = |path: String| {
        Request::builder()
            .uri(path)
            .header("host", "localhost")
            .header("accept-language", "nl")
            .header("cookie", format!("ruche_session={}", cashier.token))
            .body(Body::empty())
            .unwrap()
    };
    let res = app
        .clone()
        .oneshot(get(format!("/api/may-shop?card={card}")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value =
        serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(
        body["member_id"],
        json!(member_id),
        "a household card answers for its member"
    );
    assert_eq!(body["may_shop"], json!(true));
    assert_eq!(body["report"]["status"], json!("up_to_date"));

    let unknown = domain::card::CardPrefix::default()
        .barcode(999_999_999)
        .unwrap();
    let res = app
        .clone()
        .oneshot(get(format!("/api/may-shop?card={unknown}")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let body: Value =
        serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(body["error"], json!("Deze pagina of fiche bestaat niet."));
    let res = app.oneshot(get("/api/may-shop".into())).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

async fn health_answers_and_requests_get_an_id(s: Services) {
    let app = server::router(s, server::default_options());
    let res = app
        .oneshot(
            Request::builder()
                .uri("/health")
                .header("host", "localhost")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("x-request-id").is_some());
    let body = res.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(
        serde_json::from_slice::<Value>(&body).unwrap()["database"],
        "ok"
    );
}

/// `GET /calendar/{token}.ics` needs no session: the secret in the address is the key.
async fn calendar_feed_answers_its_secret_only(s: Services) {
    demo::load(&s).await.unwrap();
    let app = server::router(s.clone(), server::default_options());
    let member = members::search(&s.db, "member@demo", MemberFilter::Active, 1, 0)
        .await
        .unwrap()
        .members[0]
        .id;
    let token = services::shifts::feed::reset_token(&s, member)
        .await
        .unwrap();
    let get = |path: String| {
        Request::builder()
            .uri(path)
            .header("host", "localhost")
            .body(Body::empty())
            .unwrap()
    };
    let res = app
        .clone()
        .oneshot(get(format!("/calendar/{token}.ics")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()[http::header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let body = res.into_body().collect().await.unwrap().to_bytes();
    assert!(body.starts_with(b"BEGIN:VCALENDAR\r\n"));
    for wrong in [
        "/calendar/0123456789abcdef.ics".to_string(),
        format!("/calendar/{token}"),
    ] {
        let res = app.clone().oneshot(get(wrong.clone())).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{wrong}");
    }
    services::shifts::feed::reset_token(&s, member)
        .await
        .unwrap();
    let res = app
        .oneshot(get(format!("/calendar/{token}.ics")))
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "a reset retires the old address"
    );
}

/// A refused booking is a 422 that names the rule; an account without a member record is told
/// so, also with a 422.
async fn booking_refusals_are_422_with_the_rule(s: Services) {
    demo::load(&s).await.unwrap();
    let app = server::router(s.clone(), server::default_options());
    let admin = services::testing::admin(&s).await;
    let task = services::shifts::planning::create_task_type(&s, &admin, "Role table task")
        .await
        .unwrap();
    let yesterday = services::today() - chrono::TimeDelta::days(1);
    let past = services::shifts::planning::add_one_off(
        &s,
        &admin,
        &services::shifts::planning::OneOffForm {
            date: yesterday,
            start: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            end: chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            task_type_id: task,
            seats: 3,
            required_skill: None,
        },
    )
    .await
    .unwrap();
    let book = server_fn("shifts/book", ANYONE, move || json!({ "shift_id": past }));
    let member = accounts::sign_in(&s, "member@demo.ruche.coop", demo::DEMO_PASSWORD)
        .await
        .unwrap();
    let req = Request::builder()
        .method(Method::POST)
        .uri(&book.path)
        .header("host", "localhost")
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .header("cookie", format!("ruche_session={}", member.token));
    let res = app
        .clone()
        .oneshot(req.body(Body::from((book.body)().to_string())).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body =
        String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert!(body.contains("\"past\""), "{body}");
    accounts::create_user(
        &s.db,
        "staff@example.be",
        "Staff",
        domain::Language::En,
        Some("a long staff password"),
        None,
        &[Role::Coordinator],
    )
    .await
    .unwrap();
    let staff = accounts::sign_in(&s, "staff@example.be", "a long staff password")
        .await
        .unwrap();
    assert_eq!(
        send(&app, &book, Some(&staff.token)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no member record"
    );
}

/// After signing in, `next` leads to a page of this site only, whatever a browser would make
/// of it (tabs and newlines dropped, backslashes read as slashes).
async fn sign_in_goes_back_to_this_site_only(s: Services) {
    accounts::create_user(
        &s.db,
        "mira@example.be",
        "Mira",
        domain::Language::En,
        Some("mira's password"),
        None,
        &[Role::Member],
    )
    .await
    .unwrap();
    let app = server::router(s.clone(), server::default_options());
    for (next, expected) in [
        ("/shifts?week=2", "/shifts?week=2"),
        ("/\t/evil.example", "/"),
        ("/\\evil.example", "/"),
        ("\\/evil.example", "/"),
        ("//evil.example", "/"),
        ("\n//evil.example", "/"),
        ("/\r\n/evil.example", "/"),
        ("https://evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("/caf\u{e9}", "/caf%C3%A9"),
    ] {
        let form = format!(
            "email=mira%40example.be&password=mira%27s%20password&next={}",
            app::url::encode(next)
        );
        let req = Request::builder()
            .method(Method::POST)
            .uri("/auth/sign-in")
            .header("host", "localhost")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(form))
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(
            res.headers()[http::header::LOCATION].to_str().unwrap(),
            expected,
            "{next:?}"
        );
    }
}

/// Every response carries the security headers; a page's policy names the nonce its inline
/// scripts (the hydration script) carry, a new one for every page; HSTS only over HTTPS.
async fn every_response_carries_the_security_headers(s: Services) {
    use http::header::{
        CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
        X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
    };
    let app = server::router(s.clone(), server::default_options());
    let request = |method: Method, path: &str| {
        Request::builder()
            .method(method)
            .uri(path)
            .header("host", "localhost")
            .header("accept", "text/html")
            .header("sec-fetch-site", "cross-site")
            .body(Body::empty())
            .unwrap()
    };
    let mut nonces = Vec::new();
    for _ in 0..2 {
        let res = app
            .clone()
            .oneshot(request(Method::GET, "/till"))
            .await
            .unwrap();
        // A page that hydrates (the sign-in page no longer does): a visitor is sent to sign in,
        // with the page and its scripts.
        assert_eq!(res.status(), StatusCode::FOUND);
        let csp = res.headers()[CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_string();
        for part in [
            "default-src 'self'",
            "'wasm-unsafe-eval'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
        ] {
            assert!(csp.contains(part), "{part} in {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("a nonce in the page's policy")
            .to_string();
        let body = res.into_body().collect().await.unwrap().to_bytes();
        let body = String::from_utf8_lossy(&body);
        assert!(
            body.contains(&format!("<script type=\"module\" nonce=\"{nonce}\"")),
            "the hydration script carries the nonce"
        );
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1], "a nonce is used once");
    for (method, path, status) in [
        (Method::GET, "/health", StatusCode::OK),
        (Method::POST, "/language", StatusCode::FORBIDDEN),
        (Method::GET, "/pkg/none.js", StatusCode::NOT_FOUND),
    ] {
        let res = app.clone().oneshot(request(method, path)).await.unwrap();
        assert_eq!(res.status(), status, "{path}");
        let h = res.headers();
        assert_eq!(h[X_FRAME_OPTIONS], "DENY", "{path}");
        assert_eq!(h[X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert_eq!(h[REFERRER_POLICY], "same-origin", "{path}");
        assert!(h.contains_key(CONTENT_SECURITY_POLICY), "{path}");
        assert!(
            !h.contains_key(STRICT_TRANSPORT_SECURITY),
            "{path}: not over HTTP"
        );
    }
    let mut config = (*s.config).clone();
    config.secure_cookies = true;
    let https = server::router(
        Services {
            db: s.db.clone(),
            config: std::sync::Arc::new(config),
        },
        server::default_options(),
    );
    let res = https
        .oneshot(request(Method::GET, "/health"))
        .await
        .unwrap();
    assert_eq!(res.headers()[STRICT_TRANSPORT_SECURITY], "max-age=31536000");
}

/// Through `members/update`, a coordinator changes a member's email but not a cashier's (an
/// account with a staff role): a 422 naming the rule, and nothing written; an admin may.
async fn staff_emails_are_changed_by_admins_only(s: Services) {
    demo::load(&s).await.unwrap();
    let app = server::router(s.clone(), server::default_options());
    let token = |email: &'static str| {
        let s = s.clone();
        async move {
            accounts::sign_in(&s, email, demo::DEMO_PASSWORD)
                .await
                .unwrap()
                .token
        }
    };
    let (coordinator, admin) = (
        token("coordinator@demo.ruche.coop").await,
        token("admin@demo.ruche.coop").await,
    );
    let find = |q: &'static str| {
        let s = s.clone();
        async move {
            members::search(&s.db, q, MemberFilter::Active, 1, 0)
                .await
                .unwrap()
                .members[0]
                .id
        }
    };
    let (cashier, member) = (find("cashier@demo").await, find("member@demo").await);
    let update = |id: Uuid, email: &'static str| {
        let s = s.clone();
        async move {
            let mut form = members::detail(&s.db, id).await.unwrap().form();
            form.email = email.into();
            server_fn(
                "members/update",
                KEEPERS,
                move || json!({ "id": id, "form": form.clone() }),
            )
        }
    };
    let takeover = update(cashier, "coordinator+till@demo.ruche.coop").await;
    assert_eq!(
        send(&app, &takeover, Some(&coordinator)).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        members::detail(&s.db, cashier).await.unwrap().email,
        "cashier@demo.ruche.coop",
        "nothing was written"
    );
    let ordinary = update(member, "mira.membre@demo.ruche.coop").await;
    assert_eq!(
        send(&app, &ordinary, Some(&coordinator)).await,
        StatusCode::OK
    );
    let by_admin = update(cashier, "kenza@demo.ruche.coop").await;
    assert_eq!(send(&app, &by_admin, Some(&admin)).await, StatusCode::OK);
    assert_eq!(
        members::detail(&s.db, cashier).await.unwrap().email,
        "kenza@demo.ruche.coop"
    );
}

/// A drawer session is bound to the browser that opened it: opening one gives the browser an
/// HttpOnly device cookie, and the same cashier without it (another browser) cannot use the
/// session; a shift leader may close it.
async fn a_drawer_session_is_its_devices(s: Services) {
    demo::load(&s).await.unwrap();
    let app = server::router(s.clone(), server::default_options());
    let token = |email: &'static str| {
        let s = s.clone();
        async move {
            accounts::sign_in(&s, email, demo::DEMO_PASSWORD)
                .await
                .unwrap()
                .token
        }
    };
    let cashier = token("cashier@demo.ruche.coop").await;
    let leader = token("shift-leader@demo.ruche.coop").await;
    let admin = services::testing::admin(&s).await;
    let till = services::till::drawer::create_till(&s, &admin, "Till of the table")
        .await
        .unwrap();
    let post = |path: &'static str, cookie: String, body: Value| {
        let app = app.clone();
        async move {
            let req = Request::builder()
                .method(Method::POST)
                .uri(format!("/api/{path}"))
                .header("host", "localhost")
                .header("cookie", cookie)
                .header("content-type", "application/json")
                .header("accept", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap();
            let res = app.oneshot(req).await.unwrap();
            let status = res.status();
            let set_cookie: Vec<String> = res
                .headers()
                .get_all("set-cookie")
                .iter()
                .filter_map(|v| v.to_str().ok().map(str::to_string))
                .collect();
            let body = res.into_body().collect().await.unwrap().to_bytes();
            (
                status,
                set_cookie,
                String::from_utf8_lossy(&body).to_string(),
            )
        }
    };
    let signed_in = format!("ruche_session={cashier}");
    let (status, set_cookie, body) = post(
        "till/session/open",
        signed_in.clone(),
        json!({ "till_id": till.id, "float": [] }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let device = set_cookie
        .iter()
        .find(|c| c.starts_with("ruche_till="))
        .expect("a device cookie");
    assert!(
        device.contains("HttpOnly") && device.contains("SameSite=Strict"),
        "{device}"
    );
    let key = device["ruche_till=".len()..].split(';').next().unwrap();
    let session: Value = serde_json::from_str(&body).unwrap();
    let cash = |cookie: String| {
        post(
            "till/session/cash",
            cookie,
            json!({ "session_id": session["id"], "amount_cents": -500, "reason": "Bank" }),
        )
    };
    // The same cashier from another browser: refused, with the reason, and nothing written.
    let (status, _, body) = cash(signed_in.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("not_your_session"), "{body}");
    let (status, _, body) = cash(format!("{signed_in}; ruche_till=made-up")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let moves = entities::cash_moves::Entity::find()
        .all(&s.db)
        .await
        .unwrap();
    assert!(moves.is_empty());
    // From the browser that opened it.
    let (status, _, body) = cash(format!("{signed_in}; ruche_till={key}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // A shift leader closes it from their own browser.
    let (status, _, body) = post(
        "till/session/close",
        format!("ruche_session={leader}"),
        json!({ "session_id": session["id"], "counted": [] }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

services::on_both_databases!(
    a_drawer_session_is_its_devices,
    staff_emails_are_changed_by_admins_only,
    sign_in_goes_back_to_this_site_only,
    every_response_carries_the_security_headers,
    calendar_feed_answers_its_secret_only,
    booking_refusals_are_422_with_the_rule,
    role_table,
    cross_site_posts_are_refused,
    unknown_roles_are_refused_with_a_message,
    may_shop_endpoint_answers_by_card,
    health_answers_and_requests_get_an_id
);
