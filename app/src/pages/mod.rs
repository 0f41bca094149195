//! One screen a file, grouped by the person who uses it.

pub mod admin;
pub mod auth;
pub mod coordinator;
pub mod leader;
pub mod member;
pub mod not_found;
pub mod till;
