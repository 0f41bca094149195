//! The ledger, leaves, extensions and manual corrections, and the status derived from them by
//! `domain::shifts::derive_status`. The stored status (`member_statuses`) is a cache for lists
//! and notices; each change of it is recorded with its cause in `status_changes`, and may_shop
//! always derives afresh.

use super::booking::{as_booking, held, BookingKind, BOOKED};
use super::planning::release_seat;
use crate::db::select_all;
use crate::entities::{
    counter_events, extensions, household_people, leaves, member_skills, member_statuses, members,
    settings, shift_bookings, shifts, status_changes,
};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, mail, now_ms, Services};
use chrono::{DateTime, NaiveDate, Utc};
use domain::member::WorkRegime;
use domain::member::NOTE_MAX;
use domain::shifts::statuses::{check_new_leave, LeaveRecord};
use domain::shifts::{
    check_extension_request, derive_status, manual_correction, status_change, status_from_counter,
    Booking, Counter, CounterEvent, CounterReason, Leave, LeaveKind, LedgerError, MemberFacts,
    Reference, ShiftRules, Status, StatusChange, StatusReason, StatusReport,
};
use domain::validation::{required_text, Reason};
use domain::{Language, Viewer};
use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QueryOrder, QueryResult, QuerySelect, QueryTrait, Set, TryInsertResult,
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
            b.kind != BookingKind::Regular.as_str() && super::instant(s.start_at_ms) > now
        })
        .count()
}

