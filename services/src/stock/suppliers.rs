//! Suppliers and what they sell: a supplier's record, a product's supplier lines (the
//! supplier's code, the pack size, the pack's cost), exactly one preferred supplier per product
//! that has any, and a supplier's price list imported all or nothing. Every change is one
//! transaction with its audit record.
//!
//! A product's lines change with the product's row locked (`FOR UPDATE` on PostgreSQL; on
//! SQLite the write transaction holds the only write lock), so two people choosing a preferred
//! supplier, or adding the first lines, at the same moment leave exactly one preferred.

use crate::entities::{product_barcodes, products, supplier_products, suppliers};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, now_ms, Services};
use domain::csv_table::RowError;
use domain::register::ImportOutcome;
use domain::stock::supplier::{
    parse_price_list, LineForm, ProductSuppliers, Supplier, SupplierForm, SupplierLine, ValidLine,
    ValidSupplier,
};
use domain::till::Unit;
use domain::validation::Reason;
use domain::Viewer;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

fn to_supplier(row: suppliers::Model, products: u64) -> Supplier {
    Supplier {
        id: row.id,
        name: row.name,
        contact: row.contact,
        order_email: row.order_email,
        min_order_cents: row.min_order_cents,
        lead_days: row.lead_days,
        margin_bp: row.margin_bp,
        active: row.active,
        products,
    }
}

/// How many products each supplier sells.
async fn line_counts(db: &impl ConnectionTrait) -> Result<HashMap<Uuid, u64>> {
    Ok(supplier_products::Entity::find()
        .select_only()
        .column(supplier_products::Column::SupplierId)
        .column_as(Expr::cust("CAST(COUNT(*) AS BIGINT)"), "n")
        .group_by(supplier_products::Column::SupplierId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, n)| (id, u64::try_from(n).unwrap_or(0)))
        .collect())
}

/// Every supplier with how many products it sells, by name.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<Supplier>> {
    let counts = line_counts(db).await?;
    Ok(suppliers::Entity::find()
        .order_by_asc(suppliers::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let n = counts.get(&row.id).copied().unwrap_or(0);
            to_supplier(row, n)
        })
        .collect())
}

/// One supplier. Errors: `NotFound`.
pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Supplier> {
    let row = suppliers::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let n = line_counts(db).await?.get(&id).copied().unwrap_or(0);
    Ok(to_supplier(row, n))
}

/// Whether another supplier than `except` is called `name`, ignoring case.
async fn name_taken(db: &impl ConnectionTrait, name: &str, except: Option<Uuid>) -> Result<bool> {
    let wanted = name.to_lowercase();
    Ok(suppliers::Entity::find()
        .select_only()
        .column(suppliers::Column::Id)
        .column(suppliers::Column::Name)
        .into_tuple::<(Uuid, String)>()
        .all(db)
        .await?
        .into_iter()
        .any(|(id, n)| Some(id) != except && n.to_lowercase() == wanted))
}

/// A unique violation on the suppliers' names (two people adding the same supplier at the same
/// moment) is the name's conflict.
fn on_name(e: Error) -> Error {
    match e {
        Error::Invalid(errors)
            if errors
                .iter()
                .any(|f| f.field.is_empty() && f.reason == Reason::AlreadyTaken) =>
        {
            Error::invalid("name", Reason::AlreadyTaken)
        }
        e => e,
    }
}

fn detail(s: &ValidSupplier) -> String {
    format!(
        "{} (min {} cents, {} days, margin {:?} bp)",
        s.name, s.min_order_cents, s.lead_days, s.margin_bp
    )
}

/// Adds a supplier.
///
/// Errors: `Invalid` listing every broken rule of the form, and `AlreadyTaken` on `name` for
/// another supplier's name (ignoring case).
pub async fn create(s: &Services, actor: &Viewer, form: &SupplierForm) -> Result<Supplier> {
    let v = form.validate().map_err(Error::Invalid)?;
    async {
        let tx = write_tx(&s.db).await?;
        if name_taken(&tx, &v.name, None).await? {
            return Err(Error::invalid("name", Reason::AlreadyTaken));
        }
        let id = Uuid::now_v7();
        let now = now_ms();
        suppliers::ActiveModel {
            id: Set(id),
            name: Set(v.name.clone()),
            contact: Set(v.contact.clone()),
            order_email: Set(v.order_email.clone()),
            min_order_cents: Set(v.min_order_cents),
            lead_days: Set(v.lead_days),
            margin_bp: Set(v.margin_bp),
            active: Set(true),
            created_at_ms: Set(now),
            updated_at_ms: Set(now),
        }
        .insert(&tx)
        .await?;
        audit::commit(
            tx,
            actor,
            "stock.supplier.create",
            &id.to_string(),
            &detail(&v),
        )
        .await?;
        get(&s.db, id).await
    }
    .await
    .map_err(on_name)
}

