//! `loadgen rush`: a server on the database written by `loadgen seed` (20,000 members, five
//! years of history, one year of shifts ahead).
//!
//! Figures:
//! - `booking_rush_per_s` and `booking_rush_p99_ms`: 2,000 members book the 200 seats of 10
//!   shifts at once through `POST /api/shifts/book`, 200 concurrent clients (each member
//!   books once; clients reuse their connection). Checked afterwards in the database: each
//!   shift holds exactly its 20 seats, nobody holds two, and every other answer was a 422
//!   saying the shift is full.
//! - `member_shifts_page_p99_ms` (and `_p50_ms`): server render of the member's shift page
//!   (`GET /shifts`) for a regular member with five years of history, 20 concurrent clients,
//!   25 pages each.

use crate::{load, percentile, Client};
use domain::shifts::BookingError;
use domain::validation::{FieldError, Reason};
use http::{header, Method, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Map, Value};
use services::entities::shift_bookings;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Instant;
use uuid::Uuid;

const CLIENTS: usize = 200;

#[derive(Debug, PartialEq, Eq)]
enum Answer {
    Booked,
    Full,
}

async fn book(c: &mut Client, token: &str, shift: Uuid) -> Answer {
    let body = serde_json::json!({ "shift_id": shift }).to_string();
    let (status, _, bytes) = c
        .send(
            Method::POST,
            "/api/shifts/book",
            &[
                (header::COOKIE, format!("ruche_session={token}")),
                (header::CONTENT_TYPE, "application/json".into()),
                (header::ACCEPT, "application/json".into()),
            ],
            &body,
        )
        .await;
    let text = String::from_utf8_lossy(&bytes);
    match status {
        StatusCode::OK => Answer::Booked,
        StatusCode::UNPROCESSABLE_ENTITY => {
            let errors: Vec<FieldError> = serde_json::from_slice::<Value>(&bytes)
                .ok()
                .and_then(|v| serde_json::from_value(v["Invalid"].clone()).ok())
                .unwrap_or_default();
            let full = Reason::Booking {
                error: BookingError::Full,
            };
            assert!(
                errors.iter().any(|e| e.reason == full),
                "a refusal other than full: {text}"
            );
            Answer::Full
        }
        other => panic!("booking answered {other}: {text}"),
    }
}

pub async fn run(host: &str, database_url: &str, seed_file: &str) -> Map<String, Value> {
    assert!(
        !database_url.is_empty(),
        "usage: loadgen rush http://127.0.0.1:PORT DATABASE_URL SEED_JSON"
    );
    let seed: Value = serde_json::from_str(
        &std::fs::read_to_string(seed_file).expect("the seed file of `loadgen seed`"),
    )
    .expect("seed json");
    let tokens: Vec<String> =
        serde_json::from_value(seed["rush_tokens"].clone()).expect("rush tokens");
    let shifts: Vec<Uuid> =
        serde_json::from_value(seed["rush_shifts"].clone()).expect("rush shifts");
    let page_token = seed["page_token"].as_str().expect("page token").to_string();
    let mut figures = Map::new();

    // The rush: client c books for members c, c + 200, ...; member j wants shift j % 10.
    let tokens = Arc::new(tokens);
    let shifts = Arc::new(shifts);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        let (tokens, shifts, host) = (tokens.clone(), shifts.clone(), host.to_string());
        tasks.push(tokio::spawn(async move {
            let mut client = Client::connect(&host).await;
            let mut out = Vec::new();
            for j in (c..tokens.len()).step_by(CLIENTS) {
                let t = Instant::now();
                let answer = book(&mut client, &tokens[j], shifts[j % shifts.len()]).await;
                out.push((answer, t.elapsed().as_secs_f64() * 1000.0));
            }
            out
        }));
    }
    let mut times = Vec::new();
    let mut booked = 0;
    for t in tasks {
        for (answer, ms) in t.await.expect("a rush client") {
            booked += usize::from(answer == Answer::Booked);
            times.push(ms);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    times.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    let seats = shifts.len() * crate::coop::RUSH_SEATS as usize;
    assert_eq!(booked, seats, "every seat taken, and no more");

    // No overbooking, no member twice, as the database sees it.
    let db = services::db::connect(database_url)
        .await
        .expect("the bench database");
    let rows = shift_bookings::Entity::find()
        .filter(shift_bookings::Column::ShiftId.is_in(shifts.iter().copied()))
        .filter(shift_bookings::Column::State.eq("booked"))
        .all(&db)
        .await
        .expect("the rush's bookings");
    let mut per_shift: HashMap<Uuid, usize> = HashMap::new();
    for r in &rows {
        *per_shift.entry(r.shift_id).or_default() += 1;
    }
    assert!(
        shifts
            .iter()
            .all(|s| per_shift.get(s).copied() == Some(crate::coop::RUSH_SEATS as usize)),
        "each rush shift holds exactly its seats: {per_shift:?}"
    );
    let members: HashSet<Uuid> = rows.iter().map(|r| r.member_id).collect();
    assert_eq!(members.len(), rows.len(), "no member holds two seats");
    println!(
        "booking rush: {} bookings ({booked} seats, {} full) in {secs:.2} s, p50 {} ms, p99 {} ms",
        times.len(),
        times.len() - booked,
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    figures.insert(
        "booking_rush_per_s".into(),
        Value::from((times.len() as f64 / secs).round()),
    );
    figures.insert(
        "booking_rush_p50_ms".into(),
        Value::from(percentile(&times, 0.5)),
    );
    figures.insert(
        "booking_rush_p99_ms".into(),
        Value::from(percentile(&times, 0.99)),
    );

    // The member's shift page.
    let page = move |mut c: Client| {
        let cookie = format!("ruche_session={page_token}");
        async move {
            let t = Instant::now();
            let (status, _, body) = c
                .send(
                    Method::GET,
                    "/shifts",
                    &[
                        (header::COOKIE, cookie),
                        (header::ACCEPT, "text/html".into()),
                    ],
                    "",
                )
                .await;
            assert_eq!(status, StatusCode::OK, "GET /shifts");
            assert!(
                body.windows(11).any(|w| w == b"shifts-page"),
                "the member's shift page"
            );
            (c, t.elapsed().as_secs_f64() * 1000.0)
        }
    };
    load(host, 5, 5, page.clone()).await; // warm up
    let times = load(host, 20, 25, page).await;
    println!(
        "member shift page: {} pages, p50 {} ms, p99 {} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    figures.insert(
        "member_shifts_page_p50_ms".into(),
        Value::from(percentile(&times, 0.5)),
    );
    figures.insert(
        "member_shifts_page_p99_ms".into(),
        Value::from(percentile(&times, 0.99)),
    );
    figures
}
