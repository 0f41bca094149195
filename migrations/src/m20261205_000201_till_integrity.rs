//! The till's integrity: what the server needs to hold a till to its own catalogue, its own
//! drawer session and its own refunds.
//!
//! - `products`: the price before the last change, when it changed (the server's clock) and
//!   at which catalogue version, so a sale rung up before a till fetched the change can be
//!   told from a made-up price.
//! - `drawer_sessions.device_hash`: the SHA-256 of the secret of the browser that opened the
//!   session; only that browser, with the cashier who opened it, may sell into it.
//! - `return_approvals`: a supervisor's approval of a return the cashier may not make alone
//!   (another tender than the sale's, or above the coop's limit), taken once by that return;
//!   `returns.approved_by` names the supervisor.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Products {
    Table,
    PreviousPriceCents,
    PriceChangedAtMs,
    PriceVersion,
}

#[derive(DeriveIden)]
enum DrawerSessions {
    Table,
    DeviceHash,
}

#[derive(DeriveIden)]
enum Returns {
    Table,
    Id,
    ApprovedBy,
}

#[derive(DeriveIden)]
enum Sales {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ReturnApprovals {
    Table,
    Id,
    AtMs,
    SupervisorId,
    CashierId,
    SaleId,
    Reason,
    ReturnId,
}

/// One column added (SQLite adds one column per statement).
fn add(table: impl IntoIden, column: ColumnDef) -> TableAlterStatement {
    Table::alter().table(table).add_column(column).to_owned()
}

fn drop(table: impl IntoIden, column: impl IntoIden) -> TableAlterStatement {
    Table::alter().table(table).drop_column(column).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(add(
            Products::Table,
            big_integer_null(Products::PreviousPriceCents),
        ))
        .await?;
        m.alter_table(add(
            Products::Table,
            big_integer_null(Products::PriceChangedAtMs),
        ))
        .await?;
        m.alter_table(add(
            Products::Table,
            big_integer_null(Products::PriceVersion),
        ))
        .await?;
        m.alter_table(add(
            DrawerSessions::Table,
            string_null(DrawerSessions::DeviceHash),
        ))
        .await?;
        m.alter_table(add(Returns::Table, uuid_null(Returns::ApprovedBy)))
            .await?;
        m.create_table(
            Table::create()
                .table(ReturnApprovals::Table)
                .col(pk_uuid(ReturnApprovals::Id))
                .col(big_integer(ReturnApprovals::AtMs))
                .col(uuid(ReturnApprovals::SupervisorId))
                .col(uuid(ReturnApprovals::CashierId))
                .col(uuid(ReturnApprovals::SaleId))
                .col(text(ReturnApprovals::Reason))
                .col(uuid_null(ReturnApprovals::ReturnId).unique_key())
                .foreign_key(
                    ForeignKey::create()
                        .from(ReturnApprovals::Table, ReturnApprovals::SaleId)
                        .to(Sales::Table, Sales::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ReturnApprovals::Table, ReturnApprovals::ReturnId)
                        .to(Returns::Table, Returns::Id),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ReturnApprovals::Table).to_owned())
            .await?;
        m.alter_table(drop(Returns::Table, Returns::ApprovedBy))
            .await?;
        m.alter_table(drop(DrawerSessions::Table, DrawerSessions::DeviceHash))
            .await?;
        for column in [
            Products::PriceVersion,
            Products::PriceChangedAtMs,
            Products::PreviousPriceCents,
        ] {
            m.alter_table(drop(Products::Table, column)).await?;
        }
        Ok(())
    }
}
