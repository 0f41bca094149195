//! Widgets shared by several screens.

pub mod barcode;
pub mod field;
pub mod guard;
pub mod layout;
pub mod member_form;
pub mod shift;
