//! The stock manager's screens, phones first: the catalogue (products, categories, the barcode
//! nomenclature, the products import), each product's stock and suppliers, the suppliers with
//! their price lists, the coop's pricing, purchase orders with their reorder suggestions and
//! printable sheet, receptions, inventory counts, shelf labels and the reports.

pub mod categories;
pub mod count;
pub mod counts;
pub mod home;
pub mod import;
pub mod label_sheet;
pub mod labels;
pub mod nomenclature;
pub mod order;
pub mod order_print;
pub mod order_suggest;
pub mod orders;
pub mod pricing;
pub mod product;
pub mod product_new;
pub mod product_suppliers;
pub mod products;
pub mod reception;
pub mod reports;
pub mod supplier;
pub mod supplier_new;
pub mod suppliers;
