//! Attendance sheets: who was expected at a shift (its booked seats), walk-ins, the marks
//! attended, excused or absent, and the validation that turns them into ledger events, once.
//!
//! Who keeps a sheet: coordinators (and admins) every sheet, a shift leader only the sheets of
//! the shifts whose template they lead. [`sheets`], [`view`], [`mark`], [`add_walk_in`],
//! [`add_walk_in_by_card`], [`walk_in_candidates`] and [`validate`] check it themselves.

use super::booking::{BookingKind, BOOKED};
use super::status::{append, card_holder, ledger, refresh};
use super::{instant, load_shift};
use crate::entities::{
    attendance_lines, attendance_sheets, members, shift_bookings, shifts, task_types,
    template_leaders, users,
};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, mail, now_ms, Services};
use chrono::{NaiveDate, TimeDelta, TimeZone};
use domain::member::WorkRegime;
use domain::register::MemberFilter;
use domain::shifts::sheet::{
    SheetLineView, SheetShift, SheetState, SheetView, Validation, WalkInCandidate,
};
use domain::shifts::{
    attendance_event, balance, with_cap, Attendance, BookingError, CounterEvent, Seat,
};
use domain::validation::Reason;
use domain::{Role, Viewer};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

/// Who keeps every sheet (admins too); shift leaders keep the sheets of the shifts they lead.
const EVERY_SHEET: &[Role] = &[Role::Coordinator];

/// How many days back the list of sheets goes.
pub const SHEETS_DAYS_BACK: i64 = 7;

/// One line of a sheet: a member expected (or walked in) and their mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetLine {
    pub member_id: Uuid,
    pub seat: Seat,
    pub mark: Option<Attendance>,
    pub walk_in: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub shift_id: Uuid,
    pub validated: bool,
    pub lines: Vec<SheetLine>,
}

fn seat_str(seat: Seat) -> &'static str {
    match seat {
        Seat::Fixed => "fixed",
        Seat::Booked => "booked",
    }
}

fn mark_str(mark: Attendance) -> &'static str {
    match mark {
        Attendance::Attended => "attended",
        Attendance::Excused => "excused",
        Attendance::Absent => "absent",
    }
}

fn parse_mark(s: &str) -> Option<Attendance> {
    [
        Attendance::Attended,
        Attendance::Excused,
        Attendance::Absent,
    ]
    .into_iter()
    .find(|m| mark_str(*m) == s)
}

fn to_line(row: &attendance_lines::Model) -> SheetLine {
    SheetLine {
        member_id: row.member_id,
        seat: if row.seat == seat_str(Seat::Fixed) {
            Seat::Fixed
        } else {
            Seat::Booked
        },
        mark: row.mark.as_deref().and_then(parse_mark),
        walk_in: row.walk_in,
    }
}

async fn lines(db: &impl ConnectionTrait, sheet_id: Uuid) -> Result<Vec<attendance_lines::Model>> {
    Ok(attendance_lines::Entity::find()
        .filter(attendance_lines::Column::SheetId.eq(sheet_id))
        .all(db)
        .await?)
}

