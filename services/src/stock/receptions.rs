//! Receptions: the goods of a delivery, scanned line by line on a phone, compared with the
//! order, then validated at once.
//!
//! A line is set, never added to: each product has one line per reception (a unique index),
//! and sending a line again (the phone locked, the network lost, the button pressed twice)
//! replaces it with the same quantity, so a reception resumes where it stopped without losing
//! or doubling anything. Validating writes, in one transaction, a reception move per line
//! (valued at cost, its `reference_id` the line's id), the supplier's new pack costs, the
//! order's received quantities and its state, and what the reception expected of each product
//! of the order (so it reads the same after later receptions of that order). The reception's
//! row is locked first and its state checked under the lock, so a second validation, at once
//! or later, writes nothing.

use super::costs;
use super::orders::{order_for, product_names};
use crate::db::execute_all;
use crate::entities::{
    purchase_order_lines, purchase_orders, reception_expected, reception_lines, receptions,
    supplier_products, suppliers,
};
use crate::error::{Error, Result};
use crate::till::{catalogue, stock};
use crate::{audit, db::write_tx, now_ms, Services};
use domain::stock::cost::PackCost;
use domain::stock::purchase::{Reception, ReceptionLine, MAX_PACK_COST_CENTS};
use domain::stock::reorder::OrderAction;
use domain::stock::{MoveKind, StockMove, MAX_MOVE_MILLI};
use domain::till::Unit;
use domain::validation::Reason;
use domain::Viewer;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

/// A reception being scanned.
pub const OPEN: &str = "open";
/// A reception whose moves are written.
pub const VALIDATED: &str = "validated";

/// Starts the reception of a sent (or partly received) order, or resumes the one in progress:
/// one open reception per order, so two phones starting at once share it. Returns its id.
///
/// Errors: `NotFound`; `Invalid` (`OrderStateForbids`) when it is a draft, received or
/// cancelled.
pub async fn start(s: &Services, actor: &Viewer, order_id: Uuid) -> Result<Uuid> {
    let tx = write_tx(&s.db).await?;
    let (order, _) = order_for(&tx, order_id, OrderAction::Receive).await?;
    if let Some(open) = receptions::Entity::find()
        .filter(receptions::Column::OrderId.eq(order_id))
        .filter(receptions::Column::State.eq(OPEN))
        .one(&tx)
        .await?
    {
        return Ok(open.id);
    }
    let id = insert(&tx, actor, Some(order_id), order.supplier_id).await?;
    let detail = format!("order {}", order.number);
    audit::commit(
        tx,
        actor,
        "stock.reception_started",
        &id.to_string(),
        &detail,
    )
    .await?;
    Ok(id)
}

