//! The catalogue: categories, products with their barcodes, the VAT rates (data, not code)
//! and the barcode nomenclature. Every change of a product takes the next catalogue version
//! (a counter bumped inside its transaction, so versions follow commit order), and a till
//! keeps its copy current by asking for what changed since the version it has.

use crate::entities::{barcode_rules, categories, product_barcodes, products, vat_rates};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, now_ms, settings, Services};
use domain::search::fold;
use domain::stock::labels::{ContentUnit, LabelFacts, NetContent};
pub use domain::till::catalogue::{
    CatalogueChanges, CatalogueLists, CatalogueProduct, Category, CategoryCount, Lookup,
    ProductPage, ProductState,
};
use domain::till::{
    parse_scan, BarcodeRule, Field, Nomenclature, ProductForm, RuleKind, Unit, ValidProduct,
    VatRate,
};
use domain::validation::{FieldError, Reason};
use domain::Viewer;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The counter of catalogue versions.
pub const CATALOGUE_VERSION: &str = "catalogue_version";

/// The most products one page of changes holds.
pub const PAGE_MAX: u64 = 2_000;

pub(crate) fn to_product(row: products::Model, barcodes: Vec<String>) -> CatalogueProduct {
    CatalogueProduct {
        id: row.id,
        name: row.name,
        category_id: row.category_id,
        unit: Unit::parse(&row.unit).unwrap_or(Unit::Piece),
        price_cents: row.price_cents,
        vat_rate: VatRate(u32::try_from(row.vat_bp).unwrap_or(0)),
        deposit_cents: row.deposit_cents,
        deposit_vat_rate: VatRate(u32::try_from(row.deposit_vat_bp).unwrap_or(0)),
        meal_voucher: row.meal_voucher,
        active: row.active,
        barcodes,
        label: LabelFacts {
            content: row
                .content_unit
                .as_deref()
                .and_then(ContentUnit::parse)
                .zip(row.content_milli)
                .and_then(|(unit, milli)| NetContent::new(milli, unit)),
            origin: row.origin,
            organic: row.organic,
            local: row.local,
        },
        version: row.version,
        updated_at_ms: row.updated_at_ms,
    }
}

/// Products with their barcodes, in the order given.
pub(crate) async fn with_barcodes(
    db: &impl ConnectionTrait,
    rows: Vec<products::Model>,
) -> Result<Vec<CatalogueProduct>> {
    let ids: Vec<Uuid> = rows.iter().map(|p| p.id).collect();
    let mut codes: HashMap<Uuid, Vec<String>> = HashMap::new();
    for chunk in ids.chunks(500) {
        for b in product_barcodes::Entity::find()
            .filter(product_barcodes::Column::ProductId.is_in(chunk.to_vec()))
            .order_by_asc(product_barcodes::Column::Barcode)
            .all(db)
            .await?
        {
            codes.entry(b.product_id).or_default().push(b.barcode);
        }
    }
    Ok(rows
        .into_iter()
        .map(|p| {
            let barcodes = codes.remove(&p.id).unwrap_or_default();
            to_product(p, barcodes)
        })
        .collect())
}

/// One product with its barcodes. Errors: `NotFound`.
pub async fn product(db: &impl ConnectionTrait, id: Uuid) -> Result<CatalogueProduct> {
    let row = products::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(with_barcodes(db, vec![row]).await?.remove(0))
}

pub async fn categories(db: &impl ConnectionTrait) -> Result<Vec<Category>> {
    Ok(categories::Entity::find()
        .order_by_asc(categories::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|c| Category {
            id: c.id,
            name: c.name,
        })
        .collect())
}

