//! The planning: task types, templates with the regular members holding their seats and their
//! leaders, the dated shifts generated from them (idempotently, for the horizon), one-off
//! shifts, closure days, and members' skills.

use super::booking::{BookingKind, BOOKED, CANCELLED};
use super::{domain_shift, load_shift};
use crate::entities::{
    closure_days, member_skills, members, shift_bookings, shift_templates, shifts, task_types,
    template_leaders, template_seats,
};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, now_ms, Services};
use chrono::{NaiveDate, NaiveTime, TimeDelta, Weekday};
use domain::member::{NAME_MAX, NOTE_MAX};
use domain::register::MemberFilter;
use domain::shifts::planning::{
    staffing, ClosureDay, MemberRef, PlannedShift, TaskType, TemplateView,
};
use domain::shifts::{
    local_to_utc, missing_occurrences, BookingError, Occurrence, Shift, ShiftRules, ShiftTemplate,
    WeekLetter,
};
use domain::validation::{required_text, Reason};
use domain::Viewer;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TryInsertResult,
};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;
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

/// Adds a task type (till, reception, shelving, ...). Errors: `Invalid` when the name is
/// empty or already used.
pub async fn create_task_type(s: &Services, actor: &Viewer, name: &str) -> Result<Uuid> {
    let name = &required_text("name", name, NAME_MAX).map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    let taken = task_types::Entity::find()
        .filter(task_types::Column::Name.eq(name))
        .count(&tx)
        .await?;
    if taken > 0 {
        return Err(Error::invalid("name", Reason::AlreadyTaken));
    }
    let id = Uuid::now_v7();
    task_types::ActiveModel {
        id: Set(id),
        name: Set(name.to_string()),
    }
    .insert(&tx)
    .await?;
    audit::commit(tx, actor, "shifts.task_type", &id.to_string(), name).await?;
    Ok(id)
}

async fn require_task_type(db: &impl ConnectionTrait, id: Uuid) -> Result<()> {
    task_types::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|_| ())
        .ok_or(Error::NotFound)
}

fn check_seats(seats: u32) -> Result<i32> {
    match i32::try_from(seats) {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(Error::invalid("seats", Reason::NotPositive)),
    }
}

fn skill(required: &Option<String>) -> Option<String> {
    required
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
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

/// Gives a member a skill (till, cash counting, ...) that some seats require.
pub async fn add_skill(s: &Services, actor: &Viewer, member_id: Uuid, skill: &str) -> Result<()> {
    let skill = &required_text("skill", skill, NAME_MAX).map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    members::Entity::find_by_id(member_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    member_skills::Entity::insert(member_skills::ActiveModel {
        id: Set(Uuid::now_v7()),
        member_id: Set(member_id),
        skill: Set(skill.to_string()),
    })
    .on_conflict_do_nothing_on([
        member_skills::Column::MemberId,
        member_skills::Column::Skill,
    ])
    .exec_without_returning(&tx)
    .await?;
    audit::commit(tx, actor, "shifts.skill", &member_id.to_string(), skill).await?;
    Ok(())
}

/// Generates the shifts of every template for the horizon starting on `from`, with the seats
/// of their regular members booked. Idempotent: generating again creates nothing. Shifts on a
/// closure day are created cancelled. Returns how many shifts were created.
pub async fn generate(s: &Services, from: NaiveDate) -> Result<u32> {
    let tx = write_tx(&s.db).await?;
    let rules = super::rules(&tx).await?;
    let created = generate_in(&tx, &rules, from).await?;
    tx.commit().await?;
    Ok(created)
}

pub(crate) async fn generate_in(
    db: &impl ConnectionTrait,
    rules: &ShiftRules,
    from: NaiveDate,
) -> Result<u32> {
    let all = templates(db).await?;
    generate_for(db, rules, from, &all).await
}

/// Generates the missing shifts of `templates` for the horizon starting on `from`.
async fn generate_for(
    db: &impl ConnectionTrait,
    rules: &ShiftRules,
    from: NaiveDate,
    templates: &[ShiftTemplate],
) -> Result<u32> {
    let tz = rules
        .time_zone()
        .map_err(|_| Error::invalid("rules", Reason::Malformed))?;
    let dates = rules.horizon(from);
    let closures: BTreeSet<NaiveDate> = closure_days::Entity::find()
        .filter(closure_days::Column::Date.gte(dates.start))
        .filter(closure_days::Column::Date.lt(dates.end))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.date)
        .collect();
    let existing: HashSet<(Uuid, NaiveDate)> = shifts::Entity::find()
        .filter(shifts::Column::TemplateId.is_not_null())
        .filter(shifts::Column::Date.gte(dates.start))
        .filter(shifts::Column::Date.lt(dates.end))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|s| Some((s.template_id?, s.date)))
        .collect();
    let missing = missing_occurrences(&rules.cycle, &tz, templates, dates, &closures, &existing);
    let mut holders: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for seat in template_seats::Entity::find().all(db).await? {
        holders
            .entry(seat.template_id)
            .or_default()
            .push(seat.member_id);
    }
    let mut created = 0;
    for o in missing {
        let Some(id) = insert_occurrence(db, &o).await? else {
            continue;
        };
        created += 1;
        if !o.cancelled {
            for member_id in holders.get(&o.template_id).into_iter().flatten() {
                insert_booking(db, id, *member_id, BookingKind::Regular).await?;
            }
        }
    }
    Ok(created)
}

