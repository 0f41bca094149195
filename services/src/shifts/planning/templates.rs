//! The weekly templates of the planning: each a slot of the cycle (week letter, weekday,
//! times, task, seats, required skill), the regular members holding its seats and its
//! leaders; changing or retiring one carries its shifts ahead with it.

use super::generation::generate_for;
use super::{check_seats, insert_booking, require_task_type, skill, task_types};
use crate::entities::{
    members, shift_bookings, shift_templates, shifts, template_leaders, template_seats,
};
use crate::error::{Error, Result};
use crate::shifts::booking::{BookingKind, BOOKED, CANCELLED};
use crate::shifts::load_shift;
use crate::{audit, db::write_tx, now_ms, Services};
use chrono::{NaiveDate, NaiveTime, TimeDelta, Weekday};
use domain::shifts::planning::{MemberRef, TemplateView};
use domain::shifts::{BookingError, Occurrence, ShiftTemplate, WeekLetter};
use domain::validation::Reason;
use domain::Viewer;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect, Set,
};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

const TIME: &str = "%H:%M";

/// A weekly slot of the planning, as staff type it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateForm {
    pub week: WeekLetter,
    pub weekday: Weekday,
    /// Local times in the coop's time zone; an end at or before the start is the next day.
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub task_type_id: Uuid,
    pub seats: u32,
    pub required_skill: Option<String>,
}

/// Adds a template. Errors: `NotFound` for an unknown task type, `Invalid` for no seats.
pub async fn create_template(s: &Services, actor: &Viewer, form: &TemplateForm) -> Result<Uuid> {
    let seats = check_seats(form.seats)?;
    let tx = write_tx(&s.db).await?;
    require_task_type(&tx, form.task_type_id).await?;
    let id = Uuid::now_v7();
    shift_templates::ActiveModel {
        id: Set(id),
        week_letter: Set(form.week.to_string()),
        weekday: Set(form.weekday.number_from_monday() as i32),
        start_time: Set(form.start.format(TIME).to_string()),
        end_time: Set(form.end.format(TIME).to_string()),
        task_type_id: Set(form.task_type_id),
        seats: Set(seats),
        required_skill: Set(skill(&form.required_skill)),
        created_at_ms: Set(now_ms()),
        retired_on: Set(None),
    }
    .insert(&tx)
    .await?;
    audit::commit(
        tx,
        actor,
        "shifts.template",
        &id.to_string(),
        &format!("{} {} {}", form.week, form.weekday, form.start),
    )
    .await?;
    Ok(id)
}

fn to_template(row: &shift_templates::Model) -> Option<ShiftTemplate> {
    Some(ShiftTemplate {
        id: row.id,
        week: WeekLetter::try_from(row.week_letter.chars().next()?).ok()?,
        weekday: Weekday::try_from(u8::try_from(row.weekday - 1).ok()?).ok()?,
        start: NaiveTime::parse_from_str(&row.start_time, TIME).ok()?,
        end: NaiveTime::parse_from_str(&row.end_time, TIME).ok()?,
        task: row.task_type_id.to_string(),
        seats: u32::try_from(row.seats).ok()?,
        required_skill: row.required_skill.clone(),
    })
}

/// Every template in use (not retired), in the order of the cycle; `task` holds the task
/// type's id.
pub async fn templates(db: &impl ConnectionTrait) -> Result<Vec<ShiftTemplate>> {
    let mut all: Vec<ShiftTemplate> = shift_templates::Entity::find()
        .filter(shift_templates::Column::RetiredOn.is_null())
        .all(db)
        .await?
        .iter()
        .filter_map(to_template)
        .collect();
    all.sort_by_key(|t| (t.week, t.weekday.num_days_from_monday(), t.start));
    Ok(all)
}

