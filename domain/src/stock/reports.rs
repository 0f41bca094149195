//! The reports the stock managers, the accountant and the board read: sales per product and
//! per category, VAT per rate per day and per month, stock value at cost, losses by reason,
//! slow and fast movers, shift staffing per week. The services read the rows; this module
//! holds their shapes, the sums (a total is the sum of its rows, to the cent), the roll-ups
//! (categories from products, months from days) and the CSV of each, so the screen and the
//! download say the same thing.

use crate::csv_table;
use crate::member::parse_date;
use crate::money::from_cents;
use crate::till::{from_milli, Unit, VatRate};
use crate::validation::{Errors, FieldError, Reason};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The longest period a report covers: ten years and a few days.
pub const MAX_PERIOD_DAYS: i64 = 3_660;

/// A period of whole days in the coop's time zone, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// Reads a period as typed (`YYYY-MM-DD`). Errors: `InvalidDate` on `from` or `to`,
    /// `EndBeforeStart` on `to`, `OutOfRange` on `to` past [`MAX_PERIOD_DAYS`].
    pub fn parse(from: &str, to: &str) -> Result<Period, Vec<FieldError>> {
        let mut e = Errors::default();
        let from_date = parse_date(from);
        if from_date.is_none() {
            e.add("from", Reason::InvalidDate);
        }
        let to_date = parse_date(to);
        if to_date.is_none() {
            e.add("to", Reason::InvalidDate);
        }
        if let (Some(f), Some(t)) = (from_date, to_date) {
            let days = (t - f).num_days();
            if days < 0 {
                e.add("to", Reason::EndBeforeStart);
            } else if days >= MAX_PERIOD_DAYS {
                e.add(
                    "to",
                    Reason::OutOfRange {
                        min: 1,
                        max: MAX_PERIOD_DAYS,
                    },
                );
            }
        }
        match (from_date, to_date) {
            (Some(from), Some(to)) => e.finish(Period { from, to }),
            _ => Err(e.0),
        }
    }

    /// The period typed, or, when neither end is typed, the month of `today` up to today.
    /// Errors: as [`Period::parse`].
    pub fn or_this_month(
        from: &str,
        to: &str,
        today: NaiveDate,
    ) -> Result<Period, Vec<FieldError>> {
        if from.trim().is_empty() && to.trim().is_empty() {
            Ok(Period {
                from: Period::month_of(today).from,
                to: today,
            })
        } else {
            Period::parse(from, to)
        }
    }

    /// The month holding `day`, from its first day to its last.
    pub fn month_of(day: NaiveDate) -> Period {
        let from = day.with_day(1).unwrap_or(day);
        let next = from
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(from);
        Period {
            from,
            to: next.pred_opt().unwrap_or(day),
        }
    }

    /// The days of the period, in order.
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        self.from.iter_days().take_while(move |d| *d <= self.to)
    }

    /// `from=…&to=…`, for links and downloads.
    pub fn query(self) -> String {
        format!("from={}&to={}", self.from, self.to)
    }
}

/// Money as a CSV cell: `12.34`, `-0.05`.
fn euros(cents: i64) -> String {
    from_cents(cents).to_string()
}

/// A quantity as a CSV cell: `1.5`, `12`.
fn quantity(milli: i64) -> String {
    from_milli(milli).normalize().to_string()
}

fn percent(rate: VatRate) -> String {
    rate.percent().normalize().to_string()
}

/// Money summed: gross (with VAT), net and VAT, with `net + vat == gross` on every row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amounts {
    pub gross_cents: i64,
    pub net_cents: i64,
    pub vat_cents: i64,
}

impl Amounts {
    /// The VAT inside `gross_cents` at `rate`, rounded half away from zero, and the net the
    /// rest: the receipt's rule (`VatRate::vat_in`), applied to a total.
    pub fn of_gross(rate: VatRate, gross_cents: i64) -> Amounts {
        let vat = crate::money::to_cents(rate.vat_in(from_cents(gross_cents))).unwrap_or(0);
        Amounts {
            gross_cents,
            net_cents: gross_cents - vat,
            vat_cents: vat,
        }
    }

    pub fn add(&mut self, other: Amounts) {
        self.gross_cents += other.gross_cents;
        self.net_cents += other.net_cents;
        self.vat_cents += other.vat_cents;
    }

