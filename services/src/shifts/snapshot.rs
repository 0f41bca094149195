//! What the tills keep to check offline whether a member may shop: every member who can come
//! to a till, with their cards and the may-shop answer of their status.
//!
//! It reads the stored statuses (`member_statuses`, refreshed by every change and by the daily
//! job) the way the coordinator's status list does, in one query joined to the members, plus
//! one for the household cards and one for the rules, so it stays fast on tens of thousands of
//! members. Whether a status may shop is `domain::shifts::may_shop`, the rule the live answer
//! ([`super::status::may_shop`]) uses too. Members who left before today are not in it: a till
//! does not know their card.

use super::overview::{with_status, STATUS_OF};
use crate::entities::{household_people, members};
use crate::error::Result;
use crate::now_ms;
use chrono::NaiveDate;
use domain::shifts::statuses::{SnapshotMember, StatusSnapshot};
use domain::shifts::{may_shop, Status};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, JoinType, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(FromQueryResult)]
struct Row {
    id: Uuid,
    member_number: i64,
    first_name: String,
    last_name: String,
    card_barcode: String,
    status: String,
}

/// Every member who has not left before `today`, by member number, with their cards, status
/// and may-shop answer, and when it was read.
pub async fn status_snapshot(
    db: &impl ConnectionTrait,
    today: NaiveDate,
) -> Result<StatusSnapshot> {
    let computed_at_ms = now_ms();
    let rules = super::rules(db).await?;
    let rows = members::Entity::find()
        .join(JoinType::LeftJoin, with_status().rev())
        .filter(
            Condition::any()
                .add(members::Column::LeavingDate.is_null())
                .add(members::Column::LeavingDate.gte(today)),
        )
        .select_only()
        .column(members::Column::Id)
        .column(members::Column::MemberNumber)
        .column(members::Column::FirstName)
        .column(members::Column::LastName)
        .column(members::Column::CardBarcode)
        .column_as(Expr::cust(STATUS_OF), "status")
        .order_by_asc(members::Column::MemberNumber)
        .into_model::<Row>()
        .all(db)
        .await?;
    let mut household: HashMap<Uuid, Vec<String>> = HashMap::new();
    let cards: Vec<(Uuid, String)> = household_people::Entity::find()
        .select_only()
        .column(household_people::Column::MemberId)
        .column(household_people::Column::CardBarcode)
        .order_by_asc(household_people::Column::CardNumber)
        .into_tuple()
        .all(db)
        .await?;
    for (member_id, card) in cards {
        household.entry(member_id).or_default().push(card);
    }
    let members = rows
        .into_iter()
        .map(|r| {
            let status = Status::parse(&r.status).unwrap_or(Status::UpToDate);
            let mut cards = vec![r.card_barcode];
            cards.extend(household.remove(&r.id).unwrap_or_default());
            SnapshotMember {
                member_id: r.id,
                member_number: r.member_number,
                name: format!("{} {}", r.first_name, r.last_name),
                cards,
                status,
                may_shop: may_shop(&rules, status),
            }
        })
        .collect();
    Ok(StatusSnapshot {
        computed_at_ms,
        members,
    })
}
