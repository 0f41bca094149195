//! One sea-orm entity per table. Ids are UUIDs, money integer cents, instants milliseconds.

pub mod audit_log;
pub mod counters;
pub mod household_people;
pub mod members;
pub mod one_time_tokens;
pub mod outbox;
pub mod sessions;
pub mod settings;
pub mod share_classes;
pub mod share_events;
pub mod sign_in_failures;
pub mod user_roles;
pub mod users;
