//! The barcode nomenclature editor: the ordered rules that say what a scanned code means (a
//! product, a weighed or price-labelled item, a member card, a cashier badge), by prefix
//! pattern and code length, and where a scale label hides its weight or price. Rules are
//! tried from the top; add, edit, move and remove them, then save them all at once. The
//! server checks every rule and names the first that cannot be used.

use crate::api::catalogue::form_lists;
use crate::api::till::{SaveNomenclature, STOCK_KEEPERS};
use crate::components::field::{outcome, Outcome, Refusal};
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use domain::till::{BarcodeRule, Field, Nomenclature, RuleKind};
use leptos::prelude::*;

#[component]
pub fn NomenclatureEditor() -> impl IntoView {
    view! { <Guard roles=STOCK_KEEPERS><Editor/></Guard> }
}

const KINDS: [&str; 5] = [
    "product",
    "weighed",
    "price_embedded",
    "member_card",
    "cashier_badge",
];

/// One rule being edited; its fields as typed. `start` counts digits from 1, as people do.
#[derive(Clone, Copy)]
struct Row {
    key: u32,
    kind: RwSignal<String>,
    pattern: RwSignal<String>,
    length: RwSignal<String>,
    start: RwSignal<String>,
    len: RwSignal<String>,
}

impl Row {
    fn new(key: u32, rule: &BarcodeRule) -> Row {
        let (kind, value) = match rule.kind {
            RuleKind::Product => ("product", None),
            RuleKind::Weighed { value } => ("weighed", Some(value)),
            RuleKind::PriceEmbedded { value } => ("price_embedded", Some(value)),
            RuleKind::MemberCard => ("member_card", None),
            RuleKind::CashierBadge => ("cashier_badge", None),
        };
        let value = value.unwrap_or(Field { start: 7, len: 5 });
        Row {
            key,
            kind: RwSignal::new(kind.to_string()),
            pattern: RwSignal::new(rule.pattern.clone()),
            length: RwSignal::new(rule.length.map(|n| n.to_string()).unwrap_or_default()),
            start: RwSignal::new((value.start + 1).to_string()),
            len: RwSignal::new(value.len.to_string()),
        }
    }

    fn embeds_value(&self) -> bool {
        matches!(self.kind.get().as_str(), "weighed" | "price_embedded")
    }

    /// The rule as typed; numbers that do not read become values the rules refuse.
    fn rule(&self) -> BarcodeRule {
        let number = |s: RwSignal<String>| s.get_untracked().trim().parse::<usize>().ok();
        let value = Field {
            start: number(self.start).unwrap_or(0).saturating_sub(1),
            len: number(self.len).unwrap_or(0),
        };
        let kind = match self.kind.get_untracked().as_str() {
            "weighed" => RuleKind::Weighed { value },
            "price_embedded" => RuleKind::PriceEmbedded { value },
            "member_card" => RuleKind::MemberCard,
            "cashier_badge" => RuleKind::CashierBadge,
            _ => RuleKind::Product,
        };
        BarcodeRule {
            kind,
            pattern: self.pattern.get_untracked().trim().to_string(),
            length: number(self.length),
        }
    }
}

