//! What a member's status is derived from, read from the database, and the status derived
//! afresh from it: the member's facts (regime, the day obligations count from, skills, make-ups
//! booked ahead), their ledger, leaves and extensions, read in one call so that inside a
//! transaction they come from one snapshot (a sale checks may-shop with the same call).

use super::leaves::to_leave;
use super::ledger::to_event;
use crate::db::select_all;
use crate::entities::{
    counter_events, extensions, leaves, member_skills, members, settings, shift_bookings, shifts,
};
use crate::error::{Error, Result};
use crate::shifts::booking::{as_booking, held, BookingKind, BOOKED};
use chrono::{DateTime, NaiveDate, Utc};
use domain::member::WorkRegime;
use domain::shifts::{
    derive_status, Booking, CounterEvent, Leave, MemberFacts, ShiftRules, StatusReport,
};
use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QueryResult, QuerySelect, QueryTrait,
};
use uuid::Uuid;

/// The setting that holds the day ruche started tracking work obligations (the first day the
/// daily job ran). Obligations count from it or from the member's join date, whichever is
/// later, so members imported with old join dates do not owe every period since they joined.
pub const OBLIGATIONS_SINCE: &str = "shift_obligations_since";

/// What the shift rules need to know about a member as of `now`.
pub(crate) async fn facts(
    db: &impl ConnectionTrait,
    member: &members::Model,
    now: DateTime<Utc>,
) -> Result<MemberFacts> {
    let held = held(db, member.id).await?;
    facts_of(db, member, now, &held).await
}

/// [`facts`] and the member's held seats as the booking rules see them, from one read of the
/// seats.
pub(crate) async fn facts_and_bookings(
    db: &impl ConnectionTrait,
    member: &members::Model,
    now: DateTime<Utc>,
) -> Result<(MemberFacts, Vec<Booking>)> {
    let held = held(db, member.id).await?;
    let facts = facts_of(db, member, now, &held).await?;
    Ok((facts, held.iter().map(|(_, s)| as_booking(s)).collect()))
}