async fn obligations_since(db: &impl ConnectionTrait) -> Result<Option<NaiveDate>> {
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

fn to_event(row: counter_events::Model) -> Option<CounterEvent> {
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

fn to_leave(l: &leaves::Model) -> Leave {
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

async fn report_for(
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
    /// The coop's rules as stored (`None`: the defaults); see [`super::parse_rules`].
    rules_json: Option<String>,
    facts: MemberFacts,
    ledger: Vec<CounterEvent>,
    leaves: Vec<Leave>,
    granted: Vec<NaiveDate>,
}

impl StatusRead {
    /// The member's status on `today` under the coop's rules as read.
    pub fn report(&self, today: NaiveDate) -> Result<StatusReport> {
        let rules = super::parse_rules(self.rules_json.as_deref())?;
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
            Expr::SubQuery(None, Box::new(super::rules_json().into())),
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

/// Every member's status recomputed from scratch, and the members whose stored status
/// (`member_statuses`) says otherwise.
#[derive(Debug, Clone, Default)]
pub struct Recomputed {
    /// Each member's status on the day asked, in member id order.
    pub reports: Vec<(Uuid, StatusReport)>,
    /// The members whose stored status, balance, date that matters or reason differ from the
    /// recomputed one, or who have none stored.
    pub differing: Vec<Uuid>,
}

/// In how many ranges of members [`recompute_all`] reads the ledger.
const REPLAY_RANGES: usize = 16;

/// Derives every member's status on `today` from scratch, the way [`status_on`] does for
/// one member, in a handful of queries whatever the number of members: the ledger comes
/// summed per member and day (days summing to 0 change no status and are left out), one row
/// a member, by [`REPLAY_RANGES`] ranges of members read two at a time (on two connections,
/// so both cores work), each member's days replayed into their counter as they are read;
/// the leaves, extensions, skills, make-ups booked ahead and stored statuses of all members
/// come at once meanwhile. Writes nothing: it checks the stored statuses, and the
/// daily job stores them.
pub async fn recompute_all(db: &impl ConnectionTrait, today: NaiveDate) -> Result<Recomputed> {
    use std::collections::HashMap;

    let (rules, since, members) =
        tokio::try_join!(super::rules(db), obligations_since(db), async {
            Ok(members::Entity::find()
                .order_by_asc(members::Column::Id)
                .all(db)
                .await?)
        },)?;

    // The ledgers, range by range, while the rest is read.
    let per_range = members.len().div_ceil(REPLAY_RANGES).max(1);
    let starts: Vec<Uuid> = members.iter().step_by(per_range).map(|m| m.id).collect();
    let ranges: Vec<(Uuid, Option<Uuid>)> = starts
        .iter()
        .enumerate()
        .map(|(i, lo)| (*lo, starts.get(i + 1).copied()))
        .collect();
    let counters = async {
        let mut counters: HashMap<Uuid, Counter> = HashMap::with_capacity(members.len());
        for pair in ranges.chunks(2) {
            let second = async {
                match pair.get(1) {
                    Some(&(lo, hi)) => counters_between(db, lo, hi, today).await,
                    None => Ok(vec![]),
                }
            };
            let (a, b) =
                tokio::try_join!(counters_between(db, pair[0].0, pair[0].1, today), second)?;
            counters.extend(a.into_iter().chain(b));
        }
        Ok::<_, Error>(counters)
    };
    let (mut counters, others) = tokio::try_join!(counters, all_but_ledgers(db))?;
    let Others {
        leaves: member_leaves,
        granted,
        mut skills,
        ahead,
        stored,
    } = others;

    let mut out = Recomputed::default();
    for member in &members {
        let facts = member_facts(
            member,
            since,
            skills.remove(&member.id).unwrap_or_default(),
            ahead.get(&member.id).copied().unwrap_or(0),
        );
        let counter = counters.remove(&member.id).unwrap_or_default();
        let report = status_from_counter(
            &rules,
            &facts,
            &counter,
            member_leaves.get(&member.id).map_or(&[][..], Vec::as_slice),
            granted.get(&member.id).map_or(&[][..], Vec::as_slice),
            today,
        );
        let same = match stored.get(&member.id) {
            Some(s) => {
                s.status == report.status.as_str()
                    && s.balance == report.balance
                    && s.date_that_matters == report.date_that_matters
                    && s.reason_json == json(&report.reason)?
            }
            None => false,
        };
        if !same {
            out.differing.push(member.id);
        }
        out.reports.push((member.id, report));
    }
    Ok(out)
}

/// The counters of the members from `lo` (included) to `hi` (excluded; to the last member
/// when `None`), replayed from their ledgers up to `today`, in member order.
///
/// The ledger is read from the index by member and date alone, summed per member and day, and
/// each member's days come as one row of text (`2026-01-05:-1,2026-02-02:1,...`, in date
/// order): one row a member rather than one a day makes the read several times faster.
async fn counters_between(
    db: &impl ConnectionTrait,
    lo: Uuid,
    hi: Option<Uuid>,
    today: NaiveDate,
) -> Result<Vec<(Uuid, Counter)>> {
    use counter_events::Column as C;
    use sea_orm::sea_query::{Alias, Expr, ExprTrait, Order, Query};
    use sea_orm::DbBackend;

    let sum = Expr::col(C::Delta).sum();
    let mut days = Query::select();
    days.column(C::MemberId)
        .column(C::Date)
        .expr_as(sum.clone(), Alias::new("delta"))
        .from(counter_events::Entity)
        .and_where(Expr::col(C::MemberId).gte(lo))
        .and_where(Expr::col(C::Date).lte(today));
    if let Some(hi) = hi {
        days.and_where(Expr::col(C::MemberId).lt(hi));
    }
    days.group_by_col(C::MemberId)
        .group_by_col(C::Date)
        .and_having(sum.ne(0));
    let backend = db.get_database_backend();
    let joined = match backend {
        DbBackend::Postgres => {
            "string_agg(to_char(date, 'YYYY-MM-DD') || ':' || delta::text, ',' ORDER BY date)"
        }
        _ => "group_concat(date || ':' || delta, ',' ORDER BY date)",
    };
    let member = Alias::new("member_id");
    let q = Query::select()
        .column(member.clone())
        .expr_as(Expr::cust(joined), Alias::new("days"))
        .from_subquery(days, Alias::new("d"))
        .group_by_col(member.clone())
        .order_by(member, Order::Asc)
        .to_owned();
    let mut counters = Vec::new();
    for row in db.query_all(&q).await? {
        let member_id: Uuid = row.try_get("", "member_id")?;
        let days: String = row.try_get("", "days")?;
        let mut counter = Counter::default();
        for day in days.split(',') {
            let parsed = day
                .split_once(':')
                .and_then(|(date, delta)| Some((date.parse().ok()?, delta.parse().ok()?)));
            let Some((date, delta)) = parsed else {
                return Err(Error::Db(DbErr::Custom(format!("a ledger day: {day}"))));
            };
            counter
                .add(date, delta)
                .map_err(|e| Error::Db(DbErr::Custom(e.to_string())))?;
        }
        counters.push((member_id, counter));
    }
    Ok(counters)
}

/// What [`recompute_all`] needs besides the ledgers, for every member at once.
struct Others {
    leaves: std::collections::HashMap<Uuid, Vec<Leave>>,
    granted: std::collections::HashMap<Uuid, Vec<NaiveDate>>,
    skills: std::collections::HashMap<Uuid, Vec<String>>,
    /// Make-ups and extra shifts booked in shifts still ahead.
    ahead: std::collections::HashMap<Uuid, usize>,
    stored: std::collections::HashMap<Uuid, member_statuses::Model>,
}

async fn all_but_ledgers(db: &impl ConnectionTrait) -> Result<Others> {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    use sea_orm::FromQueryResult;
    use std::collections::HashMap;

    let mut leaves_of: HashMap<Uuid, Vec<Leave>> = HashMap::new();
    for l in leaves::Entity::find().all(db).await? {
        leaves_of.entry(l.member_id).or_default().push(to_leave(&l));
    }
    let mut granted: HashMap<Uuid, Vec<NaiveDate>> = HashMap::new();
    for e in extensions::Entity::find().all(db).await? {
        granted.entry(e.member_id).or_default().push(e.granted_on);
    }
    let mut skills: HashMap<Uuid, Vec<String>> = HashMap::new();
    for sk in member_skills::Entity::find().all(db).await? {
        skills.entry(sk.member_id).or_default().push(sk.skill);
    }

    #[derive(FromQueryResult)]
    struct Ahead {
        member_id: Uuid,
        n: i64,
    }
    use crate::entities::{shift_bookings as b, shifts as sh};
    // From the shifts ahead to their seats (by the index of seats by shift), not from every
    // seat ever booked to its shift: a year ahead instead of five years behind.
    let shifts_ahead = Query::select()
        .column((sh::Entity, sh::Column::Id))
        .from(sh::Entity)
        .and_where(Expr::col((sh::Entity, sh::Column::Cancelled)).eq(false))
        .and_where(Expr::col((sh::Entity, sh::Column::StartAtMs)).gt(now_ms()))
        .to_owned();
    let ahead = Query::select()
        .column((b::Entity, b::Column::MemberId))
        .expr_as(Expr::cust("COUNT(*)"), "n")
        .from(b::Entity)
        .and_where(Expr::col((b::Entity, b::Column::ShiftId)).in_subquery(shifts_ahead))
        .and_where(Expr::col((b::Entity, b::Column::State)).eq(super::booking::BOOKED))
        .and_where(Expr::col((b::Entity, b::Column::Kind)).ne(BookingKind::Regular.as_str()))
        .group_by_col((b::Entity, b::Column::MemberId))
        .to_owned();
    let ahead: HashMap<Uuid, usize> =
        Ahead::find_by_statement(db.get_database_backend().build(&ahead))
            .all(db)
            .await?
            .into_iter()
            .map(|a| (a.member_id, usize::try_from(a.n).unwrap_or(0)))
            .collect();

    let stored: HashMap<Uuid, member_statuses::Model> = member_statuses::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.member_id, s))
        .collect();
    Ok(Others {
        leaves: leaves_of,
        granted,
        skills,
        ahead,
        stored,
    })
}

/// Who is at the till or the door: a member, or the card of a member or household person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shopper<'a> {
    Member(Uuid),
    Card(&'a str),
}

/// The member whose account a card is: the member's own card, or a household person's card
/// for their member. Errors: `NotFound` for an unknown card.
pub async fn card_holder(db: &impl ConnectionTrait, barcode: &str) -> Result<Uuid> {
    let barcode = barcode.trim();
    if let Some(m) = members::Entity::find()
        .filter(members::Column::CardBarcode.eq(barcode))
        .one(db)
        .await?
    {
        return Ok(m.id);
    }
    Ok(household_people::Entity::find()
        .filter(household_people::Column::CardBarcode.eq(barcode))
        .one(db)
        .await?
        .ok_or(Error::NotFound)?
        .member_id)
}

/// The answer the till, the entrance and the member's phone all get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopAnswer {
    /// The member whose account is used (a household person's member for their card).
    pub member_id: Uuid,
    pub may_shop: bool,
    pub report: StatusReport,
}

/// Whether a member, or whoever holds a card, may shop today; a household person's card
/// answers for their member. Errors: `NotFound` for an unknown member or card.
pub async fn may_shop(db: &impl ConnectionTrait, who: Shopper<'_>) -> Result<ShopAnswer> {
    let member_id = match who {
        Shopper::Member(id) => id,
        Shopper::Card(barcode) => card_holder(db, barcode).await?,
    };
    let report = status_on(db, member_id, crate::today()).await?;
    Ok(ShopAnswer {
        member_id,
        may_shop: report.may_shop,
        report,
    })
}

/// What [`refresh`] did for one member.
pub(crate) struct Refreshed {
    pub report: StatusReport,
    pub change: Option<StatusChange>,
    pub seat_freed: bool,
    pub mailed: bool,
}

/// Derives a member's status on `today` and stores it; a change is recorded with its cause,
/// a member entering alert or suspension is sent a notice, and an unsubscribed regular member
/// gives up their seat.
pub(crate) async fn refresh(
    db: &impl ConnectionTrait,
    rules: &ShiftRules,
    member: &members::Model,
    today: NaiveDate,
) -> Result<Refreshed> {
    let report = report_for(db, rules, member, today).await?;
    let stored = member_statuses::Entity::find_by_id(member.id)
        .one(db)
        .await?;
    let previous = stored.as_ref().and_then(|s| Status::parse(&s.status));
    let change = status_change(previous, &report, today);
    let reason_json = json(&report.reason)?;
    let since = match (&change, &stored) {
        (None, Some(s)) => s.since,
        _ => today,
    };
    let row = member_statuses::ActiveModel {
        member_id: Set(member.id),
        status: Set(report.status.as_str().to_string()),
        since: Set(since),
        balance: Set(report.balance),
        date_that_matters: Set(report.date_that_matters),
        reason_json: Set(reason_json.clone()),
        updated_at_ms: Set(now_ms()),
    };
    match &stored {
        None => {
            row.insert(db).await?;
        }
        Some(s)
            if change.is_some()
                || s.balance != report.balance
                || s.date_that_matters != report.date_that_matters
                || s.reason_json != reason_json =>
        {
            row.update(db).await?;
        }
        Some(_) => {}
    }
    let mut mailed = false;
    if let Some(c) = &change {
        status_changes::ActiveModel {
            id: Set(Uuid::now_v7()),
            member_id: Set(member.id),
            on_date: Set(c.on),
            from_status: Set(c.from.map(|s| s.as_str().to_string())),
            to_status: Set(c.to.as_str().to_string()),
            cause_json: Set(reason_json),
            created_at_ms: Set(now_ms()),
        }
        .insert(db)
        .await?;
        mailed = notify(db, member, &report).await?;
    }
    let seat_freed = report.loses_seat && release_seat(db, member.id, today).await?;
    Ok(Refreshed {
        report,
        change,
        seat_freed,
        mailed,
    })
}

fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Db(DbErr::Custom(e.to_string())))
}

