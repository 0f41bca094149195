//! A sheet of shelf labels for A4 paper, printed with the browser's own print: a grid of
//! labels (name, price with VAT, price per kilogram or litre, net content, origin, organic and
//! local, the barcode drawn as SVG), with nothing of the site's navigation on paper
//! (`@media print` in the stylesheet).

use crate::api::reports::shelf_labels;
use crate::api::till::STOCK_KEEPERS;
use crate::components::guard::Guard;
use crate::i18n::{use_i18n, I18n};
use domain::stock::labels::{barcode_svg, ContentUnit, ShelfLabel};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

#[component]
pub fn LabelSheet() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <Sheet />
        </Guard>
    }
}

/// What the address picks: the ticked products (`p`, repeated), a category, or a day.
fn picked() -> impl Fn() -> (Vec<Uuid>, Option<Uuid>, Option<String>) + Copy + Send + Sync + 'static
{
    let query = use_query_map();
    move || {
        let q = query.read();
        let ids = q
            .get_all("p")
            .unwrap_or_default()
            .iter()
            .filter_map(|p| Uuid::parse_str(p).ok())
            .collect();
        let category = q.get("category").and_then(|c| Uuid::parse_str(&c).ok());
        (ids, category, q.get("since").filter(|s| !s.is_empty()))
    }
}

fn per(i: I18n, unit: ContentUnit) -> String {
    i.t(match unit {
        ContentUnit::Kg => "label-per-kg",
        ContentUnit::L => "label-per-l",
    })
}

fn label(i: I18n, l: ShelfLabel) -> impl IntoView {
    let unit = i.t(&format!("unit-{}", l.unit.as_str()));
    let price = match l.unit {
        domain::till::Unit::Piece => i.money(l.price_cents),
        _ => format!("{} / {unit}", i.money(l.price_cents)),
    };
    let unit_price = l
        .unit_price
        .map(|u| format!("{} {}", i.money(u.cents), per(i, u.per)));
    let content = l.facts.content.map(|c| c.typed());
    let svg = l.barcode.as_deref().and_then(|b| barcode_svg(b).ok());
    view! {
        <article class="shelf-label" data-testid="shelf-label">
            <h2 class="label-name">{l.name}</h2>
            <p class="label-price">{price}</p>
            {unit_price
                .map(|u| {
                    view! {
                        <p class="label-unit-price" data-testid="unit-price">
                            {u}
                        </p>
                    }
                })}
            <p class="label-facts">
                {content.map(|c| view! { <span>{c}</span> })}
                {(!l.facts.origin.is_empty())
                    .then(|| {
                        view! {
                            <span>
                                {i.ta("label-origin", &[("origin", l.facts.origin.clone())])}
                            </span>
                        }
                    })}
                {l
                    .facts
                    .organic
                    .then(|| view! { <span class="label-tag">{i.t("label-organic")}</span> })}
                {l
                    .facts
                    .local
                    .then(|| view! { <span class="label-tag">{i.t("label-local")}</span> })}
            </p>
            {svg.map(|svg| view! { <div class="label-barcode" inner_html=svg></div> })}
        </article>
    }
}

#[component]
fn Sheet() -> impl IntoView {
    let i = use_i18n();
    let pick = picked();
    let labels = Resource::new(pick, |(ids, category, since)| {
        shelf_labels(ids, category, since)
    });
    view! {
        <div class="sheet-tools no-print">
            <p class="back-row">
                <a href="/stock/labels">{i.t("labels-back")}</a>
            </p>
            <p class="hint">{i.t("labels-print-hint")}</p>
        </div>
        <Suspense fallback=move || {
            view! { <p class="muted no-print">{i.t("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match labels.await {
                    Ok(all) if all.is_empty() => {
                        view! {
                            <p class="muted" data-testid="label-count">
                                {i.t("labels-none")}
                            </p>
                        }
                            .into_any()
                    }
                    Ok(all) => {
                        view! {
                            <p class="muted no-print" data-testid="label-count">
                                {i.ta("labels-count", &[("count", all.len().to_string())])}
                            </p>
                            <div class="label-sheet">
                                {all.into_iter().map(|l| label(i, l)).collect_view()}
                            </div>
                        }
                            .into_any()
                    }
                    Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
