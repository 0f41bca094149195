//! Purchase orders and receptions.
//!
//! - `purchase_orders`: a number from the `purchase_order` counter, the supplier, the state
//!   (`draft`, `sent`, `partly_received`, `received`, `cancelled`), who made, sent and
//!   cancelled it and when, when it was received in full, and a note.
//! - `purchase_order_lines`: a product (once per order), the supplier's code, the packs ordered
//!   with the pack size and pack cost of the day, and the quantity received so far.
//! - `receptions`: goods received from a supplier, for an order or without one, open until
//!   validated; at most one open reception per order, so two phones starting one at once
//!   share it.
//! - `reception_lines`: a product (once per reception, so a line sent again replaces itself
//!   rather than doubling), the quantity received, the pack cost when it changed, and whether
//!   it is off the order. Its id is the `reference_id` of the reception's stock move, whose
//!   unique index (reference_id, kind) writes it once.
//! - `idx_stock_moves_product_kind` (product, kind, instant, quantity): the suggestions read
//!   each product's sales in a window and its quantity on hand from this index alone.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PurchaseOrders {
    Table,
    Id,
    Number,
    SupplierId,
    State,
    Note,
    CreatedAtMs,
    CreatedBy,
    SentAtMs,
    SentBy,
    ReceivedAtMs,
    CancelledAtMs,
    CancelledBy,
}

#[derive(DeriveIden)]
enum PurchaseOrderLines {
    Table,
    Id,
    OrderId,
    ProductId,
    SupplierCode,
    Packs,
    PackMilli,
    PackCostCents,
    ReceivedMilli,
}

#[derive(DeriveIden)]
enum Receptions {
    Table,
    Id,
    OrderId,
    SupplierId,
    State,
    StartedAtMs,
    StartedBy,
    ValidatedAtMs,
    ValidatedBy,
}

#[derive(DeriveIden)]
enum ReceptionLines {
    Table,
    Id,
    ReceptionId,
    ProductId,
    QuantityMilli,
    PackCostCents,
    OffOrder,
    UpdatedAtMs,
    UpdatedBy,
}

#[derive(DeriveIden)]
enum Suppliers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum StockMoves {
    Table,
    ProductId,
    Kind,
    AtMs,
    QuantityMilli,
}

