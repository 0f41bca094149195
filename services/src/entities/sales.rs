use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sales")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub receipt_number: i64,
    pub session_id: Uuid,
    pub till_id: Uuid,
    pub cashier_id: Uuid,
    pub member_id: Uuid,
    pub sold_at_ms: i64,
    pub recorded_at_ms: i64,
    pub total_cents: i64,
    pub discount_cents: i64,
    pub cash_cents: i64,
    pub card_cents: i64,
    pub meal_voucher_cents: i64,
    pub change_cents: i64,
    pub rounding_cents: i64,
    pub override_id: Option<Uuid>,
    pub content_hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
