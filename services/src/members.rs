//! The member register: members, their households and cards, leavers, CSV import and export.
//! Every change is one transaction and is written to the audit log.

use crate::accounts;
use crate::entities::{household_people, members, users};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, mail, now_ms, settings, shares, Services};
use domain::card::{CardError, CardPrefix};
use domain::member::{validate_leaving, HouseholdPersonForm, MemberForm, ValidMember, WorkRegime};
use domain::member_csv::{self, RowError};
use domain::register::{
    HouseholdPerson, ImportOutcome, MemberDetail, MemberFilter, MemberPage, MemberSummary,
};
use domain::search::fold;
use domain::validation::Reason;
use domain::{Language, Role, Viewer};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashSet;
use uuid::Uuid;

fn search_text(m: &members::Model, household: &[household_people::Model]) -> String {
    let mut s = format!(
        "{} {} {} {} {}",
        m.member_number, m.first_name, m.last_name, m.email, m.card_barcode
    );
    for p in household {
        s.push_str(&format!(
            " {} {} {}",
            p.first_name, p.last_name, p.card_barcode
        ));
    }
    fold(&s)
}

pub(crate) async fn refresh_search_text(db: &impl ConnectionTrait, member_id: Uuid) -> Result<()> {
    let m = members::Entity::find_by_id(member_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let household = household_people::Entity::find()
        .filter(household_people::Column::MemberId.eq(member_id))
        .all(db)
        .await?;
    let text = search_text(&m, &household);
    let mut am: members::ActiveModel = m.into();
    am.search_text = Set(text);
    am.update(db).await?;
    Ok(())
}

async fn next_card(db: &impl ConnectionTrait, prefix: CardPrefix) -> Result<(i64, String)> {
    let n = settings::next(db, "card_number").await?;
    let code = prefix.barcode(n as u64).map_err(|e: CardError| {
        Error::invalid(
            "card",
            if matches!(e, CardError::RangeExhausted) {
                Reason::TooLong { max: 999_999_999 }
            } else {
                Reason::Malformed
            },
        )
    })?;
    Ok((n, code))
}

async fn email_taken(
    db: &impl ConnectionTrait,
    email: &str,
    except_member: Option<Uuid>,
) -> Result<bool> {
    let mut q = members::Entity::find().filter(members::Column::Email.eq(email));
    if let Some(id) = except_member {
        q = q.filter(members::Column::Id.ne(id));
    }
    if q.count(db).await? > 0 {
        return Ok(true);
    }
    let mut u = users::Entity::find().filter(users::Column::Email.eq(email));
    if let Some(id) = except_member {
        u = u.filter(
            Condition::any()
                .add(users::Column::MemberId.ne(id))
                .add(users::Column::MemberId.is_null()),
        );
    }
    Ok(u.count(db).await? > 0)
}

async fn number_taken(
    db: &impl ConnectionTrait,
    number: i64,
    except_member: Option<Uuid>,
) -> Result<bool> {
    let mut q = members::Entity::find().filter(members::Column::MemberNumber.eq(number));
    if let Some(id) = except_member {
        q = q.filter(members::Column::Id.ne(id));
    }
    Ok(q.count(db).await? > 0)
}

/// Inserts a checked member with a card and a user account (role member, no password yet:
/// the member sets it through a reset link). Inside the caller's transaction.
pub(crate) async fn insert(
    db: &impl ConnectionTrait,
    m: &ValidMember,
    prefix: CardPrefix,
) -> Result<Uuid> {
    let number = match m.member_number {
        Some(n) => {
            settings::raise_to(db, "member_number", n).await?;
            n
        }
        None => loop {
            let n = settings::next(db, "member_number").await?;
            if !number_taken(db, n, None).await? {
                break n;
            }
        },
    };
    let (card_number, card_barcode) = next_card(db, prefix).await?;
    let id = Uuid::now_v7();
    let now = now_ms();
    let model = members::Model {
        id,
        member_number: number,
        first_name: m.first_name.clone(),
        last_name: m.last_name.clone(),
        email: m.email.clone(),
        phone: m.phone.clone(),
        language: m.language.code().to_string(),
        join_date: m.join_date,
        work_regime: m.work_regime.as_str().to_string(),
        leaving_date: None,
        leaving_reason: None,
        card_number,
        card_barcode,
        search_text: String::new(),
        created_at_ms: now,
        updated_at_ms: now,
    };
    let text = search_text(&model, &[]);
    let mut am: members::ActiveModel = model.into();
    am.search_text = Set(text);
    members::Entity::insert(am)
        .exec_without_returning(db)
        .await?;
    let name = format!("{} {}", m.first_name, m.last_name);
    accounts::create_user(
        db,
        &m.email,
        &name,
        m.language,
        None,
        Some(id),
        &[Role::Member],
    )
    .await?;
    Ok(id)
}

/// Logs a change to a member in the audit log, commits it, and returns the member as it is now.
async fn commit_change(
    s: &Services,
    tx: crate::db::WriteTx,
    actor: &Viewer,
    action: &str,
    id: Uuid,
    what: &str,
) -> Result<MemberDetail> {
    audit::commit(tx, actor, action, &id.to_string(), what).await?;
    detail(&s.db, id).await
}

/// Adds a member to the register.
///
/// Errors: [`Error::Invalid`] listing every broken rule, including an email or member number
/// already in use.
pub async fn create(s: &Services, actor: &Viewer, form: &MemberForm) -> Result<MemberDetail> {
    let m = form.validate().map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    let mut conflicts = Vec::new();
    if email_taken(&tx, &m.email, None).await? {
        conflicts.push(domain::validation::FieldError::new(
            "email",
            Reason::AlreadyTaken,
        ));
    }
    if let Some(n) = m.member_number {
        if number_taken(&tx, n, None).await? {
            conflicts.push(domain::validation::FieldError::new(
                "member_number",
                Reason::AlreadyTaken,
            ));
        }
    }
    if !conflicts.is_empty() {
        return Err(Error::Invalid(conflicts));
    }
    let prefix = settings::card_prefix(&tx).await?;
    let id = insert(&tx, &m, prefix).await?;
    commit_change(s, tx, actor, "member.create", id, &m.email).await
}

/// Changes a member's record; their account's email, name and language follow. A change of
/// email is mailed to the old address (so a takeover does not go unnoticed) and logged with
/// both addresses; only an admin may change the email of an account holding a role beyond
/// member's (else a coordinator could redirect an admin's reset link to themselves).
///
/// Errors: [`Error::NotFound`]; [`Error::Invalid`] listing every broken rule, including an
/// email or number in use, and `StaffEmailAdminsOnly` on `email`. Nothing is written then.
pub async fn update(
    s: &Services,
    actor: &Viewer,
    id: Uuid,
    form: &MemberForm,
) -> Result<MemberDetail> {
    let m = form.validate().map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    let existing = members::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let mut conflicts = Vec::new();
    if email_taken(&tx, &m.email, Some(id)).await? {
        conflicts.push(domain::validation::FieldError::new(
            "email",
            Reason::AlreadyTaken,
        ));
    }
    let number = m.member_number.unwrap_or(existing.member_number);
    if number != existing.member_number && number_taken(&tx, number, Some(id)).await? {
        conflicts.push(domain::validation::FieldError::new(
            "member_number",
            Reason::AlreadyTaken,
        ));
    }
    let old_email = (existing.email != m.email).then(|| existing.email.clone());
    if old_email.is_some() && !actor.roles.contains(&Role::Admin) {
        let staff = accounts::user_for_member(&tx, id)
            .await?
            .is_some_and(|(_, roles)| roles.iter().any(|r| *r != Role::Member));
        if staff {
            conflicts.push(domain::validation::FieldError::new(
                "email",
                Reason::StaffEmailAdminsOnly,
            ));
        }
    }
    if !conflicts.is_empty() {
        return Err(Error::Invalid(conflicts));
    }
    if number != existing.member_number {
        settings::raise_to(&tx, "member_number", number).await?;
    }
    if let Some(old) = &old_email {
        let lang = m.language;
        mail::queue(
            &tx,
            old,
            &i18n::t(lang, "mail-email-changed-subject"),
            &i18n::t_args(
                lang,
                "mail-email-changed-body",
                &[
                    ("name", format!("{} {}", m.first_name, m.last_name)),
                    ("old", old.clone()),
                    ("new", m.email.clone()),
                    ("by", actor.display_name.clone()),
                ],
            ),
        )
        .await?;
        audit::record(
            &tx,
            Some(actor.user_id),
            "account.email",
            &id.to_string(),
            &format!("{old} -> {}", m.email),
        )
        .await?;
    }
    let mut am: members::ActiveModel = existing.into();
    am.member_number = Set(number);
    am.first_name = Set(m.first_name.clone());
    am.last_name = Set(m.last_name.clone());
    am.email = Set(m.email.clone());
    am.phone = Set(m.phone.clone());
    am.language = Set(m.language.code().to_string());
    am.join_date = Set(m.join_date);
    am.work_regime = Set(m.work_regime.as_str().to_string());
    am.updated_at_ms = Set(now_ms());
    am.update(&tx).await?;
    users::Entity::update_many()
        .col_expr(users::Column::Email, Expr::value(m.email.clone()))
        .col_expr(
            users::Column::DisplayName,
            Expr::value(format!("{} {}", m.first_name, m.last_name)),
        )
        .col_expr(users::Column::Language, Expr::value(m.language.code()))
        .filter(users::Column::MemberId.eq(id))
        .exec(&tx)
        .await?;
    refresh_search_text(&tx, id).await?;
    let detail = commit_change(s, tx, actor, "member.update", id, &m.email).await?;
    if old_email.is_some() {
        mail::deliver_soon(s);
    }
    Ok(detail)
}

/// Records that a member left the coop, on a date and for a reason.
pub async fn mark_leaver(
    s: &Services,
    actor: &Viewer,
    id: Uuid,
    date: &str,
    reason: &str,
) -> Result<MemberDetail> {
    let tx = write_tx(&s.db).await?;
    let existing = members::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let (date, reason) =
        validate_leaving(existing.join_date, date, reason).map_err(Error::Invalid)?;
    let mut am: members::ActiveModel = existing.into();
    am.leaving_date = Set(Some(date));
    am.leaving_reason = Set(Some(reason.clone()));
    am.updated_at_ms = Set(now_ms());
    am.update(&tx).await?;
    commit_change(
        s,
        tx,
        actor,
        "member.leave",
        id,
        &format!("{date}: {reason}"),
    )
    .await
}

pub async fn add_household_person(
    s: &Services,
    actor: &Viewer,
    member_id: Uuid,
    form: &HouseholdPersonForm,
) -> Result<MemberDetail> {
    let tx = write_tx(&s.db).await?;
    members::Entity::find_by_id(member_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let already = household_people::Entity::find()
        .filter(household_people::Column::MemberId.eq(member_id))
        .count(&tx)
        .await? as usize;
    let max = settings::household_max(&tx).await?;
    let (first, last) = form.validate(already, max).map_err(Error::Invalid)?;
    let prefix = settings::card_prefix(&tx).await?;
    let (card_number, card_barcode) = next_card(&tx, prefix).await?;
    let id = Uuid::now_v7();
    household_people::ActiveModel {
        id: Set(id),
        member_id: Set(member_id),
        first_name: Set(first.clone()),
        last_name: Set(last.clone()),
        card_number: Set(card_number),
        card_barcode: Set(card_barcode),
        created_at_ms: Set(now_ms()),
    }
    .insert(&tx)
    .await?;
    refresh_search_text(&tx, member_id).await?;
    commit_change(
        s,
        tx,
        actor,
        "household.add",
        member_id,
        &format!("{first} {last}"),
    )
    .await
}

pub async fn remove_household_person(
    s: &Services,
    actor: &Viewer,
    member_id: Uuid,
    person_id: Uuid,
) -> Result<MemberDetail> {
    let tx = write_tx(&s.db).await?;
    let p = household_people::Entity::find_by_id(person_id)
        .one(&tx)
        .await?
        .filter(|p| p.member_id == member_id)
        .ok_or(Error::NotFound)?;
    household_people::Entity::delete_by_id(p.id)
        .exec(&tx)
        .await?;
    refresh_search_text(&tx, member_id).await?;
    commit_change(
        s,
        tx,
        actor,
        "household.remove",
        member_id,
        &format!("{} {} ({})", p.first_name, p.last_name, p.card_barcode),
    )
    .await
}

fn summary(m: members::Model) -> MemberSummary {
    MemberSummary {
        id: m.id,
        member_number: m.member_number,
        first_name: m.first_name,
        last_name: m.last_name,
        email: m.email,
        card_barcode: m.card_barcode,
        work_regime: WorkRegime::parse(&m.work_regime).unwrap_or_default(),
        leaving_date: m.leaving_date,
    }
}

/// Members whose number, names, email or cards (their own or a household person's) contain
/// every word of `query`, ignoring case and accents.
pub(crate) fn matching(query: &str) -> Condition {
    crate::db::words_in(members::Column::SearchText, query)
}

/// Finds members by number, name, email or card (their own or a household person's),
/// ignoring case and accents; every word of the query must match.
pub async fn search(
    db: &impl ConnectionTrait,
    query: &str,
    filter: MemberFilter,
    limit: u64,
    offset: u64,
) -> Result<MemberPage> {
    let mut cond = matching(query);
    match filter {
        MemberFilter::Active => cond = cond.add(members::Column::LeavingDate.is_null()),
        MemberFilter::Leavers => cond = cond.add(members::Column::LeavingDate.is_not_null()),
        MemberFilter::All => {}
    }
    let q = members::Entity::find().filter(cond);
    let total = q.clone().count(db).await?;
    let members = q
        .order_by_asc(members::Column::MemberNumber)
        .limit(limit.min(200))
        .offset(offset)
        .all(db)
        .await?
        .into_iter()
        .map(summary)
        .collect();
    Ok(MemberPage { members, total })
}

/// Everything the register holds about one member.
pub async fn detail(db: &impl ConnectionTrait, id: Uuid) -> Result<MemberDetail> {
    let m = members::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let household = household_people::Entity::find()
        .filter(household_people::Column::MemberId.eq(id))
        .order_by_asc(household_people::Column::CreatedAtMs)
        .all(db)
        .await?
        .into_iter()
        .map(|p| HouseholdPerson {
            id: p.id,
            first_name: p.first_name,
            last_name: p.last_name,
            card_barcode: p.card_barcode,
        })
        .collect();
    let (user_id, roles) = match accounts::user_for_member(db, id).await? {
        Some((u, r)) => (Some(u), r),
        None => (None, vec![]),
    };
    let (holding, share_events) = shares::member_shares(db, id).await?;
    Ok(MemberDetail {
        id: m.id,
        member_number: m.member_number,
        first_name: m.first_name,
        last_name: m.last_name,
        email: m.email,
        phone: m.phone,
        language: Language::parse(&m.language).unwrap_or_default(),
        join_date: m.join_date,
        work_regime: WorkRegime::parse(&m.work_regime).unwrap_or_default(),
        leaving_date: m.leaving_date,
        leaving_reason: m.leaving_reason,
        card_barcode: m.card_barcode,
        household,
        household_max: settings::household_max(db).await?,
        user_id,
        roles,
        holding,
        share_events,
    })
}

/// Imports members from CSV, all or nothing: if any row is bad (in itself, against another
/// row, or against the register), every bad row is reported and nothing is written.
pub async fn import_csv(s: &Services, actor: &Viewer, text: &str) -> Result<ImportOutcome> {
    let rows = member_csv::parse(text).map_err(Error::ImportRefused)?;
    let tx = write_tx(&s.db).await?;
    let emails: HashSet<String> = members::Entity::find()
        .select_only()
        .column(members::Column::Email)
        .into_tuple::<String>()
        .all(&tx)
        .await?
        .into_iter()
        .chain(
            users::Entity::find()
                .select_only()
                .column(users::Column::Email)
                .into_tuple::<String>()
                .all(&tx)
                .await?,
        )
        .collect();
    let numbers: HashSet<i64> = members::Entity::find()
        .select_only()
        .column(members::Column::MemberNumber)
        .into_tuple::<i64>()
        .all(&tx)
        .await?
        .into_iter()
        .collect();
    let mut errors = Vec::new();
    for r in &rows {
        if emails.contains(&r.member.email) {
            errors.push(RowError {
                line: r.line,
                field: "email".into(),
                reason: Reason::AlreadyTaken,
            });
        }
        if r.member.member_number.is_some_and(|n| numbers.contains(&n)) {
            errors.push(RowError {
                line: r.line,
                field: "member_number".into(),
                reason: Reason::AlreadyTaken,
            });
        }
    }
    if !errors.is_empty() {
        return Err(Error::ImportRefused(errors));
    }
    let prefix = settings::card_prefix(&tx).await?;
    // Numbers given in the file are reserved first, so allocated ones never collide with them.
    if let Some(max) = rows.iter().filter_map(|r| r.member.member_number).max() {
        settings::raise_to(&tx, "member_number", max).await?;
    }
    for r in &rows {
        insert(&tx, &r.member, prefix).await?;
    }
    audit::commit(
        tx,
        actor,
        "member.import",
        "",
        &format!("{} members", rows.len()),
    )
    .await?;
    Ok(ImportOutcome {
        created: rows.len(),
        ..ImportOutcome::default()
    })
}

/// The whole register as CSV, in the import format.
pub async fn export_csv(db: &impl ConnectionTrait) -> Result<String> {
    let all: Vec<ValidMember> = members::Entity::find()
        .order_by_asc(members::Column::MemberNumber)
        .all(db)
        .await?
        .into_iter()
        .map(|m| ValidMember {
            member_number: Some(m.member_number),
            first_name: m.first_name,
            last_name: m.last_name,
            email: m.email,
            phone: m.phone,
            language: Language::parse(&m.language).unwrap_or_default(),
            join_date: m.join_date,
            work_regime: WorkRegime::parse(&m.work_regime).unwrap_or_default(),
        })
        .collect();
    Ok(member_csv::write(&all))
}

/// The member id of a member number, for forms that name another member by number.
pub async fn id_of_number(db: &impl ConnectionTrait, number: i64) -> Result<Option<Uuid>> {
    Ok(members::Entity::find()
        .filter(members::Column::MemberNumber.eq(number))
        .one(db)
        .await?
        .map(|m| m.id))
}

/// Used by the share register to name members.
pub(crate) async fn names(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(members::Entity::find()
        .filter(members::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            (
                m.id,
                format!("{} {} ({})", m.first_name, m.last_name, m.member_number),
            )
        })
        .collect())
}