/// Inserts a generated shift unless another generation got there first.
async fn insert_occurrence(db: &impl ConnectionTrait, o: &Occurrence) -> Result<Option<Uuid>> {
    let id = Uuid::now_v7();
    let task_type_id = Uuid::parse_str(&o.task).map_err(|_| Error::NotFound)?;
    let inserted = shifts::Entity::insert(shifts::ActiveModel {
        id: Set(id),
        template_id: Set(Some(o.template_id)),
        task_type_id: Set(task_type_id),
        date: Set(o.date),
        start_at_ms: Set(o.start.timestamp_millis()),
        end_at_ms: Set(o.end.timestamp_millis()),
        seats: Set(i32::try_from(o.seats).unwrap_or(i32::MAX)),
        required_skill: Set(o.required_skill.clone()),
        cancelled: Set(o.cancelled),
        closure_note: Set(None),
        unvalidated_flagged_on: Set(None),
        created_at_ms: Set(now_ms()),
    })
    .on_conflict_do_nothing_on([shifts::Column::TemplateId, shifts::Column::Date])
    .exec_without_returning(db)
    .await?;
    Ok(matches!(inserted, TryInsertResult::Inserted(n) if n > 0).then_some(id))
}

pub(crate) async fn insert_booking(
    db: &impl ConnectionTrait,
    shift_id: Uuid,
    member_id: Uuid,
    kind: BookingKind,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let now = now_ms();
    shift_bookings::ActiveModel {
        id: Set(id),
        shift_id: Set(shift_id),
        member_id: Set(member_id),
        kind: Set(kind.as_str().to_string()),
        state: Set(BOOKED.to_string()),
        created_at_ms: Set(now),
        updated_at_ms: Set(now),
    }
    .insert(db)
    .await
    .map_err(|e| match Error::from(e) {
        Error::Invalid(_) => Error::Booking(BookingError::AlreadyBooked),
        other => other,
    })?;
    Ok(id)
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
    let rules = super::rules(&tx).await?;
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

/// Every task type, by name.
pub async fn task_types(db: &impl ConnectionTrait) -> Result<Vec<TaskType>> {
    Ok(task_types::Entity::find()
        .order_by_asc(task_types::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|t| TaskType {
            id: t.id,
            name: t.name,
        })
        .collect())
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
async fn leaders_of(
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

/// The one member that `typed` names: an exact member number, else the only current member
/// whose name, email or card matches every word.
///
/// Errors: `Invalid` on `field` with `NotOneMember { count }` when none or several match.
pub async fn find_member(db: &impl ConnectionTrait, field: &str, typed: &str) -> Result<Uuid> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(Error::invalid(field, Reason::Required));
    }
    if let Ok(number) = typed.parse::<i64>() {
        if let Some(m) = members::Entity::find()
            .filter(members::Column::MemberNumber.eq(number))
            .one(db)
            .await?
        {
            return Ok(m.id);
        }
    }
    let found = crate::members::search(db, typed, MemberFilter::Active, 1, 0).await?;
    match (found.total, found.members.first()) {
        (1, Some(m)) => Ok(m.id),
        (count, _) => Err(Error::invalid(field, Reason::NotOneMember { count })),
    }
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

/// The planning of `dates` (end excluded), as coordinators read it: every shift by start,
/// cancelled ones included, with its local times, task, booked seats, leaders and staffing.
/// One query for the shifts and one for their booked seats (then the task types and the
/// leaders): the number of queries does not grow with the number of shifts.
pub async fn planning(
    db: &impl ConnectionTrait,
    dates: Range<NaiveDate>,
) -> Result<Vec<PlannedShift>> {
    let rules = super::rules(db).await?;
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
    let rules = super::rules(&tx).await?;
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
