//! The coop's pricing's server functions (stock managers and admins): the products whose price
//! differs from the computed one, the coop's margin and rounding step, the categories' margins,
//! and applying computed prices in bulk. The changes are plain forms posted by
//! `/stock/pricing` with or without JavaScript; each authorises, then calls one service of
//! `services::stock::pricing`.

use crate::error::AppError;
use domain::stock::pricing::{CategoryMargin, PriceDifferences, PricingForm, PricingSettings};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {
    super::till::STOCK_KEEPERS,
    crate::ssr::{after_plain_form, again_after_plain_form, authorize},
    leptos::server_fn::ServerFn,
    services::stock::pricing,
};

/// Products per page of the differing prices.
pub const PAGE_SIZE: u64 = 50;

/// A page of the products on sale whose price differs from the computed one, with the coop's
/// settings.
#[server(endpoint = "stock/pricing", input = Json)]
pub async fn differing_prices(page: u64) -> Result<PriceDifferences, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    let offset = super::page_offset(page, PAGE_SIZE)?;
    Ok(pricing::differences(&s.db, PAGE_SIZE, offset).await?)
}

/// Every category with its own margin, by name.
#[server(endpoint = "stock/pricing/categories", input = Json)]
pub async fn category_margins() -> Result<Vec<CategoryMargin>, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(pricing::category_margins(&s.db).await?)
}

/// Sets the coop's margin (percent) and the step prices are rounded to (cents).
#[server(endpoint = "stock/pricing/settings")]
pub async fn save_pricing(form: PricingForm) -> Result<PricingSettings, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    match pricing::set_pricing_settings(&s, &v, &form).await {
        Ok(saved) => {
            after_plain_form("/stock/pricing?notice=settings");
            Ok(saved)
        }
        Err(e) => Err(again_after_plain_form(
            &format!(
                "/stock/pricing?margin={}&step_cents={}",
                crate::url::encode(&form.margin),
                crate::url::encode(&form.step_cents)
            ),
            SavePricing::PATH,
            e.into(),
        )),
    }
}

/// Sets a category's margin in percent, empty for none (the coop's applies).
#[server(endpoint = "stock/pricing/category")]
pub async fn save_category_margin(id: Uuid, margin: String) -> Result<Option<i32>, AppError> {
    let (s, v) = authorize(STOCK_KEEPERS)?;
    match pricing::set_category_margin(&s, &v, id, &margin).await {
        Ok(saved) => {
            after_plain_form("/stock/pricing?notice=category#categories");
            Ok(saved)
        }
        Err(e) => Err(again_after_plain_form(
            &format!(
                "/stock/pricing?category={id}&margin={}",
                crate::url::encode(&margin)
            ),
            SaveCategoryMargin::PATH,
            e.into(),
        )),
    }
}

/// Applies the computed prices of the ticked products (`products`), or of every product whose
/// price differs (`all`). Returns how many prices changed; the tills get them with their next
/// catalogue changes.
///
/// Errors: `Invalid` on `products` (`Required`) when none is ticked and not all are asked for.
#[server(endpoint = "stock/pricing/apply")]
pub async fn apply_prices(
    #[server(default)] products: Vec<Uuid>,
    #[server(default)] all: bool,
) -> Result<u64, AppError> {
    use domain::validation::Reason;
    let (s, v) = authorize(STOCK_KEEPERS)?;
    let chosen = if all {
        Ok(pricing::Chosen::All)
    } else if products.is_empty() {
        Err(services::Error::invalid("products", Reason::Required))
    } else {
        Ok(pricing::Chosen::Products(products))
    };
    let applied = match chosen {
        Ok(chosen) => pricing::apply(&s, &v, &chosen).await,
        Err(e) => Err(e),
    };
    match applied {
        Ok(n) => {
            after_plain_form(&format!("/stock/pricing?applied={n}"));
            Ok(n)
        }
        Err(e) => Err(again_after_plain_form(
            "/stock/pricing",
            ApplyPrices::PATH,
            e.into(),
        )),
    }
}
