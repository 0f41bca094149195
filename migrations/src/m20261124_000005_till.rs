//! The till and the stock ledger: categories, VAT rates (data: 0, 6, 12 and 21 %), products
//! with their barcodes and a catalogue version for "changes since", the barcode nomenclature,
//! stock moves, tills and their drawer sessions (one open per till), sales with their lines,
//! VAT lines and payments, cash moves, overrides, and returns.
//!
//! Money is integer cents, quantities integer milli-units of the product's unit, VAT rates
//! basis points (600 is 6 %). A sale's id is made by the till that rang it up, so a sale sent
//! twice is recorded once.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Members {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
    Name,
    CreatedAtMs,
}

#[derive(DeriveIden)]
enum VatRates {
    Table,
    BasisPoints,
    Active,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
    Name,
    CategoryId,
    Unit,
    PriceCents,
    VatBp,
    DepositCents,
    DepositVatBp,
    MealVoucher,
    Active,
    SearchText,
    Version,
    CreatedAtMs,
    UpdatedAtMs,
}

#[derive(DeriveIden)]
enum ProductBarcodes {
    Table,
    Barcode,
    ProductId,
}

#[derive(DeriveIden)]
enum BarcodeRules {
    Table,
    Position,
    Kind,
    Pattern,
    Length,
    ValueStart,
    ValueLen,
}

#[derive(DeriveIden)]
enum StockMoves {
    Table,
    Id,
    ProductId,
    QuantityMilli,
    Kind,
    Reason,
    ReferenceId,
    AtMs,
    CreatedBy,
}

#[derive(DeriveIden)]
enum Tills {
    Table,
    Id,
    Name,
    CreatedAtMs,
}

#[derive(DeriveIden)]
enum DrawerSessions {
    Table,
    Id,
    TillId,
    OpenedBy,
    OpenedAtMs,
    FloatCents,
    FloatJson,
    ClosedBy,
    ClosedAtMs,
    CountedCents,
    CountedJson,
    ExpectedCents,
}

#[derive(DeriveIden)]
enum Sales {
    Table,
    Id,
    ReceiptNumber,
    SessionId,
    TillId,
    CashierId,
    MemberId,
    SoldAtMs,
    RecordedAtMs,
    TotalCents,
    DiscountCents,
    CashCents,
    CardCents,
    MealVoucherCents,
    ChangeCents,
    RoundingCents,
    OverrideId,
    ContentHash,
}

#[derive(DeriveIden)]
enum SaleLines {
    Table,
    Id,
    SaleId,
    LineNo,
    ProductId,
    Name,
    Kind,
    QuantityMilli,
    UnitPriceCents,
    LabelPriceCents,
    DiscountBp,
    GrossCents,
    DiscountCents,
    GoodsCents,
    DepositCents,
    TotalCents,
    VatBp,
    DepositVatBp,
    MealVoucher,
}

#[derive(DeriveIden)]
enum SaleVatLines {
    Table,
    SaleId,
    VatBp,
    GrossCents,
    NetCents,
    VatCents,
}

#[derive(DeriveIden)]
enum Payments {
    Table,
    Id,
    SaleId,
    Tender,
    AmountCents,
}

#[derive(DeriveIden)]
enum CashMoves {
    Table,
    Id,
    SessionId,
    AmountCents,
    Reason,
    CreatedBy,
    AtMs,
}

#[derive(DeriveIden)]
enum Overrides {
    Table,
    Id,
    AtMs,
    SupervisorId,
    CashierId,
    MemberId,
    Status,
    Reason,
    SaleId,
}

#[derive(DeriveIden)]
enum Returns {
    Table,
    Id,
    SaleId,
    SessionId,
    CashierId,
    Tender,
    RefundCents,
    RoundingCents,
    AtMs,
    ContentHash,
}

#[derive(DeriveIden)]
enum ReturnLines {
    Table,
    Id,
    ReturnId,
    SaleLineId,
    QuantityMilli,
    RefundCents,
    Restock,
    LossReason,
}

/// A foreign key from `table.column` to `target.id`-like `target_column`.
fn refers(
    table: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
    target: (impl IntoIden + 'static, impl IntoIden + 'static),
) -> ForeignKeyCreateStatement {
    let mut fk = ForeignKey::create();
    fk.from(table, column).to(target.0, target.1);
    fk
}

