//! A member's own view of the planning on SQLite and PostgreSQL: their next shifts, the open
//! seats they may book, the offers they may take, and their private calendar feed; refusals
//! write nothing, and two members racing for one offer get it once.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike, Utc};
use domain::shifts::{BookingError, Cancellation, MyShiftState, ShiftRules};
use domain::Viewer;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use services::entities::{shift_bookings, swap_offers};
use services::error::Error;
use services::shifts::planning::{OneOffForm, TemplateForm};
use services::shifts::{agenda, booking, feed, planning};
use services::{on_both_databases, Services};
use uuid::Uuid;

/// A member who joined today, in English.
async fn member(s: &Services, a: &Viewer, first: &str, regime: &str) -> Uuid {
    services::testing::member(s, a, first, regime, "en", today()).await
}

fn today() -> NaiveDate {
    services::today()
}

fn d(n: i64) -> NaiveDate {
    today() + TimeDelta::days(n)
}

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

const MORNING: (u32, u32) = (9, 12);

async fn shift(
    s: &Services,
    a: &Viewer,
    task: Uuid,
    date: NaiveDate,
    (from, to): (u32, u32),
    seats: u32,
    skill: Option<&str>,
) -> Uuid {
    planning::add_one_off(
        s,
        a,
        &OneOffForm {
            date,
            start: at(from, 0),
            end: at(to, 0),
            task_type_id: task,
            seats,
            required_skill: skill.map(str::to_string),
        },
    )
    .await
    .unwrap()
}

/// A seat held in a shift that has already happened (booking refuses past shifts).
async fn past_booking(s: &Services, shift_id: Uuid, member_id: Uuid) {
    shift_bookings::ActiveModel {
        id: Set(Uuid::now_v7()),
        shift_id: Set(shift_id),
        member_id: Set(member_id),
        kind: Set("flexible".into()),
        state: Set("booked".into()),
        created_at_ms: Set(0),
        updated_at_ms: Set(0),
    }
    .insert(&s.db)
    .await
    .unwrap();
}

async fn bookings_of(s: &Services, m: Uuid) -> u64 {
    shift_bookings::Entity::find()
        .filter(shift_bookings::Column::MemberId.eq(m))
        .count(&s.db)
        .await
        .unwrap()
}

