//! A message in the mail outbox, as the admin's outbox screen shows it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created_at_ms: i64,
    pub sent_at_ms: Option<i64>,
    pub error: Option<String>,
}
