//! Shifts on SQLite and PostgreSQL: the planning, bookings under load, swaps, attendance into
//! the ledger, statuses and may-shop, and the daily job.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike, Utc};
use domain::member::HouseholdPersonForm;
use domain::shifts::{
    Attendance, BookingError, Cancellation, CounterReason, ExtensionError, LeaveKind, Reference,
    ShiftRules, Status, StatusReason, WeekLetter,
};
use domain::validation::{FieldError, Reason};
use domain::Viewer;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use services::entities::{counter_events, outbox, shift_bookings, status_changes};
use services::error::Error;
use services::shifts::planning::{OneOffForm, TemplateForm};
use services::shifts::status::Shopper;
use services::shifts::{attendance, booking, daily, planning, status};
use services::testing::member;
use services::{members, on_both_databases, settings, Services};
use uuid::Uuid;

fn today() -> NaiveDate {
    services::today()
}

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

async fn task(s: &Services, a: &Viewer) -> Uuid {
    planning::create_task_type(s, a, "Till").await.unwrap()
}

async fn one_off(
    s: &Services,
    a: &Viewer,
    task: Uuid,
    date: NaiveDate,
    (start, end): (NaiveTime, NaiveTime),
    seats: u32,
    skill: Option<&str>,
) -> Uuid {
    planning::add_one_off(
        s,
        a,
        &OneOffForm {
            date,
            start,
            end,
            task_type_id: task,
            seats,
            required_skill: skill.map(str::to_string),
        },
    )
    .await
    .unwrap()
}

/// A template whose week and weekday are those of `date`, 09:00 to 12:00.
async fn template_on(s: &Services, a: &Viewer, task: Uuid, date: NaiveDate, seats: u32) -> Uuid {
    let rules = ShiftRules::default();
    planning::create_template(
        s,
        a,
        &TemplateForm {
            week: rules.cycle.letter(date),
            weekday: date.weekday(),
            start: at(9, 0),
            end: at(12, 0),
            task_type_id: task,
            seats,
            required_skill: None,
        },
    )
    .await
    .unwrap()
}

fn refused(r: Result<Uuid, Error>) -> BookingError {
    match r {
        Err(Error::Booking(e)) => e,
        other => panic!("expected a booking refusal, got {other:?}"),
    }
}

async fn generation_is_idempotent_and_closure_days_cancel_shifts(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = task(&s, &a).await;
    let rules = ShiftRules::default();
    let monday_a = template_on_week(&s, &a, till, WeekLetter::A, chrono::Weekday::Mon).await;
    template_on_week(&s, &a, till, WeekLetter::C, chrono::Weekday::Sat).await;
    let regular = member(&s, &a, "reg", "regular", "fr", today()).await;
    planning::assign_seat(&s, &a, monday_a, regular)
        .await
        .unwrap();

    // 8 weeks hold exactly two weeks A and two weeks C.
    assert_eq!(planning::generate(&s, today()).await.unwrap(), 4);
    assert_eq!(planning::generate(&s, today()).await.unwrap(), 0);
    let horizon = rules.horizon(today());
    let shifts = planning::shifts_on(&s.db, horizon.clone()).await.unwrap();
    assert_eq!(shifts.len(), 4);
    let mondays: Vec<_> = shifts
        .iter()
        .filter(|s| s.date.weekday() == chrono::Weekday::Mon)
        .collect();
    assert_eq!(mondays.len(), 2);
    assert!(
        mondays.iter().all(|s| s.booked == 1 && s.seats == 3),
        "the regular member holds a seat of each"
    );

    // A closure day cancels the shift already generated on it, and only that one.
    let closed = mondays[0].date;
    assert_eq!(
        planning::add_closure_day(&s, &a, closed, "Inventory")
            .await
            .unwrap(),
        1
    );
    let shifts = planning::shifts_on(&s.db, horizon).await.unwrap();
    assert_eq!(shifts.iter().filter(|s| s.cancelled).count(), 1);
    assert!(shifts.iter().find(|s| s.date == closed).unwrap().cancelled);

    // A closure day ahead of the horizon: the shift generated later on it is born cancelled.
    let later = rules.horizon(today() + TimeDelta::weeks(8));
    let future_monday = rules
        .cycle
        .dates(WeekLetter::A, chrono::Weekday::Mon, later.clone())[0];
    planning::add_closure_day(&s, &a, future_monday, "Public holiday")
        .await
        .unwrap();
    assert_eq!(
        planning::generate(&s, today() + TimeDelta::weeks(4))
            .await
            .unwrap(),
        2
    );
    let new = planning::shifts_on(&s.db, later).await.unwrap();
    let on_closure = new.iter().find(|s| s.date == future_monday).unwrap();
    assert!(on_closure.cancelled);
    assert_eq!(on_closure.booked, 0, "nobody owes a shift on a closure day");
}

