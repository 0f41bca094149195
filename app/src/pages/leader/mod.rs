//! The shift leader's phone: the attendance sheets of the shifts they lead.

pub mod sheet;
pub mod sheets;
