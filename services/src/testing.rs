//! Fresh databases for tests: each test gets its own SQLite file or PostgreSQL database.
//!
//! PostgreSQL is found at `DATABASE_URL` (when it names PostgreSQL) or the local default
//! `postgres://postgres@127.0.0.1:5432/postgres`. When it is unreachable the PostgreSQL tests
//! say so and pass, except on CI (`CI` set), where they fail: CI must test both databases.

use crate::{db, Config, Services};
use sea_orm::{ConnectionTrait, Database};
use std::future::Future;
use std::sync::Arc;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The server URL of the PostgreSQL used by tests, without a database name.
pub fn postgres_admin_url() -> String {
    std::env::var("DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres"))
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let server = match base.rfind('/') {
        Some(i) if base[..i].contains("://") && i > base.find("://").unwrap_or(0) + 2 => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    }
}

/// A URL of a new, empty database, or `None` when PostgreSQL is unreachable off CI.
pub async fn fresh_url(backend: Backend) -> Option<String> {
    let name = format!("ruche_test_{}", Uuid::new_v4().simple());
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join("ruche-tests");
            std::fs::create_dir_all(&dir).expect("temp dir");
            Some(format!(
                "sqlite://{}?mode=rwc",
                dir.join(format!("{name}.db")).display()
            ))
        }
        Backend::Postgres => {
            let admin = postgres_admin_url();
            match Database::connect(&admin).await {
                Ok(conn) => {
                    conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                        .await
                        .expect("create a test database");
                    conn.close().await.ok();
                    Some(with_database(&admin, &name))
                }
                Err(e) if std::env::var_os("CI").is_some() => {
                    panic!("PostgreSQL is required on CI but unreachable at {admin}: {e}")
                }
                Err(e) => {
                    eprintln!(
                        "PostgreSQL unreachable at {admin} ({e}): skipping this PostgreSQL test"
                    );
                    None
                }
            }
        }
    }
}

/// Services on a new, migrated, empty database.
pub async fn fresh(backend: Backend) -> Option<Services> {
    let url = fresh_url(backend).await?;
    let db = db::connect(&url).await.expect("connect and migrate");
    Some(Services {
        db,
        config: Arc::new(Config::for_tests(&url)),
    })
}

/// An admin account (boss@example.be) to act as in tests.
pub async fn admin(s: &Services) -> domain::Viewer {
    use domain::{Language, Role};
    let id = crate::accounts::create_user(
        &s.db,
        "boss@example.be",
        "Boss",
        Language::En,
        None,
        None,
        &[Role::Admin],
    )
    .await
    .expect("create the test admin");
    domain::Viewer {
        user_id: id,
        display_name: "Boss".into(),
        email: "boss@example.be".into(),
        roles: vec![Role::Admin],
        language: Language::En,
        member_id: None,
    }
}

/// A member added by `a` for a test: `name` is their first name (their last name is Test)
/// and, in lower case, their email at example.be; `regime` is regular, flexible or exempt,
/// `language` fr, nl or en; they joined on `join`.
pub async fn member(
    s: &Services,
    a: &domain::Viewer,
    name: &str,
    regime: &str,
    language: &str,
    join: chrono::NaiveDate,
) -> Uuid {
    crate::members::create(
        s,
        a,
        &domain::member::MemberForm {
            member_number: String::new(),
            first_name: name.into(),
            last_name: "Test".into(),
            email: format!("{}@example.be", name.to_lowercase()),
            phone: String::new(),
            language: language.into(),
            join_date: join.to_string(),
            work_regime: regime.into(),
        },
    )
    .await
    .expect("create the test member")
    .id
}

/// Runs a test body on fresh services of `backend`.
pub async fn run<F, Fut>(backend: Backend, body: F)
where
    F: FnOnce(Services) -> Fut,
    Fut: Future<Output = ()>,
{
    if let Some(s) = fresh(backend).await {
        body(s).await;
    }
}

/// Declares each listed `async fn name(s: Services)` as two tests, `sqlite::name` and
/// `postgres::name`, each on its own fresh database.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    $crate::testing::run($crate::testing::Backend::Sqlite, super::$name).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    $crate::testing::run($crate::testing::Backend::Postgres, super::$name).await;
                }
            )*
        }
    };
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_names_replace_the_path() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            with_database("postgres://u:p@h/db?sslmode=disable", "t1"),
            "postgres://u:p@h/t1?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://u@h:5432", "t1"),
            "postgres://u@h:5432/t1"
        );
    }
}