    pub fn sum<'a>(all: impl IntoIterator<Item = &'a Amounts>) -> Amounts {
        let mut total = Amounts::default();
        for a in all {
            total.add(*a);
        }
        total
    }

    fn cells(self) -> [String; 3] {
        [
            euros(self.net_cents),
            euros(self.vat_cents),
            euros(self.gross_cents),
        ]
    }
}

/// What one product sold at one VAT rate over a period: the goods (after discounts, without
/// deposits) of the sale lines rung up in it. Returns are not taken off: they are refunds of
/// their own day, in the VAT report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductSales {
    pub product_id: Uuid,
    pub name: String,
    /// The category's name; empty for none.
    pub category: String,
    pub unit: Unit,
    pub vat_rate: VatRate,
    pub quantity_milli: i64,
    pub amounts: Amounts,
}

/// What one category sold at one VAT rate: the sum of its products' rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategorySales {
    pub category: String,
    pub vat_rate: VatRate,
    pub products: u64,
    pub amounts: Amounts,
}

/// Sales per product over a period, by name; the total is the sum of the rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesReport {
    pub period: Period,
    pub rows: Vec<ProductSales>,
    pub total: Amounts,
}

impl SalesReport {
    /// The report of these rows, sorted by name, then rate.
    pub fn of(period: Period, mut rows: Vec<ProductSales>) -> SalesReport {
        rows.sort_by(|a, b| {
            (&a.name, a.vat_rate, a.product_id).cmp(&(&b.name, b.vat_rate, b.product_id))
        });
        let total = Amounts::sum(rows.iter().map(|r| &r.amounts));
        SalesReport {
            period,
            rows,
            total,
        }
    }

    /// The same sales per category and rate, by category name (no category first); their
    /// amounts add up to the same total.
    pub fn by_category(&self) -> Vec<CategorySales> {
        let mut groups: BTreeMap<(&str, VatRate), CategorySales> = BTreeMap::new();
        for r in &self.rows {
            let g = groups
                .entry((r.category.as_str(), r.vat_rate))
                .or_insert_with(|| CategorySales {
                    category: r.category.clone(),
                    vat_rate: r.vat_rate,
                    products: 0,
                    amounts: Amounts::default(),
                });
            g.products += 1;
            g.amounts.add(r.amounts);
        }
        groups.into_values().collect()
    }

    pub const COLUMNS: [&'static str; 9] = [
        "product",
        "category",
        "unit",
        "vat_percent",
        "quantity",
        "net",
        "vat",
        "gross",
        "product_id",
    ];

    pub fn csv(&self) -> String {
        let rows = self.rows.iter().map(|r| {
            let [net, vat, gross] = r.amounts.cells();
            vec![
                r.name.clone(),
                r.category.clone(),
                r.unit.as_str().to_string(),
                percent(r.vat_rate),
                quantity(r.quantity_milli),
                net,
                vat,
                gross,
                r.product_id.to_string(),
            ]
        });
        csv_table::write(&Self::COLUMNS, rows.chain([total_row(self.total, 5, 1)]))
    }

    pub const CATEGORY_COLUMNS: [&'static str; 6] =
        ["category", "vat_percent", "products", "net", "vat", "gross"];

    pub fn categories_csv(&self) -> String {
        let rows = self.by_category().into_iter().map(|c| {
            let [net, vat, gross] = c.amounts.cells();
            vec![
                c.category,
                percent(c.vat_rate),
                c.products.to_string(),
                net,
                vat,
                gross,
            ]
        });
        csv_table::write(
            &Self::CATEGORY_COLUMNS,
            rows.chain([total_row(self.total, 3, 0)]),
        )
    }
}

/// The last row of a CSV: `total`, then empty cells up to the amounts, the amounts, and
/// `after` empty cells.
fn total_row(total: Amounts, before: usize, after: usize) -> Vec<String> {
    let mut row = vec!["total".to_string()];
    row.extend(std::iter::repeat_n(String::new(), before - 1));
    row.extend(total.cells());
    row.extend(std::iter::repeat_n(String::new(), after));
    row
}

/// One VAT rate on one day: sales (from the receipts' VAT lines) less refunds (from the
/// returns' VAT lines), each as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatDay {
    pub date: NaiveDate,
    pub vat_rate: VatRate,
    pub sales: Amounts,
    pub refunds: Amounts,
}

