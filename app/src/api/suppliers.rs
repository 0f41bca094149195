//! Suppliers' server functions (stock managers and admins): the suppliers, a supplier with what
//! it sells, a product's supplier lines, and the changes, each a plain form the stock manager's
//! pages post with or without JavaScript: a supplier added or changed, a product's line added
//! or changed, made preferred or removed. Each one authorises, then calls one service of
//! `services::stock::suppliers`. A supplier's price list is imported by a plain multipart post
//! (`POST /stock/suppliers/{id}/import`, `server::stock`).

use crate::error::AppError;
use domain::stock::supplier::{LineForm, ProductSuppliers, Supplier, SupplierForm, SupplierLine};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {
    super::till::STOCK_KEEPERS,
    crate::ssr::{after_plain_form, again_after_plain_form, authorize},
    leptos::server_fn::ServerFn,
    services::stock::suppliers,
};

/// The address of the page `path` showing `form` again, as typed (`?draft=`).
pub fn draft(path: &str, form: &SupplierForm) -> String {
    let json = serde_json::to_string(form).unwrap_or_default();
    format!("{path}?draft={}", crate::url::encode(&json))
}

/// Every supplier with how many products it sells, by name.
#[server(endpoint = "stock/suppliers", input = Json)]
pub async fn list_suppliers() -> Result<Vec<Supplier>, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(suppliers::list(&s.db).await?)
}

/// A supplier and what it sells, by product name.
#[server(endpoint = "stock/supplier", input = Json)]
pub async fn get_supplier(id: Uuid) -> Result<(Supplier, Vec<SupplierLine>), AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    let supplier = suppliers::get(&s.db, id).await?;
    Ok((supplier, suppliers::lines_of_supplier(&s.db, id).await?))
}

/// Adds a supplier; a plain form post then goes to its page. Errors: `Invalid` with every
/// broken rule, `AlreadyTaken` on `name`.
#[server(endpoint = "stock/supplier/create")]
pub async fn create_supplier(form: SupplierForm) -> Result<Supplier, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    match suppliers::create(&s, &v, &form).await {
        Ok(supplier) => {
            after_plain_form(&format!("/stock/suppliers/{}?notice=created", supplier.id));
            Ok(supplier)
        }
        Err(e) => Err(again_after_plain_form(
            &draft("/stock/suppliers/new", &form),
            CreateSupplier::PATH,
            e.into(),
        )),
    }
}

/// Changes a supplier; a plain form post then goes back to its page, saying so.
#[server(endpoint = "stock/supplier/update")]
pub async fn update_supplier(id: Uuid, form: SupplierForm) -> Result<Supplier, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let page = format!("/stock/suppliers/{id}");
    match suppliers::update(&s, &v, id, &form).await {
        Ok(supplier) => {
            after_plain_form(&format!("{page}?notice=saved"));
            Ok(supplier)
        }
        Err(e) => Err(again_after_plain_form(
            &draft(&page, &form),
            UpdateSupplier::PATH,
            e.into(),
        )),
    }
}

/// A product's supplier lines (preferred first), its own margin, and the active suppliers.
#[server(endpoint = "stock/product/suppliers", input = Json)]
pub async fn suppliers_of_product(id: Uuid) -> Result<ProductSuppliers, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(suppliers::of_product(&s.db, id).await?)
}

/// After a change of a product's lines posted without JavaScript: back to the product's page,
/// saying what was done, or with the error and what was typed (`?supplier=`, `code`...).
#[cfg(feature = "ssr")]
fn back_to_product<T>(
    product_id: Uuid,
    done: &str,
    again: &str,
    fn_path: &str,
    result: Result<T, services::Error>,
) -> Result<T, AppError> {
    let page = format!("/stock/products/{product_id}");
    match result {
        Ok(value) => {
            after_plain_form(&format!("{page}?notice={done}#suppliers"));
            Ok(value)
        }
        Err(e) => Err(again_after_plain_form(
            &format!("{page}?{again}"),
            fn_path,
            e.into(),
        )),
    }
}

/// Adds or changes what a supplier sells a product at: its code, pack size (in the product's
/// unit) and pack cost (euros, excluding VAT). `supplier_id` is the chosen supplier, empty when
/// none was chosen: a cost exists only with a supplier.
///
/// Errors: `Invalid` on `supplier_id` (`Required`, `UnknownChoice`), on `code`, `pack_size`
/// and `pack_cost` as `LineForm::validate` says; `NotFound` for an unknown product.
#[server(endpoint = "stock/supplier/line")]
pub async fn set_supplier_line(
    product_id: Uuid,
    supplier_id: String,
    line: LineForm,
) -> Result<SupplierLine, AppError> {
    use domain::validation::Reason;
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let chosen = supplier_id.trim();
    let result = if chosen.is_empty() {
        Err(services::Error::invalid("supplier_id", Reason::Required))
    } else {
        match Uuid::parse_str(chosen) {
            Ok(id) => suppliers::set_line(&s, &v, id, product_id, &line).await,
            Err(_) => Err(services::Error::invalid(
                "supplier_id",
                Reason::UnknownChoice,
            )),
        }
    };
    let typed = format!(
        "supplier={}&code={}&pack_size={}&pack_cost={}",
        crate::url::encode(chosen),
        crate::url::encode(&line.code),
        crate::url::encode(&line.pack_size),
        crate::url::encode(&line.pack_cost),
    );
    back_to_product(
        product_id,
        "supplier-line",
        &typed,
        SetSupplierLine::PATH,
        result,
    )
}

/// Makes a supplier the product's preferred one (and no other).
#[server(endpoint = "stock/supplier/preferred")]
pub async fn set_preferred_supplier(supplier_id: Uuid, product_id: Uuid) -> Result<(), AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let result = suppliers::set_preferred(&s, &v, supplier_id, product_id).await;
    back_to_product(
        product_id,
        "supplier-preferred",
        "",
        SetPreferredSupplier::PATH,
        result,
    )
}

/// Removes what a supplier sells a product at; another supplier becomes preferred if it was.
#[server(endpoint = "stock/supplier/line/remove")]
pub async fn remove_supplier_line(supplier_id: Uuid, product_id: Uuid) -> Result<(), AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let result = suppliers::remove_line(&s, &v, supplier_id, product_id).await;
    back_to_product(
        product_id,
        "supplier-removed",
        "",
        RemoveSupplierLine::PATH,
        result,
    )
}

/// Sets a product's own margin in percent, empty for none.
#[server(endpoint = "stock/product/margin")]
pub async fn set_product_margin(id: Uuid, margin: String) -> Result<Option<i32>, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let result = services::stock::pricing::set_product_margin(&s, &v, id, &margin).await;
    back_to_product(
        id,
        "margin",
        &format!("margin={}", crate::url::encode(&margin)),
        SetProductMargin::PATH,
        result,
    )
}
