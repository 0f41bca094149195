//! The reports, read only: each one a few aggregate queries (sums grouped in the database, no
//! query per product or per day), then the rows handed to `domain::stock::reports`, which sums
//! them (a total is the sum of its rows, to the cent) and writes their CSV.
//!
//! Periods are whole days in the coop's time zone (the shift rules'): from the first day's
//! midnight to the midnight after the last day. What each report reads:
//! - sales per product: the goods of the sale lines (after discounts, without deposits) of the
//!   sales rung up in the period, per product and VAT rate; the VAT of a row is taken out of
//!   its gross total with the receipt's rule. Returns are not taken off (they are refunds of
//!   their own day: see the VAT report).
//! - VAT per rate per day: the receipts' VAT lines less the returns' VAT lines, each on the
//!   day it happened (grouped in the database by quarter of an hour, then by local day here).
//! - stock value: the quantity on hand at the end of a day (the sum of the moves up to then)
//!   at each product's cost today (its preferred supplier's pack), rounded once per product.
//! - losses: the loss moves of the period per reason and product, with their recorded value.
//! - movers: the units sold (sale moves) over the period, with the stock on hand now.
//! - staffing: the shifts of the period not cancelled, their seats, the seats booked and the
//!   marks of their attendance sheets.

use super::costs;
use crate::error::{Error, Result};
use crate::shifts::rules;
use chrono::{NaiveDate, TimeZone};
use domain::stock::reports::{
    Amounts, LossReport, LossRow, Mover, MoversReport, Period, ProductSales, SalesReport,
    ShiftCount, StaffingReport, StockValueReport, StockValueRow, VatDay, VatReport,
};
use domain::till::{Unit, VatRate};
use domain::validation::Reason;
use sea_orm::{ConnectionTrait, DbBackend, QueryResult, Statement, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The coop's time zone.
async fn zone(db: &impl ConnectionTrait) -> Result<chrono_tz::Tz> {
    rules(db)
        .await?
        .time_zone()
        .map_err(|_| Error::invalid("rules", Reason::Malformed))
}

/// The instant a day starts in `tz`, in milliseconds.
fn midnight(tz: chrono_tz::Tz, day: NaiveDate) -> i64 {
    let local = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    tz.from_local_datetime(&local).earliest().map_or_else(
        || local.and_utc().timestamp_millis(),
        |t| t.timestamp_millis(),
    )
}

/// The period's first and last instants: `[from, to)` in milliseconds.
fn bounds(tz: chrono_tz::Tz, period: Period) -> (i64, i64) {
    let after = period.to.succ_opt().unwrap_or(period.to);
    (midnight(tz, period.from), midnight(tz, after))
}

/// The local day of an instant.
fn day_of(tz: chrono_tz::Tz, ms: i64) -> NaiveDate {
    tz.timestamp_millis_opt(ms)
        .earliest()
        .map_or_else(NaiveDate::default, |t| t.date_naive())
}

/// A statement written with `?` placeholders, numbered for PostgreSQL.
fn statement(backend: DbBackend, sql: &str, values: Vec<Value>) -> Statement {
    let sql = if backend == DbBackend::Postgres {
        let mut n = 0;
        sql.split('?')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part.to_string()
                } else {
                    n += 1;
                    format!("${n}{part}")
                }
            })
            .collect()
    } else {
        sql.to_string()
    };
    Statement::from_sql_and_values(backend, sql, values)
}

async fn rows(
    db: &impl ConnectionTrait,
    sql: &str,
    values: Vec<Value>,
) -> Result<Vec<QueryResult>> {
    let backend = db.get_database_backend();
    Ok(db.query_all_raw(statement(backend, sql, values)).await?)
}

fn get<T: sea_orm::TryGetable>(row: &QueryResult, column: &str) -> Result<T> {
    Ok(row.try_get("", column)?)
}

