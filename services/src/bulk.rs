//! Large coops for load tests and benchmarks, written straight into the database in a few big
//! transactions: thousands of members with their accounts and sessions, and years of shifts,
//! bookings and ledger. It skips the checks and the audit log of the real services, so it is
//! only for test and benchmark databases; the histories it writes follow the shift rules (the
//! same deltas, caps and period debits the attendance sheets and the daily job would write).

use crate::entities::{
    counter_events, extensions, leaves, members, shift_bookings, shifts, task_types, user_roles,
    users,
};
use crate::error::Result;
use crate::shifts::booking::BookingKind;
use crate::shifts::status::{ledger_row, OBLIGATIONS_SINCE};
use crate::till::recorded::insert_all;
pub use crate::till::recorded::{sales, sales_in, BulkLine, BulkSale, Checkout};
use crate::{accounts, db::write_tx, now_ms, settings};
use chrono::{NaiveDate, NaiveTime, TimeDelta};
use domain::member::WorkRegime;
use domain::shifts::{
    local_to_utc, with_cap, Counter, CounterEvent, CounterReason, Reference, ShiftRules,
};
use domain::{Language, Role};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};
use std::collections::HashMap;
use uuid::Uuid;

/// A member written by [`members`], with their account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seeded {
    pub member_id: Uuid,
    pub user_id: Uuid,
    pub regime: WorkRegime,
}

/// Writes `n` members (emails `{tag}.{i}@bulk.example`), each with an account holding the
/// member role and no password, in one transaction. `regime(i)` gives the i-th member's work
/// regime; they joined on `joined`.
pub async fn members(
    db: &DatabaseConnection,
    n: usize,
    tag: &str,
    joined: NaiveDate,
    regime: impl Fn(usize) -> WorkRegime,
) -> Result<Vec<Seeded>> {
    let tx = write_tx(db).await?;
    let prefix = settings::card_prefix(&tx).await?;
    let first_number = settings::next(&tx, "member_number").await?;
    let first_card = settings::next(&tx, "card_number").await?;
    let count = i64::try_from(n).unwrap_or(i64::MAX);
    if n > 1 {
        settings::raise_to(&tx, "member_number", first_number + count - 1).await?;
        settings::raise_to(&tx, "card_number", first_card + count - 1).await?;
    }
    let now = now_ms();
    let mut seeded = Vec::with_capacity(n);
    let (mut member_rows, mut user_rows, mut role_rows) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..n {
        let number = first_number + i as i64;
        let card = first_card + i as i64;
        let barcode = prefix
            .barcode(u64::try_from(card).unwrap_or_default())
            .map_err(|e| sea_orm::DbErr::Custom(format!("card {card}: {e:?}")))?;
        let email = format!("{tag}.{i}@bulk.example");
        let (first, last) = ("Bulk".to_string(), format!("{tag} {i}"));
        let member_id = Uuid::now_v7();
        let user_id = Uuid::now_v7();
        let r = regime(i);
        member_rows.push(members::ActiveModel {
            id: Set(member_id),
            member_number: Set(number),
            first_name: Set(first.clone()),
            last_name: Set(last.clone()),
            email: Set(email.clone()),
            phone: Set(None),
            language: Set(Language::Fr.code().to_string()),
            join_date: Set(joined),
            work_regime: Set(r.as_str().to_string()),
            leaving_date: Set(None),
            leaving_reason: Set(None),
            card_number: Set(card),
            card_barcode: Set(barcode.clone()),
            search_text: Set(domain::search::fold(&format!(
                "{number} {first} {last} {email} {barcode}"
            ))),
            created_at_ms: Set(now),
            updated_at_ms: Set(now),
        });
        user_rows.push(users::ActiveModel {
            id: Set(user_id),
            email: Set(email),
            password_hash: Set(None),
            display_name: Set(format!("{first} {last}")),
            language: Set(Language::Fr.code().to_string()),
            member_id: Set(Some(member_id)),
            disabled: Set(false),
            created_at_ms: Set(now),
        });
        role_rows.push(user_roles::ActiveModel {
            user_id: Set(user_id),
            role: Set(Role::Member.as_str().to_string()),
        });
        seeded.push(Seeded {
            member_id,
            user_id,
            regime: r,
        });
    }
    insert_all(&tx, member_rows).await?;
    insert_all(&tx, user_rows).await?;
    insert_all(&tx, role_rows).await?;
    tx.commit().await?;
    Ok(seeded)
}