/// Changes a supplier; its margin applies at once to the prices computed for the products it
/// is preferred for.
///
/// Errors: `NotFound`; `Invalid` as for [`create`].
pub async fn update(
    s: &Services,
    actor: &Viewer,
    id: Uuid,
    form: &SupplierForm,
) -> Result<Supplier> {
    let v = form.validate().map_err(Error::Invalid)?;
    async {
        let tx = write_tx(&s.db).await?;
        let row = suppliers::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(Error::NotFound)?;
        if name_taken(&tx, &v.name, Some(id)).await? {
            return Err(Error::invalid("name", Reason::AlreadyTaken));
        }
        let mut row: suppliers::ActiveModel = row.into();
        row.name = Set(v.name.clone());
        row.contact = Set(v.contact.clone());
        row.order_email = Set(v.order_email.clone());
        row.min_order_cents = Set(v.min_order_cents);
        row.lead_days = Set(v.lead_days);
        row.margin_bp = Set(v.margin_bp);
        row.updated_at_ms = Set(now_ms());
        row.update(&tx).await?;
        audit::commit(
            tx,
            actor,
            "stock.supplier.update",
            &id.to_string(),
            &detail(&v),
        )
        .await?;
        get(&s.db, id).await
    }
    .await
    .map_err(on_name)
}

/// Lines with their supplier's and product's names, preferred first, then by supplier.
async fn lines_where(
    db: &impl ConnectionTrait,
    rows: Vec<supplier_products::Model>,
) -> Result<Vec<SupplierLine>> {
    let supplier_ids: HashSet<Uuid> = rows.iter().map(|r| r.supplier_id).collect();
    let product_ids: HashSet<Uuid> = rows.iter().map(|r| r.product_id).collect();
    let mut names: HashMap<Uuid, String> = HashMap::new();
    for chunk in supplier_ids.into_iter().collect::<Vec<_>>().chunks(500) {
        for s in suppliers::Entity::find()
            .filter(suppliers::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            names.insert(s.id, s.name);
        }
    }
    let mut goods: HashMap<Uuid, (String, Unit)> = HashMap::new();
    for chunk in product_ids.into_iter().collect::<Vec<_>>().chunks(500) {
        for p in products::Entity::find()
            .filter(products::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            let unit = Unit::parse(&p.unit).unwrap_or(Unit::Piece);
            goods.insert(p.id, (p.name, unit));
        }
    }
    let mut lines: Vec<SupplierLine> = rows
        .into_iter()
        .map(|r| {
            let (product, unit) = goods
                .get(&r.product_id)
                .cloned()
                .unwrap_or((String::new(), Unit::Piece));
            SupplierLine {
                supplier_id: r.supplier_id,
                supplier: names.get(&r.supplier_id).cloned().unwrap_or_default(),
                product_id: r.product_id,
                product,
                unit,
                code: r.code,
                pack_milli: r.pack_milli,
                pack_cost_cents: r.pack_cost_cents,
                preferred: r.preferred,
            }
        })
        .collect();
    lines.sort_by(|a, b| {
        (b.preferred, &a.supplier, &a.product).cmp(&(a.preferred, &b.supplier, &b.product))
    });
    Ok(lines)
}

/// What a supplier sells, by product name.
///
/// Errors: `NotFound` for an unknown supplier.
pub async fn lines_of_supplier(db: &impl ConnectionTrait, id: Uuid) -> Result<Vec<SupplierLine>> {
    suppliers::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let rows = supplier_products::Entity::find()
        .filter(supplier_products::Column::SupplierId.eq(id))
        .all(db)
        .await?;
    let mut lines = lines_where(db, rows).await?;
    lines.sort_by(|a, b| a.product.cmp(&b.product));
    Ok(lines)
}

