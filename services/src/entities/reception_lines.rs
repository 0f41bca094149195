use sea_orm::entity::prelude::*;

/// A product received (once per reception); its id is the `reference_id` of its stock move.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reception_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub reception_id: Uuid,
    pub product_id: Uuid,
    /// Above zero.
    pub quantity_milli: i64,
    /// The pack cost on the delivery, when it differs from the supplier's.
    pub pack_cost_cents: Option<i64>,
    /// Received, but not on the reception's order.
    pub off_order: bool,
    pub updated_at_ms: i64,
    pub updated_by: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
