use sea_orm::entity::prelude::*;

/// One counter's figure for one product of a count, which they set.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "count_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub count_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub product_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub counter_id: Uuid,
    pub counted_milli: i64,
    /// The product's quantity on hand when its first line of the count arrived, and when.
    pub expected_milli: i64,
    pub expected_at_ms: i64,
    /// When the counter last set the figure.
    pub at_ms: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
