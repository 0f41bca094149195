//! Server functions, one file per capability. Each checks the caller's role on the server
//! first (`ssr::authorize`), then calls one service. Inputs and outputs are JSON; the member's
//! changes also take plain form posts (`form`).

pub mod accounts;
pub mod attendance;
pub mod bookings;
pub mod catalogue;
pub mod form;
pub mod members;
pub mod outbox;
pub mod planning;
pub mod rules;
pub mod shares;
pub mod shifts;
pub mod statuses;
pub mod till;

use domain::Role;

/// Who keeps the member register: coordinators (and admins, who may do everything).
pub const REGISTER_KEEPERS: &[Role] = &[Role::Coordinator];
/// Who keeps the shift planning: coordinators (and admins).
pub const SHIFT_KEEPERS: &[Role] = &[Role::Coordinator];
/// Admins only.
pub const ADMINS: &[Role] = &[Role::Admin];
/// Anyone signed in.
pub const ANYONE: &[Role] = &Role::ALL;
