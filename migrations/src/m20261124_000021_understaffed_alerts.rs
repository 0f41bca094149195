//! The shifts coordinators were told were understaffed, and when, so the daily job tells them
//! once per shift.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Shifts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UnderstaffedAlerts {
    Table,
    ShiftId,
    AlertedOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(UnderstaffedAlerts::Table)
                .col(pk_uuid(UnderstaffedAlerts::ShiftId))
                .col(date(UnderstaffedAlerts::AlertedOn))
                .foreign_key(
                    ForeignKey::create()
                        .from(UnderstaffedAlerts::Table, UnderstaffedAlerts::ShiftId)
                        .to(Shifts::Table, Shifts::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(UnderstaffedAlerts::Table).to_owned())
            .await
    }
}
