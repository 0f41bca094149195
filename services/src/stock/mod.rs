//! The stock manager's work beyond the ledger: suppliers and cost prices, the coop's pricing,
//! purchase orders and receptions, inventory counts, shelf labels and reports. The ledger
//! itself (moves, quantity on hand) is [`crate::till::stock`], shared with the tills.
//!
//! - [`costs`]: each product's cost price, from its preferred supplier.
//! - [`suppliers`]: suppliers, a product's supplier lines with one preferred, price lists.
//! - [`pricing`]: the coop's margins and rounding, the prices that differ from the computed
//!   ones, and applying computed prices in bulk.
//! - [`labels`]: the shelf labels of the products picked.
//! - [`reports`]: sales, VAT, stock value, losses, movers and shift staffing over a period.
//! - [`orders`]: reorder suggestions and purchase orders.
//! - [`receptions`]: receiving goods, for an order or without one.
//! - [`counts`]: inventory counts, counted by several people at once, validated into
//!   adjustments.

pub mod costs;
pub mod counts;
pub mod labels;
pub mod orders;
pub mod pricing;
pub mod receptions;
pub mod reports;
pub mod suppliers;
