//! The share register's server functions.

use crate::error::AppError;
use domain::register::{RegisterTotals, ShareClass, ShareEventForm};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {super::*, crate::ssr::authorize, services::shares};

#[server(endpoint = "shares/register", input = Json)]
pub async fn share_register() -> Result<RegisterTotals, AppError> {
    let (s, _) = authorize(REGISTER_KEEPERS)?;
    Ok(shares::totals(&s.db).await?)
}

#[server(endpoint = "shares/classes", input = Json)]
pub async fn share_classes() -> Result<Vec<ShareClass>, AppError> {
    let (s, _) = authorize(REGISTER_KEEPERS)?;
    Ok(shares::classes(&s.db).await?)
}

#[server(endpoint = "shares/class/save", input = Json)]
pub async fn save_share_class(
    code: String,
    name: String,
    unit_price: String,
) -> Result<ShareClass, AppError> {
    let (s, v) = authorize(ADMINS)?;
    Ok(shares::save_class(&s, &v, &code, &name, &unit_price).await?)
}

#[server(endpoint = "shares/record", input = Json)]
pub async fn record_share_event(member_id: Uuid, event: ShareEventForm) -> Result<(), AppError> {
    let (s, v) = authorize(ADMINS)?;
    Ok(shares::record(&s, &v, member_id, &event).await?)
}
