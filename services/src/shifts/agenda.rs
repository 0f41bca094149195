//! A member's view of the planning: their next shifts, the open seats of the next weeks they
//! may book, and the seats other members offer. Each list takes a handful of indexed queries
//! whatever the number of members and shifts: seats are counted inside the query that loads
//! the shifts, never shift by shift.

use super::booking::{seat_in_shift, BookingKind, BOOKED};
use super::status::facts_and_bookings;
use super::{instant, rules};
use crate::entities::{members, shift_bookings, shifts, swap_offers, template_leaders};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};
use domain::shifts::{
    check_booking, check_cancellation, check_take_offer, local_to_utc, Cancellation, MyShift,
    MyShiftState, OpenOffer, OpenSeat, OpenWeek, Shift, ShiftRules, ShiftSummary, SwapOffer,
};
use domain::validation::Reason;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, JoinType, QueryFilter,
    QueryOrder, QuerySelect, Select,
};
use std::collections::HashMap;
use uuid::Uuid;

/// How many weeks ahead, from today, a member may look for open seats.
pub const OPEN_SEAT_WEEKS: u32 = 4;
/// At most this many open seats are listed for one week: more would not fit on a phone.
const OPEN_SEATS_LIMIT: u64 = 200;
/// At most this many shifts with seats offered for a swap are listed.
pub const OFFERS_LIMIT: u64 = 50;

/// A shift row with its task's name and its booked seats, loaded in one query.
#[derive(Debug, Clone, FromQueryResult)]
pub(crate) struct Row {
    pub id: Uuid,
    pub template_id: Option<Uuid>,
    pub date: NaiveDate,
    pub start_at_ms: i64,
    pub end_at_ms: i64,
    pub seats: i32,
    pub required_skill: Option<String>,
    pub cancelled: bool,
    pub task: String,
    pub booked: i64,
}

fn booked_count() -> String {
    format!(
        "(SELECT COUNT(*) FROM shift_bookings WHERE shift_bookings.shift_id = shifts.id \
         AND shift_bookings.state = '{BOOKED}')"
    )
}

/// Shifts with their task's name and booked seats counted.
fn with_counts() -> Select<shifts::Entity> {
    shifts::Entity::find()
        .expr_as(
            Expr::cust(
                "COALESCE((SELECT name FROM task_types WHERE task_types.id = shifts.task_type_id), '')",
            ),
            "task",
        )
        .expr_as(Expr::cust(booked_count()), "booked")
}

impl Row {
    fn shift(&self) -> Shift {
        Shift {
            id: self.id,
            date: self.date,
            start: instant(self.start_at_ms),
            end: instant(self.end_at_ms),
            seats: u32::try_from(self.seats).unwrap_or(0),
            booked: u32::try_from(self.booked).unwrap_or(u32::MAX),
            required_skill: self.required_skill.clone(),
            cancelled: self.cancelled,
        }
    }

    pub(crate) fn summary<Tz: TimeZone>(&self, tz: &Tz) -> ShiftSummary {
        let s = self.shift();
        ShiftSummary {
            shift_id: s.id,
            date: s.date,
            start_local: s.start.with_timezone(tz).time(),
            end_local: s.end.with_timezone(tz).time(),
            start: s.start,
            end: s.end,
            task: self.task.clone(),
            seats: s.seats,
            booked: s.booked,
            required_skill: s.required_skill,
        }
    }
}

fn zone(rules: &ShiftRules) -> Result<chrono_tz::Tz> {
    rules
        .time_zone()
        .map_err(|_| Error::invalid("rules", Reason::Malformed))
}

