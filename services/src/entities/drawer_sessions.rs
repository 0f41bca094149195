use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "drawer_sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub till_id: Uuid,
    pub opened_by: Uuid,
    pub opened_at_ms: i64,
    pub float_cents: i64,
    pub float_json: String,
    pub closed_by: Option<Uuid>,
    pub closed_at_ms: Option<i64>,
    pub counted_cents: Option<i64>,
    pub counted_json: Option<String>,
    pub expected_cents: Option<i64>,
    /// The SHA-256 of the secret of the browser that opened the session.
    pub device_hash: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
