//! The stock manager's reports and shelf labels, read only: each server function authorises,
//! reads the period as typed (`YYYY-MM-DD`, both days included) and calls one service of
//! `services::stock`. The same reports download as CSV from `server::reports`.

use crate::error::AppError;
use domain::stock::labels::ShelfLabel;
// By path: each server function's own type takes the name of its function (`SalesReport`).
use domain::stock::reports as report;
use domain::Role;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {
    super::till::STOCK_KEEPERS,
    crate::ssr::{authorize, fail},
    domain::stock::reports::Period,
    services::stock::{labels, reports},
};

/// Who reads the shift staffing report: stock managers (who read every report) and
/// coordinators, who keep the planning (and admins).
pub const STAFFING_READERS: &[Role] = &[Role::StockManager, Role::Coordinator];

/// The period typed (this month so far when neither end is), or a 422 naming the field.
#[cfg(feature = "ssr")]
pub fn period(from: &str, to: &str) -> Result<Period, AppError> {
    Period::or_this_month(from, to, services::today()).map_err(|e| fail(AppError::Invalid(e)))
}

/// Sales per product and VAT rate over a period (the category view sums its rows).
#[server(endpoint = "stock/reports/sales", input = Json)]
pub async fn sales_report(from: String, to: String) -> Result<report::SalesReport, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(reports::sales(&s.db, period(&from, &to)?).await?)
}

/// VAT per rate per day over a period, sales less refunds (the month view sums its days).
#[server(endpoint = "stock/reports/vat", input = Json)]
pub async fn vat_report(from: String, to: String) -> Result<report::VatReport, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(reports::vat(&s.db, period(&from, &to)?).await?)
}

/// The stock on hand at the end of `day` (today when empty) at today's costs.
#[server(endpoint = "stock/reports/stock-value", input = Json)]
pub async fn stock_value_report(day: String) -> Result<report::StockValueReport, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    let day = if day.trim().is_empty() {
        services::today()
    } else {
        period(&day, &day)?.to
    };
    Ok(reports::stock_value(&s.db, day).await?)
}

/// Losses over a period per reason and product.
#[server(endpoint = "stock/reports/losses", input = Json)]
pub async fn loss_report(from: String, to: String) -> Result<report::LossReport, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(reports::losses(&s.db, period(&from, &to)?).await?)
}

/// Products ranked by what they sold over a period, with their stock.
#[server(endpoint = "stock/reports/movers", input = Json)]
pub async fn movers_report(from: String, to: String) -> Result<report::MoversReport, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    Ok(reports::movers(&s.db, period(&from, &to)?).await?)
}

/// Shifts, seats, bookings and attendance per week over a period.
#[server(endpoint = "stock/reports/staffing", input = Json)]
pub async fn staffing_report(from: String, to: String) -> Result<report::StaffingReport, AppError> {
    let (s, _) = authorize(STAFFING_READERS)?;
    Ok(reports::staffing(&s.db, period(&from, &to)?).await?)
}

/// The shelf labels of the products picked: `ids`, else every product of `category`, else
/// those whose price changed (or that were added) since the day `since`.
///
/// Errors: `Invalid` on `since` for a date that does not read, on `ids` past
/// `labels::MAX_LABELS`.
#[server(endpoint = "stock/labels", input = Json)]
pub async fn shelf_labels(
    #[server(default)] ids: Vec<Uuid>,
    category: Option<Uuid>,
    since: Option<String>,
) -> Result<Vec<ShelfLabel>, AppError> {
    let (s, _) = authorize(STOCK_KEEPERS)?;
    let pick = match (category, since) {
        _ if !ids.is_empty() => labels::Pick::Products(ids),
        (Some(c), _) => labels::Pick::Category(c),
        (None, Some(since)) => {
            let day = domain::member::parse_date(&since).ok_or_else(|| {
                fail(AppError::Invalid(vec![
                    domain::validation::FieldError::new(
                        "since",
                        domain::validation::Reason::InvalidDate,
                    ),
                ]))
            })?;
            labels::Pick::ChangedSince(day)
        }
        (None, None) => labels::Pick::Products(Vec::new()),
    };
    Ok(labels::labels(&s.db, &pick).await?)
}
