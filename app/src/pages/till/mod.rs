//! The cashier's till.
//!
//! - [`store`]: what the till keeps on its device (catalogue, member statuses, the queue).

pub mod store;
