//! The daily job: for each day since it last ran, in order, it generates the planning for the
//! horizon, debits flexible members at the start of their periods, moves statuses (recording
//! each change with its cause and sending notices), frees the seats of unsubscribed members,
//! flags the sheets left unvalidated and tells the coordinators (once per sheet), tells them
//! of understaffed shifts coming up (once per shift), and queues the shift reminders. Each day
//! is one transaction that also records the day as done, so a day is never done twice, even by
//! two servers at once.

use super::booking::BOOKED;
use super::planning::generate_in;
use super::status::{append, ledger, member_leaves, refresh};
use crate::entities::{
    attendance_sheets, members, settings, shift_bookings, shifts, task_types, understaffed_alerts,
    user_roles, users,
};
use crate::error::{Error, Result};
use crate::{db::write_tx, mail, settings as coop_settings, Services};
use chrono::{NaiveDate, TimeDelta, Utc};
use domain::shifts::{due_period_debits, is_understaffed, reminder_date, ShiftRules};
use domain::validation::Reason;
use domain::{Language, Role};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The settings key holding the last day the job completed.
pub const LAST_RUN: &str = "daily_job_last_run";

/// What the job did, summed over the days it ran.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DailyReport {
    /// The days run, in order.
    pub days: Vec<NaiveDate>,
    pub shifts_generated: u32,
    pub period_debits: u32,
    pub status_changes: u32,
    pub seats_freed: u32,
    pub sheets_flagged: u64,
    /// Shifts coordinators were told are understaffed.
    pub understaffed_alerts: u32,
    pub mails_queued: u32,
}

async fn last_run(db: &impl ConnectionTrait) -> Result<Option<NaiveDate>> {
    Ok(coop_settings::get(db, LAST_RUN)
        .await?
        .and_then(|d| domain::member::parse_date(&d)))
}

/// Runs the job for every day after the last one done up to `today`, in order (only `today`
/// on the first run). Running it again on the same day does nothing.
pub async fn run(s: &Services, today: NaiveDate) -> Result<DailyReport> {
    let mut report = DailyReport::default();
    let first = match last_run(&s.db).await? {
        Some(last) => last + TimeDelta::days(1),
        None => today,
    };
    if coop_settings::get(&s.db, super::status::OBLIGATIONS_SINCE)
        .await?
        .is_none()
    {
        coop_settings::set(
            &s.db,
            super::status::OBLIGATIONS_SINCE,
            &first.format("%Y-%m-%d").to_string(),
        )
        .await?;
    }
    let mut day = first;
    while day <= today {
        if run_day(s, day, &mut report).await? {
            report.days.push(day);
        }
        day += TimeDelta::days(1);
    }
    if report.mails_queued > 0 {
        mail::deliver_soon(s);
    }
    Ok(report)
}

/// One day in one transaction; false when it was already done.
async fn run_day(s: &Services, day: NaiveDate, report: &mut DailyReport) -> Result<bool> {
    let tx = write_tx(&s.db).await?;
    // Holding the settings row makes a second server wait, then see the day done.
    settings::Entity::insert(settings::ActiveModel {
        key: Set(LAST_RUN.to_string()),
        value: Set(String::new()),
    })
    .on_conflict_do_nothing_on([settings::Column::Key])
    .exec_without_returning(&tx)
    .await?;
    let done = settings::Entity::find_by_id(LAST_RUN.to_string())
        .lock_exclusive()
        .one(&tx)
        .await?;
    if let Some(done) = done.and_then(|d| domain::member::parse_date(&d.value)) {
        if done >= day {
            return Ok(false);
        }
    }
    let rules = super::rules(&tx).await?;
    report.shifts_generated += generate_in(&tx, &rules, day).await?;
    for member in members::Entity::find().all(&tx).await? {
        let facts = super::status::facts(&tx, &member, Utc::now()).await?;
        let leaves = member_leaves(&tx, member.id).await?;
        let ledger = ledger(&tx, member.id).await?;
        for debit in due_period_debits(&rules, &facts, &leaves, &ledger, day) {
            if append(&tx, member.id, &debit, None).await? {
                report.period_debits += 1;
            }
        }
        let refreshed = refresh(&tx, &rules, &member, day).await?;
        report.status_changes += u32::from(refreshed.change.is_some());
        report.seats_freed += u32::from(refreshed.seat_freed);
        report.mails_queued += u32::from(refreshed.mailed);
    }
    let coordinators = coordinators(&tx).await?;
    let flagged = flag_unvalidated(&tx, day).await?;
    report.sheets_flagged += flagged.len() as u64;
    report.mails_queued +=
        tell_coordinators(&tx, &rules, &coordinators, &flagged, "mail-unvalidated").await?;
    let understaffed = understaffed(&tx, &rules, day).await?;
    report.understaffed_alerts += u32::try_from(understaffed.len()).unwrap_or(u32::MAX);
    report.mails_queued += tell_coordinators(
        &tx,
        &rules,
        &coordinators,
        &understaffed,
        "mail-understaffed",
    )
    .await?;
    report.mails_queued += remind(&tx, &rules, day).await?;
    coop_settings::set(&tx, LAST_RUN, &day.to_string()).await?;
    tx.commit().await?;
    Ok(true)
}