impl VatDay {
    /// What is owed: sales less refunds.
    pub fn due(&self) -> Amounts {
        Amounts {
            gross_cents: self.sales.gross_cents - self.refunds.gross_cents,
            net_cents: self.sales.net_cents - self.refunds.net_cents,
            vat_cents: self.sales.vat_cents - self.refunds.vat_cents,
        }
    }
}

/// VAT per rate per day over a period, by day then rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatReport {
    pub period: Period,
    pub days: Vec<VatDay>,
    pub total: Amounts,
}

/// One VAT rate over one month: the sum of its days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatMonth {
    /// The first day of the month.
    pub month: NaiveDate,
    pub vat_rate: VatRate,
    pub sales: Amounts,
    pub refunds: Amounts,
    pub due: Amounts,
}

impl VatReport {
    pub fn of(period: Period, mut days: Vec<VatDay>) -> VatReport {
        days.sort_by_key(|d| (d.date, d.vat_rate));
        let dues: Vec<Amounts> = days.iter().map(VatDay::due).collect();
        VatReport {
            period,
            total: Amounts::sum(&dues),
            days,
        }
    }

    /// The days summed per month and rate.
    pub fn by_month(&self) -> Vec<VatMonth> {
        let mut months: BTreeMap<(NaiveDate, VatRate), VatMonth> = BTreeMap::new();
        for d in &self.days {
            let month = Period::month_of(d.date).from;
            let m = months
                .entry((month, d.vat_rate))
                .or_insert_with(|| VatMonth {
                    month,
                    vat_rate: d.vat_rate,
                    sales: Amounts::default(),
                    refunds: Amounts::default(),
                    due: Amounts::default(),
                });
            m.sales.add(d.sales);
            m.refunds.add(d.refunds);
            m.due.add(d.due());
        }
        months.into_values().collect()
    }

    pub const COLUMNS: [&'static str; 11] = [
        "date",
        "vat_percent",
        "sales_net",
        "sales_vat",
        "sales_gross",
        "refunds_net",
        "refunds_vat",
        "refunds_gross",
        "net",
        "vat",
        "gross",
    ];

    fn csv_of(
        &self,
        rows: impl Iterator<Item = (String, VatRate, Amounts, Amounts, Amounts)>,
    ) -> String {
        let rows = rows.map(|(when, rate, sales, refunds, due)| {
            let mut row = vec![when, percent(rate)];
            row.extend(sales.cells());
            row.extend(refunds.cells());
            row.extend(due.cells());
            row
        });
        csv_table::write(&Self::COLUMNS, rows.chain([total_row(self.total, 8, 0)]))
    }

    pub fn days_csv(&self) -> String {
        self.csv_of(
            self.days
                .iter()
                .map(|d| (d.date.to_string(), d.vat_rate, d.sales, d.refunds, d.due())),
        )
    }

    /// Months are written `YYYY-MM`.
    pub fn months_csv(&self) -> String {
        self.csv_of(self.by_month().into_iter().map(|m| {
            (
                m.month.format("%Y-%m").to_string(),
                m.vat_rate,
                m.sales,
                m.refunds,
                m.due,
            )
        }))
    }
}

/// A product's stock and what it is worth at its cost (rounded once, from its pack).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockValueRow {
    pub product_id: Uuid,
    pub name: String,
    pub category: String,
    pub unit: Unit,
    pub on_hand_milli: i64,
    /// `None` for a product without cost price (no supplier).
    pub value_cents: Option<i64>,
}

/// The stock on hand at cost, product by product (products with stock, by name); those
/// without a cost are listed apart and not in the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockValueReport {
    /// The day whose end the stock is taken at.
    pub day: NaiveDate,
    /// The moment the stock is taken at: the midnight after `day`.
    pub at_ms: i64,
    pub rows: Vec<StockValueRow>,
    pub without_cost: Vec<StockValueRow>,
    pub total_cents: i64,
}

