//! One inventory count, on a phone: a barcode field (`data-scan`: a hand scanner types into
//! it, the camera button of `/scan.js` fills it) with an optional quantity, a search by name
//! as a fallback, then the product's quantity; the products counted so far with each
//! counter's figure, the expected quantity and the difference; the products of the count's
//! categories nobody has counted yet; validating or cancelling.
//!
//! Plain forms and links only (no WASM): every post comes back here (`?counted=` after a line,
//! `?product=` once a product is found, `?q=` for a search, the form as typed after a
//! refusal), so the page shows the other counters' lines each time, and a refresh link
//! between posts.

use crate::api::catalogue::{get_product, search_products};
use crate::api::counts::{get_count, CancelCount, CountLine, ValidateCount};
use crate::api::till::STOCK_KEEPERS;
use crate::components::field::{errors_of, outcome, Outcome, Refusal};
use crate::components::guard::Guard;
use crate::components::scan::ScanScript;
use crate::error::AppError;
use crate::i18n::{use_i18n, I18n};
use crate::pages::stock::counts::{scope_text, status_tag};
use crate::Session;
use domain::stock::count::{CountState, CountStatus, CountedProduct};
use domain::till::catalogue::{CatalogueProduct, ProductState};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

#[component]
pub fn CountPage() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <Count />
        </Guard>
    }
}

#[component]
fn Count() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    let line = ServerAction::<CountLine>::new();
    let validate = ServerAction::<ValidateCount>::new();
    let cancel = ServerAction::<CancelCount>::new();
    let state = Resource::new(
        move || {
            (
                id(),
                line.version().get(),
                validate.version().get(),
                cancel.version().get(),
            )
        },
        |(id, ..)| async move { get_count(id.ok_or(AppError::NotFound)?).await },
    );
    let picked = move || {
        query
            .read()
            .get("product")
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    let product = Resource::new(picked, |p| async move {
        match p {
            Some(p) => get_product(p).await.map(Some),
            None => Ok(None),
        }
    });
    let words = move || query.read().get("q").unwrap_or_default();
    let found = Resource::new(words, |q| async move {
        if q.trim().is_empty() {
            Ok(None)
        } else {
            search_products(q, None, ProductState::Active, 0)
                .await
                .map(Some)
        }
    });
    view! {
        <p class="back-row">
            <a href="/stock/counts">{i.t("counts-back")}</a>
        </p>
        <Suspense fallback=move || {
            view! { <p class="muted">{i.t("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                let state = match state.await {
                    Ok(state) => state,
                    Err(e) => {
                        return view! {
                            <section class="panel">
                                <p class="alert error">{i.error(&e)}</p>
                            </section>
                        }
                            .into_any();
                    }
                };
                let product = product.await.ok().flatten();
                let found = found.await.ok().flatten();
                let open = state.count.status == CountStatus::Open;
                view! {
                    <section class="panel stock-count">
                        <h1 data-testid="count-title">
                            {format!("#{} {}", state.count.number, state.count.title)}
                        </h1>
                        <p>{status_tag(i, state.count.status)} " " {scope_text(i, &state.count)}</p>
                        <Notices state=state.clone() />
                        // A refusal that closed the form with it (the count was validated
                        // meanwhile) shows here; the form shows its own.
                        {(!open).then(|| view! { <Refusal result=outcome(line) field="count" /> })}
                        <Refusal result=outcome(validate) field="count" />
                        <Refusal result=outcome(cancel) field="count" />
                        {open
                            .then(|| {
                                view! {
                                    <CountForm
                                        count_id=state.count.id
                                        product=product
                                        state=state.clone()
                                        line=line
                                    />
                                    <Search count_id=state.count.id found=found />
                                }
                            })}
                    </section>
                    <CountedList state=state.clone() />
                    {open
                        .then(|| {
                            view! {
                                <Closing count_id=state.count.id validate=validate cancel=cancel />
                            }
                        })}
                }
                    .into_any()
            })}
        </Suspense>
    }
}