/// [`facts`] given the member's held seats.
async fn facts_of(
    db: &impl ConnectionTrait,
    member: &members::Model,
    now: DateTime<Utc>,
    held: &[(shift_bookings::Model, shifts::Model)],
) -> Result<MemberFacts> {
    let skills = member_skills::Entity::find()
        .filter(member_skills::Column::MemberId.eq(member.id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.skill)
        .collect();
    let since = obligations_since(db).await?;
    Ok(member_facts(
        member,
        since,
        skills,
        makeups_ahead(held, now),
    ))
}

/// How many of the held seats are make-ups (or flexible bookings) still ahead at `now`.
fn makeups_ahead(held: &[(shift_bookings::Model, shifts::Model)], now: DateTime<Utc>) -> usize {
    held.iter()
        .filter(|(b, s)| {
            b.kind != BookingKind::Regular.as_str() && crate::shifts::instant(s.start_at_ms) > now
        })
        .count()
}

pub(super) async fn obligations_since(db: &impl ConnectionTrait) -> Result<Option<NaiveDate>> {
    Ok(crate::settings::get(db, OBLIGATIONS_SINCE)
        .await?
        .and_then(|d| domain::member::parse_date(&d)))
}

pub(crate) fn member_facts(
    member: &members::Model,
    since: Option<NaiveDate>,
    skills: Vec<String>,
    booked_makeups: usize,
) -> MemberFacts {
    MemberFacts {
        id: member.id,
        regime: WorkRegime::parse(&member.work_regime).unwrap_or_default(),
        start_date: since.map_or(member.join_date, |d| d.max(member.join_date)),
        left_on: member.leaving_date,
        skills,
        booked_makeups: u32::try_from(booked_makeups).unwrap_or(u32::MAX),
    }
}

pub(super) async fn report_for(
    db: &impl ConnectionTrait,
    rules: &ShiftRules,
    member: &members::Model,
    today: NaiveDate,
) -> Result<StatusReport> {
    let read = read_status(db, member.id, Utc::now()).await?;
    Ok(read.derive(rules, today))
}

/// A member's status on `today`, derived afresh. Errors: `NotFound`.
pub async fn status_on(
    db: &impl ConnectionTrait,
    member_id: Uuid,
    today: NaiveDate,
) -> Result<StatusReport> {
    read_status(db, member_id, Utc::now()).await?.report(today)
}

/// Everything a member's status is derived from, as of one moment.
pub(crate) struct StatusRead {
    /// The coop's rules as stored (`None`: the defaults); see [`crate::shifts::parse_rules`].
    rules_json: Option<String>,
    facts: MemberFacts,
    ledger: Vec<CounterEvent>,
    leaves: Vec<Leave>,
    granted: Vec<NaiveDate>,
}

impl StatusRead {
    /// The member's status on `today` under the coop's rules as read.
    pub fn report(&self, today: NaiveDate) -> Result<StatusReport> {
        let rules = crate::shifts::parse_rules(self.rules_json.as_deref())?;
        Ok(self.derive(&rules, today))
    }

    /// The member's status on `today` under `rules`.
    pub fn derive(&self, rules: &ShiftRules, today: NaiveDate) -> StatusReport {
        derive_status(
            rules,
            &self.facts,
            &self.ledger,
            &self.leaves,
            &self.granted,
            today,
        )
    }
}

/// The selects [`read_status`] runs, in this order: the member's row with the coop's rules,
/// the day obligations started and the make-up (or flexible) seats the member holds in
/// shifts still ahead at `now`; then their ledger in date order, their leaves and their
/// extensions. Others may run more selects in the same call (a sale, its products).
pub(crate) fn status_selects(member_id: Uuid, now: DateTime<Utc>) -> Vec<SelectStatement> {
    use sea_orm::sea_query::ExprTrait;
    use shift_bookings::Column as B;
    let since = Query::select()
        .column(settings::Column::Value)
        .from(settings::Entity)
        .and_where(settings::Column::Key.eq(OBLIGATIONS_SINCE))
        .to_owned();
    let makeups = Query::select()
        .expr(Expr::col((shift_bookings::Entity, B::Id)).count())
        .from(shift_bookings::Entity)
        .inner_join(
            shifts::Entity,
            Expr::col((shifts::Entity, shifts::Column::Id))
                .equals((shift_bookings::Entity, B::ShiftId)),
        )
        .and_where(Expr::col((shift_bookings::Entity, B::MemberId)).eq(member_id))
        .and_where(Expr::col((shift_bookings::Entity, B::State)).eq(BOOKED))
        .and_where(Expr::col((shift_bookings::Entity, B::Kind)).ne(BookingKind::Regular.as_str()))
        .and_where(Expr::col((shifts::Entity, shifts::Column::Cancelled)).eq(false))
        .and_where(
            Expr::col((shifts::Entity, shifts::Column::StartAtMs)).gt(now.timestamp_millis()),
        )
        .to_owned();
    let member = members::Entity::find_by_id(member_id)
        .expr_as(
            Expr::SubQuery(None, Box::new(crate::shifts::rules_json().into())),
            "rules_json",
        )
        .expr_as(
            Expr::SubQuery(None, Box::new(since.into())),
            "obligations_since",
        )
        .expr_as(
            Expr::SubQuery(None, Box::new(makeups.into())),
            "makeups_ahead",
        )
        .into_query();
    let ledger = counter_events::Entity::find()
        .filter(counter_events::Column::MemberId.eq(member_id))
        .order_by_asc(counter_events::Column::Date)
        .order_by_asc(counter_events::Column::CreatedAtMs)
        .into_query();
    let leaves = leaves::Entity::find()
        .filter(leaves::Column::MemberId.eq(member_id))
        .into_query();
    let extensions = extensions::Entity::find()
        .select_only()
        .column(extensions::Column::GrantedOn)
        .filter(extensions::Column::MemberId.eq(member_id))
        .into_query();
    vec![member, ledger, leaves, extensions]
}

/// [`StatusRead`] from the rows of [`status_selects`] (taken off the front of `parts`).
/// Errors: `NotFound` for an unknown member.
pub(crate) fn status_from(parts: &mut std::vec::IntoIter<Vec<QueryResult>>) -> Result<StatusRead> {
    let mut next = || parts.next().unwrap_or_default();
    let (member_rows, ledger_rows, leave_rows, extension_rows) = (next(), next(), next(), next());
    let row = member_rows.first().ok_or(Error::NotFound)?;
    let member = members::Model::from_query_result(row, "")?;
    let rules_json: Option<String> = row.try_get("", "rules_json")?;
    let since: Option<String> = row.try_get("", "obligations_since")?;
    let makeups: i64 = row.try_get("", "makeups_ahead")?;
    let since = since.and_then(|d| domain::member::parse_date(&d));
    let facts = member_facts(
        &member,
        since,
        Vec::new(),
        usize::try_from(makeups).unwrap_or(0),
    );
    let mut ledger = Vec::with_capacity(ledger_rows.len());
    for row in &ledger_rows {
        ledger.extend(to_event(counter_events::Model::from_query_result(row, "")?));
    }
    let mut leaves = Vec::with_capacity(leave_rows.len());
    for row in &leave_rows {
        leaves.push(to_leave(&leaves::Model::from_query_result(row, "")?));
    }
    let mut granted = Vec::with_capacity(extension_rows.len());
    for row in &extension_rows {
        granted.push(row.try_get::<NaiveDate>("", "granted_on")?);
    }
    Ok(StatusRead {
        rules_json,
        facts,
        ledger,
        leaves,
        granted,
    })
}

/// What a member's status on a day is derived from, read in one call to the database (see
/// [`crate::db::select_all`]) and so, inside a transaction, from one snapshot: the member's
/// row, the coop's rules, the member's ledger, leaves, extensions and make-ups ahead at `now`.
/// Errors: `NotFound` for an unknown member.
pub(crate) async fn read_status(
    db: &impl ConnectionTrait,
    member_id: Uuid,
    now: DateTime<Utc>,
) -> Result<StatusRead> {
    let parts = select_all(db, status_selects(member_id, now)).await?;
    status_from(&mut parts.into_iter())
}
