//! Attendance sheets as their keepers use them, and the daily job's mails, on SQLite and
//! PostgreSQL: a shift leader keeps only the sheets of the shifts they lead; walk-ins by card
//! or search; coordinators hear once of understaffed shifts and unvalidated sheets; members
//! get their reminders and notices in their own language.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta};
use domain::member::HouseholdPersonForm;
use domain::shifts::sheet::SheetState;
use domain::shifts::{Attendance, ShiftRules};
use domain::validation::{FieldError, Reason};
use domain::{Language, Role, Viewer};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use services::entities::{counter_events, outbox};
use services::error::Error;
use services::shifts::planning::{OneOffForm, TemplateForm};
use services::shifts::{attendance, daily, planning};
use services::{accounts, members, on_both_databases, Services};
use uuid::Uuid;

fn today() -> NaiveDate {
    services::today()
}

fn day(n: i64) -> NaiveDate {
    today() + TimeDelta::days(n)
}

/// A member; `regime` is regular, flexible or exempt; `lang` fr, nl or en.
async fn member(s: &Services, a: &Viewer, name: &str, regime: &str, lang: &str) -> Uuid {
    services::testing::member(s, a, name, regime, lang, day(-100)).await
}

/// The member's own account, given `roles`, as the viewer the app would build.
async fn as_viewer(s: &Services, a: &Viewer, member_id: Uuid, roles: &[Role]) -> Viewer {
    let d = members::detail(&s.db, member_id).await.unwrap();
    let user_id = d.user_id.unwrap();
    accounts::set_roles(s, a, user_id, roles).await.unwrap();
    Viewer {
        user_id,
        display_name: format!("{} {}", d.first_name, d.last_name),
        email: d.email,
        roles: roles.to_vec(),
        language: Language::En,
        member_id: Some(member_id),
    }
}

fn at(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).unwrap()
}

/// A template on the week letter and weekday of `date`, from `start` for three hours.
async fn template(
    s: &Services,
    a: &Viewer,
    task: Uuid,
    date: NaiveDate,
    start: u32,
    seats: u32,
) -> Uuid {
    planning::create_template(
        s,
        a,
        &TemplateForm {
            week: ShiftRules::default().cycle.letter(date),
            weekday: date.weekday(),
            start: at(start),
            end: at(start + 3),
            task_type_id: task,
            seats,
            required_skill: None,
        },
    )
    .await
    .unwrap()
}