/// Every category with the number of products in it, by name.
pub async fn category_counts(db: &impl ConnectionTrait) -> Result<Vec<CategoryCount>> {
    let counts: HashMap<Uuid, i64> = products::Entity::find()
        .select_only()
        .column(products::Column::CategoryId)
        .column_as(Expr::cust("CAST(COUNT(*) AS BIGINT)"), "n")
        .filter(products::Column::CategoryId.is_not_null())
        .group_by(products::Column::CategoryId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(categories(db)
        .await?
        .into_iter()
        .map(|category| CategoryCount {
            products: counts
                .get(&category.id)
                .map_or(0, |n| u64::try_from(*n).unwrap_or(0)),
            category,
        })
        .collect())
}

/// The categories, VAT rates and nomenclature the stock manager's forms choose from.
pub async fn lists(db: &impl ConnectionTrait) -> Result<CatalogueLists> {
    Ok(CatalogueLists {
        categories: categories(db).await?,
        vat_rates: vat_rates(db).await?,
        nomenclature: nomenclature(db).await?.rules().cloned().collect(),
    })
}

/// The most products one page of a search holds.
pub const SEARCH_PAGE_MAX: u64 = 200;

/// Finds products by name, ignoring case and accents (every word of `query` must be in the
/// name), or by one of their barcodes typed or scanned whole; in `category` if given, on
/// sale or not as `state` says. Sorted by name; at most `limit` (capped at
/// [`SEARCH_PAGE_MAX`]) from `offset`, with the number of matches.
pub async fn search(
    db: &impl ConnectionTrait,
    query: &str,
    category: Option<Uuid>,
    state: ProductState,
    limit: u64,
    offset: u64,
) -> Result<ProductPage> {
    let code = query.trim();
    let mut found = Condition::any().add(crate::db::words_in(products::Column::SearchText, query));
    if !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()) {
        found = found.add(
            products::Column::Id.in_subquery(
                Query::select()
                    .column(product_barcodes::Column::ProductId)
                    .from(product_barcodes::Entity)
                    .and_where(product_barcodes::Column::Barcode.eq(code))
                    .to_owned(),
            ),
        );
    }
    let mut cond = Condition::all().add(found);
    if let Some(c) = category {
        cond = cond.add(products::Column::CategoryId.eq(c));
    }
    match state {
        ProductState::Active => cond = cond.add(products::Column::Active.eq(true)),
        ProductState::Inactive => cond = cond.add(products::Column::Active.eq(false)),
        ProductState::All => {}
    }
    let q = products::Entity::find().filter(cond);
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_asc(products::Column::SearchText)
        .order_by_asc(products::Column::Id)
        .limit(limit.clamp(1, SEARCH_PAGE_MAX))
        .offset(offset)
        .all(db)
        .await?;
    Ok(ProductPage {
        products: with_barcodes(db, rows).await?,
        total,
    })
}

