//! A reception on a phone. Scan an item (a scanner types the code and Enter; another
//! engineer's camera button reads every `input[data-scan]`) or type part of its name; the page
//! comes back with the product, what the order still expects of it and the quantity to enter
//! (then Enter, and the scan field is ready again). Below, every line with its difference from
//! the order: as ordered, short, over, not on the order (allowed, flagged), or missing. A line
//! is set, never added to, so a reception interrupted anywhere resumes from this page as it
//! was. "Validate" writes the stock moves, the new costs and the order's state, once.

use crate::api::catalogue::{get_product, search_products};
use crate::api::receptions::{get_reception, SetReceptionLine, ValidateReception};
use crate::api::till::{scan_code, STOCK_KEEPERS};
use crate::components::field::{errors_of, outcome};
use crate::components::guard::Guard;
use crate::error::AppError;
use crate::i18n::{use_i18n, I18n};
use crate::pages::stock::orders::{refusal, Refused};
use domain::stock::purchase::{Difference, Reception, ReceptionLine};
use domain::till::catalogue::{CatalogueProduct, ProductState};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

#[component]
pub fn ReceptionPage() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <ReceptionView />
        </Guard>
    }
}

/// What the scan field found: nothing asked yet, a product to enter, or products whose name
/// matches what was typed.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
enum Picked {
    Nothing,
    Product(CatalogueProduct),
    Choices(Vec<CatalogueProduct>),
}

/// The product of `?product=`, or of `?code=`: a code of digits is looked up as a barcode,
/// anything else searched by name.
async fn pick(product: Option<Uuid>, code: String) -> Result<Picked, AppError> {
    let code = code.trim().to_string();
    if let Some(id) = product {
        return Ok(Picked::Product(get_product(id).await?));
    }
    if code.is_empty() {
        return Ok(Picked::Nothing);
    }
    if code.chars().all(|c| c.is_ascii_digit()) {
        return match scan_code(code).await?.product {
            Some(p) => Ok(Picked::Product(p)),
            None => Ok(Picked::Choices(vec![])),
        };
    }
    let found = search_products(code, None, ProductState::All, 0).await?;
    Ok(match <[CatalogueProduct; 1]>::try_from(found.products) {
        Ok([one]) => Picked::Product(one),
        Err(many) => Picked::Choices(many),
    })
}

