use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "return_vat_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub return_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub vat_bp: i32,
    pub gross_cents: i64,
    pub net_cents: i64,
    pub vat_cents: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