fn unit(row: &QueryResult) -> Result<Unit> {
    Ok(Unit::parse(&get::<String>(row, "unit")?).unwrap_or(Unit::Piece))
}

fn rate(row: &QueryResult) -> Result<VatRate> {
    Ok(VatRate(
        u32::try_from(get::<i32>(row, "vat_bp")?).unwrap_or(0),
    ))
}

/// A product's name, unit and category, joined to an aggregate `t` with a `product_id`.
const PRODUCT_COLUMNS: &str = "p.name AS name, p.unit AS unit, COALESCE(c.name, '') AS category";
const PRODUCT_JOIN: &str =
    "JOIN products p ON p.id = t.product_id LEFT JOIN categories c ON c.id = p.category_id";

/// Sales per product and VAT rate over `period`.
pub async fn sales(db: &impl ConnectionTrait, period: Period) -> Result<SalesReport> {
    let (from, to) = bounds(zone(db).await?, period);
    let sql = format!(
        "SELECT t.product_id AS product_id, t.vat_bp AS vat_bp, t.quantity AS quantity, \
         t.gross AS gross, {PRODUCT_COLUMNS} FROM (\
           SELECT l.product_id AS product_id, l.vat_bp AS vat_bp, \
           CAST(SUM(l.quantity_milli) AS BIGINT) AS quantity, \
           CAST(SUM(l.goods_cents) AS BIGINT) AS gross \
           FROM sales s JOIN sale_lines l ON l.sale_id = s.id \
           WHERE s.sold_at_ms >= ? AND s.sold_at_ms < ? \
           GROUP BY l.product_id, l.vat_bp\
         ) t {PRODUCT_JOIN}"
    );
    let mut out = Vec::new();
    for row in rows(db, &sql, vec![from.into(), to.into()]).await? {
        let vat_rate = rate(&row)?;
        out.push(ProductSales {
            product_id: get(&row, "product_id")?,
            name: get(&row, "name")?,
            category: get(&row, "category")?,
            unit: unit(&row)?,
            vat_rate,
            quantity_milli: get(&row, "quantity")?,
            amounts: Amounts::of_gross(vat_rate, get(&row, "gross")?),
        });
    }
    Ok(SalesReport::of(period, out))
}

/// The length of the buckets VAT lines are summed by in the database: a quarter of an hour,
/// so that every bucket falls in one local day whatever the zone's offset.
const BUCKET_MS: i64 = 15 * 60 * 1000;

/// Sums of VAT lines per bucket and rate, as (day, rate) -> amounts.
async fn vat_by_day(
    db: &impl ConnectionTrait,
    tz: chrono_tz::Tz,
    sql: &str,
    (from, to): (i64, i64),
) -> Result<BTreeMap<(NaiveDate, VatRate), Amounts>> {
    let mut days: BTreeMap<(NaiveDate, VatRate), Amounts> = BTreeMap::new();
    let values = vec![BUCKET_MS.into(), from.into(), to.into()];
    for row in rows(db, sql, values).await? {
        let bucket: i64 = get(&row, "bucket")?;
        let day = day_of(tz, bucket * BUCKET_MS);
        days.entry((day, rate(&row)?)).or_default().add(Amounts {
            gross_cents: get(&row, "gross")?,
            net_cents: get(&row, "net")?,
            vat_cents: get(&row, "vat")?,
        });
    }
    Ok(days)
}

