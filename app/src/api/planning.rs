//! The coordinator's planning: task types, templates with their seat holders and leaders,
//! skills, generating the shifts of the horizon, closure days, one-off shifts, and the
//! planning of a week or of the whole cycle with each shift's staffing.

use crate::error::AppError;
use chrono::NaiveDate;
use domain::shifts::planning::{
    ClosureDay, OneOffInput, PlannedShift, TaskType, TemplateInput, TemplateView,
};
use domain::shifts::WeekLetter;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {
    super::*,
    crate::ssr::{authorize, fail},
    chrono::{Datelike, TimeDelta},
    domain::validation::{FieldError, Reason},
    services::shifts::{self, planning},
};

/// The planning of some weeks: each week's Monday with its letter, and every shift in them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Planning {
    /// Today in the coop, to mark it.
    pub today: NaiveDate,
    pub weeks: Vec<(NaiveDate, WeekLetter)>,
    pub shifts: Vec<PlannedShift>,
}

/// The field errors of a form that does not parse, as a 422.
#[cfg(feature = "ssr")]
fn refused(errors: Vec<domain::validation::FieldError>) -> AppError {
    fail(AppError::Invalid(errors))
}

#[server(endpoint = "planning/task-types", input = Json)]
pub async fn list_task_types() -> Result<Vec<TaskType>, AppError> {
    let (s, _) = authorize(SHIFT_KEEPERS)?;
    Ok(planning::task_types(&s.db).await?)
}

#[server(endpoint = "planning/task-type/create", input = Json)]
pub async fn create_task_type(name: String) -> Result<Uuid, AppError> {
    let (s, v) = authorize(SHIFT_KEEPERS)?;
    Ok(planning::create_task_type(&s, &v, &name).await?)
}

#[server(endpoint = "planning/templates", input = Json)]
pub async fn list_templates() -> Result<Vec<TemplateView>, AppError> {
    let (s, _) = authorize(SHIFT_KEEPERS)?;
    Ok(planning::template_views(&s.db).await?)
}

/// The template a coordinator typed, checked against the coop's cycle.
#[cfg(feature = "ssr")]
async fn template_form(
    s: &services::Services,
    input: &TemplateInput,
) -> Result<planning::TemplateForm, AppError> {
    let rules = shifts::rules(&s.db).await?;
    let (week, weekday, slot) = input.parse(rules.cycle.weeks).map_err(refused)?;
    Ok(planning::TemplateForm {
        week,
        weekday,
        start: slot.start,
        end: slot.end,
        task_type_id: slot.task_type_id,
        seats: slot.seats,
        required_skill: slot.required_skill,
    })
}

#[server(endpoint = "planning/template/create", input = Json)]
pub async fn create_template(input: TemplateInput) -> Result<Uuid, AppError> {
    let (s, v) = authorize(SHIFT_KEEPERS)?;
    let form = template_form(&s, &input).await?;
    Ok(planning::create_template(&s, &v, &form).await?)
}

/// Changes a template; its shifts ahead follow. Returns how many of them changed.
#[server(endpoint = "planning/template/update", input = Json)]
pub async fn update_template(template_id: Uuid, input: TemplateInput) -> Result<u64, AppError> {
    let (s, v) = authorize(SHIFT_KEEPERS)?;
    let form = template_form(&s, &input).await?;
    Ok(planning::update_template(&s, &v, template_id, &form).await?)
}

/// Retires a template from today; returns how many of its shifts ahead were cancelled.
#[server(endpoint = "planning/template/retire", input = Json)]
pub async fn retire_template(template_id: Uuid) -> Result<u64, AppError> {
    let (s, v) = authorize(SHIFT_KEEPERS)?;
    Ok(planning::retire_template(&s, &v, template_id).await?)
}

/// Gives the member named by `member` (their number, or a name only they have) a seat in a
/// template.
#[server(endpoint = "planning/seat/assign", input = Json)]
pub async fn assign_seat(template_id: Uuid, member: String) -> Result<(), AppError> {
    let (s, v) = authorize(SHIFT_KEEPERS)?;
    let member_id = planning::find_member(&s.db, "member", &member).await?;
    Ok(planning::assign_seat(&s, &v, template_id, member_id).await?)
}

#[server(endpoint = "planning/seat/remove", input = Json)]
pub async fn remove_seat(template_id: Uuid, member_id: Uuid) -> Result<(), AppError> {
    let (s, v) = authorize(SHIFT_KEEPERS)?;
    Ok(planning::remove_seat(&s, &v, template_id, member_id).await?)
}

