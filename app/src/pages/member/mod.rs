//! The member's phone.

pub mod home;
pub mod requests;
pub mod status;
