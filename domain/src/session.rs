//! Who is looking at a page: the signed-in person, their roles and their language. The server
//! derives it from the session cookie; the browser receives it with the page.

use crate::role::{permits, Role};
use crate::Language;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub user_id: Uuid,
    pub display_name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub language: Language,
    pub member_id: Option<Uuid>,
}

impl Viewer {
    /// Whether this person holds one of `allowed` (admin always does).
    pub fn may(&self, allowed: &[Role]) -> bool {
        permits(&self.roles, allowed)
    }
}
