//! Shift server functions. "May this person shop?" has one answer for the till, the entrance
//! and the member's own page: [`may_shop`] (and the JSON endpoint `/api/may-shop` of the
//! server, which calls the same service).

use crate::error::AppError;
use domain::shifts::{CounterEvent, StatusReport};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {super::*, crate::ssr::authorize, services::shifts::status};

/// Who may ask whether someone else may shop: the till, the entrance, the shift leaders.
pub const SHOP_CHECKERS: &[domain::Role] = &[
    domain::Role::Cashier,
    domain::Role::ShiftLeader,
    domain::Role::Coordinator,
];

/// The answer: whose account it is, whether they may shop, and the status with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MayShopAnswer {
    pub member_id: Uuid,
    pub may_shop: bool,
    pub report: StatusReport,
}

/// Whether the holder of a card (a member's or a household person's) or a member may shop
/// today. Errors: `NotFound` for an unknown card or member, `Invalid` when neither is given.
#[server(endpoint = "shifts/may-shop", input = Json)]
pub async fn may_shop(
    card: Option<String>,
    member_id: Option<Uuid>,
) -> Result<MayShopAnswer, AppError> {
    let (s, _) = authorize(SHOP_CHECKERS)?;
    let a = status::may_shop(&s.db, shopper_of(&card, member_id)?).await?;
    Ok(MayShopAnswer {
        member_id: a.member_id,
        may_shop: a.may_shop,
        report: a.report,
    })
}

/// Who is asking to shop: the holder of a card (when one is given) or a member. Errors:
/// `Invalid` on `card` when neither is given.
#[cfg(feature = "ssr")]
pub(crate) fn shopper_of(
    card: &Option<String>,
    member_id: Option<Uuid>,
) -> Result<status::Shopper<'_>, AppError> {
    match (card, member_id) {
        (Some(card), _) if !card.trim().is_empty() => Ok(status::Shopper::Card(card)),
        (_, Some(id)) => Ok(status::Shopper::Member(id)),
        _ => Err(crate::ssr::fail(AppError::Invalid(vec![
            domain::validation::FieldError::new("card", domain::validation::Reason::Required),
        ]))),
    }
}

/// A member's own view: their answer and the ledger events that explain their balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnStatus {
    pub answer: MayShopAnswer,
    pub ledger: Vec<CounterEvent>,
}

/// The signed-in member's own status and ledger (newest first), for their phone.
#[server(endpoint = "shifts/my-status", input = Json)]
pub async fn my_status() -> Result<Option<OwnStatus>, AppError> {
    let (s, v) = authorize(ANYONE)?;
    let Some(id) = v.member_id else {
        return Ok(None);
    };
    let a = status::may_shop(&s.db, status::Shopper::Member(id)).await?;
    let mut ledger = status::ledger(&s.db, id).await?;
    ledger.reverse();
    Ok(Some(OwnStatus {
        answer: MayShopAnswer {
            member_id: a.member_id,
            may_shop: a.may_shop,
            report: a.report,
        },
        ledger,
    }))
}
