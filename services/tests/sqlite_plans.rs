//! SQLite's query plans, on a fresh SQLite file: statements are planned once, whatever the
//! values bound to them (the query planner stability guarantee that `services::db` turns on),
//! and an index serves counting a shift's booked seats without the partial index of booked
//! seats, which needs the bound value.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QuerySelect, QueryTrait,
    Statement,
};
use services::entities::shift_bookings;
use services::testing::{fresh, Backend};
use uuid::Uuid;

async fn plan(db: &impl ConnectionTrait, stmt: Statement) -> Result<Vec<String>, sea_orm::DbErr> {
    let explain = Statement {
        sql: format!("EXPLAIN QUERY PLAN {}", stmt.sql),
        ..stmt
    };
    Ok(db
        .query_all_raw(explain)
        .await?
        .iter()
        .map(|row| row.try_get::<String>("", "detail").expect("a plan line"))
        .collect())
}

#[tokio::test]
async fn statements_are_planned_once_and_an_index_counts_booked_seats() {
    let s = fresh(Backend::Sqlite).await.expect("a SQLite database");
    let booked = shift_bookings::Entity::find()
        .select_only()
        .column(shift_bookings::Column::Id)
        .filter(shift_bookings::Column::ShiftId.eq(Uuid::now_v7()))
        .filter(shift_bookings::Column::State.eq("booked"))
        .build(DbBackend::Sqlite);

    // A plan that depends on a bound value (the partial index of booked seats matches only
    // `state = 'booked'`) is refused: plans do not look at bound values.
    let forced = Statement {
        sql: booked.sql.replace(
            "FROM \"shift_bookings\"",
            "FROM \"shift_bookings\" INDEXED BY idx_shift_bookings_one_seat",
        ),
        ..booked.clone()
    };
    assert_ne!(forced.sql, booked.sql);
    let refused = plan(&s.db, forced).await.unwrap_err().to_string();
    assert!(refused.contains("no query solution"), "{refused}");

    // The index by shift serves the count of a shift's booked seats, whatever is bound.
    let by_shift = Statement {
        sql: booked.sql.replace(
            "FROM \"shift_bookings\"",
            "FROM \"shift_bookings\" INDEXED BY idx_shift_bookings_shift",
        ),
        ..booked
    };
    let lines = plan(&s.db, by_shift).await.unwrap();
    assert_eq!(
        lines,
        ["SEARCH shift_bookings USING INDEX idx_shift_bookings_shift (shift_id=? AND state=?)"]
    );
}
