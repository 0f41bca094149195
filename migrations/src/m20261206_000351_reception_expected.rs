//! What each reception expected of its order, kept when it is validated.
//!
//! - `reception_expected`: per validated reception of an order and product of that order, the
//!   quantity the order still expected before this reception (ordered less what earlier
//!   receptions brought), in milli-units. A reception read later shows what it expected then,
//!   whatever later receptions of the same order brought.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ReceptionExpected {
    Table,
    ReceptionId,
    ProductId,
    ExpectedMilli,
}

#[derive(DeriveIden)]
enum Receptions {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ReceptionExpected::Table)
                .col(uuid(ReceptionExpected::ReceptionId))
                .col(uuid(ReceptionExpected::ProductId))
                .col(big_integer(ReceptionExpected::ExpectedMilli))
                .primary_key(
                    Index::create()
                        .col(ReceptionExpected::ReceptionId)
                        .col(ReceptionExpected::ProductId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ReceptionExpected::Table, ReceptionExpected::ReceptionId)
                        .to(Receptions::Table, Receptions::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ReceptionExpected::Table, ReceptionExpected::ProductId)
                        .to(Products::Table, Products::Id),
                )
                .check(Expr::col(ReceptionExpected::ExpectedMilli).gte(0))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ReceptionExpected::Table).to_owned())
            .await
    }
}
