//! The member register as people see it: the plain types the server sends and the screens
//! show.

use crate::member::{MemberForm, WorkRegime};
use crate::shares::{Holding, ShareEventKind};
use crate::{Language, Role};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSummary {
    pub id: Uuid,
    pub member_number: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub card_barcode: String,
    pub work_regime: WorkRegime,
    pub leaving_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdPerson {
    pub id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub card_barcode: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareEventView {
    pub id: Uuid,
    pub kind: ShareEventKind,
    pub class_code: Option<String>,
    pub quantity: i64,
    pub amount_cents: i64,
    pub date: NaiveDate,
    pub counterpart: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberDetail {
    pub id: Uuid,
    pub member_number: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub language: Language,
    pub join_date: NaiveDate,
    pub work_regime: WorkRegime,
    pub leaving_date: Option<NaiveDate>,
    pub leaving_reason: Option<String>,
    pub card_barcode: String,
    pub household: Vec<HouseholdPerson>,
    pub household_max: usize,
    pub user_id: Option<Uuid>,
    pub roles: Vec<Role>,
    pub holding: Holding,
    pub share_events: Vec<ShareEventView>,
}

impl MemberDetail {
    /// The record as an editable form.
    pub fn form(&self) -> MemberForm {
        MemberForm {
            member_number: self.member_number.to_string(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone().unwrap_or_default(),
            language: self.language.code().to_string(),
            join_date: self.join_date.format("%Y-%m-%d").to_string(),
            work_regime: self.work_regime.as_str().to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MemberFilter {
    #[default]
    Active,
    Leavers,
    All,
}

impl MemberFilter {
    pub fn parse(s: &str) -> Self {
        match s {
            "leavers" => MemberFilter::Leavers,
            "all" => MemberFilter::All,
            _ => MemberFilter::Active,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            MemberFilter::Active => "active",
            MemberFilter::Leavers => "leavers",
            MemberFilter::All => "all",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberPage {
    pub members: Vec<MemberSummary>,
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareClass {
    pub code: String,
    pub name: String,
    pub unit_price_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassTotal {
    pub class: ShareClass,
    pub shares: i64,
    pub holders: i64,
}

/// The coop's totals in the share register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterTotals {
    pub classes: Vec<ClassTotal>,
    pub subscribed_cents: i64,
    pub paid_cents: i64,
    pub reimbursed_cents: i64,
    pub due_cents: i64,
    pub active_members: u64,
    pub former_members: u64,
}

/// A share event as typed in the form on a member's page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareEventForm {
    pub kind: String,
    pub class_code: String,
    pub quantity: String,
    pub amount: String,
    pub date: String,
    /// Member number of the other member of a transfer.
    pub counterpart_number: String,
    pub note: String,
}

/// The outcome of a CSV import that passed: how many records (members, products) were
/// created, and how many existing ones were changed or left as they were (the products
/// import updates the products it recognises; the member import only creates).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}
