//! The demo coop's suppliers and purchase orders: Biogarden (dairy, eggs, organic bananas) and
//! Vajra (dry goods), each with its codes, packs and pack costs; the reception five weeks ago
//! and four weeks of sales of their products, rung up at the first till in one closed drawer
//! session a day, so the reorder suggestions and the sales and VAT reports have something to
//! say; and one order sent to Biogarden, waiting for its delivery. Loaded once, behind its own
//! marker, after the shop.

use super::{demo_viewer, ACCOUNTS};
use crate::entities::{drawer_sessions, members, products, supplier_products, suppliers, tills};
use crate::error::{Error, Result};
use crate::stock::orders;
use crate::till::recorded::{self, BulkLine, BulkSale, Checkout};
use crate::till::stock;
use crate::{db::write_tx, now_ms, settings, Services};
use domain::stock::{MoveKind, StockMove};
use domain::till::Count;
use domain::Language;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

const ORDERS_LOADED: &str = "demo_orders_loaded";
const DAY_MS: i64 = 24 * 3600 * 1000;

/// (product name, supplier's code, pack in milli-units, pack cost in cents, sold a day in
/// milli-units, received five weeks ago in milli-units)
type Offer = (&'static str, &'static str, i64, i64, i64, i64);

/// (name, order email, minimum order in cents, lead time in days, offers)
type Supplier = (&'static str, &'static str, i64, i32, &'static [Offer]);

const SUPPLIERS: [Supplier; 2] = [
    (
        "Biogarden",
        "commandes@biogarden.example",
        15_000,
        2,
        &[
            (
                "Lait demi-écrémé 1 l",
                "BG-LAIT1",
                12_000,
                1_020,
                6_000,
                200_000,
            ),
            ("Yaourt nature 500 g", "BG-YAO5", 6_000, 660, 3_000, 90_000),
            (
                "Beurre doux 250 g",
                "BG-BEU25",
                10_000,
                1_900,
                2_000,
                60_000,
            ),
            ("Œufs bio x6", "BG-OEUF6", 10_000, 2_200, 4_000, 120_000),
            ("Bananes bio", "BG-BAN", 18_000, 2_520, 3_000, 100_000),
            ("Mozzarella bio 125 g", "BG-MOZ", 8_000, 880, 1_000, 40_000),
        ],
    ),
    (
        "Vajra",
        "orders@vajra.example",
        8_000,
        3,
        &[
            (
                "Pâtes complètes 500 g",
                "VJ-1040",
                12_000,
                1_260,
                2_000,
                60_000,
            ),
            ("Riz basmati 1 kg", "VJ-1041", 10_000, 2_150, 1_000, 30_000),
            (
                "Lentilles corail 500 g",
                "VJ-1042",
                12_000,
                1_740,
                1_000,
                20_000,
            ),
            ("Café moulu 250 g", "VJ-1046", 6_000, 1_860, 1_000, 40_000),
            ("Huile d'olive 75 cl", "VJ-1044", 6_000, 3_300, 0, 12_000),
        ],
    ),
];

pub(super) async fn load_orders(s: &Services) -> Result<bool> {
    if settings::get(&s.db, ORDERS_LOADED).await?.is_some() {
        return Ok(false);
    }
    let started = now_ms();
    let till = tills::Entity::find()
        .order_by_asc(tills::Column::Name)
        .one(&s.db)
        .await?
        .ok_or(Error::NotFound)?;
    let cashier = demo_viewer(s, ACCOUNTS[3].0).await?.user_id;
    let shoppers: Vec<Uuid> = members::Entity::find()
        .order_by_asc(members::Column::Id)
        .limit(12)
        .all(&s.db)
        .await?
        .into_iter()
        .map(|m| m.id)
        .collect();
    let tx = write_tx(&s.db).await?;
    let now = now_ms();
    let mut biogarden = None;
    let mut daily = Vec::new();
    for (name, email, min_order_cents, lead_days, offers) in SUPPLIERS {
        let id = supplier(&tx, name, email, min_order_cents, lead_days).await?;
        biogarden = biogarden.or(Some(id));
        let mut moves = Vec::new();
        for (product, code, pack_milli, pack_cost_cents, daily_milli, received_milli) in offers {
            let Some(product_id) = product_id(&tx, product).await? else {
                continue;
            };
            offer(&tx, id, product_id, code, *pack_milli, *pack_cost_cents).await?;
            moves.push(StockMove {
                value_cents: domain::stock::cost::PackCost::new(*pack_milli, *pack_cost_cents)
                    .map(|c| c.value_cents(*received_milli)),
                ..StockMove::new(
                    product_id,
                    *received_milli,
                    MoveKind::Reception,
                    now - 35 * DAY_MS,
                )
            });
            if *daily_milli > 0 {
                daily.push((product_id, *daily_milli));
            }
        }
        stock::append(&tx, &moves, None).await?;
    }
    let at = Checkout {
        session_id: Uuid::nil(),
        till_id: till.id,
        cashier_id: cashier,
        member_id: Uuid::nil(),
    };
    past_sales(&tx, at, &shoppers, &daily, now).await?;
    settings::set(&tx, ORDERS_LOADED, "1").await?;
    tx.commit().await?;
    // Biogarden's order from its suggestions, sent.
    let stock_manager = demo_viewer(s, ACCOUNTS[4].0).await?;
    if let Some(biogarden) = biogarden {
        let id = orders::make_draft(s, &stock_manager, biogarden, 28, 14).await?;
        orders::send(s, &stock_manager, id, Language::Fr).await?;
    }
    tracing::info!(ms = now_ms() - started, "demo suppliers and orders loaded");
    Ok(true)
}

/// Four weeks of sales at the till of `at`, a day apart and all within the reorder
/// suggestions' default window: each day a drawer session opened with 100 € three and a half
/// hours before the time of day of `now` and closed, its cash counted right, two and a half
/// hours later; four baskets in it, by `shoppers` in turn, which together hold each product of
/// `daily` in its quantity, at its catalogue price.
async fn past_sales(
    tx: &impl ConnectionTrait,
    at: Checkout,
    shoppers: &[Uuid],
    daily: &[(Uuid, i64)],
    now: i64,
) -> Result<()> {
    const FLOAT_CENTS: i64 = 10_000;
    const BASKETS: usize = 4;
    if daily.is_empty() || shoppers.is_empty() {
        return Ok(());
    }
    let prices: HashMap<Uuid, (i64, i32)> = products::Entity::find()
        .filter(products::Column::Id.is_in(daily.iter().map(|(id, _)| *id)))
        .all(tx)
        .await?
        .into_iter()
        .map(|p| (p.id, (p.price_cents, p.vat_bp)))
        .collect();
    const HOUR_MS: i64 = 3_600_000;
    for day in 0..28_i64 {
        let opened = now - day * DAY_MS - 7 * HOUR_MS / 2;
        let mut baskets: Vec<BulkSale> = (0..BASKETS as i64)
            .map(|k| BulkSale {
                sold_at_ms: opened + HOUR_MS / 2 + k * HOUR_MS / 2,
                lines: Vec::new(),
            })
            .collect();
        for (n, (product_id, quantity_milli)) in daily.iter().enumerate() {
            let Some((price_cents, vat_bp)) = prices.get(product_id) else {
                continue;
            };
            baskets[n % BASKETS].lines.push(BulkLine {
                product_id: *product_id,
                quantity_milli: *quantity_milli,
                // The price is per piece, kilogram or litre; half a cent up.
                goods_cents: (price_cents * quantity_milli + 500).div_euclid(1000),
                vat_bp: *vat_bp,
            });
        }
        baskets.retain(|b| !b.lines.is_empty());
        let takings: i64 = baskets
            .iter()
            .flat_map(|b| b.lines.iter().map(|l| l.goods_cents))
            .sum();
        let session_id = Uuid::now_v7();
        let counted = FLOAT_CENTS + takings;
        drawer_sessions::ActiveModel {
            id: Set(session_id),
            till_id: Set(at.till_id),
            opened_by: Set(at.cashier_id),
            opened_at_ms: Set(opened),
            float_cents: Set(FLOAT_CENTS),
            float_json: Set(counts_json(FLOAT_CENTS)?),
            closed_by: Set(Some(at.cashier_id)),
            closed_at_ms: Set(Some(opened + 5 * HOUR_MS / 2)),
            counted_cents: Set(Some(counted)),
            counted_json: Set(Some(counts_json(counted)?)),
            expected_cents: Set(Some(counted)),
            device_hash: Set(None),
        }
        .insert(tx)
        .await?;
        for (k, basket) in baskets.into_iter().enumerate() {
            let member_id = shoppers[(day as usize * BASKETS + k) % shoppers.len()];
            let at = Checkout {
                session_id,
                member_id,
                ..at
            };
            recorded::sales_in(tx, at, &[basket]).await?;
        }
    }
    Ok(())
}

/// A drawer count of `cents` in the fewest notes and coins, as the JSON a session keeps.
fn counts_json(mut cents: i64) -> Result<String> {
    let mut counts = Vec::new();
    for denomination_cents in [5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1] {
        let count = cents / denomination_cents;
        if count > 0 {
            counts.push(Count {
                denomination_cents,
                count,
            });
            cents -= count * denomination_cents;
        }
    }
    serde_json::to_string(&counts).map_err(|e| Error::Db(DbErr::Custom(e.to_string())))
}

/// The supplier of this name, made if missing (another part of the demo may have made it).
async fn supplier(
    db: &impl ConnectionTrait,
    name: &str,
    email: &str,
    min_order_cents: i64,
    lead_days: i32,
) -> Result<Uuid> {
    if let Some(found) = suppliers::Entity::find()
        .filter(suppliers::Column::Name.eq(name))
        .one(db)
        .await?
    {
        return Ok(found.id);
    }
    let id = Uuid::now_v7();
    let now = now_ms();
    suppliers::ActiveModel {
        id: Set(id),
        name: Set(name.into()),
        contact: Set(String::new()),
        order_email: Set(email.into()),
        min_order_cents: Set(min_order_cents),
        lead_days: Set(lead_days),
        margin_bp: Set(None),
        active: Set(true),
        created_at_ms: Set(now),
        updated_at_ms: Set(now),
    }
    .insert(db)
    .await?;
    Ok(id)
}

async fn product_id(db: &impl ConnectionTrait, name: &str) -> Result<Option<Uuid>> {
    Ok(products::Entity::find()
        .filter(products::Column::Name.eq(name))
        .one(db)
        .await?
        .map(|p| p.id))
}

/// The supplier's offer of a product, unless it has one; preferred when the product has no
/// preferred supplier yet.
async fn offer(
    db: &impl ConnectionTrait,
    supplier_id: Uuid,
    product_id: Uuid,
    code: &str,
    pack_milli: i64,
    pack_cost_cents: i64,
) -> Result<()> {
    if supplier_products::Entity::find_by_id((supplier_id, product_id))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let preferred = supplier_products::Entity::find()
        .filter(supplier_products::Column::ProductId.eq(product_id))
        .filter(supplier_products::Column::Preferred.eq(true))
        .one(db)
        .await?
        .is_none();
    supplier_products::ActiveModel {
        supplier_id: Set(supplier_id),
        product_id: Set(product_id),
        code: Set(code.into()),
        pack_milli: Set(pack_milli),
        pack_cost_cents: Set(pack_cost_cents),
        preferred: Set(preferred),
        updated_at_ms: Set(now_ms()),
    }
    .insert(db)
    .await?;
    Ok(())
}
