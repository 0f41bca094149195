//! Attendance sheets: who was expected at a shift (its booked seats), walk-ins, the marks
//! attended, excused or absent, and the validation that turns them into ledger events, once.

use super::booking::{BookingKind, BOOKED};
use super::load_shift;
use super::status::{append, ledger, refresh};
use crate::entities::{attendance_lines, attendance_sheets, members, shift_bookings};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, mail, now_ms, Services};
use domain::member::WorkRegime;
use domain::shifts::{
    attendance_event, balance, with_cap, Attendance, BookingError, CounterEvent, Seat,
};
use domain::validation::Reason;
use domain::Viewer;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use uuid::Uuid;

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

async fn open_for_change(
    db: &impl ConnectionTrait,
    shift_id: Uuid,
) -> Result<attendance_sheets::Model> {
    let sheet = current_sheet(db, shift_id).await?;
    if sheet.validated_at_ms.is_some() {
        return Err(Error::AlreadyValidated);
    }
    Ok(sheet)
}

/// Marks a member of the sheet attended, excused or absent. Errors: `NotFound` when the member
/// is not on the sheet; `AlreadyValidated`.
pub async fn mark(
    s: &Services,
    actor: &Viewer,
    shift_id: Uuid,
    member_id: Uuid,
    attendance: Attendance,
) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    let sheet = open_for_change(&tx, shift_id).await?;
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
/// a member already on the sheet is simply marked attended. Errors: `NotFound`;
/// `AlreadyValidated`.
pub async fn add_walk_in(
    s: &Services,
    actor: &Viewer,
    shift_id: Uuid,
    member_id: Uuid,
) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    let sheet = open_for_change(&tx, shift_id).await?;
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
/// Errors: `NotFound`; `Booking(Cancelled)`; `AlreadyValidated` (nothing is written again);
/// `Invalid` (`mark`, `Required`) while a line has no mark.
pub async fn validate(
    s: &Services,
    actor: &Viewer,
    shift_id: Uuid,
) -> Result<Vec<(Uuid, CounterEvent)>> {
    let tx = write_tx(&s.db).await?;
    let sheet = open_for_change(&tx, shift_id).await?;
    let (shift, _) = load_shift(&tx, shift_id, false).await?;
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
