//! A failed sign-in records the client address it came from, so that failures lock an account
//! for that address only: nobody can lock another person out by failing on purpose.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SignInFailures {
    Table,
    Client,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(SignInFailures::Table)
                .add_column(string(SignInFailures::Client).default(""))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(SignInFailures::Table)
                .drop_column(SignInFailures::Client)
                .to_owned(),
        )
        .await
    }
}
