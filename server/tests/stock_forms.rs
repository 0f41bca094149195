//! The stock manager's forms posted by the browser itself, without JavaScript, on SQLite and
//! PostgreSQL: the products import (`POST /stock/import`, multipart) answers the import page
//! with its report; a server function posted as a plain form redirects to its page, with the
//! outcome to show; both refuse other roles exactly as the server functions do.

use axum::body::Body;
use axum::Router;
use domain::till::catalogue::ProductState;
use http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use services::{accounts, demo, till, Services};
use tower::ServiceExt;

const BOUNDARY: &str = "ruche-test-boundary";

/// A `multipart/form-data` body with the CSV as the chosen file.
fn multipart(csv: &str) -> String {
    format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"products.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n{csv}\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; \
         name=\"csv\"\r\n\r\n\r\n--{BOUNDARY}--\r\n"
    )
}

/// Sends a request as a browser without JavaScript would; (status, Location, body).
async fn browser(
    app: &Router,
    path: &str,
    token: Option<&str>,
    content_type: &str,
    body: String,
) -> (StatusCode, String, String) {
    let mut req = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header("host", "localhost")
        .header("accept", "text/html,application/xhtml+xml")
        .header("referer", "http://localhost/stock/products")
        .header("content-type", content_type);
    if let Some(t) = token {
        req = req.header("cookie", format!("ruche_session={t}"));
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let location = res
        .headers()
        .get(header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        location,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

async fn count(s: &Services, query: &str) -> u64 {
    till::catalogue::search(&s.db, query, None, ProductState::All, 50, 0)
        .await
        .unwrap()
        .total
}

async fn token(s: &Services, email: &str) -> String {
    accounts::sign_in(s, email, demo::DEMO_PASSWORD)
        .await
        .unwrap()
        .token
}

async fn products_import_as_a_plain_form(s: Services) {
    demo::load(&s).await.unwrap();
    let app = server::router(s.clone(), server::default_options());
    let stock = token(&s, "stock@demo.ruche.coop").await;
    let member = token(&s, "member@demo.ruche.coop").await;
    let form = format!("multipart/form-data; boundary={BOUNDARY}");
    let bad =
        "name;unit;price;vat_percent\nPlain form lentils;kg;4,20;6\nPlain form soap;box;3,99;21\n";

    // Nobody is sent to sign in; a member is refused; nothing is imported.
    let (status, location, _) = browser(&app, "/stock/import", None, &form, multipart(bad)).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(location, "/sign-in?next=/stock/import");
    let (status, _, _) = browser(&app, "/stock/import", Some(&member), &form, multipart(bad)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // A bad row: the page says which and why, in French, and nothing is imported.
    let (status, _, page) =
        browser(&app, "/stock/import", Some(&stock), &form, multipart(bad)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-testid=\"import-report\""), "{page}");
    assert!(page.contains("Unité inconnue"), "{page}");
    assert_eq!(count(&s, "plain form").await, 0);

    // The good file: both rows imported, and the page says so.
    let good = bad.replace(";box;", ";piece;");
    let (status, _, page) =
        browser(&app, "/stock/import", Some(&stock), &form, multipart(&good)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-testid=\"import-done\""), "{page}");
    assert_eq!(count(&s, "plain form").await, 2);

    // Not a form at all.
    let (status, _, _) = browser(
        &app,
        "/stock/import",
        Some(&stock),
        "text/plain",
        good.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

async fn plain_form_posts_redirect_to_their_page(s: Services) {
    demo::load(&s).await.unwrap();
    let app = server::router(s.clone(), server::default_options());
    let stock = token(&s, "stock@demo.ruche.coop").await;
    let member = token(&s, "member@demo.ruche.coop").await;
    let form = "application/x-www-form-urlencoded";
    let product = till::catalogue::search(&s.db, "", None, ProductState::All, 1, 0)
        .await
        .unwrap()
        .products
        .remove(0);
    let on_hand = |s: Services| async move {
        till::stock::of_product(&s.db, product.id, 1)
            .await
            .unwrap()
            .on_hand_milli
    };
    let before = on_hand(s.clone()).await;
    let path = "/api/till/stock/move";
    let body = |quantity: &str, kind: &str| {
        format!(
            "product_id={}&quantity={quantity}&kind={kind}&reason=&note=",
            product.id
        )
    };

    // Recorded: back to the product, saying so.
    let (status, location, _) =
        browser(&app, path, Some(&stock), form, body("3", "reception")).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(
        location,
        format!("/stock/products/{}?notice=moved", product.id)
    );
    assert_eq!(on_hand(s.clone()).await, before + 3000);

    // Refused: back to the product with the kind chosen and the reason, nothing recorded.
    let (status, location, _) = browser(&app, path, Some(&stock), form, body("2", "loss")).await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(
        location.starts_with(&format!(
            "/stock/products/{}?kind=loss&quantity=2&__path=",
            product.id
        )),
        "{location}"
    );
    assert!(location.contains("&__err="), "{location}");
    assert_eq!(on_hand(s.clone()).await, before + 3000);

    // A member's post is refused (the error goes back to the page) and changes nothing.
    let (status, location, _) =
        browser(&app, path, Some(&member), form, body("5", "reception")).await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(location.contains("__err="), "{location}");
    assert_eq!(on_hand(s.clone()).await, before + 3000);
    let (status, location, _) = browser(&app, path, None, form, body("5", "reception")).await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(location.contains("__err="), "{location}");
    assert_eq!(on_hand(s.clone()).await, before + 3000);
}

async fn a_price_list_and_the_pricing_as_plain_forms(s: Services) {
    use services::stock::suppliers;
    demo::load(&s).await.unwrap();
    let app = server::router(s.clone(), server::default_options());
    let stock = token(&s, "stock@demo.ruche.coop").await;
    let member = token(&s, "member@demo.ruche.coop").await;
    let supplier = suppliers::list(&s.db).await.unwrap().remove(0);
    let import = format!("/stock/suppliers/{}/import", supplier.id);
    let multi = format!("multipart/form-data; boundary={BOUNDARY}");
    let product = till::catalogue::search(&s.db, "", None, ProductState::All, 1, 0)
        .await
        .unwrap()
        .products
        .remove(0);
    let barcode = product.barcodes[0].clone();
    let supplier_id = supplier.id;
    let lines = |s: Services| async move {
        suppliers::lines_of_supplier(&s.db, supplier_id)
            .await
            .unwrap()
    };
    let before = lines(s.clone()).await;
    let bad = format!("barcode;code;pack_size;pack_cost\n{barcode};PF-1;0;3,00\n");

    // Nobody is sent to sign in and back; a member is refused; nothing is imported.
    let (status, location, _) = browser(&app, &import, None, &multi, multipart(&bad)).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(
        location,
        format!("/sign-in?next=/stock/suppliers/{}", supplier.id)
    );
    let (status, _, _) = browser(&app, &import, Some(&member), &multi, multipart(&bad)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // A pack of nothing: the supplier's page says which line and why, and nothing is written.
    let (status, _, page) = browser(&app, &import, Some(&stock), &multi, multipart(&bad)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-testid=\"import-report\""), "{page}");
    assert!(page.contains(&supplier.name), "{page}");
    assert_eq!(lines(s.clone()).await, before);
    let good = bad.replace(";0;", ";12;");
    let (status, _, page) = browser(&app, &import, Some(&stock), &multi, multipart(&good)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-testid=\"import-done\""), "{page}");
    assert!(page.contains("Tarif importé"), "{page}");
    let now = lines(s.clone()).await;
    let line = now.iter().find(|l| l.product_id == product.id).unwrap();
    assert_eq!(
        (line.code.as_str(), line.pack_milli, line.pack_cost_cents),
        ("PF-1", 12_000, 300)
    );

    // A line without a supplier goes back to the product with what was typed.
    let form = "application/x-www-form-urlencoded";
    let body = |supplier: &str| {
        format!(
            "product_id={}&supplier_id={supplier}&line[code]=&line[pack_size]=6&line[pack_cost]=4,50",
            product.id
        )
    };
    let path = "/api/stock/supplier/line";
    let (status, location, _) = browser(&app, path, Some(&stock), form, body("")).await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(
        location.starts_with(&format!(
            "/stock/products/{}?supplier=&code=&pack_size=6&pack_cost=4%2C50&__path=",
            product.id
        )),
        "{location}"
    );
    assert!(location.contains("&__err="), "{location}");
    let (status, location, _) = browser(
        &app,
        path,
        Some(&stock),
        form,
        body(&supplier.id.to_string()),
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(
        location,
        format!(
            "/stock/products/{}?notice=supplier-line#suppliers",
            product.id
        )
    );

    // Applying every computed price: back to the pricing page with how many changed.
    let differing = services::stock::pricing::differences(&s.db, 200, 0)
        .await
        .unwrap()
        .total;
    assert!(differing > 0);
    let (status, location, _) = browser(
        &app,
        "/api/stock/pricing/apply",
        Some(&stock),
        form,
        "all=true".into(),
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(location, format!("/stock/pricing?applied={differing}"));
    let left = services::stock::pricing::differences(&s.db, 200, 0)
        .await
        .unwrap()
        .total;
    assert_eq!(left, 0);
}

services::on_both_databases!(
    products_import_as_a_plain_form,
    plain_form_posts_redirect_to_their_page,
    a_price_list_and_the_pricing_as_plain_forms,
);
