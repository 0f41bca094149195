use sea_orm::entity::prelude::*;

/// Goods received from a supplier, for an order or without one.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "receptions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub order_id: Option<Uuid>,
    pub supplier_id: Uuid,
    /// `open` or `validated`.
    pub state: String,
    pub started_at_ms: i64,
    pub started_by: Uuid,
    pub validated_at_ms: Option<i64>,
    pub validated_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
