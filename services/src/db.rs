//! Connecting to SQLite or PostgreSQL, migrating, and starting write transactions.
//!
//! SQLite takes one writer at a time. Writers of this process wait their turn in a fair
//! (first come, first served) queue per database file before they begin, rather than all
//! polling SQLite's busy handler, whose growing sleeps made a few unlucky writers wait far
//! longer than the others. The busy timeout stays for writers of other processes sharing the
//! file (two servers, or the command line). The writer holding the turn writes through a
//! connection of its own, outside the pool, so that it never waits for a connection behind
//! the readers queued on the pool.

use domain::search::fold;
use migrations::{Migrator, MigratorTrait};
use sea_orm::sea_query::{Expr, SelectStatement};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sea_orm::{
    ColumnTrait, Condition, ConnectOptions, ConnectionTrait, Database, DatabaseConnection,
    DatabaseTransaction, DbBackend, DbErr, ExecResult, QueryResult, SqliteTransactionMode,
    SqlxSqliteConnector, Statement, TransactionOptions, TransactionTrait,
};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;
use tokio::sync::{Mutex as Queue, OwnedMutexGuard};

/// How long a writer waits for its turn, in this process (the queue) and behind other
/// processes (SQLite's busy timeout), before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

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
    // SQLite: 4 readers (each connection is a thread of its own, beside the writer's): with 8,
    // the readers' threads crowded the writer's off the two cores of the development machine
    // often enough to double the sales' p99 now and then (`tillbench`, docs/performance.md).
    opts.sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(10))
        .max_connections(if url.starts_with("sqlite") { 4 } else { 20 });
    if url.starts_with("sqlite") {
        use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
        let synchronous = match std::env::var("RUCHE_SQLITE_SYNCHRONOUS").as_deref() {
            Ok("full") => SqliteSynchronous::Full,
            _ => SqliteSynchronous::Normal,
        };
        opts.map_sqlx_sqlite_opts(move |o| {
            // WAL: readers never wait for the writer. `synchronous = NORMAL` in WAL mode syncs
            // the log to disk at checkpoints rather than at every commit: a commit survives the
            // process crashing (kill -9), and the file never corrupts, but an OS crash or a
            // power cut may lose the last commits before the checkpoint.
            // `RUCHE_SQLITE_SYNCHRONOUS=full` syncs every commit (one disk flush each, which
            // caps writes at the disk's flushes per second).
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(synchronous)
                .busy_timeout(BUSY_TIMEOUT)
                .foreign_keys(true)
                .create_if_missing(true)
                // 32 MiB of page cache per connection instead of 2 MiB, and reads through a
                // memory map of up to 1 GiB instead of a read() call per page.
                .pragma("cache_size", "-32768")
                .pragma("mmap_size", "1073741824")
                // Sorting and grouping that need scratch space do it in memory.
                .pragma("temp_store", "memory")
        });
        // A connection to a local file does not drop out: pinging it before every statement
        // (sqlx's default) cost a round trip to its thread each time.
        opts.test_before_acquire(false);
        opts.map_sqlx_sqlite_pool_opts(|p| {
            p.after_connect(|conn, _| Box::pin(async move { stable_plans(conn).await }))
        });
    }
    let db = Database::connect(opts).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// Turns on SQLite's query planner stability guarantee (QPSG) for a new connection: a