/// A product's suppliers (preferred first), its own margin, and the active suppliers.
///
/// Errors: `NotFound` for an unknown product.
pub async fn of_product(db: &impl ConnectionTrait, product_id: Uuid) -> Result<ProductSuppliers> {
    let product = products::Entity::find_by_id(product_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let rows = supplier_products::Entity::find()
        .filter(supplier_products::Column::ProductId.eq(product_id))
        .all(db)
        .await?;
    let lines = lines_where(db, rows).await?;
    let suppliers = suppliers::Entity::find()
        .filter(suppliers::Column::Active.eq(true))
        .order_by_asc(suppliers::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    Ok(ProductSuppliers {
        lines,
        margin_bp: product.margin_bp,
        suppliers,
    })
}

/// Locks the rows of these products until the transaction ends (PostgreSQL; on SQLite the write
/// transaction holds the only write lock), so their lines change one transaction at a time.
/// Returns the ones that exist.
pub(crate) async fn lock_products(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<HashSet<Uuid>> {
    let mut sorted = ids.to_vec();
    sorted.sort();
    sorted.dedup();
    let mut found = HashSet::new();
    for chunk in sorted.chunks(500) {
        let rows = products::Entity::find()
            .select_only()
            .column(products::Column::Id)
            .filter(products::Column::Id.is_in(chunk.to_vec()))
            .order_by_asc(products::Column::Id)
            .lock_exclusive()
            .into_tuple::<Uuid>()
            .all(db)
            .await?;
        found.extend(rows);
    }
    Ok(found)
}

/// The product that already has `code` at this supplier, other than `product_id`.
async fn code_owner(
    db: &impl ConnectionTrait,
    supplier_id: Uuid,
    product_id: Uuid,
    code: &str,
) -> Result<Option<Uuid>> {
    if code.is_empty() {
        return Ok(None);
    }
    Ok(supplier_products::Entity::find()
        .filter(supplier_products::Column::SupplierId.eq(supplier_id))
        .filter(supplier_products::Column::Code.eq(code))
        .filter(supplier_products::Column::ProductId.ne(product_id))
        .one(db)
        .await?
        .map(|r| r.product_id))
}

/// Whether the product has a preferred supplier.
async fn has_preferred(db: &impl ConnectionTrait, product_id: Uuid) -> Result<bool> {
    Ok(supplier_products::Entity::find()
        .filter(supplier_products::Column::ProductId.eq(product_id))
        .filter(supplier_products::Column::Preferred.eq(true))
        .one(db)
        .await?
        .is_some())
}

/// Writes one line, inside the caller's transaction, with the product's row locked: updates
/// the existing line of this supplier for this product, or adds it (preferred when the product
/// has no preferred supplier yet). Whether it added one.
async fn write_line(
    db: &impl ConnectionTrait,
    supplier_id: Uuid,
    product_id: Uuid,
    line: &ValidLine,
    existing: Option<supplier_products::Model>,
) -> Result<bool> {
    let now = now_ms();
    match existing {
        Some(row) => {
            let mut row: supplier_products::ActiveModel = row.into();
            row.code = Set(line.code.clone());
            row.pack_milli = Set(line.pack_milli);
            row.pack_cost_cents = Set(line.pack_cost_cents);
            row.updated_at_ms = Set(now);
            row.update(db).await?;
            Ok(false)
        }
        None => {
            let preferred = !has_preferred(db, product_id).await?;
            supplier_products::Entity::insert(supplier_products::ActiveModel {
                supplier_id: Set(supplier_id),
                product_id: Set(product_id),
                code: Set(line.code.clone()),
                pack_milli: Set(line.pack_milli),
                pack_cost_cents: Set(line.pack_cost_cents),
                preferred: Set(preferred),
                updated_at_ms: Set(now),
            })
            .exec_without_returning(db)
            .await?;
            Ok(true)
        }
    }
}

fn line_detail(product_id: Uuid, l: &ValidLine) -> String {
    format!(
        "product {product_id}: code {:?}, pack {} milli, {} cents",
        l.code, l.pack_milli, l.pack_cost_cents
    )
}

/// Adds or changes what `supplier_id` sells `product_id` at: its code, pack size and pack cost.
/// The product's first supplier becomes its preferred one.
///
/// Errors: `Invalid` listing every broken rule of the line (a pack size of 0, a negative
/// cost...), `AlreadyTaken` on `code` for a code the supplier uses for another product, and
/// `UnknownChoice` on `supplier_id` for an unknown supplier (a cost exists only with one);
/// `NotFound` for an unknown product. Nothing is written then.
pub async fn set_line(
    s: &Services,
    actor: &Viewer,
    supplier_id: Uuid,
    product_id: Uuid,
    form: &LineForm,
) -> Result<SupplierLine> {
    let line = form.validate().map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    if lock_products(&tx, &[product_id]).await?.is_empty() {
        return Err(Error::NotFound);
    }
    if suppliers::Entity::find_by_id(supplier_id)
        .one(&tx)
        .await?
        .is_none()
    {
        return Err(Error::invalid("supplier_id", Reason::UnknownChoice));
    }
    if code_owner(&tx, supplier_id, product_id, &line.code)
        .await?
        .is_some()
    {
        return Err(Error::invalid("code", Reason::AlreadyTaken));
    }
    let existing = supplier_products::Entity::find_by_id((supplier_id, product_id))
        .one(&tx)
        .await?;
    write_line(&tx, supplier_id, product_id, &line, existing).await?;
    audit::commit(
        tx,
        actor,
        "stock.supplier.line",
        &supplier_id.to_string(),
        &line_detail(product_id, &line),
    )
    .await?;
    let rows = supplier_products::Entity::find_by_id((supplier_id, product_id))
        .all(&s.db)
        .await?;
    lines_where(&s.db, rows).await?.pop().ok_or(Error::NotFound)
}

/// Makes `supplier_id` the preferred supplier of `product_id`, and no other: the product's cost
/// (and its computed price) is this supplier's from now on.
///
/// Errors: `NotFound` when the supplier does not sell the product.
pub async fn set_preferred(
    s: &Services,
    actor: &Viewer,
    supplier_id: Uuid,
    product_id: Uuid,
) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    lock_products(&tx, &[product_id]).await?;
    supplier_products::Entity::find_by_id((supplier_id, product_id))
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    // Two statements: a unique index is checked row by row, so the old preferred line is
    // cleared before the new one is set.
    supplier_products::Entity::update_many()
        .col_expr(supplier_products::Column::Preferred, Expr::value(false))
        .filter(supplier_products::Column::ProductId.eq(product_id))
        .filter(supplier_products::Column::Preferred.eq(true))
        .exec(&tx)
        .await?;
    supplier_products::Entity::update_many()
        .col_expr(supplier_products::Column::Preferred, Expr::value(true))
        .filter(supplier_products::Column::ProductId.eq(product_id))
        .filter(supplier_products::Column::SupplierId.eq(supplier_id))
        .exec(&tx)
        .await?;
    audit::commit(
        tx,
        actor,
        "stock.supplier.preferred",
        &supplier_id.to_string(),
        &format!("product {product_id}"),
    )
    .await?;
    Ok(())
}

/// Removes what `supplier_id` sells `product_id` at. When it was the preferred supplier, the
/// supplier whose price changed last becomes the preferred one.
///
/// Errors: `NotFound` when the supplier does not sell the product.
pub async fn remove_line(
    s: &Services,
    actor: &Viewer,
    supplier_id: Uuid,
    product_id: Uuid,
) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    lock_products(&tx, &[product_id]).await?;
    let row = supplier_products::Entity::find_by_id((supplier_id, product_id))
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    supplier_products::Entity::delete_by_id((supplier_id, product_id))
        .exec(&tx)
        .await?;
    if row.preferred {
        let next = supplier_products::Entity::find()
            .filter(supplier_products::Column::ProductId.eq(product_id))
            .order_by_desc(supplier_products::Column::UpdatedAtMs)
            .order_by_asc(supplier_products::Column::SupplierId)
            .one(&tx)
            .await?;
        if let Some(next) = next {
            let mut next: supplier_products::ActiveModel = next.into();
            next.preferred = Set(true);
            next.update(&tx).await?;
        }
    }
    audit::commit(
        tx,
        actor,
        "stock.supplier.line.remove",
        &supplier_id.to_string(),
        &format!("product {product_id}"),
    )
    .await?;
    Ok(())
}

/// Imports a supplier's price list, all or nothing: each row names a product by its barcode
/// (or, for a product the supplier already sells, by the supplier's code alone) and gives the
/// supplier's code, pack size and pack cost. A row updates the supplier's line for its product,
/// or adds one (preferred when the product has no preferred supplier yet); a row that changes
/// nothing writes nothing.
///
/// Errors: `NotFound` for an unknown supplier; `ImportRefused` with every bad row (its line
/// and field): a broken rule (a pack size of 0, a negative cost...), a barcode no product has
/// or a code the supplier does not use (`UnknownProduct`), two rows for one product
/// (`DuplicateInFile`), or a code the supplier uses for another product (`AlreadyTaken`).
/// Nothing is written then.
pub async fn import_price_list(
    s: &Services,
    actor: &Viewer,
    supplier_id: Uuid,
    text: &str,
) -> Result<ImportOutcome> {
    let rows = parse_price_list(text).map_err(Error::ImportRefused)?;
    let tx = write_tx(&s.db).await?;
    let supplier = suppliers::Entity::find_by_id(supplier_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let barcodes: Vec<String> = rows.iter().filter_map(|(_, r)| r.barcode.clone()).collect();
    let mut owners: HashMap<String, Uuid> = HashMap::new();
    for chunk in barcodes.chunks(500) {
        for b in product_barcodes::Entity::find()
            .filter(product_barcodes::Column::Barcode.is_in(chunk.to_vec()))
            .all(&tx)
            .await?
        {
            owners.insert(b.barcode, b.product_id);
        }
    }
    let mut current: HashMap<Uuid, supplier_products::Model> = supplier_products::Entity::find()
        .filter(supplier_products::Column::SupplierId.eq(supplier_id))
        .all(&tx)
        .await?
        .into_iter()
        .map(|r| (r.product_id, r))
        .collect();
    let by_code: HashMap<String, Uuid> = current
        .values()
        .filter(|r| !r.code.is_empty())
        .map(|r| (r.code.clone(), r.product_id))
        .collect();

    let mut errors: Vec<RowError> = Vec::new();
    let mut first_line: HashMap<Uuid, usize> = HashMap::new();
    let mut plans: Vec<(Uuid, ValidLine)> = Vec::new();
    for (line, row) in rows {
        let (field, product) = match &row.barcode {
            Some(b) => ("barcode", owners.get(b).copied()),
            None => ("code", by_code.get(&row.line.code).copied()),
        };
        let Some(product) = product else {
            errors.push(RowError::new(line, field, Reason::UnknownProduct));
            continue;
        };
        if let Some(&first) = first_line.get(&product) {
            errors.push(RowError::new(
                line,
                field,
                Reason::DuplicateInFile { line: first },
            ));
            continue;
        }
        first_line.insert(product, line);
        plans.push((product, row.line));
    }
    // The supplier's codes once the file is in: each names one product.
    {
        let mut codes: HashMap<&str, Uuid> = HashMap::new();
        for r in current.values() {
            if !r.code.is_empty() && !first_line.contains_key(&r.product_id) {
                codes.insert(r.code.as_str(), r.product_id);
            }
        }
        for (product, l) in &plans {
            if !l.code.is_empty() && codes.get(l.code.as_str()).is_some_and(|p| p != product) {
                errors.push(RowError::new(
                    first_line[product],
                    "code",
                    Reason::AlreadyTaken,
                ));
            }
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(Error::ImportRefused(errors));
    }
    let ids: Vec<Uuid> = plans.iter().map(|(p, _)| *p).collect();
    lock_products(&tx, &ids).await?;
    let mut outcome = ImportOutcome::default();
    for (product, line) in &plans {
        let existing = current.remove(product);
        let same = existing.as_ref().is_some_and(|r| {
            r.code == line.code
                && r.pack_milli == line.pack_milli
                && r.pack_cost_cents == line.pack_cost_cents
        });
        if same {
            outcome.unchanged += 1;
            continue;
        }
        if write_line(&tx, supplier_id, *product, line, existing).await? {
            outcome.created += 1;
        } else {
            outcome.updated += 1;
        }
    }
    let detail = format!(
        "{}: {} added, {} updated, {} unchanged",
        supplier.name, outcome.created, outcome.updated, outcome.unchanged
    );
    audit::commit(
        tx,
        actor,
        "stock.supplier.import",
        &supplier_id.to_string(),
        &detail,
    )
    .await?;
    Ok(outcome)
}
