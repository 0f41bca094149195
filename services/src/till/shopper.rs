//! The member at the till: found by card, number or name, with the may-shop answer of
//! [`crate::shifts::status::may_shop`], the one every door and till gets.

use crate::entities::members;
use crate::error::{Error, Result};
use crate::members::search;
use crate::shifts::status::{may_shop, Shopper};
use domain::register::{MemberFilter, MemberSummary};
pub use domain::till::sale::ShopperView;
use sea_orm::{ConnectionTrait, EntityTrait};

/// How many members a search at the till shows.
pub const FOUND_MAX: u64 = 8;

/// Who a card (a member's or a household person's, answering for their member) or a member
/// is, and whether they may shop today. Errors: `NotFound`.
pub async fn shopper(db: &impl ConnectionTrait, who: Shopper<'_>) -> Result<ShopperView> {
    let answer = may_shop(db, who).await?;
    let m = members::Entity::find_by_id(answer.member_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(ShopperView {
        member_id: m.id,
        member_number: m.member_number,
        name: format!("{} {}", m.first_name, m.last_name),
        may_shop: answer.may_shop,
        status: answer.report.status,
        reason: Some(answer.report.reason),
    })
}

/// Current members by number, name, email or card, ignoring case and accents.
pub async fn find(db: &impl ConnectionTrait, query: &str) -> Result<Vec<MemberSummary>> {
    if query.trim().is_empty() {
        return Ok(vec![]);
    }
    Ok(search(db, query, MemberFilter::Active, FOUND_MAX, 0)
        .await?
        .members)
}