/// statement's plan no longer depends on the values bound to its parameters. Without it,
/// every statement with a `LIMIT ?` (each `.one()`) or a `state = ?` that might match a
/// partial index is planned afresh at each run, which took a good part of the time of a
/// page's queries. The plans ruche relies on use plain indexes (see the migration
/// `bookings_by_shift`).
async fn stable_plans(
    conn: &mut sea_orm::sqlx::SqliteConnection,
) -> Result<(), sea_orm::sqlx::Error> {
    use libsqlite3_sys::{sqlite3_db_config, SQLITE_DBCONFIG_ENABLE_QPSG, SQLITE_OK};
    use std::ffi::c_int;
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: `db` is this connection's open handle, locked away from its worker thread while
    // `handle` lives; the option takes an int (1: on) and an optional int pointer (none).
    let rc = unsafe {
        sqlite3_db_config(
            db,
            SQLITE_DBCONFIG_ENABLE_QPSG,
            1 as c_int,
            std::ptr::null_mut::<c_int>(),
        )
    };
    if rc != SQLITE_OK {
        return Err(sea_orm::sqlx::Error::Protocol(format!(
            "SQLite refused the query planner stability guarantee ({rc})"
        )));
    }
    Ok(())
}

/// A write transaction: on SQLite it also holds this process's turn to write, given back
/// when it commits, rolls back or is dropped. Use it wherever a connection is expected.
pub struct WriteTx {
    // Declared first, so dropped first: the transaction ends before the turn is given back.
    tx: DatabaseTransaction,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), DbErr> {
        self.tx.commit().await
    }

    pub async fn rollback(self) -> Result<(), DbErr> {
        self.tx.rollback().await
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for WriteTx {
    fn get_database_backend(&self) -> DbBackend {
        self.tx.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.tx.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.tx.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.tx.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.tx.query_all_raw(stmt).await
    }
}

/// The queue of this process's writers of each SQLite file.
static QUEUES: LazyLock<Mutex<HashMap<PathBuf, Arc<Queue<()>>>>> = LazyLock::new(Default::default);

pub(crate) fn queue_of(db: &DatabaseConnection) -> Arc<Queue<()>> {
    let file = db
        .get_sqlite_connection_pool()
        .connect_options()
        .get_filename()
        .to_path_buf();
    let mut queues = QUEUES.lock().unwrap_or_else(|e| e.into_inner());
    queues.entry(file).or_default().clone()
}

/// The connection this process writes a SQLite file with, opened with the same options as
/// `db`'s pool but outside it: only the writer holding the turn uses it, so it never waits for
/// a connection behind the readers queued on the pool (a rush's sign-in lookups and reads).
struct Writer {
    /// The options of the pool it was opened for: another pool on the same file (a database
    /// connected again) gets a writer of its own.
    of: Arc<SqliteConnectOptions>,
    db: DatabaseConnection,
}

/// The writer of each SQLite file of this process.
static WRITERS: LazyLock<Mutex<HashMap<PathBuf, Writer>>> = LazyLock::new(Default::default);

/// The connection that the holder of the turn to write `db`'s SQLite file writes with (opened
/// at its first use).
fn writer_of(db: &DatabaseConnection) -> DatabaseConnection {
    let options = db.get_sqlite_connection_pool().connect_options();
    let mut writers = WRITERS.lock().unwrap_or_else(|e| e.into_inner());
    let file = options.get_filename().to_path_buf();
    if let Some(w) = writers.get(&file).filter(|w| Arc::ptr_eq(&w.of, &options)) {
        return w.db.clone();
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .test_before_acquire(false)
        .acquire_timeout(BUSY_TIMEOUT)
        .after_connect(|conn, _| Box::pin(async move { stable_plans(conn).await }))
        .connect_lazy_with((*options).clone());
    let writer = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
    writers.insert(
        file,
        Writer {
            of: options,
            db: writer.clone(),
        },
    );
    writer
}

/// Begins the write transaction of the holder of the turn to write `db`'s SQLite file, on the
/// file's writer connection, taking the write lock at once (`BEGIN IMMEDIATE`).
pub(crate) async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    writer_of(db)
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await
}

/// Starts a transaction that will write. On SQLite it first waits its turn behind this
/// process's other writers, then takes the write lock at once (`BEGIN IMMEDIATE`) on the
/// file's writer connection, so writers never fail midway, are served in the order they came
/// and never wait for a connection of the pool.
///
/// Errors: the database's, or `Custom` when the turn did not come within 10 seconds.
pub async fn write_tx(db: &DatabaseConnection) -> Result<WriteTx, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(WriteTx {
            tx: db.begin().await?,
            _turn: None,
        });
    }
    let turn = tokio::time::timeout(BUSY_TIMEOUT, queue_of(db).lock_owned())
        .await
        .map_err(|_| DbErr::Custom("the database stayed busy: no turn to write".into()))?;
    let tx = begin_write(db).await?;
    Ok(WriteTx {
        tx,
        _turn: Some(turn),
    })
}

