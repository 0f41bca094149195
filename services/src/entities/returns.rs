use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "returns")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub sale_id: Uuid,
    pub session_id: Uuid,
    pub cashier_id: Uuid,
    pub tender: String,
    pub refund_cents: i64,
    pub rounding_cents: i64,
    pub at_ms: i64,
    pub content_hash: String,
    /// The supervisor who approved the return, when it needed one.
    pub approved_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
