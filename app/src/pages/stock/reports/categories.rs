//! Sales per category and VAT rate over a period: the sums of the products' rows.

use super::{
    amount_cells, amounts_foot, amounts_head, period_words, rate_words, CsvLink, ReportFrame,
    SalesReportBody,
};
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::I18n;
use domain::stock::reports::SalesReport;
use leptos::prelude::*;

#[component]
pub fn CategoriesReportPage() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <ReportFrame title="report-categories" action="/stock/reports/categories">
                <SalesReportBody show=table />
            </ReportFrame>
        </Guard>
    }
}

/// The report's table, once loaded.
fn table(i: I18n, r: SalesReport) -> AnyView {
    let categories = r.by_category();
    let count = categories.len();
    view! {
        <p class="muted">{period_words(i, r.period)}</p>
        <CsvLink name="categories" period=r.period />
        <div class="table-wrap">
            <table class="report-table" data-testid="report-table">
                {amounts_head(i, "field-category", "report-products")}
                <tbody>
                    {categories
                        .into_iter()
                        .map(|c| {
                            let name = if c.category.is_empty() {
                                i.t("product-no-category")
                            } else {
                                c.category
                            };
                            view! {
                                <tr>
                                    <td>{name}</td>
                                    <td>{rate_words(c.vat_rate)}</td>
                                    <td class="num">{c.products}</td>
                                    {amount_cells(i, c.amounts)}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
                {amounts_foot(
                    i,
                    i.ta("report-total-rows", &[("count", count.to_string())]),
                    r.total,
                )}
            </table>
        </div>
        <p class="hint">{i.t("report-sales-note")}</p>
    }
    .into_any()
}
