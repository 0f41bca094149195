use sea_orm::entity::prelude::*;

/// A purchase order to a supplier.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "purchase_orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// From the `purchase_order` counter.
    #[sea_orm(unique)]
    pub number: i64,
    pub supplier_id: Uuid,
    /// `draft`, `sent`, `partly_received`, `received` or `cancelled`.
    pub state: String,
    pub note: String,
    pub created_at_ms: i64,
    pub created_by: Uuid,
    pub sent_at_ms: Option<i64>,
    pub sent_by: Option<Uuid>,
    /// When the last of it came in.
    pub received_at_ms: Option<i64>,
    pub cancelled_at_ms: Option<i64>,
    pub cancelled_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
