//! Leaves and extensions: holidays and exemptions recorded by staff or asked for by the member,
//! and the extra time granted to a member in alert; each refreshes the member's status.

use super::read::report_for;
use super::{commit_with_status, find_member};
use crate::entities::{extensions, leaves};
use crate::error::{Error, Result};
use crate::{db::write_tx, now_ms, Services};
use chrono::NaiveDate;
use domain::member::NOTE_MAX;
use domain::shifts::statuses::{check_new_leave, LeaveRecord};
use domain::shifts::{check_extension_request, Leave, LeaveKind, StatusReport};
use domain::validation::{required_text, Reason};
use domain::Viewer;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

pub(crate) async fn member_leaves(
    db: &impl ConnectionTrait,
    member_id: Uuid,
) -> Result<Vec<Leave>> {
    Ok(leaves::Entity::find()
        .filter(leaves::Column::MemberId.eq(member_id))
        .all(db)
        .await?
        .iter()
        .map(to_leave)
        .collect())
}

pub(super) fn to_leave(l: &leaves::Model) -> Leave {
    Leave {
        kind: if l.kind == "exemption" {
            LeaveKind::Exemption
        } else {
            LeaveKind::Holiday
        },
        start: l.start_date,
        end: l.end_date,
    }
}

/// Records a holiday or an exemption from `start` to `end` (both included) and refreshes the
/// member's status. Errors: `NotFound`; `Invalid` for no note, an end before the start, or a
/// leave overlapping another of its kind (see [`check_new_leave`]).
pub async fn add_leave(
    s: &Services,
    actor: &Viewer,
    member_id: Uuid,
    kind: LeaveKind,
    start: NaiveDate,
    end: NaiveDate,
    note: &str,
) -> Result<StatusReport> {
    let note = &required_text("note", note, NOTE_MAX).map_err(Error::Invalid)?;
    record_leave(s, actor, member_id, kind, (start, end, None), note).await
}

/// A member's own request for a holiday from `start` to `end` (both included), recorded at
/// once when the dates are fine, without a note (staff notes are mandatory, so an empty note
/// marks the member's own request). Errors: `Invalid` on `end` (`HolidayTooLong`) for a holiday
/// longer than the rules' `max_holiday_days`; `NotFound`; `Invalid` for an end before the
/// start, a start in the past, or an overlap with another holiday.
pub async fn request_holiday(
    s: &Services,
    actor: &Viewer,
    member_id: Uuid,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<StatusReport> {
    let rules = crate::shifts::rules(&s.db).await?;
    if !rules.own_holiday_fits(start, end) {
        return Err(Error::invalid(
            "end",
            Reason::HolidayTooLong {
                max_days: rules.max_holiday_days,
            },
        ));
    }
    let today = Some(crate::today());
    record_leave(
        s,
        actor,
        member_id,
        LeaveKind::Holiday,
        (start, end, today),
        "",
    )
    .await
}

/// Writes a leave after [`check_new_leave`] against the member's leaves, read inside the write
/// transaction so two requests cannot both pass. `dates` is (start, end, today when a past
/// start is refused).
async fn record_leave(
    s: &Services,
    actor: &Viewer,
    member_id: Uuid,
    kind: LeaveKind,
    (start, end, today): (NaiveDate, NaiveDate, Option<NaiveDate>),
    note: &str,
) -> Result<StatusReport> {
    let tx = write_tx(&s.db).await?;
    let member = find_member(&tx, member_id).await?;
    let existing = member_leaves(&tx, member_id).await?;
    check_new_leave(kind, start, end, today, &existing).map_err(Error::Invalid)?;
    leaves::ActiveModel {
        id: Set(Uuid::now_v7()),
        member_id: Set(member_id),
        kind: Set(match kind {
            LeaveKind::Holiday => "holiday",
            LeaveKind::Exemption => "exemption",
        }
        .to_string()),
        start_date: Set(start),
        end_date: Set(end),
        note: Set(note.to_string()),
        created_by: Set(Some(actor.user_id)),
        created_at_ms: Set(now_ms()),
    }
    .insert(&tx)
    .await?;
    let detail = format!("{kind:?} {start}..={end}: {note}");
    commit_with_status(s, tx, actor, &member, "shifts.leave", &detail).await
}

/// A member's leaves with their notes, latest first.
pub async fn leave_records(db: &impl ConnectionTrait, member_id: Uuid) -> Result<Vec<LeaveRecord>> {
    Ok(leaves::Entity::find()
        .filter(leaves::Column::MemberId.eq(member_id))
        .order_by_desc(leaves::Column::StartDate)
        .all(db)
        .await?
        .into_iter()
        .map(|l| LeaveRecord {
            leave: to_leave(&l),
            note: l.note,
        })
        .collect())
}

/// Grants a member in alert more time (`extension_days`). Errors: `NotFound`;
/// `Extension(NotInAlert | AlreadyExtended | TooLate)`.
pub async fn grant_extension(
    s: &Services,
    actor: &Viewer,
    member_id: Uuid,
) -> Result<StatusReport> {
    let tx = write_tx(&s.db).await?;
    let member = find_member(&tx, member_id).await?;
    let rules = crate::shifts::rules(&tx).await?;
    let today = crate::today();
    let report = report_for(&tx, &rules, &member, today).await?;
    check_extension_request(&rules, &report)?;
    extensions::ActiveModel {
        id: Set(Uuid::now_v7()),
        member_id: Set(member_id),
        granted_on: Set(today),
        granted_by: Set(Some(actor.user_id)),
        created_at_ms: Set(now_ms()),
    }
    .insert(&tx)
    .await?;
    commit_with_status(
        s,
        tx,
        actor,
        &member,
        "shifts.extension",
        &today.to_string(),
    )
    .await
}
