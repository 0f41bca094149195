//! Generating the dated shifts of the templates for the horizon, idempotently: the shifts
//! missing from it are created (cancelled on a closure day) with the seats of the templates'
//! regular members booked, and generating again creates nothing.

use super::insert_booking;
use super::templates::templates;
use crate::entities::{closure_days, shifts, template_seats};
use crate::error::{Error, Result};
use crate::shifts::booking::BookingKind;
use crate::{db::write_tx, now_ms, Services};
use chrono::NaiveDate;
use domain::shifts::{missing_occurrences, Occurrence, ShiftRules, ShiftTemplate};
use domain::validation::Reason;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TryInsertResult};
use std::collections::{BTreeSet, HashMap, HashSet};
use uuid::Uuid;

/// Generates the shifts of every template for the horizon starting on `from`, with the seats
/// of their regular members booked. Idempotent: generating again creates nothing. Shifts on a
/// closure day are created cancelled. Returns how many shifts were created.
pub async fn generate(s: &Services, from: NaiveDate) -> Result<u32> {
    let tx = write_tx(&s.db).await?;
    let rules = crate::shifts::rules(&tx).await?;
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
pub(super) async fn generate_for(
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