/// The category of this name, created if the catalogue has none yet.
async fn category_named(db: &impl ConnectionTrait, name: &str) -> Result<Uuid> {
    if let Some(c) = categories::Entity::find()
        .filter(categories::Column::Name.eq(name))
        .one(db)
        .await?
    {
        return Ok(c.id);
    }
    let id = Uuid::now_v7();
    categories::ActiveModel {
        id: Set(id),
        name: Set(name.to_string()),
        created_at_ms: Set(now_ms()),
        margin_bp: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// A category name as typed, checked. Errors: `Invalid` on `name` when empty or too long.
fn category_name(name: &str) -> Result<String> {
    let mut e = domain::validation::Errors::default();
    let name = e.text("name", name, domain::till::catalogue::CATEGORY_MAX);
    e.finish(name).map_err(Error::Invalid)
}

/// The category called `name`, if there is one.
async fn category_called(db: &impl ConnectionTrait, name: &str) -> Result<Option<Uuid>> {
    Ok(categories::Entity::find()
        .filter(categories::Column::Name.eq(name))
        .one(db)
        .await?
        .map(|c| c.id))
}

/// Adds a category. Errors: `Invalid` on `name` when empty, too long or already used.
pub async fn create_category(s: &Services, actor: &Viewer, name: &str) -> Result<Category> {
    let name = category_name(name)?;
    let tx = write_tx(&s.db).await?;
    if category_called(&tx, &name).await?.is_some() {
        return Err(Error::invalid("name", Reason::AlreadyTaken));
    }
    let id = category_named(&tx, &name).await?;
    audit::commit(tx, actor, "catalogue.category", &id.to_string(), &name).await?;
    Ok(Category { id, name })
}

/// Renames a category; its products stay in it, and tills get the new name with their next
/// changes (they take the categories whole every time).
///
/// Errors: `NotFound`; `Invalid` on `name` when empty, too long or another category's.
pub async fn rename_category(
    s: &Services,
    actor: &Viewer,
    id: Uuid,
    name: &str,
) -> Result<Category> {
    let name = category_name(name)?;
    let tx = write_tx(&s.db).await?;
    let category = categories::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    if category_called(&tx, &name)
        .await?
        .is_some_and(|other| other != id)
    {
        return Err(Error::invalid("name", Reason::AlreadyTaken));
    }
    let detail = format!("{} -> {name}", category.name);
    let mut row: categories::ActiveModel = category.into();
    row.name = Set(name.clone());
    row.update(&tx).await?;
    audit::commit(
        tx,
        actor,
        "catalogue.category.rename",
        &id.to_string(),
        &detail,
    )
    .await?;
    Ok(Category { id, name })
}

/// The coop's VAT rates that products may use.
pub async fn vat_rates(db: &impl ConnectionTrait) -> Result<Vec<VatRate>> {
    Ok(vat_rates::Entity::find()
        .filter(vat_rates::Column::Active.eq(true))
        .order_by_asc(vat_rates::Column::BasisPoints)
        .all(db)
        .await?
        .into_iter()
        .map(|r| VatRate(u32::try_from(r.basis_points).unwrap_or(0)))
        .collect())
}

/// What the catalogue already holds that a new or changed product must not clash with: the
/// coop's VAT rates and every barcode with its product.
pub(crate) struct Taken {
    rates: HashSet<VatRate>,
    barcodes: HashMap<String, Uuid>,
}

impl Taken {
    pub(crate) async fn load(db: &impl ConnectionTrait) -> Result<Self> {
        let barcodes = product_barcodes::Entity::find()
            .select_only()
            .column(product_barcodes::Column::Barcode)
            .column(product_barcodes::Column::ProductId)
            .into_tuple::<(String, Uuid)>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        Ok(Taken {
            rates: vat_rates(db).await?.into_iter().collect(),
            barcodes,
        })
    }

    /// The product that has this barcode, if one has.
    pub(crate) fn owner(&self, barcode: &str) -> Option<Uuid> {
        self.barcodes.get(barcode).copied()
    }

    /// The rules `p` breaks against the catalogue, as product `id`.
    pub(crate) fn conflicts(&self, id: Uuid, p: &ValidProduct) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !self.rates.contains(&p.vat_rate) {
            errors.push(FieldError::new("vat_percent", Reason::UnknownVatRate));
        }
        if p.barcodes
            .iter()
            .any(|b| self.barcodes.get(b).is_some_and(|owner| *owner != id))
        {
            errors.push(FieldError::new("barcodes", Reason::AlreadyTaken));
        }
        errors
    }
}

/// A product as it was before an update: when it was created, and its price.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Before {
    pub created_at_ms: i64,
    pub price_cents: i64,
}