/// Makes the member named by `member` a leader of a template.
#[server(endpoint = "planning/leader/add", input = Json)]
pub async fn add_leader(template_id: Uuid, member: String) -> Result<(), AppError> {
    let (s, v) = authorize(SHIFT_KEEPERS)?;
    let member_id = planning::find_member(&s.db, "leader", &member).await?;
    Ok(planning::add_leader(&s, &v, template_id, member_id).await?)
}

/// Takes away a member's leadership of a template.
#[server(endpoint = "planning/leader/remove", input = Json)]
pub async fn remove_leader(template_id: Uuid, member_id: Uuid) -> Result<(), AppError> {
    let (s, v) = authorize(SHIFT_KEEPERS)?;
    Ok(planning::remove_leader(&s, &v, template_id, member_id).await?)
}

/// Gives the member named by `member` a skill.
#[server(endpoint = "planning/skill/add", input = Json)]
pub async fn add_skill(member: String, skill: String) -> Result<(), AppError> {
    let (s, v) = authorize(SHIFT_KEEPERS)?;
    let member_id = planning::find_member(&s.db, "member", &member).await?;
    Ok(planning::add_skill(&s, &v, member_id, &skill).await?)
}

/// Generates the shifts of the horizon from today; returns how many were new.
#[server(endpoint = "planning/generate", input = Json)]
pub async fn generate_shifts() -> Result<u32, AppError> {
    let (s, _) = authorize(SHIFT_KEEPERS)?;
    Ok(planning::generate(&s, services::today()).await?)
}

/// The closure days from today on.
#[server(endpoint = "planning/closures", input = Json)]
pub async fn list_closures() -> Result<Vec<ClosureDay>, AppError> {
    let (s, _) = authorize(SHIFT_KEEPERS)?;
    Ok(planning::closure_days(&s.db, services::today()).await?)
}

/// Closes the coop on `date` (`YYYY-MM-DD`); returns how many shifts were cancelled.
#[server(endpoint = "planning/closure/add", input = Json)]
pub async fn add_closure(date: String, note: String) -> Result<u64, AppError> {
    let (s, v) = authorize(SHIFT_KEEPERS)?;
    let date = domain::shifts::planning::parse_date("date", &date).map_err(|e| refused(vec![e]))?;
    Ok(planning::add_closure_day(&s, &v, date, &note).await?)
}

#[server(endpoint = "planning/one-off/add", input = Json)]
pub async fn add_one_off(input: OneOffInput) -> Result<Uuid, AppError> {
    let (s, v) = authorize(SHIFT_KEEPERS)?;
    let (date, slot) = input.parse().map_err(refused)?;
    let form = planning::OneOffForm {
        date,
        start: slot.start,
        end: slot.end,
        task_type_id: slot.task_type_id,
        seats: slot.seats,
        required_skill: slot.required_skill,
    };
    Ok(planning::add_one_off(&s, &v, &form).await?)
}

/// The planning of `weeks` weeks (1 to the cycle's length) from the week holding `date`
/// (today when `None`).
#[server(endpoint = "planning/shifts", input = Json)]
pub async fn planning_of(date: Option<NaiveDate>, weeks: u32) -> Result<Planning, AppError> {
    let (s, _) = authorize(SHIFT_KEEPERS)?;
    let rules = shifts::rules(&s.db).await?;
    let date = date.unwrap_or_else(services::today);
    let weeks = weeks.clamp(1, rules.cycle.weeks.max(1));
    // A date at the end of the calendar has no Monday or no weeks after it.
    let out_of_range = || refused(vec![FieldError::new("date", Reason::InvalidDate)]);
    let monday = date
        .checked_sub_signed(TimeDelta::days(
            date.weekday().num_days_from_monday().into(),
        ))
        .ok_or_else(out_of_range)?;
    let end = monday
        .checked_add_signed(TimeDelta::weeks(weeks.into()))
        .ok_or_else(out_of_range)?;
    // Every Monday before `end`, so none overflows.
    let mondays: Vec<NaiveDate> = (0..weeks)
        .map(|w| monday + TimeDelta::weeks(w.into()))
        .collect();
    Ok(Planning {
        today: services::today(),
        weeks: mondays
            .into_iter()
            .map(|m| (m, rules.cycle.letter(m)))
            .collect(),
        shifts: planning::planning(&s.db, monday..end).await?,
    })
}
