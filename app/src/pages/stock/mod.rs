//! The stock manager's screens, phones first: the catalogue (products, categories, the barcode
//! nomenclature, the products import), each product's stock and suppliers, the suppliers with
//! their price lists, and the coop's pricing.

pub mod categories;
pub mod home;
pub mod import;
pub mod nomenclature;
pub mod pricing;
pub mod product;
pub mod product_new;
pub mod product_suppliers;
pub mod products;
pub mod supplier;
pub mod supplier_new;
pub mod suppliers;
