//! Account server functions: roles.

use crate::error::AppError;
use domain::Role;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {super::*, crate::ssr::authorize, services::accounts};

#[server(endpoint = "accounts/roles", input = Json)]
pub async fn set_roles(user_id: Uuid, roles: Vec<Role>) -> Result<(), AppError> {
    let (s, v) = authorize(ADMINS)?;
    Ok(accounts::set_roles(&s, &v, user_id, &roles).await?)
}
