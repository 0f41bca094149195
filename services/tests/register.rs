//! The member register and shares, on SQLite and PostgreSQL.

use domain::card::CardPrefix;
use domain::member::{HouseholdPersonForm, MemberForm};
use domain::register::{MemberFilter, ShareEventForm};
use domain::validation::{FieldError, Reason};
use domain::{Language, Role};
use services::error::Error;
use services::{accounts, members, on_both_databases, shares, Services};

fn form(first: &str, last: &str, email: &str) -> MemberForm {
    MemberForm {
        member_number: String::new(),
        first_name: first.into(),
        last_name: last.into(),
        email: email.into(),
        phone: String::new(),
        language: "fr".into(),
        join_date: "2024-02-01".into(),
        work_regime: "regular".into(),
    }
}

async fn count(s: &Services) -> u64 {
    members::search(&s.db, "", MemberFilter::All, 10, 0)
        .await
        .unwrap()
        .total
}

async fn creating_members_allocates_numbers_cards_and_accounts(s: Services) {
    let a = services::testing::admin(&s).await;
    let m1 = members::create(&s, &a, &form("Thérèse", "Dubois", "therese@example.be"))
        .await
        .unwrap();
    let m2 = members::create(&s, &a, &form("Bram", "Peeters", "bram@example.be"))
        .await
        .unwrap();
    assert_eq!((m1.member_number, m2.member_number), (1, 2));
    let prefix = CardPrefix::default();
    assert_eq!(prefix.number_of(&m1.card_barcode), Ok(1));
    assert_eq!(prefix.number_of(&m2.card_barcode), Ok(2));
    assert_eq!(m1.roles, vec![Role::Member]);
    assert!(m1.user_id.is_some());

    let dup = members::create(&s, &a, &form("Other", "Person", "THERESE@example.be ")).await;
    assert!(
        matches!(dup, Err(Error::Invalid(e)) if e == vec![FieldError::new("email", Reason::AlreadyTaken)])
    );
    let bad = members::create(&s, &a, &form("", "Person", "nope")).await;
    assert!(matches!(bad, Err(Error::Invalid(e)) if e.len() == 2));
    assert_eq!(count(&s).await, 2, "refused members are not written");
}

async fn concurrent_creations_never_share_a_number_or_card(s: Services) {
    let a = services::testing::admin(&s).await;
    let mut tasks = Vec::new();
    for i in 0..20 {
        let (s, a) = (s.clone(), a.clone());
        tasks.push(tokio::spawn(async move {
            members::create(&s, &a, &form("Same", "Time", &format!("m{i}@example.be")))
                .await
                .unwrap()
        }));
    }
    let mut numbers = Vec::new();
    let mut cards = Vec::new();
    for t in tasks {
        let m = t.await.unwrap();
        numbers.push(m.member_number);
        cards.push(m.card_barcode);
    }
    numbers.sort();
    cards.sort();
    cards.dedup();
    assert_eq!(numbers, (1..=20).collect::<Vec<i64>>());
    assert_eq!(cards.len(), 20);
}

async fn editing_a_member_updates_their_account(s: Services) {
    let a = services::testing::admin(&s).await;
    let m = members::create(&s, &a, &form("Anne", "Maes", "anne@example.be"))
        .await
        .unwrap();
    members::create(&s, &a, &form("Jan", "Claes", "jan@example.be"))
        .await
        .unwrap();
    let mut f = m.form();
    f.email = "anne.maes@example.be".into();
    f.language = "nl".into();
    let updated = members::update(&s, &a, m.id, &f).await.unwrap();
    assert_eq!(updated.email, "anne.maes@example.be");
    assert_eq!(updated.language, Language::Nl);
    f.email = "jan@example.be".into();
    assert!(matches!(
        members::update(&s, &a, m.id, &f).await,
        Err(Error::Invalid(_))
    ));
    f.member_number = "2".into();
    f.email = "anne.maes@example.be".into();
    let taken = members::update(&s, &a, m.id, &f).await;
    assert!(
        matches!(taken, Err(Error::Invalid(e)) if e == vec![FieldError::new("member_number", Reason::AlreadyTaken)])
    );
    // The account follows: a reset mail goes to the new address.
    accounts::request_password_reset(&s, None, "anne.maes@example.be")
        .await
        .unwrap();
    let mail = services::mail::list(&s.db, Some("anne.maes@example.be"), 5)
        .await
        .unwrap();
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].subject, i18n::t(Language::Nl, "mail-reset-subject"));
}