/// VAT per rate per day over `period`: the receipts' VAT less the refunds'.
pub async fn vat(db: &impl ConnectionTrait, period: Period) -> Result<VatReport> {
    let tz = zone(db).await?;
    let range = bounds(tz, period);
    let sums = "CAST(SUM(v.gross_cents) AS BIGINT) AS gross, \
                CAST(SUM(v.net_cents) AS BIGINT) AS net, \
                CAST(SUM(v.vat_cents) AS BIGINT) AS vat";
    let sales = vat_by_day(
        db,
        tz,
        &format!(
            "SELECT s.sold_at_ms / ? AS bucket, v.vat_bp AS vat_bp, {sums} \
             FROM sales s JOIN sale_vat_lines v ON v.sale_id = s.id \
             WHERE s.sold_at_ms >= ? AND s.sold_at_ms < ? GROUP BY 1, 2"
        ),
        range,
    )
    .await?;
    let refunds = vat_by_day(
        db,
        tz,
        &format!(
            "SELECT r.at_ms / ? AS bucket, v.vat_bp AS vat_bp, {sums} \
             FROM returns r JOIN return_vat_lines v ON v.return_id = r.id \
             WHERE r.at_ms >= ? AND r.at_ms < ? GROUP BY 1, 2"
        ),
        range,
    )
    .await?;
    let mut days: BTreeMap<(NaiveDate, VatRate), VatDay> = BTreeMap::new();
    for (side, sums) in [(true, sales), (false, refunds)] {
        for ((date, vat_rate), amounts) in sums {
            let d = days.entry((date, vat_rate)).or_insert_with(|| VatDay {
                date,
                vat_rate,
                sales: Amounts::default(),
                refunds: Amounts::default(),
            });
            if side {
                d.sales = amounts;
            } else {
                d.refunds = amounts;
            }
        }
    }
    Ok(VatReport::of(period, days.into_values().collect()))
}

/// The stock on hand at the end of `day` (every product whose moves up to then do not sum to
/// zero), valued at each product's cost today.
pub async fn stock_value(db: &impl ConnectionTrait, day: NaiveDate) -> Result<StockValueReport> {
    let tz = zone(db).await?;
    let at = midnight(tz, day.succ_opt().unwrap_or(day));
    let sql = format!(
        "SELECT t.product_id AS product_id, t.on_hand AS on_hand, {PRODUCT_COLUMNS} FROM (\
           SELECT product_id, CAST(SUM(quantity_milli) AS BIGINT) AS on_hand \
           FROM stock_moves WHERE at_ms < ? GROUP BY product_id\
         ) t {PRODUCT_JOIN} WHERE t.on_hand <> 0"
    );
    let found = rows(db, &sql, vec![at.into()]).await?;
    let costs = costs::of_products(db, &[]).await?;
    let mut out = Vec::with_capacity(found.len());
    for row in found {
        let product_id: Uuid = get(&row, "product_id")?;
        let on_hand_milli: i64 = get(&row, "on_hand")?;
        out.push(StockValueRow {
            product_id,
            name: get(&row, "name")?,
            category: get(&row, "category")?,
            unit: unit(&row)?,
            on_hand_milli,
            value_cents: costs.get(&product_id).map(|c| c.value_cents(on_hand_milli)),
        });
    }
    Ok(StockValueReport::of(day, at, out))
}

/// The losses of `period` per reason and product.
pub async fn losses(db: &impl ConnectionTrait, period: Period) -> Result<LossReport> {
    let (from, to) = bounds(zone(db).await?, period);
    let sql = format!(
        "SELECT t.product_id AS product_id, t.reason AS reason, t.moves AS moves, \
         t.quantity AS quantity, t.value AS value, t.unvalued AS unvalued, {PRODUCT_COLUMNS} \
         FROM (\
           SELECT product_id, COALESCE(reason, '') AS reason, \
           CAST(COUNT(*) AS BIGINT) AS moves, \
           CAST(-SUM(quantity_milli) AS BIGINT) AS quantity, \
           CAST(-COALESCE(SUM(value_cents), 0) AS BIGINT) AS value, \
           CAST(SUM(CASE WHEN value_cents IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS unvalued \
           FROM stock_moves WHERE kind = ? AND at_ms >= ? AND at_ms < ? \
           GROUP BY product_id, COALESCE(reason, '')\
         ) t {PRODUCT_JOIN}"
    );
    let values = vec!["loss".into(), from.into(), to.into()];
    let mut out = Vec::new();
    for row in rows(db, &sql, values).await? {
        out.push(LossRow {
            reason: get(&row, "reason")?,
            product_id: get(&row, "product_id")?,
            name: get(&row, "name")?,
            unit: unit(&row)?,
            moves: u64::try_from(get::<i64>(&row, "moves")?).unwrap_or(0),
            quantity_milli: get(&row, "quantity")?,
            value_cents: get(&row, "value")?,
            unvalued_moves: u64::try_from(get::<i64>(&row, "unvalued")?).unwrap_or(0),
        });
    }
    Ok(LossReport::of(period, out))
}