/// Gives a regular member a seat in a template in use, and a seat in its shifts already generated
/// from today on (where one is free).
///
/// Errors: `NotFound`; `Booking(Full)` when every seat of the template is held; `Invalid`
/// (`member`, `AlreadyTaken`) when the member already holds a seat.
pub async fn assign_seat(
    s: &Services,
    actor: &Viewer,
    template_id: Uuid,
    member_id: Uuid,
) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    let template = shift_templates::Entity::find_by_id(template_id)
        .filter(shift_templates::Column::RetiredOn.is_null())
        .lock_exclusive()
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    members::Entity::find_by_id(member_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let holds = template_seats::Entity::find()
        .filter(template_seats::Column::MemberId.eq(member_id))
        .count(&tx)
        .await?;
    if holds > 0 {
        return Err(Error::invalid("member", Reason::AlreadyTaken));
    }
    let held = template_seats::Entity::find()
        .filter(template_seats::Column::TemplateId.eq(template_id))
        .count(&tx)
        .await?;
    if held >= u64::try_from(template.seats).unwrap_or(0) {
        return Err(BookingError::Full.into());
    }
    template_seats::ActiveModel {
        id: Set(Uuid::now_v7()),
        template_id: Set(template_id),
        member_id: Set(member_id),
        created_at_ms: Set(now_ms()),
    }
    .insert(&tx)
    .await?;
    let upcoming = shifts::Entity::find()
        .filter(shifts::Column::TemplateId.eq(template_id))
        .filter(shifts::Column::Date.gte(crate::today()))
        .filter(shifts::Column::Cancelled.eq(false))
        .all(&tx)
        .await?;
    for shift in upcoming {
        let (_, counted) = load_shift(&tx, shift.id, true).await?;
        if counted.booked < counted.seats {
            insert_booking(&tx, shift.id, member_id, BookingKind::Regular).await?;
        }
    }
    audit::commit(
        tx,
        actor,
        "shifts.seat",
        &member_id.to_string(),
        &template_id.to_string(),
    )
    .await?;
    Ok(())
}

/// Frees the template seat of a member and their regular seats in shifts from `from` on.
/// Returns whether they held a seat.
pub(crate) async fn release_seat(
    db: &impl ConnectionTrait,
    member_id: Uuid,
    from: NaiveDate,
) -> Result<bool> {
    let freed = template_seats::Entity::delete_many()
        .filter(template_seats::Column::MemberId.eq(member_id))
        .exec(db)
        .await?
        .rows_affected;
    let upcoming: Vec<Uuid> = shifts::Entity::find()
        .filter(shifts::Column::Date.gte(from))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    shift_bookings::Entity::update_many()
        .col_expr(shift_bookings::Column::State, Expr::value(CANCELLED))
        .col_expr(shift_bookings::Column::UpdatedAtMs, Expr::value(now_ms()))
        .filter(shift_bookings::Column::MemberId.eq(member_id))
        .filter(shift_bookings::Column::Kind.eq(BookingKind::Regular.as_str()))
        .filter(shift_bookings::Column::State.eq(BOOKED))
        .filter(shift_bookings::Column::ShiftId.is_in(upcoming))
        .exec(db)
        .await?;
    Ok(freed > 0)
}

/// Makes a shift leader of a template in use. Errors: `NotFound`.
pub async fn add_leader(
    s: &Services,
    actor: &Viewer,
    template_id: Uuid,
    member_id: Uuid,
) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    shift_templates::Entity::find_by_id(template_id)
        .filter(shift_templates::Column::RetiredOn.is_null())
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    members::Entity::find_by_id(member_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    template_leaders::Entity::insert(template_leaders::ActiveModel {
        id: Set(Uuid::now_v7()),
        template_id: Set(template_id),
        member_id: Set(member_id),
    })
    .on_conflict_do_nothing_on([
        template_leaders::Column::TemplateId,
        template_leaders::Column::MemberId,
    ])
    .exec_without_returning(&tx)
    .await?;
    audit::commit(
        tx,
        actor,
        "shifts.leader",
        &member_id.to_string(),
        &template_id.to_string(),
    )
    .await?;
    Ok(())
}

/// The planning's names of `ids`, one query.
async fn member_refs(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, MemberRef>> {
    let ids: BTreeSet<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(members::Entity::find()
        .filter(members::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            (
                m.id,
                MemberRef {
                    id: m.id,
                    member_number: m.member_number,
                    name: format!("{} {}", m.first_name, m.last_name),
                },
            )
        })
        .collect())
}

