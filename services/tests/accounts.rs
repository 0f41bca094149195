//! Sign-in, sessions, password reset and the first admin, on SQLite and PostgreSQL.

use domain::{Language, Role};
use services::error::Error;
use services::{accounts, mail, on_both_databases, Services};

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
    accounts::request_password_reset(&s, "saskia@example.be")
        .await
        .unwrap();
    accounts::request_password_reset(&s, "unknown@example.be")
        .await
        .unwrap();
    let outbox = mail::list(&s.db, None, 10).await.unwrap();
    assert_eq!(outbox.len(), 1, "nothing is sent for an unknown address");
    assert!(
        outbox[0].subject.contains("wachtwoord"),
        "in the person's language: {}",
        outbox[0].subject
    );
    let token = link_token(&outbox[0].body);
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

on_both_databases!(
    sign_in_and_out,
    repeated_failures_are_slowed_down,
    password_reset_by_mailed_link,
    first_admin_from_a_one_time_link,
    roles_are_set_by_admins_who_cannot_demote_themselves,
);
