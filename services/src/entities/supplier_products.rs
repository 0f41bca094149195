use sea_orm::entity::prelude::*;

/// A product as one supplier sells it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "supplier_products")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub supplier_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub product_id: Uuid,
    /// The supplier's own code for the product.
    pub code: String,
    /// How much one pack holds, in milli-units of the product's unit (always above zero).
    pub pack_milli: i64,
    /// The cost of one pack excluding VAT, as the supplier invoices it.
    pub pack_cost_cents: i64,
    /// The product's preferred supplier (one at most per product).
    pub preferred: bool,
    pub updated_at_ms: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