/// The generated shift of `template` on `date`.
async fn shift_of(s: &Services, template: Uuid, date: NaiveDate) -> Uuid {
    use services::entities::shifts;
    shifts::Entity::find()
        .filter(shifts::Column::TemplateId.eq(template))
        .filter(shifts::Column::Date.eq(date))
        .one(&s.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn ledger_count(s: &Services) -> u64 {
    counter_events::Entity::find().count(&s.db).await.unwrap()
}

async fn a_shift_leader_keeps_only_the_sheets_of_the_shifts_they_lead(s: Services) {
    let a = services::testing::admin(&s).await;
    let task = planning::create_task_type(&s, &a, "Reception")
        .await
        .unwrap();
    let led = template(&s, &a, task, day(-1), 9, 3).await;
    let other = template(&s, &a, task, day(-1), 14, 3).await;
    let regular = member(&s, &a, "Regina", "regular", "fr").await;
    let leader_member = member(&s, &a, "Leon", "regular", "fr").await;
    planning::assign_seat(&s, &a, led, regular).await.unwrap();
    planning::add_leader(&s, &a, led, leader_member)
        .await
        .unwrap();
    planning::generate(&s, day(-1)).await.unwrap();
    let mine = shift_of(&s, led, day(-1)).await;
    let theirs = shift_of(&s, other, day(-1)).await;
    let leader = as_viewer(&s, &a, leader_member, &[Role::Member, Role::ShiftLeader]).await;
    let coordinator_member = member(&s, &a, "Cora", "exempt", "fr").await;
    let coordinator = as_viewer(
        &s,
        &a,
        coordinator_member,
        &[Role::Member, Role::Coordinator],
    )
    .await;
    let cashier_member = member(&s, &a, "Cash", "exempt", "fr").await;
    let cashier = as_viewer(&s, &a, cashier_member, &[Role::Member, Role::Cashier]).await;

    // The list: the leader sees their shift of yesterday (not next cycle's, four weeks on),
    // a coordinator both, a cashier none.
    let list = attendance::sheets(&s.db, &leader, today()).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].shift_id, mine);
    assert_eq!(list[0].task, "Reception");
    assert_eq!((list[0].start, list[0].end), (at(9), at(12)));
    assert_eq!((list[0].expected, list[0].seats), (1, 3));
    assert_eq!(list[0].state, SheetState::Open);
    let all = attendance::sheets(&s.db, &coordinator, today())
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|s| s.shift_id).collect::<Vec<_>>(),
        vec![theirs, mine],
        "newest first"
    );
    assert!(matches!(
        attendance::sheets(&s.db, &cashier, today()).await,
        Err(Error::Forbidden)
    ));

    // The sheet of a shift they do not lead: refused, whatever they try, and nothing written.
    assert!(matches!(
        attendance::view(&s, &leader, theirs).await,
        Err(Error::Forbidden)
    ));
    assert!(matches!(
        attendance::add_walk_in(&s, &leader, theirs, regular).await,
        Err(Error::Forbidden)
    ));
    assert!(matches!(
        attendance::validate(&s, &leader, theirs).await,
        Err(Error::Forbidden)
    ));
    assert!(matches!(
        attendance::view(&s, &cashier, mine).await,
        Err(Error::Forbidden)
    ));
    assert!(attendance::view(&s, &coordinator, theirs).await.is_ok());

    // Their own sheet: the expected member by name and number, marked and validated once.
    let sheet = attendance::view(&s, &leader, mine).await.unwrap();
    assert_eq!(sheet.lines.len(), 1);
    let number = members::detail(&s.db, regular).await.unwrap().member_number;
    assert_eq!(
        (sheet.lines[0].name.as_str(), sheet.lines[0].member_number),
        ("Regina Test", number)
    );
    assert_eq!(sheet.validated, None);
    attendance::mark(&s, &leader, mine, regular, Attendance::Absent)
        .await
        .unwrap();
    attendance::validate(&s, &leader, mine).await.unwrap();
    let sheet = attendance::view(&s, &leader, mine).await.unwrap();
    let validation = sheet.validated.expect("validated");
    assert_eq!(validation.by, "Leon Test");
    assert_eq!(sheet.shift.state, SheetState::Validated);
    assert_eq!(sheet.lines[0].mark, Some(Attendance::Absent));
    assert!(matches!(
        attendance::validate(&s, &coordinator, mine).await,
        Err(Error::AlreadyValidated)
    ));
    assert_eq!(ledger_count(&s).await, 1, "validated once");
    let list = attendance::sheets(&s.db, &leader, today()).await.unwrap();
    assert_eq!(list[0].state, SheetState::Validated);
    assert!(list[0].started, "yesterday's shift has begun");

    // A shift leader without a member record leads nothing.
    let stranger = Viewer {
        member_id: None,
        ..leader.clone()
    };
    assert!(attendance::sheets(&s.db, &stranger, today())
        .await
        .unwrap()
        .is_empty());
}

async fn walk_ins_come_by_card_or_by_search(s: Services) {
    let a = services::testing::admin(&s).await;
    let task = planning::create_task_type(&s, &a, "Till").await.unwrap();
    let shift = planning::add_one_off(
        &s,
        &a,
        &OneOffForm {
            date: today(),
            start: at(9),
            end: at(12),
            task_type_id: task,
            seats: 2,
            required_skill: None,
        },
    )
    .await
    .unwrap();
    let flexible = member(&s, &a, "Flo", "flexible", "nl").await;
    let household = members::add_household_person(
        &s,
        &a,
        flexible,
        &HouseholdPersonForm {
            first_name: "Kid".into(),
            last_name: "Test".into(),
        },
    )
    .await
    .unwrap();
    let other = member(&s, &a, "Otto", "flexible", "en").await;
    let other_number = members::detail(&s.db, other).await.unwrap().member_number;

    // A household person's card adds their member, marked present.
    let card = &household.household[0].card_barcode;
    assert_eq!(
        attendance::add_walk_in_by_card(&s, &a, shift, card)
            .await
            .unwrap(),
        flexible
    );
    assert!(matches!(
        attendance::add_walk_in_by_card(&s, &a, shift, "2990000000000").await,
        Err(Error::NotFound)
    ));
    let found = attendance::walk_in_candidates(&s.db, &a, shift, &other_number.to_string())
        .await
        .unwrap();
    assert!(found
        .iter()
        .any(|c| c.member_id == other && c.name == "Otto Test"));
    assert!(attendance::walk_in_candidates(&s.db, &a, shift, "  ")
        .await
        .unwrap()
        .is_empty());
    attendance::add_walk_in(&s, &a, shift, other).await.unwrap();
    let sheet = attendance::view(&s, &a, shift).await.unwrap();
    assert_eq!(sheet.lines.len(), 2);
    assert!(sheet
        .lines
        .iter()
        .all(|l| l.walk_in && l.mark == Some(Attendance::Attended)));
}

