//! The coordinator's desk: shift rules, statuses and each member's shift record.

pub mod member_shifts;
pub mod rules;
pub mod statuses;
