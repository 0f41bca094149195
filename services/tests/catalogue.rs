//! The stock manager's catalogue on SQLite and PostgreSQL: the paged product search (by name
//! ignoring case and accents, by barcode, by category, on sale or not), the categories with
//! their sizes, the lists the forms choose from, and a product's stock with its latest moves.

use domain::stock::MoveKind;
use domain::till::catalogue::{ProductState, COLUMNS};
use domain::till::{Nomenclature, VatRate};
use domain::validation::{FieldError, Reason};
use services::error::Error;
use services::on_both_databases;
use services::till::{catalogue, import, stock};
use services::Services;

/// 130 products: "Crème fraîche 000" to "... 059" in Crèmerie (every third withdrawn),
/// "Pain 060" to "Pain 129" in Boulangerie, and a beer with two barcodes.
fn shop_csv() -> String {
    // The nine columns before the shelf-label ones: a file of before them still imports.
    let mut text = format!("{}\n", COLUMNS[..9].join(";"));
    for n in 0..130 {
        let (name, category) = if n < 60 {
            ("Crème fraîche", "Crèmerie")
        } else {
            ("Pain", "Boulangerie")
        };
        let active = if n < 60 && n % 3 == 0 { "non" } else { "oui" };
        text.push_str(&format!(
            "{name} {n:03};{category};piece;2,49;6;;oui;{active};\n"
        ));
    }
    text.push_str("Bière blonde;;piece;1,45;21;0,10;non;oui;5901234123457 96385074\n");
    text
}

async fn searching_the_catalogue(s: Services) {
    let a = services::testing::admin(&s).await;
    let imported = import::import_csv(&s, &a, &shop_csv()).await.unwrap();
    assert_eq!(imported.created, 131);
    let find = |q: &'static str, category, state, limit, offset| {
        let s = s.clone();
        async move {
            catalogue::search(&s.db, q, category, state, limit, offset)
                .await
                .unwrap()
        }
    };
    let names = |p: &catalogue::ProductPage| -> Vec<String> {
        p.products.iter().map(|p| p.name.clone()).collect()
    };

    // By name, whatever the case and accents; every word must be in the name.
    let creams = find("CREME fraiche", None, ProductState::All, 50, 0).await;
    assert_eq!(creams.total, 60);
    assert_eq!(creams.products.len(), 50);
    assert_eq!(creams.products[0].name, "Crème fraîche 000");
    assert_eq!(
        find("fraiche 007", None, ProductState::All, 50, 0)
            .await
            .total,
        1
    );
    assert_eq!(
        find("fraiche pain", None, ProductState::All, 50, 0)
            .await
            .total,
        0
    );
    // Wildcards are letters to look for, not patterns.
    assert_eq!(find("%_", None, ProductState::All, 50, 0).await.total, 131);
    assert_eq!(find("c%e", None, ProductState::All, 50, 0).await.total, 0);

    // On sale, withdrawn, all.
    assert_eq!(
        find("creme", None, ProductState::Active, 50, 0).await.total,
        40
    );
    let withdrawn = find("creme", None, ProductState::Inactive, 50, 0).await;
    assert_eq!(withdrawn.total, 20);
    assert!(withdrawn.products.iter().all(|p| !p.active));
    assert_eq!(find("", None, ProductState::All, 50, 0).await.total, 131);
    assert_eq!(find("", None, ProductState::Active, 50, 0).await.total, 111);

    // By category.
    let counts = catalogue::category_counts(&s.db).await.unwrap();
    let sizes: Vec<(&str, u64)> = counts
        .iter()
        .map(|c| (c.category.name.as_str(), c.products))
        .collect();
    assert_eq!(sizes, vec![("Boulangerie", 70), ("Crèmerie", 60)]);
    let bakery = counts[0].category.id;
    let breads = find("", Some(bakery), ProductState::All, 50, 0).await;
    assert_eq!(breads.total, 70);
    assert!(breads
        .products
        .iter()
        .all(|p| p.category_id == Some(bakery)));
    assert_eq!(
        find("creme", Some(bakery), ProductState::All, 50, 0)
            .await
            .total,
        0
    );

    // Pages follow the names, and the last one holds the rest.
    let last = find("pain", None, ProductState::All, 50, 50).await;
    assert_eq!((last.total, last.products.len()), (70, 20));
    assert_eq!(last.products[0].name, "Pain 110");
    assert_eq!(last.products[19].name, "Pain 129");
    assert_eq!(
        find("", None, ProductState::All, 0, 0).await.products.len(),
        1
    );

    // By a barcode, typed or scanned whole, with the product's other barcodes.
    let beer = find("96385074", None, ProductState::All, 50, 0).await;
    assert_eq!(names(&beer), vec!["Bière blonde"]);
    assert_eq!(
        beer.products[0].barcodes,
        vec!["5901234123457".to_string(), "96385074".to_string()]
    );
    assert_eq!(
        find("9638507", None, ProductState::All, 50, 0).await.total,
        0
    );
}

