//! Supervisor overrides: a shift leader, coordinator or admin lets a member who may not shop
//! buy anyway. The supervisor signs in at the till with their own email and password (checked
//! like a sign-in, failures counted), gives a reason, and the override is recorded (who, when,
//! why, for which member, at which cashier's till) before any sale uses it. The sale then
//! names the override by its id; [`super::sale::post_sale`] accepts it once, for that member
//! and cashier, within [`OVERRIDE_VALID_MS`] of when it was granted by the server's clock (or,
//! for a sale rung up within that time and kept in the till's queue, within the offline limit;
//! see [`usable`]). A cashier therefore cannot forge one: they would need a supervisor's
//! password.

use super::sale::{CLOCK_SKEW_MS, OFFLINE_MAX_MS, SUPERVISORS};
use crate::entities::{overrides, return_approvals, sales, users};
use crate::error::{Error, Result};
use crate::shifts::status::{may_shop, Shopper};
use crate::{accounts, audit, db::write_tx, now_ms, Services};
pub use domain::till::returns::ReturnApproval;
pub use domain::till::sale::GrantedOverride;
use domain::validation::Reason;
use domain::{Role, Viewer};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::net::IpAddr;
use uuid::Uuid;

/// How long after it was granted an override may be used, by the server's clock.
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
    let reason = checked_reason(reason)?;
    let answer = may_shop(&s.db, Shopper::Member(member_id)).await?;
    if answer.may_shop {
        return Err(Error::invalid("member", Reason::OverrideNotNeeded));
    }
    let supervisor = supervisor(s, client, email, password).await?;
    let row = overrides::Model {
        id: Uuid::now_v7(),
        at_ms: now_ms(),
        supervisor_id: supervisor.id,
        cashier_id: cashier.user_id,
        member_id: answer.member_id,
        status: answer.report.status.as_str().to_string(),
        reason: reason.clone(),
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

/// The supervisor who signs in at the till with `email` and `password`, asked from `client`.
/// Errors: `Invalid` on `supervisor` with `SupervisorNotRecognised` for every failure alike (an
/// unknown email, a wrong password, too many tries, an account without a supervisor's role), so
/// the answer never tells whether a password is right; each is counted as a failed sign-in of
/// that email from that client.
async fn supervisor(
    s: &Services,
    client: Option<IpAddr>,
    email: &str,
    password: &str,
) -> Result<users::Model> {
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
    Ok(supervisor)
}

/// Records a supervisor's approval of a return from sale `sale_id` at `cashier`'s till: a
/// refund by another tender than the sale's, or above the coop's limit.
///
/// Errors: `Invalid` on `reason` (Required, TooLong); on `supervisor` as for [`grant`];
/// `NotFound` for an unknown sale. Nothing is written then (but a failed password is counted).
pub async fn grant_return(
    s: &Services,
    client: Option<IpAddr>,
    cashier: &Viewer,
    sale_id: Uuid,
    email: &str,
    password: &str,
    reason: &str,
) -> Result<ReturnApproval> {
    let reason = checked_reason(reason)?;
    let sale = sales::Entity::find_by_id(sale_id)
        .one(&s.db)
        .await?
        .ok_or(Error::NotFound)?;
    let supervisor = supervisor(s, client, email, password).await?;
    let row = return_approvals::Model {
        id: Uuid::now_v7(),
        at_ms: now_ms(),
        supervisor_id: supervisor.id,
        cashier_id: cashier.user_id,
        sale_id,
        reason: reason.clone(),
        return_id: None,
    };
    let tx = write_tx(&s.db).await?;
    return_approvals::ActiveModel::from(row.clone())
        .insert(&tx)
        .await?;
    audit::record(
        &tx,
        Some(supervisor.id),
        "till.return_approval",
        &sale_id.to_string(),
        &format!(
            "receipt {} (cashier {}): {reason}",
            sale.receipt_number, cashier.user_id
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(ReturnApproval {
        id: row.id,
        sale_id,
        supervisor_name: supervisor.display_name,
        at_ms: row.at_ms,
    })
}

/// The unused approval `id` of a return of `draft`'s sale by `cashier`, usable at the
/// server's `now_ms` ([`in_time`]). Errors: `Invalid` on `approval` with `OverrideNotValid`
/// otherwise.
pub(crate) async fn usable_for_return(
    db: &impl ConnectionTrait,
    id: Uuid,
    draft: &domain::till::returns::ReturnDraft,
    cashier: &Viewer,
    now_ms: i64,
) -> Result<return_approvals::Model> {
    match return_approvals::Entity::find_by_id(id).one(db).await? {
        Some(a)
            if a.return_id.is_none()
                && a.sale_id == draft.sale_id
                && a.cashier_id == cashier.user_id
                && in_time(a.at_ms, draft.at_ms, now_ms) =>
        {
            Ok(a)
        }
        _ => Err(Error::invalid("approval", Reason::OverrideNotValid)),
    }
}

/// Ties the approval to its return, inside the return's transaction. Errors: `Invalid` on
/// `approval` with `OverrideNotValid` when another return took it meanwhile.
pub(crate) async fn take_for_return(
    db: &impl ConnectionTrait,
    id: Uuid,
    return_id: Uuid,
) -> Result<()> {
    let done = return_approvals::Entity::update_many()
        .col_expr(
            return_approvals::Column::ReturnId,
            sea_orm::sea_query::Expr::value(Some(return_id)),
        )
        .filter(return_approvals::Column::Id.eq(id))
        .filter(return_approvals::Column::ReturnId.is_null())
        .exec(db)
        .await?;
    if done.rows_affected == 0 {
        return Err(Error::invalid("approval", Reason::OverrideNotValid));
    }
    Ok(())
}

/// A supervisor's reason, trimmed. Errors: `Invalid` on `reason` (Required, TooLong).
fn checked_reason(reason: &str) -> Result<String> {
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
    Ok(reason.to_string())
}

/// The unused override `id` for this sale's member and cashier, usable at the server's
/// `now_ms` ([`in_time`]). Errors: `Invalid` on `override` with `OverrideNotValid` otherwise.
pub(crate) async fn usable(
    db: &impl ConnectionTrait,
    id: Uuid,
    member_id: Uuid,
    cashier_id: Uuid,
    sold_at_ms: i64,
    now_ms: i64,
) -> Result<overrides::Model> {
    let found = overrides::Entity::find_by_id(id).one(db).await?;
    match found {
        Some(o)
            if o.sale_id.is_none()
                && o.member_id == member_id
                && o.cashier_id == cashier_id
                && in_time(o.at_ms, sold_at_ms, now_ms) =>
        {
            Ok(o)
        }
        _ => Err(Error::invalid("override", Reason::OverrideNotValid)),
    }
}

/// Whether something a supervisor granted at `granted_at_ms` (the server's clock) may be used
/// now by what the till rang up at `rung_at_ms` (the time the till's queue recorded it, its
/// clock): rung up after the grant (give or take the clocks' skew), and used within
/// [`OVERRIDE_VALID_MS`] of the grant by the server's clock, or, for what was rung up within
/// that time and kept in the till's queue while the server could not be reached, within the
/// offline limit.
pub(crate) fn in_time(granted_at_ms: i64, rung_at_ms: i64, now_ms: i64) -> bool {
    let age = now_ms.saturating_sub(granted_at_ms);
    let rung_after_grant = rung_at_ms >= granted_at_ms.saturating_sub(CLOCK_SKEW_MS);
    let rung_in_time = rung_at_ms <= granted_at_ms.saturating_add(OVERRIDE_VALID_MS);
    rung_after_grant && (age <= OVERRIDE_VALID_MS || (rung_in_time && age <= OFFLINE_MAX_MS))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_override_is_timed_from_its_grant_by_the_servers_clock() {
        let granted = 100 * OFFLINE_MAX_MS;
        let minute = 60_000;
        let cases = [
            // (rung up, used, usable)
            (granted, granted, true),
            (granted + 29 * minute, granted + 30 * minute, true),
            // Rung up before the grant, beyond the clocks' skew: never.
            (granted - 20 * minute, granted + minute, false),
            (granted - CLOCK_SKEW_MS, granted, true),
            // Used late: only what was rung up in time and kept in the queue, bounded.
            (granted + 31 * minute, granted + 31 * minute, false),
            (granted + 5 * minute, granted + 40 * minute, true),
            (granted + 5 * minute, granted + OFFLINE_MAX_MS, true),
            (granted + 5 * minute, granted + OFFLINE_MAX_MS + 1, false),
            // Whatever the till says, the server's clock bounds the use (a date ahead of the
            // server's clock is the sale's own refusal: `sold_at_refusal`).
            (granted, granted + OFFLINE_MAX_MS + 1, false),
            (i64::MIN, granted, false),
        ];
        for (rung, now, usable) in cases {
            assert_eq!(
                in_time(granted, rung, now),
                usable,
                "rung {rung} used {now}"
            );
        }
    }
}