/// Opens a 30-day session for each user, in one transaction; returns the tokens in order.
pub async fn sessions(db: &DatabaseConnection, users: &[Uuid]) -> Result<Vec<String>> {
    let tx = write_tx(db).await?;
    let mut tokens = Vec::with_capacity(users.len());
    for u in users {
        tokens.push(accounts::open_session(&tx, *u, 30 * 24 * 3600).await?);
    }
    tx.commit().await?;
    Ok(tokens)
}

/// What [`history`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub shifts: usize,
    pub bookings: usize,
    pub ledger_events: usize,
    pub leaves: usize,
    pub extensions: usize,
    pub leavers: usize,
}

/// The four start times of a day's shifts, each 2 h 45 long.
const SLOTS: [(u32, u32); 4] = [(8, 0), (11, 0), (14, 0), (17, 0)];

struct Plan {
    rules: ShiftRules,
    tz: chrono_tz::Tz,
    first: NaiveDate,
    task: Uuid,
    per_day: usize,
    shifts: Vec<shifts::ActiveModel>,
    /// The shifts of each date: (id, seats left).
    by_date: HashMap<NaiveDate, Vec<(Uuid, i32)>>,
    bookings: Vec<shift_bookings::ActiveModel>,
    now: i64,
}

const SEATS: i32 = 12;

impl Plan {
    fn shifts_on(&mut self, date: NaiveDate) -> &mut Vec<(Uuid, i32)> {
        if !self.by_date.contains_key(&date) {
            let mut day = Vec::with_capacity(self.per_day);
            for k in 0..self.per_day {
                let (h, m) = SLOTS[k % SLOTS.len()];
                let start = NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
                let start_at = local_to_utc(&self.tz, date.and_time(start));
                let id = Uuid::now_v7();
                self.shifts.push(shifts::ActiveModel {
                    id: Set(id),
                    template_id: Set(None),
                    task_type_id: Set(self.task),
                    date: Set(date),
                    start_at_ms: Set(start_at.timestamp_millis()),
                    end_at_ms: Set((start_at + TimeDelta::minutes(165)).timestamp_millis()),
                    seats: Set(SEATS),
                    required_skill: Set(None),
                    cancelled: Set(false),
                    closure_note: Set(None),
                    unvalidated_flagged_on: Set(None),
                    created_at_ms: Set(self.now),
                });
                day.push((id, SEATS));
            }
            self.by_date.insert(date, day);
        }
        self.by_date.get_mut(&date).expect("just inserted")
    }

    /// Books a seat on `date` for a member, in the `slot`-th shift of the day or the next one
    /// with a seat left; returns the shift.
    fn book(&mut self, date: NaiveDate, slot: usize, member: Uuid, kind: BookingKind) -> Uuid {
        let now = self.now;
        let day = self.shifts_on(date);
        let n = day.len();
        let k = (0..n)
            .map(|k| (slot + k) % n)
            .find(|k| day[*k].1 > 0)
            .unwrap_or(slot % n);
        day[k].1 -= 1;
        let shift = day[k].0;
        self.bookings.push(shift_bookings::ActiveModel {
            id: Set(Uuid::now_v7()),
            shift_id: Set(shift),
            member_id: Set(member),
            kind: Set(kind.as_str().to_string()),
            state: Set(crate::shifts::booking::BOOKED.to_string()),
            created_at_ms: Set(now),
            updated_at_ms: Set(now),
        });
        shift
    }
}

