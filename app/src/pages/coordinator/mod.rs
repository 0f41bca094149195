//! The coordinator's desk: the shift planning.

pub mod closures;
pub mod planning;
pub mod templates;
