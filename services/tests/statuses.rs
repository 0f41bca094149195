//! The coordinator's side of statuses on SQLite and PostgreSQL: the rules form, the status
//! list, one member's record, leaves, extensions and corrections, and a member's own holiday
//! and extension requests. Every refusal writes nothing.

use chrono::{NaiveDate, TimeDelta};
use domain::member::MemberForm;
use domain::shifts::rules_form::RulesForm;
use domain::shifts::{CounterReason, ExtensionError, LeaveKind, Reference, Status};
use domain::validation::{FieldError, Reason};
use domain::{Language, Role, Viewer};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use services::entities::{audit_log, extensions, leaves, member_statuses, members};
use services::error::Error;
use services::shifts::{self, overview, status};
use services::{on_both_databases, Services};
use uuid::Uuid;

fn today() -> NaiveDate {
    services::today()
}

async fn member(s: &Services, a: &Viewer, first: &str, last: &str, regime: &str) -> Uuid {
    services::members::create(
        s,
        a,
        &MemberForm {
            member_number: String::new(),
            first_name: first.into(),
            last_name: last.into(),
            email: format!(
                "{}.{}@example.be",
                first.to_lowercase(),
                last.to_lowercase()
            ),
            phone: String::new(),
            language: "en".into(),
            join_date: "2025-01-06".into(),
            work_regime: regime.into(),
        },
    )
    .await
    .unwrap()
    .id
}

/// The member themself, as they are signed in.
fn as_member(id: Uuid) -> Viewer {
    Viewer {
        user_id: Uuid::now_v7(),
        display_name: "Member".into(),
        email: "member@example.be".into(),
        roles: vec![Role::Member],
        language: Language::En,
        member_id: Some(id),
    }
}

async fn audits(s: &Services, action: &str) -> u64 {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .count(&s.db)
        .await
        .unwrap()
}

async fn leave_count(s: &Services, id: Uuid) -> u64 {
    leaves::Entity::find()
        .filter(leaves::Column::MemberId.eq(id))
        .count(&s.db)
        .await
        .unwrap()
}

