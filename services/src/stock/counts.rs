//! Inventory counts: opened over a location and/or categories, counted into by several people
//! at once (by a code read through the till's own nomenclature, or a product picked from a
//! search), watched live, then validated into adjustment moves at the day's cost, or
//! cancelled. The rules (merging, expected quantities, adjustments) are
//! [`domain::stock::count`]'s.
//!
//! Every change locks the count's row first (`FOR UPDATE` on PostgreSQL; on SQLite the write
//! transaction holds the only write lock), so a product's expected quantity is taken once, by
//! the first line that reaches it, and a count is validated once: a line or a validation that
//! comes after a validation finds the count closed and writes nothing.

use crate::entities::{categories, count_categories, count_lines, counts, products, users};
use crate::error::{Error, Result};
use crate::stock::costs;
use crate::till::catalogue::{self, CatalogueProduct};
use crate::till::stock;
use crate::{audit, db::write_tx, now_ms, settings, Services};
use domain::stock::count::{
    adjustments, check_count, check_form, CountForm, CountState, CountStatus, CountSummary,
    CountedProduct, CounterLine, NotCounted,
};
use domain::stock::{MoveKind, StockMove};
use domain::till::catalogue::Category;
use domain::till::Unit;
use domain::validation::Reason;
use domain::Viewer;
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

/// The counter that numbers counts.
pub const COUNT_NUMBER: &str = "count_number";

/// How many of the products not counted yet a count's state lists.
pub const NOT_COUNTED_SHOWN: u64 = 100;

/// What a counter counted: a code scanned or typed (read with the coop's nomenclature, as at
/// the till: a scale label finds its product by its lookup code), or a product picked from a
/// search.
#[derive(Debug, Clone, Copy)]
pub enum Counted<'a> {
    Code(&'a str),
    Product(Uuid),
}

/// Opens a count over `form.location` and `form.categories` (none: every product).
///
/// Errors: `Invalid` on `title`, `location` or `categories` (too many, or one the catalogue
/// does not have).
pub async fn open(s: &Services, actor: &Viewer, form: &CountForm) -> Result<CountSummary> {
    let form = check_form(form).map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    if !form.categories.is_empty() {
        let known = categories::Entity::find()
            .filter(categories::Column::Id.is_in(form.categories.iter().copied()))
            .count(&tx)
            .await?;
        if known != form.categories.len() as u64 {
            return Err(Error::invalid("categories", Reason::UnknownChoice));
        }
    }
    let number = settings::next(&tx, COUNT_NUMBER).await?;
    let id = Uuid::now_v7();
    counts::ActiveModel {
        id: Set(id),
        number: Set(number),
        title: Set(form.title.clone()),
        location: Set(form.location.clone()),
        status: Set(CountStatus::Open.as_str().to_string()),
        created_by: Set(actor.user_id),
        created_at_ms: Set(now_ms()),
        closed_by: Set(None),
        closed_at_ms: Set(None),
    }
    .insert(&tx)
    .await?;
    if !form.categories.is_empty() {
        count_categories::Entity::insert_many(form.categories.iter().map(|c| {
            count_categories::ActiveModel {
                count_id: Set(id),
                category_id: Set(*c),
            }
        }))
        .exec_without_returning(&tx)
        .await?;
    }
    let detail = format!("#{number} {}", form.title);
    audit::commit(tx, actor, "stock.count.open", &id.to_string(), &detail).await?;
    summary(&s.db, id).await
}

