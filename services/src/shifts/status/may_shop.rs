//! May this member shop? The one answer the till, the entrance and the member's phone all get,
//! for a member or for the card of a member or a household person, always derived afresh.

use super::read::status_on;
use crate::entities::{household_people, members};
use crate::error::{Error, Result};
use domain::shifts::StatusReport;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// Who is at the till or the door: a member, or the card of a member or household person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shopper<'a> {
    Member(Uuid),
    Card(&'a str),
}

/// The member whose account a card is: the member's own card, or a household person's card
/// for their member. Errors: `NotFound` for an unknown card.
pub async fn card_holder(db: &impl ConnectionTrait, barcode: &str) -> Result<Uuid> {
    let barcode = barcode.trim();
    if let Some(m) = members::Entity::find()
        .filter(members::Column::CardBarcode.eq(barcode))
        .one(db)
        .await?
    {
        return Ok(m.id);
    }
    Ok(household_people::Entity::find()
        .filter(household_people::Column::CardBarcode.eq(barcode))
        .one(db)
        .await?
        .ok_or(Error::NotFound)?
        .member_id)
}

/// The answer the till, the entrance and the member's phone all get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopAnswer {
    /// The member whose account is used (a household person's member for their card).
    pub member_id: Uuid,
    pub may_shop: bool,
    pub report: StatusReport,
}

/// Whether a member, or whoever holds a card, may shop today; a household person's card
/// answers for their member. Errors: `NotFound` for an unknown member or card.
pub async fn may_shop(db: &impl ConnectionTrait, who: Shopper<'_>) -> Result<ShopAnswer> {
    let member_id = match who {
        Shopper::Member(id) => id,
        Shopper::Card(barcode) => card_holder(db, barcode).await?,
    };
    let report = status_on(db, member_id, crate::today()).await?;
    Ok(ShopAnswer {
        member_id,
        may_shop: report.may_shop,
        report,
    })
}