impl StockValueReport {
    pub fn of(day: NaiveDate, at_ms: i64, all: Vec<StockValueRow>) -> StockValueReport {
        let (mut rows, mut without_cost): (Vec<_>, Vec<_>) =
            all.into_iter().partition(|r| r.value_cents.is_some());
        rows.sort_by(|a, b| (&a.name, a.product_id).cmp(&(&b.name, b.product_id)));
        without_cost.sort_by(|a, b| (&a.name, a.product_id).cmp(&(&b.name, b.product_id)));
        StockValueReport {
            day,
            at_ms,
            total_cents: rows.iter().filter_map(|r| r.value_cents).sum(),
            rows,
            without_cost,
        }
    }

    pub const COLUMNS: [&'static str; 6] = [
        "product",
        "category",
        "unit",
        "on_hand",
        "value",
        "product_id",
    ];

    /// Every product with stock; those without cost have an empty value, after the others.
    pub fn csv(&self) -> String {
        let rows = self.rows.iter().chain(&self.without_cost).map(|r| {
            vec![
                r.name.clone(),
                r.category.clone(),
                r.unit.as_str().to_string(),
                quantity(r.on_hand_milli),
                r.value_cents.map(euros).unwrap_or_default(),
                r.product_id.to_string(),
            ]
        });
        let total = vec![
            "total".to_string(),
            String::new(),
            String::new(),
            String::new(),
            euros(self.total_cents),
            String::new(),
        ];
        csv_table::write(&Self::COLUMNS, rows.chain([total]))
    }
}

/// What one product lost for one reason over a period: the quantity (positive) and what the
/// moves were worth at the day's cost (the moves without a value are counted apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LossRow {
    /// One of `LOSS_REASONS`, or empty for a loss recorded without one.
    pub reason: String,
    pub product_id: Uuid,
    pub name: String,
    pub unit: Unit,
    pub moves: u64,
    pub quantity_milli: i64,
    pub value_cents: i64,
    /// Moves of this row recorded without a value (the product had no cost).
    pub unvalued_moves: u64,
}

/// One reason's losses: the sum of its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LossReason {
    pub reason: String,
    pub products: u64,
    pub moves: u64,
    pub value_cents: i64,
    pub unvalued_moves: u64,
}

/// Losses over a period by reason, then by product name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LossReport {
    pub period: Period,
    pub rows: Vec<LossRow>,
    pub total_cents: i64,
}

impl LossReport {
    pub fn of(period: Period, mut rows: Vec<LossRow>) -> LossReport {
        rows.sort_by(|a, b| {
            (&a.reason, &a.name, a.product_id).cmp(&(&b.reason, &b.name, b.product_id))
        });
        LossReport {
            period,
            total_cents: rows.iter().map(|r| r.value_cents).sum(),
            rows,
        }
    }

    pub fn by_reason(&self) -> Vec<LossReason> {
        let mut reasons: BTreeMap<&str, LossReason> = BTreeMap::new();
        for r in &self.rows {
            let g = reasons
                .entry(r.reason.as_str())
                .or_insert_with(|| LossReason {
                    reason: r.reason.clone(),
                    products: 0,
                    moves: 0,
                    value_cents: 0,
                    unvalued_moves: 0,
                });
            g.products += 1;
            g.moves += r.moves;
            g.value_cents += r.value_cents;
            g.unvalued_moves += r.unvalued_moves;
        }
        reasons.into_values().collect()
    }

    pub const COLUMNS: [&'static str; 8] = [
        "reason",
        "product",
        "unit",
        "moves",
        "quantity",
        "value",
        "moves_without_value",
        "product_id",
    ];

    pub fn csv(&self) -> String {
        let rows = self.rows.iter().map(|r| {
            vec![
                r.reason.clone(),
                r.name.clone(),
                r.unit.as_str().to_string(),
                r.moves.to_string(),
                quantity(r.quantity_milli),
                euros(r.value_cents),
                r.unvalued_moves.to_string(),
                r.product_id.to_string(),
            ]
        });
        let mut total = vec!["total".to_string()];
        total.extend(std::iter::repeat_n(String::new(), 4));
        total.push(euros(self.total_cents));
        total.extend([String::new(), String::new()]);
        csv_table::write(&Self::COLUMNS, rows.chain([total]))
    }
}

