//! The stock manager's work beyond the ledger: suppliers and cost prices, the coop's pricing,
//! purchase orders and receptions, inventory counts, shelf labels and reports. The ledger
//! itself (moves, quantity on hand) is [`crate::till::stock`], shared with the tills.
//!
//! - [`costs`]: each product's cost price, from its preferred supplier.
//! - [`counts`]: inventory counts, counted by several people at once, validated into
//!   adjustments.

pub mod costs;
pub mod counts;
