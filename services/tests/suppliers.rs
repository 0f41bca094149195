//! Suppliers, their price lists and the coop's pricing on SQLite and PostgreSQL: suppliers with
//! unique names, a product's lines with exactly one preferred supplier (also when several people
//! choose at once), the price list import all or nothing, the margins that apply, and applying
//! computed prices in bulk (new price, price history, a catalogue version the tills fetch, the
//! audit log). A refusal writes nothing.

use domain::stock::pricing::{MarginSource, PricingForm};
use domain::stock::supplier::{LineForm, SupplierForm};
use domain::till::catalogue::CatalogueProduct;
use domain::till::ProductForm;
use domain::validation::{FieldError, Reason};
use domain::Viewer;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use services::entities::{audit_log, products, supplier_products, suppliers as supplier_rows};
use services::error::Error;
use services::on_both_databases;
use services::stock::pricing::{self, Chosen};
use services::stock::suppliers;
use services::till::catalogue;
use services::Services;
use uuid::Uuid;

fn supplier(name: &str) -> SupplierForm {
    SupplierForm {
        name: name.into(),
        contact: "Anne, 02 555 01 01".into(),
        order_email: format!("orders@{}.be", name.to_lowercase().replace(' ', "")),
        min_order: "150".into(),
        lead_days: "2".into(),
        margin: String::new(),
    }
}

fn line(code: &str, size: &str, cost: &str) -> LineForm {
    LineForm {
        code: code.into(),
        pack_size: size.into(),
        pack_cost: cost.into(),
    }
}

async fn product(
    s: &Services,
    a: &Viewer,
    name: &str,
    category: &str,
    price: &str,
    vat: &str,
    barcode: &str,
) -> CatalogueProduct {
    catalogue::create_product(
        s,
        a,
        &ProductForm {
            name: name.into(),
            category: category.into(),
            unit: "piece".into(),
            price: price.into(),
            vat_percent: vat.into(),
            deposit: String::new(),
            meal_voucher: true,
            active: true,
            barcodes: if barcode.is_empty() {
                vec![]
            } else {
                vec![barcode.into()]
            },
            ..Default::default()
        },
    )
    .await
    .unwrap()
}

async fn count_lines(s: &Services) -> u64 {
    supplier_products::Entity::find()
        .count(&s.db)
        .await
        .unwrap()
}

async fn preferred_of(s: &Services, product: Uuid) -> Vec<Uuid> {
    supplier_products::Entity::find()
        .filter(supplier_products::Column::ProductId.eq(product))
        .filter(supplier_products::Column::Preferred.eq(true))
        .all(&s.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.supplier_id)
        .collect()
}

