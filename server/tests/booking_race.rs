//! Booking under load, end to end: two real `server` processes share one database (one
//! PostgreSQL database, or one SQLite file in WAL mode) and members book through
//! `POST /api/shifts/book` on either of them at once.
//!
//! - 500 members race for the 20 seats of one shift: exactly 20 get a seat, the 480 others a
//!   422 saying the shift is full, and nobody holds two seats.
//! - Members firing bookings at several shifts at once get no more than the limits allow:
//!   2 shifts a day, never two overlapping, 5 in 28 days.
//!
//! Everything stays on 127.0.0.1; every request has a time limit and the servers are stopped
//! when the test ends, passed or not.

use app::error::AppError;
use chrono::{NaiveDate, NaiveTime, TimeDelta};
use domain::member::WorkRegime;
use domain::shifts::BookingError;
use domain::validation::Reason;
use domain::Language;
use http::{Method, StatusCode};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use services::entities::shift_bookings;
use services::shifts::daily::LAST_RUN;
use services::shifts::planning::{self, OneOffForm};
use services::testing::{fresh_url, Backend};
use services::{bulk, db, settings, Config, Services};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::Instant;
use uuid::Uuid;

mod support;

use support::{send, Server};

/// Two server processes on one database.
async fn start_two_servers(database_url: &str) -> Vec<Server> {
    vec![
        Server::start(database_url).await,
        Server::start(database_url).await,
    ]
}

/// What one booking request got.
#[derive(Debug)]
enum Answer {
    Booked(Uuid),
    Refused(BookingError),
    Other(StatusCode, String),
}

async fn book(port: u16, token: String, shift: Uuid) -> Answer {
    let body = serde_json::json!({ "shift_id": shift }).to_string();
    let (status, bytes) = send(
        port,
        Method::POST,
        "/api/shifts/book",
        Some(&format!("ruche_session={token}")),
        &body,
    )
    .await
    .expect("the server answers");
    let text = String::from_utf8_lossy(&bytes).to_string();
    match status {
        StatusCode::OK => match serde_json::from_slice::<Uuid>(&bytes) {
            Ok(id) => Answer::Booked(id),
            Err(_) => Answer::Other(status, text),
        },
        StatusCode::UNPROCESSABLE_ENTITY => match serde_json::from_slice::<AppError>(&bytes)
            .map(|e| e.field_errors("shift"))
            .as_deref()
        {
            Ok([Reason::Booking { error }]) => Answer::Refused(error.clone()),
            _ => Answer::Other(status, text),
        },
        _ => Answer::Other(status, text),
    }
}

/// Fires every (member token, shift) booking at once, alternating between the two servers;
/// answers in the same order.
async fn fire(servers: &[Server], requests: Vec<(String, Uuid)>) -> Vec<Answer> {
    let start = Arc::new(tokio::sync::Barrier::new(requests.len()));
    let tasks: Vec<_> = requests
        .into_iter()
        .enumerate()
        .map(|(i, (token, shift))| {
            let port = servers[i % servers.len()].port;
            let start = start.clone();
            tokio::spawn(async move {
                start.wait().await;
                book(port, token, shift).await
            })
        })
        .collect();
    let mut answers = Vec::new();
    for t in tasks {
        answers.push(t.await.expect("a booking task"));
    }
    answers
}

async fn booked_rows(db: &DatabaseConnection, shift: Uuid) -> Vec<shift_bookings::Model> {
    shift_bookings::Entity::find()
        .filter(shift_bookings::Column::ShiftId.eq(shift))
        .filter(shift_bookings::Column::State.eq("booked"))
        .all(db)
        .await
        .expect("bookings")
}

struct Coop {
    services: Services,
    admin: domain::Viewer,
    task: Uuid,
}

impl Coop {
    async fn shift(&self, date: NaiveDate, (h, m): (u32, u32), seats: u32) -> Uuid {
        let start = NaiveTime::from_hms_opt(h, m, 0).expect("a time");
        planning::add_one_off(
            &self.services,
            &self.admin,
            &OneOffForm {
                date,
                start,
                end: start + TimeDelta::minutes(165),
                task_type_id: self.task,
                seats,
                required_skill: None,
            },
        )
        .await
        .expect("a one-off shift")
    }
}