/// The leaders of `templates`, by template, each list by member number.
pub(super) async fn leaders_of(
    db: &impl ConnectionTrait,
    templates: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, Vec<MemberRef>>> {
    let templates: BTreeSet<Uuid> = templates.into_iter().collect();
    if templates.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = template_leaders::Entity::find()
        .filter(template_leaders::Column::TemplateId.is_in(templates))
        .all(db)
        .await?;
    let names = member_refs(db, rows.iter().map(|r| r.member_id)).await?;
    Ok(group_refs(
        rows.iter().map(|r| (r.template_id, r.member_id)),
        &names,
    ))
}

fn group_refs(
    pairs: impl Iterator<Item = (Uuid, Uuid)>,
    names: &HashMap<Uuid, MemberRef>,
) -> HashMap<Uuid, Vec<MemberRef>> {
    let mut grouped: HashMap<Uuid, Vec<MemberRef>> = HashMap::new();
    for (template_id, member_id) in pairs {
        if let Some(m) = names.get(&member_id) {
            grouped.entry(template_id).or_default().push(m.clone());
        }
    }
    for list in grouped.values_mut() {
        list.sort_by_key(|m| m.member_number);
    }
    grouped
}

/// Every template in the order of the cycle, with its task's name, the regular members holding
/// its seats and its leaders. A fixed number of queries, whatever the number of templates.
pub async fn template_views(db: &impl ConnectionTrait) -> Result<Vec<TemplateView>> {
    let all = templates(db).await?;
    let tasks: HashMap<String, String> = task_types(db)
        .await?
        .into_iter()
        .map(|t| (t.id.to_string(), t.name))
        .collect();
    let seats = template_seats::Entity::find().all(db).await?;
    let holder_names = member_refs(db, seats.iter().map(|s| s.member_id)).await?;
    let mut holders = group_refs(
        seats.iter().map(|s| (s.template_id, s.member_id)),
        &holder_names,
    );
    let mut leaders = leaders_of(db, all.iter().map(|t| t.id)).await?;
    Ok(all
        .into_iter()
        .map(|t| TemplateView {
            task_name: tasks.get(&t.task).cloned().unwrap_or_default(),
            holders: holders.remove(&t.id).unwrap_or_default(),
            leaders: leaders.remove(&t.id).unwrap_or_default(),
            template: t,
        })
        .collect())
}

/// Takes a regular member's seat in a template away, and their regular seats in its shifts from
/// today on. Errors: `NotFound` when the member holds no seat in this template.
pub async fn remove_seat(
    s: &Services,
    actor: &Viewer,
    template_id: Uuid,
    member_id: Uuid,
) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    let holds = template_seats::Entity::find()
        .filter(template_seats::Column::TemplateId.eq(template_id))
        .filter(template_seats::Column::MemberId.eq(member_id))
        .count(&tx)
        .await?;
    if holds == 0 {
        return Err(Error::NotFound);
    }
    release_seat(&tx, member_id, crate::today()).await?;
    audit::commit(
        tx,
        actor,
        "shifts.seat_removed",
        &member_id.to_string(),
        &template_id.to_string(),
    )
    .await?;
    Ok(())
}

/// Retires a template from today: it generates no more shifts, the regular members holding its
/// seats lose them (and their seats in its shifts ahead), and its shifts that have not started
/// are cancelled. Past shifts keep pointing to it. Returns how many shifts were cancelled;
/// retiring it again changes nothing. Errors: `NotFound`.
pub async fn retire_template(s: &Services, actor: &Viewer, template_id: Uuid) -> Result<u64> {
    let tx = write_tx(&s.db).await?;
    let template = shift_templates::Entity::find_by_id(template_id)
        .lock_exclusive()
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    if template.retired_on.is_some() {
        return Ok(0);
    }
    let today = crate::today();
    shift_templates::Entity::update_many()
        .col_expr(shift_templates::Column::RetiredOn, Expr::value(today))
        .filter(shift_templates::Column::Id.eq(template_id))
        .exec(&tx)
        .await?;
    let holders = template_seats::Entity::find()
        .filter(template_seats::Column::TemplateId.eq(template_id))
        .all(&tx)
        .await?;
    for seat in holders {
        release_seat(&tx, seat.member_id, today).await?;
    }
    let cancelled = shifts::Entity::update_many()
        .col_expr(shifts::Column::Cancelled, Expr::value(true))
        .filter(shifts::Column::TemplateId.eq(template_id))
        .filter(shifts::Column::StartAtMs.gt(now_ms()))
        .filter(shifts::Column::Cancelled.eq(false))
        .exec(&tx)
        .await?
        .rows_affected;
    audit::commit(
        tx,
        actor,
        "shifts.template_retired",
        &template_id.to_string(),
        &cancelled.to_string(),
    )
    .await?;
    Ok(cancelled)
}

