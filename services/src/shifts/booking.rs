//! Booking, cancelling, offering and taking seats. Each is one write transaction: the shift row
//! is locked (`FOR UPDATE` on PostgreSQL, `BEGIN IMMEDIATE` on SQLite) before its booked seats
//! are counted, so no shift is ever overbooked, and a unique index on booked seats stops a
//! member from holding two seats of one shift. Booking and taking a seat lock the member's row
//! first, so a member booking several shifts at once stays within the limits (per day, per
//! period, no overlap); the shift row comes last and is held briefly. A booking is read and
//! checked before its write transaction, a shift already full is refused then, and the
//! transaction holds one insert that takes place only if what was read still holds (see
//! [`book`]), which keeps a rush of members on one shift fast. `server/tests/booking_race.rs`
//! checks both through two servers.

use super::planning::insert_booking;
use super::status::{facts_and_bookings, member_facts};
use super::{domain_shift, load_shift};
use crate::db::{select_all, write_tx};
use crate::entities::{
    counter_events, member_skills, members, shift_bookings, shifts, swap_offers,
};
use crate::error::{Error, Result};
use crate::group_commit;
use crate::now_ms;
use crate::Services;
use chrono::Utc;
use domain::member::WorkRegime;
use domain::shifts::{
    check_booking, check_cancellation, check_take_offer, Booking, BookingError, Cancellation,
    ShiftRules, SwapOffer,
};
use sea_orm::sea_query::SelectStatement;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult,
    IdenStatic, JoinType, QueryFilter, QueryResult, QuerySelect, QueryTrait, RelationDef, SelectA,
    SelectB, Set,
};
use uuid::Uuid;

/// A seat held in a shift.
pub(crate) const BOOKED: &str = "booked";
/// Given up in time: the seat is free again.
pub(crate) const CANCELLED: &str = "cancelled";
/// Taken over by a stand-in: the member who offered it owes nothing for it.
pub(crate) const HANDED_OVER: &str = "handed_over";

/// Why a member holds a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingKind {
    /// Their fixed seat in the template.
    Regular,
    /// A flexible member's shift.
    Flexible,
    /// A regular member catching up a negative balance.
    Makeup,
    /// Anyone else working more.
    Extra,
}

impl BookingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BookingKind::Regular => "regular",
            BookingKind::Flexible => "flexible",
            BookingKind::Makeup => "makeup",
            BookingKind::Extra => "extra",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            BookingKind::Regular,
            BookingKind::Flexible,
            BookingKind::Makeup,
            BookingKind::Extra,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A member's booked seats in shifts that are not cancelled, past ones included.
pub(crate) async fn held(
    db: &impl ConnectionTrait,
    member_id: Uuid,
) -> Result<Vec<(shift_bookings::Model, shifts::Model)>> {
    Ok(booked_and_held(db, member_id).await?.1)
}

/// The ids of all of a member's booked seats (in cancelled shifts too), and [`held`]. One query:
/// the booked seats joined to their shifts.
async fn booked_and_held(db: &impl ConnectionTrait, member_id: Uuid) -> Result<BookedAndHeld> {
    let rows = db.query_all(&booked_and_held_select(member_id)).await?;
    booked_and_held_from(&rows)
}

/// A member's booked seat ids, and the seats held in shifts that are not cancelled.
type BookedAndHeld = (Vec<Uuid>, Vec<(shift_bookings::Model, shifts::Model)>);

/// The select of [`booked_and_held`].
fn booked_and_held_select(member_id: Uuid) -> SelectStatement {
    shift_bookings::Entity::find()
        .join(JoinType::InnerJoin, seat_in_shift())
        .filter(shift_bookings::Column::MemberId.eq(member_id))
        .filter(shift_bookings::Column::State.eq(BOOKED))
        .select_also(shifts::Entity)
        .into_query()
}