/// The products on sale (and any other that sold in `period`) with what they sold in it and
/// their stock now.
pub async fn movers(db: &impl ConnectionTrait, period: Period) -> Result<MoversReport> {
    let (from, to) = bounds(zone(db).await?, period);
    let sql = "SELECT p.id AS product_id, p.name AS name, p.unit AS unit, \
         COALESCE(c.name, '') AS category, \
         COALESCE(sold.quantity, 0) AS sold, COALESCE(stock.on_hand, 0) AS on_hand \
         FROM products p LEFT JOIN categories c ON c.id = p.category_id \
         LEFT JOIN (SELECT product_id, CAST(-SUM(quantity_milli) AS BIGINT) AS quantity \
           FROM stock_moves WHERE kind = ? AND at_ms >= ? AND at_ms < ? GROUP BY product_id\
         ) sold ON sold.product_id = p.id \
         LEFT JOIN (SELECT product_id, CAST(SUM(quantity_milli) AS BIGINT) AS on_hand \
           FROM stock_moves GROUP BY product_id\
         ) stock ON stock.product_id = p.id \
         WHERE p.active = ? OR sold.quantity IS NOT NULL";
    let values = vec!["sale".into(), from.into(), to.into(), true.into()];
    let mut out = Vec::new();
    for row in rows(db, sql, values).await? {
        out.push(Mover {
            product_id: get(&row, "product_id")?,
            name: get(&row, "name")?,
            category: get(&row, "category")?,
            unit: unit(&row)?,
            sold_milli: get(&row, "sold")?,
            on_hand_milli: get(&row, "on_hand")?,
        });
    }
    Ok(MoversReport::of(period, out))
}

/// The shifts of `period` not cancelled, per week.
pub async fn staffing(db: &impl ConnectionTrait, period: Period) -> Result<StaffingReport> {
    let mark = |m: &str| {
        format!(
            "(SELECT CAST(COUNT(*) AS BIGINT) FROM attendance_sheets a \
             JOIN attendance_lines l ON l.sheet_id = a.id \
             WHERE a.shift_id = s.id AND l.mark = '{m}') AS {m}"
        )
    };
    let sql = format!(
        "SELECT s.date AS date, CAST(s.seats AS BIGINT) AS seats, \
         (SELECT CAST(COUNT(*) AS BIGINT) FROM shift_bookings b \
          WHERE b.shift_id = s.id AND b.state = 'booked') AS booked, \
         {}, {}, {} \
         FROM shifts s WHERE s.date >= ? AND s.date <= ? AND s.cancelled = ?",
        mark("attended"),
        mark("excused"),
        mark("absent"),
    );
    let values = vec![period.from.into(), period.to.into(), false.into()];
    let count = |row: &QueryResult, c: &str| -> Result<u64> {
        Ok(u64::try_from(get::<i64>(row, c)?).unwrap_or(0))
    };
    let mut shifts = Vec::new();
    for row in rows(db, &sql, values).await? {
        shifts.push(ShiftCount {
            date: get(&row, "date")?,
            seats: count(&row, "seats")?,
            booked: count(&row, "booked")?,
            attended: count(&row, "attended")?,
            excused: count(&row, "excused")?,
            absent: count(&row, "absent")?,
        });
    }
    Ok(StaffingReport::of(period, &shifts))
}
