//! The tills' member-status snapshot on SQLite and PostgreSQL: on five years of history, every
//! member in it gets the live may-shop answer, every household card finds its member, and the
//! members who left are not in it.

use chrono::TimeDelta;
use domain::member::{HouseholdPersonForm, WorkRegime};
use domain::shifts::Status;
use sea_orm::EntityTrait;
use services::entities::members;
use services::shifts::status::{self, Shopper};
use services::shifts::{daily, snapshot};
use services::{bulk, on_both_databases, settings, Services};
use std::collections::BTreeSet;

async fn the_snapshot_answers_like_may_shop(s: Services) {
    let today = services::today();
    let joined = today - TimeDelta::days(6 * 365);
    let seeded = bulk::members(&s.db, 200, "snapshot", joined, |i| match i % 20 {
        0 => WorkRegime::Exempt,
        1..=5 => WorkRegime::Flexible,
        _ => WorkRegime::Regular,
    })
    .await
    .unwrap();
    bulk::history(&s.db, &seeded, 5, today, 11).await.unwrap();
    settings::set(
        &s.db,
        daily::LAST_RUN,
        &(today - TimeDelta::days(1)).to_string(),
    )
    .await
    .unwrap();
    daily::run(&s, today).await.unwrap();
    // Two household people; a member created since the daily job has no stored status yet.
    let admin = services::testing::admin(&s).await;
    for (i, first) in ["Léa", "Tom"].iter().enumerate() {
        services::members::add_household_person(
            &s,
            &admin,
            seeded[10 + i].member_id,
            &HouseholdPersonForm {
                first_name: (*first).into(),
                last_name: "Maison".into(),
            },
        )
        .await
        .unwrap();
    }
    let newcomer = bulk::members(&s.db, 1, "newcomer", today, |_| WorkRegime::Regular)
        .await
        .unwrap()[0];

    let before = services::now_ms();
    let snap = snapshot::status_snapshot(&s.db, today).await.unwrap();
    assert!(snap.computed_at_ms >= before && snap.computed_at_ms <= services::now_ms());
    let numbers: Vec<i64> = snap.members.iter().map(|m| m.member_number).collect();
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "by member number");

    let all = members::Entity::find().all(&s.db).await.unwrap();
    let mut statuses = BTreeSet::new();
    let mut left = 0;
    for m in &all {
        let kept = snap.by_id(m.id);
        if m.leaving_date.is_some_and(|d| d < today) {
            assert!(
                kept.is_none(),
                "member {} left: not at the tills",
                m.member_number
            );
            left += 1;
            continue;
        }
        let kept = kept.unwrap_or_else(|| panic!("member {} is kept", m.member_number));
        let live = status::may_shop(&s.db, Shopper::Member(m.id))
            .await
            .unwrap();
        assert_eq!(
            (kept.status, kept.may_shop),
            (live.report.status, live.may_shop),
            "member {}",
            m.member_number
        );
        assert_eq!(kept.member_number, m.member_number);
        assert_eq!(kept.name, format!("{} {}", m.first_name, m.last_name));
        assert_eq!(kept.cards[0], m.card_barcode);
        statuses.insert(kept.status.as_str());
    }
    assert!(left > 0, "the history has leavers");
    assert_eq!(snap.members.len(), all.len() - left);
    for st in [
        Status::UpToDate,
        Status::Alert,
        Status::Suspended,
        Status::Exempted,
    ] {
        assert!(statuses.contains(st.as_str()), "no {st:?} in {statuses:?}");
    }
    assert!(snap.members.iter().any(|m| !m.may_shop) && snap.members.iter().any(|m| m.may_shop));
    let fresh = snap.by_id(newcomer.member_id).unwrap();
    assert_eq!((fresh.status, fresh.may_shop), (Status::UpToDate, true));

    // Every household card finds its member, as the live check does.
    let with_household: Vec<_> = snap.members.iter().filter(|m| m.cards.len() > 1).collect();
    assert_eq!(with_household.len(), 2);
    for m in with_household {
        assert_eq!(m.cards.len(), 2);
        let card = &m.cards[1];
        assert_eq!(snap.by_card(card).map(|k| k.member_id), Some(m.member_id));
        let live = status::may_shop(&s.db, Shopper::Card(card)).await.unwrap();
        assert_eq!((live.member_id, live.may_shop), (m.member_id, m.may_shop));
    }
}

async fn twenty_thousand_members_in_one_snapshot(s: Services) {
    let seeded = bulk::members(&s.db, 20_000, "many", services::today(), |_| {
        WorkRegime::Regular
    })
    .await
    .unwrap();
    let started = std::time::Instant::now();
    let snap = snapshot::status_snapshot(&s.db, services::today())
        .await
        .unwrap();
    eprintln!("a snapshot of 20,000 members in {:?}", started.elapsed());
    assert_eq!(snap.members.len(), 20_000);
    assert!(snap
        .members
        .iter()
        .all(|m| m.may_shop && m.cards.len() == 1));
    let last = seeded.last().unwrap().member_id;
    assert_eq!(snap.members.last().map(|m| m.member_id), Some(last));
}

on_both_databases!(
    the_snapshot_answers_like_may_shop,
    twenty_thousand_members_in_one_snapshot
);