/// Starts a reception without order, from a supplier. Returns its id.
///
/// Errors: `NotFound` for an unknown supplier.
pub async fn start_free(s: &Services, actor: &Viewer, supplier_id: Uuid) -> Result<Uuid> {
    let tx = write_tx(&s.db).await?;
    let supplier = suppliers::Entity::find_by_id(supplier_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let id = insert(&tx, actor, None, supplier_id).await?;
    audit::commit(
        tx,
        actor,
        "stock.reception_started",
        &id.to_string(),
        &supplier.name,
    )
    .await?;
    Ok(id)
}

async fn insert(
    db: &impl ConnectionTrait,
    actor: &Viewer,
    order_id: Option<Uuid>,
    supplier_id: Uuid,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    receptions::ActiveModel {
        id: Set(id),
        order_id: Set(order_id),
        supplier_id: Set(supplier_id),
        state: Set(OPEN.into()),
        started_at_ms: Set(now_ms()),
        started_by: Set(actor.user_id),
        validated_at_ms: Set(None),
        validated_by: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// The product of a reception line: scanned (or typed) barcode, or picked from a search.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    Code(&'a str),
    Product(Uuid),
}

/// Sets what came in of a product: its line gets `quantity_milli` (0 takes it away) and, when
/// the delivery's pack cost differs from the supplier's, that cost. Sent again, it changes
/// nothing more. A product not on the order is taken, and flagged.
///
/// Errors: `NotFound` for an unknown reception or product; as `catalogue::lookup` for a code;
/// `Invalid` (`ReceptionValidated`) once validated, on `quantity` past
/// [`MAX_MOVE_MILLI`] or below zero, on `pack_cost` (`NotSupplied`) for a cost of a product the
/// supplier does not sell.
pub async fn set_line(
    s: &Services,
    actor: &Viewer,
    reception_id: Uuid,
    item: Item<'_>,
    quantity_milli: i64,
    pack_cost_cents: Option<i64>,
) -> Result<()> {
    if !(0..=MAX_MOVE_MILLI).contains(&quantity_milli) {
        return Err(Error::invalid("quantity", Reason::BadQuantity));
    }
    if pack_cost_cents.is_some_and(|c| !(0..=MAX_PACK_COST_CENTS).contains(&c)) {
        return Err(Error::invalid("pack_cost", Reason::BadAmount));
    }
    let product_id = match item {
        Item::Code(code) => {
            catalogue::lookup(&s.db, code)
                .await?
                .product
                .ok_or(Error::UnknownBarcode)?
                .id
        }
        Item::Product(id) => id,
    };
    let tx = write_tx(&s.db).await?;
    let reception = open_reception(&tx, reception_id).await?;
    crate::entities::products::Entity::find_by_id(product_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    if quantity_milli == 0 {
        reception_lines::Entity::delete_many()
            .filter(reception_lines::Column::ReceptionId.eq(reception_id))
            .filter(reception_lines::Column::ProductId.eq(product_id))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        return Ok(());
    }
    let offer = supplier_products::Entity::find_by_id((reception.supplier_id, product_id))
        .one(&tx)
        .await?;
    let pack_cost_cents = match (pack_cost_cents, &offer) {
        (None, _) => None,
        (Some(_), None) => return Err(Error::invalid("pack_cost", Reason::NotSupplied)),
        (Some(c), Some(o)) => (c != o.pack_cost_cents).then_some(c),
    };
    let off_order = match reception.order_id {
        Some(order_id) => purchase_order_lines::Entity::find()
            .filter(purchase_order_lines::Column::OrderId.eq(order_id))
            .filter(purchase_order_lines::Column::ProductId.eq(product_id))
            .one(&tx)
            .await?
            .is_none(),
        None => false,
    };
    reception_lines::Entity::insert(reception_lines::ActiveModel {
        id: Set(Uuid::now_v7()),
        reception_id: Set(reception_id),
        product_id: Set(product_id),
        quantity_milli: Set(quantity_milli),
        pack_cost_cents: Set(pack_cost_cents),
        off_order: Set(off_order),
        updated_at_ms: Set(now_ms()),
        updated_by: Set(actor.user_id),
    })
    .on_conflict(
        OnConflict::columns([
            reception_lines::Column::ReceptionId,
            reception_lines::Column::ProductId,
        ])
        .update_columns([
            reception_lines::Column::QuantityMilli,
            reception_lines::Column::PackCostCents,
            reception_lines::Column::OffOrder,
            reception_lines::Column::UpdatedAtMs,
            reception_lines::Column::UpdatedBy,
        ])
        .to_owned(),
    )
    .exec_without_returning(&tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The reception's row, locked until the transaction ends, while it is open.
///
/// Errors: `NotFound`; `Invalid` (`ReceptionValidated`) once validated.
async fn open_reception(db: &impl ConnectionTrait, id: Uuid) -> Result<receptions::Model> {
    let reception = receptions::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    if reception.state != OPEN {
        return Err(Error::invalid("", Reason::ReceptionValidated));
    }
    Ok(reception)
}

/// A reception with its lines: those received, newest first, then the order's lines not
/// received yet, each with what the order still expects.
///
/// Errors: `NotFound`.
pub async fn reception(db: &impl ConnectionTrait, id: Uuid) -> Result<Reception> {
    let r = receptions::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let supplier = suppliers::Entity::find_by_id(r.supplier_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let received = reception_lines::Entity::find()
        .filter(reception_lines::Column::ReceptionId.eq(id))
        .order_by_desc(reception_lines::Column::UpdatedAtMs)
        .order_by_desc(reception_lines::Column::Id)
        .all(db)
        .await?;
    let (order_number, ordered) = match r.order_id {
        Some(order_id) => {
            let order = purchase_orders::Entity::find_by_id(order_id)
                .one(db)
                .await?
                .ok_or(Error::NotFound)?;
            let lines = purchase_order_lines::Entity::find()
                .filter(purchase_order_lines::Column::OrderId.eq(order_id))
                .all(db)
                .await?;
            (Some(order.number), lines)
        }
        None => (None, vec![]),
    };
    // What the order still expects: before this reception's validation, ordered less
    // received; after it, what it expected then, as kept at validation.
    let validated = r.state == VALIDATED;
    let mine: HashMap<Uuid, i64> = received
        .iter()
        .map(|l| (l.product_id, l.quantity_milli))
        .collect();
    let expected: HashMap<Uuid, i64> = if validated {
        reception_expected::Entity::find()
            .filter(reception_expected::Column::ReceptionId.eq(id))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.product_id, e.expected_milli))
            .collect()
    } else {
        still_expected(&ordered)
    };
    let names = product_names(
        db,
        received
            .iter()
            .map(|l| l.product_id)
            .chain(ordered.iter().map(|l| l.product_id)),
    )
    .await?;
    let named = |id: &Uuid| {
        names
            .get(id)
            .cloned()
            .unwrap_or_else(|| (String::new(), Unit::Piece))
    };
    let mut lines: Vec<ReceptionLine> = received
        .iter()
        .map(|l| {
            let (name, unit) = named(&l.product_id);
            ReceptionLine {
                product_id: l.product_id,
                name,
                unit,
                received_milli: Some(l.quantity_milli),
                expected_milli: expected.get(&l.product_id).copied(),
                pack_cost_cents: l.pack_cost_cents,
            }
        })
        .collect();
    let mut missing: Vec<ReceptionLine> = ordered
        .iter()
        .filter(|l| !mine.contains_key(&l.product_id))
        .filter(|l| expected.get(&l.product_id).is_some_and(|e| *e > 0))
        .map(|l| {
            let (name, unit) = named(&l.product_id);
            ReceptionLine {
                product_id: l.product_id,
                name,
                unit,
                received_milli: None,
                expected_milli: expected.get(&l.product_id).copied(),
                pack_cost_cents: None,
            }
        })
        .collect();
    missing.sort_by(|a, b| a.name.cmp(&b.name));
    lines.extend(missing);
    Ok(Reception {
        id,
        order_id: r.order_id,
        order_number,
        supplier_id: r.supplier_id,
        supplier_name: supplier.name,
        validated,
        started_at_ms: r.started_at_ms,
        validated_at_ms: r.validated_at_ms,
        lines,
    })
}

/// Validates a reception, in one transaction: a reception move for each line, valued at the
/// line's pack cost (else the supplier's, else the order's, else the product's cost), the
/// supplier's pack cost where the delivery's differs, the order's received quantities and its
/// state (partly received, or received once every line has come in full). Goods that came for
/// an order cancelled meanwhile still enter the stock; the order stays cancelled.
///
/// Errors: `NotFound`; `Invalid`: `ReceptionValidated` when it was validated already
/// (by another person at the same moment too), `NothingReceived` for a reception without
/// lines. Nothing is written then.
pub async fn validate(s: &Services, actor: &Viewer, reception_id: Uuid) -> Result<()> {
    use sea_orm::sea_query::ExprTrait as _;
    let tx = write_tx(&s.db).await?;
    let reception = open_reception(&tx, reception_id).await?;
    let lines = reception_lines::Entity::find()
        .filter(reception_lines::Column::ReceptionId.eq(reception_id))
        .all(&tx)
        .await?;
    if lines.is_empty() {
        return Err(Error::invalid("", Reason::NothingReceived));
    }
    let products: Vec<Uuid> = lines.iter().map(|l| l.product_id).collect();
    let offers: HashMap<Uuid, supplier_products::Model> = supplier_products::Entity::find()
        .filter(supplier_products::Column::SupplierId.eq(reception.supplier_id))
        .filter(supplier_products::Column::ProductId.is_in(products.iter().copied()))
        .all(&tx)
        .await?
        .into_iter()
        .map(|o| (o.product_id, o))
        .collect();
    let order = match reception.order_id {
        Some(id) => Some(
            purchase_orders::Entity::find_by_id(id)
                .lock_exclusive()
                .one(&tx)
                .await?
                .ok_or(Error::NotFound)?,
        ),
        None => None,
    };
    let ordered: HashMap<Uuid, purchase_order_lines::Model> = match &order {
        Some(o) => purchase_order_lines::Entity::find()
            .filter(purchase_order_lines::Column::OrderId.eq(o.id))
            .all(&tx)
            .await?
            .into_iter()
            .map(|l| (l.product_id, l))
            .collect(),
        None => HashMap::new(),
    };
    let fallback = costs::of_products(&tx, &products).await?;
    let now = now_ms();
    let backend = tx.get_database_backend();
    let mut moves = Vec::with_capacity(lines.len());
    let mut statements = Vec::new();
    for l in &lines {
        let offer = offers.get(&l.product_id);
        let cost = match (l.pack_cost_cents, offer, ordered.get(&l.product_id)) {
            (Some(c), Some(o), _) => PackCost::new(o.pack_milli, c),
            (None, Some(o), _) => PackCost::new(o.pack_milli, o.pack_cost_cents),
            (_, None, Some(ol)) => PackCost::new(ol.pack_milli, ol.pack_cost_cents),
            (_, None, None) => fallback.get(&l.product_id).copied(),
        };
        moves.push(StockMove {
            reference_id: Some(l.id),
            value_cents: cost.map(|c| c.value_cents(l.quantity_milli)),
            ..StockMove::new(l.product_id, l.quantity_milli, MoveKind::Reception, now)
        });
        if let (Some(c), Some(o)) = (l.pack_cost_cents, offer) {
            if c != o.pack_cost_cents {
                statements.push(
                    supplier_products::Entity::update_many()
                        .col_expr(supplier_products::Column::PackCostCents, Expr::value(c))
                        .col_expr(supplier_products::Column::UpdatedAtMs, Expr::value(now))
                        .filter(supplier_products::Column::SupplierId.eq(o.supplier_id))
                        .filter(supplier_products::Column::ProductId.eq(o.product_id))
                        .build(backend),
                );
            }
        }
    }
    if !ordered.is_empty() {
        let ordered_lines: Vec<purchase_order_lines::Model> = ordered.values().cloned().collect();
        let rows = still_expected(&ordered_lines)
            .into_iter()
            .map(|(product_id, e)| reception_expected::ActiveModel {
                reception_id: Set(reception_id),
                product_id: Set(product_id),
                expected_milli: Set(e),
            });
        statements.push(reception_expected::Entity::insert_many(rows).build(backend));
    }
    if let Some(o) = &order {
        let mine: HashMap<Uuid, i64> = lines
            .iter()
            .map(|l| (l.product_id, l.quantity_milli))
            .collect();
        let complete = ordered.values().all(|ol| {
            let received = ol.received_milli + mine.get(&ol.product_id).copied().unwrap_or(0);
            received >= ol.packs.saturating_mul(ol.pack_milli)
        });
        let state = domain::stock::reorder::OrderState::parse(&o.state);
        // An order cancelled (or received) meanwhile keeps its state and quantities.
        if let Some(next) = state.and_then(|s| s.after(OrderAction::Received { complete })) {
            for ol in ordered.values() {
                if let Some(q) = mine.get(&ol.product_id) {
                    statements.push(
                        purchase_order_lines::Entity::update_many()
                            .col_expr(
                                purchase_order_lines::Column::ReceivedMilli,
                                Expr::col(purchase_order_lines::Column::ReceivedMilli).add(*q),
                            )
                            .filter(purchase_order_lines::Column::Id.eq(ol.id))
                            .build(backend),
                    );
                }
            }
            let mut update = purchase_orders::Entity::update_many()
                .col_expr(purchase_orders::Column::State, Expr::value(next.as_str()))
                .filter(purchase_orders::Column::Id.eq(o.id));
            if complete {
                update = update.col_expr(purchase_orders::Column::ReceivedAtMs, Expr::value(now));
            }
            statements.push(update.build(backend));
        }
    }
    statements.push(
        receptions::Entity::update_many()
            .col_expr(receptions::Column::State, Expr::value(VALIDATED))
            .col_expr(receptions::Column::ValidatedAtMs, Expr::value(now))
            .col_expr(receptions::Column::ValidatedBy, Expr::value(actor.user_id))
            .filter(receptions::Column::Id.eq(reception_id))
            .filter(receptions::Column::State.eq(OPEN))
            .build(backend),
    );
    stock::append(&tx, &moves, Some(actor.user_id)).await?;
    execute_all(&tx, statements).await?;
    let detail = format!(
        "{} lines{}",
        lines.len(),
        order
            .as_ref()
            .map(|o| format!(", order {}", o.number))
            .unwrap_or_default()
    );
    audit::commit(
        tx,
        actor,
        "stock.reception_validated",
        &reception_id.to_string(),
        &detail,
    )
    .await?;
    Ok(())
}

/// What an order's lines still expect: ordered less received, never below zero.
fn still_expected(ordered: &[purchase_order_lines::Model]) -> HashMap<Uuid, i64> {
    ordered
        .iter()
        .map(|l| {
            (
                l.product_id,
                (l.packs.saturating_mul(l.pack_milli) - l.received_milli).max(0),
            )
        })
        .collect()
}

/// The open receptions (at most 50), oldest first: what was left half-scanned.
pub async fn open_receptions(db: &impl ConnectionTrait) -> Result<Vec<Reception>> {
    let ids: Vec<Uuid> = receptions::Entity::find()
        .filter(receptions::Column::State.eq(OPEN))
        .order_by_asc(receptions::Column::StartedAtMs)
        .limit(50)
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(reception(db, id).await?);
    }
    Ok(out)
}
