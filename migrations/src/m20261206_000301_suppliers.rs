//! Suppliers and what they sell, the coop's margins, what a shelf label says and what a stock
//! move is worth.
//!
//! - `suppliers`: name, contact, order email, minimum order (cents, excluding VAT) and lead
//!   time in days; an optional margin (basis points) that overrides the category's.
//! - `supplier_products`: a product as one supplier sells it: the supplier's code, the pack
//!   size (milli-units of the product's unit), the cost of one pack excluding VAT (cents, as
//!   the supplier invoices it) and whether it is the product's preferred supplier (at most one
//!   per product). A cost price exists only with a supplier.
//! - `categories.margin_bp`, `products.margin_bp`: the margin of a category and of a product;
//!   the product's wins over its preferred supplier's, which wins over its category's, which
//!   wins over the coop's (the `margin_bp` setting).
//! - `products.origin`, `organic`, `local`, `content_milli` with `content_unit`: what a shelf
//!   label shows beside the name and the price; a piece holding 500 g has `content_milli`
//!   500 and `content_unit` `kg`, so the label shows the price per kilogram.
//! - `stock_moves.value_cents`: what a reception, an adjustment or a loss is worth at the
//!   day's cost, when the product has one.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Suppliers {
    Table,
    Id,
    Name,
    Contact,
    OrderEmail,
    MinOrderCents,
    LeadDays,
    MarginBp,
    Active,
    CreatedAtMs,
    UpdatedAtMs,
}

#[derive(DeriveIden)]
enum SupplierProducts {
    Table,
    SupplierId,
    ProductId,
    Code,
    PackMilli,
    PackCostCents,
    Preferred,
    UpdatedAtMs,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
    MarginBp,
    Origin,
    Organic,
    Local,
    ContentMilli,
    ContentUnit,
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    MarginBp,
}

#[derive(DeriveIden)]
enum StockMoves {
    Table,
    ValueCents,
}

/// One column added (SQLite adds one column per statement).
fn add(table: impl IntoIden, column: &mut ColumnDef) -> TableAlterStatement {
    Table::alter()
        .table(table)
        .add_column(column.to_owned())
        .to_owned()
}

fn drop(table: impl IntoIden, column: impl IntoIden) -> TableAlterStatement {
    Table::alter().table(table).drop_column(column).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Suppliers::Table)
                .col(pk_uuid(Suppliers::Id))
                .col(string_uniq(Suppliers::Name))
                .col(text(Suppliers::Contact).default(""))
                .col(text(Suppliers::OrderEmail).default(""))
                .col(big_integer(Suppliers::MinOrderCents).default(0))
                .col(integer(Suppliers::LeadDays).default(0))
                .col(integer_null(Suppliers::MarginBp))
                .col(boolean(Suppliers::Active).default(true))
                .col(big_integer(Suppliers::CreatedAtMs))
                .col(big_integer(Suppliers::UpdatedAtMs))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SupplierProducts::Table)
                .col(uuid(SupplierProducts::SupplierId))
                .col(uuid(SupplierProducts::ProductId))
                .col(text(SupplierProducts::Code).default(""))
                .col(big_integer(SupplierProducts::PackMilli))
                .col(big_integer(SupplierProducts::PackCostCents))
                .col(boolean(SupplierProducts::Preferred).default(false))
                .col(big_integer(SupplierProducts::UpdatedAtMs))
                .primary_key(
                    Index::create()
                        .col(SupplierProducts::SupplierId)
                        .col(SupplierProducts::ProductId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplierProducts::Table, SupplierProducts::SupplierId)
                        .to(Suppliers::Table, Suppliers::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplierProducts::Table, SupplierProducts::ProductId)
                        .to(Products::Table, Products::Id),
                )
                .check(Expr::col(SupplierProducts::PackMilli).gt(0))
                .check(Expr::col(SupplierProducts::PackCostCents).gte(0))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_supplier_products_product")
                .table(SupplierProducts::Table)
                .col(SupplierProducts::ProductId)
                .to_owned(),
        )
        .await?;
        // One preferred supplier per product at most.
        m.create_index(
            Index::create()
                .name("idx_supplier_products_preferred")
                .table(SupplierProducts::Table)
                .col(SupplierProducts::ProductId)
                .unique()
                .and_where(Expr::col(SupplierProducts::Preferred).eq(true))
                .to_owned(),
        )
        .await?;
        m.alter_table(add(
            Categories::Table,
            &mut integer_null(Categories::MarginBp),
        ))
        .await?;
        m.alter_table(add(Products::Table, &mut integer_null(Products::MarginBp)))
            .await?;
        m.alter_table(add(Products::Table, text(Products::Origin).default("")))
            .await?;
        m.alter_table(add(
            Products::Table,
            boolean(Products::Organic).default(false),
        ))
        .await?;
        m.alter_table(add(
            Products::Table,
            boolean(Products::Local).default(false),
        ))
        .await?;
        m.alter_table(add(
            Products::Table,
            &mut big_integer_null(Products::ContentMilli),
        ))
        .await?;
        m.alter_table(add(
            Products::Table,
            &mut string_null(Products::ContentUnit),
        ))
        .await?;
        m.alter_table(add(
            StockMoves::Table,
            &mut big_integer_null(StockMoves::ValueCents),
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(drop(StockMoves::Table, StockMoves::ValueCents))
            .await?;
        for column in [
            Products::ContentUnit,
            Products::ContentMilli,
            Products::Local,
            Products::Organic,
            Products::Origin,
            Products::MarginBp,
        ] {
            m.alter_table(drop(Products::Table, column)).await?;
        }
        m.alter_table(drop(Categories::Table, Categories::MarginBp))
            .await?;
        m.drop_table(Table::drop().table(SupplierProducts::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Suppliers::Table).to_owned())
            .await
    }
}
