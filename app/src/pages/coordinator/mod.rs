//! The coordinator's desk: the shift planning, the shift rules, statuses and each member's
//! shift record.

pub mod closures;
pub mod member_shifts;
pub mod planning;
pub mod rules;
pub mod statuses;
pub mod templates;
