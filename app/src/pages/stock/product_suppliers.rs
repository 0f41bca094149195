//! A product's suppliers, a section of its page (`#suppliers`): each supplier with its code,
//! pack and cost, the preferred one marked (another is made preferred with a button), a line
//! removed with a button, one form to add a supplier's line or change one (its link fills the
//! form: `?supplier=<id>`), and the product's own margin. Plain forms, so it works without
//! JavaScript; a refused form comes back with what was typed.

use crate::api::suppliers::{
    suppliers_of_product, RemoveSupplierLine, SetPreferredSupplier, SetProductMargin,
    SetSupplierLine,
};
use crate::components::field::{errors_of, outcome, ActionError, Choice, Field, Refusal};
use crate::i18n::use_i18n;
use domain::stock::pricing::margin_percent;
use domain::stock::supplier::{LineForm, ProductSuppliers};
use domain::till::Unit;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

#[component]
pub fn SuppliersSection(id: Uuid, unit: Unit) -> impl IntoView {
    let i = use_i18n();
    let line = ServerAction::<SetSupplierLine>::new();
    let prefer = ServerAction::<SetPreferredSupplier>::new();
    let remove = ServerAction::<RemoveSupplierLine>::new();
    let margin = ServerAction::<SetProductMargin>::new();
    let loaded = Resource::new(
        move || {
            (
                line.version().get(),
                prefer.version().get(),
                remove.version().get(),
                margin.version().get(),
            )
        },
        move |_| suppliers_of_product(id),
    );
    let query = use_query_map();
    let notice = move || {
        let done = [
            ("supplier-line", line.version().get() > 0),
            ("supplier-preferred", prefer.version().get() > 0),
            ("supplier-removed", remove.version().get() > 0),
            ("margin", margin.version().get() > 0),
        ];
        done.iter()
            .find(|(_, d)| *d)
            .map(|(n, _)| n.to_string())
            .or_else(|| query.read().get("notice"))
            .filter(|n| done.iter().any(|(d, _)| *d == n.as_str()))
    };
    let prefer_result = outcome(prefer);
    let remove_result = outcome(remove);
    view! {
        <section class="panel product-suppliers" id="suppliers">
            <h2>{i.t("product-suppliers-title")}</h2>
            {move || {
                notice()
                    .map(|n| {
                        view! {
                            <p class="alert notice" role="status">
                                {i.t(&format!("notice-{n}"))}
                            </p>
                        }
                    })
            }}
            <Refusal result=prefer_result field="" />
            <Refusal result=remove_result field="" />
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(p) => {
                            view! {
                                <Lines id=id unit=unit p=p.clone() prefer=prefer remove=remove />
                                <LineEditor id=id unit=unit p=p.clone() action=line />
                                <MarginEditor id=id margin_bp=p.margin_bp action=margin />
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

/// The product's supplier lines, preferred first.
#[component]
fn Lines(
    id: Uuid,
    unit: Unit,
    p: ProductSuppliers,
    prefer: ServerAction<SetPreferredSupplier>,
    remove: ServerAction<RemoveSupplierLine>,
) -> impl IntoView {
    let i = use_i18n();
    if p.lines.is_empty() {
        return view! { <p class="muted">{i.t("product-no-suppliers")}</p> }.into_any();
    }
    view! {
        <ul class="supplier-lines" data-testid="product-supplier-lines">
            {p
                .lines
                .into_iter()
                .map(|l| {
                    let pack = i
                        .ta(
                            "supplier-pack",
                            &[
                                ("quantity", i.quantity(l.pack_milli, unit)),
                                ("cost", i.money(l.pack_cost_cents)),
                            ],
                        );
                    let sid = l.supplier_id.to_string();
                    let (prefer_sid, remove_sid) = (sid.clone(), sid.clone());
                    let (prefer_pid, remove_pid) = (id.to_string(), id.to_string());
                    view! {
                        <li data-testid="product-supplier-line">
                            <div class="supplier-line-head">
                                <a href=format!("/stock/suppliers/{}", l.supplier_id)>
                                    <strong>{l.supplier}</strong>
                                </a>
                                {(!l.code.is_empty())
                                    .then(|| view! { <span class="mono">{l.code}</span> })}
                                {l
                                    .preferred
                                    .then(|| {
                                        view! {
                                            <span class="tag">{i.t("supplier-preferred")}</span>
                                        }
                                    })}
                            </div>
                            <p class="num">{pack}</p>
                            <div class="button-row">
                                <a
                                    class="button"
                                    href=format!("/stock/products/{id}?supplier={sid}#line-form")
                                >
                                    {i.t("supplier-line-change")}
                                </a>
                                {(!l.preferred)
                                    .then(|| {
                                        view! {
                                            <ActionForm action=prefer attr:class="inline-form">
                                                <input type="hidden" name="supplier_id" value=prefer_sid />
                                                <input type="hidden" name="product_id" value=prefer_pid />
                                                <button type="submit" class="button">
                                                    {i.t("supplier-make-preferred")}
                                                </button>
                                            </ActionForm>
                                        }
                                    })}
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="supplier_id" value=remove_sid />
                                    <input type="hidden" name="product_id" value=remove_pid />
                                    <button type="submit" class="button danger">
                                        {i.t("supplier-line-remove")}
                                    </button>
                                </ActionForm>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// One form to add a supplier's line or change one: the supplier, its code, the pack size in
/// the product's unit and the pack's cost excluding VAT.
#[component]
fn LineEditor(
    id: Uuid,
    unit: Unit,
    p: ProductSuppliers,
    action: ServerAction<SetSupplierLine>,
) -> impl IntoView {
    let i = use_i18n();
    let result = outcome(action);
    let q = use_query_map().read_untracked().clone();
    // The supplier asked for by a line's link or a refused form, with what it sells at (or what
    // was typed, when refused).
    let chosen = q.get("supplier").unwrap_or_default();
    let existing = p
        .lines
        .iter()
        .find(|l| l.supplier_id.to_string() == chosen)
        .map(LineForm::of)
        .unwrap_or_default();
    let typed = |name: &str, or: String| q.get(name).unwrap_or(or);
    let supplier = RwSignal::new(chosen.clone());
    let code = RwSignal::new(typed("code", existing.code));
    let pack_size = RwSignal::new(typed("pack_size", existing.pack_size));
    let pack_cost = RwSignal::new(typed("pack_cost", existing.pack_cost));
    let options: Vec<(String, String)> = std::iter::once((String::new(), i.t("supplier-choose")))
        .chain(
            p.suppliers
                .into_iter()
                .map(|(id, name)| (id.to_string(), name)),
        )
        .collect();
    let pack_label = format!(
        "{} ({})",
        i.t("field-pack-size"),
        i.t(&format!("unit-{}", unit.as_str()))
    );
    view! {
        <h3 id="line-form">{i.t("supplier-line-title")}</h3>
        <ActionError result=result />
        <ActionForm action=action attr:class="stack" attr:novalidate=true>
            <input type="hidden" name="product_id" value=id.to_string() />
            <Choice
                label=i.t("field-supplier")
                name="supplier_id"
                value=supplier
                options=options
                errors=errors_of(result, "supplier_id")
            />
            <Field
                label=i.t("field-supplier-code")
                name="code"
                within="line"
                value=code
                errors=errors_of(result, "code")
            />
            <div class="grid-2">
                <Field
                    label=pack_label
                    name="pack_size"
                    within="line"
                    inputmode="decimal"
                    value=pack_size
                    errors=errors_of(result, "pack_size")
                />
                <Field
                    label=i.t("field-pack-cost")
                    name="pack_cost"
                    within="line"
                    inputmode="decimal"
                    value=pack_cost
                    errors=errors_of(result, "pack_cost")
                />
            </div>
            <p class="hint">{i.t("supplier-line-hint")}</p>
            <button type="submit" class="button primary" disabled=move || action.pending().get()>
                {i.t("supplier-line-save")}
            </button>
        </ActionForm>
    }
    .into_any()
}

/// The product's own margin, over its preferred supplier's, its category's and the coop's.
#[component]
fn MarginEditor(
    id: Uuid,
    margin_bp: Option<i32>,
    action: ServerAction<SetProductMargin>,
) -> impl IntoView {
    let i = use_i18n();
    let result = outcome(action);
    let typed = use_query_map().read_untracked().get("margin");
    let value =
        RwSignal::new(typed.unwrap_or_else(|| margin_bp.map(margin_percent).unwrap_or_default()));
    view! {
        <h3>{i.t("product-margin-title")}</h3>
        <ActionForm action=action attr:class="inline-form" attr:novalidate=true>
            <input type="hidden" name="id" value=id.to_string() />
            <Field
                label=i.t("field-product-margin")
                name="margin"
                inputmode="decimal"
                value=value
                errors=errors_of(result, "margin")
            />
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {i.t("save")}
            </button>
        </ActionForm>
        <p class="hint">{i.t("product-margin-hint")}</p>
    }
    .into_any()
}