/// The latest `limit` counts, newest first.
pub async fn list(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<CountSummary>> {
    let rows = counts::Entity::find()
        .order_by_desc(counts::Column::Number)
        .limit(limit)
        .all(db)
        .await?;
    summaries(db, rows).await
}

/// One count as lists show it. Errors: `NotFound`.
pub async fn summary(db: &impl ConnectionTrait, id: Uuid) -> Result<CountSummary> {
    let row = counts::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    summaries(db, vec![row]).await?.pop().ok_or(Error::NotFound)
}

async fn summaries(
    db: &impl ConnectionTrait,
    rows: Vec<counts::Model>,
) -> Result<Vec<CountSummary>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
    let names: HashMap<Uuid, String> = catalogue::categories(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let mut covered: HashMap<Uuid, Vec<Category>> = HashMap::new();
    for row in count_categories::Entity::find()
        .filter(count_categories::Column::CountId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        if let Some(name) = names.get(&row.category_id) {
            covered.entry(row.count_id).or_default().push(Category {
                id: row.category_id,
                name: name.clone(),
            });
        }
    }
    let counted: HashMap<Uuid, i64> = count_lines::Entity::find()
        .select_only()
        .column(count_lines::Column::CountId)
        .column_as(
            Expr::cust("CAST(COUNT(DISTINCT product_id) AS BIGINT)"),
            "n",
        )
        .filter(count_lines::Column::CountId.is_in(ids.iter().copied()))
        .group_by(count_lines::Column::CountId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let people = user_names(
        db,
        rows.iter()
            .flat_map(|c| std::iter::once(c.created_by).chain(c.closed_by)),
    )
    .await?;
    let name_of = |id: Uuid| people.get(&id).cloned().unwrap_or_default();
    Ok(rows
        .into_iter()
        .map(|c| {
            let mut categories = covered.remove(&c.id).unwrap_or_default();
            categories.sort_by(|a, b| a.name.cmp(&b.name));
            CountSummary {
                id: c.id,
                number: c.number,
                title: c.title,
                location: c.location,
                categories,
                status: CountStatus::parse(&c.status).unwrap_or(CountStatus::Cancelled),
                created_by: name_of(c.created_by),
                created_at_ms: c.created_at_ms,
                closed_by: c.closed_by.map(name_of),
                closed_at_ms: c.closed_at_ms,
                products_counted: counted
                    .get(&c.id)
                    .map_or(0, |n| u64::try_from(*n).unwrap_or(0)),
            }
        })
        .collect())
}

/// The display names of these accounts.
async fn user_names(
    db: &impl ConnectionTrait,
    ids: impl Iterator<Item = Uuid>,
) -> Result<HashMap<Uuid, String>> {
    let ids: HashSet<Uuid> = ids.collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}

/// The count's row, locked until the transaction ends, if it is open.
///
/// Errors: `NotFound`; `Invalid` on `count` (`CountNotOpen`) once validated or cancelled.
async fn open_count(db: &impl ConnectionTrait, id: Uuid) -> Result<counts::Model> {
    let row = counts::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    if row.status != CountStatus::Open.as_str() {
        return Err(Error::invalid("count", Reason::CountNotOpen));
    }
    Ok(row)
}

/// The categories a count covers; empty for every product.
async fn categories_of(db: &impl ConnectionTrait, count_id: Uuid) -> Result<Vec<Uuid>> {
    Ok(count_categories::Entity::find()
        .filter(count_categories::Column::CountId.eq(count_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.category_id)
        .collect())
}

/// The product `counted` names, if the count covers it.
///
/// Errors: `Scan` for a misread code or one no rule reads, `UnknownBarcode` when no product
/// has it (a member card included), `NotFound` for an unknown product id, `Invalid` on
/// `product` (`NotInCount`) for a product in none of the count's categories.
async fn product_in(
    db: &impl ConnectionTrait,
    count_id: Uuid,
    counted: Counted<'_>,
) -> Result<CatalogueProduct> {
    let product = match counted {
        Counted::Code(code) => by_code(db, code.trim()).await?,
        Counted::Product(id) => catalogue::product(db, id).await?,
    };
    let covered = categories_of(db, count_id).await?;
    if !covered.is_empty() && !product.category_id.is_some_and(|c| covered.contains(&c)) {
        return Err(Error::invalid("product", Reason::NotInCount));
    }
    Ok(product)
}

/// The product of a code read with the till's nomenclature. A camera reads a UPC-A code as
/// EAN-13 (a leading 0); a product that has it with its 12 digits is found too.
async fn by_code(db: &impl ConnectionTrait, code: &str) -> Result<CatalogueProduct> {
    let found = catalogue::lookup(db, code).await;
    match (found, code.strip_prefix('0')) {
        (Err(Error::UnknownBarcode), Some(upc)) if code.len() == 13 => catalogue::lookup(db, upc)
            .await?
            .product
            .ok_or(Error::UnknownBarcode),
        (found, _) => found?.product.ok_or(Error::UnknownBarcode),
    }
}

/// The product `counted` names in an open count, without counting it: the first step of
/// counting by scanning, before the quantity is typed.
///
/// Errors: as [`post_line`] says, but for the quantity.
pub async fn find(
    db: &impl ConnectionTrait,
    count_id: Uuid,
    counted: Counted<'_>,
) -> Result<CatalogueProduct> {
    let row = counts::Entity::find_by_id(count_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    if row.status != CountStatus::Open.as_str() {
        return Err(Error::invalid("count", Reason::CountNotOpen));
    }
    product_in(db, count_id, counted).await
}

/// Sets `actor`'s count of a product to `counted_milli` (see the module's merge rules): a
/// resend sets the same figure again. The product's first line takes its expected quantity,
/// its quantity on hand, in this transaction. Returns the product as counted so far.
///
/// Errors: `NotFound` for an unknown count or product; `Invalid` on `count` (`CountNotOpen`)
/// once validated or cancelled, on `product` (`NotInCount`) for a product outside the
/// count's categories, on `quantity` (`BadQuantity`) for a negative quantity, one beyond
/// `MAX_MOVE_MILLI` or part of a piece; `Scan` or `UnknownBarcode` for a code that finds no
/// product. Nothing is written then.
pub async fn post_line(
    s: &Services,
    actor: &Viewer,
    count_id: Uuid,
    counted: Counted<'_>,
    counted_milli: i64,
) -> Result<CountedProduct> {
    let tx = write_tx(&s.db).await?;
    open_count(&tx, count_id).await?;
    let product = product_in(&tx, count_id, counted).await?;
    check_count(counted_milli, product.unit).map_err(|r| Error::invalid("quantity", r))?;
    let first = count_lines::Entity::find()
        .filter(count_lines::Column::CountId.eq(count_id))
        .filter(count_lines::Column::ProductId.eq(product.id))
        .one(&tx)
        .await?;
    let now = now_ms();
    let (expected_milli, expected_at_ms) = match first {
        Some(line) => (line.expected_milli, line.expected_at_ms),
        None => (stock::on_hand(&tx, product.id).await?, now),
    };
    count_lines::Entity::insert(count_lines::ActiveModel {
        count_id: Set(count_id),
        product_id: Set(product.id),
        counter_id: Set(actor.user_id),
        counted_milli: Set(counted_milli),
        expected_milli: Set(expected_milli),
        expected_at_ms: Set(expected_at_ms),
        at_ms: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            count_lines::Column::CountId,
            count_lines::Column::ProductId,
            count_lines::Column::CounterId,
        ])
        .update_columns([count_lines::Column::CountedMilli, count_lines::Column::AtMs])
        .to_owned(),
    )
    .exec_without_returning(&tx)
    .await?;
    let counted = counted_products(&tx, count_id, Some(product.id))
        .await?
        .pop()
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(counted)
}

/// The counted products of a count (only `only` when given), by name, with their lines.
async fn counted_products(
    db: &impl ConnectionTrait,
    count_id: Uuid,
    only: Option<Uuid>,
) -> Result<Vec<CountedProduct>> {
    let mut query = count_lines::Entity::find()
        .filter(count_lines::Column::CountId.eq(count_id))
        .order_by_asc(count_lines::Column::ProductId)
        .order_by_asc(count_lines::Column::AtMs);
    if let Some(p) = only {
        query = query.filter(count_lines::Column::ProductId.eq(p));
    }
    let lines = query.all(db).await?;
    let mut by_product: BTreeMap<Uuid, Vec<count_lines::Model>> = BTreeMap::new();
    for line in lines {
        by_product.entry(line.product_id).or_default().push(line);
    }
    let ids: Vec<Uuid> = by_product.keys().copied().collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = HashMap::new();
    for chunk in ids.chunks(500) {
        for p in products::Entity::find()
            .filter(products::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            rows.insert(p.id, p);
        }
    }
    let people = user_names(db, by_product.values().flatten().map(|l| l.counter_id)).await?;
    let cost = costs::of_products(db, &ids).await?;
    let mut out: Vec<CountedProduct> = by_product
        .into_iter()
        .filter_map(|(product_id, lines)| {
            let row = rows.get(&product_id)?;
            let first = lines.first()?;
            let mut p = CountedProduct {
                product_id,
                name: row.name.clone(),
                unit: Unit::parse(&row.unit).unwrap_or(Unit::Piece),
                expected_milli: first.expected_milli,
                expected_at_ms: first.expected_at_ms,
                lines: lines
                    .iter()
                    .map(|l| CounterLine {
                        counter_id: l.counter_id,
                        counter_name: people.get(&l.counter_id).cloned().unwrap_or_default(),
                        counted_milli: l.counted_milli,
                        at_ms: l.at_ms,
                    })
                    .collect(),
                difference_value_cents: None,
            };
            p.difference_value_cents = cost
                .get(&product_id)
                .map(|c| c.value_cents(p.difference_milli()));
            Some(p)
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.product_id.cmp(&b.product_id)));
    Ok(out)
}

/// A count as its page shows it, live: every counted product with its counters' lines,
/// expected quantity and difference; for a count over categories, the first of the active
/// products not counted yet and how many there are.
///
/// Errors: `NotFound`.
pub async fn state(db: &impl ConnectionTrait, count_id: Uuid) -> Result<CountState> {
    let count = summary(db, count_id).await?;
    let products = counted_products(db, count_id, None).await?;
    let (not_counted, not_counted_total) = if count.categories.is_empty() {
        (Vec::new(), 0)
    } else {
        let query = products::Entity::find()
            .filter(products::Column::Active.eq(true))
            .filter(products::Column::CategoryId.is_in(count.categories.iter().map(|c| c.id)))
            .filter(
                products::Column::Id.not_in_subquery(
                    Query::select()
                        .column(count_lines::Column::ProductId)
                        .from(count_lines::Entity)
                        .and_where(count_lines::Column::CountId.eq(count_id))
                        .to_owned(),
                ),
            );
        let total = query.clone().count(db).await?;
        let shown = query
            .order_by_asc(products::Column::SearchText)
            .order_by_asc(products::Column::Id)
            .limit(NOT_COUNTED_SHOWN)
            .all(db)
            .await?
            .into_iter()
            .map(|p| NotCounted {
                product_id: p.id,
                name: p.name,
            })
            .collect();
        (shown, total)
    };
    Ok(CountState {
        count,
        products,
        not_counted,
        not_counted_total,
    })
}

/// The reference of a count's adjustment of a product: the same for the same count and
/// product, whoever validates and however often, so the ledger's unique (reference, kind)
/// index refuses a second adjustment for it.
pub fn adjustment_reference(count_id: Uuid, product_id: Uuid) -> Uuid {
    let digest = Sha256::new()
        .chain_update(b"ruche count adjustment")
        .chain_update(count_id.as_bytes())
        .chain_update(product_id.as_bytes())
        .finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

/// Validates an open count: one adjustment move per counted product whose counted quantity
/// differs from its expected one (counted minus expected), valued at the product's cost that
/// day when it has one, all in one transaction with the count closed. Returns the count and
/// the adjustments written.
///
/// Errors: `NotFound`; `Invalid` on `count` (`CountNotOpen`) when it was validated or
/// cancelled already, also by someone validating at the same moment: nothing is written.
pub async fn validate(
    s: &Services,
    actor: &Viewer,
    count_id: Uuid,
) -> Result<(CountSummary, Vec<StockMove>)> {
    let tx = write_tx(&s.db).await?;
    let count = open_count(&tx, count_id).await?;
    let lines = count_lines::Entity::find()
        .filter(count_lines::Column::CountId.eq(count_id))
        .all(&tx)
        .await?;
    let mut expected: BTreeMap<Uuid, i64> = BTreeMap::new();
    for l in &lines {
        expected.entry(l.product_id).or_insert(l.expected_milli);
    }
    let expected: Vec<(Uuid, i64)> = expected.into_iter().collect();
    let counted: Vec<(Uuid, i64)> = lines
        .iter()
        .map(|l| (l.product_id, l.counted_milli))
        .collect();
    let ids: Vec<Uuid> = expected.iter().map(|(p, _)| *p).collect();
    // Asked for no product, `of_products` answers every product's cost: ask only with some.
    let cost = if ids.is_empty() {
        HashMap::new()
    } else {
        costs::of_products(&tx, &ids).await?
    };
    let at_ms = now_ms();
    let reason = format!("#{} {}", count.number, count.title);
    let moves: Vec<StockMove> = adjustments(&expected, &counted, |p| cost.get(&p).copied())
        .into_iter()
        .map(|a| StockMove {
            product_id: a.product_id,
            quantity_milli: a.quantity_milli,
            kind: MoveKind::Adjustment,
            reason: Some(reason.clone()),
            reference_id: Some(adjustment_reference(count_id, a.product_id)),
            at_ms,
            value_cents: a.value_cents,
        })
        .collect();
    for chunk in moves.chunks(500) {
        stock::append(&tx, chunk, Some(actor.user_id)).await?;
    }
    close(&tx, count, CountStatus::Validated, actor, at_ms).await?;
    let detail = format!("{} adjustments", moves.len());
    audit::commit(
        tx,
        actor,
        "stock.count.validate",
        &count_id.to_string(),
        &detail,
    )
    .await?;
    Ok((summary(&s.db, count_id).await?, moves))
}

/// Cancels an open count: its lines stay, as a record, and no stock moves.
///
/// Errors: `NotFound`; `Invalid` on `count` (`CountNotOpen`) when validated or cancelled.
pub async fn cancel(s: &Services, actor: &Viewer, count_id: Uuid) -> Result<CountSummary> {
    let tx = write_tx(&s.db).await?;
    let count = open_count(&tx, count_id).await?;
    close(&tx, count, CountStatus::Cancelled, actor, now_ms()).await?;
    audit::commit(tx, actor, "stock.count.cancel", &count_id.to_string(), "").await?;
    summary(&s.db, count_id).await
}

async fn close(
    db: &impl ConnectionTrait,
    count: counts::Model,
    status: CountStatus,
    actor: &Viewer,
    at_ms: i64,
) -> Result<()> {
    let mut row: counts::ActiveModel = count.into();
    row.status = Set(status.as_str().to_string());
    row.closed_by = Set(Some(actor.user_id));
    row.closed_at_ms = Set(Some(at_ms));
    row.update(db).await?;
    Ok(())
}