/// [`booked_and_held`] from the rows of its select.
fn booked_and_held_from(rows: &[QueryResult]) -> Result<BookedAndHeld> {
    let mut booked = Vec::with_capacity(rows.len());
    let mut held = Vec::with_capacity(rows.len());
    for row in rows {
        let seat = shift_bookings::Model::from_query_result(row, SelectA.as_str())?;
        booked.push(seat.id);
        let shift = shifts::Model::from_query_result_optional(row, SelectB.as_str())?;
        if let Some(shift) = shift.filter(|s| !s.cancelled) {
            held.push((seat, shift));
        }
    }
    Ok((booked, held))
}

/// A booked seat belongs to its shift: the join of a seat to its shift.
pub(crate) fn seat_in_shift() -> RelationDef {
    shift_bookings::Entity::belongs_to(shifts::Entity)
        .from(shift_bookings::Column::ShiftId)
        .to(shifts::Column::Id)
        .into()
}

/// A held seat's shift as the booking rules see it.
pub(crate) fn as_booking(s: &shifts::Model) -> Booking {
    Booking {
        shift_id: s.id,
        date: s.date,
        start: super::instant(s.start_at_ms),
        end: super::instant(s.end_at_ms),
    }
}

/// The kind of a seat a member books: a flexible member's shift, a regular member's make-up
/// while behind, or an extra shift.
async fn kind_for(db: &impl ConnectionTrait, member: &members::Model) -> Result<BookingKind> {
    let balance = match WorkRegime::parse(&member.work_regime).unwrap_or_default() {
        WorkRegime::Regular => balance_from(&db.query_all(&balance_select(member.id)).await?)?,
        WorkRegime::Flexible | WorkRegime::Exempt => 0,
    };
    Ok(kind_with(member, balance))
}

/// [`kind_for`] given the member's balance.
fn kind_with(member: &members::Model, balance: i64) -> BookingKind {
    match WorkRegime::parse(&member.work_regime).unwrap_or_default() {
        WorkRegime::Flexible => BookingKind::Flexible,
        WorkRegime::Regular if balance < 0 => BookingKind::Makeup,
        WorkRegime::Regular | WorkRegime::Exempt => BookingKind::Extra,
    }
}

/// A member's balance, the sum of their ledger, as one row with one column, `balance`.
fn balance_select(member_id: Uuid) -> SelectStatement {
    use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
    Query::select()
        .expr_as(
            Func::coalesce([
                Expr::col(counter_events::Column::Delta).sum(),
                Expr::val(0_i64),
            ]),
            "balance",
        )
        .from(counter_events::Entity)
        .and_where(counter_events::Column::MemberId.eq(member_id))
        .to_owned()
}

fn balance_from(rows: &[QueryResult]) -> Result<i64> {
    match rows.first() {
        Some(row) => Ok(row.try_get("", "balance")?),
        None => Ok(0),
    }
}

/// A member's skills, one row each, column `skill`.
fn skills_select(member_id: Uuid) -> SelectStatement {
    member_skills::Entity::find()
        .select_only()
        .column(member_skills::Column::Skill)
        .filter(member_skills::Column::MemberId.eq(member_id))
        .into_query()
}