/// Changes a template in use (week, weekday, times, task, seats, required skill). Its shifts
/// ahead that have not started follow: on a date the template still has they take the new
/// times, task, seats and skill with their bookings; on a date it no longer has they are
/// cancelled, and its shifts on its new dates are generated with its seat holders. Returns how
/// many shifts ahead changed.
///
/// Errors: `NotFound` for an unknown or retired template or an unknown task type; `Invalid`
/// on `seats` for no seats, or (`SeatsBelowBooked`) fewer seats than its holders or than the
/// people booked in one of its shifts ahead.
pub async fn update_template(
    s: &Services,
    actor: &Viewer,
    template_id: Uuid,
    form: &TemplateForm,
) -> Result<u64> {
    let seats = check_seats(form.seats)?;
    let tx = write_tx(&s.db).await?;
    let row = shift_templates::Entity::find_by_id(template_id)
        .filter(shift_templates::Column::RetiredOn.is_null())
        .lock_exclusive()
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    require_task_type(&tx, form.task_type_id).await?;
    let rules = crate::shifts::rules(&tx).await?;
    let tz = rules
        .time_zone()
        .map_err(|_| Error::invalid("rules", Reason::Malformed))?;
    let holders = template_seats::Entity::find()
        .filter(template_seats::Column::TemplateId.eq(template_id))
        .count(&tx)
        .await?;
    let below = |booked: u64| Error::invalid("seats", Reason::SeatsBelowBooked { booked });
    if holders > u64::from(form.seats) {
        return Err(below(holders));
    }
    let mut row: shift_templates::ActiveModel = row.into();
    row.week_letter = Set(form.week.to_string());
    row.weekday = Set(form.weekday.number_from_monday() as i32);
    row.start_time = Set(form.start.format(TIME).to_string());
    row.end_time = Set(form.end.format(TIME).to_string());
    row.task_type_id = Set(form.task_type_id);
    row.seats = Set(seats);
    row.required_skill = Set(skill(&form.required_skill));
    let template = to_template(&row.update(&tx).await?).ok_or(Error::NotFound)?;
    let ahead = shifts::Entity::find()
        .filter(shifts::Column::TemplateId.eq(template_id))
        .filter(shifts::Column::StartAtMs.gt(now_ms()))
        .filter(shifts::Column::Cancelled.eq(false))
        .all(&tx)
        .await?;
    let today = crate::today();
    let last = ahead.iter().map(|s| s.date).max().unwrap_or(today);
    let new_dates: HashMap<NaiveDate, Occurrence> = domain::shifts::template_occurrences(
        &rules.cycle,
        &tz,
        &template,
        today..last + TimeDelta::days(1),
    )
    .into_iter()
    .map(|o| (o.date, o))
    .collect();
    let mut changed = 0;
    for shift in ahead {
        let mut update: shifts::ActiveModel = shift.clone().into();
        match new_dates.get(&shift.date) {
            Some(o) => {
                let (_, counted) = load_shift(&tx, shift.id, true).await?;
                if counted.booked > form.seats {
                    return Err(below(counted.booked.into()));
                }
                update.start_at_ms = Set(o.start.timestamp_millis());
                update.end_at_ms = Set(o.end.timestamp_millis());
                update.task_type_id = Set(form.task_type_id);
                update.seats = Set(seats);
                update.required_skill = Set(skill(&form.required_skill));
            }
            None => update.cancelled = Set(true),
        }
        update.update(&tx).await?;
        changed += 1;
    }
    changed += u64::from(generate_for(&tx, &rules, today, &[template]).await?);
    audit::commit(
        tx,
        actor,
        "shifts.template_updated",
        &template_id.to_string(),
        &format!("{} {} {} {changed}", form.week, form.weekday, form.start),
    )
    .await?;
    Ok(changed)
}

/// Takes away a member's leadership of a template: they no longer lead its shifts nor keep
/// their sheets. Errors: `NotFound` when they do not lead it.
pub async fn remove_leader(
    s: &Services,
    actor: &Viewer,
    template_id: Uuid,
    member_id: Uuid,
) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    let removed = template_leaders::Entity::delete_many()
        .filter(template_leaders::Column::TemplateId.eq(template_id))
        .filter(template_leaders::Column::MemberId.eq(member_id))
        .exec(&tx)
        .await?
        .rows_affected;
    if removed == 0 {
        return Err(Error::NotFound);
    }
    audit::commit(
        tx,
        actor,
        "shifts.leader_removed",
        &member_id.to_string(),
        &template_id.to_string(),
    )
    .await?;
    Ok(())
}