async fn the_lists_the_forms_choose_from(s: Services) {
    let a = services::testing::admin(&s).await;
    let empty = catalogue::lists(&s.db).await.unwrap();
    assert!(empty.categories.is_empty());
    assert!(empty.vat_rates.contains(&VatRate(600)));
    assert!(empty.vat_rates.contains(&VatRate(2100)));
    let defaults: Vec<_> = Nomenclature::default().rules().cloned().collect();
    assert_eq!(empty.nomenclature, defaults);
    assert!(catalogue::category_counts(&s.db).await.unwrap().is_empty());

    catalogue::create_category(&s, &a, "Fruits et légumes")
        .await
        .unwrap();
    let lists = catalogue::lists(&s.db).await.unwrap();
    let names: Vec<&str> = lists.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["Fruits et légumes"]);
    let counts = catalogue::category_counts(&s.db).await.unwrap();
    assert_eq!(counts[0].products, 0);
}

async fn a_products_stock_and_its_latest_moves(s: Services) {
    let a = services::testing::admin(&s).await;
    import::import_csv(&s, &a, "name;unit;price;vat_percent\nRiz;kg;3,10;6\n")
        .await
        .unwrap();
    let rice = catalogue::search(&s.db, "riz", None, ProductState::All, 1, 0)
        .await
        .unwrap()
        .products
        .remove(0);
    let fresh = stock::of_product(&s.db, rice.id, 20).await.unwrap();
    assert_eq!((fresh.on_hand_milli, fresh.recent.len()), (0, 0));

    let moves = [
        (12_500, MoveKind::Reception, ""),
        (-2_000, MoveKind::Loss, "expired"),
        (-250, MoveKind::Adjustment, "shelf count"),
    ];
    for (quantity, kind, reason) in moves {
        stock::record(&s, &a, rice.id, quantity, kind, reason)
            .await
            .unwrap();
    }
    let now = stock::of_product(&s.db, rice.id, 20).await.unwrap();
    assert_eq!(now.on_hand_milli, 10_250);
    let newest_first: Vec<(i64, MoveKind, Option<&str>)> = now
        .recent
        .iter()
        .map(|m| (m.quantity_milli, m.kind, m.reason.as_deref()))
        .collect();
    assert_eq!(
        newest_first,
        vec![
            (-250, MoveKind::Adjustment, Some("shelf count")),
            (-2_000, MoveKind::Loss, Some("expired")),
            (12_500, MoveKind::Reception, None),
        ]
    );
    // The latest moves only, but the quantity on hand of them all.
    let latest = stock::of_product(&s.db, rice.id, 1).await.unwrap();
    assert_eq!((latest.on_hand_milli, latest.recent.len()), (10_250, 1));
    assert_eq!(latest.recent[0].kind, MoveKind::Adjustment);

    // Refused moves write nothing.
    assert!(matches!(
        stock::record(&s, &a, rice.id, 0, MoveKind::Adjustment, "").await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("quantity", Reason::BadQuantity)]
    ));
    assert!(matches!(
        stock::record(&s, &a, rice.id, -1_000, MoveKind::Loss, " ").await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("reason", Reason::Required)]
    ));
    assert_eq!(
        stock::of_product(&s.db, rice.id, 20)
            .await
            .unwrap()
            .recent
            .len(),
        3
    );
    assert!(matches!(
        stock::of_product(&s.db, uuid::Uuid::now_v7(), 20).await,
        Err(Error::NotFound)
    ));
}