/// The mails to `to`, oldest first: (subject, body).
async fn mails_to(s: &Services, to: &str) -> Vec<(String, String)> {
    outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq(to))
        .order_by_asc(outbox::Column::CreatedAtMs)
        .all(&s.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.subject, m.body))
        .collect()
}

async fn coordinators_hear_once_of_understaffed_shifts_and_unvalidated_sheets(s: Services) {
    let a = services::testing::admin(&s).await;
    let coordinators = [
        ("coord.fr@example.be", Language::Fr),
        ("coord.nl@example.be", Language::Nl),
        ("coord.en@example.be", Language::En),
    ];
    for (email, lang) in coordinators {
        accounts::create_user(&s.db, email, email, lang, None, None, &[Role::Coordinator])
            .await
            .unwrap();
    }
    let task = planning::create_task_type(&s, &a, "Shelving")
        .await
        .unwrap();
    // In three days: one seat of four booked (understaffed), and two of four (half: not).
    let thin = template(&s, &a, task, day(3), 9, 4).await;
    let half = template(&s, &a, task, day(3), 14, 4).await;
    let nl = member(&s, &a, "Nora", "regular", "nl").await;
    let en = member(&s, &a, "Eddie", "regular", "en").await;
    let fr = member(&s, &a, "Fanny", "regular", "fr").await;
    planning::assign_seat(&s, &a, thin, nl).await.unwrap();
    planning::assign_seat(&s, &a, half, en).await.unwrap();
    planning::assign_seat(&s, &a, half, fr).await.unwrap();
    // Yesterday's shift, never validated.
    planning::add_one_off(
        &s,
        &a,
        &OneOffForm {
            date: day(-1),
            start: at(18),
            end: at(20),
            task_type_id: task,
            seats: 2,
            required_skill: None,
        },
    )
    .await
    .unwrap();

    let report = daily::run(&s, today()).await.unwrap();
    assert_eq!((report.understaffed_alerts, report.sheets_flagged), (1, 1));
    let expected = [
        (
            "coord.fr@example.be",
            "1 feuille de présence non validée",
            "1 créneau manque de monde",
        ),
        (
            "coord.nl@example.be",
            "1 aanwezigheidslijst niet gevalideerd",
            "1 shift heeft te weinig mensen",
        ),
        (
            "coord.en@example.be",
            "1 attendance sheet left unvalidated",
            "1 shift is understaffed",
        ),
    ];
    for (to, unvalidated, understaffed) in expected {
        let mails = mails_to(&s, to).await;
        assert_eq!(mails.len(), 2, "to {to}");
        let body = |subject: &str| {
            mails
                .iter()
                .find(|(s, _)| s == subject)
                .unwrap_or_else(|| panic!("{to} got no mail {subject:?}: {mails:?}"))
                .1
                .clone()
        };
        assert!(body(unvalidated).contains(&format!("{} 18:00-20:00 Shelving (0/2)", day(-1))));
        let understaffed = body(understaffed);
        assert!(understaffed.contains(&format!("{} 09:00-12:00 Shelving (1/4)", day(3))));
        assert!(
            !understaffed.contains("14:00"),
            "a shift half booked is not understaffed"
        );
    }

    // The next day the shift is still understaffed and the sheet still unvalidated: nobody is
    // told again. Only the members' reminders, two days ahead, go out, each in their language.
    let before = outbox::Entity::find().count(&s.db).await.unwrap();
    let next = daily::run(&s, day(1)).await.unwrap();
    assert_eq!((next.understaffed_alerts, next.sheets_flagged), (0, 0));
    assert_eq!(next.mails_queued, 3);
    assert_eq!(
        outbox::Entity::find().count(&s.db).await.unwrap(),
        before + 3
    );
    let date = day(3).to_string();
    for (to, subject, start) in [
        ("nora@example.be", format!("Uw shift op {date}"), "09:00"),
        ("eddie@example.be", format!("Your shift on {date}"), "14:00"),
        (
            "fanny@example.be",
            format!("Votre créneau du {date}"),
            "14:00",
        ),
    ] {
        let mails = mails_to(&s, to).await;
        assert_eq!(mails.len(), 1, "to {to}");
        assert_eq!(mails[0].0, subject);
        assert!(mails[0].1.contains(start));
    }
    assert!(daily::run(&s, day(1)).await.unwrap().days.is_empty());
    assert_eq!(
        outbox::Entity::find().count(&s.db).await.unwrap(),
        before + 3
    );
}

