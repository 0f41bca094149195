//! Reception server functions (stock managers, and admins): start the reception of an order
//! (or resume it) or of a supplier without order, set a line by its scanned code or its
//! product, and validate. The changes are plain HTML forms on the reception's phone page, which
//! a form post goes back to.

use crate::error::AppError;
use domain::stock::purchase::Reception;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {
    crate::api::till::STOCK_KEEPERS,
    crate::ssr::{after_plain_form, again_after_plain_form, authorize, fail},
    domain::validation::FieldError,
    leptos::server_fn::ServerFn,
    services::stock::receptions,
};

/// Starts the reception of an order, or resumes the one in progress; a plain form post then
/// goes to the reception's page.
#[server(endpoint = "stock/reception/start")]
pub async fn start_reception(order_id: Uuid) -> Result<Uuid, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    match receptions::start(&s, &v, order_id).await {
        Ok(id) => {
            after_plain_form(&format!("/stock/receptions/{id}"));
            Ok(id)
        }
        Err(e) => Err(again_after_plain_form(
            &format!("/stock/orders/{order_id}"),
            <StartReception as ServerFn>::PATH,
            e.into(),
        )),
    }
}

/// Starts a reception without order, from a supplier.
#[server(endpoint = "stock/reception/start-free")]
pub async fn start_free_reception(supplier_id: Uuid) -> Result<Uuid, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    match receptions::start_free(&s, &v, supplier_id).await {
        Ok(id) => {
            after_plain_form(&format!("/stock/receptions/{id}"));
            Ok(id)
        }
        Err(e) => Err(again_after_plain_form(
            "/stock/orders",
            <StartFreeReception as ServerFn>::PATH,
            e.into(),
        )),
    }
}

#[server(endpoint = "stock/reception", input = Json)]
pub async fn get_reception(id: Uuid) -> Result<Reception, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(receptions::reception(&s.db, id).await?)
}

/// The receptions left open, oldest first.
#[server(endpoint = "stock/receptions/open", input = Json)]
pub async fn open_receptions() -> Result<Vec<Reception>, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(receptions::open_receptions(&s.db).await?)
}

/// What came in of a product, by its scanned `code` or its `product_id`: the quantity as
/// typed (0 takes the line away) and, when the delivery's differs, the pack cost. Sent again,
/// it changes nothing more. A plain form post goes back to the reception, ready for the next
/// scan (after a refusal, with the code and quantity as they were).
///
/// Errors: `Invalid` on `quantity` or `pack_cost` when they do not read, on `code` when
/// neither is given, and as `services::stock::receptions::set_line` says.
#[server(endpoint = "stock/reception/line")]
pub async fn set_reception_line(
    reception_id: Uuid,
    #[server(default)] code: String,
    #[server(default)] product_id: Option<Uuid>,
    quantity: String,
    #[server(default)] pack_cost: String,
) -> Result<(), AppError> {
    use domain::stock::purchase::{received_quantity, typed_pack_cost};
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let set = async {
        let mut errors = Vec::new();
        let quantity_milli = received_quantity(&quantity)
            .map_err(|r| errors.push(FieldError::new("quantity", r)))
            .ok();
        let cost = typed_pack_cost(&pack_cost)
            .map_err(|r| errors.push(FieldError::new("pack_cost", r)))
            .ok();
        let code = code.trim();
        let item = match (product_id, code.is_empty()) {
            (Some(id), _) => Some(receptions::Item::Product(id)),
            (None, false) => Some(receptions::Item::Code(code)),
            (None, true) => {
                errors.push(FieldError::new(
                    "code",
                    domain::validation::Reason::Required,
                ));
                None
            }
        };
        match (quantity_milli, cost, item) {
            (Some(q), Some(c), Some(item)) if errors.is_empty() => {
                Ok::<(), AppError>(receptions::set_line(&s, &v, reception_id, item, q, c).await?)
            }
            _ => Err(fail(AppError::Invalid(errors))),
        }
    };
    let page = format!("/stock/receptions/{reception_id}");
    match set.await {
        Ok(()) => {
            after_plain_form(&format!("{page}?notice=line"));
            Ok(())
        }
        Err(e) => {
            let again = match product_id {
                Some(id) => format!(
                    "{page}?product={id}&quantity={}",
                    crate::url::encode(&quantity)
                ),
                None => format!(
                    "{page}?code={}&quantity={}",
                    crate::url::encode(code.trim()),
                    crate::url::encode(&quantity)
                ),
            };
            Err(again_after_plain_form(
                &again,
                <SetReceptionLine as ServerFn>::PATH,
                e,
            ))
        }
    }
}

/// Validates a reception: its stock moves, the supplier's new costs and the order's state, in
/// one transaction, once.
#[server(endpoint = "stock/reception/validate")]
pub async fn validate_reception(reception_id: Uuid) -> Result<(), AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let page = format!("/stock/receptions/{reception_id}");
    match receptions::validate(&s, &v, reception_id).await {
        Ok(()) => {
            after_plain_form(&format!("{page}?notice=validated"));
            Ok(())
        }
        Err(e) => Err(again_after_plain_form(
            &page,
            <ValidateReception as ServerFn>::PATH,
            e.into(),
        )),
    }
}