async fn my_shifts_show_state_leaders_times_and_what_cancelling_means(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = planning::create_task_type(&s, &a, "Till").await.unwrap();
    let reg = member(&s, &a, "Regina", "regular").await;
    let flex = member(&s, &a, "Felix", "flexible").await;
    let lead = member(&s, &a, "Leo", "regular").await;

    // Regina's fixed seat, led by Leo, in the template of the day 10 days ahead.
    let rules = ShiftRules::default();
    let template = planning::create_template(
        &s,
        &a,
        &TemplateForm {
            week: rules.cycle.letter(d(10)),
            weekday: d(10).weekday(),
            start: at(9, 0),
            end: at(12, 0),
            task_type_id: till,
            seats: 3,
            required_skill: None,
        },
    )
    .await
    .unwrap();
    planning::assign_seat(&s, &a, template, reg).await.unwrap();
    planning::add_leader(&s, &a, template, lead).await.unwrap();
    planning::generate(&s, today()).await.unwrap();
    let mine = agenda::my_shifts(&s.db, reg).await.unwrap();
    assert!(!mine.is_empty());
    let first = &mine[0];
    assert_eq!(first.shift.date, d(10));
    assert_eq!(
        (first.shift.start_local, first.shift.end_local),
        (at(9, 0), at(12, 0)),
        "local times in the coop's zone"
    );
    assert_eq!(first.shift.task, "Till");
    assert_eq!(first.leaders, vec!["Leo Test".to_string()]);
    assert!(first.fixed_seat);
    assert_eq!(first.state, MyShiftState::Booked);
    assert_eq!(
        first.cancelling,
        Cancellation::Late,
        "a fixed seat is never free to cancel"
    );
    assert!(mine
        .windows(2)
        .all(|w| w[0].shift.start <= w[1].shift.start));

    // Felix: a past shift (not listed), one in 5 days (free to cancel), one in 3 hours (late).
    let past = shift(&s, &a, till, d(-2), MORNING, 3, None).await;
    past_booking(&s, past, flex).await;
    let later = shift(&s, &a, till, d(5), MORNING, 3, None).await;
    booking::book(&s, flex, later).await.unwrap();
    let tz = rules.time_zone().unwrap();
    let soon = (Utc::now() + TimeDelta::hours(3)).with_timezone(&tz);
    let close = planning::add_one_off(
        &s,
        &a,
        &OneOffForm {
            date: soon.date_naive(),
            start: at(soon.hour(), soon.minute()),
            end: at(soon.hour(), soon.minute()) + TimeDelta::hours(1),
            task_type_id: till,
            seats: 2,
            required_skill: None,
        },
    )
    .await
    .unwrap();
    booking::book(&s, flex, close).await.unwrap();
    let mine = agenda::my_shifts(&s.db, flex).await.unwrap();
    let ids: Vec<Uuid> = mine.iter().map(|m| m.shift.shift_id).collect();
    assert_eq!(
        ids,
        vec![close, later],
        "next shifts by start, past ones left out"
    );
    assert_eq!(mine[0].cancelling, Cancellation::Late);
    assert_eq!(mine[1].cancelling, Cancellation::Free);
    assert!(!mine[1].fixed_seat);
    assert!(mine[1].leaders.is_empty());

    // Offering marks the shift offered; a late cancellation offers it too.
    booking::offer(&s, flex, later).await.unwrap();
    assert_eq!(
        booking::cancel(&s, flex, close).await.unwrap(),
        Cancellation::Late
    );
    let mine = agenda::my_shifts(&s.db, flex).await.unwrap();
    assert!(mine.iter().all(|m| m.state == MyShiftState::Offered));

    // A closure day: the shift stays listed, as cancelled.
    planning::add_closure_day(&s, &a, d(5), "Inventory")
        .await
        .unwrap();
    let mine = agenda::my_shifts(&s.db, flex).await.unwrap();
    let closed = mine.iter().find(|m| m.shift.shift_id == later).unwrap();
    assert_eq!(closed.state, MyShiftState::ShiftCancelled);
}