#[component]
fn Editor() -> impl IntoView {
    let i = use_i18n();
    let lists = Resource::new(|| (), |_| form_lists());
    view! {
        <section class="panel">
            <h1>{i.t("stock-nomenclature")}</h1>
            <p class="hint">{i.t("nomenclature-intro")}</p>
            <Suspense fallback=move || view! { <p class="muted">{i.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match lists.await {
                        Ok(l) => view! { <Rules saved=l.nomenclature/> }.into_any(),
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Rules(saved: Vec<BarcodeRule>) -> impl IntoView {
    let i = use_i18n();
    let next_key = StoredValue::new(0u32);
    let make = move |rule: &BarcodeRule| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        Row::new(key, rule)
    };
    let rows = RwSignal::new(saved.iter().map(make).collect::<Vec<_>>());
    let save = ServerAction::<SaveNomenclature>::new();
    let result = outcome(save);
    let position = move |key: u32| rows.with(|r| r.iter().position(|x| x.key == key).unwrap_or(0));
    let shift = move |key: u32, up: bool| {
        rows.update(|r| {
            if let Some(p) = r.iter().position(|x| x.key == key) {
                let q = if up {
                    p.checked_sub(1)
                } else {
                    Some(p + 1).filter(|q| *q < r.len())
                };
                if let Some(q) = q {
                    r.swap(p, q);
                }
            }
        })
    };
    let add = move |_| {
        let rule = BarcodeRule {
            kind: RuleKind::Product,
            pattern: String::new(),
            length: Some(13),
        };
        let row = make(&rule);
        rows.update(|r| r.push(row));
    };
    let defaults = move |_| {
        let fresh: Vec<Row> = Nomenclature::default().rules().map(make).collect();
        rows.set(fresh);
    };
    view! {
        <form class="stack" novalidate on:submit=move |ev| {
            ev.prevent_default();
            let rules = rows.with_untracked(|r| r.iter().map(Row::rule).collect());
            save.dispatch(SaveNomenclature { rules });
        }>
            <ol class="rules">
                <For each=move || rows.get() key=|r| r.key let:row>
                    <RuleCard
                        row=row
                        position=Signal::derive(move || position(row.key))
                        count=Signal::derive(move || rows.with(Vec::len))
                        result=result
                        on_up=Callback::new(move |_| shift(row.key, true))
                        on_down=Callback::new(move |_| shift(row.key, false))
                        on_remove=Callback::new(move |_| rows.update(|r| r.retain(|x| x.key != row.key)))
                    />
                </For>
            </ol>
            {move || rows.with(Vec::is_empty).then(|| view! { <p class="alert warning">{i.t("nomenclature-empty")}</p> })}
            // Beside the buttons, where the person is when they save.
            <Refusal result=result field="rules"/>
            {move || matches!(result.get(), Some(Ok(_))).then(|| view! { <p class="alert notice" role="status">{i.t("nomenclature-saved")}</p> })}
            <div class="actions">
                <button type="button" class="button" on:click=add>{i.t("nomenclature-add")}</button>
                <button type="button" class="button" on:click=defaults>{i.t("nomenclature-defaults")}</button>
                <button type="submit" class="button primary" disabled=move || save.pending().get()>{i.t("save")}</button>
            </div>
        </form>
    }
}

#[component]
fn RuleCard(
    row: Row,
    position: Signal<usize>,
    count: Signal<usize>,
    result: Outcome<Vec<BarcodeRule>>,
    on_up: Callback<()>,
    on_down: Callback<()>,
    on_remove: Callback<()>,
) -> impl IntoView {
    let i = use_i18n();
    let id = move |what: &str| format!("rule-{}-{what}", row.key);
    let problems = move || {
        let field = format!("rule-{}", position.get());
        result
            .get()
            .and_then(|r| r.err())
            .map(|e| e.field_errors(&field))
            .unwrap_or_default()
    };
    view! {
        <li class="rule-card" class:invalid=move || !problems().is_empty() data-testid="rule">
            <div class="rule-head">
                <strong>{move || i.ta("nomenclature-rule", &[("n", (position.get() + 1).to_string())])}</strong>
                <div class="rule-moves">
                    <button type="button" class="button" aria-label=i.t("nomenclature-up") title=i.t("nomenclature-up")
                        disabled=move || position.get() == 0 on:click=move |_| on_up.run(())>"↑"</button>
                    <button type="button" class="button" aria-label=i.t("nomenclature-down") title=i.t("nomenclature-down")
                        disabled=move || { position.get() + 1 >= count.get() } on:click=move |_| on_down.run(())>"↓"</button>
                    <button type="button" class="button danger" on:click=move |_| on_remove.run(())>{i.t("nomenclature-remove")}</button>
                </div>
            </div>
            <div class="grid-2">
                <div class="field">
                    <label for=id("kind")>{i.t("field-rule-kind")}</label>
                    <select id=id("kind") name="kind" prop:value=move || row.kind.get() on:change=move |ev| row.kind.set(event_target_value(&ev))>
                        {KINDS.into_iter().map(|k| view! {
                            <option value=k selected=move || row.kind.get() == k>{i.t(&format!("rule-kind-{k}"))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=id("pattern")>{i.t("field-rule-pattern")}</label>
                    <input id=id("pattern") name="pattern" class="mono" autocomplete="off" bind:value=row.pattern/>
                </div>
                <div class="field">
                    <label for=id("length")>{i.t("field-rule-length")}</label>
                    <select id=id("length") name="length" prop:value=move || row.length.get() on:change=move |ev| row.length.set(event_target_value(&ev))>
                        {["", "8", "12", "13"].into_iter().map(|n| {
                            let label = if n.is_empty() { i.t("rule-length-any") } else { i.ta("rule-length-digits", &[("n", n.to_string())]) };
                            view! { <option value=n selected=move || row.length.get() == n>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || row.embeds_value().then(|| view! {
                    <div class="rule-value">
                        <div class="field">
                            <label for=id("start")>{i.t("field-rule-value-start")}</label>
                            <input id=id("start") name="start" type="number" min="1" max="13" inputmode="numeric" bind:value=row.start/>
                        </div>
                        <div class="field">
                            <label for=id("len")>{i.t("field-rule-value-len")}</label>
                            <input id=id("len") name="len" type="number" min="1" max="9" inputmode="numeric" bind:value=row.len/>
                        </div>
                    </div>
                })}
            </div>
            {move || problems().into_iter().map(|r| view! { <p class="field-error" role="alert">{i.reason(&r)}</p> }).collect_view()}
        </li>
    }
}
