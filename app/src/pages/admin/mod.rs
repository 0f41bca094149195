//! The coordinator's and admin's desk: the member register, imports, shares, the outbox.

pub mod import;
pub mod member;
pub mod member_new;
pub mod members;
pub mod outbox;
pub mod shares;
pub mod tills;
