use sea_orm::entity::prelude::*;

/// An inventory count: `status` is `open`, `validated` or `cancelled`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "counts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub number: i64,
    pub title: String,
    pub location: String,
    pub status: String,
    pub created_by: Uuid,
    pub created_at_ms: i64,
    /// Who validated or cancelled it, and when.
    pub closed_by: Option<Uuid>,
    pub closed_at_ms: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
