//! The member's phone.

pub mod book;
pub mod home;
pub mod requests;
pub mod shifts;
pub mod status;