/// Queues the notice of a member entering alert or suspension, in their language, with the
/// date that matters. Returns whether a mail was queued.
async fn notify(
    db: &impl ConnectionTrait,
    member: &members::Model,
    report: &StatusReport,
) -> Result<bool> {
    let StatusReason::Behind(behind) = &report.reason else {
        return Ok(false);
    };
    let prefix = match report.status {
        Status::Alert => "mail-status-alert",
        Status::Suspended => "mail-status-suspended",
        _ => return Ok(false),
    };
    let lang = Language::parse(&member.language).unwrap_or(Language::Fr);
    let args = [
        ("name", member.first_name.clone()),
        ("balance", report.balance.to_string()),
        ("shifts", behind.shifts_to_book().to_string()),
        ("deadline", behind.suspended_from.to_string()),
    ];
    mail::queue(
        db,
        &member.email,
        &i18n::t(lang, &format!("{prefix}-subject")),
        &i18n::t_args(lang, &format!("{prefix}-body"), &args),
    )
    .await?;
    Ok(true)
}

/// A member's recorded status changes, oldest first, each with its cause.
pub async fn history(db: &impl ConnectionTrait, member_id: Uuid) -> Result<Vec<StatusChange>> {
    let rows = status_changes::Entity::find()
        .filter(status_changes::Column::MemberId.eq(member_id))
        .order_by_asc(status_changes::Column::OnDate)
        .order_by_asc(status_changes::Column::CreatedAtMs)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(StatusChange {
                on: r.on_date,
                from: r.from_status.as_deref().and_then(Status::parse),
                to: Status::parse(&r.to_status)?,
                reason: serde_json::from_str(&r.cause_json).ok()?,
            })
        })
        .collect())
}

async fn find_member(db: &impl ConnectionTrait, id: Uuid) -> Result<members::Model> {
    members::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)
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
    let rules = super::rules(&s.db).await?;
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
    let rules = super::rules(&tx).await?;
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

async fn commit_with_status(
    s: &Services,
    tx: crate::db::WriteTx,
    actor: &Viewer,
    member: &members::Model,
    action: &str,
    detail: &str,
) -> Result<StatusReport> {
    let rules = super::rules(&tx).await?;
    let today = crate::today();
    let refreshed = refresh(&tx, &rules, member, today).await?;
    audit::commit(tx, actor, action, &member.id.to_string(), detail).await?;
    if refreshed.mailed {
        mail::deliver_soon(s);
    }
    Ok(refreshed.report)
}
