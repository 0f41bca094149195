use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shifts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub template_id: Option<Uuid>,
    pub task_type_id: Uuid,
    pub date: Date,
    pub start_at_ms: i64,
    pub end_at_ms: i64,
    pub seats: i32,
    pub required_skill: Option<String>,
    pub cancelled: bool,
    pub closure_note: Option<String>,
    pub unvalidated_flagged_on: Option<Date>,
    pub created_at_ms: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
