//! The stock manager's screens, phones first: the catalogue (products, categories, the barcode
//! nomenclature, the products import), each product's stock, purchase orders with their
//! reorder suggestions and printable sheet, and receptions.

pub mod categories;
pub mod home;
pub mod import;
pub mod nomenclature;
pub mod order;
pub mod order_print;
pub mod order_suggest;
pub mod orders;
pub mod product;
pub mod product_new;
pub mod products;
pub mod reception;
