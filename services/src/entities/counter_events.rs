use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "counter_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub member_id: Uuid,
    pub date: Date,
    pub delta: i32,
    pub reason: String,
    pub reference_kind: String,
    pub reference_id: Option<Uuid>,
    pub reference_date: Option<Date>,
    pub note: Option<String>,
    #[sea_orm(unique)]
    pub unique_key: String,
    pub created_by: Option<Uuid>,
    pub created_at_ms: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
