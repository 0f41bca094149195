//! Ruche's schema. Migrations are append-only: never edit one that has landed, add a new dated
//! file. Both SQLite and PostgreSQL run every one of them.
//!
//! Conventions: ids are UUIDs; money is integer cents; instants are integer milliseconds
//! since the Unix epoch (`*_at_ms`), which compare the same way on both databases; calendar
//! dates are `date` columns.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_accounts;
mod m20261123_000002_register;
mod m20261123_000003_shifts;
mod m20261124_000004_calendar_tokens;
mod m20261124_000005_till;
mod m20261124_000010_ledger_replay_index;
mod m20261124_000021_understaffed_alerts;
mod m20261124_000031_template_retired;
mod m20261124_000041_bookings_by_shift;
mod m20261124_000050_return_vat_lines;
mod m20261205_000101_sign_in_failure_client;
mod m20261205_000102_outbox_shown_body;
mod m20261205_000201_till_integrity;
mod m20261206_000301_suppliers;
mod m20261206_000321_purchase_orders;
mod m20261206_000331_counts;
mod m20261206_000341_report_indexes;
mod m20261206_000351_reception_expected;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_accounts::Migration),
            Box::new(m20261123_000002_register::Migration),
            Box::new(m20261123_000003_shifts::Migration),
            Box::new(m20261124_000004_calendar_tokens::Migration),
            Box::new(m20261124_000005_till::Migration),
            Box::new(m20261124_000010_ledger_replay_index::Migration),
            Box::new(m20261124_000021_understaffed_alerts::Migration),
            Box::new(m20261124_000031_template_retired::Migration),
            Box::new(m20261124_000041_bookings_by_shift::Migration),
            Box::new(m20261124_000050_return_vat_lines::Migration),
            Box::new(m20261205_000101_sign_in_failure_client::Migration),
            Box::new(m20261205_000102_outbox_shown_body::Migration),
            Box::new(m20261205_000201_till_integrity::Migration),
            Box::new(m20261206_000301_suppliers::Migration),
            Box::new(m20261206_000321_purchase_orders::Migration),
            Box::new(m20261206_000331_counts::Migration),
            Box::new(m20261206_000341_report_indexes::Migration),
            Box::new(m20261206_000351_reception_expected::Migration),
        ]
    }
}