async fn open_seats_list_one_week_of_free_seats_with_refusals(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = planning::create_task_type(&s, &a, "Till").await.unwrap();
    let m = member(&s, &a, "Mia", "flexible").await;
    let other = member(&s, &a, "Olga", "flexible").await;

    let free = shift(&s, &a, till, d(2), MORNING, 3, None).await;
    let full = shift(&s, &a, till, d(2), (13, 15), 1, None).await;
    booking::book(&s, other, full).await.unwrap();
    let closed = shift(&s, &a, till, d(3), MORNING, 3, None).await;
    planning::add_closure_day(&s, &a, d(3), "Inventory")
        .await
        .unwrap();
    shift(&s, &a, till, d(-1), MORNING, 3, None).await;
    let held = shift(&s, &a, till, d(4), MORNING, 3, None).await;
    booking::book(&s, m, held).await.unwrap();
    let overlapping = shift(&s, &a, till, d(4), (11, 13), 3, None).await;
    let skilled = shift(&s, &a, till, d(5), MORNING, 2, Some("till")).await;
    let next_week = shift(&s, &a, till, d(8), MORNING, 2, None).await;

    let week = agenda::open_seats(&s.db, m, 0).await.unwrap();
    assert_eq!(week.first_day, today());
    let listed: Vec<(Uuid, Option<BookingError>)> = week
        .seats
        .iter()
        .map(|o| (o.shift.shift_id, o.refusal.clone()))
        .collect();
    assert_eq!(
        listed,
        vec![
            (free, None),
            (overlapping, Some(BookingError::Overlap { shift_id: held })),
            (
                skilled,
                Some(BookingError::MissingSkill {
                    skill: "till".into()
                })
            ),
        ],
        "full, cancelled, past and held shifts are left out"
    );
    assert!(!listed.iter().any(|(id, _)| [full, closed].contains(id)));
    let seat = &week.seats[0].shift;
    assert_eq!((seat.booked, seat.seats), (0, 3));

    let week1 = agenda::open_seats(&s.db, m, 1).await.unwrap();
    assert_eq!(week1.first_day, d(7));
    assert_eq!(
        week1
            .seats
            .iter()
            .map(|o| o.shift.shift_id)
            .collect::<Vec<_>>(),
        vec![next_week]
    );
    assert_eq!(
        agenda::open_seats(&s.db, m, 99).await.unwrap().first_day,
        d(21),
        "no further than four weeks"
    );

    // Refusals write nothing, and the lists stay as they were.
    let before = bookings_of(&s, m).await;
    for (shift, want) in [
        (skilled, "MissingSkill"),
        (overlapping, "Overlap"),
        (full, "Full"),
        (closed, "Cancelled"),
    ] {
        match booking::book(&s, m, shift).await {
            Err(Error::Booking(e)) => assert!(format!("{e:?}").starts_with(want), "{e:?}"),
            other => panic!("{want}: {other:?}"),
        }
    }
    assert_eq!(bookings_of(&s, m).await, before);
    assert_eq!(agenda::my_shifts(&s.db, m).await.unwrap().len(), 1);

    // Booking takes the seat off the list and into "my shifts".
    booking::book(&s, m, free).await.unwrap();
    let week = agenda::open_seats(&s.db, m, 0).await.unwrap();
    assert!(!week.seats.iter().any(|o| o.shift.shift_id == free));
    assert!(agenda::my_shifts(&s.db, m)
        .await
        .unwrap()
        .iter()
        .any(|x| x.shift.shift_id == free));
    assert!(matches!(
        agenda::open_seats(&s.db, Uuid::now_v7(), 0).await,
        Err(Error::NotFound)
    ));
}

async fn offers_are_others_open_ones_and_taken_once(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = planning::create_task_type(&s, &a, "Till").await.unwrap();
    let giver = member(&s, &a, "Gina", "flexible").await;
    let busy = member(&s, &a, "Bert", "flexible").await;
    let t1 = member(&s, &a, "Tom", "flexible").await;
    let t2 = member(&s, &a, "Tina", "flexible").await;

    let offered = shift(&s, &a, till, d(6), MORNING, 2, None).await;
    booking::book(&s, giver, offered).await.unwrap();
    let offer = booking::offer(&s, giver, offered).await.unwrap();
    // An offer whose seat was then given up for free is not listed.
    let gone = shift(&s, &a, till, d(9), MORNING, 2, None).await;
    booking::book(&s, giver, gone).await.unwrap();
    booking::offer(&s, giver, gone).await.unwrap();
    assert_eq!(
        booking::cancel(&s, giver, gone).await.unwrap(),
        Cancellation::Free
    );
    let clash = shift(&s, &a, till, d(6), (10, 13), 2, None).await;
    booking::book(&s, busy, clash).await.unwrap();

    assert!(
        agenda::offers_for(&s.db, giver).await.unwrap().is_empty(),
        "one's own offers are not listed"
    );
    let seen = agenda::offers_for(&s.db, t1).await.unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].offer_id, offer);
    assert_eq!(seen[0].offered_by, "Gina");
    assert_eq!(seen[0].refusal, None);
    let busy_sees = agenda::offers_for(&s.db, busy).await.unwrap();
    assert_eq!(
        busy_sees[0].refusal,
        Some(BookingError::Overlap { shift_id: clash })
    );

    // Taking one's own offer is refused and writes nothing.
    let before = bookings_of(&s, giver).await;
    assert!(matches!(
        booking::take_offer(&s, giver, offer).await,
        Err(Error::Booking(BookingError::OwnOffer))
    ));
    assert_eq!(bookings_of(&s, giver).await, before);

    // Two stand-ins at the same time: one gets the seat, the other hears it is gone.
    let (r1, r2) = tokio::join!(
        booking::take_offer(&s, t1, offer),
        booking::take_offer(&s, t2, offer)
    );
    let won = [r1.is_ok(), r2.is_ok()];
    assert_eq!(won.iter().filter(|w| **w).count(), 1, "{r1:?} {r2:?}");
    assert!(matches!(
        if r1.is_ok() { &r2 } else { &r1 },
        Err(Error::NotFound)
    ));
    let winner = if r1.is_ok() { t1 } else { t2 };
    assert!(agenda::my_shifts(&s.db, winner)
        .await
        .unwrap()
        .iter()
        .any(|m| m.shift.shift_id == offered));
    assert!(agenda::my_shifts(&s.db, giver)
        .await
        .unwrap()
        .iter()
        .all(|m| m.shift.shift_id != offered));
    assert_eq!(planning::shift(&s.db, offered).await.unwrap().booked, 1);
    let taken = swap_offers::Entity::find_by_id(offer)
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(taken.taken_by, Some(winner));
    assert!(agenda::offers_for(&s.db, t1).await.unwrap().is_empty());
}