async fn insert_line(
    db: &impl ConnectionTrait,
    sheet_id: Uuid,
    member_id: Uuid,
    seat: Seat,
    mark: Option<Attendance>,
    walk_in: bool,
) -> Result<()> {
    attendance_lines::ActiveModel {
        id: Set(Uuid::now_v7()),
        sheet_id: Set(sheet_id),
        member_id: Set(member_id),
        seat: Set(seat_str(seat).to_string()),
        mark: Set(mark.map(|m| mark_str(m).to_string())),
        walk_in: Set(walk_in),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The sheet of a shift, locked for this transaction, created on first use; while it is not
/// validated its lines follow the booked seats (a stand-in replaces the member who offered).
async fn current_sheet(
    db: &impl ConnectionTrait,
    shift_id: Uuid,
) -> Result<attendance_sheets::Model> {
    let (_, shift) = load_shift(db, shift_id, true).await?;
    if shift.cancelled {
        return Err(BookingError::Cancelled.into());
    }
    let sheet = match attendance_sheets::Entity::find()
        .filter(attendance_sheets::Column::ShiftId.eq(shift_id))
        .lock_exclusive()
        .one(db)
        .await?
    {
        Some(sheet) => sheet,
        None => {
            attendance_sheets::ActiveModel {
                id: Set(Uuid::now_v7()),
                shift_id: Set(shift_id),
                opened_at_ms: Set(now_ms()),
                validated_at_ms: Set(None),
                validated_by: Set(None),
            }
            .insert(db)
            .await?
        }
    };
    if sheet.validated_at_ms.is_some() {
        return Ok(sheet);
    }
    let booked = shift_bookings::Entity::find()
        .filter(shift_bookings::Column::ShiftId.eq(shift_id))
        .filter(shift_bookings::Column::State.eq(BOOKED))
        .all(db)
        .await?;
    let existing = lines(db, sheet.id).await?;
    for line in &existing {
        let still_booked = booked.iter().any(|b| b.member_id == line.member_id);
        if !line.walk_in && !still_booked {
            attendance_lines::Entity::delete_by_id(line.id)
                .exec(db)
                .await?;
        }
    }
    for b in booked {
        if !existing.iter().any(|l| l.member_id == b.member_id) {
            let seat = if b.kind == BookingKind::Regular.as_str() {
                Seat::Fixed
            } else {
                Seat::Booked
            };
            insert_line(db, sheet.id, b.member_id, seat, None, false).await?;
        }
    }
    Ok(sheet)
}

async fn sheet_of(db: &impl ConnectionTrait, sheet: &attendance_sheets::Model) -> Result<Sheet> {
    let mut lines: Vec<SheetLine> = lines(db, sheet.id).await?.iter().map(to_line).collect();
    lines.sort_by_key(|l| (l.walk_in, l.member_id));
    Ok(Sheet {
        shift_id: sheet.shift_id,
        validated: sheet.validated_at_ms.is_some(),
        lines,
    })
}

/// Opens the attendance sheet of a shift: the members expected, and walk-ins added so far.
/// Errors: `NotFound`; `Booking(Cancelled)` for a cancelled shift.
pub async fn open_sheet(s: &Services, shift_id: Uuid) -> Result<Sheet> {
    let tx = write_tx(&s.db).await?;
    let sheet = current_sheet(&tx, shift_id).await?;
    let out = sheet_of(&tx, &sheet).await?;
    tx.commit().await?;
    Ok(out)
}

/// The templates whose shifts `actor` leads, or `None` when they keep every sheet.
/// Errors: `Forbidden` for someone who is neither a coordinator nor a shift leader.
async fn led_templates(db: &impl ConnectionTrait, actor: &Viewer) -> Result<Option<Vec<Uuid>>> {
    if actor.may(EVERY_SHEET) {
        return Ok(None);
    }
    if !actor.roles.contains(&Role::ShiftLeader) {
        return Err(Error::Forbidden);
    }
    let Some(member_id) = actor.member_id else {
        return Ok(Some(vec![]));
    };
    Ok(Some(
        template_leaders::Entity::find()
            .filter(template_leaders::Column::MemberId.eq(member_id))
            .all(db)
            .await?
            .into_iter()
            .map(|l| l.template_id)
            .collect(),
    ))
}

/// The shift, when `actor` keeps its sheet: a coordinator or admin any shift, a shift leader a
/// shift of a template they lead. Errors: `NotFound`; `Forbidden`.
pub async fn kept_shift(
    db: &impl ConnectionTrait,
    actor: &Viewer,
    shift_id: Uuid,
) -> Result<shifts::Model> {
    let shift = shifts::Entity::find_by_id(shift_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    match led_templates(db, actor).await? {
        None => Ok(shift),
        Some(led) if shift.template_id.is_some_and(|t| led.contains(&t)) => Ok(shift),
        Some(_) => Err(Error::Forbidden),
    }
}

async fn open_for_change(
    db: &impl ConnectionTrait,
    actor: &Viewer,
    shift_id: Uuid,
) -> Result<attendance_sheets::Model> {
    kept_shift(db, actor, shift_id).await?;
    let sheet = current_sheet(db, shift_id).await?;
    if sheet.validated_at_ms.is_some() {
        return Err(Error::AlreadyValidated);
    }
    Ok(sheet)
}

/// Marks a member of the sheet attended, excused or absent. Errors: `NotFound` when the member
/// is not on the sheet; `Forbidden` (see [`kept_shift`]); `AlreadyValidated`.
pub async fn mark(
    s: &Services,
    actor: &Viewer,
    shift_id: Uuid,
    member_id: Uuid,
    attendance: Attendance,
) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    let sheet = open_for_change(&tx, actor, shift_id).await?;
    let line = attendance_lines::Entity::find()
        .filter(attendance_lines::Column::SheetId.eq(sheet.id))
        .filter(attendance_lines::Column::MemberId.eq(member_id))
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let mut line: attendance_lines::ActiveModel = line.into();
    line.mark = Set(Some(mark_str(attendance).to_string()));
    line.update(&tx).await?;
    audit::commit(
        tx,
        actor,
        "shifts.mark",
        &member_id.to_string(),
        &format!("{shift_id}: {}", mark_str(attendance)),
    )
    .await?;
    Ok(())
}

/// Adds a member who came without a booking (found by card scan or search), marked attended;
/// a member already on the sheet is simply marked attended. Errors: `NotFound`; `Forbidden`
/// (see [`kept_shift`]); `AlreadyValidated`.
pub async fn add_walk_in(
    s: &Services,
    actor: &Viewer,
    shift_id: Uuid,
    member_id: Uuid,
) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    let sheet = open_for_change(&tx, actor, shift_id).await?;
    members::Entity::find_by_id(member_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    match attendance_lines::Entity::find()
        .filter(attendance_lines::Column::SheetId.eq(sheet.id))
        .filter(attendance_lines::Column::MemberId.eq(member_id))
        .one(&tx)
        .await?
    {
        Some(line) => {
            let mut line: attendance_lines::ActiveModel = line.into();
            line.mark = Set(Some(mark_str(Attendance::Attended).to_string()));
            line.update(&tx).await?;
        }
        None => {
            insert_line(
                &tx,
                sheet.id,
                member_id,
                Seat::Booked,
                Some(Attendance::Attended),
                true,
            )
            .await?;
        }
    }
    audit::commit(
        tx,
        actor,
        "shifts.walk_in",
        &member_id.to_string(),
        &shift_id.to_string(),
    )
    .await?;
    Ok(())
}

/// Validates the sheet: writes each line's counter event (and the cap of a regular member's
/// credit), once, and refreshes the members' statuses. Returns the events written, by member.
///
/// Errors: `NotFound`; `Forbidden` (see [`kept_shift`]); `Booking(Cancelled)`;
/// `AlreadyValidated` (nothing is written again); `Invalid` (`sheet`, `ShiftNotStarted`)
/// before the shift has started; `Invalid` (`mark`, `Required`) while a line has no mark.
pub async fn validate(
    s: &Services,
    actor: &Viewer,
    shift_id: Uuid,
) -> Result<Vec<(Uuid, CounterEvent)>> {
    let tx = write_tx(&s.db).await?;
    let sheet = open_for_change(&tx, actor, shift_id).await?;
    let (shift, _) = load_shift(&tx, shift_id, false).await?;
    if shift.start_at_ms > now_ms() {
        return Err(Error::invalid("sheet", Reason::ShiftNotStarted));
    }
    let rules = super::rules(&tx).await?;
    let rows = lines(&tx, sheet.id).await?;
    if rows.iter().any(|l| l.mark.is_none()) {
        return Err(Error::invalid("mark", Reason::Required));
    }
    let mut written = Vec::new();
    let mut mailed = false;
    let today = crate::today();
    for row in rows.iter().map(to_line) {
        let member = members::Entity::find_by_id(row.member_id)
            .one(&tx)
            .await?
            .ok_or(Error::NotFound)?;
        let Some(mark) = row.mark else { continue };
        let regime = WorkRegime::parse(&member.work_regime).unwrap_or_default();
        let current = balance(&ledger(&tx, member.id).await?);
        let event = attendance_event(&rules, row.seat, mark, shift.date, shift_id);
        for e in with_cap(&rules, regime, current, event) {
            if append(&tx, member.id, &e, Some(actor.user_id)).await? {
                written.push((member.id, e));
            }
        }
        mailed |= refresh(&tx, &rules, &member, today).await?.mailed;
    }
    let mut done: attendance_sheets::ActiveModel = sheet.into();
    done.validated_at_ms = Set(Some(now_ms()));
    done.validated_by = Set(Some(actor.user_id));
    done.update(&tx).await?;
    audit::commit(
        tx,
        actor,
        "shifts.validate",
        &shift_id.to_string(),
        &format!("{} events", written.len()),
    )
    .await?;
    if mailed {
        mail::deliver_soon(s);
    }
    Ok(written)
}

/// Adds as a walk-in the member whose card was scanned (a household person's card adds their
/// member). Errors: `NotFound` for an unknown card or shift; as [`add_walk_in`].
pub async fn add_walk_in_by_card(
    s: &Services,
    actor: &Viewer,
    shift_id: Uuid,
    card: &str,
) -> Result<Uuid> {
    kept_shift(&s.db, actor, shift_id).await?;
    let member_id = card_holder(&s.db, card).await?;
    add_walk_in(s, actor, shift_id, member_id).await?;
    Ok(member_id)
}

/// Current members matching a name or number, to add as walk-ins to a shift `actor` keeps
/// (at most 8). Errors: `NotFound`; `Forbidden`.
pub async fn walk_in_candidates(
    db: &impl ConnectionTrait,
    actor: &Viewer,
    shift_id: Uuid,
    query: &str,
) -> Result<Vec<WalkInCandidate>> {
    kept_shift(db, actor, shift_id).await?;
    if query.trim().is_empty() {
        return Ok(vec![]);
    }
    let found = crate::members::search(db, query, MemberFilter::Active, 8, 0).await?;
    Ok(found
        .members
        .into_iter()
        .map(|m| WalkInCandidate {
            member_id: m.id,
            member_number: m.member_number,
            name: format!("{} {}", m.first_name, m.last_name),
        })
        .collect())
}

/// The shifts from [`SHEETS_DAYS_BACK`] days before `today` to tomorrow whose sheet `actor`
/// keeps (a coordinator every one, a shift leader those they lead), newest first, cancelled
/// ones left out. Errors: `Forbidden` for someone who keeps no sheet.
pub async fn sheets(
    db: &impl ConnectionTrait,
    actor: &Viewer,
    today: NaiveDate,
) -> Result<Vec<SheetShift>> {
    let mut q = shifts::Entity::find()
        .filter(shifts::Column::Date.gte(today - TimeDelta::days(SHEETS_DAYS_BACK)))
        .filter(shifts::Column::Date.lte(today + TimeDelta::days(1)))
        .filter(shifts::Column::Cancelled.eq(false))
        .order_by_desc(shifts::Column::StartAtMs);
    if let Some(led) = led_templates(db, actor).await? {
        if led.is_empty() {
            return Ok(vec![]);
        }
        q = q.filter(shifts::Column::TemplateId.is_in(led));
    }
    let rows = q.all(db).await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut expected: HashMap<Uuid, u32> = HashMap::new();
    for b in shift_bookings::Entity::find()
        .filter(shift_bookings::Column::ShiftId.is_in(ids.clone()))
        .filter(shift_bookings::Column::State.eq(BOOKED))
        .all(db)
        .await?
    {
        *expected.entry(b.shift_id).or_default() += 1;
    }
    let validated: Vec<Uuid> = attendance_sheets::Entity::find()
        .filter(attendance_sheets::Column::ShiftId.is_in(ids))
        .filter(attendance_sheets::Column::ValidatedAtMs.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.shift_id)
        .collect();
    let tasks = task_names(db).await?;
    let tz = super::rules(db)
        .await?
        .time_zone()
        .map_err(|_| Error::invalid("rules", Reason::Malformed))?;
    Ok(rows
        .iter()
        .map(|r| {
            let state = if validated.contains(&r.id) {
                SheetState::Validated
            } else {
                SheetState::Open
            };
            sheet_shift(
                r,
                &tasks,
                &tz,
                expected.get(&r.id).copied().unwrap_or(0),
                state,
            )
        })
        .collect())
}

async fn task_names(db: &impl ConnectionTrait) -> Result<HashMap<Uuid, String>> {
    Ok(task_types::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect())
}

fn sheet_shift<Tz: TimeZone>(
    row: &shifts::Model,
    tasks: &HashMap<Uuid, String>,
    tz: &Tz,
    expected: u32,
    state: SheetState,
) -> SheetShift {
    SheetShift {
        shift_id: row.id,
        date: row.date,
        start: instant(row.start_at_ms).with_timezone(tz).time(),
        end: instant(row.end_at_ms).with_timezone(tz).time(),
        task: tasks.get(&row.task_type_id).cloned().unwrap_or_default(),
        seats: u32::try_from(row.seats).unwrap_or(0),
        expected,
        state,
        started: row.start_at_ms <= now_ms(),
    }
}

/// The sheet of a shift `actor` keeps, with names, opened (and its lines brought in line with
/// the booked seats) if it is not validated. Errors: `NotFound`; `Forbidden`;
/// `Booking(Cancelled)`.
pub async fn view(s: &Services, actor: &Viewer, shift_id: Uuid) -> Result<SheetView> {
    let tx = write_tx(&s.db).await?;
    let shift = kept_shift(&tx, actor, shift_id).await?;
    let sheet = current_sheet(&tx, shift_id).await?;
    let plain = sheet_of(&tx, &sheet).await?;
    let ids: Vec<Uuid> = plain.lines.iter().map(|l| l.member_id).collect();
    let people: HashMap<Uuid, members::Model> = members::Entity::find()
        .filter(members::Column::Id.is_in(ids))
        .all(&tx)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let mut lines: Vec<SheetLineView> = plain
        .lines
        .iter()
        .filter_map(|l| {
            let m = people.get(&l.member_id)?;
            Some(SheetLineView {
                member_id: l.member_id,
                member_number: m.member_number,
                name: format!("{} {}", m.first_name, m.last_name),
                seat: l.seat,
                mark: l.mark,
                walk_in: l.walk_in,
            })
        })
        .collect();
    lines.sort_by(|a, b| (a.walk_in, &a.name).cmp(&(b.walk_in, &b.name)));
    let tz = super::rules(&tx)
        .await?
        .time_zone()
        .map_err(|_| Error::invalid("rules", Reason::Malformed))?;
    let validated = match (sheet.validated_at_ms, sheet.validated_by) {
        (Some(at), by) => {
            let by = match by {
                Some(id) => users::Entity::find_by_id(id).one(&tx).await?,
                None => None,
            };
            Some(Validation {
                by: by.map(|u| u.display_name).unwrap_or_default(),
                at: instant(at).with_timezone(&tz).naive_local(),
            })
        }
        (None, _) => None,
    };
    let expected = shift_bookings::Entity::find()
        .filter(shift_bookings::Column::ShiftId.eq(shift_id))
        .filter(shift_bookings::Column::State.eq(BOOKED))
        .count(&tx)
        .await?;
    let state = if validated.is_some() {
        SheetState::Validated
    } else {
        SheetState::Open
    };
    let tasks = task_names(&tx).await?;
    let out = SheetView {
        shift: sheet_shift(
            &shift,
            &tasks,
            &tz,
            u32::try_from(expected).unwrap_or(u32::MAX),
            state,
        ),
        lines,
        validated,
    };
    tx.commit().await?;
    Ok(out)
}
