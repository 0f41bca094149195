use sea_orm::entity::prelude::*;

/// What a validated reception expected of a product of its order: ordered less what earlier
/// receptions brought.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reception_expected")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub reception_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub product_id: Uuid,
    pub expected_milli: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
