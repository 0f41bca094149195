//! Purchase order server functions (stock managers, and admins): the suppliers, a supplier's
//! reorder suggestions, the draft made from them, its lines, sending and cancelling, the list
//! of orders. The changes are plain HTML forms on the stock manager's pages: a form post goes
//! back to its page (the order's, or the suggestions' after a refusal).

use crate::error::AppError;
use domain::stock::purchase::{Order, OrderSummary, Suggestions, SupplierChoice};
use domain::stock::reorder::OrderState;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {crate::api::till::STOCK_KEEPERS, crate::ssr::authorize, services::stock::orders};

/// The active suppliers, by name.
#[server(endpoint = "stock/orders/suppliers", input = Json)]
pub async fn order_suppliers() -> Result<Vec<SupplierChoice>, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(orders::suppliers(&s.db).await?)
}

/// What to order from a supplier to cover `coverage_days` (plus its lead time) at the average
/// daily sales of the last `window_days`.
#[server(endpoint = "stock/orders/suggest", input = Json)]
pub async fn order_suggestions(
    supplier_id: Uuid,
    window_days: u32,
    coverage_days: u32,
) -> Result<Suggestions, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(orders::suggest(&s.db, supplier_id, window_days, coverage_days).await?)
}

/// Makes the draft order of a supplier's suggestions; a plain form post then goes to the new
/// order's page (after a refusal, back to the suggestions).
#[server(endpoint = "stock/orders/draft")]
pub async fn make_draft(
    supplier_id: Uuid,
    window_days: u32,
    coverage_days: u32,
) -> Result<Uuid, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    match orders::make_draft(&s, &v, supplier_id, window_days, coverage_days).await {
        Ok(id) => {
            crate::ssr::after_plain_form(&format!("/stock/orders/{id}?notice=drafted"));
            Ok(id)
        }
        Err(e) => Err(crate::ssr::again_after_plain_form(
            &format!(
                "/stock/orders/suggest?supplier={supplier_id}&window={window_days}&coverage={coverage_days}"
            ),
            <MakeDraft as leptos::server_fn::ServerFn>::PATH,
            e.into(),
        )),
    }
}

/// The latest orders, newest first, in `state` or all.
#[server(endpoint = "stock/orders", input = Json)]
pub async fn list_orders(state: Option<OrderState>) -> Result<Vec<OrderSummary>, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(orders::list(&s.db, state).await?)
}

#[server(endpoint = "stock/order", input = Json)]
pub async fn get_order(id: Uuid) -> Result<Order, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(orders::order(&s.db, id).await?)
}

/// Where a plain form post about order `id` goes: its page, with `notice` when it worked.
#[cfg(feature = "ssr")]
fn back_to_order<T>(
    id: Uuid,
    notice: &str,
    result: services::error::Result<T>,
    fn_path: &str,
) -> Result<T, AppError> {
    let page = format!("/stock/orders/{id}");
    match result {
        Ok(v) => {
            crate::ssr::after_plain_form(&format!("{page}?notice={notice}"));
            Ok(v)
        }
        Err(e) => Err(crate::ssr::again_after_plain_form(&page, fn_path, e.into())),
    }
}

/// Sets the packs of a product on a draft order (0 takes the line away), as typed.
///
/// Errors: `Invalid` on `packs` when it is not a whole number from 0 to 100,000, and as
/// `services::stock::orders::set_line` says.
#[server(endpoint = "stock/order/line")]
pub async fn set_order_line(
    order_id: Uuid,
    product_id: Uuid,
    packs: String,
) -> Result<(), AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let result = match packs.trim().parse::<i64>() {
        Ok(packs) => orders::set_line(&s, &v, order_id, product_id, packs).await,
        Err(_) => Err(services::Error::invalid(
            "packs",
            domain::validation::Reason::InvalidNumber,
        )),
    };
    back_to_order(
        order_id,
        "line",
        result,
        <SetOrderLine as leptos::server_fn::ServerFn>::PATH,
    )
}

/// Sends a draft order to its supplier by mail, in the stock manager's language.
#[server(endpoint = "stock/order/send")]
pub async fn send_order(order_id: Uuid) -> Result<(), AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let result = orders::send(&s, &v, order_id, v.language).await;
    back_to_order(
        order_id,
        "sent",
        result,
        <SendOrder as leptos::server_fn::ServerFn>::PATH,
    )
}

#[server(endpoint = "stock/order/cancel")]
pub async fn cancel_order(order_id: Uuid) -> Result<(), AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let result = orders::cancel(&s, &v, order_id).await;
    back_to_order(
        order_id,
        "cancelled",
        result,
        <CancelOrder as leptos::server_fn::ServerFn>::PATH,
    )
}