/// The open seats of one week (`week` 0 is the seven days from today, up to
/// [`OPEN_SEAT_WEEKS`]` - 1`), by start: shifts not cancelled, not started, with a free seat,
/// that the member does not hold; each with the rule that would refuse the member's booking.
/// Errors: `NotFound` for an unknown member.
pub async fn open_seats(db: &impl ConnectionTrait, member_id: Uuid, week: u32) -> Result<OpenWeek> {
    let rules = rules(db).await?;
    let tz = zone(&rules)?;
    let member = members::Entity::find_by_id(member_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let now = Utc::now();
    let (facts, held) = facts_and_bookings(db, &member, now).await?;
    let from = now.with_timezone(&tz).date_naive()
        + TimeDelta::weeks(i64::from(week.min(OPEN_SEAT_WEEKS - 1)));
    // By start instant rather than date: the index on starts lets the database stop at the
    // limit instead of counting the seats of every shift of the week.
    let midnight = |d: NaiveDate| local_to_utc(&tz, d.and_time(NaiveTime::MIN)).timestamp_millis();
    let rows = with_counts()
        .filter(shifts::Column::StartAtMs.gte(midnight(from).max(now.timestamp_millis() + 1)))
        .filter(shifts::Column::StartAtMs.lt(midnight(from + TimeDelta::weeks(1))))
        .filter(shifts::Column::Cancelled.eq(false))
        .filter(Expr::cust(format!("{} < shifts.seats", booked_count())))
        .order_by_asc(shifts::Column::StartAtMs)
        .limit(OPEN_SEATS_LIMIT)
        .into_model::<Row>()
        .all(db)
        .await?;
    let seats = rows
        .into_iter()
        .filter(|r| !held.iter().any(|b| b.shift_id == r.id))
        .map(|r| OpenSeat {
            refusal: check_booking(&rules, &facts, &r.shift(), &held, now).err(),
            shift: r.summary(&tz),
        })
        .collect();
    Ok(OpenWeek {
        first_day: from,
        seats,
    })
}

/// A member's booked seat with its shift, loaded in one query.
#[derive(Debug, Clone, FromQueryResult)]
pub(crate) struct BookedRow {
    pub booking_id: Uuid,
    pub booking_kind: String,
    /// The seat is offered for a swap and nobody took it yet.
    pub offered: bool,
    #[sea_orm(nested)]
    pub shift: Row,
}

/// A member's booked seats of shifts ending after `after`, by start, cancelled shifts included.
/// One query: the seats joined to their shifts.
pub(crate) async fn booked_rows(
    db: &impl ConnectionTrait,
    member_id: Uuid,
    after: DateTime<Utc>,
) -> Result<Vec<BookedRow>> {
    Ok(with_counts()
        .join(JoinType::InnerJoin, seat_in_shift().rev())
        .expr_as(
            Expr::col((shift_bookings::Entity, shift_bookings::Column::Id)),
            "booking_id",
        )
        .expr_as(
            Expr::col((shift_bookings::Entity, shift_bookings::Column::Kind)),
            "booking_kind",
        )
        .expr_as(
            Expr::cust(
                "EXISTS (SELECT 1 FROM swap_offers WHERE swap_offers.booking_id = \
                 shift_bookings.id AND swap_offers.taken_by IS NULL)",
            ),
            "offered",
        )
        .filter(shift_bookings::Column::MemberId.eq(member_id))
        .filter(shift_bookings::Column::State.eq(BOOKED))
        .filter(shifts::Column::EndAtMs.gt(after.timestamp_millis()))
        .order_by_asc(shifts::Column::StartAtMs)
        .into_model::<BookedRow>()
        .all(db)
        .await?)
}

/// The names of the leaders of each of `templates`.
async fn leaders(
    db: &impl ConnectionTrait,
    templates: Vec<Uuid>,
) -> Result<HashMap<Uuid, Vec<String>>> {
    let pairs: Vec<(Uuid, String)> = template_leaders::Entity::find()
        .select_only()
        .column(template_leaders::Column::TemplateId)
        .expr_as(
            Expr::cust(
                "(SELECT first_name || ' ' || last_name FROM members \
                 WHERE members.id = template_leaders.member_id)",
            ),
            "name",
        )
        .filter(template_leaders::Column::TemplateId.is_in(templates))
        .into_tuple()
        .all(db)
        .await?;
    let mut by_template: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (template, name) in pairs {
        by_template.entry(template).or_default().push(name);
    }
    for names in by_template.values_mut() {
        names.sort();
    }
    Ok(by_template)
}

/// A member's shifts that have not ended yet, by start: whether each is offered for a swap,
/// its leaders, and what cancelling it now would mean (a fixed seat is never free to cancel:
/// it is offered to stand-ins).
pub async fn my_shifts(db: &impl ConnectionTrait, member_id: Uuid) -> Result<Vec<MyShift>> {
    let rules = rules(db).await?;
    let tz = zone(&rules)?;
    let now = Utc::now();
    let held = booked_rows(db, member_id, now).await?;
    let leaders = leaders(
        db,
        held.iter().filter_map(|b| b.shift.template_id).collect(),
    )
    .await?;
    Ok(held
        .into_iter()
        .map(|b| {
            let r = b.shift;
            let fixed_seat = b.booking_kind == BookingKind::Regular.as_str();
            MyShift {
                state: if r.cancelled {
                    MyShiftState::ShiftCancelled
                } else if b.offered {
                    MyShiftState::Offered
                } else {
                    MyShiftState::Booked
                },
                fixed_seat,
                leaders: r
                    .template_id
                    .and_then(|t| leaders.get(&t))
                    .cloned()
                    .unwrap_or_default(),
                cancelling: if fixed_seat {
                    Cancellation::Late
                } else {
                    check_cancellation(&rules, instant(r.start_at_ms), now)
                },
                shift: r.summary(&tz),
            }
        })
        .collect())
}

/// The seats other members offer in the next [`OPEN_SEAT_WEEKS`] weeks (at most
/// [`OFFERS_LIMIT`] shifts), by start, leaving out shifts the member already holds; each with
/// the rule that would refuse the member taking it. Errors: `NotFound` for an unknown member.
pub async fn offers_for(db: &impl ConnectionTrait, member_id: Uuid) -> Result<Vec<OpenOffer>> {
    let member = members::Entity::find_by_id(member_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let now = Utc::now();
    // Offers still open, by someone else, of a seat still booked (a seat given up for free
    // leaves its offer behind).
    let open = Condition::all()
        .add(swap_offers::Column::TakenBy.is_null())
        .add(swap_offers::Column::OfferedBy.ne(member_id))
        .add(Expr::cust(format!(
            "EXISTS (SELECT 1 FROM shift_bookings WHERE shift_bookings.id = swap_offers.booking_id \
             AND shift_bookings.state = '{BOOKED}')"
        )));
    let rows = with_counts()
        .filter(
            shifts::Column::Id.in_subquery(
                Query::select()
                    .column(swap_offers::Column::ShiftId)
                    .from(swap_offers::Entity)
                    .cond_where(open.clone())
                    .to_owned(),
            ),
        )
        .filter(shifts::Column::Cancelled.eq(false))
        .filter(shifts::Column::StartAtMs.gt(now.timestamp_millis()))
        .filter(
            shifts::Column::StartAtMs
                .lt((now + TimeDelta::weeks(OPEN_SEAT_WEEKS.into())).timestamp_millis()),
        )
        .order_by_asc(shifts::Column::StartAtMs)
        .limit(OFFERS_LIMIT)
        .into_model::<Row>()
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(vec![]);
    }
    let rules = rules(db).await?;
    let tz = zone(&rules)?;
    let offers = swap_offers::Entity::find()
        .filter(open)
        .filter(swap_offers::Column::ShiftId.is_in(rows.iter().map(|r| r.id)))
        .all(db)
        .await?;
    let names: HashMap<Uuid, String> = members::Entity::find()
        .select_only()
        .column(members::Column::Id)
        .column(members::Column::FirstName)
        .filter(members::Column::Id.is_in(offers.iter().map(|o| o.offered_by)))
        .into_tuple::<(Uuid, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let (facts, held) = facts_and_bookings(db, &member, now).await?;
    Ok(rows
        .iter()
        .filter(|r| !held.iter().any(|b| b.shift_id == r.id))
        .flat_map(|r| {
            offers.iter().filter(|o| o.shift_id == r.id).map(|o| {
                let swap = SwapOffer {
                    shift_id: o.shift_id,
                    offered_by: o.offered_by,
                };
                OpenOffer {
                    offer_id: o.id,
                    shift: r.summary(&tz),
                    offered_by: names.get(&o.offered_by).cloned().unwrap_or_default(),
                    refusal: check_take_offer(&rules, &facts, &swap, &r.shift(), &held, now).err(),
                }
            })
        })
        .collect())
}
