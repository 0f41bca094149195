//! The member list: search by number, name, email or card; active members, leavers or all.
//! The search is a plain GET form, so a result can be bookmarked and works without JavaScript.

use crate::api::members::{search_members, PAGE_SIZE};
use crate::api::REGISTER_KEEPERS;
use crate::components::guard::Guard;
use crate::components::pager::{page_number, Pager};
use crate::i18n::use_i18n;
use domain::register::MemberFilter;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Members() -> impl IntoView {
    view! {
        <Guard roles=REGISTER_KEEPERS>
            <MemberList />
        </Guard>
    }
}

#[component]
fn MemberList() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let filter = move || MemberFilter::parse(&query.read().get("filter").unwrap_or_default());
    let page = move || page_number(&query.read());
    let results = Resource::new(
        move || (q(), filter(), page()),
        |(q, f, p)| search_members(q, f, p),
    );
    let filters = [
        MemberFilter::Active,
        MemberFilter::Leavers,
        MemberFilter::All,
    ];
    view! {
        <section class="panel wide">
            <div class="title-row">
                <h1>{i.t("members-title")}</h1>
                <div class="actions">
                    <a class="button primary" href="/admin/members/new">
                        {i.t("members-new")}
                    </a>
                    <a class="button" href="/admin/members.csv" download="members.csv">
                        {i.t("members-export")}
                    </a>
                </div>
            </div>
            <form method="get" action="/admin/members" class="search-row" role="search">
                <input
                    type="search"
                    name="q"
                    value=q
                    placeholder=i.t("members-search-placeholder")
                    aria-label=i.t("members-search-placeholder")
                />
                <select name="filter" aria-label=i.t("members-filter")>
                    {filters
                        .into_iter()
                        .map(|f| {
                            view! {
                                <option value=f.as_str() selected=move || filter() == f>
                                    {i.t(&format!("members-filter-{}", f.as_str()))}
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
                            let shown = p.members.len() as u64;
                            let current = page();
                            let link = move |to: u64| {
                                format!(
                                    "/admin/members?q={}&filter={}&page={to}",
                                    crate::url::encode(&q()),
                                    filter().as_str(),
                                )
                            };
                            view! {
                                <p class="muted" data-testid="member-count">
                                    {i.ta("members-count", &[("count", total.to_string())])}
                                </p>
                                <table class="list">
                                    <thead>
                                        <tr>
                                            <th>{i.t("field-member-number")}</th>
                                            <th>{i.t("field-name")}</th>
                                            <th class="hide-narrow">{i.t("field-email")}</th>
                                            <th class="hide-narrow">{i.t("field-card")}</th>
                                            <th>{i.t("field-work-regime")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p
                                            .members
                                            .into_iter()
                                            .map(|m| {
                                                let left = m.leaving_date.is_some();
                                                view! {
                                                    <tr class:left=left>
                                                        <td>{m.member_number}</td>
                                                        <td>
                                                            <a href=format!(
                                                                "/admin/members/{}",
                                                                m.id,
                                                            )>{format!("{} {}", m.first_name, m.last_name)}</a>
                                                        </td>
                                                        <td class="hide-narrow">{m.email}</td>
                                                        <td class="hide-narrow mono">{m.card_barcode}</td>
                                                        <td>
                                                            {if left {
                                                                i.t("member-left")
                                                            } else {
                                                                i.t(&format!("regime-{}", m.work_regime.as_str()))
                                                            }}
                                                        </td>
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
