//! `loadgen seed`: a large coop written straight into a fresh database, then the time to
//! recompute every status from scratch.
//!
//! The coop: 20,000 members (75 % regular, 20 % flexible, 5 % exempt) with five years of
//! shifts, bookings and ledger and one year of shifts ahead (`services::bulk::history`), plus
//! 2,000 flexible members with sessions for the booking rush and 10 shifts of 20 seats for
//! them, and a session for one regular member with five years of history whose pages are
//! timed. The daily job is marked done for today so that a server started on the database
//! does not spend its first minutes on it while being measured.
//!
//! Figures:
//! - `status_recompute_20k_s`: `status::recompute_all` over the 20,000 members (median of 3).
//! - `seed_20k_members_5y_s`: the time to write all of it.

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use domain::member::WorkRegime;
use domain::{Language, Role, Viewer};
use sea_orm::DatabaseConnection;
use serde_json::{json, Map, Value};
use services::shifts::daily::LAST_RUN;
use services::shifts::planning::{self, OneOffForm};
use services::shifts::status;
use services::{accounts, bulk, db, settings, Config, Services};
use std::sync::Arc;
use std::time::Instant;

pub const MEMBERS: usize = 20_000;
pub const RUSHERS: usize = 2_000;
pub const RUSH_SHIFTS: usize = 10;
pub const RUSH_SEATS: u32 = 20;

pub async fn seed(database_url: &str, seed_out: &str) -> Map<String, Value> {
    assert!(
        !database_url.is_empty(),
        "usage: loadgen seed DATABASE_URL SEED_JSON"
    );
    let started = Instant::now();
    let db = db::connect(database_url)
        .await
        .expect("connect and migrate");
    let s = Services {
        db: db.clone(),
        config: Arc::new(Config::for_tests(database_url)),
    };
    let today = services::today();
    let joined = today - TimeDelta::days(6 * 365);
    let members = bulk::members(&db, MEMBERS, "member", joined, |i| match i % 20 {
        0 => WorkRegime::Exempt,
        1..=4 => WorkRegime::Flexible,
        _ => WorkRegime::Regular,
    })
    .await
    .expect("20,000 members");
    let history = bulk::history(&db, &members, 5, today, 2026)
        .await
        .expect("five years of history");
    println!("history: {history:?}");
    settings::set(&db, LAST_RUN, &today.to_string())
        .await
        .expect("the daily job marked done");

    let seeded_s = started.elapsed().as_secs_f64();
    println!("seeded in {seeded_s:.1} s");

    let recompute_s = time_recompute(&db, today, MEMBERS).await;

    let admin_id = accounts::create_user(
        &db,
        "bench-admin@bulk.example",
        "Bench admin",
        Language::En,
        None,
        None,
        &[Role::Admin],
    )
    .await
    .expect("an admin");
    let admin = Viewer {
        user_id: admin_id,
        display_name: "Bench admin".into(),
        email: "bench-admin@bulk.example".into(),
        roles: vec![Role::Admin],
        language: Language::En,
        member_id: None,
    };
    let task = planning::create_task_type(&s, &admin, "Rush")
        .await
        .expect("a task type");
    let mut rush_shifts = Vec::new();
    for k in 0..RUSH_SHIFTS {
        let start = NaiveTime::from_hms_opt(7 + k as u32, 30, 0).expect("a time");
        rush_shifts.push(
            planning::add_one_off(
                &s,
                &admin,
                &OneOffForm {
                    date: today + TimeDelta::days(10),
                    start,
                    end: start + TimeDelta::minutes(45),
                    task_type_id: task,
                    seats: RUSH_SEATS,
                    required_skill: None,
                },
            )
            .await
            .expect("a rush shift"),
        );
    }
    let rushers = bulk::members(&db, RUSHERS, "rush", today, |_| WorkRegime::Flexible)
        .await
        .expect("2,000 members for the rush");
    let users: Vec<_> = rushers.iter().map(|m| m.user_id).collect();
    let rush_tokens = bulk::sessions(&db, &users).await.expect("rush sessions");
    // A regular member with the whole history, for the page timings.
    let page_member = members
        .iter()
        .find(|m| m.regime == WorkRegime::Regular)
        .expect("a regular member");
    let page_token = bulk::sessions(&db, &[page_member.user_id])
        .await
        .expect("a session")
        .remove(0);
    std::fs::write(
        seed_out,
        json!({
            "rush_tokens": rush_tokens,
            "rush_shifts": rush_shifts,
            "page_token": page_token,
        })
        .to_string(),
    )
    .expect("write the seed file");

    let mut figures = Map::new();
    figures.insert("status_recompute_20k_s".into(), Value::from(recompute_s));
    figures.insert(
        "seed_20k_members_5y_s".into(),
        Value::from((seeded_s * 10.0).round() / 10.0),
    );
    figures
}

/// `loadgen recompute DATABASE_URL`: times recomputing every status again on a database that
/// `loadgen seed` wrote, to try a change without seeding again. The database then also holds
/// the rush's 2,000 members, so the figure is `status_recompute_22k_s`.
pub async fn recompute(database_url: &str) -> Map<String, Value> {
    let db = db::connect(database_url)
        .await
        .expect("connect and migrate");
    let mut figures = Map::new();
    figures.insert(
        "status_recompute_22k_s".into(),
        Value::from(time_recompute(&db, services::today(), MEMBERS + RUSHERS).await),
    );
    figures
}

/// The median of 3 runs of `status::recompute_all` over the coop's `members`, in seconds.
async fn time_recompute(db: &DatabaseConnection, today: NaiveDate, members: usize) -> f64 {
    let mut times = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let all = status::recompute_all(db, today)
            .await
            .expect("every status");
        times.push(t.elapsed().as_secs_f64());
        assert_eq!(all.reports.len(), members);
    }
    times.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    println!("recomputing {members} statuses: {times:?} s");
    (times[1] * 1000.0).round() / 1000.0
}