/// One member's ledger, appended through the cap as the attendance sheets do.
struct Ledger {
    member: Uuid,
    regime: WorkRegime,
    counter: Counter,
    rows: Vec<counter_events::ActiveModel>,
}

impl Ledger {
    fn push(&mut self, rules: &ShiftRules, event: CounterEvent) {
        for e in with_cap(rules, self.regime, self.counter.balance(), event) {
            self.counter.push(&e).expect("events in date order");
            self.rows.push(ledger_row(self.member, &e, None));
        }
    }
}

/// Writes `years` of history up to `today` for `members`, and one year of shifts ahead: shifts
/// of 12 seats, enough of them each day for every member to work once in 28 days; regular
/// members hold a seat every 28 days (mostly attended, some excused or missed, then made
/// up), flexible members are debited each period and book one shift in it, exempt members owe
/// nothing. A few take holidays (and a few are on holiday today), a few left the coop, a few
/// got an extension. Obligations count from `years` ago. Deterministic for a given `seed`.
pub async fn history(
    db: &DatabaseConnection,
    members_: &[Seeded],
    years: u32,
    today: NaiveDate,
    seed: u64,
) -> Result<History> {
    let rules = crate::shifts::rules(db).await?;
    let tz = rules
        .time_zone()
        .map_err(|e| sea_orm::DbErr::Custom(e.to_string()))?;
    let first = today - TimeDelta::days(365 * i64::from(years));
    let last = today + TimeDelta::days(365);
    let task = Uuid::now_v7();
    let per_day = members_.len().div_ceil(28 * 8).max(1);
    let mut plan = Plan {
        rules,
        tz,
        first,
        task,
        per_day,
        shifts: Vec::new(),
        by_date: HashMap::new(),
        bookings: Vec::new(),
        now: now_ms(),
    };
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out = History::default();
    let (mut ledger_rows, mut leave_rows, mut extension_rows) =
        (Vec::new(), Vec::new(), Vec::new());
    let mut leavers: Vec<(Uuid, NaiveDate)> = Vec::new();
    let rules = plan.rules.clone();

    // Every day of the span has its shifts, written first; bookings and ledgers follow in
    // batches of members so that memory stays bounded.
    let tx = write_tx(db).await?;
    task_types::ActiveModel {
        id: Set(task),
        name: Set(format!("Bulk {seed}")),
    }
    .insert(&tx)
    .await?;
    let mut date = plan.first;
    while date <= last + TimeDelta::days(rules.flexible_period_days) {
        plan.shifts_on(date);
        date += TimeDelta::days(1);
    }
    out.shifts = plan.shifts.len();
    insert_all(&tx, std::mem::take(&mut plan.shifts)).await?;

    for (i, m) in members_.iter().enumerate() {
        if i % 1_000 == 0 && !ledger_rows.is_empty() {
            out.bookings += plan.bookings.len();
            out.ledger_events += ledger_rows.len();
            insert_all(&tx, std::mem::take(&mut plan.bookings)).await?;
            insert_all(&tx, std::mem::take(&mut ledger_rows)).await?;
        }
        let mut ledger = Ledger {
            member: m.member_id,
            regime: m.regime,
            counter: Counter::default(),
            rows: Vec::new(),
        };
        // A holiday: 1 in 25 somewhere in the past, 1 in 100 covering today.
        let holiday = match rng.gen_range(0..100) {
            0 => Some((today - TimeDelta::days(10), today + TimeDelta::days(10))),
            1..=4 => {
                let start = plan.first + TimeDelta::days(rng.gen_range(0..365 * i64::from(years)));
                Some((start, start + TimeDelta::days(rng.gen_range(14..36))))
            }
            _ => None,
        };
        if let Some((start, end)) = holiday {
            leave_rows.push(leaves::ActiveModel {
                id: Set(Uuid::now_v7()),
                member_id: Set(m.member_id),
                kind: Set("holiday".into()),
                start_date: Set(start),
                end_date: Set(end),
                note: Set("holiday".into()),
                created_by: Set(None),
                created_at_ms: Set(plan.now),
            });
        }
        let on_holiday = |d: NaiveDate| holiday.is_some_and(|(s, e)| s <= d && d <= e);
        // 1 in 50 left the coop at some point.
        let left_on = (rng.gen_range(0..50) == 0)
            .then(|| plan.first + TimeDelta::days(rng.gen_range(30..365 * i64::from(years))));
        if let Some(on) = left_on {
            leavers.push((m.member_id, on));
        }
        let active = |d: NaiveDate| left_on.is_none_or(|on| d < on);
        let slot = i / 28;
        match m.regime {
            WorkRegime::Regular => {
                let mut date = plan.first + TimeDelta::days((i % 28) as i64);
                while date <= last && active(date) {
                    if on_holiday(date) {
                        date += TimeDelta::days(28);
                        continue;
                    }
                    let shift = plan.book(date, slot, m.member_id, BookingKind::Regular);
                    if date < today {
                        let (delta, reason) = match rng.gen_range(0..100) {
                            0..=3 => (rules.regular_excused, CounterReason::Excused),
                            4..=11 => (rules.regular_absent, CounterReason::Absent),
                            _ => (rules.regular_attended, CounterReason::Attended),
                        };
                        ledger.push(
                            &rules,
                            CounterEvent {
                                date,
                                delta,
                                reason,
                                reference: Reference::Shift { shift_id: shift },
                            },
                        );
                        // Most make up what they owe within three weeks.
                        let owed = -ledger.counter.balance();
                        if owed > 0 && rng.gen_range(0..10) < 7 {
                            for k in 1..=owed.min(3) {
                                let on = date + TimeDelta::days(7 * k);
                                if on >= today || !active(on) {
                                    break;
                                }
                                let shift =
                                    plan.book(on, slot + 1, m.member_id, BookingKind::Makeup);
                                ledger.push(
                                    &rules,
                                    CounterEvent {
                                        date: on,
                                        delta: rules.makeup_attended,
                                        reason: CounterReason::Makeup,
                                        reference: Reference::Shift { shift_id: shift },
                                    },
                                );
                            }
                        }
                    }
                    date += TimeDelta::days(28);
                }
            }
            WorkRegime::Flexible => {
                let mut period = plan.first;
                while period <= last && active(period) {
                    if period <= today && !on_holiday(period) {
                        ledger.push(
                            &rules,
                            CounterEvent {
                                date: period,
                                delta: rules.flexible_period_debit,
                                reason: CounterReason::PeriodDebit,
                                reference: Reference::Period { starts_on: period },
                            },
                        );
                    }
                    let on = period + TimeDelta::days(rng.gen_range(0..rules.flexible_period_days));
                    let roll = rng.gen_range(0..100);
                    if roll >= 4 && active(on) && !on_holiday(on) {
                        let shift = plan.book(on, slot, m.member_id, BookingKind::Flexible);
                        if on < today {
                            let (delta, reason) = if roll < 10 {
                                (rules.booked_no_show, CounterReason::NoShow)
                            } else {
                                (rules.makeup_attended, CounterReason::Makeup)
                            };
                            ledger.push(
                                &rules,
                                CounterEvent {
                                    date: on,
                                    delta,
                                    reason,
                                    reference: Reference::Shift { shift_id: shift },
                                },
                            );
                        }
                    }
                    period += TimeDelta::days(rules.flexible_period_days);
                }
            }
            WorkRegime::Exempt => {}
        }
        // 1 in 5 of those behind asked for more time after three weeks.
        if let Some(since) = ledger.counter.negative_since() {
            let asked = since + TimeDelta::days(21);
            if asked <= today && rng.gen_range(0..5) == 0 {
                extension_rows.push(extensions::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    member_id: Set(m.member_id),
                    granted_on: Set(asked),
                    granted_by: Set(None),
                    created_at_ms: Set(plan.now),
                });
            }
        }
        ledger_rows.append(&mut ledger.rows);
    }

    out.bookings += plan.bookings.len();
    out.ledger_events += ledger_rows.len();
    out.leaves = leave_rows.len();
    out.extensions = extension_rows.len();
    out.leavers = leavers.len();
    insert_all(&tx, std::mem::take(&mut plan.bookings)).await?;
    insert_all(&tx, ledger_rows).await?;
    insert_all(&tx, leave_rows).await?;
    insert_all(&tx, extension_rows).await?;
    for (member, on) in leavers {
        members::ActiveModel {
            id: Set(member),
            leaving_date: Set(Some(on)),
            leaving_reason: Set(Some("moved away".into())),
            ..Default::default()
        }
        .update(&tx)
        .await?;
    }
    if settings::get(&tx, OBLIGATIONS_SINCE).await?.is_none() {
        settings::set(&tx, OBLIGATIONS_SINCE, &plan.first.to_string()).await?;
    }
    tx.commit().await?;
    Ok(out)
}

