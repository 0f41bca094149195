use sea_orm::entity::prelude::*;

/// A product on a purchase order (once per order), at the pack of the day it was ordered.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "purchase_order_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub order_id: Uuid,
    pub product_id: Uuid,
    pub supplier_code: String,
    /// Whole packs, above zero.
    pub packs: i64,
    pub pack_milli: i64,
    pub pack_cost_cents: i64,
    /// Received so far, over the validated receptions.
    pub received_milli: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
