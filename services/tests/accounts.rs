//! Sign-in, sessions, password reset and the first admin, on SQLite and PostgreSQL.

use domain::{Language, Role};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use services::error::Error;
use services::{accounts, entities, mail, on_both_databases, throttle, Services};
use std::net::IpAddr;

async fn user(s: &Services, email: &str, password: &str, roles: &[Role]) -> uuid::Uuid {
    accounts::create_user(
        &s.db,
        email,
        "Test Person",
        Language::Nl,
        Some(password),
        None,
        roles,
    )
    .await
    .unwrap()
}

/// A client address no other test uses (the limits by address are the process's).
fn address() -> Option<IpAddr> {
    Some(IpAddr::from(*uuid::Uuid::new_v4().as_bytes()))
}

/// The body SMTP sends of the newest message to `to`, read from the table, as the admins'
/// outbox does not show it.
async fn sent_body(s: &Services, to: &str) -> String {
    use sea_orm::QueryOrder;
    entities::outbox::Entity::find()
        .filter(entities::outbox::Column::ToAddress.eq(to))
        .order_by_desc(entities::outbox::Column::CreatedAtMs)
        .one(&s.db)
        .await
        .unwrap()
        .expect("a message")
        .body
}

fn link_token(body: &str) -> String {
    body.split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

async fn sign_in_and_out(s: Services) {
    user(
        &s,
        "kenza@example.be",
        "correct horse",
        &[Role::Cashier, Role::Member],
    )
    .await;
    let signed = accounts::sign_in(&s, " Kenza@Example.be", "correct horse")
        .await
        .unwrap();
    assert_eq!(signed.viewer.roles, vec![Role::Member, Role::Cashier]);
    assert_eq!(signed.viewer.language, Language::Nl);
    let seen = accounts::viewer_for_session(&s.db, &signed.token)
        .await
        .unwrap();
    assert_eq!(
        seen.as_ref().map(|v| &v.email),
        Some(&"kenza@example.be".to_string())
    );
    assert!(accounts::viewer_for_session(&s.db, "forged")
        .await
        .unwrap()
        .is_none());
    accounts::sign_out(&s.db, &signed.token).await.unwrap();
    assert!(accounts::viewer_for_session(&s.db, &signed.token)
        .await
        .unwrap()
        .is_none());
    assert!(matches!(
        accounts::sign_in(&s, "kenza@example.be", "wrong").await,
        Err(Error::BadCredentials)
    ));
    assert!(matches!(
        accounts::sign_in(&s, "nobody@example.be", "whatever").await,
        Err(Error::BadCredentials)
    ));
}

async fn repeated_failures_are_slowed_down(s: Services) {
    user(&s, "stijn@example.be", "right password", &[Role::Member]).await;
    for _ in 0..accounts::MAX_FAILURES {
        assert!(matches!(
            accounts::sign_in(&s, "stijn@example.be", "guess").await,
            Err(Error::BadCredentials)
        ));
    }
    match accounts::sign_in(&s, "stijn@example.be", "right password").await {
        Err(Error::TooManyAttempts { retry_after_s }) => {
            assert!(retry_after_s > 0 && retry_after_s <= 15 * 60)
        }
        other => panic!("expected a lock, got {other:?}"),
    }
    // Another account is not affected.
    user(&s, "mira@example.be", "other password", &[Role::Member]).await;
    assert!(accounts::sign_in(&s, "mira@example.be", "other password")
        .await
        .is_ok());
}

async fn password_reset_by_mailed_link(s: Services) {
    user(&s, "saskia@example.be", "old password", &[Role::Member]).await;
    let old = accounts::sign_in(&s, "saskia@example.be", "old password")
        .await
        .unwrap();
    accounts::request_password_reset(&s, None, "saskia@example.be")
        .await
        .unwrap();
    accounts::request_password_reset(&s, None, "unknown@example.be")
        .await
        .unwrap();
    let outbox = mail::list(&s.db, None, 10).await.unwrap();
    assert_eq!(outbox.len(), 1, "nothing is sent for an unknown address");
    assert!(
        outbox[0].subject.contains("wachtwoord"),
        "in the person's language: {}",
        outbox[0].subject
    );
    // Admins reading the outbox do not see the link: it is the key to the account.
    assert!(!outbox[0].body.contains("token="), "{}", outbox[0].body);
    assert!(
        outbox[0]
            .body
            .contains(&i18n::t(Language::Nl, "mail-link-hidden")),
        "{}",
        outbox[0].body
    );
    let token = link_token(&sent_body(&s, "saskia@example.be").await);
    assert!(accounts::token_is_valid(&s.db, &token, "reset")
        .await
        .unwrap());
    let short = accounts::reset_password(&s, &token, "short").await;
    assert!(matches!(short, Err(Error::Invalid(_))));
    accounts::reset_password(&s, &token, "new password")
        .await
        .unwrap();
    assert!(
        accounts::viewer_for_session(&s.db, &old.token)
            .await
            .unwrap()
            .is_none(),
        "old sessions end"
    );
    assert!(accounts::sign_in(&s, "saskia@example.be", "new password")
        .await
        .is_ok());
    let again = accounts::reset_password(&s, &token, "another password").await;
    assert!(
        matches!(again, Err(Error::TokenInvalid)),
        "a link works once"
    );
    assert!(matches!(
        accounts::reset_password(&s, "made-up", "another password").await,
        Err(Error::TokenInvalid)
    ));
}

async fn first_admin_from_a_one_time_link(s: Services) {
    let link = accounts::ensure_first_admin(&s)
        .await
        .unwrap()
        .expect("a setup link");
    let token = link_token(&link);
    let bad = accounts::complete_setup(&s, &token, "", "not-an-email", "short").await;
    assert!(matches!(bad, Err(Error::Invalid(e)) if e.len() == 3));
    accounts::complete_setup(&s, &token, "Ada", "ada@example.be", "long enough")
        .await
        .unwrap();
    let signed = accounts::sign_in(&s, "ada@example.be", "long enough")
        .await
        .unwrap();
    assert_eq!(signed.viewer.roles, vec![Role::Admin]);
    assert!(matches!(
        accounts::complete_setup(&s, &token, "Eve", "eve@example.be", "long enough").await,
        Err(Error::TokenInvalid)
    ));
    assert_eq!(accounts::ensure_first_admin(&s).await.unwrap(), None);
}

async fn roles_are_set_by_admins_who_cannot_demote_themselves(s: Services) {
    let admin_id = user(&s, "root@example.be", "long enough", &[Role::Admin]).await;
    let admin = accounts::sign_in(&s, "root@example.be", "long enough")
        .await
        .unwrap()
        .viewer;
    let other = user(&s, "x@example.be", "long enough", &[Role::Member]).await;
    accounts::set_roles(&s, &admin, other, &[Role::Member, Role::Coordinator])
        .await
        .unwrap();
    let v = accounts::sign_in(&s, "x@example.be", "long enough")
        .await
        .unwrap()
        .viewer;
    assert_eq!(v.roles, vec![Role::Member, Role::Coordinator]);
    assert!(matches!(
        accounts::set_roles(&s, &admin, admin_id, &[Role::Member]).await,
        Err(Error::Invalid(_))
    ));
}

/// Failures lock an account for the address they come from only: an attacker failing on
/// purpose from elsewhere locks nobody out, an admin included.
async fn failures_lock_an_account_for_their_address_only(s: Services) {
    user(&s, "ada@example.be", "the admin's password", &[Role::Admin]).await;
    let (attacker, admin_desk) = (address(), address());
    for _ in 0..accounts::MAX_FAILURES {
        assert!(matches!(
            accounts::sign_in_from(&s, attacker, "ada@example.be", "guess").await,
            Err(Error::BadCredentials)
        ));
    }
    assert!(matches!(
        accounts::sign_in_from(&s, attacker, "ada@example.be", "the admin's password").await,
        Err(Error::TooManyAttempts { .. })
    ));
    let admin = accounts::sign_in_from(&s, admin_desk, "ada@example.be", "the admin's password")
        .await
        .expect("the admin signs in from their own address");
    assert_eq!(admin.viewer.roles, vec![Role::Admin]);
    // Signing in clears that address's failures only: the attacker stays locked.
    assert!(matches!(
        accounts::sign_in_from(&s, attacker, "ada@example.be", "the admin's password").await,
        Err(Error::TooManyAttempts { .. })
    ));
}

/// From many addresses at once, an account is under attack: each address then gets one
/// failure, and an address without failures still signs in with the right password.
async fn an_account_under_attack_allows_one_failure_an_address(s: Services) {
    user(&s, "kenza@example.be", "correct horse", &[Role::Member]).await;
    let attackers: Vec<_> = (0..accounts::UNDER_ATTACK_FAILURES)
        .map(|_| address())
        .collect();
    for a in &attackers {
        assert!(matches!(
            accounts::sign_in_from(&s, *a, "kenza@example.be", "guess").await,
            Err(Error::BadCredentials)
        ));
    }
    assert!(matches!(
        accounts::sign_in_from(&s, attackers[0], "kenza@example.be", "guess again").await,
        Err(Error::TooManyAttempts { .. })
    ));
    assert!(
        accounts::sign_in_from(&s, address(), "kenza@example.be", "correct horse")
            .await
            .is_ok(),
        "the member still gets in"
    );
}

/// An address is refused past its attempts whatever the emails it tries, before any
/// password is checked; another address is not.
async fn an_address_is_limited_across_accounts(s: Services) {
    user(&s, "mira@example.be", "mira's password", &[Role::Member]).await;
    let flood = address();
    for i in 0..throttle::ADDRESS_MAX_ATTEMPTS {
        assert!(matches!(
            accounts::sign_in_from(&s, flood, &format!("nobody{i}@example.be"), "guess").await,
            Err(Error::BadCredentials)
        ));
    }
    assert!(matches!(
        accounts::sign_in_from(&s, flood, "mira@example.be", "mira's password").await,
        Err(Error::TooManyAttempts { .. })
    ));
    assert!(matches!(
        accounts::request_password_reset(&s, flood, "mira@example.be").await,
        Err(Error::TooManyAttempts { .. })
    ));
    assert!(
        accounts::sign_in_from(&s, address(), "mira@example.be", "mira's password")
            .await
            .is_ok()
    );
    // Overlong fields are refused unchecked.
    let long = format!("{}@example.be", "a".repeat(300));
    assert!(matches!(
        accounts::sign_in_from(&s, address(), &long, "guess").await,
        Err(Error::BadCredentials)
    ));
    assert!(matches!(
        accounts::request_password_reset(&s, address(), &long).await,
        Err(Error::Invalid(_))
    ));
}

/// Reset requests for one account send at most a few links an hour: nobody can bury a
/// member's mailbox under them.
async fn reset_links_are_limited_per_account(s: Services) {
    user(&s, "stijn@example.be", "a password", &[Role::Member]).await;
    for _ in 0..accounts::RESETS_PER_HOUR + 2 {
        accounts::request_password_reset(&s, address(), "stijn@example.be")
            .await
            .unwrap();
    }
    let sent = mail::list(&s.db, Some("stijn@example.be"), 20)
        .await
        .unwrap();
    assert_eq!(sent.len() as u64, accounts::RESETS_PER_HOUR);
}

on_both_databases!(
    failures_lock_an_account_for_their_address_only,
    an_account_under_attack_allows_one_failure_an_address,
    an_address_is_limited_across_accounts,
    reset_links_are_limited_per_account,
    sign_in_and_out,
    repeated_failures_are_slowed_down,
    password_reset_by_mailed_link,
    first_admin_from_a_one_time_link,
    roles_are_set_by_admins_who_cannot_demote_themselves,
);
