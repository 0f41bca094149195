//! Widgets shared by several screens.

pub mod barcode;
pub mod csv_import;
pub mod field;
pub mod guard;
pub mod layout;
pub mod member_form;
pub mod notice;
pub mod pager;
pub mod post_form;
pub mod product_form;
pub mod scan;
pub mod shift;
pub mod supplier_form;
