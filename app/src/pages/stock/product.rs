//! One product: its form to edit it, its quantity on hand with the latest moves that explain
//! it, a stock move by hand (a reception, an inventory adjustment, a loss with its reason), and
//! its suppliers with their packs and costs, the preferred one, and its own margin
//! ([`product_suppliers`]).

use crate::api::catalogue::{form_lists, get_product, stock_of_product};
use crate::api::till::{StockMove, UpdateProduct, STOCK_KEEPERS};
use crate::components::field::{clear_on_success, errors_of, outcome, ActionError, Choice, Field};
use crate::components::guard::Guard;
use crate::components::product_form::{ProductFields, ProductFormFields};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::pages::stock::product_suppliers::SuppliersSection;
use domain::stock::{MoveKind, LOSS_REASONS, MANUAL_MOVES};
use domain::till::catalogue::{CatalogueLists, CatalogueProduct};
use domain::till::{ProductForm, Unit};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

#[component]
pub fn Product() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <ProductPage />
        </Guard>
    }
}

#[component]
fn ProductPage() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    let loaded = Resource::new(id, |id| async move {
        let id = id.ok_or(AppError::NotFound)?;
        Ok::<_, AppError>((get_product(id).await?, form_lists().await?))
    });
    let query = use_query_map();
    let created = move || query.read().get("notice").as_deref() == Some("created");
    view! {
        <p class="back-row">
            <a href="/stock/products">{i.t("stock-back-to-products")}</a>
        </p>
        <Suspense fallback=move || {
            view! { <p class="muted">{i.t("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok((p, lists)) => {
                        let title = RwSignal::new(p.name.clone());
                        view! {
                            <h1 class="product-title" data-testid="product-title">
                                {move || title.get()}
                            </h1>
                            {move || {
                                created()
                                    .then(|| {
                                        view! {
                                            <p class="alert notice product-notice" role="status">
                                                {i.t("product-created")}
                                            </p>
                                        }
                                    })
                            }}
                            <div class="product-desk">
                                <StockSection id=p.id unit=p.unit />
                                <EditSection p=p.clone() lists=lists title=title />
                                <SuppliersSection id=p.id unit=p.unit />
                            </div>
                        }
                            .into_any()
                    }
                    Err(e) => {
                        view! {
                            <section class="panel">
                                <p class="alert error">{i.error(&e)}</p>
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
fn EditSection(
    p: CatalogueProduct,
    lists: CatalogueLists,
    title: RwSignal<String>,
) -> impl IntoView {
    let i = use_i18n();
    let category = p
        .category_id
        .and_then(|c| lists.categories.iter().find(|k| k.id == c))
        .map(|c| c.name.clone());
    let fields = ProductFields::new(ProductForm::of(&p, category.as_deref()));
    let update = ServerAction::<UpdateProduct>::new();
    let result = outcome(update);
    Effect::new(move |_| {
        if let Some(Ok(saved)) = result.get() {
            title.set(saved.name);
        }
    });
    // Saved by the hydrated page, or by the browser without JavaScript (`?notice=saved`).
    let notice = use_query_map();
    let saved = move || {
        matches!(result.get(), Some(Ok(_)))
            || (result.get().is_none() && notice.read().get("notice").as_deref() == Some("saved"))
    };
    view! {
        <section class="panel product-edit">
            <h2>{i.t("product-edit-title")}</h2>
            <ActionError result=result />
            {move || {
                saved()
                    .then(|| {
                        view! {
                            <p class="alert notice" role="status">
                                {i.t("saved")}
                            </p>
                        }
                    })
            }}
            <ActionForm action=update attr:class="stack" attr:novalidate=true>
                <input type="hidden" name="id" value=p.id.to_string() />
                <ProductFormFields fields=fields lists=lists result=result />
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || update.pending().get()
                >
                    {i.t("save")}
                </button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The quantity on hand, the latest moves and a move by hand. The form holds both the reason of
/// a loss and the note of the other moves; the stylesheet shows the one the chosen kind needs,
/// with or without JavaScript.
#[component]
fn StockSection(id: Uuid, unit: Unit) -> impl IntoView {
    let i = use_i18n();
    let record = ServerAction::<StockMove>::new();
    let result = outcome(record);
    let stock = Resource::new(
        move || record.version().get(),
        move |_| stock_of_product(id),
    );
    let query = use_query_map();
    // A move refused without JavaScript comes back with its kind and quantity
    // (`?kind=loss&quantity=2`).
    let asked = query
        .read_untracked()
        .get("kind")
        .and_then(|k| MoveKind::parse(&k))
        .filter(|k| MANUAL_MOVES.contains(k))
        .unwrap_or(MoveKind::Reception);
    let kind = RwSignal::new(asked.as_str().to_string());
    let quantity = RwSignal::new(query.read_untracked().get("quantity").unwrap_or_default());
    let reason = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let is_loss = move || kind.get() == MoveKind::Loss.as_str();
    let reason_errors = errors_of(result, "reason");
    let loss_errors = Signal::derive(move || {
        if is_loss() {
            reason_errors.get()
        } else {
            vec![]
        }
    });
    let note_errors = Signal::derive(move || {
        if is_loss() {
            vec![]
        } else {
            reason_errors.get()
        }
    });
    let quantity_errors = errors_of(result, "quantity");
    clear_on_success(result, vec![quantity, reason, note]);
    let moved = move || {
        matches!(result.get(), Some(Ok(())))
            || (result.get().is_none() && query.read().get("notice").as_deref() == Some("moved"))
    };
    let kinds: Vec<(String, String)> = MANUAL_MOVES
        .into_iter()
        .map(|k| (k.as_str().to_string(), i.t(&format!("move-{}", k.as_str()))))
        .collect();
    let loss_reasons: Vec<(String, String)> = std::iter::once((String::new(), i.t("loss-choose")))
        .chain(
            LOSS_REASONS
                .into_iter()
                .map(|r| (r.to_string(), i.t(&format!("loss-{r}")))),
        )
        .collect();
    let quantity_label = format!(
        "{} ({})",
        i.t("stock-quantity"),
        i.t(&format!("unit-{}", unit.as_str()))
    );
    view! {
        <section class="panel product-stock">
            <h2>{i.t("stock-on-hand-title")}</h2>
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match stock.await {
                        Ok(s) => {
                            view! {
                                <p class="on-hand" data-testid="on-hand">
                                    {i.quantity(s.on_hand_milli, unit)}
                                </p>
                                {s
                                    .recent
                                    .is_empty()
                                    .then(|| {
                                        view! { <p class="muted">{i.t("stock-no-moves")}</p> }
                                    })}
                                <ul class="moves">
                                    {s
                                        .recent
                                        .into_iter()
                                        .map(|m| {
                                            let why = m
                                                .reason
                                                .as_deref()
                                                .map(|r| {
                                                    if LOSS_REASONS.contains(&r) {
                                                        i.t(&format!("loss-{r}"))
                                                    } else {
                                                        r.to_string()
                                                    }
                                                });
                                            view! {
                                                <li>
                                                    <span class="muted">{i.instant_date(m.at_ms)}</span>
                                                    <span>
                                                        {i.t(&format!("move-{}", m.kind.as_str()))}
                                                        {why.map(|w| format!(" · {w}"))}
                                                    </span>
                                                    <span class="num">
                                                        {i.signed_quantity(m.quantity_milli, unit)}
                                                    </span>
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
            <h3>{i.t("stock-move-title")}</h3>
            {move || {
                moved()
                    .then(|| {
                        view! {
                            <p class="alert notice" role="status">
                                {i.t("stock-move-done")}
                            </p>
                        }
                    })
            }}
            <ActionError result=result />
            <ActionForm action=record attr:class="stack stock-move" attr:novalidate=true>
                <input type="hidden" name="product_id" value=id.to_string() />
                <div class="grid-2">
                    <Choice
                        label=i.t("field-move-kind")
                        name="kind"
                        value=kind
                        options=kinds
                        errors=Signal::derive(Vec::new)
                    />
                    <div>
                        <Field
                            label=quantity_label
                            name="quantity"
                            inputmode="decimal"
                            value=quantity
                            errors=quantity_errors
                        />
                        {MANUAL_MOVES
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <p class="hint" data-kind=k.as_str()>
                                        {i.t(&format!("stock-quantity-{}", k.as_str()))}
                                    </p>
                                }
                            })
                            .collect_view()}
                    </div>
                </div>
                <div class="loss-only">
                    <Choice
                        label=i.t("field-loss-reason")
                        name="reason"
                        value=reason
                        options=loss_reasons
                        errors=loss_errors
                    />
                </div>
                <div class="not-loss">
                    <Field label=i.t("field-move-note") name="note" value=note errors=note_errors />
                </div>
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || record.pending().get()
                >
                    {i.t("stock-move-submit")}
                </button>
            </ActionForm>
        </section>
    }
    .into_any()
}
