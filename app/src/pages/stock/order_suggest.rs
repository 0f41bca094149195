//! Reorder suggestions: pick a supplier, the sales window and the days to cover (a plain GET
//! form, so the suggestions can be bookmarked); the products to order first, with what sold,
//! what is on hand and on order, the whole packs to order and what they cost; one button makes
//! the draft order.

use crate::api::orders::{order_suggestions, order_suppliers, MakeDraft};
use crate::api::till::STOCK_KEEPERS;
use crate::components::field::outcome;
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use crate::pages::stock::orders::{refusal, Refused};
use domain::stock::purchase::{SuggestionLine, Suggestions};
use domain::stock::reorder::{DEFAULT_COVERAGE_DAYS, DEFAULT_WINDOW_DAYS};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

#[component]
pub fn OrderSuggest() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <SuggestPage />
        </Guard>
    }
}

#[component]
fn SuggestPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let supplier = move || {
        query
            .read()
            .get("supplier")
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    let days = move |name: &str, default: u32| {
        query
            .read()
            .get(name)
            .and_then(|d| d.trim().parse::<u32>().ok())
            .unwrap_or(default)
    };
    let window = move || days("window", DEFAULT_WINDOW_DAYS);
    let coverage = move || days("coverage", DEFAULT_COVERAGE_DAYS);
    let list = Resource::new(|| (), |_| order_suppliers());
    let found = Resource::new(
        move || (supplier(), window(), coverage()),
        |(supplier, window, coverage)| async move {
            match supplier {
                Some(id) => order_suggestions(id, window, coverage).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <p class="back-row">
            <a href="/stock/orders">{i.t("orders-title")}</a>
        </p>
        <section class="panel">
            <h1>{i.t("orders-suggest")}</h1>
            <p class="hint">{i.t("suggest-hint")}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = list.await.unwrap_or_default();
                    view! {
                        <form method="get" action="/stock/orders/suggest" class="stack">
                            <div class="field">
                                <label for="orders-field-supplier">
                                    {i.t("orders-field-supplier")}
                                </label>
                                <select id="orders-field-supplier" name="supplier" required=true>
                                    {list
                                        .into_iter()
                                        .map(|s| {
                                            let id = s.id;
                                            view! {
                                                <option
                                                    value=id.to_string()
                                                    selected=move || supplier() == Some(id)
                                                >
                                                    {s.name}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                            <div class="grid-2">
                                <div class="field">
                                    <label for="field-window">{i.t("field-window-days")}</label>
                                    <input
                                        id="field-window"
                                        name="window"
                                        inputmode="numeric"
                                        value=window().to_string()
                                    />
                                </div>
                                <div class="field">
                                    <label for="field-coverage">{i.t("field-coverage-days")}</label>
                                    <input
                                        id="field-coverage"
                                        name="coverage"
                                        inputmode="numeric"
                                        value=coverage().to_string()
                                    />
                                </div>
                            </div>
                            <button type="submit" class="button">
                                {i.t("suggest-submit")}
                            </button>
                        </form>
                    }
                })}
            </Suspense>
        </section>
        <Suspense fallback=move || {
            view! { <p class="muted">{i.t("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(Some(s)) => view! { <SuggestionList s=s /> }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(e) => {
                        view! {
                            <section class="panel">
                                <p class="alert error">{refusal(i, &e)}</p>
                            </section>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn SuggestionList(s: Suggestions) -> impl IntoView {
    let i = use_i18n();
    let draft = ServerAction::<MakeDraft>::new();
    let result = outcome(draft);
    let (to_order, rest): (Vec<SuggestionLine>, Vec<SuggestionLine>) =
        s.lines.into_iter().partition(|l| l.packs > 0);
    let rest_count = rest.len();
    view! {
        <section class="panel" data-testid="suggestions">
            <h2>{s.supplier_name.clone()}</h2>
            <p class="muted">
                {i
                    .ta(
                        "suggest-terms",
                        &[
                            ("lead", s.lead_days.to_string()),
                            ("minimum", i.money(s.min_order_cents)),
                        ],
                    )}
            </p>
            {if to_order.is_empty() {
                view! {
                    <p class="alert notice" role="status">
                        {i.t("suggest-nothing")}
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <ul class="suggestions">
                        {to_order.into_iter().map(|l| view! { <Suggested l=l /> }).collect_view()}
                    </ul>
                    <p class="order-total">
                        <strong>{i.t("order-total")}</strong>
                        <span class="num" data-testid="suggest-total">
                            {i.money(s.total_cents)}
                        </span>
                    </p>
                    {s
                        .below_minimum
                        .then(|| {
                            view! {
                                <p class="alert error" role="alert">
                                    {i
                                        .ta(
                                            "suggest-below-minimum",
                                            &[("minimum", i.money(s.min_order_cents))],
                                        )}
                                </p>
                            }
                        })}
                    <Refused result=result />
                    <ActionForm action=draft attr:class="stack">
                        <input type="hidden" name="supplier_id" value=s.supplier_id.to_string() />
                        <input type="hidden" name="window_days" value=s.window_days.to_string() />
                        <input
                            type="hidden"
                            name="coverage_days"
                            value=s.coverage_days.to_string()
                        />
                        <button type="submit" class="button primary wide">
                            {i.t("suggest-make-draft")}
                        </button>
                    </ActionForm>
                }
                    .into_any()
            }}
            {(rest_count > 0)
                .then(|| {
                    view! {
                        <details class="suggest-rest">
                            <summary>
                                {i.ta("suggest-covered", &[("count", rest_count.to_string())])}
                            </summary>
                            <ul class="suggestions">
                                {rest
                                    .into_iter()
                                    .map(|l| view! { <Suggested l=l /> })
                                    .collect_view()}
                            </ul>
                        </details>
                    }
                })}
        </section>
    }
}

/// One product of the suggestions: what to order, and why.
#[component]
fn Suggested(l: SuggestionLine) -> impl IntoView {
    let i = use_i18n();
    let unit = l.unit;
    let q = move |milli: i64| i.quantity(milli, unit);
    let to_order = l.packs > 0;
    view! {
        <li class="suggestion" class:to-order=to_order>
            <span class="product-name">{l.name.clone()}</span>
            <span class="num packs">
                {i
                    .ta(
                        "suggest-packs",
                        &[("packs", l.packs.to_string()), ("pack", q(l.pack_milli))],
                    )}
            </span>
            <span class="suggestion-figures muted">
                {(!l.code.is_empty()).then(|| format!("{} · ", l.code))}
                {i
                    .ta(
                        "suggest-figures",
                        &[
                            ("sold", q(l.sold_milli)),
                            ("on_hand", q(l.on_hand_milli)),
                            ("on_order", q(l.on_order_milli)),
                        ],
                    )}
            </span>
        </li>
    }
}
