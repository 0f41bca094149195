//! A member's private calendar feed: a secret address that calendar apps poll, listing the
//! member's booked shifts from four weeks ago to the end of the planning. Only a hash of the
//! secret is stored (as for sessions), so the address can be shown once, when it is made;
//! making a new one retires the old address at once.

use super::agenda::booked_rows;
use crate::accounts::{new_token, token_hash};
use crate::entities::{calendar_tokens, members};
use crate::error::{Error, Result};
use crate::{db::write_tx, now_ms, Services};
use chrono::{DateTime, TimeDelta, Utc};
use domain::shifts::ical::{calendar, CalendarEvent};
use domain::Language;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

/// How many weeks back the feed goes, so last weeks' shifts stay in the calendar.
const FEED_PAST_WEEKS: i64 = 4;

/// Makes a new secret for a member's feed, retiring the previous one; returns the secret,
/// which is not kept and cannot be read again. Errors: `NotFound` for an unknown member.
pub async fn reset_token(s: &Services, member_id: Uuid) -> Result<String> {
    let tx = write_tx(&s.db).await?;
    members::Entity::find_by_id(member_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    calendar_tokens::Entity::delete_by_id(member_id)
        .exec(&tx)
        .await?;
    let (token, hash) = new_token();
    calendar_tokens::ActiveModel {
        member_id: Set(member_id),
        token_hash: Set(hash),
        created_at_ms: Set(now_ms()),
    }
    .insert(&tx)
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// When the member's current feed address was made, if they have one.
pub async fn token_made(
    db: &impl ConnectionTrait,
    member_id: Uuid,
) -> Result<Option<DateTime<Utc>>> {
    Ok(calendar_tokens::Entity::find_by_id(member_id)
        .one(db)
        .await?
        .map(|t| super::instant(t.created_at_ms)))
}

/// The iCalendar text of the feed with this secret, in its member's language.
/// Errors: `NotFound` for a secret that is unknown or was replaced.
pub async fn feed(db: &impl ConnectionTrait, token: &str) -> Result<String> {
    let row = calendar_tokens::Entity::find()
        .filter(calendar_tokens::Column::TokenHash.eq(token_hash(token)))
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let member = members::Entity::find_by_id(row.member_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let lang = Language::parse(&member.language).unwrap_or_default();
    let now = Utc::now();
    let events: Vec<CalendarEvent> =
        booked_rows(db, member.id, now - TimeDelta::weeks(FEED_PAST_WEEKS))
            .await?
            .into_iter()
            .filter(|b| !b.shift.cancelled)
            .map(|b| CalendarEvent {
                uid: format!("{}@ruche", b.booking_id),
                start: super::instant(b.shift.start_at_ms),
                end: super::instant(b.shift.end_at_ms),
                summary: i18n::t_args(lang, "calendar-event", &[("task", b.shift.task)]),
            })
            .collect();
    Ok(calendar(&i18n::t(lang, "calendar-name"), &events, now))
}
