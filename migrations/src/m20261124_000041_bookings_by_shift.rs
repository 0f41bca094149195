//! Booked seats counted per shift read an index by shift that holds every booking. The unique
//! index of booked seats (`idx_shift_bookings_one_seat`) is partial (`WHERE state = 'booked'`),
//! and SQLite uses a partial index only when it can compare the query's `state = ?` with the
//! value bound to it, which it does by planning the statement again at each run; ruche turns
//! that off (see `services::db`), so counting seats needs an index of its own.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ShiftBookings {
    Table,
    ShiftId,
    State,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("idx_shift_bookings_shift")
                .table(ShiftBookings::Table)
                .col(ShiftBookings::ShiftId)
                .col(ShiftBookings::State)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("idx_shift_bookings_shift")
                .table(ShiftBookings::Table)
                .to_owned(),
        )
        .await
    }
}