async fn template_on_week(
    s: &Services,
    a: &Viewer,
    task: Uuid,
    week: WeekLetter,
    weekday: chrono::Weekday,
) -> Uuid {
    planning::create_template(
        s,
        a,
        &TemplateForm {
            week,
            weekday,
            start: at(9, 0),
            end: at(12, 0),
            task_type_id: task,
            seats: 3,
            required_skill: None,
        },
    )
    .await
    .unwrap()
}

async fn booking_refuses_what_the_rules_refuse(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = task(&s, &a).await;
    let m = member(&s, &a, "flex", "flexible", "fr", today()).await;
    let other = member(&s, &a, "other", "flexible", "fr", today()).await;
    let d = |n: i64| today() + TimeDelta::days(n);
    let morning = (at(9, 0), at(12, 0));

    let past = one_off(&s, &a, till, d(-1), morning, 3, None).await;
    assert_eq!(
        refused(booking::book(&s, m, past).await),
        BookingError::Past
    );

    let closed = one_off(&s, &a, till, d(20), morning, 3, None).await;
    planning::add_closure_day(&s, &a, d(20), "Inventory")
        .await
        .unwrap();
    assert_eq!(
        refused(booking::book(&s, m, closed).await),
        BookingError::Cancelled
    );

    let single = one_off(&s, &a, till, d(11), morning, 1, None).await;
    booking::book(&s, other, single).await.unwrap();
    assert_eq!(
        refused(booking::book(&s, m, single).await),
        BookingError::Full
    );

    let skilled = one_off(&s, &a, till, d(12), morning, 2, Some("till")).await;
    assert_eq!(
        refused(booking::book(&s, m, skilled).await),
        BookingError::MissingSkill {
            skill: "till".into()
        }
    );
    planning::add_skill(&s, &a, m, "till").await.unwrap();
    booking::book(&s, m, skilled).await.unwrap();
    assert_eq!(
        refused(booking::book(&s, m, skilled).await),
        BookingError::AlreadyBooked
    );

    let first = one_off(&s, &a, till, d(13), morning, 3, None).await;
    let overlapping = one_off(&s, &a, till, d(13), (at(11, 0), at(14, 0)), 3, None).await;
    let afternoon = one_off(&s, &a, till, d(13), (at(15, 0), at(17, 0)), 3, None).await;
    let evening = one_off(&s, &a, till, d(13), (at(18, 0), at(20, 0)), 3, None).await;
    booking::book(&s, m, first).await.unwrap();
    assert_eq!(
        refused(booking::book(&s, m, overlapping).await),
        BookingError::Overlap { shift_id: first }
    );
    booking::book(&s, m, afternoon).await.unwrap();
    assert_eq!(
        refused(booking::book(&s, m, evening).await),
        BookingError::DayLimit { max: 2 }
    );

    for n in [14, 15] {
        let shift = one_off(&s, &a, till, d(n), morning, 3, None).await;
        booking::book(&s, m, shift).await.unwrap();
    }
    let sixth = one_off(&s, &a, till, d(16), morning, 3, None).await;
    assert_eq!(
        refused(booking::book(&s, m, sixth).await),
        BookingError::PeriodLimit { max: 5, days: 28 }
    );
    let held = shift_bookings::Entity::find()
        .filter(shift_bookings::Column::MemberId.eq(m))
        .count(&s.db)
        .await
        .unwrap();
    assert_eq!(held, 5, "refusals write nothing");
}

async fn two_hundred_members_race_for_twenty_seats(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = task(&s, &a).await;
    let shift = one_off(
        &s,
        &a,
        till,
        today() + TimeDelta::days(7),
        (at(9, 0), at(12, 0)),
        20,
        None,
    )
    .await;
    let mut ids = Vec::new();
    for i in 0..200 {
        ids.push(member(&s, &a, &format!("m{i}"), "flexible", "fr", today()).await);
    }
    let tasks: Vec<_> = ids
        .into_iter()
        .map(|m| {
            let s = s.clone();
            tokio::spawn(async move { booking::book(&s, m, shift).await })
        })
        .collect();
    let (mut booked, mut full) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => booked += 1,
            Err(Error::Booking(BookingError::Full)) => full += 1,
            Err(e) => panic!("unexpected error {e:?}"),
        }
    }
    assert_eq!((booked, full), (20, 180));
    assert_eq!(planning::shift(&s.db, shift).await.unwrap().booked, 20);
    let rows = shift_bookings::Entity::find()
        .filter(shift_bookings::Column::ShiftId.eq(shift))
        .count(&s.db)
        .await
        .unwrap();
    assert_eq!(rows, 20);
}

