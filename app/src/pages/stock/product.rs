//! One product: its form to edit it, its quantity on hand with the latest moves that explain
//! it, and a stock move by hand (a reception, an inventory adjustment, a loss with its reason).

use crate::api::catalogue::{form_lists, get_product, stock_of_product};
use crate::api::till::{StockMove, UpdateProduct, STOCK_KEEPERS};
use crate::components::field::{clear_on_success, errors_of, outcome, ActionError, Choice, Field};
use crate::components::guard::Guard;
use crate::components::product_form::{ProductFields, ProductFormFields};
use crate::error::AppError;
use crate::i18n::use_i18n;
use domain::stock::{typed_quantity, MoveKind, LOSS_REASONS, MANUAL_MOVES};
use domain::till::catalogue::{CatalogueLists, CatalogueProduct};
use domain::till::{ProductForm, Unit};
use domain::validation::FieldError;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

#[component]
pub fn Product() -> impl IntoView {
    view! { <Guard roles=STOCK_KEEPERS><ProductPage/></Guard> }
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
    let created = use_query_map()
        .read_untracked()
        .get("notice")
        .is_some_and(|n| n == "created");
    view! {
        <p class="back-row"><a href="/stock/products">{i.t("stock-back-to-products")}</a></p>
        <Suspense fallback=move || view! { <p class="muted">{i.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok((p, lists)) => {
                        let title = RwSignal::new(p.name.clone());
                        view! {
                            <h1 class="product-title" data-testid="product-title">{move || title.get()}</h1>
                            {created.then(|| view! { <p class="alert notice product-notice" role="status">{i.t("product-created")}</p> })}
                            <div class="product-desk">
                                <StockSection id=p.id unit=p.unit/>
                                <EditSection p=p.clone() lists=lists title=title/>
                            </div>
                        }.into_any()
                    }
                    Err(e) => view! { <section class="panel"><p class="alert error">{i.error(&e)}</p></section> }.into_any(),
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
    let id = p.id;
    Effect::new(move |_| {
        if let Some(Ok(saved)) = result.get() {
            title.set(saved.name);
        }
    });
    view! {
        <section class="panel product-edit">
            <h2>{i.t("product-edit-title")}</h2>
            <ActionError result=result/>
            {move || matches!(result.get(), Some(Ok(_))).then(|| view! { <p class="alert notice" role="status">{i.t("saved")}</p> })}
            <form class="stack" novalidate on:submit=move |ev| {
                ev.prevent_default();
                update.dispatch(UpdateProduct { id, form: fields.form() });
            }>
                <ProductFormFields fields=fields lists=lists result=result/>
                <button type="submit" class="button primary" disabled=move || update.pending().get()>{i.t("save")}</button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
fn StockSection(id: Uuid, unit: Unit) -> impl IntoView {
    let i = use_i18n();
    let record = ServerAction::<StockMove>::new();
    let result = outcome(record);
    let stock = Resource::new(
        move || record.version().get(),
        move |_| stock_of_product(id),
    );
    let kind = RwSignal::new(MoveKind::Reception.as_str().to_string());
    let quantity = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    // A quantity refused before sending: the reason in the person's language.
    let refused = RwSignal::new(None::<AppError>);
    let typed_errors = Signal::derive(move || {
        refused
            .get()
            .map(|e| {
                e.field_errors("quantity")
                    .iter()
                    .map(|r| i.reason(r))
                    .collect()
            })
            .unwrap_or_default()
    });
    let sent_errors = errors_of(result, "quantity");
    let quantity_errors = Signal::derive(move || {
        let mut all: Vec<String> = typed_errors.get();
        all.extend(sent_errors.get());
        all
    });
    // A note typed for a reception is no reason of a loss, and the other way round.
    Effect::new(move |before: Option<String>| {
        let now = kind.get();
        if before.is_some_and(|b| b != now) {
            reason.set(String::new());
        }
        now
    });
    clear_on_success(result, vec![quantity, reason]);
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
    let is_loss = move || kind.get() == MoveKind::Loss.as_str();
    let quantity_label = move || {
        let key = match MoveKind::parse(&kind.get()) {
            Some(MoveKind::Adjustment) => "stock-quantity-adjustment",
            Some(MoveKind::Loss) => "stock-quantity-loss",
            _ => "stock-quantity-reception",
        };
        format!("{} ({})", i.t(key), i.t(&format!("unit-{}", unit.as_str())))
    };
    view! {
        <section class="panel product-stock">
            <h2>{i.t("stock-on-hand-title")}</h2>
            <Transition fallback=move || view! { <p class="muted">{i.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match stock.await {
                        Ok(s) => view! {
                            <p class="on-hand" data-testid="on-hand">{i.quantity(s.on_hand_milli, unit)}</p>
                            {s.recent.is_empty().then(|| view! { <p class="muted">{i.t("stock-no-moves")}</p> })}
                            <ul class="moves">
                                {s.recent.into_iter().map(|m| {
                                    let why = m.reason.as_deref().map(|r| if LOSS_REASONS.contains(&r) { i.t(&format!("loss-{r}")) } else { r.to_string() });
                                    view! {
                                        <li>
                                            <span class="muted">{i.instant_date(m.at_ms)}</span>
                                            <span>{i.t(&format!("move-{}", m.kind.as_str()))} {why.map(|w| format!(" · {w}"))}</span>
                                            <span class="num">{i.signed_quantity(m.quantity_milli, unit)}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <h3>{i.t("stock-move-title")}</h3>
            {move || matches!(result.get(), Some(Ok(()))).then(|| view! { <p class="alert notice" role="status">{i.t("stock-move-done")}</p> })}
            <ActionError result=result/>
            <form class="stack" novalidate on:submit=move |ev| {
                ev.prevent_default();
                let k = MoveKind::parse(&kind.get_untracked()).unwrap_or(MoveKind::Reception);
                match typed_quantity(k, &quantity.get_untracked()) {
                    Ok(quantity_milli) => {
                        refused.set(None);
                        record.dispatch(StockMove { product_id: id, quantity_milli, kind: k, reason: reason.get_untracked() });
                    }
                    Err(r) => refused.set(Some(AppError::Invalid(vec![FieldError::new("quantity", r)]))),
                }
            }>
                <div class="grid-2">
                    <Choice label=i.t("field-move-kind") name="kind" value=kind options=kinds errors=Signal::derive(Vec::new)/>
                    <div class="field" class:invalid=move || !quantity_errors.get().is_empty()>
                        <label for="field-quantity">{quantity_label}</label>
                        <input id="field-quantity" name="quantity" inputmode="decimal" autocomplete="off" bind:value=quantity/>
                        {move || quantity_errors.get().into_iter().map(|e| view! { <p class="field-error" role="alert">{e}</p> }).collect_view()}
                    </div>
                </div>
                {move || if is_loss() {
                    view! { <Choice label=i.t("field-loss-reason") name="reason" value=reason options=loss_reasons.clone() errors=errors_of(result, "reason")/> }.into_any()
                } else {
                    view! { <Field label=i.t("field-move-note") name="reason" value=reason errors=errors_of(result, "reason")/> }.into_any()
                }}
                <button type="submit" class="button primary" disabled=move || record.pending().get()>{i.t("stock-move-submit")}</button>
            </form>
        </section>
    }
    .into_any()
}