/// Writes a checked product as `id` at catalogue `version`, replacing its barcodes: a new one
/// when `before` is `None`, else an update of the existing one. A new price keeps the old one
/// with when it changed and at which version, for the sales rung up before a till fetched it
/// (see `sale`). Inside the caller's transaction.
pub(crate) async fn write(
    db: &impl ConnectionTrait,
    id: Uuid,
    p: &ValidProduct,
    version: i64,
    before: Option<Before>,
) -> Result<()> {
    let category_id = match &p.category {
        Some(name) => Some(category_named(db, name).await?),
        None => None,
    };
    let now = now_ms();
    let mut model = products::ActiveModel {
        id: Set(id),
        name: Set(p.name.clone()),
        category_id: Set(category_id),
        unit: Set(p.unit.as_str().to_string()),
        price_cents: Set(p.price_cents),
        vat_bp: Set(i32::try_from(p.vat_rate.0).unwrap_or(i32::MAX)),
        deposit_cents: Set(p.deposit_cents),
        deposit_vat_bp: Set(0),
        meal_voucher: Set(p.meal_voucher),
        active: Set(p.active),
        search_text: Set(fold(&p.name)),
        origin: Set(p.label.origin.clone()),
        organic: Set(p.label.organic),
        local: Set(p.label.local),
        content_milli: Set(p.label.content.map(|c| c.milli)),
        content_unit: Set(p.label.content.map(|c| c.unit.as_str().to_string())),
        version: Set(version),
        created_at_ms: Set(before.map_or(now, |b| b.created_at_ms)),
        updated_at_ms: Set(now),
        ..Default::default()
    };
    match before {
        None => model.price_version = Set(Some(version)),
        Some(b) if b.price_cents != p.price_cents => {
            model.previous_price_cents = Set(Some(b.price_cents));
            model.price_changed_at_ms = Set(Some(now));
            model.price_version = Set(Some(version));
        }
        Some(_) => {}
    }
    if before.is_some() {
        model.update(db).await?;
        product_barcodes::Entity::delete_many()
            .filter(product_barcodes::Column::ProductId.eq(id))
            .exec(db)
            .await?;
    } else {
        products::Entity::insert(model)
            .exec_without_returning(db)
            .await?;
    }
    if !p.barcodes.is_empty() {
        product_barcodes::Entity::insert_many(p.barcodes.iter().map(|b| {
            product_barcodes::ActiveModel {
                barcode: Set(b.clone()),
                product_id: Set(id),
            }
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// Adds a product to the catalogue.
///
/// Errors: `Invalid` listing every broken rule, including a VAT rate the coop does not use and
/// a barcode another product has.
pub async fn create_product(
    s: &Services,
    actor: &Viewer,
    form: &ProductForm,
) -> Result<CatalogueProduct> {
    let p = form.validate().map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    let id = Uuid::now_v7();
    let conflicts = Taken::load(&tx).await?.conflicts(id, &p);
    if !conflicts.is_empty() {
        return Err(Error::Invalid(conflicts));
    }
    let version = settings::next(&tx, CATALOGUE_VERSION).await?;
    write(&tx, id, &p, version, None).await?;
    audit::commit(tx, actor, "catalogue.create", &id.to_string(), &p.name).await?;
    product(&s.db, id).await
}

/// Changes a product (price, barcodes, flags...); tills get it with the next changes.
///
/// Errors: `NotFound`; `Invalid` as for [`create_product`].
pub async fn update_product(
    s: &Services,
    actor: &Viewer,
    id: Uuid,
    form: &ProductForm,
) -> Result<CatalogueProduct> {
    let p = form.validate().map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    let existing = products::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let conflicts = Taken::load(&tx).await?.conflicts(id, &p);
    if !conflicts.is_empty() {
        return Err(Error::Invalid(conflicts));
    }
    let version = settings::next(&tx, CATALOGUE_VERSION).await?;
    let before = Before {
        created_at_ms: existing.created_at_ms,
        price_cents: existing.price_cents,
    };
    write(&tx, id, &p, version, Some(before)).await?;
    let detail = format!("{} {} cents", p.name, p.price_cents);
    audit::commit(tx, actor, "catalogue.update", &id.to_string(), &detail).await?;
    product(&s.db, id).await
}

/// What changed after catalogue `version` (0 for the whole catalogue), at most `limit`
/// products (capped at [`PAGE_MAX`]).
pub async fn changes_since(
    db: &impl ConnectionTrait,
    version: i64,
    limit: u64,
) -> Result<CatalogueChanges> {
    let limit = limit.clamp(1, PAGE_MAX);
    let mut rows = products::Entity::find()
        .filter(products::Column::Version.gt(version))
        .order_by_asc(products::Column::Version)
        .limit(limit + 1)
        .all(db)
        .await?;
    let more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let next = rows.last().map_or(version, |p| p.version);
    Ok(CatalogueChanges {
        version: next,
        more,
        products: with_barcodes(db, rows).await?,
        categories: categories(db).await?,
        vat_rates: vat_rates(db).await?,
        nomenclature: nomenclature(db).await?.rules().cloned().collect(),
    })
}

fn rule_row(position: usize, rule: &BarcodeRule) -> barcode_rules::ActiveModel {
    let (kind, value) = match rule.kind {
        RuleKind::Weighed { value } => ("weighed", Some(value)),
        RuleKind::PriceEmbedded { value } => ("price_embedded", Some(value)),
        RuleKind::MemberCard => ("member_card", None),
        RuleKind::CashierBadge => ("cashier_badge", None),
        RuleKind::Product => ("product", None),
    };
    let small = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    barcode_rules::ActiveModel {
        position: Set(small(position)),
        kind: Set(kind.to_string()),
        pattern: Set(rule.pattern.clone()),
        length: Set(rule.length.map(small)),
        value_start: Set(value.map(|v| small(v.start))),
        value_len: Set(value.map(|v| small(v.len))),
    }
}

fn rule_of(row: barcode_rules::Model) -> Option<BarcodeRule> {
    let size = |n: Option<i32>| n.and_then(|n| usize::try_from(n).ok());
    let value = || {
        Some(Field {
            start: size(row.value_start)?,
            len: size(row.value_len)?,
        })
    };
    let kind = match row.kind.as_str() {
        "weighed" => RuleKind::Weighed { value: value()? },
        "price_embedded" => RuleKind::PriceEmbedded { value: value()? },
        "member_card" => RuleKind::MemberCard,
        "cashier_badge" => RuleKind::CashierBadge,
        "product" => RuleKind::Product,
        _ => return None,
    };
    Some(BarcodeRule {
        kind,
        pattern: row.pattern,
        length: size(row.length),
    })
}

/// The coop's barcode nomenclature: its saved rules in order, or the defaults of a new coop.
pub async fn nomenclature(db: &impl ConnectionTrait) -> Result<Nomenclature> {
    let rows = barcode_rules::Entity::find()
        .order_by_asc(barcode_rules::Column::Position)
        .all(db)
        .await?;
    nomenclature_of(rows)
}

/// The nomenclature of the stored rules, in their order (the defaults when there are none).
pub(crate) fn nomenclature_of(rows: Vec<barcode_rules::Model>) -> Result<Nomenclature> {
    if rows.is_empty() {
        return Ok(Nomenclature::default());
    }
    let rules = rows
        .into_iter()
        .map(rule_of)
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| Error::Db(DbErr::Custom("unreadable barcode rule".into())))?;
    Nomenclature::new(rules).map_err(|e| Error::Db(DbErr::Custom(format!("stored rules: {e}"))))
}

/// The most rules a nomenclature has: a few serve a shop; more is a mistake or an attack.
pub const MAX_RULES: usize = 100;

/// Replaces the nomenclature by `rules`, tried in that order.
///
/// Errors: `Invalid` on `rules` (`TooMany`) past [`MAX_RULES`]; `Nomenclature` naming the first
/// rule that cannot be used; nothing is saved.
pub async fn set_nomenclature(
    s: &Services,
    actor: &Viewer,
    rules: Vec<BarcodeRule>,
) -> Result<Nomenclature> {
    if rules.len() > MAX_RULES {
        return Err(Error::invalid("rules", Reason::TooMany { max: MAX_RULES }));
    }
    let checked = Nomenclature::new(rules)?;
    let tx = write_tx(&s.db).await?;
    barcode_rules::Entity::delete_many().exec(&tx).await?;
    let rows: Vec<_> = checked
        .rules()
        .enumerate()
        .map(|(i, r)| rule_row(i, r))
        .collect();
    if !rows.is_empty() {
        barcode_rules::Entity::insert_many(rows)
            .exec_without_returning(&tx)
            .await?;
    }
    let detail = format!("{} rules", checked.rules().count());
    audit::commit(
        tx,
        actor,
        "catalogue.nomenclature",
        "barcode_rules",
        &detail,
    )
    .await?;
    Ok(checked)
}

/// Reads a scanned code with the coop's nomenclature and finds its product (weighed and
/// price-labelled items by their lookup code).
///
/// Errors: `Scan` for a misread or a code no rule reads; `UnknownBarcode` when no product has
/// the code.
pub async fn lookup(db: &impl ConnectionTrait, code: &str) -> Result<Lookup> {
    let scan = parse_scan(&nomenclature(db).await?, code)?;
    let Some(barcode) = scan.product_barcode() else {
        return Ok(Lookup {
            scan,
            product: None,
        });
    };
    let found = product_barcodes::Entity::find_by_id(barcode.to_string())
        .one(db)
        .await?
        .ok_or(Error::UnknownBarcode)?;
    let product = product(db, found.product_id).await?;
    Ok(Lookup {
        scan,
        product: Some(product),
    })
}
