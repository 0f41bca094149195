//! Coop-wide settings that staff can change (card prefix, household size, ...), with defaults
//! for a new coop, and the counters that hand out member and card numbers.

use crate::entities::{counters, settings};
use domain::card::CardPrefix;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Statement};

pub const CARD_PREFIX: &str = "card_prefix";
pub const HOUSEHOLD_MAX: &str = "household_max";
pub const COOP_NAME: &str = "coop_name";

pub async fn get(db: &impl ConnectionTrait, key: &str) -> Result<Option<String>, DbErr> {
    Ok(settings::Entity::find_by_id(key.to_string())
        .one(db)
        .await?
        .map(|s| s.value))
}

pub async fn card_prefix(db: &impl ConnectionTrait) -> Result<CardPrefix, DbErr> {
    Ok(get(db, CARD_PREFIX)
        .await?
        .and_then(|p| CardPrefix::parse(&p).ok())
        .unwrap_or_default())
}

pub async fn household_max(db: &impl ConnectionTrait) -> Result<usize, DbErr> {
    Ok(get(db, HOUSEHOLD_MAX)
        .await?
        .and_then(|v| v.parse().ok())
        .unwrap_or(domain::member::DEFAULT_HOUSEHOLD_MAX))
}

pub async fn coop_name(db: &impl ConnectionTrait) -> Result<String, DbErr> {
    Ok(get(db, COOP_NAME).await?.unwrap_or_else(|| "Ruche".into()))
}

pub async fn set(db: &impl ConnectionTrait, key: &str, value: &str) -> Result<(), DbErr> {
    use sea_orm::sea_query::OnConflict;
    settings::Entity::insert(settings::ActiveModel {
        key: sea_orm::Set(key.to_string()),
        value: sea_orm::Set(value.to_string()),
    })
    .on_conflict(
        OnConflict::column(settings::Column::Key)
            .update_column(settings::Column::Value)
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

/// Takes the next value of a counter, inside the caller's transaction, so two requests never
/// get the same number.
pub async fn next(db: &impl ConnectionTrait, name: &str) -> Result<i64, DbErr> {
    let backend = db.get_database_backend();
    let bump = Statement::from_sql_and_values(
        backend,
        counter_sql(
            backend,
            "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value",
        ),
        [name.into()],
    );
    if let Some(row) = db.query_one_raw(bump.clone()).await? {
        return row.try_get("", "value");
    }
    // First use: create the counter at zero (another transaction may be creating it at the
    // same moment: then this waits for it and does nothing), and bump it.
    counters::Entity::insert(counters::ActiveModel {
        name: sea_orm::Set(name.to_string()),
        value: sea_orm::Set(0),
    })
    .on_conflict_do_nothing_on([counters::Column::Name])
    .exec_without_returning(db)
    .await?;
    db.query_one_raw(bump)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(name.to_string()))?
        .try_get("", "value")
}

/// Raises a counter to at least `value` (after a number was given explicitly, by an import).
pub async fn raise_to(db: &impl ConnectionTrait, name: &str, value: i64) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let res = db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            counter_sql(backend, "UPDATE counters SET value = CASE WHEN value < ? THEN ? ELSE value END WHERE name = ?"),
            [value.into(), value.into(), name.into()],
        ))
        .await?;
    if res.rows_affected() == 0 {
        counters::Entity::insert(counters::ActiveModel {
            name: sea_orm::Set(name.to_string()),
            value: sea_orm::Set(value),
        })
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Writes `?` placeholders as `$1, $2, ...` for PostgreSQL.
pub(crate) fn counter_sql(backend: sea_orm::DbBackend, sql: &str) -> String {
    if backend != sea_orm::DbBackend::Postgres {
        return sql.to_string();
    }
    let mut out = String::new();
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push_str(&format!("${n}"));
        } else {
            out.push(c);
        }
    }
    out
}