/// Writes `n` active products into the catalogue in one transaction, each with one EAN-13
/// barcode (`977000000000x` upwards, a range no shop product uses, valid check digits), at catalogue
/// versions following the counter, so tills load them as they would real ones. Names mix a
/// few words with the product's number ("Organic lentils 1234"); prices, VAT rates (0, 6
/// and 21 %), units, deposits and meal-voucher eligibility vary. Returns the barcodes in
/// order.
pub async fn products(db: &DatabaseConnection, n: usize) -> Result<Vec<String>> {
    use crate::entities::{product_barcodes, products};
    use crate::till::catalogue::CATALOGUE_VERSION;
    const WORDS: [&str; 12] = [
        "Organic",
        "Lentils",
        "Crème",
        "Apples",
        "Coffee",
        "Pâtes",
        "Chocolate",
        "Soap",
        "Flour",
        "Juice",
        "Cheese",
        "Brot",
    ];
    let tx = write_tx(db).await?;
    let first_version = settings::next(&tx, CATALOGUE_VERSION).await?;
    let count = i64::try_from(n).unwrap_or(i64::MAX);
    if n > 1 {
        settings::raise_to(&tx, CATALOGUE_VERSION, first_version + count - 1).await?;
    }
    let now = now_ms();
    let (mut rows, mut codes, mut barcodes) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..n {
        let id = Uuid::now_v7();
        let mut data = [0u8; 12];
        for (d, c) in data.iter_mut().zip(format!("977{:09}", i).bytes()) {
            *d = c - b'0';
        }
        let barcode = domain::barcode::ean13_from_data(&data);
        let name = format!(
            "{} {} {i}",
            WORDS[i % WORDS.len()],
            WORDS[(i / WORDS.len() + 3) % WORDS.len()].to_lowercase()
        );
        let (unit, vat_bp) = [("piece", 600), ("piece", 2100), ("kg", 600), ("litre", 0)][i % 4];
        rows.push(products::ActiveModel {
            id: Set(id),
            search_text: Set(domain::search::fold(&name)),
            name: Set(name),
            category_id: Set(None),
            unit: Set(unit.to_string()),
            price_cents: Set(49 + (i as i64 * 37) % 2_000),
            vat_bp: Set(vat_bp),
            deposit_cents: Set(if i % 10 == 0 { 10 } else { 0 }),
            deposit_vat_bp: Set(0),
            meal_voucher: Set(vat_bp == 600),
            active: Set(true),
            version: Set(first_version + i as i64),
            created_at_ms: Set(now),
            updated_at_ms: Set(now),
            previous_price_cents: Set(None),
            price_changed_at_ms: Set(None),
            price_version: Set(Some(first_version + i as i64)),
            ..Default::default()
        });
        codes.push(product_barcodes::ActiveModel {
            barcode: Set(barcode.clone()),
            product_id: Set(id),
        });
        barcodes.push(barcode);
    }
    insert_all(&tx, rows).await?;
    insert_all(&tx, codes).await?;
    tx.commit().await?;
    Ok(barcodes)
}