/// A product's sales over a period and its stock now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mover {
    pub product_id: Uuid,
    pub name: String,
    pub category: String,
    pub unit: Unit,
    pub sold_milli: i64,
    pub on_hand_milli: i64,
}

/// Products on sale ranked by what they sold over a period, most first: the fast movers at
/// the top, the slow ones at the bottom, down to products with stock that sold nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoversReport {
    pub period: Period,
    pub rows: Vec<Mover>,
}

impl MoversReport {
    /// Ranked by quantity sold, most first; equal sales by name. Products that sold nothing
    /// and hold no stock are left out: nothing to say about them.
    pub fn of(period: Period, rows: Vec<Mover>) -> MoversReport {
        let mut rows: Vec<Mover> = rows
            .into_iter()
            .filter(|r| r.sold_milli != 0 || r.on_hand_milli > 0)
            .collect();
        rows.sort_by(|a, b| {
            b.sold_milli
                .cmp(&a.sold_milli)
                .then_with(|| (&a.name, a.product_id).cmp(&(&b.name, b.product_id)))
        });
        MoversReport { period, rows }
    }

    /// The `n` that sold most.
    pub fn fast(&self, n: usize) -> &[Mover] {
        &self.rows[..n.min(self.rows.len())]
    }

    /// The `n` that sold least, least first.
    pub fn slow(&self, n: usize) -> Vec<&Mover> {
        self.rows.iter().rev().take(n).collect()
    }

    pub const COLUMNS: [&'static str; 7] = [
        "rank",
        "product",
        "category",
        "unit",
        "sold",
        "on_hand",
        "product_id",
    ];

    pub fn csv(&self) -> String {
        let rows = self.rows.iter().enumerate().map(|(i, r)| {
            vec![
                (i + 1).to_string(),
                r.name.clone(),
                r.category.clone(),
                r.unit.as_str().to_string(),
                quantity(r.sold_milli),
                quantity(r.on_hand_milli),
                r.product_id.to_string(),
            ]
        });
        csv_table::write(&Self::COLUMNS, rows)
    }
}

/// One shift of the period as the staffing report counts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftCount {
    pub date: NaiveDate,
    pub seats: u64,
    pub booked: u64,
    pub attended: u64,
    pub excused: u64,
    pub absent: u64,
}

/// One week's staffing: shifts not cancelled, their seats, the seats booked, and the marks of
/// their attendance sheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffingWeek {
    /// The Monday of the week.
    pub week: NaiveDate,
    pub shifts: u64,
    pub seats: u64,
    pub booked: u64,
    pub attended: u64,
    pub excused: u64,
    pub absent: u64,
}

impl StaffingWeek {
    /// Booked seats over seats, in percent, rounded down; 0 without seats.
    pub fn filled_percent(&self) -> u64 {
        (self.booked * 100).checked_div(self.seats).unwrap_or(0)
    }

