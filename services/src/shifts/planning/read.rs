//! The planning as it is read: one shift or the shifts of some dates with their booked seats,
//! and the coordinators' planning of a range of dates with each shift's leaders and staffing.

use super::task_types;
use super::templates::leaders_of;
use crate::entities::{shift_bookings, shifts};
use crate::error::{Error, Result};
use crate::shifts::booking::BOOKED;
use crate::shifts::{domain_shift, load_shift};
use chrono::NaiveDate;
use domain::shifts::planning::{staffing, PlannedShift};
use domain::shifts::Shift;
use domain::validation::Reason;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use std::ops::Range;
use uuid::Uuid;

/// One shift with its booked seats counted. Errors: `NotFound`.
pub async fn shift(db: &impl ConnectionTrait, id: Uuid) -> Result<Shift> {
    Ok(load_shift(db, id, false).await?.1)
}

/// The shifts on `dates` (end excluded), cancelled ones included, by start.
pub async fn shifts_on(db: &impl ConnectionTrait, dates: Range<NaiveDate>) -> Result<Vec<Shift>> {
    let rows = shifts::Entity::find()
        .filter(shifts::Column::Date.gte(dates.start))
        .filter(shifts::Column::Date.lt(dates.end))
        .order_by_asc(shifts::Column::StartAtMs)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut booked: HashMap<Uuid, u64> = HashMap::new();
    for b in shift_bookings::Entity::find()
        .filter(shift_bookings::Column::ShiftId.is_in(ids))
        .filter(shift_bookings::Column::State.eq(BOOKED))
        .all(db)
        .await?
    {
        *booked.entry(b.shift_id).or_default() += 1;
    }
    Ok(rows
        .iter()
        .map(|r| domain_shift(r, booked.get(&r.id).copied().unwrap_or(0)))
        .collect())
}

/// The planning of `dates` (end excluded), as coordinators read it: every shift by start,
/// cancelled ones included, with its local times, task, booked seats, leaders and staffing.
/// One query for the shifts and one for their booked seats (then the task types and the
/// leaders): the number of queries does not grow with the number of shifts.
pub async fn planning(
    db: &impl ConnectionTrait,
    dates: Range<NaiveDate>,
) -> Result<Vec<PlannedShift>> {
    let rules = crate::shifts::rules(db).await?;
    let tz = rules
        .time_zone()
        .map_err(|_| Error::invalid("rules", Reason::Malformed))?;
    let rows = shifts::Entity::find()
        .filter(shifts::Column::Date.gte(dates.start))
        .filter(shifts::Column::Date.lt(dates.end))
        .order_by_asc(shifts::Column::StartAtMs)
        .order_by_asc(shifts::Column::Id)
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(vec![]);
    }
    let booked: HashMap<Uuid, i64> = shift_bookings::Entity::find()
        .select_only()
        .column(shift_bookings::Column::ShiftId)
        .column_as(shift_bookings::Column::Id.count(), "booked")
        .filter(shift_bookings::Column::State.eq(BOOKED))
        .filter(shift_bookings::Column::ShiftId.is_in(rows.iter().map(|r| r.id)))
        .group_by(shift_bookings::Column::ShiftId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let tasks: HashMap<Uuid, String> = task_types(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    let leaders = leaders_of(db, rows.iter().filter_map(|r| r.template_id)).await?;
    Ok(rows
        .iter()
        .map(|r| {
            let count = booked.get(&r.id).copied().unwrap_or(0);
            let shift = domain_shift(r, u64::try_from(count).unwrap_or(0));
            PlannedShift {
                week: rules.cycle.letter(r.date),
                start: shift.start.with_timezone(&tz).time(),
                end: shift.end.with_timezone(&tz).time(),
                task_name: tasks.get(&r.task_type_id).cloned().unwrap_or_default(),
                template_id: r.template_id,
                leaders: r
                    .template_id
                    .and_then(|t| leaders.get(&t).cloned())
                    .unwrap_or_default(),
                closure_note: r.closure_note.clone(),
                staffing: staffing(shift.booked, shift.seats, rules.understaffed_below_percent),
                shift,
            }
        })
        .collect())
}
