//! Every member's status: filtered by status, searched by name or number, a page at a time,
//! with the balance and the date that matters. A plain GET form, so a view can be bookmarked.

use crate::api::rules::SHIFT_COORDINATORS;
use crate::api::statuses::{list_statuses, PAGE_SIZE};
use crate::components::guard::Guard;
use crate::components::pager::{page_number, Pager};
use crate::i18n::use_i18n;
use domain::shifts::Status;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Statuses() -> impl IntoView {
    view! {
        <Guard roles=SHIFT_COORDINATORS>
            <StatusList />
        </Guard>
    }
}

/// The label of a status, or of "all" for no filter.
fn filter_label(i: crate::i18n::I18n, filter: &str) -> String {
    if filter == "all" {
        i.t("statuses-filter-all")
    } else {
        i.t(&format!("status-{filter}"))
    }
}

#[component]
fn StatusList() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let filter = move || {
        query
            .read()
            .get("filter")
            .filter(|f| Status::parse(f).is_some())
            .unwrap_or_else(|| "all".into())
    };
    let page = move || page_number(&query.read());
    let results = Resource::new(
        move || (q(), filter(), page()),
        |(q, f, p)| list_statuses(q, f, p),
    );
    let filters: Vec<&'static str> = std::iter::once("all")
        .chain(Status::ALL.into_iter().rev().map(Status::as_str))
        .collect();
    view! {
        <section class="panel wide">
            <h1>{i.t("statuses-title")}</h1>
            <form method="get" action="/coordinator/statuses" class="search-row" role="search">
                <input
                    type="search"
                    name="q"
                    value=q
                    placeholder=i.t("statuses-search-placeholder")
                    aria-label=i.t("statuses-search-placeholder")
                />
                <select name="filter" aria-label=i.t("statuses-filter")>
                    {filters
                        .into_iter()
                        .map(|f| {
                            view! {
                                <option value=f selected=move || filter() == f>
                                    {filter_label(i, f)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <button type="submit" class="button">
                    {i.t("members-search")}
                </button>
            </form>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(p) => {
                            let total = p.total;
                            let shown = p.rows.len() as u64;
                            let current = page();
                            let link = move |to: u64| {
                                format!(
                                    "/coordinator/statuses?q={}&filter={}&page={to}",
                                    crate::url::encode(&q()),
                                    filter(),
                                )
                            };
                            view! {
                                <p class="muted" data-testid="status-count">
                                    {i.ta("members-count", &[("count", total.to_string())])}
                                </p>
                                <table class="list statuses" data-testid="status-list">
                                    <thead>
                                        <tr>
                                            <th>{i.t("field-member-number")}</th>
                                            <th>{i.t("field-name")}</th>
                                            <th>{i.t("statuses-status")}</th>
                                            <th class="num">{i.t("statuses-balance")}</th>
                                            <th>{i.t("statuses-date")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p
                                            .rows
                                            .into_iter()
                                            .map(|r| {
                                                view! {
                                                    <tr data-member=r.member_id.to_string()>
                                                        <td>{r.member_number}</td>
                                                        <td>
                                                            <a href=format!(
                                                                "/coordinator/members/{}/shifts",
                                                                r.member_id,
                                                            )>{format!("{} {}", r.first_name, r.last_name)}</a>
                                                        </td>
                                                        <td>
                                                            <span class=format!(
                                                                "badge status-{}",
                                                                r.status.as_str(),
                                                            )>{i.t(&format!("status-{}", r.status.as_str()))}</span>
                                                        </td>
                                                        <td class="num" data-testid="row-balance">
                                                            {r.balance}
                                                        </td>
                                                        <td>{r.date_that_matters.map(|d| i.date(d))}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                <Pager
                                    current=current
                                    shown=shown
                                    total=total
                                    page_size=PAGE_SIZE
                                    link=link
                                />
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
