//! The VAT inside each return's refund, per rate, as `sale_vat_lines` holds a sale's: the Z
//! report subtracts it from the sales' VAT.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ReturnVatLines {
    Table,
    ReturnId,
    VatBp,
    GrossCents,
    NetCents,
    VatCents,
}

#[derive(DeriveIden)]
enum Returns {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ReturnVatLines::Table)
                .col(uuid(ReturnVatLines::ReturnId))
                .col(integer(ReturnVatLines::VatBp))
                .col(big_integer(ReturnVatLines::GrossCents))
                .col(big_integer(ReturnVatLines::NetCents))
                .col(big_integer(ReturnVatLines::VatCents))
                .primary_key(
                    Index::create()
                        .col(ReturnVatLines::ReturnId)
                        .col(ReturnVatLines::VatBp),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ReturnVatLines::Table, ReturnVatLines::ReturnId)
                        .to(Returns::Table, Returns::Id),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ReturnVatLines::Table).to_owned())
            .await
    }
}
