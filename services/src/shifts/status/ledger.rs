//! The ledger: a member's counter events (shifts done or missed, periods owed, staff
//! corrections), each written once, and read back in date order.

use super::{commit_with_status, find_member};
use crate::entities::counter_events;
use crate::error::{Error, Result};
use crate::{db::write_tx, now_ms, Services};
use domain::member::NOTE_MAX;
use domain::shifts::{
    manual_correction, CounterEvent, CounterReason, LedgerError, Reference, StatusReport,
};
use domain::validation::{required_text, Reason};
use domain::Viewer;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, TryInsertResult,
};
use uuid::Uuid;

pub(super) fn to_event(row: counter_events::Model) -> Option<CounterEvent> {
    let reference = match row.reference_kind.as_str() {
        "shift" => Reference::Shift {
            shift_id: row.reference_id?,
        },
        "period" => Reference::Period {
            starts_on: row.reference_date?,
        },
        _ => Reference::Staff {
            staff_id: row.reference_id?,
            note: row.note.unwrap_or_default(),
        },
    };
    Some(CounterEvent {
        date: row.date,
        delta: row.delta,
        reason: CounterReason::parse(&row.reason)?,
        reference,
    })
}

/// A member's ledger in date order: every counter event, the reasons of their balance.
pub async fn ledger(db: &impl ConnectionTrait, member_id: Uuid) -> Result<Vec<CounterEvent>> {
    Ok(counter_events::Entity::find()
        .filter(counter_events::Column::MemberId.eq(member_id))
        .order_by_asc(counter_events::Column::Date)
        .order_by_asc(counter_events::Column::CreatedAtMs)
        .all(db)
        .await?
        .into_iter()
        .filter_map(to_event)
        .collect())
}

/// Appends an event to a member's ledger unless the same event (member, reason and
/// reference) is there already; returns whether it was written. Corrections are always new.
pub(crate) async fn append(
    db: &impl ConnectionTrait,
    member_id: Uuid,
    event: &CounterEvent,
    created_by: Option<Uuid>,
) -> Result<bool> {
    let inserted = counter_events::Entity::insert(ledger_row(member_id, event, created_by))
        .on_conflict_do_nothing_on([counter_events::Column::UniqueKey])
        .exec_without_returning(db)
        .await?;
    Ok(matches!(inserted, TryInsertResult::Inserted(n) if n > 0))
}

/// The row of a ledger event, with the unique key (member, reason and reference) that keeps
/// the same event from being written twice.
pub(crate) fn ledger_row(
    member_id: Uuid,
    event: &CounterEvent,
    created_by: Option<Uuid>,
) -> counter_events::ActiveModel {
    let id = Uuid::now_v7();
    let reason = event.reason.as_str();
    let (kind, ref_id, ref_date, note, key) = match &event.reference {
        Reference::Shift { shift_id } => (
            "shift",
            Some(*shift_id),
            None,
            None,
            format!("{member_id}:{reason}:shift:{shift_id}"),
        ),
        Reference::Period { starts_on } => (
            "period",
            None,
            Some(*starts_on),
            None,
            format!("{member_id}:{reason}:period:{starts_on}"),
        ),
        Reference::Staff { staff_id, note } => (
            "staff",
            Some(*staff_id),
            None,
            Some(note.clone()),
            format!("{member_id}:{reason}:staff:{id}"),
        ),
    };
    counter_events::ActiveModel {
        id: Set(id),
        member_id: Set(member_id),
        date: Set(event.date),
        delta: Set(event.delta),
        reason: Set(reason.to_string()),
        reference_kind: Set(kind.to_string()),
        reference_id: Set(ref_id),
        reference_date: Set(ref_date),
        note: Set(note),
        unique_key: Set(key),
        created_by: Set(created_by),
        created_at_ms: Set(now_ms()),
    }
}

/// A staff member's correction of a member's counter, dated today, with the reason in `note`.
/// Errors: `NotFound`; `Invalid` for a zero delta (`delta`) or an empty note (`note`).
pub async fn correct(
    s: &Services,
    actor: &Viewer,
    member_id: Uuid,
    delta: i32,
    note: &str,
) -> Result<StatusReport> {
    if !note.trim().is_empty() {
        required_text("note", note, NOTE_MAX).map_err(Error::Invalid)?;
    }
    let event =
        manual_correction(crate::today(), delta, actor.user_id, note).map_err(|e| match e {
            LedgerError::NoteRequired => Error::invalid("note", Reason::Required),
            LedgerError::CorrectionTooLarge { max } => Error::invalid(
                "delta",
                Reason::OutOfRange {
                    min: (-max).into(),
                    max: max.into(),
                },
            ),
            LedgerError::ZeroCorrection | LedgerError::OutOfOrder { .. } => {
                Error::invalid("delta", Reason::InvalidNumber)
            }
        })?;
    let tx = write_tx(&s.db).await?;
    let member = find_member(&tx, member_id).await?;
    append(&tx, member_id, &event, Some(actor.user_id)).await?;
    let detail = format!("{delta:+}: {}", note.trim());
    commit_with_status(s, tx, actor, &member, "shifts.correction", &detail).await
}