/// Flags, on `day`, the shifts before it whose sheet nobody validated; returns those flagged
/// now (a shift is flagged once).
async fn flag_unvalidated(db: &impl ConnectionTrait, day: NaiveDate) -> Result<Vec<shifts::Model>> {
    let validated: Vec<Uuid> = attendance_sheets::Entity::find()
        .filter(attendance_sheets::Column::ValidatedAtMs.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.shift_id)
        .collect();
    let mut q = shifts::Entity::find()
        .filter(shifts::Column::Date.lt(day))
        .filter(shifts::Column::Cancelled.eq(false))
        .filter(shifts::Column::UnvalidatedFlaggedOn.is_null());
    if !validated.is_empty() {
        q = q.filter(shifts::Column::Id.is_not_in(validated));
    }
    let flagged = q.order_by_asc(shifts::Column::StartAtMs).all(db).await?;
    if !flagged.is_empty() {
        shifts::Entity::update_many()
            .col_expr(shifts::Column::UnvalidatedFlaggedOn, Expr::value(day))
            .filter(shifts::Column::Id.is_in(flagged.iter().map(|s| s.id)))
            .exec(db)
            .await?;
    }
    Ok(flagged)
}

/// The shifts from `day` to `understaffed_days_ahead` days later that are understaffed and
/// that coordinators have not been told about; records them as told on `day`.
async fn understaffed(
    db: &impl ConnectionTrait,
    rules: &ShiftRules,
    day: NaiveDate,
) -> Result<Vec<shifts::Model>> {
    let told: Vec<Uuid> = understaffed_alerts::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.shift_id)
        .collect();
    let candidates = shifts::Entity::find()
        .filter(shifts::Column::Date.gte(day))
        .filter(shifts::Column::Date.lte(day + TimeDelta::days(rules.understaffed_days_ahead)))
        .filter(shifts::Column::Cancelled.eq(false))
        .order_by_asc(shifts::Column::StartAtMs)
        .all(db)
        .await?;
    let mut found = Vec::new();
    for row in candidates.into_iter().filter(|s| !told.contains(&s.id)) {
        let (_, shift) = super::load_shift(db, row.id, false).await?;
        if is_understaffed(rules, &shift, day) {
            understaffed_alerts::Entity::insert(understaffed_alerts::ActiveModel {
                shift_id: Set(row.id),
                alerted_on: Set(day),
            })
            .exec_without_returning(db)
            .await?;
            found.push(row);
        }
    }
    Ok(found)
}

