//! The reports for the stock managers, the accountant and the board: a hub with the period to
//! report on, and one page per report, each a table that reads on a phone (it scrolls
//! sideways when wide) with its total, and a link to download the same report as CSV
//! (`server::reports`). The period is in the address (`?from=&to=`, this month so far when
//! absent), picked with a plain GET form.

pub mod categories;
pub mod losses;
pub mod movers;
pub mod sales;
pub mod staffing;
pub mod stock_value;
pub mod vat;

use crate::api::reports::STAFFING_READERS;
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::{use_i18n, I18n};
use domain::stock::reports::{Amounts, Period, SalesReport};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The period of the address as typed: (`from`, `to`), empty when absent.
pub fn typed_period() -> impl Fn() -> (String, String) + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        let q = query.read();
        (
            q.get("from").unwrap_or_default(),
            q.get("to").unwrap_or_default(),
        )
    }
}

/// A period in words: `01/11/2026 – 30/11/2026`.
pub fn period_words(i: I18n, p: Period) -> String {
    format!("{} – {}", i.date(p.from), i.date(p.to))
}

#[component]
pub fn ReportsHome() -> impl IntoView {
    view! {
        <Guard roles=STAFFING_READERS>
            <Hub />
        </Guard>
    }
}

/// The reports, each with its hint, and the period they open on.
#[component]
fn Hub() -> impl IntoView {
    let i = use_i18n();
    let period = typed_period();
    let stock_keeper = use_context::<crate::Session>()
        .and_then(|s| s.viewer)
        .is_some_and(|v| v.may(STOCK_KEEPERS));
    let reports = [
        ("sales", true),
        ("categories", true),
        ("vat", true),
        ("stock-value", true),
        ("losses", true),
        ("movers", true),
        ("staffing", false),
    ];
    let (from, to) = period();
    let query = format!(
        "from={}&to={}",
        crate::url::encode(&from),
        crate::url::encode(&to)
    );
    view! {
        <section class="hub reports-hub">
            <h1>{i.t("reports-title")}</h1>
            <PeriodForm action="/stock/reports" />
            <ul class="hub-links">
                {reports
                    .into_iter()
                    .filter(|(_, stock_only)| stock_keeper || !stock_only)
                    .map(|(name, _)| {
                        let href = format!("/stock/reports/{name}?{query}");
                        view! {
                            <li>
                                <a href=href data-testid=format!("report-{name}")>
                                    <strong>{i.t(&format!("report-{name}"))}</strong>
                                    <span class="hint">{i.t(&format!("report-{name}-hint"))}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// The period picker: a GET form to `action` with the two days (empty: this month so far).
#[component]
pub fn PeriodForm(action: &'static str) -> impl IntoView {
    let i = use_i18n();
    let (from, to) = typed_period()();
    view! {
        <form method="get" action=action class="period-form no-print">
            <label>
                <span>{i.t("report-from")}</span>
                <input type="date" name="from" value=from />
            </label>
            <label>
                <span>{i.t("report-to")}</span>
                <input type="date" name="to" value=to />
            </label>
            <button type="submit" class="button">
                {i.t("report-show")}
            </button>
        </form>
    }
}

/// A report page's frame: the way back, the title, the period form and the CSV link.
#[component]
pub fn ReportFrame(
    title: &'static str,
    /// The page's own address, for the period form.
    action: &'static str,
    children: Children,
) -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="panel wide report-page">
            <p class="back-row no-print">
                <a href="/stock/reports">{i.t("reports-back")}</a>
            </p>
            <h1>{i.t(title)}</h1>
            <PeriodForm action=action />
            {children()}
        </section>
    }
}

/// The download of the report shown, for its period.
#[component]
pub fn CsvLink(name: &'static str, period: Period) -> impl IntoView {
    let i = use_i18n();
    view! {
        <p class="csv-row">
            <a
                class="button"
                href=format!("/stock/reports/{name}.csv?{}", period.query())
                download=format!("{name}-{}-{}.csv", period.from, period.to)
                data-testid="csv-link"
            >
                {i.t("report-csv")}
            </a>
        </p>
    }
}

/// A percentage of VAT as a person reads it: `6 %`.
pub fn rate_words(rate: domain::till::VatRate) -> String {
    format!("{} %", rate.percent().normalize())
}

/// What a report page shows while loading or when refused.
pub fn loading(i: I18n) -> impl IntoView {
    view! { <p class="muted">{i.t("loading")}</p> }
}

pub fn refused(i: I18n, e: &crate::error::AppError) -> AnyView {
    view! { <p class="alert error">{i.error(e)}</p> }.into_any()
}

/// The head of a table of amounts: its first two columns (what, VAT rate), a third, then net,
/// VAT and gross. Shared by the sales, categories and VAT reports.
pub fn amounts_head(i: I18n, first: &str, third: &str) -> impl IntoView {
    view! {
        <thead>
            <tr>
                <th>{i.t(first)}</th>
                <th>{i.t("field-vat")}</th>
                <th class="num">{i.t(third)}</th>
                <th class="num">{i.t("report-net")}</th>
                <th class="num">{i.t("report-vat-amount")}</th>
                <th class="num">{i.t("report-gross")}</th>
            </tr>
        </thead>
    }
}

/// The net, VAT and gross cells of a row.
pub fn amount_cells(i: I18n, a: Amounts) -> impl IntoView {
    view! {
        <td class="num">{i.money(a.net_cents)}</td>
        <td class="num">{i.money(a.vat_cents)}</td>
        <td class="num">{i.money(a.gross_cents)}</td>
    }
}

/// The total row of a table of amounts, under its first three columns' `label`.
pub fn amounts_foot(i: I18n, label: String, total: Amounts) -> impl IntoView {
    view! {
        <tfoot>
            <tr data-testid="report-total">
                <th colspan="3">{label}</th>
                {amount_cells(i, total)}
            </tr>
        </tfoot>
    }
}

/// The sales report of the address's period, shown by `show` once loaded (per product, per
/// category), or why it was refused.
#[component]
pub fn SalesReportBody(show: fn(I18n, SalesReport) -> AnyView) -> impl IntoView {
    let i = use_i18n();
    let period = typed_period();
    let report = Resource::new(period, |(from, to)| {
        crate::api::reports::sales_report(from, to)
    });
    view! {
        <Suspense fallback=move || loading(
            i,
        )>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) => show(i, r),
                    Err(e) => refused(i, &e),
                }
            })}
        </Suspense>
    }
}
