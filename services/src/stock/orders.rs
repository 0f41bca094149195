//! Purchase orders: the reorder suggestions of a supplier (one query over the sales of the
//! window, the stock on hand and on order of all its products), the draft made from them, its
//! lines edited, sent to the supplier by mail through the outbox, or cancelled. The rules are
//! `domain::stock::reorder`'s; receiving an order is [`super::receptions`].
//!
//! Each change locks the order's row (or, to make a draft, the supplier's) until it commits,
//! so two people doing the same thing at once get one result.

use crate::entities::{
    products, purchase_order_lines, purchase_orders, receptions, supplier_products, suppliers,
};
use crate::error::{Error, Result};
use crate::settings::{self, counter_sql};
use crate::{audit, db::write_tx, mail, now_ms, Services};
use domain::money::{format_eur, from_cents};
use domain::stock::purchase::{
    Order, OrderLine, OrderSummary, SuggestionLine, Suggestions, SupplierChoice,
};
use domain::stock::reorder::{self, Need, OrderAction, OrderState, MAX_DAYS, MAX_PACKS};
use domain::till::{from_milli, Unit};
use domain::validation::{is_valid_email, Reason};
use domain::{Language, Viewer};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, Statement,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The counter that numbers purchase orders.
pub const ORDER_COUNTER: &str = "purchase_order";
/// The most orders a list shows, newest first.
pub const LIST_LIMIT: u64 = 200;
const DAY_MS: i64 = 24 * 3600 * 1000;

/// The active suppliers, by name.
pub async fn suppliers(db: &impl ConnectionTrait) -> Result<Vec<SupplierChoice>> {
    Ok(suppliers::Entity::find()
        .filter(suppliers::Column::Active.eq(true))
        .order_by_asc(suppliers::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|s| SupplierChoice {
            id: s.id,
            name: s.name,
        })
        .collect())
}

/// Whether `days` may be a sales window (`min` 1) or a coverage (`min` 0).
fn check_days(field: &str, days: u32, min: u32) -> Result<()> {
    if (min..=MAX_DAYS).contains(&days) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            Reason::OutOfRange {
                min: i64::from(min),
                max: i64::from(MAX_DAYS),
            },
        ))
    }
}