async fn race_and_limits(backend: Backend) {
    let Some(url) = fresh_url(backend).await else {
        return;
    };
    let db = db::connect(&url).await.expect("connect and migrate");
    let services = Services {
        db: db.clone(),
        config: Arc::new(Config::for_tests(&url)),
    };
    let admin = services::testing::admin(&services).await;
    let task = planning::create_task_type(&services, &admin, "Till")
        .await
        .expect("a task type");
    let coop = Coop {
        services: services.clone(),
        admin,
        task,
    };
    let today = services::today();
    // The servers' daily job has nothing to do today: it must not hold the write lock.
    settings::set(&db, LAST_RUN, &today.to_string())
        .await
        .expect("the daily job's last run");
    let racers = bulk::members(&db, 500, "racer", today, |_| WorkRegime::Flexible)
        .await
        .expect("500 members");
    let limited = bulk::members(&db, 60, "limited", today, |_| WorkRegime::Flexible)
        .await
        .expect("60 members");
    let users: Vec<Uuid> = racers.iter().chain(&limited).map(|m| m.user_id).collect();
    let tokens = bulk::sessions(&db, &users).await.expect("sessions");
    let member_of: HashMap<Uuid, Uuid> = racers
        .iter()
        .chain(&limited)
        .map(|m| (m.user_id, m.member_id))
        .collect();

    let seats20 = coop.shift(today + TimeDelta::days(2), (9, 0), 20).await;
    // Five shifts on one day, none overlapping; five at the same hour; seven on seven days.
    let same_day = today + TimeDelta::days(4);
    let mut day_shifts = Vec::new();
    for h in [8, 11, 14, 17, 20] {
        day_shifts.push(coop.shift(same_day, (h, 0), 50).await);
    }
    let mut overlapping = Vec::new();
    for _ in 0..5 {
        overlapping.push(coop.shift(today + TimeDelta::days(6), (10, 0), 50).await);
    }
    let mut week = Vec::new();
    for d in 8..15 {
        week.push(coop.shift(today + TimeDelta::days(d), (9, 0), 50).await);
    }

    let servers = start_two_servers(&url).await;

    // 500 members, 20 seats.
    let started = Instant::now();
    let answers = fire(
        &servers,
        tokens[..500].iter().map(|t| (t.clone(), seats20)).collect(),
    )
    .await;
    let took = started.elapsed();
    let mut booked_ids = HashSet::new();
    let mut full = 0;
    let mut other = Vec::new();
    for a in answers {
        match a {
            Answer::Booked(id) => {
                booked_ids.insert(id);
            }
            Answer::Refused(BookingError::Full) => full += 1,
            Answer::Refused(e) => other.push(format!("refused: {e:?}")),
            Answer::Other(status, text) => other.push(format!("{status}: {text}")),
        }
    }
    assert!(other.is_empty(), "unexpected answers: {other:?}");
    assert_eq!(booked_ids.len(), 20, "exactly 20 members got a seat");
    assert_eq!(full, 480, "the 480 others were told the shift is full");
    let rows = booked_rows(&db, seats20).await;
    assert_eq!(rows.len(), 20, "the shift holds 20 booked seats");
    let row_ids: HashSet<Uuid> = rows.iter().map(|r| r.id).collect();
    assert_eq!(row_ids, booked_ids, "each booking answered is in the shift");
    let holders: HashSet<Uuid> = rows.iter().map(|r| r.member_id).collect();
    assert_eq!(holders.len(), 20, "no member holds two seats");
    let all_rows = shift_bookings::Entity::find()
        .all(&db)
        .await
        .expect("bookings");
    assert_eq!(all_rows.len(), 20, "nothing else was written");
    for lang in [Language::Fr, Language::Nl, Language::En] {
        let id = Reason::Booking {
            error: BookingError::Full,
        }
        .message_id();
        let text = i18n::t(lang, id);
        assert!(
            !text.is_empty() && text != id,
            "the refusal reads in {lang:?}"
        );
    }
    eprintln!("{backend:?}: 500 bookings through two servers in {took:?}");

    // Each limited member fires all their bookings at once: 20 at five shifts of one day, 20
    // at five overlapping shifts, 20 at seven shifts in seven days.
    let groups: [(&[Uuid], usize, BookingError); 3] = [
        (&day_shifts, 2, BookingError::DayLimit { max: 2 }),
        (
            &overlapping,
            1,
            BookingError::Overlap {
                shift_id: Uuid::nil(),
            },
        ),
        (&week, 5, BookingError::PeriodLimit { max: 5, days: 28 }),
    ];
    let mut requests = Vec::new();
    let mut expected = Vec::new();
    for (g, (shifts, allowed, refusal)) in groups.iter().enumerate() {
        for k in 0..20 {
            let token = &tokens[500 + g * 20 + k];
            let member = member_of[&users[500 + g * 20 + k]];
            expected.push((member, *allowed, shifts.len() - allowed, refusal.clone()));
            for s in *shifts {
                requests.push((token.clone(), *s));
            }
        }
    }
    // Consecutive requests alternate servers: each member's go to both at the same moment.
    let answers = fire(&servers, requests).await;
    let mut answers = answers.into_iter();
    for (member, allowed, refused, refusal) in expected {
        let n = allowed + refused;
        let mine: Vec<Answer> = answers.by_ref().take(n).collect();
        let got = mine
            .iter()
            .filter(|a| matches!(a, Answer::Booked(_)))
            .count();
        let refusals: Vec<&BookingError> = mine
            .iter()
            .filter_map(|a| match a {
                Answer::Refused(e) => Some(e),
                _ => None,
            })
            .collect();
        assert_eq!(got, allowed, "member {member} got {allowed}: {mine:?}");
        assert_eq!(refusals.len(), refused, "the rest were refused: {mine:?}");
        assert!(
            refusals
                .iter()
                .all(|e| std::mem::discriminant(*e) == std::mem::discriminant(&refusal)),
            "refused for the limit {refusal:?}: {mine:?}"
        );
        let held = shift_bookings::Entity::find()
            .filter(shift_bookings::Column::MemberId.eq(member))
            .filter(shift_bookings::Column::State.eq("booked"))
            .all(&db)
            .await
            .expect("bookings");
        assert_eq!(held.len(), allowed, "the database agrees for {member}");
    }
    let mut per_shift: BTreeMap<Uuid, usize> = BTreeMap::new();
    for b in shift_bookings::Entity::find().all(&db).await.expect("rows") {
        *per_shift.entry(b.shift_id).or_default() += 1;
    }
    assert!(per_shift[&seats20] == 20 && per_shift.values().all(|n| *n <= 50));
    drop(servers);
}

/// One database at a time: four servers on two cores would measure the machine, not ruche.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_two_servers_500_members_20_seats() {
    let _one = ONE_AT_A_TIME.lock().await;
    race_and_limits(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_two_servers_500_members_20_seats() {
    let _one = ONE_AT_A_TIME.lock().await;
    race_and_limits(Backend::Postgres).await;
}