/// Runs writing statements in order, inside the caller's transaction. On SQLite they go to
/// the connection's thread as one call (the thread runs them one after the other): each call
/// costs a round trip between threads, more than a small insert itself. On PostgreSQL, whose
/// protocol takes one statement with parameters at a time, they run one by one.
pub(crate) async fn execute_all(
    db: &impl ConnectionTrait,
    statements: Vec<Statement>,
) -> Result<(), DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite || statements.len() < 2 {
        for statement in statements {
            db.execute_raw(statement).await?;
        }
        return Ok(());
    }
    db.execute_raw(joined(statements)).await?;
    Ok(())
}

/// Runs statements in order, inside the caller's transaction, and returns the rows they
/// give, all together: on SQLite in one call (see [`execute_all`]), on PostgreSQL one by one.
/// On SQLite the statements after one that fails do not run, and those before it stay done:
/// the caller undoes them (a savepoint of its own).
pub(crate) async fn query_all(
    db: &impl ConnectionTrait,
    statements: Vec<Statement>,
) -> Result<Vec<QueryResult>, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite || statements.len() < 2 {
        let mut rows = Vec::new();
        for statement in statements {
            rows.extend(db.query_all_raw(statement).await?);
        }
        return Ok(rows);
    }
    db.query_all_raw(joined(statements)).await
}

/// Statements joined into one, for SQLite: their SQL one after the other, their values in
/// order (SQLite's `?` take them across the statements).
fn joined(statements: Vec<Statement>) -> Statement {
    let mut sql = String::new();
    let mut values = Vec::new();
    for statement in statements {
        sql.push_str(&statement.sql);
        sql.push_str(";\n");
        values.extend(statement.values.map(|v| v.0).unwrap_or_default());
    }
    Statement::from_sql_and_values(DbBackend::Sqlite, sql, values)
}

/// The column [`select_all`] adds to each statement to tell their rows apart.
const PART: &str = "ruche_part";

/// Runs selects one after the other and returns each one's rows. On SQLite they go to the
/// connection's thread as one call (see [`execute_all`]), each with a column of its own
/// number added, by which the rows are told apart; on PostgreSQL they run one by one. Inside a
/// transaction, all see its snapshot; outside one, each its own.
pub(crate) async fn select_all(
    db: &impl ConnectionTrait,
    selects: Vec<SelectStatement>,
) -> Result<Vec<Vec<QueryResult>>, DbErr> {
    let backend = db.get_database_backend();
    let mut parts: Vec<Vec<QueryResult>> = selects.iter().map(|_| Vec::new()).collect();
    if backend != DbBackend::Sqlite || selects.len() < 2 {
        for (select, part) in selects.iter().zip(parts.iter_mut()) {
            *part = db.query_all_raw(backend.build(select)).await?;
        }
        return Ok(parts);
    }
    let statements = selects
        .into_iter()
        .enumerate()
        .map(|(i, mut select)| {
            let part = i64::try_from(i).unwrap_or(i64::MAX);
            backend.build(select.expr_as(Expr::val(part), PART))
        })
        .collect();
    let rows = db.query_all_raw(joined(statements)).await?;
    for row in rows {
        let part: i64 = row.try_get("", PART)?;
        let slot = usize::try_from(part)
            .ok()
            .and_then(|i| parts.get_mut(i))
            .ok_or_else(|| DbErr::Custom(format!("a row of no select ({part})")))?;
        slot.push(row);
    }
    Ok(parts)
}