#[component]
fn ReceptionView() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    let reception = Resource::new(id, |id| async move {
        get_reception(id.ok_or(AppError::NotFound)?).await
    });
    view! {
        <Suspense fallback=move || {
            view! { <p class="muted">{i.t("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match reception.await {
                    Ok(r) => view! { <ReceptionDetail r=r /> }.into_any(),
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
fn ReceptionDetail(r: Reception) -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let notice = query.read_untracked().get("notice");
    let with_order = r.order_id.is_some();
    let back = match r.order_id {
        Some(id) => format!("/stock/orders/{id}"),
        None => "/stock/orders".to_string(),
    };
    let title = match r.order_number {
        Some(n) => i.ta("reception-of-order", &[("number", n.to_string())]),
        None => i.t("reception-without-order"),
    };
    let lines = r.lines.clone();
    view! {
        <p class="back-row">
            <a href=back>{i.t("reception-back")}</a>
        </p>
        <section class="panel reception">
            <div class="title-row">
                <h1>{title}</h1>
                {r
                    .validated
                    .then(|| {
                        view! {
                            <span class="tag" data-testid="reception-validated">
                                {i.t("reception-validated")}
                            </span>
                        }
                    })}
            </div>
            <p>
                <strong>{r.supplier_name.clone()}</strong>
            </p>
            {notice
                .filter(|n| n == "line" || n == "validated")
                .map(|n| {
                    view! {
                        <p class="alert notice" role="status">
                            {i.t(&format!("reception-notice-{n}"))}
                        </p>
                    }
                })}
            {(!r.validated).then(|| view! { <Entry r=r.clone() /> })}
        </section>
        <section class="panel">
            <h2>{i.t("reception-lines")}</h2>
            {if lines.is_empty() {
                view! { <p class="muted">{i.t("reception-no-lines")}</p> }.into_any()
            } else {
                view! {
                    <ul class="reception-lines" data-testid="reception-lines">
                        {lines
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <LineRow
                                        l=l
                                        with_order=with_order
                                        reception=r.id
                                        validated=r.validated
                                    />
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            {(!r.validated).then(|| view! { <Validate r=r.clone() /> })}
        </section>
    }
}

/// The scan field, or, once a product is picked, its quantity.
#[component]
fn Entry(r: Reception) -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let code = query.read_untracked().get("code").unwrap_or_default();
    let product = query
        .read_untracked()
        .get("product")
        .and_then(|p| Uuid::parse_str(&p).ok());
    let typed = query.read_untracked().get("quantity");
    let set = ServerAction::<SetReceptionLine>::new();
    let result = outcome(set);
    let picked = Resource::new(
        move || (product, code.clone()),
        |(product, code)| pick(product, code),
    );
    let page = format!("/stock/receptions/{}", r.id);
    view! {
        <Refused result=result />
        <Suspense fallback=|| ()>
            {move || {
                let r = r.clone();
                let typed = typed.clone();
                let page = page.clone();
                Suspend::new(async move {
                    match picked.await {
                        Ok(Picked::Product(p)) => {
                            view! { <Quantity r=r p=p typed=typed action=set /> }.into_any()
                        }
                        Ok(Picked::Choices(found)) => {
                            view! {
                                <Scan page=page.clone() />
                                <p class="alert error" role="alert">
                                    {if found.is_empty() {
                                        i.t("reception-not-found")
                                    } else {
                                        i.t("reception-choose")
                                    }}
                                </p>
                                <ul class="product-list">
                                    {found
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
                        Ok(Picked::Nothing) => view! { <Scan page=page /> }.into_any(),
                        Err(e) => {
                            view! {
                                <Scan page=page />
                                <p class="alert error" role="alert">
                                    {refusal(i, &e)}
                                </p>
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// The scan field: a GET form back to the page, so a scanner's Enter looks the code up.
#[component]
fn Scan(page: String) -> impl IntoView {
    let i = use_i18n();
    view! {
        <form method="get" action=page class="scan-row" role="search">
            <label for="field-code">{i.t("reception-scan")}</label>
            <div class="scan-input">
                <input
                    id="field-code"
                    name="code"
                    autofocus=true
                    data-scan=""
                    autocomplete="off"
                    placeholder=i.t("reception-scan-placeholder")
                />
                <button type="submit" class="button">
                    {i.t("reception-find")}
                </button>
            </div>
        </form>
    }
}

/// The quantity of the picked product, with what the order still expects of it; the pack cost
/// only when the delivery's differs.
#[component]
fn Quantity(
    r: Reception,
    p: CatalogueProduct,
    typed: Option<String>,
    action: ServerAction<SetReceptionLine>,
) -> impl IntoView {
    let i = use_i18n();
    let line = r.lines.iter().find(|l| l.product_id == p.id).cloned();
    let expected = line.as_ref().and_then(|l| l.expected_milli);
    let received = line.as_ref().and_then(|l| l.received_milli);
    let value = typed
        .or_else(|| received.map(|m| milli_text(i, m)))
        .unwrap_or_default();
    let about = match (expected, r.order_id.is_some()) {
        (Some(e), _) => i.ta("reception-expected", &[("quantity", i.quantity(e, p.unit))]),
        (None, true) => i.t("reception-not-on-order"),
        (None, false) => String::new(),
    };
    let off_order = expected.is_none() && r.order_id.is_some();
    let quantity_errors = errors_of(outcome(action), "quantity");
    let cost_errors = errors_of(outcome(action), "pack_cost");
    let label = format!(
        "{} ({})",
        i.t("stock-quantity"),
        i.t(&format!("unit-{}", p.unit.as_str()))
    );
    view! {
        <ActionForm action=action attr:class="stack reception-entry" attr:novalidate=true>
            <p class="picked" data-testid="picked">
                <strong>{p.name.clone()}</strong>
                <br />
                <span class:alert=off_order>{about}</span>
            </p>
            <input type="hidden" name="reception_id" value=r.id.to_string() />
            <input type="hidden" name="product_id" value=p.id.to_string() />
            <div class="field" class:invalid=move || !quantity_errors.get().is_empty()>
                <label for="field-quantity">{label}</label>
                <input
                    id="field-quantity"
                    name="quantity"
                    inputmode="decimal"
                    autocomplete="off"
                    autofocus=true
                    value=value
                />
            </div>
            <details class="reception-cost">
                <summary>{i.t("reception-cost-changed")}</summary>
                <div class="field" class:invalid=move || !cost_errors.get().is_empty()>
                    <label for="reception-field-pack-cost">
                        {i.t("reception-field-pack-cost")}
                    </label>
                    <input
                        id="reception-field-pack-cost"
                        name="pack_cost"
                        inputmode="decimal"
                        autocomplete="off"
                    />
                </div>
            </details>
            <div class="actions">
                <button type="submit" class="button primary">
                    {i.t("reception-record")}
                </button>
                <a class="button" href=format!("/stock/receptions/{}", r.id)>
                    {i.t("reception-next")}
                </a>
            </div>
        </ActionForm>
    }
}

/// A quantity as a person types it again: `12`, `1,5`.
fn milli_text(i: I18n, milli: i64) -> String {
    let n = domain::till::from_milli(milli).normalize().to_string();
    match i.lang() {
        domain::Language::En => n,
        _ => n.replace('.', ","),
    }
}

/// One line: the product, what came in against what was expected, and the difference.
#[component]
fn LineRow(l: ReceptionLine, with_order: bool, reception: Uuid, validated: bool) -> impl IntoView {
    let i = use_i18n();
    let difference = l.difference(with_order);
    let (class, said) = match difference {
        None => ("", String::new()),
        Some(Difference::AsOrdered) => ("as-ordered", i.t("reception-as-ordered")),
        Some(Difference::Short { missing_milli }) => (
            "short",
            i.ta(
                "reception-short",
                &[("quantity", i.quantity(missing_milli, l.unit))],
            ),
        ),
        Some(Difference::Over { extra_milli }) => (
            "over",
            i.ta(
                "reception-over",
                &[("quantity", i.quantity(extra_milli, l.unit))],
            ),
        ),
        Some(Difference::NotOnOrder) => ("not-on-order", i.t("reception-not-on-order")),
        Some(Difference::Missing) => ("missing", i.t("reception-missing")),
    };
    let received = l
        .received_milli
        .map(|m| i.quantity(m, l.unit))
        .unwrap_or_else(|| "–".into());
    let expected = l.expected_milli.map(|m| i.quantity(m, l.unit));
    let name = l.name.clone();
    let edit = format!("/stock/receptions/{reception}?product={}", l.product_id);
    view! {
        <li class=format!("reception-line {class}") data-product=l.product_id.to_string()>
            {if validated {
                view! { <span class="product-name">{name}</span> }.into_any()
            } else {
                view! {
                    <a class="product-name" href=edit>
                        {name}
                    </a>
                }
                    .into_any()
            }}
            <span class="num" data-testid="received">
                {received}
                {expected.map(|e| format!(" / {e}"))}
            </span>
            {(!said.is_empty())
                .then(|| {
                    view! {
                        <span class=format!("tag difference {class}") data-testid="difference">
                            {said}
                        </span>
                    }
                })}
            {l
                .pack_cost_cents
                .map(|c| {
                    view! {
                        <span class="muted">
                            {i.ta("reception-new-cost", &[("cost", i.money(c))])}
                        </span>
                    }
                })}
        </li>
    }
}

/// Validating asks first, saying what it will write and what is missing.
#[component]
fn Validate(r: Reception) -> impl IntoView {
    let i = use_i18n();
    let validate = ServerAction::<ValidateReception>::new();
    let result = outcome(validate);
    let scanned = r
        .lines
        .iter()
        .filter(|l| l.received_milli.is_some())
        .count();
    let missing = r.lines.len() - scanned;
    let open = scanned > 0;
    view! {
        <Refused result=result />
        <details class="reception-validate" open=open>
            <summary>{i.t("reception-validate")}</summary>
            <p class="hint">
                {i
                    .ta(
                        "reception-validate-hint",
                        &[("count", scanned.to_string()), ("missing", missing.to_string())],
                    )}
            </p>
            <ActionForm action=validate>
                <input type="hidden" name="reception_id" value=r.id.to_string() />
                <button type="submit" class="button primary wide">
                    {i.t("reception-validate-confirm")}
                </button>
            </ActionForm>
        </details>
    }
}
