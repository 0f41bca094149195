//! Group commit: many small writes of this process share one SQLite transaction.
//!
//! SQLite takes one writer at a time, so on a busy till or a booking rush writers queue for
//! their turn (see [`crate::db`]). Each write still paid a whole transaction of its own: its
//! `BEGIN IMMEDIATE`, its commit and the pages it wrote to the log. With [`write`], a writer
//! puts its work in a queue and waits for the turn; the writer that gets the turn takes every
//! piece of work queued by then and runs them one after the other in a single transaction (on
//! the file's writer connection, see [`crate::db`]), each inside a savepoint of its own, and
//! commits once. Each caller gets its own result only after that commit: an acknowledged write
//! is a committed one.
//!
//! A piece of work alone in its batch runs in the transaction itself, without a savepoint.
//! A piece of work that fails is rolled back to its savepoint and its caller gets the error;
//! the others are not affected. Work that changes nothing when it fails ([`write_one`]: a
//! booking, one statement; a sale, which rolls back a savepoint of its own) needs none. If the
//! commit itself fails, or SQLite ends the transaction by itself after a failed statement (a
//! full disk, an I/O error), every caller of the batch gets an error and nothing of the batch
//! is written. The batch runs in a task of its own, so a caller that goes away (a till that hangs
//! up) does not interrupt the others' work.
//!
//! On PostgreSQL, which lets writers of different rows run at once, each piece of work simply
//! runs in its own transaction.

use crate::db::{begin_write, queue_of, BUSY_TIMEOUT};
use crate::error::{Error, Result};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, TransactionTrait,
};
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{LazyLock, Mutex};
use tokio::sync::oneshot;

/// A boxed future borrowing the transaction it writes in.
pub type WorkFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T>> + Send + 'a>>;

type Output = Box<dyn Any + Send>;
type Work = Box<dyn for<'a> FnOnce(&'a DatabaseTransaction) -> WorkFuture<'a, Output> + Send>;

/// A caller's work and where its result goes once the batch is committed.
struct Job {
    work: Work,
    /// Whether the work runs in a savepoint of its own (see [`write_one`]).
    savepoint: bool,
    done: oneshot::Sender<Result<Output>>,
}

/// The work queued by this process's writers of each SQLite file, waiting for the turn.
static PENDING: LazyLock<Mutex<HashMap<PathBuf, Vec<Job>>>> = LazyLock::new(Default::default);

/// How many transactions ran how many pieces of work, per SQLite file, since the process
/// started.
static COUNTS: LazyLock<Mutex<HashMap<PathBuf, Batches>>> = LazyLock::new(Default::default);

/// How many transactions [`write`] committed or tried to, how many pieces of work they
/// carried (`work / transactions` is the mean batch), and how long the writer was busy
/// running them, from its `BEGIN` to its commit: busy time over elapsed time is the share of
/// the time the one writer of the file was working.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Batches {
    pub transactions: u64,
    pub work: u64,
    pub busy_us: u64,
}

/// The batches run so far on `db`'s file (zero on PostgreSQL, where work is not grouped).
pub fn batches(db: &DatabaseConnection) -> Batches {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Batches::default();
    }
    let counts = COUNTS.lock().unwrap_or_else(|e| e.into_inner());
    counts.get(&file_of(db)).copied().unwrap_or_default()
}

/// How many pieces of work wait for the turn on `db`'s file now.
pub fn queued(db: &DatabaseConnection) -> usize {
    if db.get_database_backend() != DbBackend::Sqlite {
        return 0;
    }
    pending().get(&file_of(db)).map_or(0, Vec::len)
}

fn file_of(db: &DatabaseConnection) -> PathBuf {
    db.get_sqlite_connection_pool()
        .connect_options()
        .get_filename()
        .to_path_buf()
}

fn pending() -> std::sync::MutexGuard<'static, HashMap<PathBuf, Vec<Job>>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs `work` in a write transaction, maybe shared with other writers' work (see the module
/// documentation), and returns its result once it is committed. `work` must only write
/// through the transaction it is given, and must not start another write transaction.
///
/// Errors: `work`'s own, the database's, or `Db` when the turn to write did not come in time.
pub async fn write<T, F>(db: &DatabaseConnection, work: F) -> Result<T>
where
    T: Send + 'static,
    F: for<'a> FnOnce(&'a DatabaseTransaction) -> WorkFuture<'a, T> + Send + 'static,
{
    queue(db, work, true).await
}

/// [`write`] for work that changes nothing when it fails, so it runs without a savepoint of
/// its own, which spares two statements in the writer's turn: work that changes the database
/// with one statement at most, its last (it may read before it, and run statements that
/// change nothing; a statement that fails changes nothing, SQLite undoes it), or work that
/// takes a savepoint of its own in the same call as its writes and rolls it back when they
/// fail (a sale, `till::sale`).
pub async fn write_one<T, F>(db: &DatabaseConnection, work: F) -> Result<T>
where
    T: Send + 'static,
    F: for<'a> FnOnce(&'a DatabaseTransaction) -> WorkFuture<'a, T> + Send + 'static,
{
    queue(db, work, false).await
}

