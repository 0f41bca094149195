//! Limits on the work strangers can make a server do: sign-ins, supervisor overrides and
//! reset requests by client address, and the password hashing of the whole process.
//!
//! Both live in each server process, not in the database: an instance counts what reaches it
//! and hashes at most [`hashing_permits`] passwords at a time. What must hold across
//! instances, the failures of each account, is kept in the database
//! ([`crate::accounts::check_credentials`]).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use tokio::sync::{Semaphore, SemaphorePermit};

/// Attempts (sign-ins and overrides that did not succeed, reset requests) one client address
/// may make within [`ADDRESS_WINDOW_MS`].
pub const ADDRESS_MAX_ATTEMPTS: usize = 20;
pub const ADDRESS_WINDOW_MS: i64 = 15 * 60 * 1000;
/// Attempts of one client address checked at the same time: enough for a shop's tills behind
/// one address signing in together, and all the hashing turns a flood from one address holds.
pub const ADDRESS_IN_FLIGHT_MAX: usize = 4;
/// Addresses remembered at most; beyond, the oldest are forgotten (a flood from countless
/// addresses cannot grow the table without bound).
const ADDRESSES_MAX: usize = 100_000;
/// Password checks that may wait for a hashing permit; any more are refused at once.
pub const HASHING_QUEUE_MAX: usize = 64;

/// What one address did recently.
#[derive(Default)]
struct Attempts {
    /// When each attempt began that has not succeeded, oldest first.
    at_ms: Vec<i64>,
    /// Attempts begun and not finished.
    in_flight: usize,
}

/// Attempts by client address within a sliding window, in this process.
pub struct AddressLimit {
    max: usize,
    window_ms: i64,
    in_flight_max: usize,
    by_address: Mutex<HashMap<IpAddr, Attempts>>,
}

/// An attempt let through, in flight until dropped: [`Attempt::succeeded`] takes it back off
/// the address's count.
#[must_use]
pub struct Attempt<'a> {
    limit: &'a AddressLimit,
    address: Option<IpAddr>,
    at_ms: i64,
}

impl AddressLimit {
    pub fn new(max: usize, window_ms: i64, in_flight_max: usize) -> Self {
        AddressLimit {
            max,
            window_ms,
            in_flight_max,
            by_address: Mutex::new(HashMap::new()),
        }
    }

    fn addresses(&self) -> std::sync::MutexGuard<'_, HashMap<IpAddr, Attempts>> {
        self.by_address.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Counts an attempt from `address` at `now_ms`, or refuses it with the seconds until
    /// the address may try again: past its attempts in the window, or with as many attempts
    /// in flight as allowed. An unknown address (a call from inside the process) is not
    /// limited here.
    pub fn begin(&self, address: Option<IpAddr>, now_ms: i64) -> Result<Attempt<'_>, i64> {
        if let Some(ip) = address {
            let mut map = self.addresses();
            if map.len() >= ADDRESSES_MAX && !map.contains_key(&ip) {
                let window = self.window_ms;
                map.retain(|_, a| {
                    a.in_flight > 0 || a.at_ms.last().is_some_and(|t| *t > now_ms - window)
                });
                if map.len() >= ADDRESSES_MAX {
                    return Err(self.window_ms / 1000);
                }
            }
            let attempts = map.entry(ip).or_default();
            attempts.at_ms.retain(|t| *t > now_ms - self.window_ms);
            if attempts.at_ms.len() >= self.max {
                let oldest = attempts.at_ms[attempts.at_ms.len() - self.max];
                return Err(((oldest + self.window_ms - now_ms) / 1000).max(1));
            }
            if attempts.in_flight >= self.in_flight_max {
                return Err(1);
            }
            attempts.at_ms.push(now_ms);
            attempts.in_flight += 1;
        }
        Ok(Attempt {
            limit: self,
            address,
            at_ms: now_ms,
        })
    }
}

impl Attempt<'_> {
    /// The attempt succeeded (the right password): it does not count against its address.
    pub fn succeeded(self) {
        let Some(ip) = self.address else { return };
        if let Some(a) = self.limit.addresses().get_mut(&ip) {
            if let Some(i) = a.at_ms.iter().position(|t| *t == self.at_ms) {
                a.at_ms.remove(i);
            }
        }
    }
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        let Some(ip) = self.address else { return };
        if let Some(a) = self.limit.addresses().get_mut(&ip) {
            a.in_flight = a.in_flight.saturating_sub(1);
        }
    }
}

/// The limit of this process on attempts by client address.
pub fn by_address() -> &'static AddressLimit {
    static LIMIT: OnceLock<AddressLimit> = OnceLock::new();
    LIMIT.get_or_init(|| {
        AddressLimit::new(
            ADDRESS_MAX_ATTEMPTS,
            ADDRESS_WINDOW_MS,
            ADDRESS_IN_FLIGHT_MAX,
        )
    })
}

/// Passwords hashed at the same time by this process: one per core.
pub fn hashing_permits() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// A turn to hash a password, or `None` when [`HASHING_QUEUE_MAX`] checks wait already (the
/// caller refuses then, and the flood finds the door shut instead of a queue).
pub async fn hashing_turn() -> Option<SemaphorePermit<'static>> {
    static TURNS: OnceLock<Semaphore> = OnceLock::new();
    static WAITING: AtomicUsize = AtomicUsize::new(0);
    let turns = TURNS.get_or_init(|| Semaphore::new(hashing_permits()));
    if let Ok(permit) = turns.try_acquire() {
        return Some(permit);
    }
    if WAITING.fetch_add(1, Ordering::SeqCst) >= HASHING_QUEUE_MAX {
        WAITING.fetch_sub(1, Ordering::SeqCst);
        return None;
    }
    let permit = turns.acquire().await.ok();
    WAITING.fetch_sub(1, Ordering::SeqCst);
    permit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(last: u8) -> Option<IpAddr> {
        Some(IpAddr::from([127, 0, 0, last]))
    }

    #[test]
    fn an_address_is_refused_past_its_attempts_and_only_it() {
        let limit = AddressLimit::new(3, 1000, 1);
        for t in 0..3 {
            drop(limit.begin(ip(2), t).unwrap());
        }
        assert_eq!(limit.begin(ip(2), 10).err(), Some(1));
        assert!(
            limit.begin(ip(1), 10).is_ok(),
            "another address is not refused"
        );
        assert!(
            limit.begin(None, 10).is_ok(),
            "calls from inside are not limited"
        );
        assert!(limit.begin(ip(2), 1000).is_ok(), "the window slides");
    }

    #[test]
    fn a_success_does_not_count() {
        let limit = AddressLimit::new(2, 60_000, 1);
        for t in 0..10 {
            limit.begin(ip(1), t).unwrap().succeeded();
        }
        drop(limit.begin(ip(1), 20).unwrap());
        drop(limit.begin(ip(1), 21).unwrap());
        assert!(limit.begin(ip(1), 22).is_err());
    }

    #[test]
    fn an_address_has_few_attempts_in_flight() {
        let limit = AddressLimit::new(10, 60_000, 2);
        let first = limit.begin(ip(1), 0).unwrap();
        let second = limit.begin(ip(1), 1).unwrap();
        assert_eq!(
            limit.begin(ip(1), 2).err(),
            Some(1),
            "a third waits its turn"
        );
        assert!(limit.begin(ip(3), 2).is_ok(), "another address does not");
        drop(first);
        let third = limit.begin(ip(1), 3).unwrap();
        second.succeeded();
        drop(third);
        assert!(limit.begin(ip(1), 4).is_ok());
    }
}
