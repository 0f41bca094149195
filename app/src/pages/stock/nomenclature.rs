//! The barcode nomenclature editor: the ordered rules that say what a scanned code means (a
//! product, a weighed or price-labelled item, a member card, a cashier badge), by prefix
//! pattern and code length, and where a scale label hides its weight or price. Rules are
//! tried from the top; add, edit, move and remove them, then save them all at once. The
//! server checks every rule and names the first that cannot be used.
//!
//! One form holds every rule (`rules[0][kind]`, ...). With JavaScript, adding, moving and
//! removing happen in the page; without it, those buttons post the form with an `op`, and the
//! server answers the page again with the rules as edited (`?draft=`), saving nothing until
//! the person saves.

use crate::api::catalogue::form_lists;
use crate::api::till::{RuleInput, RuleOp, SaveNomenclature, STOCK_KEEPERS};
use crate::components::field::{outcome, Outcome, Refusal};
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use domain::till::Nomenclature;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NomenclatureEditor() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <Editor />
        </Guard>
    }
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
    fn new(key: u32, rule: RuleInput) -> Row {
        Row {
            key,
            kind: RwSignal::new(rule.kind),
            pattern: RwSignal::new(rule.pattern),
            length: RwSignal::new(rule.length),
            start: RwSignal::new(rule.start),
            len: RwSignal::new(rule.len),
        }
    }
}