async fn cancelling_is_free_early_and_an_offer_late(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = task(&s, &a).await;
    let m = member(&s, &a, "flex", "flexible", "fr", today()).await;
    let early = one_off(
        &s,
        &a,
        till,
        today() + TimeDelta::days(5),
        (at(9, 0), at(12, 0)),
        3,
        None,
    )
    .await;
    booking::book(&s, m, early).await.unwrap();
    assert_eq!(
        booking::cancel(&s, m, early).await.unwrap(),
        Cancellation::Free
    );
    assert_eq!(planning::shift(&s.db, early).await.unwrap().booked, 0);
    assert!(matches!(
        booking::cancel(&s, m, early).await,
        Err(Error::NotFound)
    ));

    // Three hours ahead, in the coop's time zone.
    let tz = ShiftRules::default().time_zone().unwrap();
    let soon = (Utc::now() + TimeDelta::hours(3)).with_timezone(&tz);
    let start = at(soon.hour(), soon.minute());
    let close = one_off(
        &s,
        &a,
        till,
        soon.date_naive(),
        (start, start + TimeDelta::hours(1)),
        3,
        None,
    )
    .await;
    booking::book(&s, m, close).await.unwrap();
    assert_eq!(
        booking::cancel(&s, m, close).await.unwrap(),
        Cancellation::Late
    );
    assert_eq!(
        planning::shift(&s.db, close).await.unwrap().booked,
        1,
        "the seat stays the member's"
    );
    let offers = booking::open_offers(&s.db).await.unwrap();
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0].1, close);
}

async fn a_stand_in_takes_an_offered_seat(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = task(&s, &a).await;
    let giver = member(&s, &a, "giver", "flexible", "fr", today()).await;
    let taker = member(&s, &a, "taker", "flexible", "fr", today()).await;
    let late = member(&s, &a, "late", "flexible", "fr", today()).await;
    let shift = one_off(
        &s,
        &a,
        till,
        today() + TimeDelta::days(5),
        (at(9, 0), at(12, 0)),
        1,
        None,
    )
    .await;
    booking::book(&s, giver, shift).await.unwrap();
    let offer = booking::offer(&s, giver, shift).await.unwrap();
    assert_eq!(
        booking::offer(&s, giver, shift).await.unwrap(),
        offer,
        "one offer per seat"
    );

    assert_eq!(
        refused(booking::take_offer(&s, giver, offer).await),
        BookingError::OwnOffer
    );
    booking::take_offer(&s, taker, offer).await.unwrap();
    assert!(matches!(
        booking::take_offer(&s, late, offer).await,
        Err(Error::NotFound)
    ));
    assert!(booking::open_offers(&s.db).await.unwrap().is_empty());
    assert_eq!(planning::shift(&s.db, shift).await.unwrap().booked, 1);
    let seat = shift_bookings::Entity::find()
        .filter(shift_bookings::Column::ShiftId.eq(shift))
        .filter(shift_bookings::Column::State.eq("booked"))
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(seat.member_id, taker);
    assert!(matches!(
        booking::cancel(&s, giver, shift).await,
        Err(Error::NotFound)
    ));
}

async fn ledger_count(s: &Services) -> u64 {
    counter_events::Entity::find().count(&s.db).await.unwrap()
}

/// A past shift from a template on `date` where `regular` holds a seat; returns the shift id.
async fn past_regular_shift(s: &Services, a: &Viewer, date: NaiveDate, regular: Uuid) -> Uuid {
    let till = match planning::create_task_type(s, a, "Reception").await {
        Ok(id) => id,
        Err(_) => planning::create_task_type(s, a, &format!("Reception {regular}"))
            .await
            .unwrap(),
    };
    let template = template_on(s, a, till, date, 4).await;
    planning::assign_seat(s, a, template, regular)
        .await
        .unwrap();
    planning::generate(s, date).await.unwrap();
    let shifts = planning::shifts_on(&s.db, date..date + TimeDelta::days(1))
        .await
        .unwrap();
    assert_eq!(shifts.len(), 1);
    assert_eq!(shifts[0].booked, 1);
    shifts[0].id
}

