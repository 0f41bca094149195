//! The audit log: who did what to whom, and why. Every override and every change to the
//! register is written here, in the same transaction as the change itself.

use crate::entities::audit_log;
use crate::now_ms;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use uuid::Uuid;

pub async fn record(
    db: &impl ConnectionTrait,
    actor: Option<Uuid>,
    action: &str,
    subject: &str,
    detail: &str,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        id: Set(Uuid::now_v7()),
        at_ms: Set(now_ms()),
        user_id: Set(actor),
        action: Set(action.to_string()),
        subject: Set(subject.to_string()),
        detail: Set(detail.to_string()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Records what `actor` did in the audit log and commits the transaction with it.
pub async fn commit(
    tx: crate::db::WriteTx,
    actor: &domain::Viewer,
    action: &str,
    subject: &str,
    detail: &str,
) -> Result<(), DbErr> {
    record(&tx, Some(actor.user_id), action, subject, detail).await?;
    tx.commit().await
}
