//! Supervisor overrides: a shift leader, coordinator or admin lets a member who may not shop
//! buy anyway. The supervisor signs in at the till with their own email and password (checked
//! like a sign-in, failures counted), gives a reason, and the override is recorded (who, when,
//! why, for which member, at which cashier's till) before any sale uses it. The sale then
//! names the override by its id; [`super::sale::post_sale`] accepts it once, for that member
//! and cashier, within [`OVERRIDE_VALID_MS`] of when it was granted. A cashier therefore cannot
//! forge one: they would need a supervisor's password.

use super::sale::SUPERVISORS;
use crate::entities::overrides;
use crate::error::{Error, Result};
use crate::shifts::status::{may_shop, Shopper};
use crate::{accounts, audit, db::write_tx, now_ms, Services};
pub use domain::till::sale::GrantedOverride;
use domain::validation::Reason;
use domain::{Role, Viewer};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::net::IpAddr;
use uuid::Uuid;

/// How long a granted override may be used by a sale, before or after it was granted (a sale
/// rung up offline carries the time it was rung up).
pub const OVERRIDE_VALID_MS: i64 = 30 * 60 * 1000;

/// The longest reason kept.
pub const REASON_MAX: usize = 500;

/// Records a supervisor's override for `member_id` at `cashier`'s till, from inside the
/// process (tests and tools): see [`grant_from`].
pub async fn grant(
    s: &Services,
    cashier: &Viewer,
    member_id: Uuid,
    email: &str,
    password: &str,
    reason: &str,
) -> Result<GrantedOverride> {
    grant_from(s, None, cashier, member_id, email, password, reason).await
}

/// Records a supervisor's override for `member_id` at `cashier`'s till, asked from `client`.
///
/// Errors: `Invalid` on `reason` (Required, TooLong); on `supervisor` with
/// `SupervisorNotRecognised` for every failure of the supervisor's check alike (an unknown
/// email, a wrong password, too many tries, an account without a supervisor's role), so the
/// answer never tells whether a password is right; on `member` with `OverrideNotNeeded` when
/// the member may shop; `NotFound` for an unknown member. Nothing is written then, but a
/// failed check is counted as a failed sign-in of that email from that client.
pub async fn grant_from(
    s: &Services,
    client: Option<IpAddr>,
    cashier: &Viewer,
    member_id: Uuid,
    email: &str,
    password: &str,
    reason: &str,
) -> Result<GrantedOverride> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid("reason", Reason::Required));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(Error::invalid(
            "reason",
            Reason::TooLong { max: REASON_MAX },
        ));
    }
    let answer = may_shop(&s.db, Shopper::Member(member_id)).await?;
    if answer.may_shop {
        return Err(Error::invalid("member", Reason::OverrideNotNeeded));
    }
    let not_recognised = || Error::invalid("supervisor", Reason::SupervisorNotRecognised);
    let supervisor = match accounts::check_credentials(s, client, email, password).await {
        Ok(user) => user,
        Err(Error::BadCredentials | Error::TooManyAttempts { .. }) => return Err(not_recognised()),
        Err(e) => return Err(e),
    };
    let roles = accounts::roles_of(&s.db, supervisor.id).await?;
    if !roles
        .iter()
        .any(|r| *r == Role::Admin || SUPERVISORS.contains(r))
    {
        // The right password of someone who may not override: answered and counted as a
        // wrong one.
        accounts::record_failure(&s.db, client, email).await?;
        return Err(not_recognised());
    }
    let row = overrides::Model {
        id: Uuid::now_v7(),
        at_ms: now_ms(),
        supervisor_id: supervisor.id,
        cashier_id: cashier.user_id,
        member_id: answer.member_id,
        status: answer.report.status.as_str().to_string(),
        reason: reason.to_string(),
        sale_id: None,
    };
    let tx = write_tx(&s.db).await?;
    overrides::ActiveModel::from(row.clone())
        .insert(&tx)
        .await?;
    audit::record(
        &tx,
        Some(supervisor.id),
        "till.override",
        &row.member_id.to_string(),
        &format!("{} (cashier {}): {reason}", row.status, cashier.user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(GrantedOverride {
        id: row.id,
        member_id: row.member_id,
        supervisor_name: supervisor.display_name,
        at_ms: row.at_ms,
    })
}

/// The unused override `id` for this sale's member and cashier, granted within
/// [`OVERRIDE_VALID_MS`] of `sold_at_ms`. Errors: `Invalid` on `override` with
/// `OverrideNotValid` otherwise.
pub(crate) async fn usable(
    db: &impl ConnectionTrait,
    id: Uuid,
    member_id: Uuid,
    cashier_id: Uuid,
    sold_at_ms: i64,
) -> Result<overrides::Model> {
    let found = overrides::Entity::find_by_id(id).one(db).await?;
    match found {
        Some(o)
            if o.sale_id.is_none()
                && o.member_id == member_id
                && o.cashier_id == cashier_id
                && (o.at_ms - sold_at_ms).abs() <= OVERRIDE_VALID_MS =>
        {
            Ok(o)
        }
        _ => Err(Error::invalid("override", Reason::OverrideNotValid)),
    }
}

/// Ties the override to its sale, inside the sale's transaction. Errors: `Invalid` on
/// `override` with `OverrideNotValid` when another sale took it meanwhile.
pub(crate) async fn use_for(db: &impl ConnectionTrait, id: Uuid, sale_id: Uuid) -> Result<()> {
    let done = overrides::Entity::update_many()
        .col_expr(
            overrides::Column::SaleId,
            sea_orm::sea_query::Expr::value(Some(sale_id)),
        )
        .filter(overrides::Column::Id.eq(id))
        .filter(overrides::Column::SaleId.is_null())
        .exec(db)
        .await?;
    if done.rows_affected == 0 {
        return Err(Error::invalid("override", Reason::OverrideNotValid));
    }
    Ok(())
}
