//! The inventory counts: the latest ones with where they stand, and a form to open a new one
//! over a location and/or categories. A plain form, so the page works without JavaScript; a
//! refused form comes back with what was typed (`?title=&location=`).

use crate::api::catalogue::form_lists;
use crate::api::counts::{list_counts, OpenCount};
use crate::api::till::STOCK_KEEPERS;
use crate::components::field::{errors_of, outcome, ActionError, Field};
use crate::components::guard::Guard;
use crate::i18n::{use_i18n, I18n};
use domain::stock::count::{CountStatus, CountSummary};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Counts() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <CountList />
        </Guard>
    }
}

/// Where a count is, as a tag: open, validated, cancelled.
pub fn status_tag(i: I18n, status: CountStatus) -> impl IntoView {
    view! {
        <span class=format!(
            "tag count-{}",
            status.as_str(),
        )>{i.t(&format!("count-status-{}", status.as_str()))}</span>
    }
}

/// What a count covers: its location and its categories, or every product.
pub fn scope_text(i: I18n, c: &CountSummary) -> String {
    let mut parts = Vec::new();
    if !c.location.is_empty() {
        parts.push(c.location.clone());
    }
    if c.categories.is_empty() {
        parts.push(i.t("count-every-category"));
    } else {
        parts.push(
            c.categories
                .iter()
                .map(|k| k.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    parts.join(" · ")
}

#[component]
fn CountList() -> impl IntoView {
    let i = use_i18n();
    let open = ServerAction::<OpenCount>::new();
    let result = outcome(open);
    let counts = Resource::new(move || open.version().get(), |_| list_counts());
    let lists = Resource::new(|| (), |_| form_lists());
    let query = use_query_map();
    let title = RwSignal::new(query.read_untracked().get("title").unwrap_or_default());
    let location = RwSignal::new(query.read_untracked().get("location").unwrap_or_default());
    view! {
        <p class="back-row">
            <a href="/stock">{i.t("counts-back-to-stock")}</a>
        </p>
        <section class="panel">
            <h1>{i.t("counts-title")}</h1>
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match counts.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{i.t("counts-none")}</p> }.into_any()
                        }
                        Ok(list) => {
                            view! {
                                <ul class="product-list stock-counts" data-testid="counts">
                                    {list
                                        .into_iter()
                                        .map(|c| {
                                            let scope = scope_text(i, &c);
                                            view! {
                                                <li>
                                                    <a href=format!("/stock/counts/{}", c.id)>
                                                        <span class="product-name">
                                                            {format!("#{} {}", c.number, c.title)}
                                                        </span>
                                                        {status_tag(i, c.status)}
                                                        <span class="product-codes">{scope}</span>
                                                        <span class="product-codes">
                                                            {i
                                                                .ta(
                                                                    "count-opened-by",
                                                                    &[
                                                                        ("name", c.created_by.clone()),
                                                                        ("date", i.instant_date(c.created_at_ms)),
                                                                        ("count", c.products_counted.to_string()),
                                                                    ],
                                                                )}
                                                        </span>
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <section class="panel">
            <h2>{i.t("count-open-title")}</h2>
            <ActionError result=result />
            <ActionForm action=open attr:class="stack" attr:novalidate=true>
                <Field
                    label=i.t("field-count-title")
                    name="title"
                    value=title
                    required=true
                    errors=errors_of(result, "title")
                />
                <Field
                    label=i.t("field-count-location")
                    name="location"
                    value=location
                    errors=errors_of(result, "location")
                />
                <p class="hint">{i.t("count-categories-hint")}</p>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let categories = lists.await.map(|l| l.categories).unwrap_or_default();
                        view! {
                            <fieldset class="checks" data-testid="count-categories">
                                <legend>{i.t("field-count-categories")}</legend>
                                {categories
                                    .into_iter()
                                    .enumerate()
                                    .map(|(n, c)| {
                                        view! {
                                            <label class="check">
                                                <input
                                                    type="checkbox"
                                                    name=format!("categories[{n}]")
                                                    value=c.id.to_string()
                                                />
                                                {c.name}
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </fieldset>
                        }
                    })}
                </Suspense>
                <button type="submit" class="button primary" disabled=move || open.pending().get()>
                    {i.t("count-open-submit")}
                </button>
            </ActionForm>
        </section>
    }
}
