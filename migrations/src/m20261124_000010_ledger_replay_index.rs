//! The ledger's index by member and date also holds the delta, so replaying every member's
//! ledger at once (`status::recompute_all`, summed per member and day) reads the index alone,
//! in order, without touching the table. It replaces the index by member and date, which it
//! covers.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CounterEvents {
    Table,
    MemberId,
    Date,
    Delta,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("idx_counter_events_replay")
                .table(CounterEvents::Table)
                .col(CounterEvents::MemberId)
                .col(CounterEvents::Date)
                .col(CounterEvents::Delta)
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name("idx_counter_events_member")
                .table(CounterEvents::Table)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("idx_counter_events_member")
                .table(CounterEvents::Table)
                .col(CounterEvents::MemberId)
                .col(CounterEvents::Date)
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name("idx_counter_events_replay")
                .table(CounterEvents::Table)
                .to_owned(),
        )
        .await
    }
}