/// What to order from a supplier: its products (those it is the preferred supplier of, or
/// that have no preferred supplier) with their net sales over the last `window_days`, their
/// stock on hand and on order (drafts included), and the whole packs that cover
/// `coverage_days` plus the supplier's lead time, topped up to its minimum order. Lines to
/// order come first, then by name.
///
/// Errors: `NotFound` for an unknown supplier; `Invalid` on `window_days` (1 to 730) or
/// `coverage_days` (0 to 730) out of range.
pub async fn suggest(
    db: &impl ConnectionTrait,
    supplier_id: Uuid,
    window_days: u32,
    coverage_days: u32,
) -> Result<Suggestions> {
    check_days("window_days", window_days, 1)?;
    check_days("coverage_days", coverage_days, 0)?;
    let supplier = suppliers::Entity::find_by_id(supplier_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    suggest_for(db, &supplier, window_days, coverage_days).await
}

async fn suggest_for(
    db: &impl ConnectionTrait,
    supplier: &suppliers::Model,
    window_days: u32,
    coverage_days: u32,
) -> Result<Suggestions> {
    let lead_days = u32::try_from(supplier.lead_days).unwrap_or(0).min(MAX_DAYS);
    let since = now_ms() - i64::from(window_days) * DAY_MS;
    let mut lines = suggestion_rows(db, supplier.id, since).await?;
    let needs: Vec<reorder::Line> = lines
        .iter()
        .map(|l| reorder::Line {
            need: Need {
                sold_milli: l.sold_milli,
                window_days,
                on_hand_milli: l.on_hand_milli,
                on_order_milli: l.on_order_milli,
                cover_days: coverage_days + lead_days,
                pack_milli: l.pack_milli,
            },
            pack_cost_cents: l.pack_cost_cents,
        })
        .collect();
    let suggested = reorder::suggest(&needs, supplier.min_order_cents);
    for (line, packs) in lines.iter_mut().zip(suggested.packs) {
        line.packs = packs;
    }
    // Stable: by name within each group, as the query sorted them.
    lines.sort_by_key(|l| l.packs == 0);
    Ok(Suggestions {
        supplier_id: supplier.id,
        supplier_name: supplier.name.clone(),
        window_days,
        coverage_days,
        lead_days,
        min_order_cents: supplier.min_order_cents,
        lines,
        total_cents: suggested.total_cents,
        below_minimum: suggested.below_minimum,
    })
}

/// Every product of the supplier with its sales since `since_ms`, on hand and on order, in one
/// statement: each figure is read from the indexes of one product (`stock_moves` by product,
/// kind and instant; order lines by product).
async fn suggestion_rows(
    db: &impl ConnectionTrait,
    supplier_id: Uuid,
    since_ms: i64,
) -> Result<Vec<SuggestionLine>> {
    let awaiting: Vec<String> = OrderState::ALL
        .into_iter()
        .filter(|s| s.awaits_goods())
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    let sql = format!(
        "SELECT sp.product_id AS product_id, p.name AS name, p.unit AS unit, sp.code AS code,
           sp.pack_milli AS pack_milli, sp.pack_cost_cents AS pack_cost_cents,
           CAST(COALESCE((SELECT SUM(-m.quantity_milli) FROM stock_moves m
             WHERE m.product_id = sp.product_id AND m.kind IN ('sale', 'return')
               AND m.at_ms >= ?), 0) AS BIGINT) AS sold_milli,
           CAST(COALESCE((SELECT SUM(m.quantity_milli) FROM stock_moves m
             WHERE m.product_id = sp.product_id), 0) AS BIGINT) AS on_hand_milli,
           CAST(COALESCE((SELECT SUM(CASE WHEN l.packs * l.pack_milli > l.received_milli
               THEN l.packs * l.pack_milli - l.received_milli ELSE 0 END)
             FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
             WHERE l.product_id = sp.product_id AND o.state IN ({})), 0) AS BIGINT)
             AS on_order_milli
         FROM supplier_products sp JOIN products p ON p.id = sp.product_id
         WHERE sp.supplier_id = ? AND p.active = ?
           AND (sp.preferred = ? OR NOT EXISTS (SELECT 1 FROM supplier_products q
             WHERE q.product_id = sp.product_id AND q.preferred = ?))
         ORDER BY p.name, sp.product_id",
        awaiting.join(", ")
    );
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            counter_sql(backend, &sql),
            [
                since_ms.into(),
                supplier_id.into(),
                true.into(),
                true.into(),
                true.into(),
            ],
        ))
        .await?;
    rows.into_iter()
        .map(|r| {
            let unit: String = r.try_get("", "unit")?;
            Ok(SuggestionLine {
                product_id: r.try_get("", "product_id")?,
                name: r.try_get("", "name")?,
                unit: Unit::parse(&unit).unwrap_or(Unit::Piece),
                code: r.try_get("", "code")?,
                pack_milli: r.try_get("", "pack_milli")?,
                pack_cost_cents: r.try_get("", "pack_cost_cents")?,
                sold_milli: r.try_get("", "sold_milli")?,
                on_hand_milli: r.try_get("", "on_hand_milli")?,
                on_order_milli: r.try_get("", "on_order_milli")?,
                packs: 0,
            })
        })
        .collect::<std::result::Result<_, sea_orm::DbErr>>()
        .map_err(Error::from)
}

