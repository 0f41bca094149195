//! Indexes for the stock manager's reports and labels, which read a period of the ledger:
//! sales by when they were rung up, returns by when they were taken, moves by kind and date
//! (losses), and products by when their price last changed (labels to print again).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Sales {
    Table,
    SoldAtMs,
}

#[derive(DeriveIden)]
enum Returns {
    Table,
    AtMs,
}

#[derive(DeriveIden)]
enum StockMoves {
    Table,
    Kind,
    AtMs,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    PriceChangedAtMs,
}

/// The indexes: name, table and columns.
fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        Index::create()
            .name("idx_sales_sold_at")
            .table(Sales::Table)
            .col(Sales::SoldAtMs)
            .to_owned(),
        Index::create()
            .name("idx_returns_at")
            .table(Returns::Table)
            .col(Returns::AtMs)
            .to_owned(),
        Index::create()
            .name("idx_stock_moves_kind_at")
            .table(StockMoves::Table)
            .col(StockMoves::Kind)
            .col(StockMoves::AtMs)
            .to_owned(),
        Index::create()
            .name("idx_products_price_changed")
            .table(Products::Table)
            .col(Products::PriceChangedAtMs)
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for index in indexes() {
            m.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table) in [
            ("idx_sales_sold_at", Sales::Table.into_iden()),
            ("idx_returns_at", Returns::Table.into_iden()),
            ("idx_stock_moves_kind_at", StockMoves::Table.into_iden()),
            ("idx_products_price_changed", Products::Table.into_iden()),
        ] {
            m.drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