/// Books a free seat of a shift for a member; returns the booking's id.
///
/// Errors: `NotFound` for an unknown member or shift; `Booking` with the first rule refused
/// (`AlreadyBooked`, `Cancelled`, `Past`, `Full`, `MissingSkill`, `Overlap`, `DayLimit`,
/// `PeriodLimit`). Nothing is written when refused.
///
/// Everything the rules look at is read and checked before the write turn, in one call to the
/// database on SQLite ([`FirstRead`], the member's booked seats with their shifts, their
/// balance and skills: four selects), which then
/// holds one statement: an insert that takes place only if the seat is still free and what was
/// read still holds (the shift unchanged, the member holding no seat that was not read, the
/// skill still theirs). On SQLite the bookings queued behind the writer run in its transaction
/// (`group_commit::write_one`), so a rush shares its commits. When the insert does not
/// take place, the booking is checked again from scratch inside the turn, which answers the
/// exact refusal or books. The coop's rules and the member's regime are read before the turn:
/// a booking that races with a change of them by a few milliseconds is decided as it came
/// before it.
pub async fn book(s: &Services, member_id: Uuid, shift_id: Uuid) -> Result<Uuid> {
    // The shift, the member and the rules, the member's seats, balance and skills: one call.
    let selects = vec![
        first_read_select(member_id, shift_id),
        booked_and_held_select(member_id),
        balance_select(member_id),
        skills_select(member_id),
    ];
    let mut parts = select_all(&s.db, selects).await?.into_iter();
    let mut next = || parts.next().unwrap_or_default();
    let read = first_read_from(&next())?;
    if read.full() {
        return Err(BookingError::Full.into());
    }
    let now = Utc::now();
    let (booked, held) = booked_and_held_from(&next())?;
    let balance = balance_from(&next())?;
    let bookings: Vec<Booking> = held.iter().map(|(_, s)| as_booking(s)).collect();
    let kind = kind_with(&read.member, balance);
    // Of the member's facts, the booking rules look at the skills alone.
    let mut skills = Vec::new();
    for row in next() {
        skills.push(row.try_get::<String>("", "skill")?);
    }
    let facts = member_facts(&read.member, None, skills, 0);
    let shift = domain_shift(&read.shift, read.booked);
    check_booking(&read.rules, &facts, &shift, &bookings, now)?;
    let row = read.shift;

    // On SQLite the bookings queued behind the writer share its transaction (group commit).
    // A booking changes the database with one statement at most, its last: the insert.
    group_commit::write_one(&s.db, move |tx| {
        Box::pin(async move {
            if tx.get_database_backend() == DbBackend::Postgres {
                // The member's row first, the shift's last, as `book_in` takes them.
                lock_member(tx, member_id).await?;
                load_shift(tx, shift_id, true).await?;
            }
            match insert_if_unchanged(tx, member_id, &row, &booked, kind).await? {
                Some(id) => Ok(id),
                None => book_in(tx, member_id, shift_id).await,
            }
        })
    })
    .await
}

/// [`book`] read and checked inside the write transaction.
async fn book_in(tx: &impl ConnectionTrait, member_id: Uuid, shift_id: Uuid) -> Result<Uuid> {
    // Other bookings may have filled the shift while this one waited for its turn to write:
    // refuse at once, before reading anything else.
    if read_first(tx, member_id, shift_id).await?.full() {
        return Err(BookingError::Full.into());
    }
    let member = lock_member(tx, member_id).await?;
    let rules = super::rules(tx).await?;
    let now = Utc::now();
    let (facts, bookings) = facts_and_bookings(tx, &member, now).await?;
    let kind = kind_for(tx, &member).await?;
    // The shift row last: its lock is held only to count the seats and take one.
    let (_, shift) = load_shift(tx, shift_id, true).await?;
    check_booking(&rules, &facts, &shift, &bookings, now)?;
    insert_booking(tx, shift_id, member_id, kind).await
}

