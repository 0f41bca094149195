//! Inventory counts (see `domain::stock::count` for how counters' lines merge).
//!
//! - `counts`: numbered from 1 (the `count_number` counter), a title, a location (text, may
//!   be empty), `open`, `validated` or `cancelled`, who opened it and when, who validated or
//!   cancelled it and when.
//! - `count_categories`: the categories a count covers; none means every product.
//! - `count_lines`: one row per count, product and counter, which the counter sets (a resend
//!   sets the same figure again): the quantity counted in milli-units, never negative, when it
//!   was set, and the product's expected quantity (its quantity on hand) with when it was
//!   taken: once per product and count, when the product's first line arrived, copied to the
//!   lines that follow.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Counts {
    Table,
    Id,
    Number,
    Title,
    Location,
    Status,
    CreatedBy,
    CreatedAtMs,
    ClosedBy,
    ClosedAtMs,
}

#[derive(DeriveIden)]
enum CountCategories {
    Table,
    CountId,
    CategoryId,
}

#[derive(DeriveIden)]
enum CountLines {
    Table,
    CountId,
    ProductId,
    CounterId,
    CountedMilli,
    ExpectedMilli,
    ExpectedAtMs,
    AtMs,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Counts::Table)
                .col(pk_uuid(Counts::Id))
                .col(big_integer_uniq(Counts::Number))
                .col(text(Counts::Title))
                .col(text(Counts::Location).default(""))
                .col(string(Counts::Status))
                .col(uuid(Counts::CreatedBy))
                .col(big_integer(Counts::CreatedAtMs))
                .col(uuid_null(Counts::ClosedBy))
                .col(big_integer_null(Counts::ClosedAtMs))
                .foreign_key(
                    ForeignKey::create()
                        .from(Counts::Table, Counts::CreatedBy)
                        .to(Users::Table, Users::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Counts::Table, Counts::ClosedBy)
                        .to(Users::Table, Users::Id),
                )
                .check(Expr::col(Counts::Status).is_in(["open", "validated", "cancelled"]))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CountCategories::Table)
                .col(uuid(CountCategories::CountId))
                .col(uuid(CountCategories::CategoryId))
                .primary_key(
                    Index::create()
                        .col(CountCategories::CountId)
                        .col(CountCategories::CategoryId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CountCategories::Table, CountCategories::CountId)
                        .to(Counts::Table, Counts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CountCategories::Table, CountCategories::CategoryId)
                        .to(Categories::Table, Categories::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CountLines::Table)
                .col(uuid(CountLines::CountId))
                .col(uuid(CountLines::ProductId))
                .col(uuid(CountLines::CounterId))
                .col(big_integer(CountLines::CountedMilli))
                .col(big_integer(CountLines::ExpectedMilli))
                .col(big_integer(CountLines::ExpectedAtMs))
                .col(big_integer(CountLines::AtMs))
                // One line per counter and product: the merge's unit, and what a resend sets.
                .primary_key(
                    Index::create()
                        .col(CountLines::CountId)
                        .col(CountLines::ProductId)
                        .col(CountLines::CounterId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CountLines::Table, CountLines::CountId)
                        .to(Counts::Table, Counts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CountLines::Table, CountLines::ProductId)
                        .to(Products::Table, Products::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CountLines::Table, CountLines::CounterId)
                        .to(Users::Table, Users::Id),
                )
                .check(Expr::col(CountLines::CountedMilli).gte(0))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            CountLines::Table.into_iden(),
            CountCategories::Table.into_iden(),
            Counts::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
