//! Closure days (public holidays, inventory days: their shifts are cancelled and owe nobody
//! anything) and one-off shifts outside the templates.

use crate::api::planning::{list_closures, list_task_types, AddClosure, AddOneOff};
use crate::api::SHIFT_KEEPERS;
use crate::components::field::{errors_of, outcome, ActionError, Field};
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use crate::pages::coordinator::planning::planning_href;
use crate::pages::coordinator::templates::{SlotFields, SlotFieldsView};
use domain::shifts::planning::{OneOffInput, TaskType};
use leptos::prelude::*;

#[component]
pub fn Closures() -> impl IntoView {
    view! {
        <Guard roles=SHIFT_KEEPERS>
            <ClosuresDesk />
        </Guard>
    }
}

#[component]
fn ClosuresDesk() -> impl IntoView {
    let i = use_i18n();
    let tasks = Resource::new(|| (), |_| list_task_types());
    view! {
        <div class="grid-2 desk">
            <ClosureDays />
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match tasks.await {
                        Ok(t) => view! { <OneOff tasks=t /> }.into_any(),
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn ClosureDays() -> impl IntoView {
    let i = use_i18n();
    let add = ServerAction::<AddClosure>::new();
    let result = outcome(add);
    let closures = Resource::new(move || add.version().get(), |_| list_closures());
    let date = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    view! {
        <section class="panel">
            <h1>{i.t("closures-title")}</h1>
            <p class="hint">{i.t("closures-hint")}</p>
            {move || match result.get() {
                Some(Ok(n)) => {
                    Some(
                        view! {
                            <p class="alert notice" role="status" data-testid="closure-result">
                                {i.ta("closure-result", &[("count", n.to_string())])}
                                " "
                                {date
                                    .get_untracked()
                                    .parse::<chrono::NaiveDate>()
                                    .ok()
                                    .map(|d| {
                                        view! {
                                            <a href=planning_href(
                                                d,
                                                1,
                                            )>{i.t("closure-see-planning")}</a>
                                        }
                                    })}
                            </p>
                        },
                    )
                }
                _ => None,
            }}
            <ActionError result=result />
            <form
                class="stack"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    add.dispatch(AddClosure {
                        date: date.get_untracked(),
                        note: note.get_untracked(),
                    });
                }
            >
                <div class="grid-2">
                    <Field
                        label=i.t("field-date")
                        name="closure_date"
                        kind="date"
                        value=date
                        required=true
                        errors=errors_of(result, "date")
                    />
                    <Field
                        label=i.t("field-closure-note")
                        name="closure_note"
                        value=note
                        required=true
                        errors=errors_of(result, "note")
                    />
                </div>
                <button type="submit" class="button primary" disabled=move || add.pending().get()>
                    {i.t("closure-add")}
                </button>
            </form>
            <h2>{i.t("closures-list")}</h2>
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match closures.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{i.t("closures-none")}</p> }.into_any()
                        }
                        Ok(list) => {
                            view! {
                                <table class="list" data-testid="closures">
                                    <thead>
                                        <tr>
                                            <th>{i.t("field-date")}</th>
                                            <th>{i.t("field-closure-note")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list
                                            .into_iter()
                                            .map(|c| {
                                                view! {
                                                    <tr>
                                                        <td>
                                                            <a href=planning_href(c.date, 1)>{i.date(c.date)}</a>
                                                        </td>
                                                        <td>{c.note}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OneOff(tasks: Vec<TaskType>) -> impl IntoView {
    let i = use_i18n();
    let add = ServerAction::<AddOneOff>::new();
    let result = outcome(add);
    let date = RwSignal::new(String::new());
    let slot = SlotFields::new(tasks.first().map(|t| t.id));
    view! {
        <section class="panel">
            <h2>{i.t("one-off-title")}</h2>
            <p class="hint">{i.t("one-off-hint")}</p>
            {move || {
                matches!(result.get(), Some(Ok(_)))
                    .then(|| {
                        view! {
                            <p class="alert notice" role="status">
                                {i.t("one-off-added")}
                                " "
                                {date
                                    .get_untracked()
                                    .parse::<chrono::NaiveDate>()
                                    .ok()
                                    .map(|d| {
                                        view! {
                                            <a href=planning_href(
                                                d,
                                                1,
                                            )>{i.t("closure-see-planning")}</a>
                                        }
                                    })}
                            </p>
                        }
                    })
            }}
            <ActionError result=result />
            <form
                class="stack"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    add.dispatch(AddOneOff {
                        input: OneOffInput {
                            date: date.get_untracked(),
                            slot: slot.input(),
                        },
                    });
                }
            >
                <div class="grid-2">
                    <Field
                        label=i.t("field-date")
                        name="date"
                        kind="date"
                        value=date
                        required=true
                        errors=errors_of(result, "date")
                    />
                    <SlotFieldsView fields=slot tasks=tasks result=result />
                </div>
                <button type="submit" class="button primary" disabled=move || add.pending().get()>
                    {i.t("one-off-add")}
                </button>
            </form>
        </section>
    }
}
