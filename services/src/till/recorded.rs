//! Sales written straight into the ledger, as the till records them but without its checks
//! and audit: the demo coop's past weeks of sales (the demo ships with the server, so this
//! does too), and test and benchmark databases, through `services::bulk`, which re-exports them
//! beside its generators of large coops (those stay behind the `testing` feature).

use crate::db::write_tx;
use crate::error::Result;
use crate::settings;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Set};
use std::collections::HashMap;
use uuid::Uuid;

/// The most bound parameters one statement may have on SQLite.
const MAX_PARAMETERS: usize = 32_766;

/// Inserts `rows` in as few statements as SQLite's limit on bound parameters allows.
pub(crate) async fn insert_all<A, E>(db: &impl ConnectionTrait, rows: Vec<A>) -> Result<()>
where
    A: ActiveModelTrait<Entity = E> + Send,
    E: EntityTrait,
{
    // As many rows a multi-row INSERT as SQLite's parameters allow for the table's columns.
    let batch = (MAX_PARAMETERS / <E::Column as sea_orm::Iterable>::iter().count().max(1)).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(batch).collect();
        E::insert_many(chunk).exec_without_returning(db).await?;
    }
    Ok(())
}

/// One line of a sale written by [`sales`]: a product, its quantity in milli-units, and the
/// goods' amount with VAT (after discounts, no deposit) at a VAT rate in basis points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BulkLine {
    pub product_id: Uuid,
    pub quantity_milli: i64,
    pub goods_cents: i64,
    pub vat_bp: i32,
}

/// A sale written by [`sales`]: when it was rung up, and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkSale {
    pub sold_at_ms: i64,
    pub lines: Vec<BulkLine>,
}

/// Where [`sales`] rings sales up: an open drawer session of a till, its cashier and the
/// member who shops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkout {
    pub session_id: Uuid,
    pub till_id: Uuid,
    pub cashier_id: Uuid,
    pub member_id: Uuid,
}

/// Writes sales in one transaction, as the till would record them: each with the next receipt
/// number, its lines, its VAT lines (each rate's VAT taken once out of the rate's gross, the
/// receipt's rule), one cash payment of its total and a sale move per line. No check and no
/// audit: for test and benchmark databases.
pub async fn sales(db: &DatabaseConnection, at: Checkout, all: &[BulkSale]) -> Result<()> {
    if all.is_empty() {
        return Ok(());
    }
    let tx = write_tx(db).await?;
    sales_in(&tx, at, all).await?;
    tx.commit().await?;
    Ok(())
}

/// As [`sales`], in the caller's transaction (the demo's past days of sales).
pub async fn sales_in(tx: &impl ConnectionTrait, at: Checkout, all: &[BulkSale]) -> Result<()> {
    use crate::entities::{payments, products, sale_lines, sale_vat_lines, sales, stock_moves};
    use crate::till::sale::RECEIPT_NUMBER;
    use domain::money::{from_cents, to_cents};
    use domain::till::VatRate;
    use sea_orm::{ColumnTrait, QueryFilter};
    if all.is_empty() {
        return Ok(());
    }
    // The products' names, which the receipt prints.
    let ids: Vec<Uuid> = all
        .iter()
        .flat_map(|s| s.lines.iter().map(|l| l.product_id))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut names: HashMap<Uuid, String> = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(10_000) {
        for p in products::Entity::find()
            .filter(products::Column::Id.is_in(chunk.iter().copied()))
            .all(tx)
            .await?
        {
            names.insert(p.id, p.name);
        }
    }
    let first = settings::next(tx, RECEIPT_NUMBER).await?;
    settings::raise_to(tx, RECEIPT_NUMBER, first + all.len() as i64 - 1).await?;
    let (mut heads, mut lines, mut vats, mut pays, mut moves) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (n, sale) in all.iter().enumerate() {
        let id = Uuid::now_v7();
        let total: i64 = sale.lines.iter().map(|l| l.goods_cents).sum();
        heads.push(sales::ActiveModel {
            id: Set(id),
            receipt_number: Set(first + n as i64),
            session_id: Set(at.session_id),
            till_id: Set(at.till_id),
            cashier_id: Set(at.cashier_id),
            member_id: Set(at.member_id),
            sold_at_ms: Set(sale.sold_at_ms),
            recorded_at_ms: Set(sale.sold_at_ms),
            total_cents: Set(total),
            discount_cents: Set(0),
            cash_cents: Set(total),
            card_cents: Set(0),
            meal_voucher_cents: Set(0),
            change_cents: Set(0),
            rounding_cents: Set(0),
            override_id: Set(None),
            content_hash: Set(format!("bulk {id}")),
        });
        pays.push(payments::ActiveModel {
            id: Set(Uuid::now_v7()),
            sale_id: Set(id),
            tender: Set("cash".into()),
            amount_cents: Set(total),
        });
        let mut per_rate: std::collections::BTreeMap<i32, i64> = Default::default();
        for (no, l) in sale.lines.iter().enumerate() {
            let line_id = Uuid::now_v7();
            *per_rate.entry(l.vat_bp).or_default() += l.goods_cents;
            lines.push(sale_lines::ActiveModel {
                id: Set(line_id),
                sale_id: Set(id),
                line_no: Set(no as i32),
                product_id: Set(l.product_id),
                name: Set(names.get(&l.product_id).cloned().unwrap_or_default()),
                kind: Set("plain".into()),
                quantity_milli: Set(l.quantity_milli),
                unit_price_cents: Set(l.goods_cents * 1000 / l.quantity_milli.max(1)),
                label_price_cents: Set(None),
                discount_bp: Set(0),
                gross_cents: Set(l.goods_cents),
                discount_cents: Set(0),
                goods_cents: Set(l.goods_cents),
                deposit_cents: Set(0),
                total_cents: Set(l.goods_cents),
                vat_bp: Set(l.vat_bp),
                deposit_vat_bp: Set(0),
                meal_voucher: Set(false),
            });
            moves.push(stock_moves::ActiveModel {
                id: Set(Uuid::now_v7()),
                product_id: Set(l.product_id),
                quantity_milli: Set(-l.quantity_milli),
                kind: Set("sale".into()),
                reason: Set(None),
                reference_id: Set(Some(line_id)),
                at_ms: Set(sale.sold_at_ms),
                created_by: Set(Some(at.cashier_id)),
                value_cents: Set(None),
            });
        }
        for (bp, gross) in per_rate {
            let rate = VatRate(u32::try_from(bp).unwrap_or(0));
            let vat = to_cents(rate.vat_in(from_cents(gross))).unwrap_or(0);
            vats.push(sale_vat_lines::ActiveModel {
                sale_id: Set(id),
                vat_bp: Set(bp),
                gross_cents: Set(gross),
                net_cents: Set(gross - vat),
                vat_cents: Set(vat),
            });
        }
    }
    insert_all(tx, heads).await?;
    insert_all(tx, lines).await?;
    insert_all(tx, vats).await?;
    insert_all(tx, pays).await?;
    insert_all(tx, moves).await?;
    Ok(())
}
