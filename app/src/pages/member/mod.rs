//! The member's phone.

pub mod home;
