//! Group commit: writers' work shares one transaction on SQLite, and each writer still gets
//! its own answer, only once its work is committed; a failing piece of work is undone alone.

use services::error::{Error, Result};
use services::{db, group_commit, on_both_databases, settings, Services};
use std::time::{Duration, Instant};

const COUNTER: &str = "group_commit_test";

/// Takes the next number of the test counter, through group commit.
async fn bump(s: &Services) -> Result<i64> {
    group_commit::write(&s.db, |tx| {
        Box::pin(async move { Ok(settings::next(tx, COUNTER).await?) })
    })
    .await
}

/// Takes the next number, then fails: nothing of it may stay.
async fn bump_then_fail(s: &Services) -> Result<i64> {
    group_commit::write(&s.db, |tx| {
        Box::pin(async move {
            settings::next(tx, COUNTER).await?;
            Err::<i64, _>(Error::NotFound)
        })
    })
    .await
}

/// The counter's value now, read outside any batch.
async fn counter_now(s: &Services) -> i64 {
    let tx = db::write_tx(&s.db).await.unwrap();
    let next = settings::next(&tx, COUNTER).await.unwrap();
    tx.rollback().await.unwrap();
    next - 1
}

async fn every_writer_gets_its_own_committed_number(s: Services) {
    let tasks: Vec<_> = (0..64)
        .map(|_| {
            let s = s.clone();
            tokio::spawn(async move { bump(&s).await })
        })
        .collect();
    let mut numbers = Vec::new();
    for t in tasks {
        numbers.push(t.await.unwrap().expect("a committed bump"));
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=64).collect::<Vec<_>>());
    assert_eq!(counter_now(&s).await, 64);
}

async fn a_failing_piece_of_work_is_undone_alone(s: Services) {
    let tasks: Vec<_> = (0..45)
        .map(|i| {
            let s = s.clone();
            tokio::spawn(async move {
                if i % 3 == 0 {
                    bump_then_fail(&s).await
                } else {
                    bump(&s).await
                }
            })
        })
        .collect();
    let mut numbers = Vec::new();
    let mut refused = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(n) => numbers.push(n),
            Err(Error::NotFound) => refused += 1,
            Err(e) => panic!("unexpected error {e:?}"),
        }
    }
    assert_eq!(refused, 15);
    numbers.sort_unstable();
    // The failed bumps left no gap: each was rolled back before the next piece of work ran.
    assert_eq!(numbers, (1..=30).collect::<Vec<_>>());
    assert_eq!(counter_now(&s).await, 30);
}

on_both_databases!(
    every_writer_gets_its_own_committed_number,
    a_failing_piece_of_work_is_undone_alone,
);

/// Work queued while another writer holds the turn goes in one transaction, and no caller is
/// answered before that transaction commits.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn work_queued_behind_a_writer_is_committed_in_one_transaction() {
    let Some(s) = services::testing::fresh(services::testing::Backend::Sqlite).await else {
        return;
    };
    // The counter exists before the test: its first use would write outside the batch.
    assert_eq!(bump(&s).await.unwrap(), 1);
    let before = group_commit::batches(&s.db);
    let held = db::write_tx(&s.db).await.unwrap();
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let s = s.clone();
            tokio::spawn(async move { bump(&s).await })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(10);
    while group_commit::queued(&s.db) < 20 {
        assert!(Instant::now() < deadline, "the 20 writers never queued");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(
        tasks.iter().all(|t| !t.is_finished()),
        "nobody is answered while another writer holds the turn"
    );
    held.commit().await.unwrap();
    let mut numbers = Vec::new();
    for t in tasks {
        numbers.push(t.await.unwrap().unwrap());
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (2..=21).collect::<Vec<_>>());
    let after = group_commit::batches(&s.db);
    assert_eq!(after.transactions - before.transactions, 1);
    assert_eq!(after.work - before.work, 20);
}

/// When SQLite ends the shared transaction by itself (it does on a full disk or an I/O
/// error; here a piece of work rolls it back and fails), nothing of the batch stands: every
/// writer of the batch gets an error, and no piece of work runs outside a transaction.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_whose_transaction_ends_fails_as_a_whole() {
    let Some(s) = services::testing::fresh(services::testing::Backend::Sqlite).await else {
        return;
    };
    assert_eq!(bump(&s).await.unwrap(), 1);
    let held = db::write_tx(&s.db).await.unwrap();
    let tasks: Vec<_> = (0..9)
        .map(|i| {
            let s = s.clone();
            tokio::spawn(async move {
                if i == 4 {
                    group_commit::write(&s.db, |tx| {
                        Box::pin(async move {
                            use sea_orm::ConnectionTrait;
                            settings::next(tx, COUNTER).await?;
                            tx.execute_unprepared("ROLLBACK").await?;
                            Err::<i64, _>(Error::NotFound)
                        })
                    })
                    .await
                } else {
                    bump(&s).await
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(10);
    while group_commit::queued(&s.db) < 9 {
        assert!(Instant::now() < deadline, "the 9 writers never queued");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    held.commit().await.unwrap();
    for t in tasks {
        assert!(
            t.await.unwrap().is_err(),
            "no writer of the batch is told it committed"
        );
    }
    assert_eq!(counter_now(&s).await, 1);
    // The next writers go on as usual.
    assert_eq!(bump(&s).await.unwrap(), 2);
}