/// Makes the draft order of a supplier's suggestions (the lines with packs to order) and
/// returns its id. The supplier's row stays locked until it commits, so two people making the
/// same draft at once make one: the second finds the first's lines on order.
///
/// Errors: as [`suggest`]; `Invalid` (`NothingToOrder`) when nothing needs
/// ordering.
pub async fn make_draft(
    s: &Services,
    actor: &Viewer,
    supplier_id: Uuid,
    window_days: u32,
    coverage_days: u32,
) -> Result<Uuid> {
    check_days("window_days", window_days, 1)?;
    check_days("coverage_days", coverage_days, 0)?;
    let tx = write_tx(&s.db).await?;
    let supplier = suppliers::Entity::find_by_id(supplier_id)
        .lock_exclusive()
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let suggestions = suggest_for(&tx, &supplier, window_days, coverage_days).await?;
    let lines: Vec<&SuggestionLine> = suggestions.lines.iter().filter(|l| l.packs > 0).collect();
    if lines.is_empty() {
        return Err(Error::invalid("", Reason::NothingToOrder));
    }
    let id = Uuid::now_v7();
    let number = settings::next(&tx, ORDER_COUNTER).await?;
    purchase_orders::ActiveModel {
        id: Set(id),
        number: Set(number),
        supplier_id: Set(supplier_id),
        state: Set(OrderState::Draft.as_str().into()),
        note: Set(String::new()),
        created_at_ms: Set(now_ms()),
        created_by: Set(actor.user_id),
        sent_at_ms: Set(None),
        sent_by: Set(None),
        received_at_ms: Set(None),
        cancelled_at_ms: Set(None),
        cancelled_by: Set(None),
    }
    .insert(&tx)
    .await?;
    purchase_order_lines::Entity::insert_many(lines.iter().map(|l| {
        purchase_order_lines::ActiveModel {
            id: Set(Uuid::now_v7()),
            order_id: Set(id),
            product_id: Set(l.product_id),
            supplier_code: Set(l.code.clone()),
            packs: Set(l.packs),
            pack_milli: Set(l.pack_milli),
            pack_cost_cents: Set(l.pack_cost_cents),
            received_milli: Set(0),
        }
    }))
    .exec_without_returning(&tx)
    .await?;
    let detail = format!("draft {number}: {} lines", lines.len());
    audit::commit(tx, actor, "stock.order_draft", &id.to_string(), &detail).await?;
    Ok(id)
}

/// The order's row, locked until the transaction ends, if `action` is allowed in its state.
///
/// Errors: `NotFound`; `Invalid` (`OrderStateForbids`) when its state forbids it.
pub(crate) async fn order_for(
    db: &impl ConnectionTrait,
    id: Uuid,
    action: OrderAction,
) -> Result<(purchase_orders::Model, OrderState)> {
    let order = purchase_orders::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let state = OrderState::parse(&order.state).ok_or(Error::NotFound)?;
    let next = state.after(action).ok_or_else(|| {
        Error::invalid(
            "",
            Reason::OrderStateForbids {
                state: order.state.clone(),
            },
        )
    })?;
    Ok((order, next))
}

/// Sets the packs of a product on a draft order: adds the line (at the supplier's pack of the
/// day), changes it, or removes it with 0 packs.
///
/// Errors: `NotFound` for an unknown order; `Invalid` on `packs` (0 to 100,000); `Invalid`
/// (`OrderStateForbids`) when it is no longer a draft, (`NotSupplied`) for a product the
/// supplier does not sell.
pub async fn set_line(
    s: &Services,
    actor: &Viewer,
    order_id: Uuid,
    product_id: Uuid,
    packs: i64,
) -> Result<()> {
    if !(0..=MAX_PACKS).contains(&packs) {
        return Err(Error::invalid(
            "packs",
            Reason::OutOfRange {
                min: 0,
                max: MAX_PACKS,
            },
        ));
    }
    let tx = write_tx(&s.db).await?;
    let (order, _) = order_for(&tx, order_id, OrderAction::Edit).await?;
    let offer = supplier_products::Entity::find_by_id((order.supplier_id, product_id))
        .one(&tx)
        .await?
        .ok_or_else(|| Error::invalid("", Reason::NotSupplied))?;
    let line = purchase_order_lines::Entity::find()
        .filter(purchase_order_lines::Column::OrderId.eq(order_id))
        .filter(purchase_order_lines::Column::ProductId.eq(product_id))
        .one(&tx)
        .await?;
    match (line, packs) {
        (None, 0) => {}
        (Some(line), 0) => {
            purchase_order_lines::Entity::delete_by_id(line.id)
                .exec(&tx)
                .await?;
        }
        (Some(line), packs) => {
            let mut line: purchase_order_lines::ActiveModel = line.into();
            line.packs = Set(packs);
            line.update(&tx).await?;
        }
        (None, packs) => {
            purchase_order_lines::ActiveModel {
                id: Set(Uuid::now_v7()),
                order_id: Set(order_id),
                product_id: Set(product_id),
                supplier_code: Set(offer.code),
                packs: Set(packs),
                pack_milli: Set(offer.pack_milli),
                pack_cost_cents: Set(offer.pack_cost_cents),
                received_milli: Set(0),
            }
            .insert(&tx)
            .await?;
        }
    }
    let detail = format!("{product_id}: {packs} packs");
    audit::commit(
        tx,
        actor,
        "stock.order_line",
        &order_id.to_string(),
        &detail,
    )
    .await?;
    Ok(())
}