async fn the_calendar_feed_answers_its_current_secret_only(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = planning::create_task_type(&s, &a, "Till, cash")
        .await
        .unwrap();
    let m = member(&s, &a, "Cal", "flexible").await;
    let other = member(&s, &a, "Olaf", "flexible").await;
    let long_ago = shift(&s, &a, till, d(-35), MORNING, 3, None).await;
    past_booking(&s, long_ago, m).await;
    let lately = shift(&s, &a, till, d(-14), MORNING, 3, None).await;
    past_booking(&s, lately, m).await;
    let ahead = shift(&s, &a, till, d(12), MORNING, 3, None).await;
    booking::book(&s, m, ahead).await.unwrap();
    let not_mine = shift(&s, &a, till, d(13), MORNING, 3, None).await;
    booking::book(&s, other, not_mine).await.unwrap();

    assert_eq!(feed::token_made(&s.db, m).await.unwrap(), None);
    let token = feed::reset_token(&s, m).await.unwrap();
    assert!(token.len() >= 32);
    assert!(feed::token_made(&s.db, m).await.unwrap().is_some());
    let text = feed::feed(&s.db, &token).await.unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 2, "{text}");
    assert!(text.contains("SUMMARY:Shift: Till\\, cash\r\n"), "{text}");
    let tz = ShiftRules::default().time_zone().unwrap();
    for date in [d(-14), d(12)] {
        let start = date
            .and_time(at(9, 0))
            .and_local_timezone(tz)
            .single()
            .unwrap()
            .with_timezone(&Utc);
        let line = format!("DTSTART:{}", start.format("%Y%m%dT%H%M%SZ"));
        assert!(text.contains(&line), "{line} in {text}");
    }
    assert!(text.split("\r\n").all(|l| l.len() <= 75));

    let renewed = feed::reset_token(&s, m).await.unwrap();
    assert_ne!(renewed, token);
    assert!(matches!(
        feed::feed(&s.db, &token).await,
        Err(Error::NotFound)
    ));
    assert!(feed::feed(&s.db, &renewed).await.is_ok());
    assert!(matches!(
        feed::feed(&s.db, "not-a-token").await,
        Err(Error::NotFound)
    ));
    assert!(matches!(
        feed::reset_token(&s, Uuid::now_v7()).await,
        Err(Error::NotFound)
    ));
}

on_both_databases!(
    my_shifts_show_state_leaders_times_and_what_cancelling_means,
    open_seats_list_one_week_of_free_seats_with_refusals,
    offers_are_others_open_ones_and_taken_once,
    the_calendar_feed_answers_its_current_secret_only,
);
