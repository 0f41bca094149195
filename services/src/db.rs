//! Connecting to SQLite or PostgreSQL, migrating, and starting write transactions.

use domain::search::fold;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectOptions, Database, DatabaseConnection, DatabaseTransaction,
    DbBackend, DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use std::time::Duration;

/// Connects and runs every pending migration. A SQLite file's folder is created if missing.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let file = path.split('?').next().unwrap_or("");
        if let Some(dir) = std::path::Path::new(file).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", dir.display())))?;
            }
        }
    }
    let mut opts = ConnectOptions::new(url);
    opts.sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(10))
        .max_connections(if url.starts_with("sqlite") { 8 } else { 20 });
    if url.starts_with("sqlite") {
        opts.map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Full)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                .create_if_missing(true)
        });
    }
    let db = Database::connect(opts).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// Starts a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so concurrent writers wait their turn instead of failing midway.
pub async fn write_tx(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    if db.get_database_backend() == DbBackend::Sqlite {
        db.begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await
    } else {
        db.begin().await
    }
}

/// Every word of `query` (folded, the first six, without LIKE wildcards) is in `column`, a
/// column of folded text: a search that ignores case and accents.
pub(crate) fn words_in(column: impl ColumnTrait, query: &str) -> Condition {
    let mut cond = Condition::all();
    for term in fold(query).split_whitespace().take(6) {
        let term: String = term
            .chars()
            .filter(|c| *c != '%' && *c != '_' && *c != '\\')
            .collect();
        if !term.is_empty() {
            cond = cond.add(column.contains(term));
        }
    }
    cond
}
