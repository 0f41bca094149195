//! The mail outbox, for admins: every message ruche has sent or would send.

use crate::error::AppError;
use domain::outbox::OutboxMessage;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
#[cfg(feature = "ssr")]
use {super::*, crate::ssr::authorize, services::mail};

#[server(endpoint = "outbox/list", input = Json)]
pub async fn list_outbox(to: String) -> Result<Vec<OutboxMessage>, AppError> {
    let (s, _) = authorize(ADMINS)?;
    let to = to.trim();
    mail::list(&s.db, (!to.is_empty()).then_some(to), 200)
        .await
        .map_err(|e| services::Error::from(e).into())
}
