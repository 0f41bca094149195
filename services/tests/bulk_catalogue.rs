//! A catalogue of 20,000 products, as the till benchmark seeds it (`bulk::products`), on
//! SQLite and PostgreSQL: a till loading it page by page from version 0 gets every product
//! once with its barcode, and each barcode scans to its product.

use services::till::catalogue::{self, PAGE_MAX};
use services::{bulk, on_both_databases, Services};
use std::collections::HashSet;
use std::time::Instant;

async fn twenty_thousand_products_load_and_scan(s: Services) {
    let barcodes = bulk::products(&s.db, 20_000).await.unwrap();
    assert_eq!(barcodes.iter().collect::<HashSet<_>>().len(), 20_000);
    let started = Instant::now();
    let (mut version, mut pages, mut seen) = (0, 0, HashSet::new());
    loop {
        let page = catalogue::changes_since(&s.db, version, PAGE_MAX)
            .await
            .unwrap();
        assert!(page.products.len() as u64 <= PAGE_MAX);
        for p in &page.products {
            assert!(p.version > version && p.active);
            assert_eq!(p.barcodes.len(), 1);
            assert!(seen.insert(p.barcodes[0].clone()), "{} came twice", p.name);
        }
        version = page.version;
        pages += 1;
        if !page.more {
            break;
        }
    }
    eprintln!(
        "20,000 products in {pages} pages in {:?}",
        started.elapsed()
    );
    assert_eq!(seen, barcodes.iter().cloned().collect());
    for code in [&barcodes[0], &barcodes[12_345], &barcodes[19_999]] {
        let found = catalogue::lookup(&s.db, code).await.unwrap();
        assert_eq!(found.product.unwrap().barcodes, vec![code.clone()]);
    }
    // Nothing changed since the last version.
    let none = catalogue::changes_since(&s.db, version, PAGE_MAX)
        .await
        .unwrap();
    assert!(none.products.is_empty() && !none.more);
}

on_both_databases!(twenty_thousand_products_load_and_scan);
