//! The coop's pricing: its margin and the step prices are rounded to (settings), the margins
//! of categories and products (a supplier's is on its record), the products on sale whose price
//! differs from the one their cost computes (`domain::stock::pricing`), and applying computed
//! prices in bulk. Applying goes through the catalogue's own product write, so each new price
//! keeps the previous one with when it changed and at which catalogue version, and takes a new
//! catalogue version the tills fetch with their next changes.

use super::costs;
use crate::entities::{categories, products, suppliers};
use crate::error::{Error, Result};
use crate::till::catalogue::{
    categories as category_list, with_barcodes, write, Before, CATALOGUE_VERSION,
};
use crate::{audit, db::write_tx, settings, Services};
use domain::stock::cost::PackCost;
use domain::stock::pricing::{
    optional_margin, sale_price_cents, CategoryMargin, Margins, PriceDifference, PriceDifferences,
    PricingForm, PricingSettings, DEFAULT_MARGIN_BP, DEFAULT_STEP_CENTS, STEPS_CENTS,
};
use domain::till::{ProductForm, Unit, VatRate};
use domain::validation::Errors;
use domain::Viewer;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The setting of the coop's margin, in basis points.
pub const MARGIN_BP: &str = "pricing_margin_bp";
/// The setting of the step sale prices are rounded to, in cents.
pub const STEP_CENTS: &str = "pricing_step_cents";

/// The coop's margin and rounding step (the defaults when not set).
pub async fn pricing_settings(db: &impl ConnectionTrait) -> Result<PricingSettings> {
    let margin_bp = settings::get(db, MARGIN_BP)
        .await?
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_MARGIN_BP);
    let step_cents = settings::get(db, STEP_CENTS)
        .await?
        .and_then(|v| v.parse().ok())
        .filter(|s| STEPS_CENTS.contains(s))
        .unwrap_or(DEFAULT_STEP_CENTS);
    Ok(PricingSettings {
        margin_bp,
        step_cents,
    })
}

/// Sets the coop's margin and rounding step. Errors: `Invalid` as `PricingForm::validate`.
pub async fn set_pricing_settings(
    s: &Services,
    actor: &Viewer,
    form: &PricingForm,
) -> Result<PricingSettings> {
    let v = form.validate().map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    settings::set(&tx, MARGIN_BP, &v.margin_bp.to_string()).await?;
    settings::set(&tx, STEP_CENTS, &v.step_cents.to_string()).await?;
    let detail = format!("margin {} bp, step {} cents", v.margin_bp, v.step_cents);
    audit::commit(tx, actor, "stock.pricing.settings", "", &detail).await?;
    Ok(v)
}

/// Every category with its own margin, by name.
pub async fn category_margins(db: &impl ConnectionTrait) -> Result<Vec<CategoryMargin>> {
    let margins: HashMap<Uuid, Option<i32>> = categories::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.margin_bp))
        .collect();
    Ok(category_list(db)
        .await?
        .into_iter()
        .map(|c| CategoryMargin {
            margin_bp: margins.get(&c.id).copied().flatten(),
            id: c.id,
            name: c.name,
        })
        .collect())
}

/// A margin typed in `field`, empty for none. Errors: `Invalid` on `field`.
fn typed_margin(field: &str, typed: &str) -> Result<Option<i32>> {
    let mut e = Errors::default();
    let margin = optional_margin(&mut e, field, typed);
    e.finish(margin).map_err(Error::Invalid)
}

/// Sets a category's margin as typed in percent; empty for none (the coop's applies).
///
/// Errors: `NotFound`; `Invalid` on `margin`.
pub async fn set_category_margin(
    s: &Services,
    actor: &Viewer,
    id: Uuid,
    margin: &str,
) -> Result<Option<i32>> {
    let margin_bp = typed_margin("margin", margin)?;
    let tx = write_tx(&s.db).await?;
    let row = categories::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let mut row: categories::ActiveModel = row.into();
    row.margin_bp = Set(margin_bp);
    row.update(&tx).await?;
    let detail = format!("margin {margin_bp:?} bp");
    audit::commit(
        tx,
        actor,
        "stock.pricing.category",
        &id.to_string(),
        &detail,
    )
    .await?;
    Ok(margin_bp)
}

