//! A member's status: derived from their ledger, leaves and extensions by
//! `domain::shifts::derive_status`. The stored status (`member_statuses`) is a cache for lists
//! and notices; each change of it is recorded with its cause in `status_changes`, and may_shop
//! always derives afresh.
//!
//! - `read`: what the status is derived from, read in one call, and the status derived afresh;
//! - `ledger`: the counter events, each written once, and staff corrections;
//! - `leaves`: holidays, exemptions and extensions;
//! - `refresh`: the stored status kept current, its history and the notices it sends;
//! - `recompute`: every member's status recomputed at once, to check the stored ones;
//! - `may_shop`: whether a member, or whoever holds a card, may shop.

mod leaves;
mod ledger;
mod may_shop;
mod read;
mod recompute;
mod refresh;

pub(crate) use leaves::member_leaves;
pub use leaves::{add_leave, grant_extension, leave_records, request_holiday};
pub(crate) use ledger::append;
/// For the large coops written straight into a database (`crate::bulk`).
#[cfg(feature = "testing")]
pub(crate) use ledger::ledger_row;
pub use ledger::{correct, ledger};
pub use may_shop::{card_holder, may_shop, ShopAnswer, Shopper};
pub(crate) use read::{
    facts, facts_and_bookings, member_facts, status_from, status_selects, StatusRead,
};
pub use read::{status_on, OBLIGATIONS_SINCE};
pub use recompute::{recompute_all, Recomputed};
pub use refresh::history;
pub(crate) use refresh::refresh;

use crate::entities::members;
use crate::error::{Error, Result};
use crate::{audit, mail, Services};
use domain::shifts::StatusReport;
use domain::Viewer;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

/// A member's row. Errors: `NotFound`.
async fn find_member(db: &impl ConnectionTrait, id: Uuid) -> Result<members::Model> {
    members::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)
}

/// Refreshes the member's status in `tx`, then commits `tx` with the audit entry `action`
/// and sends the notice the refresh queued, if any; returns the member's status.
async fn commit_with_status(
    s: &Services,
    tx: crate::db::WriteTx,
    actor: &Viewer,
    member: &members::Model,
    action: &str,
    detail: &str,
) -> Result<StatusReport> {
    let rules = crate::shifts::rules(&tx).await?;
    let today = crate::today();
    let refreshed = refresh(&tx, &rules, member, today).await?;
    audit::commit(tx, actor, action, &member.id.to_string(), detail).await?;
    if refreshed.mailed {
        mail::deliver_soon(s);
    }
    Ok(refreshed.report)
}
