//! Server functions, one file per capability. Each checks the caller's role on the server
//! first (`ssr::authorize`), then calls one service. Inputs and outputs are JSON; the member's
//! changes also take plain form posts (`form`).

pub mod accounts;
pub mod attendance;
pub mod bookings;
pub mod catalogue;
pub mod counts;
pub mod form;
pub mod members;
pub mod orders;
pub mod outbox;
pub mod planning;
pub mod pricing;
pub mod receptions;
pub mod reports;
pub mod rules;
pub mod shares;
pub mod shifts;
pub mod statuses;
pub mod suppliers;
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

/// The last page a paged list goes to (numbered from 0): every list of the coop fits, and the
/// offset of any page up to it fits the databases' integers.
pub const MAX_PAGE: u64 = 1_000_000;

/// The offset of page `page` of `size` rows. Errors: `Invalid` on `page` (`OutOfRange`) past
/// [`MAX_PAGE`], so a huge page number is a clear 422 rather than an overflow.
#[cfg(feature = "ssr")]
pub(crate) fn page_offset(page: u64, size: u64) -> Result<u64, crate::error::AppError> {
    use domain::validation::{FieldError, Reason};
    match page.checked_mul(size) {
        Some(offset) if page <= MAX_PAGE => Ok(offset),
        _ => Err(crate::ssr::fail(crate::error::AppError::Invalid(vec![
            FieldError::new(
                "page",
                Reason::OutOfRange {
                    min: 0,
                    max: MAX_PAGE as i64,
                },
            ),
        ]))),
    }
}
