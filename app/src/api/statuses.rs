//! Statuses, leaves, extensions and ledger corrections: the coordinator's list and member
//! record with their three changes, and a member's own requests for a holiday or more time.
//! Each change is one service call, which writes its audit entry.

use super::form::JsonOrForm;
use crate::error::AppError;
use domain::shifts::statuses::{MemberShifts, StatusPage};
use domain::shifts::StatusReport;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {
    super::rules::SHIFT_COORDINATORS,
    super::ANYONE,
    crate::notice::Done,
    crate::ssr::{answer_form, answer_form_keeping, authorize, fail},
    chrono::NaiveDate,
    domain::shifts::LeaveKind,
    domain::validation::{FieldError, Reason},
    services::shifts::{overview, status},
};

/// Lines on a page of the status list.
pub const PAGE_SIZE: u64 = 50;

/// A page of every member's status: `filter` is a status (`alert`, `on_leave`, ...) or `all`,
/// `query` a name, number, email or card.
#[server(endpoint = "shifts/statuses", input = Json)]
pub async fn list_statuses(
    query: String,
    filter: String,
    page: u64,
) -> Result<StatusPage, AppError> {
    let (s, _) = authorize(SHIFT_COORDINATORS)?;
    let filter = domain::shifts::statuses::parse_status_filter(&filter);
    let offset = super::page_offset(page, PAGE_SIZE)?;
    Ok(overview::list(&s.db, &query, filter, PAGE_SIZE, offset).await?)
}

/// One member's status with its reason, ledger, status history and leaves.
#[server(endpoint = "shifts/member", input = Json)]
pub async fn member_record(id: Uuid) -> Result<MemberShifts, AppError> {
    let (s, _) = authorize(SHIFT_COORDINATORS)?;
    Ok(overview::member_record(&s.db, id).await?)
}

/// A date typed in `field`, or its error.
#[cfg(feature = "ssr")]
fn date(errors: &mut Vec<FieldError>, field: &str, value: &str) -> Option<NaiveDate> {
    let d = domain::member::parse_date(value);
    if d.is_none() {
        errors.push(FieldError::new(
            field,
            if value.trim().is_empty() {
                Reason::Required
            } else {
                Reason::InvalidDate
            },
        ));
    }
    d
}

/// The two dates of a leave, or every error of them.
#[cfg(feature = "ssr")]
fn dates(start: &str, end: &str) -> Result<(NaiveDate, NaiveDate), AppError> {
    let mut errors = Vec::new();
    let start = date(&mut errors, "start", start);
    let end = date(&mut errors, "end", end);
    match (start, end) {
        (Some(s), Some(e)) => Ok((s, e)),
        _ => Err(fail(AppError::Invalid(errors))),
    }
}

/// Records a holiday or an exemption (`kind`), with a mandatory note.
#[server(endpoint = "shifts/leave/add", input = Json)]
pub async fn add_leave(
    member_id: Uuid,
    kind: String,
    start: String,
    end: String,
    note: String,
) -> Result<StatusReport, AppError> {
    let (s, v) = authorize(SHIFT_COORDINATORS)?;
    let kind = match kind.as_str() {
        "holiday" => LeaveKind::Holiday,
        "exemption" => LeaveKind::Exemption,
        _ => {
            return Err(fail(AppError::Invalid(vec![FieldError::new(
                "kind",
                Reason::Malformed,
            )])))
        }
    };
    let (start, end) = dates(&start, &end)?;
    Ok(status::add_leave(&s, &v, member_id, kind, start, end, &note).await?)
}

/// Grants a member in alert more time, when the rules allow it.
#[server(endpoint = "shifts/extension/grant", input = Json)]
pub async fn grant_extension(member_id: Uuid) -> Result<StatusReport, AppError> {
    let (s, v) = authorize(SHIFT_COORDINATORS)?;
    Ok(status::grant_extension(&s, &v, member_id).await?)
}

/// Corrects a member's counter by `delta` (a whole number, not 0) with a mandatory note.
#[server(endpoint = "shifts/ledger/correct", input = Json)]
pub async fn correct_ledger(
    member_id: Uuid,
    delta: String,
    note: String,
) -> Result<StatusReport, AppError> {
    let (s, v) = authorize(SHIFT_COORDINATORS)?;
    let mut errors = Vec::new();
    let delta = delta.trim().trim_start_matches('+').parse::<i32>();
    if delta.is_err() {
        errors.push(FieldError::new("delta", Reason::InvalidNumber));
    }
    if note.trim().is_empty() {
        errors.push(FieldError::new("note", Reason::Required));
    }
    match delta {
        Ok(delta) if errors.is_empty() => {
            Ok(status::correct(&s, &v, member_id, delta, &note).await?)
        }
        _ => Err(fail(AppError::Invalid(errors))),
    }
}

/// The signed-in person's member id. Errors: `NotFound` for an account without a member.
#[cfg(feature = "ssr")]
fn own_member(v: &domain::Viewer) -> Result<Uuid, AppError> {
    v.member_id.ok_or_else(|| fail(AppError::NotFound))
}

/// A member asks for a holiday from `start` to `end`: recorded at once when the dates are
/// fine (not in the past, end not before start, no overlap with another holiday).
#[server(endpoint = "shifts/my-holiday", input = JsonOrForm)]
pub async fn my_holiday(start: String, end: String) -> Result<StatusReport, AppError> {
    let recorded = async {
        let (s, v) = authorize(ANYONE)?;
        let id = own_member(&v)?;
        let (start, end) = dates(&start, &end)?;
        Ok::<_, AppError>(status::request_holiday(&s, &v, id, start, end).await?)
    };
    let typed = [("start", start.as_str()), ("end", end.as_str())];
    answer_form_keeping(recorded.await, "/my/requests", &typed, |_| Done::Holiday {
        start: start.clone(),
        end: end.clone(),
    })
}

/// A member in alert asks for more time: granted when the rules allow it.
#[server(endpoint = "shifts/my-extension", input = JsonOrForm)]
pub async fn my_extension() -> Result<StatusReport, AppError> {
    let granted = async {
        let (s, v) = authorize(ANYONE)?;
        let id = own_member(&v)?;
        Ok::<_, AppError>(status::grant_extension(&s, &v, id).await?)
    };
    answer_form(granted.await, "/my/requests", |r| Done::Extended {
        until: r.date_that_matters,
    })
}
