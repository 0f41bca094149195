use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_moves")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub product_id: Uuid,
    pub quantity_milli: i64,
    pub kind: String,
    pub reason: Option<String>,
    pub reference_id: Option<Uuid>,
    pub at_ms: i64,
    pub created_by: Option<Uuid>,
    /// What the move is worth at the day's cost, when the product has a cost.
    pub value_cents: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