async fn validation_writes_the_ledger_once(s: Services) {
    let a = services::testing::admin(&s).await;
    let day = today() - TimeDelta::days(3);
    let regular = member(
        &s,
        &a,
        "reg",
        "regular",
        "fr",
        today() - TimeDelta::days(100),
    )
    .await;
    let flexible = member(&s, &a, "flex", "flexible", "fr", today()).await;
    let shift = past_regular_shift(&s, &a, day, regular).await;

    let sheet = attendance::open_sheet(&s, shift).await.unwrap();
    assert_eq!(sheet.lines.len(), 1);
    assert_eq!(sheet.lines[0].member_id, regular);
    attendance::add_walk_in(&s, &a, shift, flexible)
        .await
        .unwrap();
    assert!(matches!(
        attendance::validate(&s, &a, shift).await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("mark", Reason::Required)]
    ));
    assert_eq!(ledger_count(&s).await, 0);
    attendance::mark(&s, &a, shift, regular, Attendance::Absent)
        .await
        .unwrap();

    let written = attendance::validate(&s, &a, shift).await.unwrap();
    assert_eq!(written.len(), 2);
    assert!(written
        .iter()
        .any(|(m, e)| *m == regular && e.delta == -2 && e.reason == CounterReason::Absent));
    assert!(written
        .iter()
        .any(|(m, e)| *m == flexible && e.delta == 1 && e.reason == CounterReason::Makeup));
    assert!(matches!(
        attendance::validate(&s, &a, shift).await,
        Err(Error::AlreadyValidated)
    ));
    assert!(matches!(
        attendance::mark(&s, &a, shift, regular, Attendance::Attended).await,
        Err(Error::AlreadyValidated)
    ));
    assert_eq!(
        ledger_count(&s).await,
        2,
        "a second validation writes nothing"
    );

    let ledger = status::ledger(&s.db, regular).await.unwrap();
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0].date, day);
    assert_eq!(ledger[0].reference, Reference::Shift { shift_id: shift });

    let report = status::status_on(&s.db, regular, today()).await.unwrap();
    assert_eq!(report.status, Status::Alert);
    assert_eq!(report.balance, -2);
    assert!(report.may_shop);
    assert_eq!(report.date_that_matters, Some(day + TimeDelta::days(28)));
    match &report.reason {
        StatusReason::Behind(b) => assert_eq!((b.alert_since, b.shifts_to_book()), (day, 2)),
        other => panic!("unexpected reason {other:?}"),
    }
    let history = status::history(&s.db, regular).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!((history[0].from, history[0].to), (None, Status::Alert));
    let notice = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq("reg@example.be"))
        .all(&s.db)
        .await
        .unwrap();
    assert_eq!(notice.len(), 1);
    assert_eq!(
        notice[0].subject,
        "Votre compteur de créneaux est en retard"
    );
    assert!(notice[0]
        .body
        .contains(&(day + TimeDelta::days(28)).to_string()));
}