/// An index named `idx_<table>_<what>` on the given columns.
fn index_on(name: &str, table: impl IntoIden + 'static) -> IndexCreateStatement {
    let mut idx = Index::create();
    idx.name(format!("idx_{name}")).table(table);
    idx
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Categories::Table)
                .col(pk_uuid(Categories::Id))
                .col(string_uniq(Categories::Name))
                .col(big_integer(Categories::CreatedAtMs))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(VatRates::Table)
                .col(integer(VatRates::BasisPoints).primary_key())
                .col(boolean(VatRates::Active).default(true))
                .to_owned(),
        )
        .await?;
        let mut rates = Query::insert();
        rates
            .into_table(VatRates::Table)
            .columns([VatRates::BasisPoints, VatRates::Active]);
        for bp in [0, 600, 1200, 2100] {
            rates.values_panic([bp.into(), true.into()]);
        }
        m.exec_stmt(rates).await?;
        m.create_table(
            Table::create()
                .table(Products::Table)
                .col(pk_uuid(Products::Id))
                .col(string(Products::Name))
                .col(uuid_null(Products::CategoryId))
                .col(string(Products::Unit))
                .col(big_integer(Products::PriceCents))
                .col(integer(Products::VatBp))
                .col(big_integer(Products::DepositCents).default(0))
                .col(integer(Products::DepositVatBp).default(0))
                .col(boolean(Products::MealVoucher))
                .col(boolean(Products::Active))
                .col(string(Products::SearchText))
                // The catalogue version of the product's last change: a till asks for every
                // product with a version above the one it has.
                .col(big_integer(Products::Version))
                .col(big_integer(Products::CreatedAtMs))
                .col(big_integer(Products::UpdatedAtMs))
                .foreign_key(&mut refers(
                    Products::Table,
                    Products::CategoryId,
                    (Categories::Table, Categories::Id),
                ))
                .foreign_key(&mut refers(
                    Products::Table,
                    Products::VatBp,
                    (VatRates::Table, VatRates::BasisPoints),
                ))
                .foreign_key(&mut refers(
                    Products::Table,
                    Products::DepositVatBp,
                    (VatRates::Table, VatRates::BasisPoints),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index_on("products_version", Products::Table)
                .col(Products::Version)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ProductBarcodes::Table)
                .col(string(ProductBarcodes::Barcode).primary_key())
                .col(uuid(ProductBarcodes::ProductId))
                .foreign_key(&mut refers(
                    ProductBarcodes::Table,
                    ProductBarcodes::ProductId,
                    (Products::Table, Products::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index_on("product_barcodes_product", ProductBarcodes::Table)
                .col(ProductBarcodes::ProductId)
                .to_owned(),
        )
        .await?;
        // The nomenclature, in the order its rules are tried; empty means the defaults.
        m.create_table(
            Table::create()
                .table(BarcodeRules::Table)
                .col(integer(BarcodeRules::Position).primary_key())
                .col(string(BarcodeRules::Kind))
                .col(string(BarcodeRules::Pattern))
                .col(integer_null(BarcodeRules::Length))
                .col(integer_null(BarcodeRules::ValueStart))
                .col(integer_null(BarcodeRules::ValueLen))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(StockMoves::Table)
                .col(pk_uuid(StockMoves::Id))
                .col(uuid(StockMoves::ProductId))
                .col(big_integer(StockMoves::QuantityMilli))
                .col(string(StockMoves::Kind))
                .col(string_null(StockMoves::Reason))
                .col(uuid_null(StockMoves::ReferenceId))
                .col(big_integer(StockMoves::AtMs))
                .col(uuid_null(StockMoves::CreatedBy))
                .foreign_key(&mut refers(
                    StockMoves::Table,
                    StockMoves::ProductId,
                    (Products::Table, Products::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index_on("stock_moves_product", StockMoves::Table)
                .col(StockMoves::ProductId)
                .col(StockMoves::AtMs)
                .to_owned(),
        )
        .await?;
        // A sale line or a return line moves stock once of each kind.
        m.create_index(
            index_on("stock_moves_reference", StockMoves::Table)
                .col(StockMoves::ReferenceId)
                .col(StockMoves::Kind)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Tills::Table)
                .col(pk_uuid(Tills::Id))
                .col(string_uniq(Tills::Name))
                .col(big_integer(Tills::CreatedAtMs))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DrawerSessions::Table)
                .col(pk_uuid(DrawerSessions::Id))
                .col(uuid(DrawerSessions::TillId))
                .col(uuid(DrawerSessions::OpenedBy))
                .col(big_integer(DrawerSessions::OpenedAtMs))
                .col(big_integer(DrawerSessions::FloatCents))
                .col(text(DrawerSessions::FloatJson))
                .col(uuid_null(DrawerSessions::ClosedBy))
                .col(big_integer_null(DrawerSessions::ClosedAtMs))
                .col(big_integer_null(DrawerSessions::CountedCents))
                .col(text_null(DrawerSessions::CountedJson))
                .col(big_integer_null(DrawerSessions::ExpectedCents))
                .foreign_key(&mut refers(
                    DrawerSessions::Table,
                    DrawerSessions::TillId,
                    (Tills::Table, Tills::Id),
                ))
                .to_owned(),
        )
        .await?;
        // One open session per till: the index covers open sessions only.
        m.create_index(
            index_on("drawer_sessions_one_open", DrawerSessions::Table)
                .col(DrawerSessions::TillId)
                .unique()
                .and_where(Expr::col(DrawerSessions::ClosedAtMs).is_null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Overrides::Table)
                .col(pk_uuid(Overrides::Id))
                .col(big_integer(Overrides::AtMs))
                .col(uuid(Overrides::SupervisorId))
                .col(uuid(Overrides::CashierId))
                .col(uuid(Overrides::MemberId))
                .col(string(Overrides::Status))
                .col(text(Overrides::Reason))
                .col(uuid_null(Overrides::SaleId))
                .foreign_key(&mut refers(
                    Overrides::Table,
                    Overrides::MemberId,
                    (Members::Table, Members::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Sales::Table)
                .col(pk_uuid(Sales::Id))
                .col(big_integer_uniq(Sales::ReceiptNumber))
                .col(uuid(Sales::SessionId))
                .col(uuid(Sales::TillId))
                .col(uuid(Sales::CashierId))
                .col(uuid(Sales::MemberId))
                .col(big_integer(Sales::SoldAtMs))
                .col(big_integer(Sales::RecordedAtMs))
                .col(big_integer(Sales::TotalCents))
                .col(big_integer(Sales::DiscountCents))
                .col(big_integer(Sales::CashCents))
                .col(big_integer(Sales::CardCents))
                .col(big_integer(Sales::MealVoucherCents))
                .col(big_integer(Sales::ChangeCents))
                .col(big_integer(Sales::RoundingCents))
                .col(uuid_null(Sales::OverrideId))
                // What the till sent, hashed: the same id with other content is a conflict.
                .col(string(Sales::ContentHash))
                .foreign_key(&mut refers(
                    Sales::Table,
                    Sales::SessionId,
                    (DrawerSessions::Table, DrawerSessions::Id),
                ))
                .foreign_key(&mut refers(
                    Sales::Table,
                    Sales::TillId,
                    (Tills::Table, Tills::Id),
                ))
                .foreign_key(&mut refers(
                    Sales::Table,
                    Sales::MemberId,
                    (Members::Table, Members::Id),
                ))
                .foreign_key(&mut refers(
                    Sales::Table,
                    Sales::OverrideId,
                    (Overrides::Table, Overrides::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index_on("sales_session", Sales::Table)
                .col(Sales::SessionId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SaleLines::Table)
                .col(pk_uuid(SaleLines::Id))
                .col(uuid(SaleLines::SaleId))
                .col(integer(SaleLines::LineNo))
                .col(uuid(SaleLines::ProductId))
                .col(string(SaleLines::Name))
                .col(string(SaleLines::Kind))
                .col(big_integer(SaleLines::QuantityMilli))
                .col(big_integer(SaleLines::UnitPriceCents))
                .col(big_integer_null(SaleLines::LabelPriceCents))
                // Hundredths of a percent: 1250 is 12.5 %.
                .col(integer(SaleLines::DiscountBp))
                .col(big_integer(SaleLines::GrossCents))
                .col(big_integer(SaleLines::DiscountCents))
                .col(big_integer(SaleLines::GoodsCents))
                .col(big_integer(SaleLines::DepositCents))
                .col(big_integer(SaleLines::TotalCents))
                .col(integer(SaleLines::VatBp))
                .col(integer(SaleLines::DepositVatBp))
                .col(boolean(SaleLines::MealVoucher))
                .foreign_key(&mut refers(
                    SaleLines::Table,
                    SaleLines::SaleId,
                    (Sales::Table, Sales::Id),
                ))
                .foreign_key(&mut refers(
                    SaleLines::Table,
                    SaleLines::ProductId,
                    (Products::Table, Products::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index_on("sale_lines_number", SaleLines::Table)
                .col(SaleLines::SaleId)
                .col(SaleLines::LineNo)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SaleVatLines::Table)
                .col(uuid(SaleVatLines::SaleId))
                .col(integer(SaleVatLines::VatBp))
                .col(big_integer(SaleVatLines::GrossCents))
                .col(big_integer(SaleVatLines::NetCents))
                .col(big_integer(SaleVatLines::VatCents))
                .primary_key(
                    Index::create()
                        .col(SaleVatLines::SaleId)
                        .col(SaleVatLines::VatBp),
                )
                .foreign_key(&mut refers(
                    SaleVatLines::Table,
                    SaleVatLines::SaleId,
                    (Sales::Table, Sales::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Payments::Table)
                .col(pk_uuid(Payments::Id))
                .col(uuid(Payments::SaleId))
                .col(string(Payments::Tender))
                .col(big_integer(Payments::AmountCents))
                .foreign_key(&mut refers(
                    Payments::Table,
                    Payments::SaleId,
                    (Sales::Table, Sales::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index_on("payments_sale", Payments::Table)
                .col(Payments::SaleId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CashMoves::Table)
                .col(pk_uuid(CashMoves::Id))
                .col(uuid(CashMoves::SessionId))
                // Positive into the drawer, negative out of it.
                .col(big_integer(CashMoves::AmountCents))
                .col(text(CashMoves::Reason))
                .col(uuid(CashMoves::CreatedBy))
                .col(big_integer(CashMoves::AtMs))
                .foreign_key(&mut refers(
                    CashMoves::Table,
                    CashMoves::SessionId,
                    (DrawerSessions::Table, DrawerSessions::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Returns::Table)
                .col(pk_uuid(Returns::Id))
                .col(uuid(Returns::SaleId))
                .col(uuid(Returns::SessionId))
                .col(uuid(Returns::CashierId))
                .col(string(Returns::Tender))
                .col(big_integer(Returns::RefundCents))
                .col(big_integer(Returns::RoundingCents))
                .col(big_integer(Returns::AtMs))
                .col(string(Returns::ContentHash))
                .foreign_key(&mut refers(
                    Returns::Table,
                    Returns::SaleId,
                    (Sales::Table, Sales::Id),
                ))
                .foreign_key(&mut refers(
                    Returns::Table,
                    Returns::SessionId,
                    (DrawerSessions::Table, DrawerSessions::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index_on("returns_sale", Returns::Table)
                .col(Returns::SaleId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ReturnLines::Table)
                .col(pk_uuid(ReturnLines::Id))
                .col(uuid(ReturnLines::ReturnId))
                .col(uuid(ReturnLines::SaleLineId))
                .col(big_integer(ReturnLines::QuantityMilli))
                .col(big_integer(ReturnLines::RefundCents))
                .col(boolean(ReturnLines::Restock))
                .col(string_null(ReturnLines::LossReason))
                .foreign_key(&mut refers(
                    ReturnLines::Table,
                    ReturnLines::ReturnId,
                    (Returns::Table, Returns::Id),
                ))
                .foreign_key(&mut refers(
                    ReturnLines::Table,
                    ReturnLines::SaleLineId,
                    (SaleLines::Table, SaleLines::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index_on("return_lines_sale_line", ReturnLines::Table)
                .col(ReturnLines::SaleLineId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            ReturnLines::Table.into_iden(),
            Returns::Table.into_iden(),
            CashMoves::Table.into_iden(),
            Payments::Table.into_iden(),
            SaleVatLines::Table.into_iden(),
            SaleLines::Table.into_iden(),
            Sales::Table.into_iden(),
            Overrides::Table.into_iden(),
            DrawerSessions::Table.into_iden(),
            Tills::Table.into_iden(),
            StockMoves::Table.into_iden(),
            BarcodeRules::Table.into_iden(),
            ProductBarcodes::Table.into_iden(),
            Products::Table.into_iden(),
            VatRates::Table.into_iden(),
            Categories::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
