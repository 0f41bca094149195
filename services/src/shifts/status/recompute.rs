//! Every member's status recomputed from scratch at once, in a handful of queries whatever the
//! number of members, to check the stored statuses against (it writes nothing).

use super::leaves::to_leave;
use super::read::{member_facts, obligations_since};
use super::refresh::json;
use crate::entities::{
    counter_events, extensions, leaves, member_skills, member_statuses, members,
};
use crate::error::{Error, Result};
use crate::now_ms;
use crate::shifts::booking::BookingKind;
use chrono::NaiveDate;
use domain::shifts::{status_from_counter, Counter, Leave, StatusReport};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QueryOrder};
use uuid::Uuid;

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
///
/// [`status_on`]: super::status_on
pub async fn recompute_all(db: &impl ConnectionTrait, today: NaiveDate) -> Result<Recomputed> {
    use std::collections::HashMap;

    let (rules, since, members) =
        tokio::try_join!(crate::shifts::rules(db), obligations_since(db), async {
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
        .and_where(Expr::col((b::Entity, b::Column::State)).eq(crate::shifts::booking::BOOKED))
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
