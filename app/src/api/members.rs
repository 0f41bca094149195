//! The member register's server functions.

use crate::error::AppError;
use domain::member::{HouseholdPersonForm, MemberForm};
use domain::register::{ImportOutcome, MemberDetail, MemberFilter, MemberPage};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
#[cfg(feature = "ssr")]
use {super::*, crate::ssr::authorize, services::members};

/// Rows per page of the member list.
pub const PAGE_SIZE: u64 = 50;

#[server(endpoint = "members/search", input = Json)]
pub async fn search_members(
    query: String,
    filter: MemberFilter,
    page: u64,
) -> Result<MemberPage, AppError> {
    let (s, _) = authorize(REGISTER_KEEPERS)?;
    let offset = page_offset(page, PAGE_SIZE)?;
    Ok(members::search(&s.db, &query, filter, PAGE_SIZE, offset).await?)
}

#[server(endpoint = "members/get", input = Json)]
pub async fn get_member(id: Uuid) -> Result<MemberDetail, AppError> {
    let (s, _) = authorize(REGISTER_KEEPERS)?;
    Ok(members::detail(&s.db, id).await?)
}

/// The signed-in person's own member record, if they are a member.
#[server(endpoint = "members/mine", input = Json)]
pub async fn my_member() -> Result<Option<MemberDetail>, AppError> {
    let (s, v) = authorize(ANYONE)?;
    match v.member_id {
        Some(id) => Ok(Some(members::detail(&s.db, id).await?)),
        None => Ok(None),
    }
}

#[server(endpoint = "members/create", input = Json)]
pub async fn create_member(form: MemberForm) -> Result<Uuid, AppError> {
    let (s, v) = authorize(REGISTER_KEEPERS)?;
    Ok(members::create(&s, &v, &form).await?.id)
}

#[server(endpoint = "members/update", input = Json)]
pub async fn update_member(id: Uuid, form: MemberForm) -> Result<MemberDetail, AppError> {
    let (s, v) = authorize(REGISTER_KEEPERS)?;
    Ok(members::update(&s, &v, id, &form).await?)
}

#[server(endpoint = "members/leave", input = Json)]
pub async fn mark_leaver(id: Uuid, date: String, reason: String) -> Result<MemberDetail, AppError> {
    let (s, v) = authorize(REGISTER_KEEPERS)?;
    Ok(members::mark_leaver(&s, &v, id, &date, &reason).await?)
}

#[server(endpoint = "members/household/add", input = Json)]
pub async fn add_household_person(
    id: Uuid,
    person: HouseholdPersonForm,
) -> Result<MemberDetail, AppError> {
    let (s, v) = authorize(REGISTER_KEEPERS)?;
    Ok(members::add_household_person(&s, &v, id, &person).await?)
}

#[server(endpoint = "members/household/remove", input = Json)]
pub async fn remove_household_person(id: Uuid, person_id: Uuid) -> Result<MemberDetail, AppError> {
    let (s, v) = authorize(REGISTER_KEEPERS)?;
    Ok(members::remove_household_person(&s, &v, id, person_id).await?)
}

#[server(endpoint = "members/import", input = Json)]
pub async fn import_members(csv: String) -> Result<ImportOutcome, AppError> {
    let (s, v) = authorize(REGISTER_KEEPERS)?;
    Ok(members::import_csv(&s, &v, &csv).await?)
}
