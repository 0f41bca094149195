//! What coordinators read: every member's status in one list, and one member's shift record.
//!
//! The list reads the stored statuses (`member_statuses`, refreshed by every change and by the
//! daily job) joined to the members in one query, plus one count, so it stays fast on tens of
//! thousands of members. A member without a stored status yet (created since the last daily
//! run) owes nothing so far: up to date, or exempted for an exempt regime.

use super::status::{history, leave_records, ledger, status_on};
use crate::entities::{member_statuses, members};
use crate::error::{Error, Result};
use crate::members::matching;
use chrono::NaiveDate;
use domain::shifts::statuses::{MemberShifts, StatusPage, StatusRow};
use domain::shifts::Status;
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{
    ConnectionTrait, EntityTrait, FromQueryResult, JoinType, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, RelationDef,
};
use uuid::Uuid;

/// The most lines a page of the list holds.
pub const MAX_PAGE: u64 = 200;

/// A member's status as the list sees it: the stored one, else what a member owes nothing yet.
pub(super) const STATUS_OF: &str = "COALESCE(member_statuses.status, \
     CASE WHEN members.work_regime = 'exempt' THEN 'exempted' ELSE 'up_to_date' END)";

#[derive(FromQueryResult)]
struct Line {
    id: Uuid,
    member_number: i64,
    first_name: String,
    last_name: String,
    status: String,
    balance: Option<i64>,
    date_that_matters: Option<NaiveDate>,
}

pub(super) fn with_status() -> RelationDef {
    member_statuses::Entity::belongs_to(members::Entity)
        .from(member_statuses::Column::MemberId)
        .to(members::Column::Id)
        .into()
}

/// Every member's status, by member number: those matching `query` (number, name, email or
/// card) and, with `filter`, only that status; `limit` lines (at most [`MAX_PAGE`]) from
/// `offset`, and how many match in all.
pub async fn list(
    db: &impl ConnectionTrait,
    query: &str,
    filter: Option<Status>,
    limit: u64,
    offset: u64,
) -> Result<StatusPage> {
    let mut cond = matching(query);
    if let Some(status) = filter {
        cond = cond.add(Expr::cust(STATUS_OF).eq(status.as_str()));
    }
    let q = members::Entity::find()
        .join(JoinType::LeftJoin, with_status().rev())
        .filter(cond);
    let total = q.clone().count(db).await?;
    let rows = q
        .select_only()
        .column(members::Column::Id)
        .column(members::Column::MemberNumber)
        .column(members::Column::FirstName)
        .column(members::Column::LastName)
        .column_as(Expr::cust(STATUS_OF), "status")
        .column(member_statuses::Column::Balance)
        .column(member_statuses::Column::DateThatMatters)
        .order_by_asc(members::Column::MemberNumber)
        .limit(Ord::min(limit, MAX_PAGE))
        .offset(offset)
        .into_model::<Line>()
        .all(db)
        .await?
        .into_iter()
        .map(|l| StatusRow {
            member_id: l.id,
            member_number: l.member_number,
            first_name: l.first_name,
            last_name: l.last_name,
            status: Status::parse(&l.status).unwrap_or(Status::UpToDate),
            balance: l.balance.unwrap_or(0),
            date_that_matters: l.date_that_matters,
        })
        .collect();
    Ok(StatusPage { rows, total })
}

/// One member's shift record for a coordinator: the status derived today with its reason,
/// the ledger and the status history (newest first), and the leaves. Errors: `NotFound`.
pub async fn member_record(db: &impl ConnectionTrait, member_id: Uuid) -> Result<MemberShifts> {
    let member = members::Entity::find_by_id(member_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let report = status_on(db, member_id, crate::today()).await?;
    let mut events = ledger(db, member_id).await?;
    events.reverse();
    let mut changes = history(db, member_id).await?;
    changes.reverse();
    Ok(MemberShifts {
        member_id,
        member_number: member.member_number,
        name: format!("{} {}", member.first_name, member.last_name),
        report,
        ledger: events,
        history: changes,
        leaves: leave_records(db, member_id).await?,
    })
}