/// Books a seat of `shift` (as read before the write turn) in one statement, if the shift is
/// still as read, not cancelled, not started and not full, the member holds no booked seat
/// beyond `booked` (so the limits checked on those still hold: a seat given up since only
/// loosens them) and, for a shift that needs a skill, still has it. Returns the booking's id,
/// or `None` when nothing was written.
async fn insert_if_unchanged(
    db: &impl ConnectionTrait,
    member_id: Uuid,
    shift: &shifts::Model,
    booked: &[Uuid],
    kind: BookingKind,
) -> Result<Option<Uuid>> {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    use shift_bookings::Column as B;
    use shifts::Column as S;
    let id = Uuid::now_v7();
    let now = now_ms();
    let seats_taken = Query::select()
        .expr(Expr::col((shift_bookings::Entity, B::Id)).count())
        .from(shift_bookings::Entity)
        .and_where(Expr::col((shift_bookings::Entity, B::ShiftId)).eq(shift.id))
        .and_where(Expr::col((shift_bookings::Entity, B::State)).eq(BOOKED))
        .to_owned();
    let new_seats = Query::select()
        .expr(Expr::val(1))
        .from(shift_bookings::Entity)
        .and_where(Expr::col((shift_bookings::Entity, B::MemberId)).eq(member_id))
        .and_where(Expr::col((shift_bookings::Entity, B::State)).eq(BOOKED))
        .and_where(Expr::col((shift_bookings::Entity, B::Id)).is_not_in(booked.iter().copied()))
        .to_owned();
    let mut select = Query::select();
    select
        .exprs([
            Expr::val(id),
            Expr::val(shift.id),
            Expr::val(member_id),
            Expr::val(kind.as_str()),
            Expr::val(BOOKED),
            Expr::val(now),
            Expr::val(now),
        ])
        .from(shifts::Entity)
        .and_where(Expr::col((shifts::Entity, S::Id)).eq(shift.id))
        .and_where(Expr::col((shifts::Entity, S::Cancelled)).eq(false))
        .and_where(Expr::col((shifts::Entity, S::Date)).eq(shift.date))
        .and_where(Expr::col((shifts::Entity, S::StartAtMs)).eq(shift.start_at_ms))
        .and_where(Expr::col((shifts::Entity, S::EndAtMs)).eq(shift.end_at_ms))
        .and_where(Expr::col((shifts::Entity, S::StartAtMs)).gt(now))
        .and_where(
            Expr::col((shifts::Entity, S::Seats))
                .gt(Expr::SubQuery(None, Box::new(seats_taken.into()))),
        )
        .and_where(Expr::exists(new_seats).not());
    match &shift.required_skill {
        None => {
            select.and_where(Expr::col((shifts::Entity, S::RequiredSkill)).is_null());
        }
        Some(skill) => {
            let has_skill = Query::select()
                .expr(Expr::val(1))
                .from(member_skills::Entity)
                .and_where(Expr::col(member_skills::Column::MemberId).eq(member_id))
                .and_where(Expr::col(member_skills::Column::Skill).eq(skill.as_str()))
                .to_owned();
            select
                .and_where(Expr::col((shifts::Entity, S::RequiredSkill)).eq(skill.as_str()))
                .and_where(Expr::exists(has_skill));
        }
    }
    let insert = Query::insert()
        .into_table(shift_bookings::Entity)
        .columns([
            B::Id,
            B::ShiftId,
            B::MemberId,
            B::Kind,
            B::State,
            B::CreatedAtMs,
            B::UpdatedAtMs,
        ])
        .select_from(select)
        .map_err(|e| Error::Db(sea_orm::DbErr::Custom(e.to_string())))?
        .to_owned();
    let written = db.execute(&insert).await?.rows_affected();
    Ok((written == 1).then_some(id))
}

/// What a booking reads first, in one query: the shift with its booked seats, whether the
/// member holds one of them, the member and the coop's rules.
struct FirstRead {
    shift: shifts::Model,
    booked: u64,
    holds_a_seat: bool,
    member: members::Model,
    rules: ShiftRules,
}

impl FirstRead {
    /// Whether booking would be refused as `Full` for sure: the shift is full, not cancelled
    /// and not started, and the member holds no seat of it. Only a cancellation frees a seat,
    /// so this answer was true when read; when a planning opens, most of a rush is refused
    /// here, before and right after the wait for the write turn.
    fn full(&self) -> bool {
        self.booked >= u64::try_from(self.shift.seats).unwrap_or(0)
            && !self.shift.cancelled
            && self.shift.start_at_ms > now_ms()
            && !self.holds_a_seat
    }
}

/// Reads [`FirstRead`] without locking anything. Errors: `NotFound` for an unknown member or
/// shift.
async fn read_first(
    db: &impl ConnectionTrait,
    member_id: Uuid,
    shift_id: Uuid,
) -> Result<FirstRead> {
    first_read_from(
        &db.query_all(&first_read_select(member_id, shift_id))
            .await?,
    )
}

