//! Every status recomputed from scratch in bulk (`status::recompute_all`) agrees with the
//! statuses the daily job stored and with each member's own derivation, on five years of
//! history, on SQLite and PostgreSQL.

use chrono::TimeDelta;
use domain::member::WorkRegime;
use domain::shifts::{CounterReason, Status};
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};
use services::entities::{counter_events, member_statuses};
use services::shifts::{daily, status};
use services::{bulk, on_both_databases, settings, Services};
use std::collections::BTreeMap;
use uuid::Uuid;

async fn recomputing_every_status_agrees_with_the_stored_ones(s: Services) {
    let today = services::today();
    let joined = today - TimeDelta::days(6 * 365);
    let seeded = bulk::members(&s.db, 300, "history", joined, |i| match i % 20 {
        0 => WorkRegime::Exempt,
        1..=5 => WorkRegime::Flexible,
        _ => WorkRegime::Regular,
    })
    .await
    .unwrap();
    let written = bulk::history(&s.db, &seeded, 5, today, 7).await.unwrap();
    assert!(written.ledger_events > 300 * 40, "{written:?}");
    assert!(written.leaves > 0 && written.leavers > 0, "{written:?}");

    // The daily job stores today's statuses; the history already holds every period debit.
    settings::set(
        &s.db,
        daily::LAST_RUN,
        &(today - TimeDelta::days(1)).to_string(),
    )
    .await
    .unwrap();
    let before = counter_events::Entity::find().count(&s.db).await.unwrap();
    let job = daily::run(&s, today).await.unwrap();
    assert_eq!(job.days, vec![today]);
    let after = counter_events::Entity::find().count(&s.db).await.unwrap();
    assert_eq!(after - before, u64::from(job.period_debits));
    assert_eq!(
        member_statuses::Entity::find().count(&s.db).await.unwrap(),
        300
    );

    let all = status::recompute_all(&s.db, today).await.unwrap();
    assert_eq!(all.reports.len(), 300);
    assert!(
        all.differing.is_empty(),
        "stored and recomputed differ for {:?}",
        all.differing
    );
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, report) in &all.reports {
        assert_eq!(
            report,
            &status::status_on(&s.db, *id, today).await.unwrap(),
            "member {id}"
        );
        *seen.entry(report.status.as_str()).or_default() += 1;
    }
    for st in [
        Status::UpToDate,
        Status::Alert,
        Status::Suspended,
        Status::OnLeave,
        Status::Exempted,
        Status::Unsubscribed,
    ] {
        assert!(seen.contains_key(st.as_str()), "no {st:?} in {seen:?}");
    }

    // A ledger event written behind the stored status shows up as a difference.
    let (member, _) = all
        .reports
        .iter()
        .find(|(_, r)| r.status == Status::UpToDate && r.balance == 0)
        .unwrap();
    let staff = Uuid::now_v7();
    counter_events::ActiveModel {
        id: Set(Uuid::now_v7()),
        member_id: Set(*member),
        date: Set(today),
        delta: Set(-1),
        reason: Set(CounterReason::ManualCorrection.as_str().into()),
        reference_kind: Set("staff".into()),
        reference_id: Set(Some(staff)),
        reference_date: Set(None),
        note: Set(Some("behind the cache".into())),
        unique_key: Set(format!("{member}:manual_correction:staff:{staff}")),
        created_by: Set(Some(staff)),
        created_at_ms: Set(services::now_ms()),
    }
    .insert(&s.db)
    .await
    .unwrap();
    let again = status::recompute_all(&s.db, today).await.unwrap();
    assert_eq!(again.differing, vec![*member]);
    let report = &again.reports.iter().find(|(id, _)| id == member).unwrap().1;
    assert_eq!(report.status, Status::Alert);
    assert_eq!(
        report,
        &status::status_on(&s.db, *member, today).await.unwrap()
    );
}

on_both_databases!(recomputing_every_status_agrees_with_the_stored_ones);