async fn may_shop_answers_for_member_and_household_cards(s: Services) {
    let a = services::testing::admin(&s).await;
    let regular = member(
        &s,
        &a,
        "reg",
        "regular",
        "fr",
        today() - TimeDelta::days(100),
    )
    .await;
    let detail = members::add_household_person(
        &s,
        &a,
        regular,
        &HouseholdPersonForm {
            first_name: "Lotte".into(),
            last_name: "Maes".into(),
        },
    )
    .await
    .unwrap();
    let own_card = detail.card_barcode.clone();
    let household_card = detail.household[0].card_barcode.clone();
    assert_ne!(own_card, household_card);

    let answer = status::may_shop(&s.db, Shopper::Card(&household_card))
        .await
        .unwrap();
    assert_eq!(
        (answer.member_id, answer.may_shop, answer.report.status),
        (regular, true, Status::UpToDate)
    );

    // Absent 40 days ago: past the 28-day alert, suspended.
    let day = today() - TimeDelta::days(40);
    let shift = past_regular_shift(&s, &a, day, regular).await;
    attendance::open_sheet(&s, shift).await.unwrap();
    attendance::mark(&s, &a, shift, regular, Attendance::Absent)
        .await
        .unwrap();
    attendance::validate(&s, &a, shift).await.unwrap();
    for card in [&own_card, &household_card] {
        let answer = status::may_shop(&s.db, Shopper::Card(card)).await.unwrap();
        assert_eq!(answer.member_id, regular);
        assert!(!answer.may_shop);
        assert_eq!(answer.report.status, Status::Suspended);
        assert_eq!(
            answer.report.date_that_matters,
            Some(day + TimeDelta::days(28))
        );
    }
    assert!(matches!(
        status::grant_extension(&s, &a, regular).await,
        Err(Error::Extension(ExtensionError::TooLate))
    ));
    assert!(matches!(
        status::correct(&s, &a, regular, 2, "  ").await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("note", Reason::Required)]
    ));
    let report = status::correct(&s, &a, regular, 2, "Worked at the inventory")
        .await
        .unwrap();
    assert_eq!((report.status, report.balance), (Status::UpToDate, 0));
    let answer = status::may_shop(&s.db, Shopper::Card(&household_card))
        .await
        .unwrap();
    assert!(answer.may_shop);

    // A holiday covering today: the household is away and may not shop.
    status::add_leave(
        &s,
        &a,
        regular,
        LeaveKind::Holiday,
        today(),
        today() + TimeDelta::days(9),
        "Travel",
    )
    .await
    .unwrap();
    let answer = status::may_shop(&s.db, Shopper::Member(regular))
        .await
        .unwrap();
    assert_eq!(answer.report.status, Status::OnLeave);
    assert!(!answer.may_shop);
    assert!(matches!(
        status::may_shop(&s.db, Shopper::Card("2990000000000")).await,
        Err(Error::NotFound)
    ));
    let changes: Vec<Status> = status::history(&s.db, regular)
        .await
        .unwrap()
        .iter()
        .map(|c| c.to)
        .collect();
    assert_eq!(
        changes,
        vec![Status::Suspended, Status::UpToDate, Status::OnLeave]
    );
}

async fn counts(s: &Services) -> (u64, u64, u64, Option<String>) {
    (
        ledger_count(s).await,
        status_changes::Entity::find().count(&s.db).await.unwrap(),
        outbox::Entity::find().count(&s.db).await.unwrap(),
        settings::get(&s.db, daily::LAST_RUN).await.unwrap(),
    )
}

async fn the_daily_job_twice_on_one_day_changes_nothing(s: Services) {
    let a = services::testing::admin(&s).await;
    let flexible = member(
        &s,
        &a,
        "flex",
        "flexible",
        "fr",
        today() - TimeDelta::days(3),
    )
    .await;
    let regular = member(
        &s,
        &a,
        "reg",
        "regular",
        "fr",
        today() - TimeDelta::days(100),
    )
    .await;
    let till = task(&s, &a).await;
    let in_two_days = today() + TimeDelta::days(2);
    let template = template_on(&s, &a, till, in_two_days, 2).await;
    planning::assign_seat(&s, &a, template, regular)
        .await
        .unwrap();

    let first = daily::run(&s, today()).await.unwrap();
    assert_eq!(first.days, vec![today()]);
    assert_eq!(first.shifts_generated, 2);
    assert_eq!(first.period_debits, 1);
    assert_eq!(first.status_changes, 2);
    assert_eq!(
        first.mails_queued, 2,
        "the flexible member's alert and the regular's reminder"
    );
    let reminder = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq("reg@example.be"))
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(reminder.subject, format!("Votre créneau du {in_two_days}"));
    assert!(reminder.body.contains("09:00"));
    assert_eq!(status::ledger(&s.db, flexible).await.unwrap()[0].delta, -1);
    let before = counts(&s).await;
    assert_eq!(before.3, Some(today().to_string()));

    let second = daily::run(&s, today()).await.unwrap();
    assert_eq!(second, daily::DailyReport::default());
    assert_eq!(counts(&s).await, before);
}