/// Sets a product's own margin as typed in percent; empty for none (its supplier's or
/// category's applies). The product's price stays as it is until a computed price is applied.
///
/// Errors: `NotFound`; `Invalid` on `margin`.
pub async fn set_product_margin(
    s: &Services,
    actor: &Viewer,
    id: Uuid,
    margin: &str,
) -> Result<Option<i32>> {
    let margin_bp = typed_margin("margin", margin)?;
    let tx = write_tx(&s.db).await?;
    let changed = products::Entity::update_many()
        .col_expr(products::Column::MarginBp, Expr::value(margin_bp))
        .filter(products::Column::Id.eq(id))
        .exec(&tx)
        .await?;
    if changed.rows_affected == 0 {
        return Err(Error::NotFound);
    }
    let detail = format!("margin {margin_bp:?} bp");
    audit::commit(tx, actor, "stock.pricing.product", &id.to_string(), &detail).await?;
    Ok(margin_bp)
}

/// What the pricing needs of a product on sale.
struct Priced {
    row: products::Model,
    cost: PackCost,
    supplier: String,
    margins: Margins,
}

impl Priced {
    fn difference(&self, step_cents: i64) -> Option<PriceDifference> {
        let (margin_bp, margin_source) = self.margins.applying();
        let vat_rate = VatRate(u32::try_from(self.row.vat_bp).unwrap_or(0));
        let computed = sale_price_cents(self.cost, margin_bp, vat_rate, step_cents);
        (computed != self.row.price_cents).then(|| PriceDifference {
            product_id: self.row.id,
            name: self.row.name.clone(),
            unit: Unit::parse(&self.row.unit).unwrap_or(Unit::Piece),
            price_cents: self.row.price_cents,
            computed_cents: computed,
            unit_cost_cents: self.cost.value_cents(1_000),
            margin_bp,
            margin_source,
            vat_rate,
            supplier: self.supplier.clone(),
        })
    }
}

/// The products on sale that have a cost (`only`, when given, among them), with their margins.
async fn priced(
    db: &impl ConnectionTrait,
    coop_margin_bp: i32,
    only: Option<&[Uuid]>,
) -> Result<Vec<Priced>> {
    let sources = costs::sources(db, only.unwrap_or(&[])).await?;
    if sources.is_empty() {
        return Ok(vec![]);
    }
    let suppliers: HashMap<Uuid, suppliers::Model> = suppliers::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let category_margins: HashMap<Uuid, Option<i32>> = categories::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.margin_bp))
        .collect();
    let ids: Vec<Uuid> = sources.keys().copied().collect();
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        for row in products::Entity::find()
            .filter(products::Column::Id.is_in(chunk.to_vec()))
            .filter(products::Column::Active.eq(true))
            .all(db)
            .await?
        {
            let (supplier_id, cost) = sources[&row.id];
            let supplier = suppliers.get(&supplier_id);
            let margins = Margins {
                product: row.margin_bp,
                supplier: supplier.and_then(|s| s.margin_bp),
                category: row
                    .category_id
                    .and_then(|c| category_margins.get(&c).copied().flatten()),
                coop: coop_margin_bp,
            };
            out.push(Priced {
                supplier: supplier.map(|s| s.name.clone()).unwrap_or_default(),
                row,
                cost,
                margins,
            });
        }
    }
    out.sort_by(|a, b| (&a.row.search_text, a.row.id).cmp(&(&b.row.search_text, b.row.id)));
    Ok(out)
}

/// The most products one page of differences holds.
pub const PAGE_MAX: u64 = 200;

