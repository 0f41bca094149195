//! Accounts and sign-in: passwords (argon2id), sessions stored in the database (so several
//! server instances share them), slowing down repeated failures, password reset by mailed link,
//! and the first admin of a new coop.

use crate::entities::{one_time_tokens, sessions, sign_in_failures, user_roles, users};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, mail, now_ms, throttle, Services};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use domain::member::EMAIL_MAX;
use domain::validation::{is_valid_email, normalize_email, Reason};
use domain::{Language, Role, Viewer};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, RelationDef, Set,
};
use sha2::{Digest, Sha256};
use std::net::IpAddr;
use uuid::Uuid;

/// Failed sign-ins allowed for one email from one client address within
/// [`FAILURE_WINDOW_MS`] before the account is locked for that address (only: nobody can lock
/// another person out of their account by failing on purpose from elsewhere).
pub const MAX_FAILURES: u64 = 5;
pub const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;
/// Failed sign-ins for one email, from all addresses, within [`FAILURE_WINDOW_MS`] from which
/// the account is under attack: each address then gets one failure instead of
/// [`MAX_FAILURES`], while a right password from an address without failures still gets in.
pub const UNDER_ATTACK_FAILURES: u64 = 50;
/// Reset links mailed to one account within an hour at most; further requests send nothing.
pub const RESETS_PER_HOUR: u64 = 3;
pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;
const RESET_VALID_MS: i64 = 60 * 60 * 1000;
const SETUP_VALID_MS: i64 = 24 * 60 * 60 * 1000;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;
const HOUR_MS: i64 = 60 * 60 * 1000;

pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters")
        .to_string()
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash of a password nobody has, verified when the email is unknown so that an unknown
/// email takes as long to refuse as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password that nobody has"))
}

/// A new random secret and the hash of it that is stored.
pub(crate) fn new_token() -> (String, String) {
    let token = hex::encode(rand::random::<[u8; 32]>());
    let hash = token_hash(&token);
    (token, hash)
}

pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn check_password(password: &str) -> Result<()> {
    let n = password.chars().count();
    if n < PASSWORD_MIN {
        Err(Error::invalid(
            "password",
            Reason::PasswordTooShort { min: PASSWORD_MIN },
        ))
    } else if n > PASSWORD_MAX {
        Err(Error::invalid(
            "password",
            Reason::TooLong { max: PASSWORD_MAX },
        ))
    } else {
        Ok(())
    }
}

