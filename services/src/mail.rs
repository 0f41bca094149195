//! Mail. Every message goes to the outbox table first, in the transaction of the change that
//! sends it, so nothing is lost; when SMTP is configured a background task then sends it.
//! Without SMTP the outbox is where an admin (and the demo, and the tests) reads every message.
//! A message that carries a secret (a password reset link) is shown to admins without it
//! ([`queue_secret`]): only SMTP sends the secret, and once sent it is gone from the outbox.

use crate::config::SmtpTls;
use crate::entities::outbox;
use crate::{now_ms, Services};
pub use domain::outbox::OutboxMessage;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

pub async fn queue(
    db: &impl ConnectionTrait,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<(), DbErr> {
    insert(db, to, subject, body, None).await
}

/// Queues a message whose `body` carries a secret: admins reading the outbox are shown
/// `shown_body` instead, and SMTP sends `body`, which is then replaced by `shown_body`.
pub async fn queue_secret(
    db: &impl ConnectionTrait,
    to: &str,
    subject: &str,
    body: &str,
    shown_body: &str,
) -> Result<(), DbErr> {
    insert(db, to, subject, body, Some(shown_body)).await
}

async fn insert(
    db: &impl ConnectionTrait,
    to: &str,
    subject: &str,
    body: &str,
    shown_body: Option<&str>,
) -> Result<(), DbErr> {
    outbox::ActiveModel {
        id: Set(Uuid::now_v7()),
        to_address: Set(to.to_string()),
        subject: Set(subject.to_string()),
        body: Set(body.to_string()),
        shown_body: Set(shown_body.map(str::to_string)),
        created_at_ms: Set(now_ms()),
        sent_at_ms: Set(None),
        error: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The newest messages first, as admins are shown them: without secrets.
pub async fn list(
    db: &impl ConnectionTrait,
    to: Option<&str>,
    limit: u64,
) -> Result<Vec<OutboxMessage>, DbErr> {
    let mut q = outbox::Entity::find()
        .order_by_desc(outbox::Column::CreatedAtMs)
        .limit(limit);
    if let Some(to) = to {
        q = q.filter(outbox::Column::ToAddress.eq(to.trim().to_lowercase()));
    }
    Ok(q.all(db)
        .await?
        .into_iter()
        .map(|m| OutboxMessage {
            id: m.id,
            to: m.to_address,
            subject: m.subject,
            body: m.shown_body.unwrap_or(m.body),
            created_at_ms: m.created_at_ms,
            sent_at_ms: m.sent_at_ms,
            error: m.error,
        })
        .collect())
}

/// Sends what waits in the outbox, in the background, when SMTP is configured.
pub fn deliver_soon(s: &Services) {
    if s.config.smtp.is_none() {
        return;
    }
    let s = s.clone();
    tokio::spawn(async move {
        if let Err(e) = deliver_pending(&s).await {
            tracing::warn!(error = %e, "mail delivery failed");
        }
    });
}

/// Sends every message waiting in the outbox; each is marked sent, or keeps its error.
pub async fn deliver_pending(s: &Services) -> Result<(), DbErr> {
    let Some(smtp) = &s.config.smtp else {
        return Ok(());
    };
    let mut builder = match smtp.tls {
        SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host),
        SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host),
        SmtpTls::None => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(
            &smtp.host,
        )),
    }
    .map_err(|e| DbErr::Custom(e.to_string()))?
    .port(smtp.port);
    if let (Some(u), Some(p)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(Credentials::new(u.clone(), p.clone()));
    }
    let transport = builder.build();
    // By batches of 100, oldest first, until none is left: each message of a batch leaves the
    // pending ones, sent or with its error.
    loop {
        let pending = outbox::Entity::find()
            .filter(outbox::Column::SentAtMs.is_null())
            .filter(outbox::Column::Error.is_null())
            .order_by_asc(outbox::Column::CreatedAtMs)
            .limit(100)
            .all(&s.db)
            .await?;
        if pending.is_empty() {
            return Ok(());
        }
        send_batch(s, smtp, &transport, pending).await?;
    }
}

async fn send_batch(
    s: &Services,
    smtp: &crate::config::Smtp,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    pending: Vec<outbox::Model>,
) -> Result<(), DbErr> {
    for m in pending {
        let result = match (smtp.from.parse(), m.to_address.parse()) {
            (Ok(from), Ok(to)) => match Message::builder()
                .from(from)
                .to(to)
                .subject(m.subject.clone())
                .header(ContentType::TEXT_PLAIN)
                .body(m.body.clone())
            {
                Ok(msg) => transport
                    .send(msg)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            },
            _ => Err("bad address".to_string()),
        };
        let shown = m.shown_body.clone();
        let mut row: outbox::ActiveModel = m.into();
        match result {
            Ok(()) => {
                row.sent_at_ms = Set(Some(now_ms()));
                // The secret has left: keep only what admins are shown.
                if let Some(shown) = shown {
                    row.body = Set(shown);
                }
            }
            Err(e) => row.error = Set(Some(e)),
        }
        row.update(&s.db).await?;
    }
    Ok(())
}