/// The select of [`read_first`]: one row, or none when the member or the shift is unknown.
fn first_read_select(member_id: Uuid, shift_id: Uuid) -> SelectStatement {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    use shift_bookings::Column as B;
    // Booked seats of the shift: all of them, or the member's.
    let seats = |member: Option<Uuid>| {
        let mut q = Query::select();
        q.expr(Expr::col((shift_bookings::Entity, B::Id)).count())
            .from(shift_bookings::Entity)
            .and_where(
                Expr::col((shift_bookings::Entity, B::ShiftId))
                    .equals((shifts::Entity, shifts::Column::Id)),
            )
            .and_where(Expr::col((shift_bookings::Entity, B::State)).eq(BOOKED));
        if let Some(m) = member {
            q.and_where(Expr::col((shift_bookings::Entity, B::MemberId)).eq(m));
        }
        Expr::SubQuery(None, Box::new(q.to_owned().into()))
    };
    // The shift's row and the member's, side by side.
    let mut q = shifts::Entity::find_by_id(shift_id)
        .select_also(members::Entity)
        .filter(members::Column::Id.eq(member_id))
        .expr_as(seats(None), "booked")
        .expr_as(seats(Some(member_id)), "mine")
        .expr_as(
            Expr::SubQuery(None, Box::new(super::rules_json().into())),
            "rules_json",
        );
    QueryTrait::query(&mut q).from(members::Entity);
    q.into_query()
}

/// [`FirstRead`] from the rows of [`first_read_select`]. Errors: `NotFound` for none.
fn first_read_from(rows: &[QueryResult]) -> Result<FirstRead> {
    let row = rows.first().ok_or(Error::NotFound)?;
    let booked: i64 = row.try_get("", "booked")?;
    let mine: i64 = row.try_get("", "mine")?;
    let rules: Option<String> = row.try_get("", "rules_json")?;
    Ok(FirstRead {
        shift: shifts::Model::from_query_result(row, SelectA.as_str())?,
        booked: u64::try_from(booked).unwrap_or(0),
        holds_a_seat: mine > 0,
        member: members::Model::from_query_result(row, SelectB.as_str())?,
        rules: super::parse_rules(rules.as_deref())?,
    })
}

/// Loads a member and locks their row until the transaction ends (`FOR UPDATE` on
/// PostgreSQL), so that one member's bookings are checked against the limits one at a time
/// even when they book several shifts at once. Always taken before a shift row. Errors:
/// `NotFound`.
async fn lock_member(db: &impl ConnectionTrait, member_id: Uuid) -> Result<members::Model> {
    members::Entity::find_by_id(member_id)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(Error::NotFound)
}

async fn own_booking(
    db: &impl ConnectionTrait,
    member_id: Uuid,
    shift_id: Uuid,
) -> Result<shift_bookings::Model> {
    shift_bookings::Entity::find()
        .filter(shift_bookings::Column::MemberId.eq(member_id))
        .filter(shift_bookings::Column::ShiftId.eq(shift_id))
        .filter(shift_bookings::Column::State.eq(BOOKED))
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(Error::NotFound)
}