/// A coordinator changes members' emails, but not the email of an account with a staff role
/// (its reset link would then reach whoever changed it); an admin may. Every change is mailed
/// to the old address and logged with both addresses.
async fn email_changes_are_told_to_the_old_address_and_staff_emails_are_admins_only(s: Services) {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let a = services::testing::admin(&s).await;
    let coordinator = {
        let m = members::create(&s, &a, &form("Corentin", "Coord", "coord@example.be"))
            .await
            .unwrap();
        accounts::set_roles(
            &s,
            &a,
            m.user_id.unwrap(),
            &[Role::Member, Role::Coordinator],
        )
        .await
        .unwrap();
        accounts::viewer_for_session(
            &s.db,
            &accounts::open_session(&s.db, m.user_id.unwrap(), 60)
                .await
                .unwrap(),
        )
        .await
        .unwrap()
        .unwrap()
    };
    let cashier = members::create(&s, &a, &form("Kenza", "Caisse", "kenza@example.be"))
        .await
        .unwrap();
    accounts::set_roles(
        &s,
        &a,
        cashier.user_id.unwrap(),
        &[Role::Member, Role::Cashier],
    )
    .await
    .unwrap();
    let member = members::create(&s, &a, &form("Mira", "Membre", "mira@example.be"))
        .await
        .unwrap();
    let outbox = || async { services::mail::list(&s.db, None, 100).await.unwrap().len() };
    let before = outbox().await;

    let takeover = members::update(
        &s,
        &coordinator,
        cashier.id,
        &form("Kenza", "Caisse", "coord+kenza@example.be"),
    )
    .await;
    assert!(
        matches!(&takeover, Err(Error::Invalid(e)) if *e == vec![FieldError::new("email", Reason::StaffEmailAdminsOnly)]),
        "{takeover:?}"
    );
    assert_eq!(
        members::detail(&s.db, cashier.id).await.unwrap().email,
        "kenza@example.be",
        "nothing was written"
    );
    assert_eq!(outbox().await, before, "nor mailed");
    // The rest of a staff member's record is the coordinator's to change.
    members::update(
        &s,
        &coordinator,
        cashier.id,
        &form("Kenza", "Kassa", "kenza@example.be"),
    )
    .await
    .unwrap();
    assert_eq!(outbox().await, before, "no email change, no mail");

    members::update(
        &s,
        &coordinator,
        member.id,
        &form("Mira", "Membre", "mira.new@example.be"),
    )
    .await
    .unwrap();
    members::update(&s, &a, cashier.id, &form("Kenza", "Kassa", "k@example.be"))
        .await
        .unwrap();
    for (old, new) in [
        ("mira@example.be", "mira.new@example.be"),
        ("kenza@example.be", "k@example.be"),
    ] {
        let told = services::mail::list(&s.db, Some(old), 5).await.unwrap();
        assert_eq!(told.len(), 1, "{old} is told");
        assert!(told[0].body.contains(new), "{}", told[0].body);
        let logged = services::entities::audit_log::Entity::find()
            .filter(services::entities::audit_log::Column::Action.eq("account.email"))
            .filter(services::entities::audit_log::Column::Detail.eq(format!("{old} -> {new}")))
            .all(&s.db)
            .await
            .unwrap();
        assert_eq!(logged.len(), 1, "{old} -> {new} is logged");
    }
    // The account follows the record: signing in and reset links use the new address.
    let account = accounts::user_for_member(&s.db, cashier.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.1, vec![Role::Member, Role::Cashier]);
}

/// The demo coop's passwords are published: it is never loaded into a database that holds
/// accounts, members or products already, and nothing is written then.
async fn the_demo_coop_is_never_loaded_beside_real_data(s: Services) {
    let a = services::testing::admin(&s).await;
    members::create(&s, &a, &form("Thérèse", "Dubois", "therese@example.be"))
        .await
        .unwrap();
    let before = count(&s).await;
    assert!(matches!(
        services::demo::load(&s).await,
        Err(Error::NotEmpty)
    ));
    assert_eq!(count(&s).await, before, "nothing was written");
    assert!(matches!(
        accounts::sign_in(
            &s,
            services::demo::ACCOUNTS[0].0,
            services::demo::DEMO_PASSWORD
        )
        .await,
        Err(Error::BadCredentials)
    ));
}

