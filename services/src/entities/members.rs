use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "members")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub member_number: i64,
    pub first_name: String,
    pub last_name: String,
    #[sea_orm(unique)]
    pub email: String,
    pub phone: Option<String>,
    pub language: String,
    pub join_date: Date,
    pub work_regime: String,
    pub leaving_date: Option<Date>,
    pub leaving_reason: Option<String>,
    #[sea_orm(unique)]
    pub card_number: i64,
    #[sea_orm(unique)]
    pub card_barcode: String,
    pub search_text: String,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