#[component]
fn Editor() -> impl IntoView {
    let i = use_i18n();
    let lists = Resource::new(|| (), |_| form_lists());
    // The rules as edited without JavaScript and sent back by the server, if any.
    let draft: Option<Vec<RuleInput>> = use_query_map()
        .read_untracked()
        .get("draft")
        .and_then(|d| serde_json::from_str(&d).ok());
    view! {
        <section class="panel">
            <h1>{i.t("stock-nomenclature")}</h1>
            <p class="hint">{i.t("nomenclature-intro")}</p>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || {
                    let draft = draft.clone();
                    Suspend::new(async move {
                        match (draft, lists.await) {
                            (Some(rules), _) => view! { <Rules start=rules /> }.into_any(),
                            (None, Ok(l)) => {
                                let rules = l.nomenclature.iter().map(RuleInput::of).collect();
                                view! { <Rules start=rules /> }.into_any()
                            }
                            (None, Err(e)) => {
                                view! { <p class="alert error">{i.error(&e)}</p> }.into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn Rules(start: Vec<RuleInput>) -> impl IntoView {
    let i = use_i18n();
    let next_key = StoredValue::new(0u32);
    let make = move |rule: RuleInput| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        Row::new(key, rule)
    };
    let rows = RwSignal::new(start.into_iter().map(make).collect::<Vec<_>>());
    let save = ServerAction::<SaveNomenclature>::new();
    let result = outcome(save);
    let query = use_query_map();
    let saved = move || {
        matches!(result.get(), Some(Ok(_)))
            || (result.get().is_none() && query.read().get("notice").as_deref() == Some("saved"))
    };
    let position = move |key: u32| rows.with(|r| r.iter().position(|x| x.key == key).unwrap_or(0));
    // The same edits as the server makes without JavaScript (`RuleOp::apply`), in the page:
    // rows keep their signals and keys.
    let edit = move |op: RuleOp| {
        let mut r = rows.get_untracked();
        if !op.shift(&mut r) {
            match op {
                RuleOp::Add => r.push(make(RuleInput::blank())),
                _ => {
                    r = Nomenclature::default()
                        .rules()
                        .map(|x| make(RuleInput::of(x)))
                        .collect()
                }
            }
        }
        rows.set(r);
    };
    view! {
        <ActionForm action=save attr:class="stack" attr:novalidate=true>
            <ol class="rules">
                <For each=move || rows.get() key=|r| r.key let:row>
                    <RuleCard
                        row=row
                        position=Signal::derive(move || position(row.key))
                        count=Signal::derive(move || rows.with(Vec::len))
                        result=result
                        edit=Callback::new(edit)
                    />
                </For>
            </ol>
            {move || {
                rows.with(Vec::is_empty)
                    .then(|| view! { <p class="alert warning">{i.t("nomenclature-empty")}</p> })
            }}
            // Beside the buttons, where the person is when they save.
            <Refusal result=result field="rules" />
            {move || {
                saved()
                    .then(|| {
                        view! {
                            <p class="alert notice" role="status">
                                {i.t("nomenclature-saved")}
                            </p>
                        }
                    })
            }}
            <div class="actions">
                <OpButton op=RuleOp::Add edit=Callback::new(edit) label=i.t("nomenclature-add") />
                <OpButton
                    op=RuleOp::Defaults
                    edit=Callback::new(edit)
                    label=i.t("nomenclature-defaults")
                />
                <button type="submit" class="button primary" disabled=move || save.pending().get()>
                    {i.t("save")}
                </button>
            </div>
        </ActionForm>
    }
}

/// A button that edits the rules: in the page with JavaScript, else by posting the form with
/// its `op` for the server to send the edited rules back.
#[component]
fn OpButton(
    #[prop(into)] op: Signal<RuleOp>,
    edit: Callback<RuleOp>,
    label: String,
    #[prop(optional)] look: Option<&'static str>,
    #[prop(optional, into)] disabled: Option<Signal<bool>>,
    #[prop(optional)] text: Option<&'static str>,
) -> impl IntoView {
    let shown = text.map(str::to_string).unwrap_or_else(|| label.clone());
    let labelled = text.is_some().then(|| label.clone());
    view! {
        <button
            type="submit"
            name="op"
            value=move || op.get().code()
            class=look.unwrap_or("button")
            aria-label=labelled.clone()
            title=labelled
            disabled=move || disabled.is_some_and(|d| d.get())
            on:click=move |ev| {
                ev.prevent_default();
                edit.run(op.get_untracked());
            }
        >
            {shown}
        </button>
    }
}

#[component]
fn RuleCard(
    row: Row,
    position: Signal<usize>,
    count: Signal<usize>,
    result: Outcome<Vec<domain::till::BarcodeRule>>,
    edit: Callback<RuleOp>,
) -> impl IntoView {
    let i = use_i18n();
    let id = move |what: &str| format!("rule-{}-{what}", row.key);
    let name = move |what: &'static str| move || format!("rules[{}][{what}]", position.get());
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
                <strong>
                    {move || i.ta("nomenclature-rule", &[("n", (position.get() + 1).to_string())])}
                </strong>
                <div class="rule-moves">
                    <OpButton
                        op=Signal::derive(move || RuleOp::Up(position.get()))
                        edit=edit
                        label=i.t("nomenclature-up")
                        text="↑"
                        disabled=Signal::derive(move || position.get() == 0)
                    />
                    <OpButton
                        op=Signal::derive(move || RuleOp::Down(position.get()))
                        edit=edit
                        label=i.t("nomenclature-down")
                        text="↓"
                        disabled=Signal::derive(move || position.get() + 1 >= count.get())
                    />
                    <OpButton
                        op=Signal::derive(move || RuleOp::Remove(position.get()))
                        edit=edit
                        label=i.t("nomenclature-remove")
                        look="button danger"
                    />
                </div>
            </div>
            <div class="grid-2">
                <div class="field">
                    <label for=id("kind")>{i.t("field-rule-kind")}</label>
                    <select
                        id=id("kind")
                        name=name("kind")
                        prop:value=move || row.kind.get()
                        on:change=move |ev| row.kind.set(event_target_value(&ev))
                    >
                        {KINDS
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <option value=k selected=move || row.kind.get() == k>
                                        {i.t(&format!("rule-kind-{k}"))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=id("pattern")>{i.t("field-rule-pattern")}</label>
                    <input
                        id=id("pattern")
                        name=name("pattern")
                        class="mono"
                        autocomplete="off"
                        value=move || row.pattern.get()
                        prop:value=move || row.pattern.get()
                        on:input=move |ev| row.pattern.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for=id("length")>{i.t("field-rule-length")}</label>
                    <select
                        id=id("length")
                        name=name("length")
                        prop:value=move || row.length.get()
                        on:change=move |ev| row.length.set(event_target_value(&ev))
                    >
                        {["", "8", "12", "13"]
                            .into_iter()
                            .map(|n| {
                                let label = if n.is_empty() {
                                    i.t("rule-length-any")
                                } else {
                                    i.ta("rule-length-digits", &[("n", n.to_string())])
                                };
                                view! {
                                    <option value=n selected=move || row.length.get() == n>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                // Shown by the stylesheet for the kinds that carry a value.
                <div class="rule-value">
                    <div class="field">
                        <label for=id("start")>{i.t("field-rule-value-start")}</label>
                        <input
                            id=id("start")
                            name=name("start")
                            type="number"
                            min="1"
                            max="13"
                            inputmode="numeric"
                            value=move || row.start.get()
                            prop:value=move || row.start.get()
                            on:input=move |ev| row.start.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field">
                        <label for=id("len")>{i.t("field-rule-value-len")}</label>
                        <input
                            id=id("len")
                            name=name("len")
                            type="number"
                            min="1"
                            max="9"
                            inputmode="numeric"
                            value=move || row.len.get()
                            prop:value=move || row.len.get()
                            on:input=move |ev| row.len.set(event_target_value(&ev))
                        />
                    </div>
                </div>
            </div>
            {move || {
                problems()
                    .into_iter()
                    .map(|r| {
                        view! {
                            <p class="field-error" role="alert">
                                {i.reason(&r)}
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </li>
    }
}
