use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shift_templates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub week_letter: String,
    pub weekday: i32,
    pub start_time: String,
    pub end_time: String,
    pub task_type_id: Uuid,
    pub seats: i32,
    pub required_skill: Option<String>,
    pub created_at_ms: i64,
    /// From this date on the template generates nothing.
    pub retired_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
