//! The coordinator's planning on SQLite and PostgreSQL: templates with their seat holders and
//! leaders, the planning of a week with each shift's staffing, closure days, and finding a
//! member by number or name.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta};
use domain::member::MemberForm;
use domain::shifts::planning::Staffing;
use domain::shifts::ShiftRules;
use domain::validation::{FieldError, Reason};
use domain::Viewer;
use services::error::Error;
use services::shifts::planning::{self, OneOffForm, TemplateForm};
use services::{members, on_both_databases, Services};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use uuid::Uuid;

async fn member(s: &Services, a: &Viewer, first: &str, last: &str) -> (Uuid, i64) {
    let m = members::create(
        s,
        a,
        &MemberForm {
            member_number: String::new(),
            first_name: first.into(),
            last_name: last.into(),
            email: format!("{first}.{last}@example.be").to_lowercase(),
            phone: String::new(),
            language: "fr".into(),
            join_date: services::today().to_string(),
            work_regime: "regular".into(),
        },
    )
    .await
    .unwrap();
    (m.id, m.member_number)
}

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// A 09:00-12:00 template on the week and weekday of `date`.
async fn template_on(s: &Services, a: &Viewer, task: Uuid, date: NaiveDate, seats: u32) -> Uuid {
    planning::create_template(
        s,
        a,
        &TemplateForm {
            week: ShiftRules::default().cycle.letter(date),
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

fn invalid(r: Result<Uuid, Error>, field: &str) -> Reason {
    match r {
        Err(Error::Invalid(errors)) => {
            assert_eq!(errors.len(), 1, "{errors:?}");
            let FieldError { field: f, reason } = errors[0].clone();
            assert_eq!(f, field);
            reason
        }
        other => panic!("expected a refusal on {field}, got {other:?}"),
    }
}

async fn planning_shows_times_staffing_leaders_and_closures(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = planning::create_task_type(&s, &a, "Till").await.unwrap();
    let reception = planning::create_task_type(&s, &a, "Reception")
        .await
        .unwrap();
    let day = services::today() + TimeDelta::days(3);
    let template = template_on(&s, &a, till, day, 4).await;
    let (regular, _) = member(&s, &a, "Rita", "Regular").await;
    let (leader, _) = member(&s, &a, "Leo", "Leader").await;
    planning::assign_seat(&s, &a, template, regular)
        .await
        .unwrap();
    planning::add_leader(&s, &a, template, leader)
        .await
        .unwrap();
    assert!(planning::generate(&s, services::today()).await.unwrap() > 0);
    let next_day = day + TimeDelta::days(1);
    planning::add_one_off(
        &s,
        &a,
        &OneOffForm {
            date: next_day,
            start: at(14, 0),
            end: at(16, 45),
            task_type_id: reception,
            seats: 2,
            required_skill: None,
        },
    )
    .await
    .unwrap();

    let week = planning::planning(&s.db, day..day + TimeDelta::days(7))
        .await
        .unwrap();
    assert_eq!(week.len(), 2, "{week:?}");
    let first = &week[0];
    assert_eq!(first.shift.date, day);
    assert_eq!((first.start, first.end), (at(9, 0), at(12, 0)));
    assert_eq!(first.week, ShiftRules::default().cycle.letter(day));
    assert_eq!(first.task_name, "Till");
    assert_eq!((first.shift.booked, first.shift.seats), (1, 4));
    assert_eq!(first.staffing, Staffing::Critical, "1 of 4 is under half");
    assert_eq!(first.template_id, Some(template));
    assert_eq!(
        first
            .leaders
            .iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>(),
        ["Leo Leader"]
    );
    let one_off = &week[1];
    assert_eq!(one_off.shift.date, next_day);
    assert_eq!((one_off.start, one_off.end), (at(14, 0), at(16, 45)));
    assert_eq!(one_off.task_name, "Reception");
    assert_eq!(one_off.template_id, None);
    assert!(one_off.leaders.is_empty());
    assert_eq!(one_off.staffing, Staffing::Critical);

    // Two of the one-off's two seats booked: full.
    let (flex1, _) = member(&s, &a, "Fay", "Flex").await;
    let (flex2, _) = member(&s, &a, "Finn", "Flex").await;
    services::shifts::booking::book(&s, flex1, one_off.shift.id)
        .await
        .unwrap();
    let week = planning::planning(&s.db, day..day + TimeDelta::days(7))
        .await
        .unwrap();
    assert_eq!(week[1].shift.booked, 1);
    assert_eq!(week[1].staffing, Staffing::Short, "1 of 2 is half");
    services::shifts::booking::book(&s, flex2, week[1].shift.id)
        .await
        .unwrap();
    let week = planning::planning(&s.db, day..day + TimeDelta::days(7))
        .await
        .unwrap();
    assert_eq!(week[1].staffing, Staffing::Full);

    // A closure day shows its shift cancelled, with the reason, and lists itself.
    planning::add_closure_day(&s, &a, day, "Inventory")
        .await
        .unwrap();
    let week = planning::planning(&s.db, day..day + TimeDelta::days(7))
        .await
        .unwrap();
    assert!(week[0].shift.cancelled);
    assert_eq!(week[0].closure_note.as_deref(), Some("Inventory"));
    assert!(!week[1].shift.cancelled);
    let closures = planning::closure_days(&s.db, services::today())
        .await
        .unwrap();
    assert_eq!(closures.len(), 1);
    assert_eq!(
        (closures[0].date, closures[0].note.as_str()),
        (day, "Inventory")
    );
    assert!(planning::closure_days(&s.db, day + TimeDelta::days(1))
        .await
        .unwrap()
        .is_empty());

    // Nothing outside the dates asked.
    assert!(planning::planning(&s.db, day - TimeDelta::days(2)..day)
        .await
        .unwrap()
        .is_empty());
}

/// The planning asks the database the same number of questions for 1 shift as for 12.
async fn planning_queries_do_not_grow_with_the_shifts(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = planning::create_task_type(&s, &a, "Till").await.unwrap();
    let first = services::today() + TimeDelta::days(1);
    let one = template_on(&s, &a, till, first, 2).await;
    let (leader, _) = member(&s, &a, "Leo", "Leader").await;
    planning::add_leader(&s, &a, one, leader).await.unwrap();
    planning::generate(&s, services::today()).await.unwrap();

    let queries = Arc::new(AtomicUsize::new(0));
    let mut db = s.db.clone();
    let counter = queries.clone();
    db.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    let count = async |dates| {
        queries.store(0, Ordering::Relaxed);
        let n = planning::planning(&db, dates).await.unwrap().len();
        (n, queries.load(Ordering::Relaxed))
    };
    let (shifts, for_one) = count(first..first + TimeDelta::days(1)).await;
    assert_eq!(shifts, 1);

    for n in 2..8 {
        let t = template_on(&s, &a, till, first + TimeDelta::days(n), 2).await;
        planning::add_leader(&s, &a, t, leader).await.unwrap();
    }
    planning::generate(&s, services::today()).await.unwrap();
    let (shifts, for_many) = count(first..first + TimeDelta::weeks(8)).await;
    assert!(shifts >= 12, "{shifts}");
    assert!(for_one > 0, "the queries are counted");
    assert_eq!(for_one, for_many);
}

async fn templates_list_their_holders_and_leaders_and_seats_come_back(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = planning::create_task_type(&s, &a, "Till").await.unwrap();
    planning::create_task_type(&s, &a, "Cleaning")
        .await
        .unwrap();
    assert_eq!(
        planning::task_types(&s.db)
            .await
            .unwrap()
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>(),
        ["Cleaning", "Till"]
    );
    let day = services::today() + TimeDelta::days(2);
    let template = template_on(&s, &a, till, day, 2).await;
    let (rita, _) = member(&s, &a, "Rita", "Regular").await;
    let (leo, _) = member(&s, &a, "Leo", "Leader").await;
    planning::assign_seat(&s, &a, template, rita).await.unwrap();
    planning::add_leader(&s, &a, template, leo).await.unwrap();
    planning::generate(&s, services::today()).await.unwrap();

    let views = planning::template_views(&s.db).await.unwrap();
    assert_eq!(views.len(), 1);
    let v = &views[0];
    assert_eq!(v.template.id, template);
    assert_eq!(v.template.week, ShiftRules::default().cycle.letter(day));
    assert_eq!(v.task_name, "Till");
    assert_eq!(v.holders.iter().map(|m| m.id).collect::<Vec<_>>(), [rita]);
    assert_eq!(v.holders[0].name, "Rita Regular");
    assert_eq!(v.leaders.iter().map(|m| m.id).collect::<Vec<_>>(), [leo]);

    // Removing the seat frees it in the template and in the shifts ahead.
    planning::remove_seat(&s, &a, template, rita).await.unwrap();
    let views = planning::template_views(&s.db).await.unwrap();
    assert!(views[0].holders.is_empty());
    let ahead = planning::planning(&s.db, day..day + TimeDelta::days(1))
        .await
        .unwrap();
    assert_eq!(ahead[0].shift.booked, 0);
    assert!(matches!(
        planning::remove_seat(&s, &a, template, rita).await,
        Err(Error::NotFound)
    ));
    // The seat is free for someone else.
    planning::assign_seat(&s, &a, template, leo).await.unwrap();
    let ahead = planning::planning(&s.db, day..day + TimeDelta::days(1))
        .await
        .unwrap();
    assert_eq!(ahead[0].shift.booked, 1);
}

async fn a_member_is_found_by_number_or_by_a_name_only_they_have(s: Services) {
    let a = services::testing::admin(&s).await;
    let (rita, rita_number) = member(&s, &a, "Rita", "Peeters").await;
    let (jan, _) = member(&s, &a, "Jan", "Peeters").await;
    assert_eq!(
        planning::find_member(&s.db, "member", &rita_number.to_string())
            .await
            .unwrap(),
        rita
    );
    assert_eq!(
        planning::find_member(&s.db, "member", "  jan peeters ")
            .await
            .unwrap(),
        jan
    );
    assert_eq!(
        planning::find_member(&s.db, "member", "Rita")
            .await
            .unwrap(),
        rita
    );
    assert_eq!(
        invalid(
            planning::find_member(&s.db, "member", "Peeters").await,
            "member"
        ),
        Reason::NotOneMember { count: 2 }
    );
    assert_eq!(
        invalid(
            planning::find_member(&s.db, "leader", "Nobody").await,
            "leader"
        ),
        Reason::NotOneMember { count: 0 }
    );
    assert_eq!(
        invalid(planning::find_member(&s.db, "member", " ").await, "member"),
        Reason::Required
    );
}

async fn a_retired_template_frees_its_seats_and_cancels_its_shifts_ahead(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = planning::create_task_type(&s, &a, "Till").await.unwrap();
    let day = services::today() + TimeDelta::days(2);
    let retired = template_on(&s, &a, till, day, 2).await;
    let kept = template_on(&s, &a, till, day + TimeDelta::days(1), 2).await;
    let (rita, _) = member(&s, &a, "Rita", "Regular").await;
    planning::assign_seat(&s, &a, retired, rita).await.unwrap();
    let created = planning::generate(&s, services::today()).await.unwrap();
    assert_eq!(created, 4, "two shifts each in the 8-week horizon");

    assert_eq!(planning::retire_template(&s, &a, retired).await.unwrap(), 2);
    let views = planning::template_views(&s.db).await.unwrap();
    assert_eq!(
        views.iter().map(|v| v.template.id).collect::<Vec<_>>(),
        [kept]
    );
    let horizon = ShiftRules::default().horizon(services::today());
    let all = planning::planning(&s.db, horizon).await.unwrap();
    let (gone, left): (Vec<_>, Vec<_>) = all.iter().partition(|p| p.template_id == Some(retired));
    assert!(
        gone.iter()
            .all(|p| p.shift.cancelled && p.shift.booked == 0),
        "{gone:?}"
    );
    assert!(left.iter().all(|p| !p.shift.cancelled));
    // Generating again brings nothing back; the seat can go to another template.
    assert_eq!(planning::generate(&s, services::today()).await.unwrap(), 0);
    assert!(matches!(
        planning::assign_seat(&s, &a, retired, rita).await,
        Err(Error::NotFound)
    ));
    planning::assign_seat(&s, &a, kept, rita).await.unwrap();
    assert_eq!(planning::retire_template(&s, &a, retired).await.unwrap(), 0);
    assert!(matches!(
        planning::retire_template(&s, &a, Uuid::now_v7()).await,
        Err(Error::NotFound)
    ));
}

/// A changed template takes its shifts ahead along: new times, task and seats in place with
/// their bookings, or cancelled and planned again on its new day with its seat holders.
async fn a_changed_template_takes_its_shifts_ahead_along(s: Services) {
    let a = services::testing::admin(&s).await;
    let till = planning::create_task_type(&s, &a, "Till").await.unwrap();
    let reception = planning::create_task_type(&s, &a, "Reception")
        .await
        .unwrap();
    let day = services::today() + TimeDelta::days(2);
    let template = template_on(&s, &a, till, day, 3).await;
    let (rita, _) = member(&s, &a, "Rita", "Regular").await;
    let (remi, _) = member(&s, &a, "Remi", "Regular").await;
    let (leo, _) = member(&s, &a, "Leo", "Leader").await;
    planning::assign_seat(&s, &a, template, rita).await.unwrap();
    planning::assign_seat(&s, &a, template, remi).await.unwrap();
    planning::add_leader(&s, &a, template, leo).await.unwrap();
    assert_eq!(planning::generate(&s, services::today()).await.unwrap(), 2);
    let rules = ShiftRules::default();
    let form = |date: NaiveDate, start: u32, task: Uuid, seats: u32| TemplateForm {
        week: rules.cycle.letter(date),
        weekday: date.weekday(),
        start: at(start, 0),
        end: at(start + 3, 0),
        task_type_id: task,
        seats,
        required_skill: Some("Cash counting".into()),
    };
    let shifts_of = |s: Services| async move {
        let horizon = ShiftRules::default().horizon(services::today());
        let mut mine: Vec<_> = planning::planning(&s.db, horizon)
            .await
            .unwrap()
            .into_iter()
            .filter(|p| p.template_id == Some(template))
            .map(|p| {
                let task = p.task_name.clone();
                (
                    p.shift.date,
                    p.start,
                    task,
                    p.shift.seats,
                    p.shift.booked,
                    p.shift.cancelled,
                )
            })
            .collect();
        mine.sort();
        mine
    };

    // Refused: no seats, fewer seats than its two holders, an unknown template; nothing moves.
    let before = shifts_of(s.clone()).await;
    assert!(matches!(
        planning::update_template(&s, &a, template, &form(day, 14, reception, 0)).await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("seats", Reason::NotPositive)]
    ));
    assert!(matches!(
        planning::update_template(&s, &a, template, &form(day, 14, reception, 1)).await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("seats", Reason::SeatsBelowBooked { booked: 2 })]
    ));
    assert!(matches!(
        planning::update_template(&s, &a, Uuid::now_v7(), &form(day, 14, reception, 4)).await,
        Err(Error::NotFound)
    ));
    assert_eq!(shifts_of(s.clone()).await, before);

    // The same day, later, for reception, with more seats: both shifts ahead follow in place.
    let later = form(day, 14, reception, 4);
    assert_eq!(
        planning::update_template(&s, &a, template, &later)
            .await
            .unwrap(),
        2
    );
    let dates = [day, day + TimeDelta::days(28)];
    let expected: Vec<_> = dates
        .iter()
        .map(|d| (*d, at(14, 0), "Reception".to_string(), 4, 2, false))
        .collect();
    assert_eq!(shifts_of(s.clone()).await, expected);
    let view = planning::template_views(&s.db).await.unwrap().remove(0);
    assert_eq!(
        view.template.required_skill.as_deref(),
        Some("Cash counting")
    );
    assert_eq!(view.leaders.len(), 1);

    // The next day: the old shifts are cancelled, the new ones planned with the holders.
    let next = day + TimeDelta::days(1);
    assert_eq!(
        planning::update_template(&s, &a, template, &form(next, 14, reception, 4))
            .await
            .unwrap(),
        4
    );
    let mut expected: Vec<_> = dates
        .iter()
        .map(|d| (*d, at(14, 0), "Reception".to_string(), 4, 2, true))
        .chain(dates.iter().map(|d| {
            (
                *d + TimeDelta::days(1),
                at(14, 0),
                "Reception".to_string(),
                4,
                2,
                false,
            )
        }))
        .collect();
    expected.sort();
    assert_eq!(shifts_of(s.clone()).await, expected);
    // Generating again adds nothing.
    assert_eq!(planning::generate(&s, services::today()).await.unwrap(), 0);

    // A leader removed no longer leads it; removing them again finds nothing.
    planning::remove_leader(&s, &a, template, leo)
        .await
        .unwrap();
    let view = planning::template_views(&s.db).await.unwrap().remove(0);
    assert!(view.leaders.is_empty());
    assert!(matches!(
        planning::remove_leader(&s, &a, template, leo).await,
        Err(Error::NotFound)
    ));

    // A retired template cannot be changed.
    planning::retire_template(&s, &a, template).await.unwrap();
    assert!(matches!(
        planning::update_template(&s, &a, template, &later).await,
        Err(Error::NotFound)
    ));
}

on_both_databases!(
    a_changed_template_takes_its_shifts_ahead_along,
    a_retired_template_frees_its_seats_and_cancels_its_shifts_ahead,
    planning_shows_times_staffing_leaders_and_closures,
    planning_queries_do_not_grow_with_the_shifts,
    templates_list_their_holders_and_leaders_and_seats_come_back,
    a_member_is_found_by_number_or_by_a_name_only_they_have,
);