/// The products on sale whose price differs from the one their preferred supplier's cost, the
/// margin that applies and their VAT rate compute, by name: at most `limit` (capped at
/// [`PAGE_MAX`]) from `offset`, with how many differ in all and the coop's settings.
pub async fn differences(
    db: &impl ConnectionTrait,
    limit: u64,
    offset: u64,
) -> Result<PriceDifferences> {
    let coop = pricing_settings(db).await?;
    let all: Vec<PriceDifference> = priced(db, coop.margin_bp, None)
        .await?
        .iter()
        .filter_map(|p| p.difference(coop.step_cents))
        .collect();
    let total = all.len() as u64;
    let products = all
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit.clamp(1, PAGE_MAX)).unwrap_or(1))
        .collect();
    Ok(PriceDifferences {
        products,
        total,
        settings: coop,
    })
}

/// Which products' computed prices to apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    /// Every product whose price differs.
    All,
    /// These products, those of them whose price differs.
    Products(Vec<Uuid>),
}

/// Applies the computed prices of the chosen products whose price differs from it, in one
/// transaction: each new price through the catalogue's product write (the previous price, when
/// it changed, at which catalogue version), each product at a catalogue version of its own so
/// the tills fetch it with their next changes, and the audit log. A product whose price already
/// is the computed one (someone applied it meanwhile), or that is unknown, is left alone.
/// Returns how many prices changed.
///
/// Errors: `Invalid` when a product's record no longer passes the product form's rules.
pub async fn apply(s: &Services, actor: &Viewer, chosen: &Chosen) -> Result<u64> {
    let tx = write_tx(&s.db).await?;
    let coop = pricing_settings(&tx).await?;
    let only: Option<Vec<Uuid>> = match chosen {
        Chosen::All => None,
        Chosen::Products(ids) => {
            let unique: HashSet<Uuid> = ids.iter().copied().collect();
            if unique.is_empty() {
                return Ok(0);
            }
            Some(unique.into_iter().collect())
        }
    };
    let ids: Vec<Uuid> = priced(&tx, coop.margin_bp, only.as_deref())
        .await?
        .iter()
        .map(|p| p.row.id)
        .collect();
    if ids.is_empty() {
        return Ok(0);
    }
    // Read again once locked, so two people applying at once change each price once.
    super::suppliers::lock_products(&tx, &ids).await?;
    let changes: Vec<(products::Model, PriceDifference)> = priced(&tx, coop.margin_bp, Some(&ids))
        .await?
        .into_iter()
        .filter_map(|p| p.difference(coop.step_cents).map(|d| (p.row, d)))
        .collect();
    let Some(count) = i64::try_from(changes.len()).ok().filter(|n| *n > 0) else {
        return Ok(0);
    };
    let category_names: HashMap<Uuid, String> = category_list(&tx)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let first = settings::next(&tx, CATALOGUE_VERSION).await?;
    settings::raise_to(&tx, CATALOGUE_VERSION, first + count - 1).await?;
    for (version, (row, change)) in (first..).zip(changes) {
        let before = Before {
            created_at_ms: row.created_at_ms,
            price_cents: row.price_cents,
        };
        let category = row
            .category_id
            .and_then(|c| category_names.get(&c).cloned());
        let product = with_barcodes(&tx, vec![row]).await?.remove(0);
        let mut valid = ProductForm::of(&product, category.as_deref())
            .validate()
            .map_err(Error::Invalid)?;
        valid.price_cents = change.computed_cents;
        write(&tx, product.id, &valid, version, Some(before)).await?;
        let detail = format!(
            "{}: {} -> {} cents (cost {} cents, margin {} bp from {})",
            product.name,
            change.price_cents,
            change.computed_cents,
            change.unit_cost_cents,
            change.margin_bp,
            change.margin_source.as_str()
        );
        audit::record(
            &tx,
            Some(actor.user_id),
            "stock.pricing.apply",
            &product.id.to_string(),
            &detail,
        )
        .await?;
    }
    let detail = format!("{count} prices");
    audit::commit(tx, actor, "stock.pricing.apply_all", "", &detail).await?;
    Ok(count as u64)
}