async fn importing_again_updates_what_it_recognises(s: Services) {
    let a = services::testing::admin(&s).await;
    let all = |s: Services| async move {
        catalogue::search(&s.db, "", None, ProductState::All, 200, 0)
            .await
            .unwrap()
    };
    let first = "name;category;unit;price;vat_percent;deposit;barcodes\n\
        Pain;Boulangerie;piece;2,49;6;;4006381333931\n\
        Riz vrac;;kg;3,10;6;;\n\
        Bière;;piece;1,45;21;0,10;5901234123457 96385074\n";
    let outcome = import::import_csv(&s, &a, first).await.unwrap();
    assert_eq!((outcome.created, outcome.updated), (3, 0));
    let before = all(s.clone()).await;
    let version = before.products.iter().map(|p| p.version).max().unwrap();
    let id_of = |page: &catalogue::ProductPage, name: &str| {
        page.products
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .clone()
    };

    // The bread by its barcode, the rice by its name (no barcode; case and accents aside),
    // the beer by one of its two barcodes (unchanged, it keeps both), and a new milk.
    let again = "name;category;unit;price;vat_percent;deposit;barcodes\n\
        Pain;Boulangerie;piece;2,69;6;;4006381333931\n\
        RIZ VRAC;;kg;3,20;6;;\n\
        Bière;;piece;1,45;21;0,10;96385074\n\
        Lait;Crèmerie;litre;1,19;6;;5000000000005\n";
    let outcome = import::import_csv(&s, &a, again).await.unwrap();
    assert_eq!(
        (outcome.created, outcome.updated, outcome.unchanged),
        (1, 2, 1)
    );
    let after = all(s.clone()).await;
    assert_eq!(after.total, 4);
    let bread = id_of(&after, "Pain");
    assert_eq!(bread.id, id_of(&before, "Pain").id);
    assert_eq!(bread.price_cents, 269);
    let rice = id_of(&after, "RIZ VRAC");
    assert_eq!(
        (rice.id, rice.price_cents),
        (id_of(&before, "Riz vrac").id, 320)
    );
    assert_eq!(
        id_of(&after, "Bière").barcodes,
        vec!["5901234123457".to_string(), "96385074".to_string()]
    );
    // The tills fetch what changed, and only that.
    let changed = catalogue::changes_since(&s.db, version, 100).await.unwrap();
    let mut names: Vec<&str> = changed.products.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, vec!["Lait", "Pain", "RIZ VRAC"]);

    // A row naming two products, two rows naming one, a name two products without barcodes
    // share: every one is reported and nothing is written.
    import::import_csv(
        &s,
        &a,
        "name;unit;price;vat_percent\nPois chiches;kg;4;6\nPois chiches;kg;4;6\n",
    )
    .await
    .unwrap();
    let count = all(s.clone()).await.total;
    let bad = "name;unit;price;vat_percent;barcodes\n\
        Pain au lait;piece;1;6;4006381333931 5000000000005\n\
        Bière;piece;1,50;21;5901234123457\n\
        Bière bis;piece;1,50;21;96385074\n\
        Pois chiches;kg;4,50;6;\n\
        Sel;kg;1;6;\n";
    match import::import_csv(&s, &a, bad).await {
        Err(Error::ImportRefused(rows)) => {
            let got: Vec<(usize, &str, Reason)> = rows
                .iter()
                .map(|r| (r.line, r.field.as_str(), r.reason.clone()))
                .collect();
            assert_eq!(
                got,
                vec![
                    (2, "barcodes", Reason::SeveralProducts),
                    (4, "barcodes", Reason::DuplicateInFile { line: 3 }),
                    (5, "name", Reason::SeveralProducts),
                ]
            );
        }
        other => panic!("expected a refused import, got {other:?}"),
    }
    assert_eq!(all(s.clone()).await.total, count);
    assert_eq!(id_of(&all(s.clone()).await, "Pain").price_cents, 269);
}

async fn renaming_a_category(s: Services) {
    let a = services::testing::admin(&s).await;
    import::import_csv(
        &s,
        &a,
        "name;category;unit;price;vat_percent\nPomme;Fruits;kg;2,10;6\nLait;Crèmerie;litre;1;6\n",
    )
    .await
    .unwrap();
    let fruits = catalogue::categories(&s.db).await.unwrap()[1].clone();
    assert_eq!(fruits.name, "Fruits");

    let renamed = catalogue::rename_category(&s, &a, fruits.id, " Fruits et légumes ")
        .await
        .unwrap();
    assert_eq!(
        (renamed.id, renamed.name.as_str()),
        (fruits.id, "Fruits et légumes")
    );
    let counts = catalogue::category_counts(&s.db).await.unwrap();
    let sizes: Vec<(&str, u64)> = counts
        .iter()
        .map(|c| (c.category.name.as_str(), c.products))
        .collect();
    assert_eq!(sizes, vec![("Crèmerie", 1), ("Fruits et légumes", 1)]);
    // The same name again is no clash; another category's name, an empty one and an unknown
    // category are refused, and nothing changes.
    catalogue::rename_category(&s, &a, fruits.id, "Fruits et légumes")
        .await
        .unwrap();
    assert!(matches!(
        catalogue::rename_category(&s, &a, fruits.id, "Crèmerie").await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("name", Reason::AlreadyTaken)]
    ));
    assert!(matches!(
        catalogue::rename_category(&s, &a, fruits.id, "  ").await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("name", Reason::Required)]
    ));
    assert!(matches!(
        catalogue::rename_category(&s, &a, uuid::Uuid::now_v7(), "Légumes").await,
        Err(Error::NotFound)
    ));
    let names: Vec<String> = catalogue::categories(&s.db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, vec!["Crèmerie", "Fruits et légumes"]);
}

on_both_databases!(
    searching_the_catalogue,
    the_lists_the_forms_choose_from,
    a_products_stock_and_its_latest_moves,
    importing_again_updates_what_it_recognises,
    renaming_a_category,
);