/// Sends a draft order to the supplier: a mail to its order email, queued in the outbox in the
/// same transaction, with the order as text in `lang`. The order is then `sent`.
///
/// Errors: `NotFound`; `Invalid`: `OrderStateForbids` when it is not a draft,
/// `NothingToOrder` for an order without lines, `NoOrderEmail` when the supplier has no valid
/// order email.
pub async fn send(s: &Services, actor: &Viewer, order_id: Uuid, lang: Language) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    let (row, next) = order_for(&tx, order_id, OrderAction::Send).await?;
    let order = order(&tx, order_id).await?;
    if order.lines.is_empty() {
        return Err(Error::invalid("", Reason::NothingToOrder));
    }
    let to = order.order_email.trim().to_lowercase();
    if !is_valid_email(&to) {
        return Err(Error::invalid("", Reason::NoOrderEmail));
    }
    let coop = settings::coop_name(&tx).await?;
    let subject = i18n::t_args(
        lang,
        "mail-order-subject",
        &[("coop", coop.clone()), ("number", order.number.to_string())],
    );
    mail::queue(&tx, &to, &subject, &order_text(lang, &coop, &order)).await?;
    let mut row: purchase_orders::ActiveModel = row.into();
    row.state = Set(next.as_str().into());
    row.sent_at_ms = Set(Some(now_ms()));
    row.sent_by = Set(Some(actor.user_id));
    row.update(&tx).await?;
    audit::commit(tx, actor, "stock.order_sent", &order_id.to_string(), &to).await?;
    mail::deliver_soon(s);
    Ok(())
}

/// Cancels a draft or sent order.
///
/// Errors: `NotFound`; `Invalid` (`OrderStateForbids`) once it is (partly) received or
/// cancelled.
pub async fn cancel(s: &Services, actor: &Viewer, order_id: Uuid) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    let (row, next) = order_for(&tx, order_id, OrderAction::Cancel).await?;
    let was = row.state.clone();
    let mut row: purchase_orders::ActiveModel = row.into();
    row.state = Set(next.as_str().into());
    row.cancelled_at_ms = Set(Some(now_ms()));
    row.cancelled_by = Set(Some(actor.user_id));
    row.update(&tx).await?;
    audit::commit(
        tx,
        actor,
        "stock.order_cancelled",
        &order_id.to_string(),
        &was,
    )
    .await?;
    Ok(())
}

/// The latest orders (at most [`LIST_LIMIT`]), newest first, in `state` or all.
pub async fn list(
    db: &impl ConnectionTrait,
    state: Option<OrderState>,
) -> Result<Vec<OrderSummary>> {
    let mut q = purchase_orders::Entity::find()
        .order_by_desc(purchase_orders::Column::CreatedAtMs)
        .order_by_desc(purchase_orders::Column::Number)
        .limit(LIST_LIMIT);
    if let Some(state) = state {
        q = q.filter(purchase_orders::Column::State.eq(state.as_str()));
    }
    let orders = q.all(db).await?;
    let lines = purchase_order_lines::Entity::find()
        .filter(purchase_order_lines::Column::OrderId.is_in(orders.iter().map(|o| o.id)))
        .all(db)
        .await?;
    let mut totals: HashMap<Uuid, (u64, i64)> = HashMap::new();
    for l in lines {
        let t = totals.entry(l.order_id).or_default();
        t.0 += 1;
        t.1 =
            t.1.saturating_add(l.packs.saturating_mul(l.pack_cost_cents));
    }
    let names = supplier_names(db).await?;
    Ok(orders
        .into_iter()
        .filter_map(|o| {
            let (lines, total_cents) = totals.get(&o.id).copied().unwrap_or_default();
            Some(OrderSummary {
                id: o.id,
                number: o.number,
                supplier_name: names.get(&o.supplier_id).cloned().unwrap_or_default(),
                state: OrderState::parse(&o.state)?,
                lines,
                total_cents,
                created_at_ms: o.created_at_ms,
            })
        })
        .collect())
}