/// What the last post did: a product counted (`?counted=`), the count validated or cancelled
/// (`?notice=`), or, once closed, who closed it and when.
#[component]
fn Notices(state: CountState) -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let counted = query
        .read_untracked()
        .get("counted")
        .and_then(|s| Uuid::parse_str(&s).ok())
        .and_then(|p| state.products.iter().find(|c| c.product_id == p).cloned());
    let notice = query.read_untracked().get("notice");
    let closed = match (state.count.closed_by.clone(), state.count.closed_at_ms) {
        (Some(name), Some(at)) if state.count.status != CountStatus::Open => Some(i.ta(
            &format!("count-closed-{}", state.count.status.as_str()),
            &[("name", name), ("date", i.instant_date(at))],
        )),
        _ => None,
    };
    view! {
        {counted
            .map(|c| {
                view! {
                    <p class="alert notice" role="status" data-testid="counted">
                        {i
                            .ta(
                                "count-line-done",
                                &[
                                    ("name", c.name.clone()),
                                    ("counted", i.quantity(c.counted_milli(), c.unit)),
                                    ("expected", i.quantity(c.expected_milli, c.unit)),
                                ],
                            )}
                    </p>
                }
            })}
        {notice
            .filter(|n| n == "validated" || n == "cancelled")
            .map(|n| {
                view! {
                    <p class="alert notice" role="status">
                        {i.t(&format!("count-{n}"))}
                    </p>
                }
            })}
        {closed
            .map(|text| {
                view! {
                    <p class="muted" data-testid="count-closed">
                        {text}
                    </p>
                }
            })}
    }
}

/// The form that counts a product: a code (scanned, typed, or read by the camera) with an
/// optional quantity, or, once a product is picked or found, its quantity.
#[component]
fn CountForm(
    count_id: Uuid,
    product: Option<CatalogueProduct>,
    state: CountState,
    line: ServerAction<CountLine>,
) -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let result: Outcome<Option<CountedProduct>> = outcome(line);
    let code_errors = errors_of(result, "code");
    let quantity_errors = errors_of(result, "quantity");
    let product_errors = errors_of(result, "product");
    let typed = |name: &str| query.read_untracked().get(name).unwrap_or_default();
    let (code, quantity) = (typed("code"), typed("quantity"));
    let me = use_context::<Session>()
        .and_then(|s| s.viewer)
        .map(|v| v.user_id);
    let errors = move |list: Signal<Vec<String>>| {
        move || {
            list.get()
                .into_iter()
                .map(|e| {
                    view! {
                        <p class="field-error" role="alert">
                            {e}
                        </p>
                    }
                })
                .collect_view()
        }
    };
    let fields = match product {
        Some(p) => {
            // The picked product, with the figures counted so far.
            let so_far = state
                .products
                .iter()
                .find(|c| c.product_id == p.id)
                .cloned();
            let mine = so_far.as_ref().and_then(|c| {
                c.lines
                    .iter()
                    .find(|l| Some(l.counter_id) == me)
                    .map(|l| l.counted_milli)
            });
            let label = format!(
                "{} ({})",
                i.t("field-count-quantity"),
                i.t(&format!("unit-{}", p.unit.as_str()))
            );
            view! {
                <input type="hidden" name="product_id" value=p.id.to_string() />
                <p class="count-product" data-testid="count-product">
                    <strong>{p.name.clone()}</strong>
                    " "
                    <span class="mono muted">{p.barcodes.join(" ")}</span>
                </p>
                {mine
                    .map(|m| {
                        view! {
                            <p class="hint">
                                {i.ta("count-yours-so-far", &[("quantity", i.quantity(m, p.unit))])}
                            </p>
                        }
                    })}
                <div class="field" class:invalid=move || !quantity_errors.get().is_empty()>
                    <label for="field-quantity">{label}</label>
                    <input
                        id="field-quantity"
                        name="quantity"
                        inputmode="decimal"
                        autocomplete="off"
                        autofocus=true
                        value=quantity
                    />
                    {errors(quantity_errors)}
                </div>
                {errors(product_errors)}
                <p class="hint">{i.t("count-quantity-hint")}</p>
                <div class="button-row">
                    <button type="submit" class="button primary big">
                        {i.t("count-line-submit")}
                    </button>
                    <a class="button" href=format!("/stock/counts/{count_id}")>
                        {i.t("count-other-product")}
                    </a>
                </div>
            }
            .into_any()
        }
        None => view! {
            <div class="field" class:invalid=move || !code_errors.get().is_empty()>
                <label for="field-code">{i.t("field-count-code")}</label>
                <input
                    id="field-code"
                    class="scan"
                    name="code"
                    inputmode="numeric"
                    autocomplete="off"
                    autofocus=true
                    data-scan=""
                    value=code
                />
                {errors(code_errors)}
            </div>
            <div class="field" class:invalid=move || !quantity_errors.get().is_empty()>
                <label for="field-quantity">{i.t("field-count-quantity")}</label>
                <input
                    id="field-quantity"
                    name="quantity"
                    inputmode="decimal"
                    autocomplete="off"
                    value=quantity
                />
                {errors(quantity_errors)}
            </div>
            {errors(product_errors)}
            <p class="hint">{i.t("count-code-hint")}</p>
            <button type="submit" class="button primary big">
                {i.t("count-line-submit")}
            </button>
            <ScanScript />
        }
        .into_any(),
    };
    view! {
        <Refusal result=result field="count" />
        <ActionForm action=line attr:class="stack count-form" attr:novalidate=true>
            <input type="hidden" name="count_id" value=count_id.to_string() />
            {fields}
        </ActionForm>
    }
}