    fn cells(&self) -> Vec<String> {
        [
            self.shifts,
            self.seats,
            self.booked,
            self.attended,
            self.excused,
            self.absent,
        ]
        .iter()
        .map(u64::to_string)
        .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffingReport {
    pub period: Period,
    pub weeks: Vec<StaffingWeek>,
    pub total: StaffingWeek,
}

impl StaffingReport {
    /// The shifts summed per week (weeks start on Monday), by week; the total is the sum of
    /// the weeks, dated at the period's first day.
    pub fn of(period: Period, shifts: &[ShiftCount]) -> StaffingReport {
        let empty = |week| StaffingWeek {
            week,
            shifts: 0,
            seats: 0,
            booked: 0,
            attended: 0,
            excused: 0,
            absent: 0,
        };
        let add = |w: &mut StaffingWeek, s: &ShiftCount| {
            w.shifts += 1;
            w.seats += s.seats;
            w.booked += s.booked;
            w.attended += s.attended;
            w.excused += s.excused;
            w.absent += s.absent;
        };
        let mut weeks: BTreeMap<NaiveDate, StaffingWeek> = BTreeMap::new();
        let mut total = empty(period.from);
        for s in shifts {
            let monday =
                s.date - chrono::Duration::days(i64::from(s.date.weekday().num_days_from_monday()));
            add(weeks.entry(monday).or_insert_with(|| empty(monday)), s);
            add(&mut total, s);
        }
        StaffingReport {
            period,
            weeks: weeks.into_values().collect(),
            total,
        }
    }

    pub const COLUMNS: [&'static str; 7] = [
        "week", "shifts", "seats", "booked", "attended", "excused", "absent",
    ];

    pub fn csv(&self) -> String {
        let rows = self.weeks.iter().map(|w| {
            let mut row = vec![w.week.to_string()];
            row.extend(w.cells());
            row
        });
        let mut total = vec!["total".to_string()];
        total.extend(self.total.cells());
        csv_table::write(&Self::COLUMNS, rows.chain([total]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn period(from: &str, to: &str) -> Period {
        Period::parse(from, to).unwrap()
    }

    #[test]
    fn periods_as_typed() {
        assert_eq!(
            Period::parse("2026-11-01", "2026-11-30"),
            Ok(Period {
                from: day("2026-11-01"),
                to: day("2026-11-30")
            })
        );
        assert!(Period::parse("2026-11-01", "2026-11-01").is_ok());
        let reasons = |f: &str, t: &str| -> Vec<(String, Reason)> {
            Period::parse(f, t)
                .unwrap_err()
                .into_iter()
                .map(|e| (e.field, e.reason))
                .collect()
        };
        assert_eq!(
            reasons("2026-11-02", "2026-11-01"),
            [("to".to_string(), Reason::EndBeforeStart)]
        );
        assert_eq!(
            reasons("1.11.2026", "+02026-11-01"),
            [
                ("from".to_string(), Reason::InvalidDate),
                ("to".to_string(), Reason::InvalidDate)
            ]
        );
        assert_eq!(
            reasons("2000-01-01", "2026-01-01"),
            [(
                "to".to_string(),
                Reason::OutOfRange {
                    min: 1,
                    max: MAX_PERIOD_DAYS
                }
            )]
        );
    }

    #[test]
    fn no_period_is_this_month_so_far() {
        assert_eq!(
            Period::or_this_month("", " ", day("2026-12-05")),
            Ok(period("2026-12-01", "2026-12-05"))
        );
        assert_eq!(
            Period::or_this_month("2026-11-01", "2026-11-30", day("2026-12-05")),
            Ok(period("2026-11-01", "2026-11-30"))
        );
        assert!(Period::or_this_month("", "2026-11-30", day("2026-12-05")).is_err());
    }

    #[test]
    fn months_and_days() {
        assert_eq!(
            Period::month_of(day("2028-02-14")),
            period("2028-02-01", "2028-02-29")
        );
        assert_eq!(
            Period::month_of(day("2026-12-31")),
            period("2026-12-01", "2026-12-31")
        );
        assert_eq!(period("2026-12-30", "2027-01-02").days().count(), 4);
        assert_eq!(
            period("2026-12-30", "2027-01-02").query(),
            "from=2026-12-30&to=2027-01-02"
        );
    }

    #[test]
    fn vat_of_a_gross_total() {
        // 10.60 at 6 %: 0.60 of VAT; 1.45 at 21 %: 0.2516..., 0.25; 0.01 at 21 %: nothing.
        let cases = [
            (600, 1_060, 60),
            (2_100, 145, 25),
            (2_100, 1, 0),
            (600, -1_060, -60),
            (0, 500, 0),
        ];
        for (bp, gross, vat) in cases {
            let a = Amounts::of_gross(VatRate(bp), gross);
            assert_eq!((a.vat_cents, a.net_cents + a.vat_cents), (vat, gross));
        }
    }

    fn sales(name: &str, category: &str, bp: u32, gross: i64) -> ProductSales {
        ProductSales {
            product_id: Uuid::from_u128(name.len() as u128 * 1000 + u128::from(bp)),
            name: name.into(),
            category: category.into(),
            unit: Unit::Piece,
            vat_rate: VatRate(bp),
            quantity_milli: 1_000,
            amounts: Amounts::of_gross(VatRate(bp), gross),
        }
    }

    #[test]
    fn categories_sum_their_products() {
        let report = SalesReport::of(
            period("2026-11-01", "2026-11-30"),
            vec![
                sales("Savon", "Droguerie", 2_100, 499),
                sales("Pain", "Boulangerie", 600, 320),
                sales("Baguette", "Boulangerie", 600, 125),
                sales("Journal", "", 0, 100),
            ],
        );
        let names: Vec<&str> = report.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Baguette", "Journal", "Pain", "Savon"]);
        assert_eq!(report.total.gross_cents, 1_044);
        let cats = report.by_category();
        let got: Vec<(&str, u64, i64)> = cats
            .iter()
            .map(|c| (c.category.as_str(), c.products, c.amounts.gross_cents))
            .collect();
        assert_eq!(
            got,
            [("", 1, 100), ("Boulangerie", 2, 445), ("Droguerie", 1, 499)]
        );
        let cat_total = Amounts::sum(cats.iter().map(|c| &c.amounts));
        assert_eq!(cat_total, report.total);
        let csv = report.csv();
        assert!(csv
            .starts_with("product,category,unit,vat_percent,quantity,net,vat,gross,product_id\n"));
        assert!(csv.contains("Pain,Boulangerie,piece,6,1,3.02,0.18,3.20,"));
        assert!(csv.ends_with("total,,,,,9.32,1.12,10.44,\n"));
        assert!(report
            .categories_csv()
            .ends_with("total,,,9.32,1.12,10.44\n"));
    }

    #[test]
    fn a_formula_in_a_name_is_neutralised() {
        let report = SalesReport::of(
            period("2026-11-01", "2026-11-30"),
            vec![sales("=HYPERLINK(\"x\")", "@cat", 600, 106)],
        );
        let csv = report.csv();
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\",'@cat,"), "{csv}");
    }

    #[test]
    fn vat_months_sum_their_days() {
        let a = |gross| Amounts::of_gross(VatRate(600), gross);
        let days = vec![
            VatDay {
                date: day("2026-12-01"),
                vat_rate: VatRate(600),
                sales: a(1_060),
                refunds: Amounts::default(),
            },
            VatDay {
                date: day("2026-11-30"),
                vat_rate: VatRate(600),
                sales: a(2_120),
                refunds: a(106),
            },
            VatDay {
                date: day("2026-11-02"),
                vat_rate: VatRate(600),
                sales: a(530),
                refunds: Amounts::default(),
            },
        ];
        let report = VatReport::of(period("2026-11-01", "2026-12-31"), days);
        assert_eq!(report.days[0].date, day("2026-11-02"));
        assert_eq!(report.total.gross_cents, 1_060 + 2_120 - 106 + 530);
        let months = report.by_month();
        assert_eq!(months.len(), 2);
        assert_eq!(months[0].month, day("2026-11-01"));
        assert_eq!(months[0].due.gross_cents, 2_120 - 106 + 530);
        assert_eq!(months[0].due.vat_cents, 120 - 6 + 30);
        let sum = Amounts::sum(months.iter().map(|m| &m.due));
        assert_eq!(sum, report.total);
        assert!(report.months_csv().contains("\n2026-11,6,"));
    }

    #[test]
    fn stock_value_without_cost_is_apart() {
        let row = |name: &str, value| StockValueRow {
            product_id: Uuid::nil(),
            name: name.into(),
            category: String::new(),
            unit: Unit::Kg,
            on_hand_milli: 1_500,
            value_cents: value,
        };
        let r = StockValueReport::of(
            day("2026-11-30"),
            0,
            vec![
                row("Riz", Some(450)),
                row("Sel", None),
                row("Blé", Some(-30)),
            ],
        );
        assert_eq!(r.total_cents, 420);
        assert_eq!(r.rows.len(), 2);
        assert_eq!(r.without_cost[0].name, "Sel");
        let csv = r.csv();
        assert!(csv.contains("Sel,,kg,1.5,,"));
        assert!(csv.ends_with("total,,,,4.20,\n"));
    }

    #[test]
    fn losses_by_reason() {
        let row = |reason: &str, name: &str, value| LossRow {
            reason: reason.into(),
            product_id: Uuid::nil(),
            name: name.into(),
            unit: Unit::Piece,
            moves: 2,
            quantity_milli: 3_000,
            value_cents: value,
            unvalued_moves: 1,
        };
        let r = LossReport::of(
            period("2026-11-01", "2026-11-30"),
            vec![
                row("stolen", "Savon", 300),
                row("expired", "Lait", 80),
                row("expired", "Yaourt", 45),
            ],
        );
        assert_eq!(r.total_cents, 425);
        let reasons: Vec<(String, u64, i64)> = r
            .by_reason()
            .into_iter()
            .map(|g| (g.reason, g.moves, g.value_cents))
            .collect();
        assert_eq!(
            reasons,
            [
                ("expired".to_string(), 4, 125),
                ("stolen".to_string(), 2, 300)
            ]
        );
        assert!(r.csv().ends_with("total,,,,,4.25,,\n"));
    }

    #[test]
    fn movers_ranked() {
        let m = |name: &str, sold, on_hand| Mover {
            product_id: Uuid::nil(),
            name: name.into(),
            category: String::new(),
            unit: Unit::Piece,
            sold_milli: sold,
            on_hand_milli: on_hand,
        };
        let r = MoversReport::of(
            period("2026-11-01", "2026-11-30"),
            vec![
                m("Sel", 0, 5_000),
                m("Pain", 40_000, 0),
                m("Vide", 0, 0),
                m("Lait", 40_000, 3_000),
                m("Riz", 2_000, 1_000),
            ],
        );
        let names: Vec<&str> = r.rows.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Lait", "Pain", "Riz", "Sel"]);
        assert_eq!(r.fast(1)[0].name, "Lait");
        assert_eq!(
            r.slow(2)
                .iter()
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>(),
            ["Sel", "Riz"]
        );
        assert_eq!(r.fast(10).len(), 4);
        assert!(r.csv().contains("\n4,Sel,,piece,0,5,"));
    }

    #[test]
    fn staffing_per_week() {
        let s = |date: &str, seats, booked, attended| ShiftCount {
            date: day(date),
            seats,
            booked,
            attended,
            excused: 0,
            absent: booked - attended,
        };
        // 2026-11-29 is a Sunday, 2026-11-30 a Monday.
        let r = StaffingReport::of(
            period("2026-11-23", "2026-12-06"),
            &[
                s("2026-11-29", 6, 5, 4),
                s("2026-11-30", 6, 6, 6),
                s("2026-11-23", 4, 2, 2),
            ],
        );
        let weeks: Vec<(NaiveDate, u64, u64, u64)> = r
            .weeks
            .iter()
            .map(|w| (w.week, w.shifts, w.seats, w.booked))
            .collect();
        assert_eq!(
            weeks,
            [(day("2026-11-23"), 2, 10, 7), (day("2026-11-30"), 1, 6, 6)]
        );
        assert_eq!(
            (r.total.shifts, r.total.attended, r.total.absent),
            (3, 12, 1)
        );
        assert_eq!(r.weeks[0].filled_percent(), 70);
        assert!(r.csv().ends_with("total,3,16,13,12,0,1\n"));
    }

    proptest! {
        #[test]
        fn totals_agree_to_the_cent(
            rows in proptest::collection::vec((0usize..4, 0usize..3, -100_000i64..1_000_000), 0..60)
        ) {
            let rates = [0, 600, 2_100];
            let categories = ["", "Épicerie", "Frais", "Vrac"];
            let products: Vec<ProductSales> = rows
                .iter()
                .enumerate()
                .map(|(i, (c, r, gross))| ProductSales {
                    product_id: Uuid::from_u128(i as u128),
                    name: format!("p{i}"),
                    category: categories[*c].to_string(),
                    unit: Unit::Piece,
                    vat_rate: VatRate(rates[*r]),
                    quantity_milli: 1_000,
                    amounts: Amounts::of_gross(VatRate(rates[*r]), *gross),
                })
                .collect();
            let report = SalesReport::of(period("2026-01-01", "2026-12-31"), products);
            for r in &report.rows {
                prop_assert_eq!(r.amounts.net_cents + r.amounts.vat_cents, r.amounts.gross_cents);
            }
            let cats = report.by_category();
            prop_assert_eq!(Amounts::sum(cats.iter().map(|c| &c.amounts)), report.total);
            let gross: i64 = rows.iter().map(|(_, _, g)| g).sum();
            prop_assert_eq!(report.total.gross_cents, gross);
            prop_assert_eq!(report.total.net_cents + report.total.vat_cents, gross);
        }
    }
}