async fn supplier_names(db: &impl ConnectionTrait) -> Result<HashMap<Uuid, String>> {
    Ok(suppliers::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect())
}

/// An order with its lines (by product name) and its reception in progress.
///
/// Errors: `NotFound`.
pub async fn order(db: &impl ConnectionTrait, id: Uuid) -> Result<Order> {
    let o = purchase_orders::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let supplier = suppliers::Entity::find_by_id(o.supplier_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let rows = purchase_order_lines::Entity::find()
        .filter(purchase_order_lines::Column::OrderId.eq(id))
        .all(db)
        .await?;
    let products = product_names(db, rows.iter().map(|l| l.product_id)).await?;
    let mut lines: Vec<OrderLine> = rows
        .into_iter()
        .map(|l| {
            let (name, unit) = products
                .get(&l.product_id)
                .cloned()
                .unwrap_or_else(|| (String::new(), Unit::Piece));
            OrderLine {
                product_id: l.product_id,
                name,
                unit,
                code: l.supplier_code,
                packs: l.packs,
                pack_milli: l.pack_milli,
                pack_cost_cents: l.pack_cost_cents,
                received_milli: l.received_milli,
            }
        })
        .collect();
    lines.sort_by(|a, b| a.name.cmp(&b.name).then(a.product_id.cmp(&b.product_id)));
    let open_reception = receptions::Entity::find()
        .filter(receptions::Column::OrderId.eq(id))
        .filter(receptions::Column::State.eq(super::receptions::OPEN))
        .one(db)
        .await?
        .map(|r| r.id);
    Ok(Order {
        id,
        number: o.number,
        supplier_id: o.supplier_id,
        supplier_name: supplier.name,
        order_email: supplier.order_email,
        min_order_cents: supplier.min_order_cents,
        state: OrderState::parse(&o.state).ok_or(Error::NotFound)?,
        note: o.note,
        created_at_ms: o.created_at_ms,
        sent_at_ms: o.sent_at_ms,
        received_at_ms: o.received_at_ms,
        total_cents: lines
            .iter()
            .map(OrderLine::total_cents)
            .fold(0, i64::saturating_add),
        lines,
        open_reception,
    })
}

/// The name and unit of each product.
pub(crate) async fn product_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, (String, Unit)>> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(products::Entity::find()
        .filter(products::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| {
            let unit = Unit::parse(&p.unit).unwrap_or(Unit::Piece);
            (p.id, (p.name, unit))
        })
        .collect())
}

/// An order as plain text, for the supplier's mail: one line a product with the supplier's
/// code, the packs and their size, the pack cost and the line's total, then the total.
pub fn order_text(lang: Language, coop: &str, order: &Order) -> String {
    let money = |c: i64| format_eur(from_cents(c), lang);
    let t = |id: &str| i18n::t(lang, id);
    let mut out = vec![
        i18n::t_args(
            lang,
            "mail-order-intro",
            &[
                ("coop", coop.to_string()),
                ("number", order.number.to_string()),
                ("supplier", order.supplier_name.clone()),
            ],
        ),
        String::new(),
    ];
    for l in &order.lines {
        let pack = i18n::t_args(
            lang,
            &format!("quantity-{}", l.unit.as_str()),
            &[("n", from_milli(l.pack_milli).normalize().to_string())],
        );
        out.push(format!(
            "{}  {}  {} × {}  {}  {}",
            if l.code.is_empty() { "-" } else { &l.code },
            l.name,
            l.packs,
            pack,
            money(l.pack_cost_cents),
            money(l.total_cents())
        ));
    }
    out.push(String::new());
    out.push(format!(
        "{}: {}",
        t("order-total"),
        money(order.total_cents)
    ));
    if !order.note.is_empty() {
        out.push(String::new());
        out.push(order.note.clone());
    }
    out.join("\n")
}
