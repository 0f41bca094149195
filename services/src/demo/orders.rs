//! The demo coop's suppliers and purchase orders: Biogarden (dairy, eggs, organic bananas) and
//! Vajra (dry goods), each with its codes, packs and pack costs; four weeks of sales and the
//! reception before them for their products, so the reorder suggestions have something to
//! say; and one order sent to Biogarden, waiting for its delivery. Loaded once, behind its own
//! marker, after the shop.

use super::{demo_viewer, ACCOUNTS};
use crate::entities::{products, supplier_products, suppliers};
use crate::error::Result;
use crate::stock::orders;
use crate::till::stock;
use crate::{db::write_tx, now_ms, settings, Services};
use domain::stock::{MoveKind, StockMove};
use domain::Language;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
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
    let tx = write_tx(&s.db).await?;
    let now = now_ms();
    let mut biogarden = None;
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
                for day in 0..28 {
                    moves.push(StockMove::new(
                        product_id,
                        -daily_milli,
                        MoveKind::Sale,
                        now - day * DAY_MS - 3_600_000,
                    ));
                }
            }
        }
        stock::append(&tx, &moves, None).await?;
    }
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
