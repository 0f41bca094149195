//! The member's phone.

pub mod home;
pub mod status;
