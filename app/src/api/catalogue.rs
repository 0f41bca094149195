//! The stock manager's reads of the catalogue: the product list with its search and filters,
//! one product with its stock, the categories with their sizes, and the lists the forms choose
//! from. The changes themselves go through `api::till` (create and update a product, add a
//! category, import, save the nomenclature, record a stock move), which the tills share.

use crate::error::AppError;
use domain::stock::ProductStock;
use domain::till::catalogue::{
    CatalogueLists, CatalogueProduct, CategoryCount, ProductPage, ProductState,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {super::till::STOCK_KEEPERS, crate::ssr::authorize, services::till};

/// Products per page of the product list.
pub const PAGE_SIZE: u64 = 50;

/// Moves shown with a product's stock.
pub const RECENT_MOVES: u64 = 20;

/// Products by name or barcode, in a category or all, on sale, withdrawn or all; a page.
#[server(endpoint = "catalogue/search", input = Json)]
pub async fn search_products(
    query: String,
    category: Option<Uuid>,
    state: ProductState,
    page: u64,
) -> Result<ProductPage, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    let offset = super::page_offset(page, PAGE_SIZE)?;
    Ok(till::catalogue::search(&s.db, &query, category, state, PAGE_SIZE, offset).await?)
}

#[server(endpoint = "catalogue/product", input = Json)]
pub async fn get_product(id: Uuid) -> Result<CatalogueProduct, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(till::catalogue::product(&s.db, id).await?)
}

/// The categories, VAT rates and barcode nomenclature.
#[server(endpoint = "catalogue/lists", input = Json)]
pub async fn form_lists() -> Result<CatalogueLists, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(till::catalogue::lists(&s.db).await?)
}

/// Every category with how many products it holds.
#[server(endpoint = "catalogue/categories", input = Json)]
pub async fn category_counts() -> Result<Vec<CategoryCount>, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(till::catalogue::category_counts(&s.db).await?)
}

/// A product's quantity on hand and its latest moves.
#[server(endpoint = "stock/product", input = Json)]
pub async fn stock_of_product(id: Uuid) -> Result<ProductStock, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(till::stock::of_product(&s.db, id, RECENT_MOVES).await?)
}
