//! The planning: task types, templates with the regular members holding their seats and their
//! leaders, the dated shifts generated from them (idempotently, for the horizon), one-off
//! shifts, closure days, and members' skills.
//!
//! - `templates`: the weekly templates, their seat holders and leaders;
//! - `generation`: the dated shifts generated from the templates for the horizon;
//! - `closures`: closure days and one-off shifts;
//! - `read`: one shift, the shifts of some dates, and the coordinators' planning.
//!
//! Here: task types and skills, finding the one member a coordinator typed, and what the others
//! share (the checks of a slot's seats and skill, and booking a seat).

mod closures;
mod generation;
mod read;
mod templates;

pub use closures::{add_closure_day, add_one_off, closure_days, OneOffForm};
pub use generation::generate;
pub(crate) use generation::generate_in;
pub use read::{planning, shift, shifts_on};
pub(crate) use templates::release_seat;
pub use templates::{
    add_leader, assign_seat, create_template, remove_leader, remove_seat, retire_template,
    template_views, templates, update_template, TemplateForm,
};

use crate::entities::{member_skills, members, shift_bookings, task_types};
use crate::error::{Error, Result};
use crate::shifts::booking::{BookingKind, BOOKED};
use crate::{audit, db::write_tx, now_ms, Services};
use domain::member::NAME_MAX;
use domain::register::MemberFilter;
use domain::shifts::planning::TaskType;
use domain::shifts::BookingError;
use domain::validation::{required_text, Reason};
use domain::Viewer;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

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

/// Checks that a task type exists. Errors: `NotFound`.
async fn require_task_type(db: &impl ConnectionTrait, id: Uuid) -> Result<()> {
    task_types::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|_| ())
        .ok_or(Error::NotFound)
}

/// A slot's number of seats, as stored. Errors: `Invalid` on `seats` for none.
fn check_seats(seats: u32) -> Result<i32> {
    match i32::try_from(seats) {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(Error::invalid("seats", Reason::NotPositive)),
    }
}

/// The skill a slot requires, if one is typed.
fn skill(required: &Option<String>) -> Option<String> {
    required
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
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

/// Books `member_id` a seat of `kind` in a shift. Errors: `Booking(AlreadyBooked)` when they
/// hold a seat there already.
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