async fn status_notices_carry_the_date_that_matters_in_the_members_language(s: Services) {
    let a = services::testing::admin(&s).await;
    let task = planning::create_task_type(&s, &a, "Cleaning")
        .await
        .unwrap();
    // Absent without excuse 10 days ago (alert) and 40 days ago (suspended, 28 days later).
    let cases = [
        ("Nele", "nl", 10, "Uw shiftteller staat achter"),
        ("Emma", "en", 40, "You may not shop until you catch up"),
    ];
    for (name, lang, ago, subject) in cases {
        let m = member(&s, &a, name, "regular", lang).await;
        let t = template(&s, &a, task, day(-ago), 9, 2).await;
        planning::assign_seat(&s, &a, t, m).await.unwrap();
        planning::generate(&s, day(-ago)).await.unwrap();
        let shift = shift_of(&s, t, day(-ago)).await;
        attendance::view(&s, &a, shift).await.unwrap();
        attendance::mark(&s, &a, shift, m, Attendance::Absent)
            .await
            .unwrap();
        attendance::validate(&s, &a, shift).await.unwrap();
        let mails = mails_to(&s, &format!("{}@example.be", name.to_lowercase())).await;
        assert_eq!(mails.len(), 1, "{name}");
        assert_eq!(mails[0].0, subject);
        let deadline = (day(-ago) + TimeDelta::days(28)).to_string();
        assert!(
            mails[0].1.contains(&deadline),
            "{name}: {} should name {deadline}",
            mails[0].1
        );
    }
}

/// A sheet is validated once its shift has begun: before, it is refused and nothing is written.
async fn a_sheet_waits_for_its_shift_to_start(s: Services) {
    let a = services::testing::admin(&s).await;
    let task = planning::create_task_type(&s, &a, "Shelves").await.unwrap();
    let later = template(&s, &a, task, day(1), 9, 2).await;
    let regular = member(&s, &a, "Tomas", "regular", "fr").await;
    planning::assign_seat(&s, &a, later, regular).await.unwrap();
    planning::generate(&s, today()).await.unwrap();
    let tomorrow = shift_of(&s, later, day(1)).await;
    assert!(
        !attendance::view(&s, &a, tomorrow)
            .await
            .unwrap()
            .shift
            .started
    );
    attendance::mark(&s, &a, tomorrow, regular, Attendance::Attended)
        .await
        .unwrap();
    let before = ledger_count(&s).await;
    assert!(matches!(
        attendance::validate(&s, &a, tomorrow).await,
        Err(Error::Invalid(e)) if e == vec![FieldError::new("sheet", Reason::ShiftNotStarted)]
    ));
    assert_eq!(ledger_count(&s).await, before);
    let sheet = attendance::view(&s, &a, tomorrow).await.unwrap();
    assert!(sheet.validated.is_none());
    assert_eq!(sheet.lines[0].mark, Some(Attendance::Attended));
}

on_both_databases!(
    a_sheet_waits_for_its_shift_to_start,
    a_shift_leader_keeps_only_the_sheets_of_the_shifts_they_lead,
    walk_ins_come_by_card_or_by_search,
    coordinators_hear_once_of_understaffed_shifts_and_unvalidated_sheets,
    status_notices_carry_the_date_that_matters_in_the_members_language,
);