fn invalid(result: Result<impl std::fmt::Debug, Error>) -> Vec<FieldError> {
    match result {
        Err(Error::Invalid(e)) => e,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn suppliers_and_their_lines(s: Services) {
    let a = services::testing::admin(&s).await;
    let bio = suppliers::create(&s, &a, &supplier("Biofresh"))
        .await
        .unwrap();
    assert_eq!(
        (
            bio.name.as_str(),
            bio.order_email.as_str(),
            bio.min_order_cents,
            bio.lead_days
        ),
        ("Biofresh", "orders@biofresh.be", 15_000, 2)
    );
    // A name another supplier has, whatever its case, and a broken form: nothing written.
    assert_eq!(
        invalid(suppliers::create(&s, &a, &supplier("BIOFRESH")).await),
        vec![FieldError::new("name", Reason::AlreadyTaken)]
    );
    let bad = SupplierForm {
        min_order: "-1".into(),
        order_email: "nope".into(),
        ..supplier("Ferme")
    };
    assert_eq!(
        invalid(suppliers::create(&s, &a, &bad).await),
        vec![
            FieldError::new("order_email", Reason::InvalidEmail),
            FieldError::new("min_order", Reason::Negative),
        ]
    );
    assert_eq!(supplier_rows::Entity::find().count(&s.db).await.unwrap(), 1);
    let farm = suppliers::create(&s, &a, &supplier("Ferme du Houx"))
        .await
        .unwrap();
    assert_eq!(
        invalid(suppliers::update(&s, &a, farm.id, &supplier("biofresh")).await),
        vec![FieldError::new("name", Reason::AlreadyTaken)]
    );
    let renamed = suppliers::update(
        &s,
        &a,
        farm.id,
        &SupplierForm {
            margin: "30".into(),
            ..supplier("Ferme du Houx SRL")
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (renamed.name.as_str(), renamed.margin_bp),
        ("Ferme du Houx SRL", Some(3_000))
    );
    assert!(matches!(
        suppliers::update(&s, &a, Uuid::now_v7(), &supplier("Nobody")).await,
        Err(Error::NotFound)
    ));

    let bread = product(
        &s,
        &a,
        "Pain complet",
        "Boulangerie",
        "3.20",
        "6",
        "4006381333931",
    )
    .await;
    // A pack of nothing, a negative cost, a cost without a known supplier: refused, nothing
    // written.
    assert_eq!(
        invalid(suppliers::set_line(&s, &a, bio.id, bread.id, &line("BF-1", "0", "-1")).await),
        vec![
            FieldError::new("pack_size", Reason::BadQuantity),
            FieldError::new("pack_cost", Reason::Negative),
        ]
    );
    assert_eq!(
        invalid(suppliers::set_line(&s, &a, Uuid::now_v7(), bread.id, &line("", "1", "2")).await),
        vec![FieldError::new("supplier_id", Reason::UnknownChoice)]
    );
    assert!(matches!(
        suppliers::set_line(&s, &a, bio.id, Uuid::now_v7(), &line("", "1", "2")).await,
        Err(Error::NotFound)
    ));
    assert_eq!(count_lines(&s).await, 0);

    // The first supplier of a product is its preferred one; the next is not.
    let first = suppliers::set_line(&s, &a, bio.id, bread.id, &line("BF-1", "6", "12,00"))
        .await
        .unwrap();
    assert!(first.preferred);
    assert_eq!((first.pack_milli, first.pack_cost_cents), (6_000, 1_200));
    let second = suppliers::set_line(&s, &a, farm.id, bread.id, &line("", "1", "1,90"))
        .await
        .unwrap();
    assert!(!second.preferred);
    assert_eq!(preferred_of(&s, bread.id).await, vec![bio.id]);
    // Changing a line keeps it preferred.
    let changed = suppliers::set_line(&s, &a, bio.id, bread.id, &line("BF-1", "6", "12,60"))
        .await
        .unwrap();
    assert!(changed.preferred);
    assert_eq!(changed.pack_cost_cents, 1_260);
    // A code the supplier uses for another product.
    let milk = product(&s, &a, "Lait", "Crèmerie", "1.15", "6", "").await;
    assert_eq!(
        invalid(suppliers::set_line(&s, &a, bio.id, milk.id, &line("BF-1", "1", "0,80")).await),
        vec![FieldError::new("code", Reason::AlreadyTaken)]
    );

    let of_bread = suppliers::of_product(&s.db, bread.id).await.unwrap();
    let names: Vec<(&str, bool)> = of_bread
        .lines
        .iter()
        .map(|l| (l.supplier.as_str(), l.preferred))
        .collect();
    assert_eq!(
        names,
        vec![("Biofresh", true), ("Ferme du Houx SRL", false)]
    );
    assert_eq!(of_bread.suppliers.len(), 2);
    let of_milk = suppliers::of_product(&s.db, milk.id).await.unwrap();
    assert!(of_milk.lines.is_empty());
    assert_eq!(of_milk.suppliers[0].1, "Biofresh");

    // Switching the preferred supplier, then removing it: the other one takes over.
    suppliers::set_preferred(&s, &a, farm.id, bread.id)
        .await
        .unwrap();
    assert_eq!(preferred_of(&s, bread.id).await, vec![farm.id]);
    assert!(matches!(
        suppliers::set_preferred(&s, &a, farm.id, milk.id).await,
        Err(Error::NotFound)
    ));
    suppliers::remove_line(&s, &a, farm.id, bread.id)
        .await
        .unwrap();
    assert_eq!(preferred_of(&s, bread.id).await, vec![bio.id]);
    assert!(matches!(
        suppliers::remove_line(&s, &a, farm.id, bread.id).await,
        Err(Error::NotFound)
    ));
    let listed: Vec<(String, u64)> = suppliers::list(&s.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| (s.name, s.products))
        .collect();
    assert_eq!(
        listed,
        vec![("Biofresh".into(), 1), ("Ferme du Houx SRL".into(), 0)]
    );
    let of_bio = suppliers::lines_of_supplier(&s.db, bio.id).await.unwrap();
    assert_eq!(of_bio.len(), 1);
    assert_eq!(of_bio[0].product, "Pain complet");

    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.starts_with("stock.supplier"))
        .count(&s.db)
        .await
        .unwrap();
    // 2 suppliers created, 1 updated, 3 lines written, 1 preferred, 1 removed.
    assert_eq!(audited, 8);
}

async fn one_preferred_supplier_whoever_chooses_at_once(s: Services) {
    let a = services::testing::admin(&s).await;
    let rice = product(&s, &a, "Riz basmati", "Épicerie", "3.10", "6", "").await;
    let mut ids = Vec::new();
    for n in 0..4 {
        ids.push(
            suppliers::create(&s, &a, &supplier(&format!("Grossiste {n}")))
                .await
                .unwrap()
                .id,
        );
    }
    // Four people add the first four lines of a product at once: one is preferred.
    let mut adding = Vec::new();
    for (n, id) in ids.iter().enumerate() {
        let (s, a, id, product) = (s.clone(), a.clone(), *id, rice.id);
        adding.push(tokio::spawn(async move {
            suppliers::set_line(&s, &a, id, product, &line(&format!("R{n}"), "5", "9,00")).await
        }));
    }
    for task in adding {
        task.await.unwrap().unwrap();
    }
    assert_eq!(preferred_of(&s, rice.id).await.len(), 1);
    // Then twenty choices at once, each of one of them: exactly one preferred in the end.
    let mut choosing = Vec::new();
    for n in 0..20 {
        let (s, a, id, product) = (s.clone(), a.clone(), ids[n % ids.len()], rice.id);
        choosing.push(tokio::spawn(async move {
            suppliers::set_preferred(&s, &a, id, product).await
        }));
    }
    for task in choosing {
        task.await.unwrap().unwrap();
    }
    let preferred = preferred_of(&s, rice.id).await;
    assert_eq!(preferred.len(), 1);
    assert!(ids.contains(&preferred[0]));
}

async fn a_price_list_is_imported_all_or_nothing(s: Services) {
    let a = services::testing::admin(&s).await;
    let bio = suppliers::create(&s, &a, &supplier("Biofresh"))
        .await
        .unwrap();
    let other = suppliers::create(&s, &a, &supplier("Autre")).await.unwrap();
    let bread = product(
        &s,
        &a,
        "Pain complet",
        "Boulangerie",
        "3.20",
        "6",
        "4006381333931",
    )
    .await;
    let beer = product(&s, &a, "Bière", "Boissons", "1.45", "21", "96385074").await;
    let milk = product(&s, &a, "Lait", "Crèmerie", "1.15", "6", "5000000000005").await;
    // The milk already comes from another supplier, preferred.
    suppliers::set_line(&s, &a, other.id, milk.id, &line("", "1", "0,70"))
        .await
        .unwrap();

    // Every bad row is reported with its line, and nothing is written.
    let bad = "barcode;code;pack_size;pack_cost\n\
        4006381333931;BF-1;12;9,60\n\
        5901234123457;BF-2;6;3,00\n\
        96385074;BF-3;0;3,00\n\
        ;BF-9;1;1,00\n\
        4006381333931;BF-4;1;1,00\n";
    match suppliers::import_price_list(&s, &a, bio.id, bad).await {
        Err(Error::ImportRefused(rows)) => {
            let got: Vec<(usize, &str, &Reason)> = rows
                .iter()
                .map(|r| (r.line, r.field.as_str(), &r.reason))
                .collect();
            assert_eq!(
                got,
                vec![
                    (4, "pack_size", &Reason::BadQuantity),
                    (6, "barcode", &Reason::DuplicateInFile { line: 2 }),
                ]
            );
        }
        other => panic!("expected a refused import, got {other:?}"),
    }
    // Once the rules pass, the catalogue's: an unknown barcode, an unknown code, and the same
    // product twice (by barcode, then by its code).
    let unknown = "barcode;code;pack_size;pack_cost\n\
        4006381333931;BF-1;12;9,60\n\
        5901234123457;BF-2;6;3,00\n\
        ;BF-9;1;1,00\n";
    match suppliers::import_price_list(&s, &a, bio.id, unknown).await {
        Err(Error::ImportRefused(rows)) => {
            let got: Vec<(usize, &str, &Reason)> = rows
                .iter()
                .map(|r| (r.line, r.field.as_str(), &r.reason))
                .collect();
            assert_eq!(
                got,
                vec![
                    (3, "barcode", &Reason::UnknownProduct),
                    (4, "code", &Reason::UnknownProduct),
                ]
            );
        }
        other => panic!("expected a refused import, got {other:?}"),
    }
    assert_eq!(count_lines(&s).await, 1);
    assert!(matches!(
        suppliers::import_price_list(&s, &a, Uuid::now_v7(), "barcode;code;pack_size;pack_cost\n")
            .await,
        Err(Error::NotFound)
    ));

    let good = "barcode;code;pack_size;pack_cost\n\
        4006381333931;BF-1;12;9,60\n\
        96385074;BF-3;24;19,20\n\
        5000000000005;BF-5;6;4,50\n";
    let outcome = suppliers::import_price_list(&s, &a, bio.id, good)
        .await
        .unwrap();
    assert_eq!(
        (outcome.created, outcome.updated, outcome.unchanged),
        (3, 0, 0)
    );
    // New products get this supplier as preferred; the milk keeps its own.
    assert_eq!(preferred_of(&s, bread.id).await, vec![bio.id]);
    assert_eq!(preferred_of(&s, beer.id).await, vec![bio.id]);
    assert_eq!(preferred_of(&s, milk.id).await, vec![other.id]);

    // The same list again, the beer by its code alone with a new cost.
    let again = "barcode;code;pack_size;pack_cost\n\
        4006381333931;BF-1;12;9,60\n\
        ;BF-3;24;18,00\n";
    let outcome = suppliers::import_price_list(&s, &a, bio.id, again)
        .await
        .unwrap();
    assert_eq!(
        (outcome.created, outcome.updated, outcome.unchanged),
        (0, 1, 1)
    );
    let lines = suppliers::lines_of_supplier(&s.db, bio.id).await.unwrap();
    let beer_line = lines.iter().find(|l| l.product_id == beer.id).unwrap();
    assert_eq!(
        (beer_line.pack_milli, beer_line.pack_cost_cents),
        (24_000, 1_800)
    );
    // A code this supplier uses for another product.
    let clash = "barcode;code;pack_size;pack_cost\n5000000000005;BF-1;6;4,50\n";
    match suppliers::import_price_list(&s, &a, bio.id, clash).await {
        Err(Error::ImportRefused(rows)) => {
            assert_eq!(rows.len(), 1);
            assert_eq!((rows[0].line, rows[0].field.as_str()), (2, "code"));
            assert_eq!(rows[0].reason, Reason::AlreadyTaken);
        }
        other => panic!("expected a refused import, got {other:?}"),
    }
    assert_eq!(count_lines(&s).await, 4);
}

async fn margins_apply_from_the_most_specific(s: Services) {
    let a = services::testing::admin(&s).await;
    // The coop: 20 %, rounded to 5 cents.
    let coop = pricing::pricing_settings(&s.db).await.unwrap();
    assert_eq!((coop.margin_bp, coop.step_cents), (2_000, 5));
    let bio = suppliers::create(&s, &a, &supplier("Biofresh"))
        .await
        .unwrap();
    let bread = product(&s, &a, "Pain complet", "Boulangerie", "3.20", "6", "").await;
    // 1 piece for 2.00: 2.00 x 1.20 x 1.06 = 2.544 -> 2.55.
    suppliers::set_line(&s, &a, bio.id, bread.id, &line("", "1", "2,00"))
        .await
        .unwrap();
    let seen = |s: Services| async move {
        let d = pricing::differences(&s.db, 50, 0).await.unwrap();
        let p = &d.products[0];
        (p.computed_cents, p.margin_bp, p.margin_source)
    };
    assert_eq!(seen(s.clone()).await, (255, 2_000, MarginSource::Coop));
    let bakery = pricing::category_margins(&s.db).await.unwrap()[0].id;
    pricing::set_category_margin(&s, &a, bakery, "25")
        .await
        .unwrap();
    // 2.00 x 1.25 x 1.06 = 2.65.
    assert_eq!(seen(s.clone()).await, (265, 2_500, MarginSource::Category));
    suppliers::update(
        &s,
        &a,
        bio.id,
        &SupplierForm {
            margin: "30".into(),
            ..supplier("Biofresh")
        },
    )
    .await
    .unwrap();
    // 2.00 x 1.30 x 1.06 = 2.756 -> 2.75.
    assert_eq!(seen(s.clone()).await, (275, 3_000, MarginSource::Supplier));
    pricing::set_product_margin(&s, &a, bread.id, "10")
        .await
        .unwrap();
    // 2.00 x 1.10 x 1.06 = 2.332 -> 2.35 (to 5 cents), 2.33 (to the cent).
    assert_eq!(seen(s.clone()).await, (235, 1_000, MarginSource::Product));
    pricing::set_pricing_settings(
        &s,
        &a,
        &PricingForm {
            margin: "20".into(),
            step_cents: "1".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(seen(s.clone()).await, (233, 1_000, MarginSource::Product));
    // An empty margin gives the next one back.
    pricing::set_product_margin(&s, &a, bread.id, "")
        .await
        .unwrap();
    assert_eq!(seen(s.clone()).await.2, MarginSource::Supplier);

    // Refusals write nothing.
    assert_eq!(
        invalid(pricing::set_product_margin(&s, &a, bread.id, "-3").await),
        vec![FieldError::new(
            "margin",
            Reason::OutOfRange { min: 0, max: 1_000 }
        )]
    );
    assert_eq!(
        invalid(pricing::set_category_margin(&s, &a, bakery, "2,555").await),
        vec![FieldError::new("margin", Reason::BadAmount)]
    );
    assert_eq!(
        invalid(
            pricing::set_pricing_settings(
                &s,
                &a,
                &PricingForm {
                    margin: "20".into(),
                    step_cents: "7".into(),
                },
            )
            .await
        ),
        vec![FieldError::new("step_cents", Reason::UnknownChoice)]
    );
    assert!(matches!(
        pricing::set_product_margin(&s, &a, Uuid::now_v7(), "10").await,
        Err(Error::NotFound)
    ));
    assert_eq!(
        pricing::pricing_settings(&s.db).await.unwrap().step_cents,
        1
    );
    assert_eq!(
        pricing::category_margins(&s.db).await.unwrap()[0].margin_bp,
        Some(2_500)
    );
}

async fn applying_computed_prices_in_bulk(s: Services) {
    let a = services::testing::admin(&s).await;
    let bio = suppliers::create(&s, &a, &supplier("Biofresh"))
        .await
        .unwrap();
    let bread = product(
        &s,
        &a,
        "Pain complet",
        "Boulangerie",
        "3.20",
        "6",
        "4006381333931",
    )
    .await;
    let beer = product(&s, &a, "Bière", "Boissons", "1.45", "21", "96385074").await;
    let milk = product(&s, &a, "Lait", "Crèmerie", "1.15", "6", "").await;
    let soap = product(&s, &a, "Savon", "Droguerie", "4.99", "21", "").await;
    // Bread: 2.00 -> 2.55; beer: 24 for 19.20 -> 0.80 x 1.2 x 1.21 = 1.1616 -> 1.15; milk:
    // 0.90 x 1.2 x 1.06 = 1.1448 -> 1.15, its price already; the soap has no supplier.
    for (p, l) in [
        (bread.id, line("BF-1", "1", "2,00")),
        (beer.id, line("BF-2", "24", "19,20")),
        (milk.id, line("BF-3", "1", "0,90")),
    ] {
        suppliers::set_line(&s, &a, bio.id, p, &l).await.unwrap();
    }
    let _ = soap;
    let before = pricing::differences(&s.db, 50, 0).await.unwrap();
    let shown: Vec<(&str, i64, i64, i64)> = before
        .products
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.price_cents,
                p.computed_cents,
                p.unit_cost_cents,
            )
        })
        .collect();
    assert_eq!(
        shown,
        vec![("Bière", 145, 115, 80), ("Pain complet", 320, 255, 200)]
    );
    assert_eq!(before.total, 2);
    assert_eq!(before.products[0].supplier, "Biofresh");
    // Paged.
    let second = pricing::differences(&s.db, 1, 1).await.unwrap();
    assert_eq!((second.total, second.products.len()), (2, 1));
    assert_eq!(second.products[0].name, "Pain complet");

    let version = catalogue::changes_since(&s.db, 0, 100)
        .await
        .unwrap()
        .version;
    // The chosen one only (an unknown product and a product at its price already are left).
    let applied = pricing::apply(
        &s,
        &a,
        &Chosen::Products(vec![bread.id, milk.id, Uuid::now_v7(), bread.id]),
    )
    .await
    .unwrap();
    assert_eq!(applied, 1);
    let row = products::Entity::find_by_id(bread.id)
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.price_cents, 255);
    assert_eq!(row.previous_price_cents, Some(320));
    assert!(row.price_changed_at_ms.is_some());
    assert!(row.version > version);
    assert_eq!(row.price_version, Some(row.version));
    // The product keeps everything else: its barcode, category, VAT.
    let changed = catalogue::product(&s.db, bread.id).await.unwrap();
    assert_eq!(changed.barcodes, vec!["4006381333931".to_string()]);
    assert_eq!(changed.category_id, bread.category_id);
    assert_eq!(changed.vat_rate, bread.vat_rate);
    // The tills fetch it with their next changes.
    let changes = catalogue::changes_since(&s.db, version, 100).await.unwrap();
    let names: Vec<&str> = changes.products.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Pain complet"]);
    assert_eq!(changes.products[0].price_cents, 255);

    // Then all the others, and again: nothing left to change.
    assert_eq!(pricing::apply(&s, &a, &Chosen::All).await.unwrap(), 1);
    assert_eq!(pricing::differences(&s.db, 50, 0).await.unwrap().total, 0);
    assert_eq!(pricing::apply(&s, &a, &Chosen::All).await.unwrap(), 0);
    assert_eq!(
        pricing::apply(&s, &a, &Chosen::Products(vec![]))
            .await
            .unwrap(),
        0
    );
    let beer_now = catalogue::product(&s.db, beer.id).await.unwrap();
    assert_eq!(beer_now.price_cents, 115);
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("stock.pricing.apply"))
        .count(&s.db)
        .await
        .unwrap();
    assert_eq!(audited, 2);

    // Two people applying the same new cost at once change the price once.
    suppliers::set_line(&s, &a, bio.id, bread.id, &line("BF-1", "1", "2,20"))
        .await
        .unwrap();
    let (all, only_bread) = (Chosen::All, Chosen::Products(vec![bread.id]));
    let (one, two) = tokio::join!(
        pricing::apply(&s, &a, &all),
        pricing::apply(&s, &a, &only_bread)
    );
    assert_eq!(one.unwrap() + two.unwrap(), 1);
    let row = products::Entity::find_by_id(bread.id)
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    // 2.20 x 1.2 x 1.06 = 2.7984 -> 2.80.
    assert_eq!(
        (row.price_cents, row.previous_price_cents),
        (280, Some(255))
    );
}

on_both_databases!(
    suppliers_and_their_lines,
    one_preferred_supplier_whoever_chooses_at_once,
    a_price_list_is_imported_all_or_nothing,
    margins_apply_from_the_most_specific,
    applying_computed_prices_in_bulk,
);
