//! Private calendar feeds: one secret token per member, of which only a SHA-256 hash is kept
//! (as for sessions), so a leaked database does not leak anyone's feed address. And an index on
//! shifts' start, so a member's list of open seats reads shifts in order and stops at its limit.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Members {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Shifts {
    Table,
    StartAtMs,
}

#[derive(DeriveIden)]
enum CalendarTokens {
    Table,
    MemberId,
    TokenHash,
    CreatedAtMs,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CalendarTokens::Table)
                .col(pk_uuid(CalendarTokens::MemberId))
                .col(string_uniq(CalendarTokens::TokenHash))
                .col(big_integer(CalendarTokens::CreatedAtMs))
                .foreign_key(
                    ForeignKey::create()
                        .from(CalendarTokens::Table, CalendarTokens::MemberId)
                        .to(Members::Table, Members::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_shifts_start")
                .table(Shifts::Table)
                .col(Shifts::StartAtMs)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("idx_shifts_start")
                .table(Shifts::Table)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(CalendarTokens::Table).to_owned())
            .await
    }
}