fn fields(e: Error) -> Vec<FieldError> {
    match e {
        Error::Invalid(f) => f,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

async fn rules_are_saved_whole_with_audit_or_not_at_all(s: Services) {
    let a = services::testing::admin(&s).await;
    let mut form = RulesForm::from(&shifts::rules(&s.db).await.unwrap());
    form.alert_days = "14".into();
    form.on_leave_may_shop = true;
    let saved = shifts::save_rules(&s, &a, &form).await.unwrap();
    assert_eq!((saved.alert_days, saved.on_leave_may_shop), (14, true));
    let stored = shifts::rules(&s.db).await.unwrap();
    assert_eq!(stored, saved);
    assert_eq!(audits(&s, "shifts.rules").await, 1);

    // Two bad fields and a good one: both are reported, nothing is saved.
    let mut bad = RulesForm::from(&stored);
    bad.alert_days = "-1".into();
    bad.time_zone = "Europe/Bruxelles".into();
    bad.extension_days = "60".into();
    let errors = fields(shifts::save_rules(&s, &a, &bad).await.unwrap_err());
    assert_eq!(
        errors,
        vec![
            FieldError::new("time_zone", Reason::UnknownTimeZone),
            FieldError::new("alert_days", Reason::NotPositive),
        ]
    );
    assert_eq!(shifts::rules(&s.db).await.unwrap(), stored);
    assert_eq!(audits(&s, "shifts.rules").await, 1);
}

async fn the_list_filters_by_status_and_searches_by_name_or_number(s: Services) {
    let a = services::testing::admin(&s).await;
    let ann = member(&s, &a, "Ann", "Peeters", "regular").await;
    let bob = member(&s, &a, "Bob", "Janssens", "flexible").await;
    let cas = member(&s, &a, "Cas", "Maes", "exempt").await;
    let dina = member(&s, &a, "Dina", "Claes", "regular").await;

    // Nobody has a stored status yet: they owe nothing, the exempt one is exempted.
    let all = overview::list(&s.db, "", None, 50, 0).await.unwrap();
    assert_eq!(all.total, 4);
    let by_id = |id: Uuid| all.rows.iter().find(|r| r.member_id == id).unwrap().clone();
    assert_eq!(by_id(ann).status, Status::UpToDate);
    assert_eq!(by_id(cas).status, Status::Exempted);
    assert_eq!(by_id(ann).balance, 0);

    status::correct(&s, &a, bob, -2, "Missed two shifts")
        .await
        .unwrap();
    status::add_leave(
        &s,
        &a,
        dina,
        LeaveKind::Holiday,
        today(),
        today() + TimeDelta::days(6),
        "Travel",
    )
    .await
    .unwrap();

    let alert = overview::list(&s.db, "", Some(Status::Alert), 50, 0)
        .await
        .unwrap();
    assert_eq!(alert.total, 1);
    let row = &alert.rows[0];
    assert_eq!(
        (row.member_id, row.balance, row.date_that_matters),
        (bob, -2, Some(today() + TimeDelta::days(28)))
    );
    let away = overview::list(&s.db, "", Some(Status::OnLeave), 50, 0)
        .await
        .unwrap();
    assert_eq!(away.rows.len(), 1);
    assert_eq!(
        (away.rows[0].member_id, away.rows[0].date_that_matters),
        (dina, Some(today() + TimeDelta::days(6)))
    );
    let up = overview::list(&s.db, "", Some(Status::UpToDate), 50, 0)
        .await
        .unwrap();
    assert_eq!(
        up.rows.iter().map(|r| r.member_id).collect::<Vec<_>>(),
        vec![ann]
    );
    assert_eq!(
        overview::list(&s.db, "", Some(Status::Suspended), 50, 0)
            .await
            .unwrap()
            .total,
        0
    );

    // Search by name, accents and case ignored, and by number.
    let found = overview::list(&s.db, "JANSSENS", None, 50, 0)
        .await
        .unwrap();
    assert_eq!(found.rows.len(), 1);
    assert_eq!(found.rows[0].member_id, bob);
    let number = by_id(cas).member_number.to_string();
    let found = overview::list(&s.db, &number, None, 50, 0).await.unwrap();
    assert!(found.rows.iter().any(|r| r.member_id == cas));
    assert_eq!(
        overview::list(&s.db, "maes", Some(Status::Alert), 50, 0)
            .await
            .unwrap()
            .total,
        0
    );

    // Pages in member-number order.
    let second = overview::list(&s.db, "", None, 2, 2).await.unwrap();
    assert_eq!(second.total, 4);
    let numbers: Vec<i64> = second.rows.iter().map(|r| r.member_number).collect();
    let mut all_numbers: Vec<i64> = all.rows.iter().map(|r| r.member_number).collect();
    all_numbers.sort();
    assert_eq!(numbers, all_numbers[2..4].to_vec());
}

async fn a_correction_needs_a_note_and_writes_nothing_without(s: Services) {
    let a = services::testing::admin(&s).await;
    let id = member(&s, &a, "Eva", "Wouters", "regular").await;
    for (delta, note, field) in [(-2, "   ", "note"), (0, "Nothing", "delta")] {
        let errors = fields(status::correct(&s, &a, id, delta, note).await.unwrap_err());
        assert_eq!(errors[0].field, field);
    }
    assert!(status::ledger(&s.db, id).await.unwrap().is_empty());
    assert_eq!(audits(&s, "shifts.correction").await, 0);
    assert!(member_statuses::Entity::find_by_id(id)
        .one(&s.db)
        .await
        .unwrap()
        .is_none());

    let report = status::correct(&s, &a, id, -2, "Two missed shifts, phoned")
        .await
        .unwrap();
    assert_eq!((report.status, report.balance), (Status::Alert, -2));
    assert_eq!(audits(&s, "shifts.correction").await, 1);
    let record = overview::member_record(&s.db, id).await.unwrap();
    assert_eq!(record.report.status, Status::Alert);
    assert_eq!(record.ledger.len(), 1);
    assert_eq!(record.ledger[0].reason, CounterReason::ManualCorrection);
    assert!(matches!(
        &record.ledger[0].reference,
        Reference::Staff { staff_id, note } if *staff_id == a.user_id && note == "Two missed shifts, phoned"
    ));
    assert_eq!(record.history.len(), 1);
    assert_eq!(record.history[0].to, Status::Alert);
    assert!(matches!(
        overview::member_record(&s.db, Uuid::now_v7()).await,
        Err(Error::NotFound)
    ));
}

async fn extensions_follow_the_rules(s: Services) {
    let a = services::testing::admin(&s).await;
    let id = member(&s, &a, "Finn", "Goossens", "regular").await;
    let granted = || async {
        extensions::Entity::find()
            .filter(extensions::Column::MemberId.eq(id))
            .count(&s.db)
            .await
            .unwrap()
    };
    // Up to date: nothing to extend, from staff or from the member.
    assert!(matches!(
        status::grant_extension(&s, &a, id).await,
        Err(Error::Extension(ExtensionError::NotInAlert))
    ));
    status::correct(&s, &a, id, -1, "Missed").await.unwrap();
    let report = status::grant_extension(&s, &as_member(id), id)
        .await
        .unwrap();
    assert_eq!(report.status, Status::Extension);
    assert_eq!(
        report.date_that_matters,
        Some(today() + TimeDelta::days(56))
    );
    // Once in a row by default.
    assert!(matches!(
        status::grant_extension(&s, &a, id).await,
        Err(Error::Extension(ExtensionError::AlreadyExtended { max: 1 }))
    ));
    assert_eq!(granted().await, 1);
    assert_eq!(audits(&s, "shifts.extension").await, 1);
}

async fn members_ask_for_holidays_within_the_rules(s: Services) {
    let a = services::testing::admin(&s).await;
    let id = member(&s, &a, "Gert", "Hermans", "regular").await;
    let me = as_member(id);
    let start = today() + TimeDelta::days(10);
    let end = start + TimeDelta::days(13);
    status::request_holiday(&s, &me, id, start, end)
        .await
        .unwrap();
    let record = overview::member_record(&s.db, id).await.unwrap();
    assert_eq!(record.leaves.len(), 1);
    assert_eq!(
        (
            record.leaves[0].leave.kind,
            record.leaves[0].leave.start,
            record.leaves[0].leave.end
        ),
        (LeaveKind::Holiday, start, end)
    );
    assert_eq!(record.leaves[0].note, "");
    assert_eq!(record.report.status, Status::UpToDate);

    let refusals = [
        (
            end + TimeDelta::days(10),
            end + TimeDelta::days(5),
            FieldError::new("end", Reason::EndBeforeStart),
        ),
        (
            today() - TimeDelta::days(1),
            today() + TimeDelta::days(2),
            FieldError::new("start", Reason::InThePast),
        ),
        (
            end,
            end + TimeDelta::days(7),
            FieldError::new("start", Reason::OverlapsLeave { start, end }),
        ),
    ];
    for (from, to, want) in refusals {
        let errors = fields(
            status::request_holiday(&s, &me, id, from, to)
                .await
                .unwrap_err(),
        );
        assert_eq!(errors, vec![want]);
    }
    assert_eq!(leave_count(&s, id).await, 1);
    assert_eq!(audits(&s, "shifts.leave").await, 1);

    // A holiday from today puts the member on leave at once.
    status::request_holiday(&s, &me, id, today(), today() + TimeDelta::days(2))
        .await
        .unwrap();
    let report = status::status_on(&s.db, id, today()).await.unwrap();
    assert_eq!(report.status, Status::OnLeave);

    // Staff may record a past exemption, with a note, even across a holiday.
    assert_eq!(
        fields(
            status::add_leave(&s, &a, id, LeaveKind::Exemption, today(), end, " ")
                .await
                .unwrap_err()
        ),
        vec![FieldError::new("note", Reason::Required)]
    );
    status::add_leave(
        &s,
        &a,
        id,
        LeaveKind::Exemption,
        today() - TimeDelta::days(30),
        end,
        "Broken arm",
    )
    .await
    .unwrap();
    assert_eq!(leave_count(&s, id).await, 3);
}

/// A member records a holiday by themselves up to the rules' `max_holiday_days` (both days
/// included); a longer one is refused on `end` and writes nothing; coordinators set the length
/// and record longer holidays themselves.
async fn a_members_own_holiday_is_bounded_by_the_rules(s: Services) {
    let a = services::testing::admin(&s).await;
    let id = member(&s, &a, "Lena", "Wouters", "regular").await;
    let me = as_member(id);
    let start = today() + TimeDelta::days(3);
    let too_long = |days: i64| {
        vec![FieldError::new(
            "end",
            Reason::HolidayTooLong { max_days: days },
        )]
    };
    for end in [start + TimeDelta::days(28), NaiveDate::MAX] {
        let errors = fields(
            status::request_holiday(&s, &me, id, start, end)
                .await
                .unwrap_err(),
        );
        assert_eq!(errors, too_long(28), "until {end}");
    }
    assert_eq!(
        leave_count(&s, id).await,
        0,
        "a refused holiday writes nothing"
    );
    assert_eq!(audits(&s, "shifts.leave").await, 0);
    status::request_holiday(&s, &me, id, start, start + TimeDelta::days(27))
        .await
        .unwrap();

    let mut form = RulesForm::from(&shifts::rules(&s.db).await.unwrap());
    form.max_holiday_days = "0".into();
    assert_eq!(
        fields(shifts::save_rules(&s, &a, &form).await.unwrap_err()),
        vec![FieldError::new("max_holiday_days", Reason::NotPositive)]
    );
    form.max_holiday_days = "60".into();
    shifts::save_rules(&s, &a, &form).await.unwrap();
    let later = start + TimeDelta::days(100);
    assert_eq!(
        fields(
            status::request_holiday(&s, &me, id, later, later + TimeDelta::days(60))
                .await
                .unwrap_err()
        ),
        too_long(60)
    );
    status::request_holiday(&s, &me, id, later, later + TimeDelta::days(59))
        .await
        .unwrap();
    // A coordinator records a longer one.
    let far = later + TimeDelta::days(100);
    status::add_leave(
        &s,
        &a,
        id,
        LeaveKind::Holiday,
        far,
        far + TimeDelta::days(180),
        "Travelling",
    )
    .await
    .unwrap();
    assert_eq!(leave_count(&s, id).await, 3);
}

/// The list on 20,000 members answers a filtered, searched page quickly.
async fn the_list_is_fast_on_twenty_thousand_members(s: Services) {
    let now = services::now_ms();
    let join = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    let statuses = ["up_to_date", "alert", "suspended", "on_leave", "exempted"];
    for chunk in (0..20_000i64).collect::<Vec<_>>().chunks(500) {
        let mut rows = Vec::new();
        let mut stored = Vec::new();
        for n in chunk {
            let id = Uuid::now_v7();
            rows.push(members::ActiveModel {
                id: Set(id),
                member_number: Set(n + 1),
                first_name: Set(format!("First{n}")),
                last_name: Set(format!("Last{n}")),
                email: Set(format!("m{n}@example.be")),
                phone: Set(None),
                language: Set("fr".into()),
                join_date: Set(join),
                work_regime: Set("regular".into()),
                leaving_date: Set(None),
                leaving_reason: Set(None),
                card_number: Set(n + 1),
                card_barcode: Set(format!("99{n:011}")),
                search_text: Set(format!("{} first{n} last{n} m{n}@example.be", n + 1)),
                created_at_ms: Set(now),
                updated_at_ms: Set(now),
            });
            stored.push(member_statuses::ActiveModel {
                member_id: Set(id),
                status: Set(statuses[(*n % 5) as usize].into()),
                since: Set(join),
                balance: Set(-(*n % 3)),
                date_that_matters: Set(None),
                reason_json: Set("{\"kind\":\"up_to_date\"}".into()),
                updated_at_ms: Set(now),
            });
        }
        members::Entity::insert_many(rows)
            .exec_without_returning(&s.db)
            .await
            .unwrap();
        member_statuses::Entity::insert_many(stored)
            .exec_without_returning(&s.db)
            .await
            .unwrap();
    }
    let started = std::time::Instant::now();
    let page = overview::list(&s.db, "", Some(Status::Alert), 50, 2_000)
        .await
        .unwrap();
    let filtered = started.elapsed();
    assert_eq!(page.total, 4_000);
    assert_eq!(page.rows.len(), 50);
    assert!(page.rows.iter().all(|r| r.status == Status::Alert));
    let started = std::time::Instant::now();
    let found = overview::list(&s.db, "last1234", None, 50, 0)
        .await
        .unwrap();
    let searched = started.elapsed();
    assert_eq!(found.rows[0].last_name, "Last1234");
    eprintln!("status list on 20,000 members: filtered page {filtered:?}, search {searched:?}");
    assert!(
        filtered.as_millis() < 1_000 && searched.as_millis() < 1_000,
        "too slow: {filtered:?} and {searched:?}"
    );
}

on_both_databases!(
    a_members_own_holiday_is_bounded_by_the_rules,
    rules_are_saved_whole_with_audit_or_not_at_all,
    the_list_filters_by_status_and_searches_by_name_or_number,
    a_correction_needs_a_note_and_writes_nothing_without,
    extensions_follow_the_rules,
    members_ask_for_holidays_within_the_rules,
    the_list_is_fast_on_twenty_thousand_members,
);
