//! Templates can be retired: from that date on they generate no shift, their seats are free
//! and their shifts ahead are cancelled. The row stays, because past shifts point to it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ShiftTemplates {
    Table,
    RetiredOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(ShiftTemplates::Table)
                .add_column(date_null(ShiftTemplates::RetiredOn))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(ShiftTemplates::Table)
                .drop_column(ShiftTemplates::RetiredOn)
                .to_owned(),
        )
        .await
    }
}