/// Writes stock moves as they are (receptions, losses with their reason and value...), in one
/// transaction.
pub async fn moves(db: &DatabaseConnection, all: &[domain::stock::StockMove]) -> Result<()> {
    use crate::entities::stock_moves;
    let tx = write_tx(db).await?;
    let rows = all
        .iter()
        .map(|m| stock_moves::ActiveModel {
            id: Set(Uuid::now_v7()),
            product_id: Set(m.product_id),
            quantity_milli: Set(m.quantity_milli),
            kind: Set(m.kind.as_str().to_string()),
            reason: Set(m.reason.clone()),
            reference_id: Set(m.reference_id),
            at_ms: Set(m.at_ms),
            created_by: Set(None),
            value_cents: Set(m.value_cents),
        })
        .collect();
    insert_all(&tx, rows).await?;
    tx.commit().await?;
    Ok(())
}

/// Writes one supplier, `name`, the preferred supplier of every product of `costs` at its
/// pack and cost, in one transaction; returns its id.
pub async fn supplier_with_costs(
    db: &DatabaseConnection,
    name: &str,
    costs: &[(Uuid, domain::stock::cost::PackCost)],
) -> Result<Uuid> {
    use crate::entities::{supplier_products, suppliers};
    let tx = write_tx(db).await?;
    let id = Uuid::now_v7();
    let now = now_ms();
    suppliers::Entity::insert(suppliers::ActiveModel {
        id: Set(id),
        name: Set(name.to_string()),
        contact: Set(String::new()),
        order_email: Set(String::new()),
        min_order_cents: Set(0),
        lead_days: Set(0),
        margin_bp: Set(None),
        active: Set(true),
        created_at_ms: Set(now),
        updated_at_ms: Set(now),
    })
    .exec_without_returning(&tx)
    .await?;
    let rows = costs
        .iter()
        .map(|(product_id, cost)| supplier_products::ActiveModel {
            supplier_id: Set(id),
            product_id: Set(*product_id),
            code: Set(String::new()),
            pack_milli: Set(cost.pack_milli),
            pack_cost_cents: Set(cost.pack_cost_cents),
            preferred: Set(true),
            updated_at_ms: Set(now),
        })
        .collect();
    insert_all(&tx, rows).await?;
    tx.commit().await?;
    Ok(id)
}

