//! The stored status (`member_statuses`): refreshed from the derived one after each change,
//! each change recorded with its cause in `status_changes` (the member's status history), a
//! member entering alert or suspension sent a notice, and an unsubscribed regular member's seat
//! freed.

use super::read::report_for;
use crate::entities::{member_statuses, members, status_changes};
use crate::error::{Error, Result};
use crate::shifts::planning::release_seat;
use crate::{mail, now_ms};
use chrono::NaiveDate;
use domain::shifts::{status_change, ShiftRules, Status, StatusChange, StatusReason, StatusReport};
use domain::Language;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

/// What [`refresh`] did for one member.
pub(crate) struct Refreshed {
    pub report: StatusReport,
    pub change: Option<StatusChange>,
    pub seat_freed: bool,
    pub mailed: bool,
}

/// Derives a member's status on `today` and stores it; a change is recorded with its cause,
/// a member entering alert or suspension is sent a notice, and an unsubscribed regular member
/// gives up their seat.
pub(crate) async fn refresh(
    db: &impl ConnectionTrait,
    rules: &ShiftRules,
    member: &members::Model,
    today: NaiveDate,
) -> Result<Refreshed> {
    let report = report_for(db, rules, member, today).await?;
    let stored = member_statuses::Entity::find_by_id(member.id)
        .one(db)
        .await?;
    let previous = stored.as_ref().and_then(|s| Status::parse(&s.status));
    let change = status_change(previous, &report, today);
    let reason_json = json(&report.reason)?;
    let since = match (&change, &stored) {
        (None, Some(s)) => s.since,
        _ => today,
    };
    let row = member_statuses::ActiveModel {
        member_id: Set(member.id),
        status: Set(report.status.as_str().to_string()),
        since: Set(since),
        balance: Set(report.balance),
        date_that_matters: Set(report.date_that_matters),
        reason_json: Set(reason_json.clone()),
        updated_at_ms: Set(now_ms()),
    };
    match &stored {
        None => {
            row.insert(db).await?;
        }
        Some(s)
            if change.is_some()
                || s.balance != report.balance
                || s.date_that_matters != report.date_that_matters
                || s.reason_json != reason_json =>
        {
            row.update(db).await?;
        }
        Some(_) => {}
    }
    let mut mailed = false;
    if let Some(c) = &change {
        status_changes::ActiveModel {
            id: Set(Uuid::now_v7()),
            member_id: Set(member.id),
            on_date: Set(c.on),
            from_status: Set(c.from.map(|s| s.as_str().to_string())),
            to_status: Set(c.to.as_str().to_string()),
            cause_json: Set(reason_json),
            created_at_ms: Set(now_ms()),
        }
        .insert(db)
        .await?;
        mailed = notify(db, member, &report).await?;
    }
    let seat_freed = report.loses_seat && release_seat(db, member.id, today).await?;
    Ok(Refreshed {
        report,
        change,
        seat_freed,
        mailed,
    })
}

pub(super) fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Db(DbErr::Custom(e.to_string())))
}

/// Queues the notice of a member entering alert or suspension, in their language, with the
/// date that matters. Returns whether a mail was queued.
async fn notify(
    db: &impl ConnectionTrait,
    member: &members::Model,
    report: &StatusReport,
) -> Result<bool> {
    let StatusReason::Behind(behind) = &report.reason else {
        return Ok(false);
    };
    let prefix = match report.status {
        Status::Alert => "mail-status-alert",
        Status::Suspended => "mail-status-suspended",
        _ => return Ok(false),
    };
    let lang = Language::parse(&member.language).unwrap_or(Language::Fr);
    let args = [
        ("name", member.first_name.clone()),
        ("balance", report.balance.to_string()),
        ("shifts", behind.shifts_to_book().to_string()),
        ("deadline", behind.suspended_from.to_string()),
    ];
    mail::queue(
        db,
        &member.email,
        &i18n::t(lang, &format!("{prefix}-subject")),
        &i18n::t_args(lang, &format!("{prefix}-body"), &args),
    )
    .await?;
    Ok(true)
}

/// A member's recorded status changes, oldest first, each with its cause.
pub async fn history(db: &impl ConnectionTrait, member_id: Uuid) -> Result<Vec<StatusChange>> {
    let rows = status_changes::Entity::find()
        .filter(status_changes::Column::MemberId.eq(member_id))
        .order_by_asc(status_changes::Column::OnDate)
        .order_by_asc(status_changes::Column::CreatedAtMs)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(StatusChange {
                on: r.on_date,
                from: r.from_status.as_deref().and_then(Status::parse),
                to: Status::parse(&r.to_status)?,
                reason: serde_json::from_str(&r.cause_json).ok()?,
            })
        })
        .collect())
}
