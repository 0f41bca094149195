//! Closure days (their shifts are cancelled and owe nobody anything) and one-off shifts
//! outside the templates.

use super::{check_seats, require_task_type, skill};
use crate::entities::{closure_days, shifts};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, now_ms, Services};
use chrono::{NaiveDate, NaiveTime, TimeDelta};
use domain::member::NOTE_MAX;
use domain::shifts::local_to_utc;
use domain::shifts::planning::ClosureDay;
use domain::validation::{required_text, Reason};
use domain::Viewer;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

/// A shift outside the templates, on one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneOffForm {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub task_type_id: Uuid,
    pub seats: u32,
    pub required_skill: Option<String>,
}

/// Closes the coop on a date: its shifts are cancelled, and they owe nobody anything.
/// Returns how many shifts were cancelled. Errors: `Invalid` when the note is empty.
pub async fn add_closure_day(
    s: &Services,
    actor: &Viewer,
    date: NaiveDate,
    note: &str,
) -> Result<u64> {
    let note = &required_text("note", note, NOTE_MAX).map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    closure_days::Entity::insert(closure_days::ActiveModel {
        date: Set(date),
        note: Set(note.to_string()),
    })
    .on_conflict_do_nothing_on([closure_days::Column::Date])
    .exec_without_returning(&tx)
    .await?;
    let cancelled = shifts::Entity::update_many()
        .col_expr(shifts::Column::Cancelled, Expr::value(true))
        .col_expr(shifts::Column::ClosureNote, Expr::value(note))
        .filter(shifts::Column::Date.eq(date))
        .filter(shifts::Column::Cancelled.eq(false))
        .exec(&tx)
        .await?
        .rows_affected;
    audit::commit(tx, actor, "shifts.closure", &date.to_string(), note).await?;
    Ok(cancelled)
}

/// Adds a shift outside the templates. Errors: `NotFound` for an unknown task type,
/// `Invalid` for no seats or an unknown time zone in the rules.
pub async fn add_one_off(s: &Services, actor: &Viewer, form: &OneOffForm) -> Result<Uuid> {
    let seats = check_seats(form.seats)?;
    let tx = write_tx(&s.db).await?;
    require_task_type(&tx, form.task_type_id).await?;
    let rules = crate::shifts::rules(&tx).await?;
    let tz = rules
        .time_zone()
        .map_err(|_| Error::invalid("rules", Reason::Malformed))?;
    let end_date = if form.end <= form.start {
        form.date + TimeDelta::days(1)
    } else {
        form.date
    };
    let closed = closure_days::Entity::find_by_id(form.date).one(&tx).await?;
    let id = Uuid::now_v7();
    shifts::ActiveModel {
        id: Set(id),
        template_id: Set(None),
        task_type_id: Set(form.task_type_id),
        date: Set(form.date),
        start_at_ms: Set(local_to_utc(&tz, form.date.and_time(form.start)).timestamp_millis()),
        end_at_ms: Set(local_to_utc(&tz, end_date.and_time(form.end)).timestamp_millis()),
        seats: Set(seats),
        required_skill: Set(skill(&form.required_skill)),
        cancelled: Set(closed.is_some()),
        closure_note: Set(closed.map(|c| c.note)),
        unvalidated_flagged_on: Set(None),
        created_at_ms: Set(now_ms()),
    }
    .insert(&tx)
    .await?;
    audit::commit(
        tx,
        actor,
        "shifts.one_off",
        &id.to_string(),
        &format!("{} {}", form.date, form.start),
    )
    .await?;
    Ok(id)
}

/// The days the coop is closed from `from` on, by date.
pub async fn closure_days(db: &impl ConnectionTrait, from: NaiveDate) -> Result<Vec<ClosureDay>> {
    Ok(closure_days::Entity::find()
        .filter(closure_days::Column::Date.gte(from))
        .order_by_asc(closure_days::Column::Date)
        .all(db)
        .await?
        .into_iter()
        .map(|c| ClosureDay {
            date: c.date,
            note: c.note,
        })
        .collect())
}