/// The search by name, a plain GET form back to this page, and what it found: each product a
/// link that picks it.
#[component]
fn Search(count_id: Uuid, found: Option<domain::till::catalogue::ProductPage>) -> impl IntoView {
    let i = use_i18n();
    let page = format!("/stock/counts/{count_id}");
    let q = use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    view! {
        <form method="get" action=page.clone() class="search-row" role="search">
            <input
                type="search"
                name="q"
                value=q
                placeholder=i.t("count-search-placeholder")
                aria-label=i.t("count-search-placeholder")
            />
            <button type="submit" class="button">
                {i.t("members-search")}
            </button>
        </form>
        {found
            .map(|f| {
                if f.products.is_empty() {
                    view! { <p class="muted">{i.t("count-search-none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="product-list" data-testid="count-search">
                            {f
                                .products
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <li>
                                            <a href=format!("{page}?product={}", p.id)>
                                                <span class="product-name">{p.name}</span>
                                                <span class="product-codes mono">
                                                    {p.barcodes.join(" ")}
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
            })}
    }
}

/// A product's difference, signed, with what it is worth at cost when known.
fn difference_text(i: I18n, c: &CountedProduct) -> String {
    let quantity = i.signed_quantity(c.difference_milli(), c.unit);
    match c.difference_value_cents {
        Some(v) if c.difference_milli() != 0 => format!("{quantity} ({})", i.money(v)),
        _ => quantity,
    }
}

/// The products counted so far, by name: counted (and by whom), expected, difference; then
/// the products of the count's categories nobody has counted yet.
#[component]
fn CountedList(state: CountState) -> impl IntoView {
    let i = use_i18n();
    let page = format!("/stock/counts/{}", state.count.id);
    let open = state.count.status == CountStatus::Open;
    let differ = state
        .products
        .iter()
        .filter(|c| c.difference_milli() != 0)
        .count();
    view! {
        <section class="panel">
            <div class="title-row">
                <h2>
                    {i
                        .ta(
                            "count-counted-title",
                            &[
                                ("count", state.products.len().to_string()),
                                ("differ", differ.to_string()),
                            ],
                        )}
                </h2>
                {open
                    .then(|| {
                        view! {
                            <a class="button" href=page.clone() data-testid="count-refresh">
                                {i.t("count-refresh")}
                            </a>
                        }
                    })}
            </div>
            {state
                .products
                .is_empty()
                .then(|| view! { <p class="muted">{i.t("count-nothing-yet")}</p> })}
            <ul class="stock-count-lines">
                {state
                    .products
                    .iter()
                    .map(|c| {
                        let counters = c
                            .lines
                            .iter()
                            .map(|l| {
                                format!(
                                    "{} {}",
                                    l.counter_name,
                                    i.quantity(l.counted_milli, c.unit),
                                )
                            })
                            .collect::<Vec<_>>()
                            .join(" · ");
                        let link = format!("{page}?product={}", c.product_id);
                        let name = c.name.clone();
                        let differs = c.difference_milli() != 0;
                        view! {
                            <li data-testid="count-line" class:differs=differs>
                                <span class="product-name">
                                    {if open {
                                        view! { <a href=link>{name}</a> }.into_any()
                                    } else {
                                        name.into_any()
                                    }}
                                </span>
                                <span class="num" data-testid="count-difference">
                                    {difference_text(i, c)}
                                </span>
                                <span class="muted">
                                    {i
                                        .ta(
                                            "count-counted-expected",
                                            &[
                                                ("counted", i.quantity(c.counted_milli(), c.unit)),
                                                ("expected", i.quantity(c.expected_milli, c.unit)),
                                            ],
                                        )}
                                </span>
                                <span class="muted" data-testid="count-counters">
                                    {counters}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(state.not_counted_total > 0)
                .then(|| {
                    let more = state.not_counted_total as usize - state.not_counted.len();
                    view! {
                        <h3>
                            {i
                                .ta(
                                    "count-not-counted",
                                    &[("count", state.not_counted_total.to_string())],
                                )}
                        </h3>
                        <ul class="stock-count-missing" data-testid="count-not-counted">
                            {state
                                .not_counted
                                .iter()
                                .map(|p| {
                                    let link = format!("{page}?product={}", p.product_id);
                                    view! {
                                        <li>
                                            {if open {
                                                view! { <a href=link>{p.name.clone()}</a> }.into_any()
                                            } else {
                                                p.name.clone().into_any()
                                            }}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        {(more > 0)
                            .then(|| {
                                view! {
                                    <p class="muted">
                                        {i
                                            .ta(
                                                "count-not-counted-more",
                                                &[("count", more.to_string())],
                                            )}
                                    </p>
                                }
                            })}
                        <p class="hint">{i.t("count-not-counted-hint")}</p>
                    }
                })}
        </section>
    }
}

/// Validating (the adjustments are written) and cancelling, each behind a disclosure that
/// says what it does.
#[component]
fn Closing(
    count_id: Uuid,
    validate: ServerAction<ValidateCount>,
    cancel: ServerAction<CancelCount>,
) -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="panel">
            <details class="confirm-step">
                <summary class="button primary" data-testid="count-validate-open">
                    {i.t("count-validate")}
                </summary>
                <p>{i.t("count-validate-explain")}</p>
                <ActionForm action=validate attr:class="inline-form">
                    <input type="hidden" name="count_id" value=count_id.to_string() />
                    <button type="submit" class="button primary" data-testid="count-validate">
                        {i.t("count-validate-confirm")}
                    </button>
                </ActionForm>
            </details>
            <details class="confirm-step">
                <summary class="button">{i.t("count-cancel")}</summary>
                <p>{i.t("count-cancel-explain")}</p>
                <ActionForm action=cancel attr:class="inline-form">
                    <input type="hidden" name="count_id" value=count_id.to_string() />
                    <button type="submit" class="button danger">
                        {i.t("count-cancel-confirm")}
                    </button>
                </ActionForm>
            </details>
        </section>
    }
}