pub(crate) async fn roles_of(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Role>> {
    let mut roles: Vec<Role> = user_roles::Entity::find()
        .filter(user_roles::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| Role::parse(&r.role))
        .collect();
    roles.sort();
    Ok(roles)
}

async fn viewer_of(db: &impl ConnectionTrait, user: users::Model) -> Result<Viewer> {
    let roles = roles_of(db, user.id).await?;
    Ok(viewer(user, roles))
}

/// The person signed in to an account with these roles (sorted).
fn viewer(user: users::Model, roles: Vec<Role>) -> Viewer {
    Viewer {
        roles,
        user_id: user.id,
        display_name: user.display_name,
        email: user.email,
        language: Language::parse(&user.language).unwrap_or_default(),
        member_id: user.member_id,
    }
}

/// A new session for a person who signed in: the token goes in the cookie, only its hash in
/// the database.
#[derive(Debug)]
pub struct SignedIn {
    pub token: String,
    pub viewer: Viewer,
    pub max_age_s: i64,
}

/// A password checked on a hashing turn of this process ([`throttle::hashing_turn`]), off the
/// async threads. Errors: [`Error::TooManyAttempts`] when too many checks wait already.
async fn verify_on_a_turn(password: &str, hash: String) -> Result<bool> {
    let Some(_turn) = throttle::hashing_turn().await else {
        return Err(Error::TooManyAttempts { retry_after_s: 60 });
    };
    let pw = password.to_string();
    Ok(
        tokio::task::spawn_blocking(move || verify_password(&pw, &hash))
            .await
            .unwrap_or(false),
    )
}

/// A client address as failures record it: empty when unknown (a call from inside the process).
fn client_key(client: Option<IpAddr>) -> String {
    client.map(|ip| ip.to_string()).unwrap_or_default()
}

/// Records a failed sign-in for `email` from `client`.
pub(crate) async fn record_failure(
    db: &impl ConnectionTrait,
    client: Option<IpAddr>,
    email: &str,
) -> Result<()> {
    sign_in_failures::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(normalize_email(email)),
        at_ms: Set(now_ms()),
        client: Set(client_key(client)),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The account behind an email and password, checked as signing in checks them (a supervisor
/// authorising an override at the till is checked the same way), for a request from `client`
/// (`None` from inside the process). A failure is recorded.
///
/// Refused before any password is hashed: a client address past its attempts
/// ([`throttle::by_address`]), an email or password longer than allowed, an email locked for
/// this address ([`MAX_FAILURES`], or one failure when the account is under attack,
/// [`UNDER_ATTACK_FAILURES`]), and a check that would wait behind too many others.
///
/// Errors: [`Error::TooManyAttempts`] for those refusals (even with the right password),
/// [`Error::BadCredentials`] for an unknown email, a wrong password, a disabled account or an
/// overlong field.
pub async fn check_credentials(
    s: &Services,
    client: Option<IpAddr>,
    email: &str,
    password: &str,
) -> Result<users::Model> {
    let now = now_ms();
    let attempt = throttle::by_address()
        .begin(client, now)
        .map_err(|retry_after_s| Error::TooManyAttempts { retry_after_s })?;
    let email = normalize_email(email);
    if email.chars().count() > EMAIL_MAX || password.chars().count() > PASSWORD_MAX {
        return Err(Error::BadCredentials);
    }
    let since = now - FAILURE_WINDOW_MS;
    let on_account = sign_in_failures::Entity::find()
        .filter(sign_in_failures::Column::Email.eq(&email))
        .filter(sign_in_failures::Column::AtMs.gt(since))
        .count(&s.db)
        .await?;
    let from_client: Vec<i64> = sign_in_failures::Entity::find()
        .select_only()
        .column(sign_in_failures::Column::AtMs)
        .filter(sign_in_failures::Column::Email.eq(&email))
        .filter(sign_in_failures::Column::AtMs.gt(since))
        .filter(sign_in_failures::Column::Client.eq(client_key(client)))
        .order_by_asc(sign_in_failures::Column::AtMs)
        .into_tuple()
        .all(&s.db)
        .await?;
    let allowed = if on_account >= UNDER_ATTACK_FAILURES {
        1
    } else {
        MAX_FAILURES as usize
    };
    if from_client.len() >= allowed {
        let oldest = from_client[from_client.len() - allowed];
        return Err(Error::TooManyAttempts {
            retry_after_s: ((oldest + FAILURE_WINDOW_MS - now) / 1000).max(1),
        });
    }
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .one(&s.db)
        .await?
        .filter(|u| !u.disabled);
    let hash = user
        .as_ref()
        .and_then(|u| u.password_hash.clone())
        .unwrap_or_else(|| decoy_hash().to_string());
    let ok = verify_on_a_turn(password, hash).await?;
    match user {
        Some(user) if ok => {
            attempt.succeeded();
            Ok(user)
        }
        _ => {
            record_failure(&s.db, client, &email).await?;
            Err(Error::BadCredentials)
        }
    }
}

/// Signs a person in from inside the process (tests and tools): no client address.
///
/// Errors: those of [`check_credentials`].
pub async fn sign_in(s: &Services, email: &str, password: &str) -> Result<SignedIn> {
    sign_in_from(s, None, email, password).await
}

/// Signs in a person whose request came from `client`.
///
/// Errors: those of [`check_credentials`].
pub async fn sign_in_from(
    s: &Services,
    client: Option<IpAddr>,
    email: &str,
    password: &str,
) -> Result<SignedIn> {
    let user = check_credentials(s, client, email, password).await?;
    let email = normalize_email(email);
    let max_age_s = s.config.session_days * 24 * 3600;
    let tx = write_tx(&s.db).await?;
    sign_in_failures::Entity::delete_many()
        .filter(sign_in_failures::Column::Email.eq(&email))
        .filter(sign_in_failures::Column::Client.eq(client_key(client)))
        .exec(&tx)
        .await?;
    let token = open_session(&tx, user.id, max_age_s).await?;
    let viewer = viewer_of(&tx, user).await?;
    tx.commit().await?;
    Ok(SignedIn {
        token,
        viewer,
        max_age_s,
    })
}

/// Opens a session of `max_age_s` seconds for a user and returns its token, for the cookie;
/// only the token's hash is stored. [`sign_in`] calls it after checking the password; load
/// tests call it to sign thousands of members in without hashing thousands of passwords.
pub async fn open_session(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    max_age_s: i64,
) -> Result<String> {
    let (token, hash) = new_token();
    let now = now_ms();
    sessions::ActiveModel {
        id_hash: Set(hash),
        user_id: Set(user_id),
        created_at_ms: Set(now),
        expires_at_ms: Set(now + max_age_s * 1000),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The person behind a session token, if the session is live and the account enabled. One
/// query: the account through its live session, joined to its roles.
pub async fn viewer_for_session(db: &impl ConnectionTrait, token: &str) -> Result<Option<Viewer>> {
    use sea_orm::sea_query::Query;
    use sea_orm::JoinType;
    let session = Query::select()
        .column(sessions::Column::UserId)
        .from(sessions::Entity)
        .and_where(sessions::Column::IdHash.eq(token_hash(token)))
        .and_where(sessions::Column::ExpiresAtMs.gt(now_ms()))
        .to_owned();
    let role_of_user = user_roles::Entity::belongs_to(users::Entity)
        .from(user_roles::Column::UserId)
        .to(users::Column::Id);
    let rows = users::Entity::find()
        .join(JoinType::LeftJoin, RelationDef::from(role_of_user).rev())
        .filter(users::Column::Id.in_subquery(session))
        .filter(users::Column::Disabled.eq(false))
        .select_also(user_roles::Entity)
        .all(db)
        .await?;
    let mut roles: Vec<Role> = rows
        .iter()
        .filter_map(|(_, r)| Role::parse(&r.as_ref()?.role))
        .collect();
    roles.sort();
    Ok(rows.into_iter().next().map(|(user, _)| viewer(user, roles)))
}

pub async fn sign_out(db: &impl ConnectionTrait, token: &str) -> Result<()> {
    sessions::Entity::delete_by_id(token_hash(token))
        .exec(db)
        .await?;
    Ok(())
}

/// Sets a person's language, and their member record's too.
pub async fn set_language(s: &Services, user_id: Uuid, lang: Language) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    let user = users::Entity::find_by_id(user_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let member_id = user.member_id;
    let mut u: users::ActiveModel = user.into();
    u.language = Set(lang.code().to_string());
    u.update(&tx).await?;
    if let Some(mid) = member_id {
        crate::entities::members::Entity::update_many()
            .col_expr(
                crate::entities::members::Column::Language,
                sea_orm::sea_query::Expr::value(lang.code()),
            )
            .filter(crate::entities::members::Column::Id.eq(mid))
            .exec(&tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Mails a reset link to the account with this email, if there is one, for a request from
/// `client`. Says nothing either way, so nobody can find out who has an account; beyond
/// [`RESETS_PER_HOUR`] links an hour for one account, nothing more is sent. The outbox shows
/// admins the message without its link.
///
/// Errors: [`Error::Invalid`] on `email` (InvalidEmail, TooLong); [`Error::TooManyAttempts`]
/// when the client address is past its attempts.
pub async fn request_password_reset(
    s: &Services,
    client: Option<IpAddr>,
    email: &str,
) -> Result<()> {
    let now = now_ms();
    // A reset request never succeeds as a sign-in does: every one counts for the address.
    let _attempt = throttle::by_address()
        .begin(client, now)
        .map_err(|retry_after_s| Error::TooManyAttempts { retry_after_s })?;
    let email = normalize_email(email);
    if email.chars().count() > EMAIL_MAX {
        return Err(Error::invalid("email", Reason::TooLong { max: EMAIL_MAX }));
    }
    if !is_valid_email(&email) {
        return Err(Error::invalid("email", Reason::InvalidEmail));
    }
    let Some(user) = users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .one(&s.db)
        .await?
        .filter(|u| !u.disabled)
    else {
        return Ok(());
    };
    let (token, hash) = new_token();
    let lang = Language::parse(&user.language).unwrap_or_default();
    let link = format!("{}/reset-password?token={token}", s.config.base_url);
    let body = |link: String| {
        i18n::t_args(
            lang,
            "mail-reset-body",
            &[("name", user.display_name.clone()), ("link", link)],
        )
    };
    let tx = write_tx(&s.db).await?;
    let sent_lately = one_time_tokens::Entity::find()
        .filter(one_time_tokens::Column::UserId.eq(user.id))
        .filter(one_time_tokens::Column::Purpose.eq("reset"))
        .filter(one_time_tokens::Column::CreatedAtMs.gt(now - HOUR_MS))
        .count(&tx)
        .await?;
    if sent_lately >= RESETS_PER_HOUR {
        return Ok(());
    }
    one_time_tokens::ActiveModel {
        token_hash: Set(hash),
        purpose: Set("reset".into()),
        user_id: Set(Some(user.id)),
        created_at_ms: Set(now),
        expires_at_ms: Set(now + RESET_VALID_MS),
        used_at_ms: Set(None),
    }
    .insert(&tx)
    .await?;
    mail::queue_secret(
        &tx,
        &user.email,
        &i18n::t(lang, "mail-reset-subject"),
        &body(link),
        &body(i18n::t(lang, "mail-link-hidden")),
    )
    .await?;
    tx.commit().await?;
    mail::deliver_soon(s);
    Ok(())
}

async fn take_token(
    tx: &impl ConnectionTrait,
    token: &str,
    purpose: &str,
) -> Result<one_time_tokens::Model> {
    let t = one_time_tokens::Entity::find_by_id(token_hash(token))
        .one(tx)
        .await?
        .filter(|t| t.purpose == purpose && t.used_at_ms.is_none() && t.expires_at_ms > now_ms())
        .ok_or(Error::TokenInvalid)?;
    let mut used: one_time_tokens::ActiveModel = t.clone().into();
    used.used_at_ms = Set(Some(now_ms()));
    used.update(tx).await?;
    Ok(t)
}

/// Whether a reset or setup link is still good, to show its form or say at once it is not.
pub async fn token_is_valid(db: &impl ConnectionTrait, token: &str, purpose: &str) -> Result<bool> {
    Ok(one_time_tokens::Entity::find_by_id(token_hash(token))
        .one(db)
        .await?
        .is_some_and(|t| {
            t.purpose == purpose && t.used_at_ms.is_none() && t.expires_at_ms > now_ms()
        }))
}

/// Sets a new password from a reset link; the link is then spent and every session of the
/// account is closed. A made-up link is refused before the password is hashed, so that
/// guessing links costs the server no hashing.
///
/// Errors: [`Error::Invalid`] on `password`; [`Error::TokenInvalid`] for an unknown, used or
/// expired link; [`Error::TooManyAttempts`] when too many hashes wait already.
pub async fn reset_password(s: &Services, token: &str, password: &str) -> Result<()> {
    check_password(password)?;
    if !token_is_valid(&s.db, token, "reset").await? {
        return Err(Error::TokenInvalid);
    }
    let pw = password.to_string();
    let hash = {
        let Some(_turn) = throttle::hashing_turn().await else {
            return Err(Error::TooManyAttempts { retry_after_s: 60 });
        };
        tokio::task::spawn_blocking(move || hash_password(&pw))
            .await
            .map_err(|_| Error::TokenInvalid)?
    };
    let tx = write_tx(&s.db).await?;
    let t = take_token(&tx, token, "reset").await?;
    let user_id = t.user_id.ok_or(Error::TokenInvalid)?;
    let user = users::Entity::find_by_id(user_id)
        .one(&tx)
        .await?
        .ok_or(Error::TokenInvalid)?;
    let mut u: users::ActiveModel = user.into();
    u.password_hash = Set(Some(hash));
    u.update(&tx).await?;
    sessions::Entity::delete_many()
        .filter(sessions::Column::UserId.eq(user_id))
        .exec(&tx)
        .await?;
    audit::record(
        &tx,
        Some(user_id),
        "account.password_reset",
        &user_id.to_string(),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Creates a user account with a password (or none, to be set by a reset link) and roles.
pub async fn create_user(
    db: &impl ConnectionTrait,
    email: &str,
    display_name: &str,
    language: Language,
    password: Option<&str>,
    member_id: Option<Uuid>,
    roles: &[Role],
) -> Result<Uuid> {
    let email = normalize_email(email);
    if users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .count(db)
        .await?
        > 0
    {
        return Err(Error::invalid("email", Reason::AlreadyTaken));
    }
    let id = Uuid::now_v7();
    users::ActiveModel {
        id: Set(id),
        email: Set(email),
        password_hash: Set(password.map(hash_password)),
        display_name: Set(display_name.to_string()),
        language: Set(language.code().to_string()),
        member_id: Set(member_id),
        disabled: Set(false),
        created_at_ms: Set(now_ms()),
    }
    .insert(db)
    .await?;
    replace_roles(db, id, roles).await?;
    Ok(id)
}

pub(crate) async fn replace_roles(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    roles: &[Role],
) -> Result<()> {
    user_roles::Entity::delete_many()
        .filter(user_roles::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let mut roles = roles.to_vec();
    roles.sort();
    roles.dedup();
    for r in roles {
        user_roles::ActiveModel {
            user_id: Set(user_id),
            role: Set(r.as_str().to_string()),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Gives a person exactly these roles (admins only; logged).
pub async fn set_roles(s: &Services, actor: &Viewer, user_id: Uuid, roles: &[Role]) -> Result<()> {
    let tx = write_tx(&s.db).await?;
    users::Entity::find_by_id(user_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    if user_id == actor.user_id
        && !roles.contains(&Role::Admin)
        && actor.roles.contains(&Role::Admin)
    {
        // An admin cannot lock themselves out; another admin must do it.
        return Err(Error::invalid("roles", Reason::CannotRemoveOwnAdmin));
    }
    replace_roles(&tx, user_id, roles).await?;
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    audit::commit(
        tx,
        actor,
        "account.roles",
        &user_id.to_string(),
        &names.join(","),
    )
    .await?;
    Ok(())
}

pub async fn user_for_member(
    db: &impl ConnectionTrait,
    member_id: Uuid,
) -> Result<Option<(Uuid, Vec<Role>)>> {
    match users::Entity::find()
        .filter(users::Column::MemberId.eq(member_id))
        .one(db)
        .await?
    {
        Some(u) => Ok(Some((u.id, roles_of(db, u.id).await?))),
        None => Ok(None),
    }
}

async fn admin_exists(db: &impl ConnectionTrait) -> Result<bool> {
    Ok(user_roles::Entity::find()
        .filter(user_roles::Column::Role.eq(Role::Admin.as_str()))
        .count(db)
        .await?
        > 0)
}

/// On a coop with no admin: creates the admin from the configuration, or else returns a
/// one-time setup link (valid 24 hours) for the server to print in its log.
pub async fn ensure_first_admin(s: &Services) -> Result<Option<String>> {
    if admin_exists(&s.db).await? {
        return Ok(None);
    }
    let tx = write_tx(&s.db).await?;
    if let Some((email, password)) = &s.config.first_admin {
        check_password(password)?;
        if !is_valid_email(&normalize_email(email)) {
            return Err(Error::invalid("email", Reason::InvalidEmail));
        }
        create_user(
            &tx,
            email,
            "Admin",
            Language::default(),
            Some(password),
            None,
            &[Role::Admin],
        )
        .await?;
        tx.commit().await?;
        return Ok(None);
    }
    let (token, hash) = new_token();
    let now = now_ms();
    one_time_tokens::ActiveModel {
        token_hash: Set(hash),
        purpose: Set("setup".into()),
        user_id: Set(None),
        created_at_ms: Set(now),
        expires_at_ms: Set(now + SETUP_VALID_MS),
        used_at_ms: Set(None),
    }
    .insert(&tx)
    .await?;
    tx.commit().await?;
    Ok(Some(format!("{}/setup?token={token}", s.config.base_url)))
}

/// Creates the first admin from a setup link.
pub async fn complete_setup(
    s: &Services,
    token: &str,
    name: &str,
    email: &str,
    password: &str,
) -> Result<()> {
    let mut errors = domain::validation::Errors::default();
    let name = errors.text("name", name, domain::member::NAME_MAX);
    let email = normalize_email(email);
    if !is_valid_email(&email) {
        errors.add("email", Reason::InvalidEmail);
    }
    if let Err(Error::Invalid(mut e)) = check_password(password) {
        errors.0.append(&mut e);
    }
    errors.finish(()).map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    take_token(&tx, token, "setup").await?;
    if admin_exists(&tx).await? {
        return Err(Error::TokenInvalid);
    }
    let id = create_user(
        &tx,
        &email,
        &name,
        Language::default(),
        Some(password),
        None,
        &[Role::Admin],
    )
    .await?;
    audit::record(&tx, Some(id), "account.first_admin", &id.to_string(), "").await?;
    tx.commit().await?;
    Ok(())
}

/// Removes expired sessions and tokens, and old failure records.
pub async fn sweep(db: &impl ConnectionTrait) -> Result<()> {
    let now = now_ms();
    sessions::Entity::delete_many()
        .filter(sessions::Column::ExpiresAtMs.lte(now))
        .exec(db)
        .await?;
    one_time_tokens::Entity::delete_many()
        .filter(one_time_tokens::Column::ExpiresAtMs.lte(now - DAY_MS))
        .exec(db)
        .await?;
    sign_in_failures::Entity::delete_many()
        .filter(sign_in_failures::Column::AtMs.lte(now - FAILURE_WINDOW_MS))
        .exec(db)
        .await?;
    Ok(())
}
