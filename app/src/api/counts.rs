//! Inventory counts, for stock managers (and admins): the list, a count's live state, opening
//! one, counting a product into it, validating and cancelling it. The changes are plain HTML
//! forms on the stock manager's pages (no WASM): each answers a form post with a 303 back to
//! its page (`ssr::after_plain_form`), a refusal with the page and the form as typed
//! (`ssr::again_after_plain_form`).

use crate::error::AppError;
use domain::stock::count::{CountState, CountSummary, CountedProduct};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {
    super::till::STOCK_KEEPERS,
    crate::ssr::{after_plain_form, again_after_plain_form, authorize},
    crate::url::encode,
    services::stock::counts,
};

/// How many counts the list shows, newest first.
pub const LISTED: u64 = 50;

/// The latest counts, newest first.
#[server(endpoint = "stock/counts", input = Json)]
pub async fn list_counts() -> Result<Vec<CountSummary>, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(counts::list(&s.db, LISTED).await?)
}

/// A count as its page shows it, live. Errors: `NotFound`.
#[server(endpoint = "stock/count", input = Json)]
pub async fn get_count(id: Uuid) -> Result<CountState, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(counts::state(&s.db, id).await?)
}

/// Opens a count over a location and/or categories (`categories[<n>]`, the ticked boxes);
/// a plain form post then goes to the count's page.
///
/// Errors: `Invalid` on `title`, `location`, `categories`.
#[server(endpoint = "stock/count/open")]
pub async fn open_count(
    title: String,
    #[server(default)] location: String,
    #[server(default)] categories: Vec<Uuid>,
) -> Result<CountSummary, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let form = domain::stock::count::CountForm {
        title: title.clone(),
        location: location.clone(),
        categories,
    };
    match counts::open(&s, &v, &form).await {
        Ok(count) => {
            after_plain_form(&format!("/stock/counts/{}", count.id));
            Ok(count)
        }
        Err(e) => Err(again_after_plain_form(
            &format!(
                "/stock/counts?title={}&location={}",
                encode(&title),
                encode(&location)
            ),
            <OpenCount as leptos::server_fn::ServerFn>::PATH,
            e.into(),
        )),
    }
}

/// Counts a product into a count: found by `code` (scanned or typed, read with the till's
/// nomenclature) or by `product_id` (picked from a search), the signed-in person's figure set
/// to `quantity` (see `domain::stock::count` for how counters merge). Without a quantity, the
/// product is only found: a plain form post then goes to the count's page with that product
/// ready to be counted (`?product=`), and the answer is `None`; with one, to the count's page
/// (`?counted=`) with the product as counted so far.
///
/// Errors: `Invalid` on `code` (required, misread, unknown), `quantity`, `product` (not in the
/// count's categories) or `count` (validated or cancelled); `NotFound`.
#[server(endpoint = "stock/count/line")]
pub async fn count_line(
    count_id: Uuid,
    #[server(default)] code: String,
    #[server(default)] product_id: Option<Uuid>,
    #[server(default)] quantity: String,
) -> Result<Option<CountedProduct>, AppError> {
    use domain::validation::{FieldError, Reason};
    use services::stock::counts::Counted;
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let page = format!("/stock/counts/{count_id}");
    let counted = async {
        let what = match product_id {
            Some(id) => Counted::Product(id),
            None if code.trim().is_empty() => {
                return Err(crate::ssr::fail(AppError::Invalid(vec![FieldError::new(
                    "code",
                    Reason::Required,
                )])));
            }
            None => Counted::Code(&code),
        };
        if quantity.trim().is_empty() {
            let found = counts::find(&s.db, count_id, what).await?;
            after_plain_form(&format!("{page}?product={}", found.id));
            return Ok(None);
        }
        let milli = domain::stock::count::typed_count(&quantity).map_err(|r| {
            crate::ssr::fail(AppError::Invalid(vec![FieldError::new("quantity", r)]))
        })?;
        let line = counts::post_line(&s, &v, count_id, what, milli).await?;
        after_plain_form(&format!("{page}?counted={}", line.product_id));
        Ok(Some(line))
    };
    counted.await.map_err(|e| {
        // The page shows the form again as typed: the code, or the product picked.
        let again = match product_id {
            Some(id) => format!("{page}?product={id}&quantity={}", encode(&quantity)),
            None => format!(
                "{page}?code={}&quantity={}",
                encode(&code),
                encode(&quantity)
            ),
        };
        again_after_plain_form(&again, <CountLine as leptos::server_fn::ServerFn>::PATH, e)
    })
}

/// Validates a count: its adjustments are written, once. A plain form post then goes back to
/// the count's page. Errors: `NotFound`; `Invalid` on `count` when validated or cancelled.
#[server(endpoint = "stock/count/validate")]
pub async fn validate_count(count_id: Uuid) -> Result<CountSummary, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let page = format!("/stock/counts/{count_id}");
    match counts::validate(&s, &v, count_id).await {
        Ok((count, _)) => {
            after_plain_form(&format!("{page}?notice=validated"));
            Ok(count)
        }
        Err(e) => Err(again_after_plain_form(
            &page,
            <ValidateCount as leptos::server_fn::ServerFn>::PATH,
            e.into(),
        )),
    }
}

/// Cancels a count: nothing is adjusted. A plain form post then goes back to the count's
/// page. Errors: `NotFound`; `Invalid` on `count` when validated or cancelled.
#[server(endpoint = "stock/count/cancel")]
pub async fn cancel_count(count_id: Uuid) -> Result<CountSummary, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let page = format!("/stock/counts/{count_id}");
    match counts::cancel(&s, &v, count_id).await {
        Ok(count) => {
            after_plain_form(&format!("{page}?notice=cancelled"));
            Ok(count)
        }
        Err(e) => Err(again_after_plain_form(
            &page,
            <CancelCount as leptos::server_fn::ServerFn>::PATH,
            e.into(),
        )),
    }
}
