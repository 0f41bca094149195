//! The stock manager's screens, phones first: the catalogue (products, categories, the barcode
//! nomenclature, the products import), each product's stock and the inventory counts.

pub mod categories;
pub mod count;
pub mod counts;
pub mod home;
pub mod import;
pub mod nomenclature;
pub mod product;
pub mod product_new;
pub mod products;
