//! The products CSV import, all or nothing like the member register's: the file's rows are
//! checked by `domain::till::catalogue::parse_csv`, then against the catalogue (VAT rates the
//! coop uses, barcodes no other product has), and if any row is bad every bad row is reported
//! and nothing is written.
//!
//! A row updates the product it recognises, else it adds one, so a coop can send the same
//! price list again. A row is recognised by its barcodes (the product carrying one of them);
//! a row without barcodes, by its name (ignoring case and accents) among the products without
//! barcodes. An updated product keeps the barcodes the row leaves out: a barcode is removed on
//! the product's page, never by an import. Likewise a row whose label columns (origin,
//! organic, local, content) are absent or empty keeps the product's label.

use super::catalogue::{categories, with_barcodes, write, Before, Taken, CATALOGUE_VERSION};
use crate::entities::{product_barcodes, products};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, settings, Services};
use domain::csv_table::RowError;
use domain::register::ImportOutcome;
use domain::search::fold;
use domain::stock::labels::LabelFacts;
use domain::till::catalogue::{parse_csv, CatalogueProduct};
use domain::till::{ProductForm, ValidProduct};
use domain::validation::Reason;
use domain::Viewer;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// What one row of the file does.
enum Plan {
    Create(Uuid, ValidProduct),
    /// The product as it is (and when it was created), and as the row makes it.
    Update(Box<(CatalogueProduct, i64)>, ValidProduct),
}

/// Imports products from CSV: a row the catalogue recognises updates its product, any other
/// row adds one. Each written product gets its own catalogue version, so tills fetch them in
/// pages like any other change; a row that changes nothing writes nothing.
///
/// Errors: `ImportRefused` with every bad row (its line and field): a broken rule, a VAT rate
/// the coop does not use, barcodes of another product or of several (`SeveralProducts`,
/// also for a name shared by several products without barcodes), or two rows for one product
/// (`DuplicateInFile`). Nothing is written then.
pub async fn import_csv(s: &Services, actor: &Viewer, text: &str) -> Result<ImportOutcome> {
    let rows = parse_csv(text).map_err(Error::ImportRefused)?;
    let tx = write_tx(&s.db).await?;
    let taken = Taken::load(&tx).await?;
    let unlabelled = products_without_barcodes(&tx).await?;
    let mut errors: Vec<RowError> = Vec::new();
    // Each row's product to update (`Some(None)` to add one), `None` for a row refused here.
    let mut targets: Vec<Option<Option<Uuid>>> = Vec::with_capacity(rows.len());
    let mut first_line: HashMap<Uuid, usize> = HashMap::new();
    for (line, p) in &rows {
        let (field, owners): (&str, HashSet<Uuid>) = if p.barcodes.is_empty() {
            let same_name = unlabelled.get(&fold(&p.name));
            ("name", same_name.into_iter().flatten().copied().collect())
        } else {
            let owned = p.barcodes.iter().filter_map(|b| taken.owner(b));
            ("barcodes", owned.collect())
        };
        let target = match owners.len() {
            0 => None,
            1 => owners.into_iter().next(),
            _ => {
                errors.push(RowError::new(*line, field, Reason::SeveralProducts));
                targets.push(None);
                continue;
            }
        };
        if let Some(id) = target {
            if let Some(&first) = first_line.get(&id) {
                let reason = Reason::DuplicateInFile { line: first };
                errors.push(RowError::new(*line, field, reason));
                targets.push(None);
                continue;
            }
            first_line.insert(id, *line);
        }
        targets.push(Some(target));
    }
    let mut existing = load(&tx, first_line.keys().copied().collect()).await?;
    let category_names: HashMap<Uuid, String> = categories(&tx)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let mut plans = Vec::with_capacity(rows.len());
    for ((line, row), target) in rows.into_iter().zip(targets) {
        let Some(target) = target else { continue };
        let plan = match target.and_then(|id| existing.remove(&id)) {
            Some((old, created_at_ms)) => {
                let mut p = row;
                let mut barcodes = old.barcodes.clone();
                barcodes.extend(p.barcodes.into_iter().filter(|b| !old.barcodes.contains(b)));
                p.barcodes = barcodes;
                // A file without the label's columns (or with them empty) keeps the label.
                if p.label == LabelFacts::default() {
                    p.label = old.label.clone();
                }
                Plan::Update(Box::new((old, created_at_ms)), p)
            }
            None => Plan::Create(Uuid::now_v7(), row),
        };
        let (id, p) = match &plan {
            Plan::Create(id, p) => (*id, p),
            Plan::Update(old, p) => (old.0.id, p),
        };
        errors.extend(
            taken
                .conflicts(id, p)
                .into_iter()
                .map(|e| RowError::new(line, &e.field, e.reason)),
        );
        plans.push(plan);
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(Error::ImportRefused(errors));
    }
    let mut outcome = ImportOutcome::default();
    plans.retain(|plan| match plan {
        Plan::Create(..) => {
            outcome.created += 1;
            true
        }
        Plan::Update(old, p) => {
            let old = &old.0;
            let category = old.category_id.and_then(|c| category_names.get(&c));
            let same = ProductForm::of(old, category.map(String::as_str)).validate();
            let changed = same.as_ref() != Ok(p);
            if changed {
                outcome.updated += 1;
            } else {
                outcome.unchanged += 1;
            }
            changed
        }
    });
    let Some(count) = i64::try_from(plans.len()).ok().filter(|n| *n > 0) else {
        return Ok(outcome);
    };
    let first = settings::next(&tx, CATALOGUE_VERSION).await?;
    settings::raise_to(&tx, CATALOGUE_VERSION, first + count - 1).await?;
    for (version, plan) in (first..).zip(&plans) {
        match plan {
            Plan::Create(id, p) => write(&tx, *id, p, version, None).await?,
            Plan::Update(old, p) => {
                let (old, created_at_ms) = old.as_ref();
                let before = Before {
                    created_at_ms: *created_at_ms,
                    price_cents: old.price_cents,
                };
                write(&tx, old.id, p, version, Some(before)).await?
            }
        }
    }
    let detail = format!("{} created, {} updated", outcome.created, outcome.updated);
    audit::commit(tx, actor, "catalogue.import", "", &detail).await?;
    Ok(outcome)
}

/// The products that have no barcode, by folded name.
async fn products_without_barcodes(
    db: &impl ConnectionTrait,
) -> Result<HashMap<String, Vec<Uuid>>> {
    let rows = products::Entity::find()
        .select_only()
        .column(products::Column::Id)
        .column(products::Column::SearchText)
        .filter(
            products::Column::Id.not_in_subquery(
                Query::select()
                    .column(product_barcodes::Column::ProductId)
                    .from(product_barcodes::Entity)
                    .to_owned(),
            ),
        )
        .into_tuple::<(Uuid, String)>()
        .all(db)
        .await?;
    let mut by_name: HashMap<String, Vec<Uuid>> = HashMap::new();
    for (id, name) in rows {
        by_name.entry(name).or_default().push(id);
    }
    Ok(by_name)
}

/// The products with these ids, with their barcodes and when they were created.
async fn load(
    db: &impl ConnectionTrait,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, (CatalogueProduct, i64)>> {
    let mut found = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let rows = products::Entity::find()
            .filter(products::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?;
        let created: Vec<i64> = rows.iter().map(|p| p.created_at_ms).collect();
        for (p, at) in with_barcodes(db, rows).await?.into_iter().zip(created) {
            found.insert(p.id, (p, at));
        }
    }
    Ok(found)
}
