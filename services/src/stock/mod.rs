//! The stock manager's work beyond the ledger: suppliers and cost prices, the coop's pricing,
//! purchase orders and receptions, inventory counts, shelf labels and reports. The ledger
//! itself (moves, quantity on hand) is [`crate::till::stock`], shared with the tills.
//!
//! - [`costs`]: each product's cost price, from its preferred supplier.
//! - [`orders`]: reorder suggestions and purchase orders.
//! - [`receptions`]: receiving goods, for an order or without one.

pub mod costs;
pub mod orders;
pub mod receptions;
