use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "products")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub category_id: Option<Uuid>,
    pub unit: String,
    pub price_cents: i64,
    pub vat_bp: i32,
    pub deposit_cents: i64,
    pub deposit_vat_bp: i32,
    pub meal_voucher: bool,
    pub active: bool,
    pub search_text: String,
    pub version: i64,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    /// The price before the last change of price, when it changed (the server's clock) and at
    /// which catalogue version.
    pub previous_price_cents: Option<i64>,
    pub price_changed_at_ms: Option<i64>,
    pub price_version: Option<i64>,
    /// The product's own margin in basis points, over its supplier's, category's and coop's.
    pub margin_bp: Option<i32>,
    /// What the shelf label says: where it comes from, organic, local, and the net content of
    /// one piece (`content_milli` milli-units of `content_unit`, `kg` or `l`) for the price per
    /// kilogram or litre.
    pub origin: String,
    pub organic: bool,
    pub local: bool,
    pub content_milli: Option<i64>,
    pub content_unit: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
