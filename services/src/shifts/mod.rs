//! Shifts: the planning, bookings and swaps, attendance sheets, the ledger and statuses, and
//! the daily job. The rules live in `domain::shifts`; these services load what the rules need,
//! call them inside one write transaction per change, and store their outcome.
//!
//! - [`planning`]: task types, templates with their seats and leaders, generated and one-off
//!   shifts, closure days, skills.
//! - [`booking`]: booking, cancelling, offering and taking seats.
//! - [`agenda`]: a member's next shifts, the open seats and the offers they may take.
//! - [`feed`]: a member's private calendar feed and its secret token.
//! - [`attendance`]: the sheet of a shift, its marks and walk-ins, and its validation into the
//!   ledger.
//! - [`status`]: the ledger, leaves, extensions and corrections, the derived status and
//!   whether a member (or a household card) may shop.
//! - [`daily`]: the daily job, catching up every missed day in order.
//! - [`overview`]: the coordinator's status list and one member's shift record.
//! - [`snapshot`]: every member's may-shop answer at once, for the tills to keep offline.

pub mod agenda;
pub mod attendance;
pub mod booking;
pub mod daily;
pub mod feed;
pub mod overview;
pub mod planning;
pub mod snapshot;
pub mod status;

use crate::entities::{shift_bookings, shift_rules, shifts};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, now_ms, Services};
use chrono::{DateTime, Utc};
use domain::shifts::rules_form::{field_error, RulesForm};
use domain::shifts::{Shift, ShiftRules};
use domain::Viewer;
use sea_orm::sea_query::{OnConflict, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Set,
};
use uuid::Uuid;

/// The single row of `shift_rules`.
const RULES_ROW: i32 = 1;

/// The coop's shift rules: the defaults until staff save their own.
pub async fn rules(db: &impl ConnectionTrait) -> Result<ShiftRules> {
    let row = shift_rules::Entity::find_by_id(RULES_ROW).one(db).await?;
    parse_rules(row.map(|r| r.rules_json).as_deref())
}

/// The stored rules as a subquery (`NULL` until staff save their own), for a query that reads
/// them with other things; [`parse_rules`] reads its value.
pub(crate) fn rules_json() -> SelectStatement {
    Query::select()
        .column(shift_rules::Column::RulesJson)
        .from(shift_rules::Entity)
        .and_where(shift_rules::Column::Id.eq(RULES_ROW))
        .to_owned()
}

/// The rules stored as `json`, or the defaults when there is none.
pub(crate) fn parse_rules(json: Option<&str>) -> Result<ShiftRules> {
    match json {
        Some(json) => serde_json::from_str(json)
            .map_err(|e| Error::Db(DbErr::Custom(format!("stored shift rules: {e}")))),
        None => Ok(ShiftRules::default()),
    }
}

/// Saves the coop's rules. Errors: `Invalid`, with every number that breaks a rule on its
/// field (the fields of [`RulesForm`]); nothing is written then.
pub async fn set_rules(s: &Services, actor: &Viewer, rules: &ShiftRules) -> Result<()> {
    let problems = rules.problems();
    if !problems.is_empty() {
        return Err(Error::Invalid(problems.iter().map(field_error).collect()));
    }
    let json = serde_json::to_string(rules).map_err(|e| Error::Db(DbErr::Custom(e.to_string())))?;
    let tx = write_tx(&s.db).await?;
    shift_rules::Entity::insert(shift_rules::ActiveModel {
        id: Set(RULES_ROW),
        rules_json: Set(json.clone()),
        updated_at_ms: Set(now_ms()),
    })
    .on_conflict(
        OnConflict::column(shift_rules::Column::Id)
            .update_columns([
                shift_rules::Column::RulesJson,
                shift_rules::Column::UpdatedAtMs,
            ])
            .to_owned(),
    )
    .exec_without_returning(&tx)
    .await?;
    audit::commit(tx, actor, "shifts.rules", "shift_rules", &json).await?;
    Ok(())
}

/// Saves the rules as a coordinator typed them and returns them. Errors: `Invalid`, with every
/// problem on its field; nothing is written then.
pub async fn save_rules(s: &Services, actor: &Viewer, form: &RulesForm) -> Result<ShiftRules> {
    let rules = form.parse().map_err(Error::Invalid)?;
    set_rules(s, actor, &rules).await?;
    Ok(rules)
}

/// An instant stored as milliseconds since the epoch.
pub(crate) fn instant(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// A dated shift as the booking rules see it, with its booked seats counted. With `lock`, the
/// shift row stays locked until the transaction ends (`FOR UPDATE` on PostgreSQL; on SQLite the
/// write transaction already holds the only write lock), so seats are counted and taken by one
/// booking at a time. Errors: `NotFound`.
pub(crate) async fn load_shift(
    db: &impl ConnectionTrait,
    id: Uuid,
    lock: bool,
) -> Result<(shifts::Model, Shift)> {
    let mut q = shifts::Entity::find_by_id(id);
    if lock {
        q = q.lock_exclusive();
    }
    let row = q.one(db).await?.ok_or(Error::NotFound)?;
    let booked = shift_bookings::Entity::find()
        .filter(shift_bookings::Column::ShiftId.eq(id))
        .filter(shift_bookings::Column::State.eq(booking::BOOKED))
        .count(db)
        .await?;
    let shift = domain_shift(&row, booked);
    Ok((row, shift))
}

pub(crate) fn domain_shift(row: &shifts::Model, booked: u64) -> Shift {
    Shift {
        id: row.id,
        date: row.date,
        start: instant(row.start_at_ms),
        end: instant(row.end_at_ms),
        seats: u32::try_from(row.seats).unwrap_or(0),
        booked: u32::try_from(booked).unwrap_or(u32::MAX),
        required_skill: row.required_skill.clone(),
        cancelled: row.cancelled,
    }
}
