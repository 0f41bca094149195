//! The stock ledger: every change of stock is a move (sale, return, reception, inventory
//! adjustment, loss with a reason), so the quantity on hand is the sum of the moves and every
//! number can be explained. Sales and returns write their moves in their own transaction.

use crate::entities::{products, stock_moves};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, now_ms, Services};
use domain::member::NOTE_MAX;
use domain::stock::MAX_MOVE_MILLI;
pub use domain::stock::{MoveKind, ProductStock, StockMove};
use domain::validation::{required_text, Reason};
use domain::Viewer;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, Set, Statement,
};
use uuid::Uuid;

/// Writes moves, inside the caller's transaction.
pub(crate) async fn append(
    db: &impl ConnectionTrait,
    moves: &[StockMove],
    by: Option<Uuid>,
) -> Result<()> {
    if let Some(insert) = insert_moves(moves, by, db.get_database_backend()) {
        db.execute_raw(insert).await?;
    }
    Ok(())
}

/// The statement writing moves, for a caller that runs it with others; `None` for no moves.
pub(crate) fn insert_moves(
    moves: &[StockMove],
    by: Option<Uuid>,
    backend: DbBackend,
) -> Option<Statement> {
    if moves.is_empty() {
        return None;
    }
    let insert = stock_moves::Entity::insert_many(moves.iter().map(|m| stock_moves::ActiveModel {
        id: Set(Uuid::now_v7()),
        product_id: Set(m.product_id),
        quantity_milli: Set(m.quantity_milli),
        kind: Set(m.kind.as_str().to_string()),
        reason: Set(m.reason.clone()),
        reference_id: Set(m.reference_id),
        at_ms: Set(m.at_ms),
        created_by: Set(by),
        value_cents: Set(m.value_cents),
    }));
    Some(insert.build(backend))
}

/// Records a reception, an inventory adjustment or a loss by hand.
///
/// Errors: `NotFound` for an unknown product; `Invalid` on `quantity` when it is zero or beyond
/// [`MAX_MOVE_MILLI`] either way, on `kind` for sales and returns (their moves come with them),
/// on `reason` when a loss has none or it is too long.
pub async fn record(
    s: &Services,
    actor: &Viewer,
    product_id: Uuid,
    quantity_milli: i64,
    kind: MoveKind,
    reason: &str,
) -> Result<()> {
    if matches!(kind, MoveKind::Sale | MoveKind::Return) {
        return Err(Error::invalid("kind", Reason::Malformed));
    }
    if quantity_milli == 0 || quantity_milli.unsigned_abs() > MAX_MOVE_MILLI.unsigned_abs() {
        return Err(Error::invalid("quantity", Reason::BadQuantity));
    }
    let reason = reason.trim();
    if !reason.is_empty() {
        required_text("reason", reason, NOTE_MAX).map_err(Error::Invalid)?;
    }
    if kind == MoveKind::Loss && reason.is_empty() {
        return Err(Error::invalid("reason", Reason::Required));
    }
    let tx = write_tx(&s.db).await?;
    products::Entity::find_by_id(product_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let m = StockMove {
        reason: (!reason.is_empty()).then(|| reason.to_string()),
        ..StockMove::new(product_id, quantity_milli, kind, now_ms())
    };
    append(&tx, std::slice::from_ref(&m), Some(actor.user_id)).await?;
    let detail = format!("{} {quantity_milli} {reason}", kind.as_str());
    audit::commit(tx, actor, "stock.move", &product_id.to_string(), &detail).await?;
    Ok(())
}

/// The quantity on hand in milli-units: the sum of the product's moves.
pub async fn on_hand(db: &impl ConnectionTrait, product_id: Uuid) -> Result<i64> {
    let sum = stock_moves::Entity::find()
        .select_only()
        .column_as(
            Expr::cust("CAST(COALESCE(SUM(quantity_milli), 0) AS BIGINT)"),
            "on_hand",
        )
        .filter(stock_moves::Column::ProductId.eq(product_id))
        .into_tuple::<i64>()
        .one(db)
        .await?;
    Ok(sum.unwrap_or(0))
}

/// A product's quantity on hand and its `limit` latest moves, newest first.
///
/// Errors: `NotFound` for an unknown product.
pub async fn of_product(
    db: &impl ConnectionTrait,
    product_id: Uuid,
    limit: u64,
) -> Result<ProductStock> {
    products::Entity::find_by_id(product_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let recent = stock_moves::Entity::find()
        .filter(stock_moves::Column::ProductId.eq(product_id))
        .order_by_desc(stock_moves::Column::AtMs)
        .order_by_desc(stock_moves::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .filter_map(read_move)
        .collect();
    Ok(ProductStock {
        on_hand_milli: on_hand(db, product_id).await?,
        recent,
    })
}

fn read_move(m: stock_moves::Model) -> Option<StockMove> {
    Some(StockMove {
        product_id: m.product_id,
        quantity_milli: m.quantity_milli,
        kind: MoveKind::parse(&m.kind)?,
        reason: m.reason,
        reference_id: m.reference_id,
        at_ms: m.at_ms,
        value_cents: m.value_cents,
    })
}

/// A product's moves, oldest first: the reasons of its quantity on hand.
pub async fn moves(db: &impl ConnectionTrait, product_id: Uuid) -> Result<Vec<StockMove>> {
    Ok(stock_moves::Entity::find()
        .filter(stock_moves::Column::ProductId.eq(product_id))
        .order_by_asc(stock_moves::Column::AtMs)
        .order_by_asc(stock_moves::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(read_move)
        .collect())
}