/// Queues `work` for the turn to write, in a savepoint of its own or not.
async fn queue<T, F>(db: &DatabaseConnection, work: F, savepoint: bool) -> Result<T>
where
    T: Send + 'static,
    F: for<'a> FnOnce(&'a DatabaseTransaction) -> WorkFuture<'a, T> + Send + 'static,
{
    if db.get_database_backend() != DbBackend::Sqlite {
        let tx = db.begin().await?;
        let out = work(&tx).await?;
        tx.commit().await?;
        return Ok(out);
    }
    let (done, result) = oneshot::channel();
    let work: Work = Box::new(move |tx| {
        let fut = work(tx);
        Box::pin(async move { fut.await.map(|t| Box::new(t) as Output) })
    });
    let file = file_of(db);
    pending().entry(file.clone()).or_default().push(Job {
        work,
        savepoint,
        done,
    });
    let turn = tokio::time::timeout(BUSY_TIMEOUT, queue_of(db).lock_owned())
        .await
        .map_err(|_| DbErr::Custom("the database stayed busy: no turn to write".into()))?;
    let batch = pending().remove(&file).unwrap_or_default();
    if !batch.is_empty() {
        let mut counts = COUNTS.lock().unwrap_or_else(|e| e.into_inner());
        let c = counts.entry(file.clone()).or_default();
        c.transactions += 1;
        c.work += batch.len() as u64;
    }
    if batch.is_empty() {
        // A writer before this one took this work into its batch.
        drop(turn);
    } else {
        let db = db.clone();
        tokio::spawn(async move {
            let started = std::time::Instant::now();
            run(&db, batch).await;
            let busy = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
            drop(turn);
            let mut counts = COUNTS.lock().unwrap_or_else(|e| e.into_inner());
            counts.entry(file).or_default().busy_us += busy;
        });
    }
    let out = result
        .await
        .map_err(|_| DbErr::Custom("the write was interrupted before its commit".into()))??;
    Ok(*out
        .downcast::<T>()
        .expect("a job's result has the type its caller gave"))
}

/// Runs a batch in one transaction on the file's writer connection, a savepoint per job (but
/// those of [`write_one`]), and answers every job.
async fn run(db: &DatabaseConnection, batch: Vec<Job>) {
    let tx = match begin_write(db).await {
        Ok(tx) => tx,
        Err(e) => return fail(batch, &e),
    };
    if batch.len() == 1 {
        // Alone in its transaction: the transaction is the job's own, no savepoint needed.
        let job = batch.into_iter().next().expect("one job");
        let outcome = match (job.work)(&tx).await {
            Ok(out) => tx.commit().await.map(|()| out).map_err(Error::from),
            Err(e) => {
                let _ = tx.rollback().await;
                Err(e)
            }
        };
        let _ = job.done.send(outcome);
        return;
    }
    let mut answers = Vec::with_capacity(batch.len());
    let mut jobs = batch.into_iter();
    while let Some(job) = jobs.next() {
        let outcome = if job.savepoint {
            in_savepoint(&tx, job.work).await
        } else {
            (job.work)(&tx).await
        };
        let failed = outcome.as_ref().err().map(ToString::to_string);
        answers.push((job.done, outcome));
        if let Some(error) = failed {
            if transaction_lost(&tx).await {
                // Nothing of the batch stands: neither the work done before nor the rest.
                let message = format!("the database ended the transaction: {error}");
                let dones = answers.into_iter().map(|(done, _)| done);
                for done in dones.chain(jobs.map(|job| job.done)) {
                    let _ = done.send(Err(DbErr::Custom(message.clone()).into()));
                }
                let _ = tx.rollback().await;
                return;
            }
        }
    }
    match tx.commit().await {
        Ok(()) => {
            for (done, outcome) in answers {
                // The caller may have gone away; its work is committed all the same.
                let _ = done.send(outcome);
            }
        }
        Err(e) => {
            let message = e.to_string();
            for (done, _) in answers {
                let _ = done.send(Err(DbErr::Custom(message.clone()).into()));
            }
        }
    }
}

/// Whether SQLite ended `tx` by itself after a failed statement, as it does on a full disk, an
/// I/O error or a lack of memory: the rest of a batch would then run outside any transaction,
/// each statement committed on its own. `BEGIN` is refused inside a transaction and taken
/// outside one (then rolled back at once); any other answer counts as lost too.
async fn transaction_lost(tx: &DatabaseTransaction) -> bool {
    match tx.execute_unprepared("BEGIN").await {
        Err(e) => !e.to_string().contains("within a transaction"),
        Ok(_) => {
            let _ = tx.execute_unprepared("ROLLBACK").await;
            true
        }
    }
}

/// Runs a job's work in a savepoint of `tx`, rolled back if the work fails.
async fn in_savepoint(tx: &DatabaseTransaction, work: Work) -> Result<Output> {
    let savepoint = tx.begin().await?;
    match work(&savepoint).await {
        Ok(out) => savepoint.commit().await.map(|()| out).map_err(Error::from),
        Err(e) => {
            // A failed rollback to the savepoint leaves the transaction unusable: the commit
            // then fails and tells every job.
            let _ = savepoint.rollback().await;
            Err(e)
        }
    }
}

fn fail(batch: Vec<Job>, e: &DbErr) {
    for job in batch {
        let _ = job.done.send(Err(DbErr::Custom(e.to_string()).into()));
    }
}
