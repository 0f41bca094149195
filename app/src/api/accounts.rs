//! Account server functions: roles.

use crate::error::AppError;
#[cfg(feature = "ssr")]
use domain::Role;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {super::*, crate::ssr::authorize, services::accounts};

/// Gives a person exactly these roles, named as in [`Role::as_str`]; an unknown name is refused
/// with a message, not a decoding error.
#[server(endpoint = "accounts/roles", input = Json)]
pub async fn set_roles(user_id: Uuid, roles: Vec<String>) -> Result<(), AppError> {
    let (s, v) = authorize(ADMINS)?;
    let parsed: Option<Vec<Role>> = roles.iter().map(|r| Role::parse(r)).collect();
    let Some(parsed) = parsed else {
        return Err(crate::ssr::fail(AppError::Invalid(vec![
            domain::validation::FieldError::new("roles", domain::validation::Reason::UnknownRole),
        ])));
    };
    Ok(accounts::set_roles(&s, &v, user_id, &parsed).await?)
}