/// The longest word a search looks for: no searchable text (names, emails, cards) has a
/// longer one, and SQLite refuses a LIKE pattern past 50,000 bytes.
pub const SEARCH_WORD_MAX: usize = 256;

/// Every word of `query` (folded, the first six, without LIKE wildcards) is in `column`, a
/// column of folded text: a search that ignores case and accents. A word longer than
/// [`SEARCH_WORD_MAX`] matches nothing.
pub(crate) fn words_in(column: impl ColumnTrait, query: &str) -> Condition {
    let mut cond = Condition::all();
    for term in fold(query).split_whitespace().take(6) {
        let term: String = term
            .chars()
            .filter(|c| *c != '%' && *c != '_' && *c != '\\')
            .collect();
        if term.chars().count() > SEARCH_WORD_MAX {
            cond = cond.add(Expr::cust("1 = 0"));
        } else if !term.is_empty() {
            cond = cond.add(column.contains(term));
        }
    }
    cond
}

#[cfg(test)]
mod tests {
    use super::{query_all, select_all};
    use crate::entities::settings;
    use crate::Services;
    use sea_orm::{
        ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QueryTrait, Statement, TransactionTrait,
    };

    fn keys(keys: &[&str]) -> sea_orm::sea_query::SelectStatement {
        settings::Entity::find()
            .filter(settings::Column::Key.is_in(keys.iter().map(|k| k.to_string())))
            .order_by_asc(settings::Column::Key)
            .into_query()
    }

    /// Each select gets its own rows back, in its own order, an empty one too.
    async fn selects_in_one_call_keep_their_rows_apart(s: Services) {
        for (k, v) in [("t_a", "1"), ("t_b", "2"), ("t_c", "3")] {
            crate::settings::set(&s.db, k, v).await.unwrap();
        }
        let read = s.db.begin().await.unwrap();
        let parts = select_all(
            &read,
            vec![keys(&["t_c", "t_a"]), keys(&["t_none"]), keys(&["t_b"])],
        )
        .await
        .unwrap();
        read.commit().await.unwrap();
        let got: Vec<Vec<(String, String)>> = parts
            .iter()
            .map(|rows| {
                rows.iter()
                    .map(|r| {
                        (
                            r.try_get("", "key").unwrap(),
                            r.try_get("", "value").unwrap(),
                        )
                    })
                    .collect()
            })
            .collect();
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(
            got,
            vec![
                vec![pair("t_a", "1"), pair("t_c", "3")],
                vec![],
                vec![pair("t_b", "2")]
            ]
        );
    }

    /// Statements run in order and give back the rows of those that select; a failing one
    /// stops the call with its error.
    async fn statements_in_one_call_run_in_order(s: Services) {
        let backend = s.db.get_database_backend();
        let sql = |sql: &str| Statement::from_string(backend, sql.to_string());
        let tx = s.db.begin().await.unwrap();
        let rows = query_all(
            &tx,
            vec![
                sql("INSERT INTO settings (key, value) VALUES ('t_x', '7')"),
                sql("UPDATE settings SET value = '8' WHERE key = 't_x'"),
                sql("SELECT value FROM settings WHERE key = 't_x'"),
            ],
        )
        .await
        .unwrap();
        let values: Vec<String> = rows
            .iter()
            .map(|r| r.try_get("", "value").unwrap())
            .collect();
        assert_eq!(values, vec!["8".to_string()]);
        let failed = query_all(
            &tx,
            vec![
                sql("SELECT value FROM settings WHERE key = 't_x'"),
                sql("INSERT INTO settings (key, value) VALUES ('t_x', '9')"),
            ],
        )
        .await;
        assert!(failed.is_err(), "a taken key is refused");
        tx.rollback().await.unwrap();
    }

    crate::on_both_databases!(
        selects_in_one_call_keep_their_rows_apart,
        statements_in_one_call_run_in_order
    );
}
