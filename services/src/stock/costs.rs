//! Each product's cost price: its preferred supplier's pack, else the supplier whose price
//! changed last. A product without supplier has no cost, and its stock no value at cost.

use crate::entities::supplier_products;
use crate::error::Result;
use domain::stock::cost::PackCost;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

/// The cost of each of `products` that has a supplier. Asked for no product, it answers every
/// product's (for reports over the whole catalogue).
pub async fn of_products(
    db: &impl ConnectionTrait,
    products: &[Uuid],
) -> Result<HashMap<Uuid, PackCost>> {
    Ok(sources(db, products)
        .await?
        .into_iter()
        .map(|(product, (_, cost))| (product, cost))
        .collect())
}

/// The cost of each of `products` that has a supplier (every product's when asked for none),
/// with the supplier whose pack it is.
pub async fn sources(
    db: &impl ConnectionTrait,
    products: &[Uuid],
) -> Result<HashMap<Uuid, (Uuid, PackCost)>> {
    let mut query = supplier_products::Entity::find()
        .order_by_asc(supplier_products::Column::ProductId)
        .order_by_desc(supplier_products::Column::Preferred)
        .order_by_desc(supplier_products::Column::UpdatedAtMs);
    if !products.is_empty() {
        query = query.filter(supplier_products::Column::ProductId.is_in(products.iter().copied()));
    }
    let mut costs = HashMap::new();
    for row in query.all(db).await? {
        if let Some(cost) = PackCost::new(row.pack_milli, row.pack_cost_cents) {
            // Rows come preferred first, then newest first: the first one wins.
            costs
                .entry(row.product_id)
                .or_insert((row.supplier_id, cost));
        }
    }
    Ok(costs)
}
