//! The coop's shift rules as coordinators read and save them. The numbers are typed in a form
//! and checked field by field by `domain::shifts::rules_form`; nothing is saved while one is
//! wrong.

use crate::error::AppError;
use domain::shifts::rules_form::RulesForm;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
#[cfg(feature = "ssr")]
use {crate::ssr::authorize, services::shifts};

/// Who runs the shifts: the planning's keepers.
pub use super::SHIFT_KEEPERS as SHIFT_COORDINATORS;

/// The coop's rules, as the form shows them.
#[server(endpoint = "shifts/rules/get", input = Json)]
pub async fn get_rules() -> Result<RulesForm, AppError> {
    let (s, _) = authorize(SHIFT_COORDINATORS)?;
    Ok(RulesForm::from(&shifts::rules(&s.db).await?))
}

/// Saves the rules (with an audit entry) and returns them as stored. Errors: `Invalid` with
/// every wrong field; nothing is saved then.
#[server(endpoint = "shifts/rules/save", input = Json)]
pub async fn save_rules(form: RulesForm) -> Result<RulesForm, AppError> {
    let (s, v) = authorize(SHIFT_COORDINATORS)?;
    let rules = shifts::save_rules(&s, &v, &form).await?;
    Ok(RulesForm::from(&rules))
}
