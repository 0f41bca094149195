use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sale_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub sale_id: Uuid,
    pub line_no: i32,
    pub product_id: Uuid,
    pub name: String,
    pub kind: String,
    pub quantity_milli: i64,
    pub unit_price_cents: i64,
    pub label_price_cents: Option<i64>,
    pub discount_bp: i32,
    pub gross_cents: i64,
    pub discount_cents: i64,
    pub goods_cents: i64,
    pub deposit_cents: i64,
    pub total_cents: i64,
    pub vat_bp: i32,
    pub deposit_vat_bp: i32,
    pub meal_voucher: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