/// A product as a supplier of [`supplier`] sells it: the product, the supplier's code, the
/// pack (milli-units) and its cost excluding VAT (cents).
pub struct Offer<'a> {
    pub product_id: Uuid,
    pub code: &'a str,
    pub pack_milli: i64,
    pub pack_cost_cents: i64,
}

/// Writes a supplier (its order email, minimum order in cents and lead time in days) and the
/// products it sells, as their preferred supplier, in one transaction. Returns its id.
pub async fn supplier(
    db: &DatabaseConnection,
    name: &str,
    order_email: &str,
    min_order_cents: i64,
    lead_days: i32,
    offers: &[Offer<'_>],
) -> Result<Uuid> {
    use crate::entities::{supplier_products, suppliers};
    let tx = write_tx(db).await?;
    let id = Uuid::now_v7();
    let now = now_ms();
    suppliers::ActiveModel {
        id: Set(id),
        name: Set(name.to_string()),
        contact: Set(String::new()),
        order_email: Set(order_email.to_string()),
        min_order_cents: Set(min_order_cents),
        lead_days: Set(lead_days),
        margin_bp: Set(None),
        active: Set(true),
        created_at_ms: Set(now),
        updated_at_ms: Set(now),
    }
    .insert(&tx)
    .await?;
    let rows = offers
        .iter()
        .map(|o| supplier_products::ActiveModel {
            supplier_id: Set(id),
            product_id: Set(o.product_id),
            code: Set(o.code.to_string()),
            pack_milli: Set(o.pack_milli),
            pack_cost_cents: Set(o.pack_cost_cents),
            preferred: Set(true),
            updated_at_ms: Set(now),
        })
        .collect();
    insert_all(&tx, rows).await?;
    tx.commit().await?;
    Ok(id)
}
