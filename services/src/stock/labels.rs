//! Shelf labels to print: the chosen products, a category's, or the products whose price
//! changed (or that were added) since a day, each with what its label says
//! (`domain::stock::labels`). Read only; products on sale only, by name.

use crate::entities::products;
use crate::error::{Error, Result};
use crate::till::catalogue::with_barcodes;
use chrono::{NaiveDate, TimeZone};
use domain::stock::labels::{drawable, unit_price, ShelfLabel};
use domain::validation::Reason;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The most labels one sheet holds (and products one can pick): about forty A4 pages.
pub const MAX_LABELS: usize = 1_000;

/// Which products to print labels of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// These products.
    Products(Vec<Uuid>),
    /// Every product of this category.
    Category(Uuid),
    /// The products whose price changed, or that were added, on or after this day (in the
    /// coop's time zone).
    ChangedSince(NaiveDate),
}

/// The labels of the products picked, on sale, by name; at most [`MAX_LABELS`].
///
/// Errors: `Invalid` on `ids` (`TooMany`) for more than [`MAX_LABELS`] products.
pub async fn labels(db: &impl ConnectionTrait, pick: &Pick) -> Result<Vec<ShelfLabel>> {
    let filter = match pick {
        Pick::Products(ids) if ids.len() > MAX_LABELS => {
            return Err(Error::invalid("ids", Reason::TooMany { max: MAX_LABELS }));
        }
        Pick::Products(ids) if ids.is_empty() => return Ok(Vec::new()),
        Pick::Products(ids) => {
            Condition::all().add(products::Column::Id.is_in(ids.iter().copied()))
        }
        Pick::Category(id) => Condition::all().add(products::Column::CategoryId.eq(*id)),
        Pick::ChangedSince(day) => {
            let tz = crate::shifts::rules(db)
                .await?
                .time_zone()
                .map_err(|_| Error::invalid("rules", Reason::Malformed))?;
            let local = day.and_hms_opt(0, 0, 0).unwrap_or_default();
            let since = tz.from_local_datetime(&local).earliest().map_or_else(
                || local.and_utc().timestamp_millis(),
                |t| t.timestamp_millis(),
            );
            Condition::any()
                .add(products::Column::PriceChangedAtMs.gte(since))
                .add(products::Column::CreatedAtMs.gte(since))
        }
    };
    let rows = products::Entity::find()
        .filter(filter)
        .filter(products::Column::Active.eq(true))
        .order_by_asc(products::Column::SearchText)
        .order_by_asc(products::Column::Id)
        .limit(MAX_LABELS as u64)
        .all(db)
        .await?;
    let changed: HashMap<Uuid, Option<i64>> =
        rows.iter().map(|r| (r.id, r.price_changed_at_ms)).collect();
    Ok(with_barcodes(db, rows)
        .await?
        .into_iter()
        .map(|p| ShelfLabel {
            product_id: p.id,
            unit_price: unit_price(p.unit, p.price_cents, p.label.content),
            barcode: drawable(&p.barcodes),
            price_changed_at_ms: changed.get(&p.id).copied().flatten(),
            name: p.name,
            unit: p.unit,
            price_cents: p.price_cents,
            facts: p.label,
        })
        .collect())
}