async fn the_daily_job_catches_up_missed_days_in_order(s: Services) {
    let a = services::testing::admin(&s).await;
    let d = |n: i64| today() - TimeDelta::days(n);
    let flexible = member(&s, &a, "flex", "flexible", "fr", d(3)).await;
    settings::set(&s.db, daily::LAST_RUN, &d(5).to_string())
        .await
        .unwrap();

    let report = daily::run(&s, today()).await.unwrap();
    assert_eq!(report.days, vec![d(4), d(3), d(2), d(1), d(0)]);
    assert_eq!(report.period_debits, 1);
    let ledger = status::ledger(&s.db, flexible).await.unwrap();
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0].reference, Reference::Period { starts_on: d(3) });
    let history = status::history(&s.db, flexible).await.unwrap();
    let steps: Vec<_> = history.iter().map(|c| (c.on, c.from, c.to)).collect();
    assert_eq!(
        steps,
        vec![
            (d(4), None, Status::UpToDate),
            (d(3), Some(Status::UpToDate), Status::Alert),
        ]
    );
    assert_eq!(
        history[1].reason.date_that_matters(),
        Some(d(3) + TimeDelta::days(28))
    );
    assert_eq!(
        settings::get(&s.db, daily::LAST_RUN).await.unwrap(),
        Some(today().to_string())
    );
    assert!(daily::run(&s, today()).await.unwrap().days.is_empty());
}

async fn obligations_count_from_the_first_run_not_from_old_join_dates(s: Services) {
    let a = services::testing::admin(&s).await;
    let joined_long_ago = today() - TimeDelta::days(5 * 365);
    let flexible = member(&s, &a, "old.flex", "flexible", "fr", joined_long_ago).await;
    let report = daily::run(&s, today()).await.unwrap();
    assert_eq!(
        report.period_debits, 1,
        "one period is owed, not five years of them"
    );
    let ledger = status::ledger(&s.db, flexible).await.unwrap();
    assert_eq!(ledger.iter().map(|e| e.delta as i64).sum::<i64>(), -1);
    assert_eq!(
        settings::get(&s.db, status::OBLIGATIONS_SINCE)
            .await
            .unwrap(),
        Some(today().to_string())
    );
}

/// The demo planning gives the end-to-end tests what they act on: yesterday's sheet with the
/// demo member and the demo shift leader, free seats ahead for the flexible member, and one
/// open swap offer; loading again adds nothing.
async fn the_demo_coop_has_a_planning_to_act_on(s: Services) {
    services::demo::load(&s).await.unwrap();
    let email_id = |email: &'static str| {
        let db = s.db.clone();
        async move {
            services::entities::members::Entity::find()
                .filter(services::entities::members::Column::Email.eq(email))
                .one(&db)
                .await
                .unwrap()
                .unwrap()
                .id
        }
    };
    let member = email_id("member@demo.ruche.coop").await;
    let leader = email_id("shift-leader@demo.ruche.coop").await;
    let yesterday = today() - TimeDelta::days(1);
    let shifts = planning::shifts_on(&s.db, yesterday..today())
        .await
        .unwrap();
    let mut found = false;
    for shift in &shifts {
        let sheet = attendance::open_sheet(&s, shift.id).await.unwrap();
        let who: Vec<Uuid> = sheet.lines.iter().map(|l| l.member_id).collect();
        if who.contains(&member) {
            assert!(who.contains(&leader), "the shift leader works there too");
            assert!(!sheet.validated, "the sheet waits for its shift leader");
            found = true;
        }
    }
    assert!(found, "the demo member had a shift yesterday");
    assert_eq!(booking::open_offers(&s.db).await.unwrap().len(), 1);
    let ahead = planning::shifts_on(&s.db, today()..today() + TimeDelta::days(28))
        .await
        .unwrap();
    assert!(
        ahead.iter().any(|sh| sh.booked < sh.seats),
        "free seats ahead"
    );
    let flexible = email_id(services::demo::FLEXIBLE_MEMBER).await;
    let free = ahead
        .iter()
        .find(|sh| sh.booked < sh.seats && sh.start > Utc::now() + TimeDelta::days(3))
        .unwrap();
    booking::book(&s, flexible, free.id).await.unwrap();
    let count = shift_bookings::Entity::find().count(&s.db).await.unwrap();
    assert!(!services::demo::load(&s).await.unwrap());
    assert_eq!(
        shift_bookings::Entity::find().count(&s.db).await.unwrap(),
        count
    );
}

on_both_databases!(
    the_demo_coop_has_a_planning_to_act_on,
    obligations_count_from_the_first_run_not_from_old_join_dates,
    generation_is_idempotent_and_closure_days_cancel_shifts,
    booking_refuses_what_the_rules_refuse,
    two_hundred_members_race_for_twenty_seats,
    cancelling_is_free_early_and_an_offer_late,
    a_stand_in_takes_an_offered_seat,
    validation_writes_the_ledger_once,
    may_shop_answers_for_member_and_household_cards,
    the_daily_job_twice_on_one_day_changes_nothing,
    the_daily_job_catches_up_missed_days_in_order,
);