/// Opens an offer of a booked seat, or returns the one already open.
async fn open_offer(db: &impl ConnectionTrait, booking: &shift_bookings::Model) -> Result<Uuid> {
    if let Some(offer) = swap_offers::Entity::find()
        .filter(swap_offers::Column::BookingId.eq(booking.id))
        .one(db)
        .await?
    {
        return Ok(offer.id);
    }
    let id = Uuid::now_v7();
    swap_offers::ActiveModel {
        id: Set(id),
        booking_id: Set(booking.id),
        shift_id: Set(booking.shift_id),
        offered_by: Set(booking.member_id),
        taken_by: Set(None),
        created_at_ms: Set(now_ms()),
        taken_at_ms: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Gives up a booked seat. Up to `free_cancellation_hours` before the start it is `Free`: the
/// seat is free again. Later, and always for a regular member's own seat, it is `Late`: the
/// seat is offered to stand-ins and stays the member's (to attend, or to be missed) until
/// someone takes it.
///
/// Errors: `NotFound` when the member holds no seat of the shift; `Booking(Past)` once the
/// shift has started.
pub async fn cancel(s: &Services, member_id: Uuid, shift_id: Uuid) -> Result<Cancellation> {
    let tx = write_tx(&s.db).await?;
    let rules = super::rules(&tx).await?;
    let (_, shift) = load_shift(&tx, shift_id, true).await?;
    let booking = own_booking(&tx, member_id, shift_id).await?;
    let now = Utc::now();
    if shift.start <= now {
        return Err(BookingError::Past.into());
    }
    let cancellation = if booking.kind == BookingKind::Regular.as_str() {
        Cancellation::Late
    } else {
        check_cancellation(&rules, shift.start, now)
    };
    match cancellation {
        Cancellation::Free => {
            let mut b: shift_bookings::ActiveModel = booking.into();
            b.state = Set(CANCELLED.to_string());
            b.updated_at_ms = Set(now_ms());
            b.update(&tx).await?;
        }
        Cancellation::Late => {
            open_offer(&tx, &booking).await?;
        }
    }
    tx.commit().await?;
    Ok(cancellation)
}

/// Offers a member's seat of a shift to stand-ins; returns the offer's id (the same one when
/// offered twice). Errors: `NotFound` when the member holds no seat; `Booking(Past)` or
/// `Booking(Cancelled)` for a shift that started or is cancelled.
pub async fn offer(s: &Services, member_id: Uuid, shift_id: Uuid) -> Result<Uuid> {
    let tx = write_tx(&s.db).await?;
    let (_, shift) = load_shift(&tx, shift_id, true).await?;
    let booking = own_booking(&tx, member_id, shift_id).await?;
    if shift.cancelled {
        return Err(BookingError::Cancelled.into());
    }
    if shift.start <= Utc::now() {
        return Err(BookingError::Past.into());
    }
    let id = open_offer(&tx, &booking).await?;
    tx.commit().await?;
    Ok(id)
}

/// A member takes another member's offered seat and stands in; the member who offered it owes
/// nothing for that shift any more. Returns the taker's booking id.
///
/// Errors: `NotFound` for an unknown member or an offer that is unknown or already taken;
/// `Booking(OwnOffer)`, or any refusal of [`book`] for the taker.
pub async fn take_offer(s: &Services, taker_id: Uuid, offer_id: Uuid) -> Result<Uuid> {
    let tx = write_tx(&s.db).await?;
    let taker = lock_member(&tx, taker_id).await?;
    let rules = super::rules(&tx).await?;
    let offer = swap_offers::Entity::find_by_id(offer_id)
        .lock_exclusive()
        .one(&tx)
        .await?
        .filter(|o| o.taken_by.is_none())
        .ok_or(Error::NotFound)?;
    let (_, shift) = load_shift(&tx, offer.shift_id, true).await?;
    let offered = shift_bookings::Entity::find_by_id(offer.booking_id)
        .one(&tx)
        .await?
        .filter(|b| b.state == BOOKED)
        .ok_or(Error::NotFound)?;
    let now = Utc::now();
    let (facts, bookings) = facts_and_bookings(&tx, &taker, now).await?;
    let swap = SwapOffer {
        shift_id: offer.shift_id,
        offered_by: offer.offered_by,
    };
    check_take_offer(&rules, &facts, &swap, &shift, &bookings, now)?;
    let mut given: shift_bookings::ActiveModel = offered.into();
    given.state = Set(HANDED_OVER.to_string());
    given.updated_at_ms = Set(now_ms());
    given.update(&tx).await?;
    let kind = kind_for(&tx, &taker).await?;
    let id = insert_booking(&tx, offer.shift_id, taker_id, kind).await?;
    let mut taken: swap_offers::ActiveModel = offer.into();
    taken.taken_by = Set(Some(taker_id));
    taken.taken_at_ms = Set(Some(now_ms()));
    taken.update(&tx).await?;
    tx.commit().await?;
    Ok(id)
}

/// The open offers of shifts still ahead, for stand-ins to take: (offer id, shift id).
pub async fn open_offers(db: &impl ConnectionTrait) -> Result<Vec<(Uuid, Uuid)>> {
    let offers = swap_offers::Entity::find()
        .filter(swap_offers::Column::TakenBy.is_null())
        .all(db)
        .await?;
    let ids: Vec<Uuid> = offers.iter().map(|o| o.shift_id).collect();
    let ahead: Vec<Uuid> = shifts::Entity::find()
        .filter(shifts::Column::Id.is_in(ids))
        .filter(shifts::Column::StartAtMs.gt(now_ms()))
        .filter(shifts::Column::Cancelled.eq(false))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    Ok(offers
        .into_iter()
        .filter(|o| ahead.contains(&o.shift_id))
        .map(|o| (o.id, o.shift_id))
        .collect())
}