/// The coordinators' addresses and languages, for staff mails.
async fn coordinators(db: &impl ConnectionTrait) -> Result<Vec<(String, Language)>> {
    let ids: Vec<Uuid> = user_roles::Entity::find()
        .filter(user_roles::Column::Role.eq(Role::Coordinator.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect();
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .filter(users::Column::Disabled.eq(false))
        .order_by_asc(users::Column::Email)
        .all(db)
        .await?
        .into_iter()
        .map(|u| {
            (
                u.email,
                Language::parse(&u.language).unwrap_or(Language::Fr),
            )
        })
        .collect())
}

/// One line per shift: date, local start and end, task, booked seats out of seats.
async fn shift_lines(
    db: &impl ConnectionTrait,
    rules: &ShiftRules,
    list: &[shifts::Model],
) -> Result<Vec<String>> {
    let tz = rules
        .time_zone()
        .map_err(|_| Error::invalid("rules", Reason::Malformed))?;
    let tasks: HashMap<Uuid, String> = task_types::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    let mut lines = Vec::new();
    for s in list {
        let (_, counted) = super::load_shift(db, s.id, false).await?;
        let time = |ms| super::instant(ms).with_timezone(&tz).format("%H:%M");
        lines.push(format!(
            "- {} {}-{} {} ({}/{})",
            s.date,
            time(s.start_at_ms),
            time(s.end_at_ms),
            tasks.get(&s.task_type_id).map_or("", String::as_str),
            counted.booked,
            counted.seats
        ));
    }
    Ok(lines)
}

/// Queues one mail to each coordinator, in their language, listing `list` (nothing when it is
/// empty); `prefix` names the messages (`-subject`, `-body` with `$count` and `$shifts`).
/// Returns how many mails were queued.
async fn tell_coordinators(
    db: &impl ConnectionTrait,
    rules: &ShiftRules,
    coordinators: &[(String, Language)],
    list: &[shifts::Model],
    prefix: &str,
) -> Result<u32> {
    if list.is_empty() || coordinators.is_empty() {
        return Ok(0);
    }
    let lines = shift_lines(db, rules, list).await?.join("\n");
    let args = [
        ("count", list.len().to_string()),
        ("percent", rules.understaffed_below_percent.to_string()),
        ("shifts", lines),
    ];
    let mut queued = 0;
    for (email, lang) in coordinators {
        mail::queue(
            db,
            email,
            &i18n::t_args(*lang, &format!("{prefix}-subject"), &args),
            &i18n::t_args(*lang, &format!("{prefix}-body"), &args),
        )
        .await?;
        queued += 1;
    }
    Ok(queued)
}

/// The shifts flagged as left unvalidated, for staff: (shift id, date, flagged on).
pub async fn unvalidated(db: &impl ConnectionTrait) -> Result<Vec<(Uuid, NaiveDate, NaiveDate)>> {
    Ok(shifts::Entity::find()
        .filter(shifts::Column::UnvalidatedFlaggedOn.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|s| Some((s.id, s.date, s.unvalidated_flagged_on?)))
        .collect())
}

/// Queues the reminders due on `day` for shifts that have not started, in each member's
/// language; returns how many.
async fn remind(db: &impl ConnectionTrait, rules: &ShiftRules, day: NaiveDate) -> Result<u32> {
    let tz = rules
        .time_zone()
        .map_err(|_| Error::invalid("rules", Reason::Malformed))?;
    let target = day + TimeDelta::days(rules.reminder_days_before);
    let due: Vec<shifts::Model> = shifts::Entity::find()
        .filter(shifts::Column::Date.eq(target))
        .filter(shifts::Column::Cancelled.eq(false))
        .filter(shifts::Column::StartAtMs.gt(crate::now_ms()))
        .all(db)
        .await?
        .into_iter()
        .filter(|s| reminder_date(rules, s.date) == day)
        .collect();
    let mut sent = 0;
    for shift in due {
        let task = task_types::Entity::find_by_id(shift.task_type_id)
            .one(db)
            .await?
            .map(|t| t.name)
            .unwrap_or_default();
        let start = super::instant(shift.start_at_ms)
            .with_timezone(&tz)
            .format("%H:%M")
            .to_string();
        let booked = shift_bookings::Entity::find()
            .filter(shift_bookings::Column::ShiftId.eq(shift.id))
            .filter(shift_bookings::Column::State.eq(BOOKED))
            .all(db)
            .await?;
        for b in booked {
            let Some(member) = members::Entity::find_by_id(b.member_id).one(db).await? else {
                continue;
            };
            let lang = Language::parse(&member.language).unwrap_or(Language::Fr);
            let args = [
                ("name", member.first_name.clone()),
                ("date", shift.date.to_string()),
                ("start", start.clone()),
                ("task", task.clone()),
            ];
            mail::queue(
                db,
                &member.email,
                &i18n::t_args(lang, "mail-shift-reminder-subject", &args),
                &i18n::t_args(lang, "mail-shift-reminder-body", &args),
            )
            .await?;
            sent += 1;
        }
    }
    Ok(sent)
}