async fn search_ignores_case_and_accents_and_finds_household_cards(s: Services) {
    let a = services::testing::admin(&s).await;
    let t = members::create(&s, &a, &form("Thérèse", "Müller", "t@example.be"))
        .await
        .unwrap();
    members::create(&s, &a, &form("Jonas", "Willems", "j@example.be"))
        .await
        .unwrap();
    let with_person = members::add_household_person(
        &s,
        &a,
        t.id,
        &HouseholdPersonForm {
            first_name: "Léon".into(),
            last_name: "Müller".into(),
        },
    )
    .await
    .unwrap();
    let found = |q: &'static str| {
        let s = s.clone();
        async move {
            members::search(&s.db, q, MemberFilter::Active, 50, 0)
                .await
                .unwrap()
                .members
                .into_iter()
                .map(|m| m.first_name)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(found("therese muller").await, vec!["Thérèse"]);
    assert_eq!(found("LEON").await, vec!["Thérèse"]);
    assert_eq!(found("willems").await, vec!["Jonas"]);
    assert_eq!(found("").await.len(), 2);
    let card = with_person.household[0].card_barcode.clone();
    let by_card = members::search(&s.db, &card, MemberFilter::Active, 50, 0)
        .await
        .unwrap();
    assert_eq!(by_card.members.len(), 1);
    assert_eq!(by_card.members[0].id, t.id);

    members::mark_leaver(&s, &a, t.id, "2025-06-30", "moved to Liège")
        .await
        .unwrap();
    assert_eq!(found("therese").await, Vec::<String>::new());
    let leavers = members::search(&s.db, "", MemberFilter::Leavers, 50, 0)
        .await
        .unwrap();
    assert_eq!(leavers.members.len(), 1);
    let early = members::mark_leaver(&s, &a, t.id, "2020-01-01", "x").await;
    assert!(
        matches!(early, Err(Error::Invalid(e)) if e == vec![FieldError::new("leaving_date", Reason::BeforeJoinDate)])
    );
}

async fn households_are_capped(s: Services) {
    let a = services::testing::admin(&s).await;
    let m = members::create(&s, &a, &form("Fien", "Jacobs", "f@example.be"))
        .await
        .unwrap();
    let p = |n: &str| HouseholdPersonForm {
        first_name: n.into(),
        last_name: "Jacobs".into(),
    };
    members::add_household_person(&s, &a, m.id, &p("Lotte"))
        .await
        .unwrap();
    let d = members::add_household_person(&s, &a, m.id, &p("Wout"))
        .await
        .unwrap();
    assert_eq!(d.household.len(), 2);
    let third = members::add_household_person(&s, &a, m.id, &p("Bas")).await;
    assert!(
        matches!(third, Err(Error::Invalid(e)) if e == vec![FieldError::new("household", Reason::TooManyHouseholdPeople { max: 2 })])
    );
    let after = members::remove_household_person(&s, &a, m.id, d.household[0].id)
        .await
        .unwrap();
    assert_eq!(after.household.len(), 1);
    assert_eq!(after.household[0].first_name, "Wout");
}

async fn imports_are_all_or_nothing(s: Services) {
    let a = services::testing::admin(&s).await;
    members::create(&s, &a, &form("Existing", "Member", "existing@example.be"))
        .await
        .unwrap();
    let bad = "first_name,last_name,email,join_date,work_regime\n\
        Amina,Benali,amina@example.be,2024-01-05,regular\n\
        Lucas,Dupont,EXISTING@example.be,2024-01-05,flexible\n\
        Emma,Lambert,emma@example.be,2024-01-05,sometimes\n";
    match members::import_csv(&s, &a, bad).await {
        Err(Error::ImportRefused(rows)) => {
            let got: Vec<(usize, &str)> = rows.iter().map(|r| (r.line, r.field.as_str())).collect();
            assert_eq!(got, vec![(4, "work_regime")], "rule errors come first");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let conflict = bad.replace("sometimes", "exempt");
    match members::import_csv(&s, &a, &conflict).await {
        Err(Error::ImportRefused(rows)) => {
            assert_eq!(rows.len(), 1);
            assert_eq!(
                (rows[0].line, rows[0].field.as_str(), &rows[0].reason),
                (3, "email", &Reason::AlreadyTaken)
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(count(&s).await, 1, "nothing of a refused import is written");
    let good = conflict.replace("EXISTING@", "lucas@");
    assert_eq!(members::import_csv(&s, &a, &good).await.unwrap().created, 3);
    assert_eq!(count(&s).await, 4);

    let exported = members::export_csv(&s.db).await.unwrap();
    let rows = domain::member_csv::parse(&exported).unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[3].member.email, "emma@example.be");
    assert_eq!(rows[3].member.member_number, Some(4));
}

async fn imported_numbers_are_kept_and_never_reallocated(s: Services) {
    let a = services::testing::admin(&s).await;
    let csv = "member_number,first_name,last_name,email,join_date,work_regime\n\
        120,Nora,Haddad,nora@example.be,2020-01-05,regular\n";
    members::import_csv(&s, &a, csv).await.unwrap();
    let next = members::create(&s, &a, &form("New", "One", "new@example.be"))
        .await
        .unwrap();
    assert_eq!(next.member_number, 121);
}

async fn share_register(s: Services) {
    let a = services::testing::admin(&s).await;
    shares::save_class(&s, &a, "a", "Worker share", "20")
        .await
        .unwrap();
    shares::save_class(&s, &a, "B", "Supporter share", "25,00")
        .await
        .unwrap();
    let bad_class = shares::save_class(&s, &a, "C", "Free", "-1").await;
    assert!(matches!(bad_class, Err(Error::Invalid(_))));
    let m1 = members::create(&s, &a, &form("Ahmed", "Diallo", "ahmed@example.be"))
        .await
        .unwrap();
    let m2 = members::create(&s, &a, &form("Marta", "Nowak", "marta@example.be"))
        .await
        .unwrap();
    let ev = |kind: &str, class: &str, q: &str, amount: &str, other: &str| ShareEventForm {
        kind: kind.into(),
        class_code: class.into(),
        quantity: q.into(),
        amount: amount.into(),
        date: "2025-01-10".into(),
        counterpart_number: other.into(),
        note: String::new(),
    };
    shares::record(&s, &a, m1.id, &ev("subscription", "A", "5", "", ""))
        .await
        .unwrap();
    shares::record(&s, &a, m1.id, &ev("payment", "", "", "60,00", ""))
        .await
        .unwrap();
    shares::record(&s, &a, m1.id, &ev("transfer_out", "A", "2", "", "2"))
        .await
        .unwrap();
    let too_many = shares::record(&s, &a, m1.id, &ev("transfer_out", "A", "4", "", "2")).await;
    assert!(
        matches!(too_many, Err(Error::Invalid(e)) if e == vec![FieldError::new("quantity", Reason::NotEnoughShares { held: 3 })])
    );
    let to_self = shares::record(&s, &a, m1.id, &ev("transfer_out", "A", "1", "", "1")).await;
    assert!(
        matches!(to_self, Err(Error::Invalid(e)) if e == vec![FieldError::new("counterpart_number", Reason::SameMember)])
    );
    let unknown = shares::record(&s, &a, m1.id, &ev("subscription", "Z", "1", "", "")).await;
    assert!(
        matches!(unknown, Err(Error::Invalid(e)) if e == vec![FieldError::new("class_code", Reason::UnknownShareClass)])
    );

    let d1 = members::detail(&s.db, m1.id).await.unwrap();
    let d2 = members::detail(&s.db, m2.id).await.unwrap();
    assert_eq!(d1.holding.held("A"), 3);
    assert_eq!(d1.holding.due_cents(), 4000);
    assert_eq!(d2.holding.held("A"), 2);
    assert_eq!(
        d2.share_events[0].counterpart.as_deref(),
        Some("Ahmed Diallo (1)")
    );

    shares::record(&s, &a, m2.id, &ev("reimbursement", "A", "2", "40", ""))
        .await
        .unwrap();
    let t = shares::totals(&s.db).await.unwrap();
    assert_eq!(t.classes[0].shares, 3);
    assert_eq!(t.classes[0].holders, 1);
    assert_eq!(
        (
            t.subscribed_cents,
            t.paid_cents,
            t.reimbursed_cents,
            t.due_cents
        ),
        (10000, 6000, 4000, 4000)
    );
}

async fn demo_coop_loads_once(s: Services) {
    assert!(services::demo::load(&s).await.unwrap());
    let total = count(&s).await;
    // 300, and the shop's member who may not shop (services/src/demo/till.rs).
    assert_eq!(total, 301);
    assert!(!services::demo::load(&s).await.unwrap());
    assert_eq!(count(&s).await, total);
    for (email, role) in services::demo::ACCOUNTS {
        let signed = accounts::sign_in(&s, email, services::demo::DEMO_PASSWORD)
            .await
            .unwrap();
        assert!(signed.viewer.roles.contains(&role), "{email}");
    }
    let t = shares::totals(&s.db).await.unwrap();
    assert!(t.classes[0].shares > 300);
    assert!(t.former_members > 0);
}

on_both_databases!(
    creating_members_allocates_numbers_cards_and_accounts,
    concurrent_creations_never_share_a_number_or_card,
    editing_a_member_updates_their_account,
    search_ignores_case_and_accents_and_finds_household_cards,
    households_are_capped,
    imports_are_all_or_nothing,
    imported_numbers_are_kept_and_never_reallocated,
    share_register,
    demo_coop_loads_once,
    email_changes_are_told_to_the_old_address_and_staff_emails_are_admins_only,
    the_demo_coop_is_never_loaded_beside_real_data,
);