fn fk(
    from: (impl IntoIden + 'static, impl IntoIden + 'static),
    to: (impl IntoIden + 'static, impl IntoIden + 'static),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(PurchaseOrders::Table)
                .col(pk_uuid(PurchaseOrders::Id))
                .col(big_integer_uniq(PurchaseOrders::Number))
                .col(uuid(PurchaseOrders::SupplierId))
                .col(string(PurchaseOrders::State))
                .col(text(PurchaseOrders::Note).default(""))
                .col(big_integer(PurchaseOrders::CreatedAtMs))
                .col(uuid(PurchaseOrders::CreatedBy))
                .col(big_integer_null(PurchaseOrders::SentAtMs))
                .col(uuid_null(PurchaseOrders::SentBy))
                .col(big_integer_null(PurchaseOrders::ReceivedAtMs))
                .col(big_integer_null(PurchaseOrders::CancelledAtMs))
                .col(uuid_null(PurchaseOrders::CancelledBy))
                .foreign_key(&mut fk(
                    (PurchaseOrders::Table, PurchaseOrders::SupplierId),
                    (Suppliers::Table, Suppliers::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_purchase_orders_state")
                .table(PurchaseOrders::Table)
                .col(PurchaseOrders::State)
                .col(PurchaseOrders::CreatedAtMs)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PurchaseOrderLines::Table)
                .col(pk_uuid(PurchaseOrderLines::Id))
                .col(uuid(PurchaseOrderLines::OrderId))
                .col(uuid(PurchaseOrderLines::ProductId))
                .col(text(PurchaseOrderLines::SupplierCode).default(""))
                .col(big_integer(PurchaseOrderLines::Packs))
                .col(big_integer(PurchaseOrderLines::PackMilli))
                .col(big_integer(PurchaseOrderLines::PackCostCents))
                .col(big_integer(PurchaseOrderLines::ReceivedMilli).default(0))
                .foreign_key(&mut fk(
                    (PurchaseOrderLines::Table, PurchaseOrderLines::OrderId),
                    (PurchaseOrders::Table, PurchaseOrders::Id),
                ))
                .foreign_key(&mut fk(
                    (PurchaseOrderLines::Table, PurchaseOrderLines::ProductId),
                    (Products::Table, Products::Id),
                ))
                .check(Expr::col(PurchaseOrderLines::Packs).gt(0))
                .check(Expr::col(PurchaseOrderLines::PackMilli).gt(0))
                .check(Expr::col(PurchaseOrderLines::PackCostCents).gte(0))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_purchase_order_lines_order_product")
                .table(PurchaseOrderLines::Table)
                .col(PurchaseOrderLines::OrderId)
                .col(PurchaseOrderLines::ProductId)
                .unique()
                .to_owned(),
        )
        .await?;
        // What is on order for a product.
        m.create_index(
            Index::create()
                .name("idx_purchase_order_lines_product")
                .table(PurchaseOrderLines::Table)
                .col(PurchaseOrderLines::ProductId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Receptions::Table)
                .col(pk_uuid(Receptions::Id))
                .col(uuid_null(Receptions::OrderId))
                .col(uuid(Receptions::SupplierId))
                .col(string(Receptions::State))
                .col(big_integer(Receptions::StartedAtMs))
                .col(uuid(Receptions::StartedBy))
                .col(big_integer_null(Receptions::ValidatedAtMs))
                .col(uuid_null(Receptions::ValidatedBy))
                .foreign_key(&mut fk(
                    (Receptions::Table, Receptions::OrderId),
                    (PurchaseOrders::Table, PurchaseOrders::Id),
                ))
                .foreign_key(&mut fk(
                    (Receptions::Table, Receptions::SupplierId),
                    (Suppliers::Table, Suppliers::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_receptions_order")
                .table(Receptions::Table)
                .col(Receptions::OrderId)
                .to_owned(),
        )
        .await?;
        // One open reception per order at most.
        m.create_index(
            Index::create()
                .name("idx_receptions_open_order")
                .table(Receptions::Table)
                .col(Receptions::OrderId)
                .unique()
                .and_where(Expr::col(Receptions::State).eq("open"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ReceptionLines::Table)
                .col(pk_uuid(ReceptionLines::Id))
                .col(uuid(ReceptionLines::ReceptionId))
                .col(uuid(ReceptionLines::ProductId))
                .col(big_integer(ReceptionLines::QuantityMilli))
                .col(big_integer_null(ReceptionLines::PackCostCents))
                .col(boolean(ReceptionLines::OffOrder).default(false))
                .col(big_integer(ReceptionLines::UpdatedAtMs))
                .col(uuid(ReceptionLines::UpdatedBy))
                .foreign_key(&mut fk(
                    (ReceptionLines::Table, ReceptionLines::ReceptionId),
                    (Receptions::Table, Receptions::Id),
                ))
                .foreign_key(&mut fk(
                    (ReceptionLines::Table, ReceptionLines::ProductId),
                    (Products::Table, Products::Id),
                ))
                .check(Expr::col(ReceptionLines::QuantityMilli).gt(0))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_reception_lines_reception_product")
                .table(ReceptionLines::Table)
                .col(ReceptionLines::ReceptionId)
                .col(ReceptionLines::ProductId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_stock_moves_product_kind")
                .table(StockMoves::Table)
                .col(StockMoves::ProductId)
                .col(StockMoves::Kind)
                .col(StockMoves::AtMs)
                .col(StockMoves::QuantityMilli)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("idx_stock_moves_product_kind")
                .table(StockMoves::Table)
                .to_owned(),
        )
        .await?;
        for table in [
            ReceptionLines::Table.into_iden(),
            Receptions::Table.into_iden(),
            PurchaseOrderLines::Table.into_iden(),
            PurchaseOrders::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
