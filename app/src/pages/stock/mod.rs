//! The stock manager's screens, phones first: the catalogue (products, categories, the barcode
//! nomenclature, the products import) and each product's stock.

pub mod categories;
pub mod home;
pub mod import;
pub mod nomenclature;
pub mod product;
pub mod product_new;
pub mod products;
