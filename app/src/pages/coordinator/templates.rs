//! Task types and templates: create and change them, give template seats to regular members,
//! add and remove leaders, give members skills, and generate the shifts of the horizon.

use crate::api::planning::{
    list_task_types, list_templates, AddLeader, AddSkill, AssignSeat, CreateTaskType,
    CreateTemplate, GenerateShifts, RemoveLeader, RemoveSeat, RetireTemplate, UpdateTemplate,
};
use crate::api::SHIFT_KEEPERS;
use crate::components::field::{errors_of, outcome, ActionError, Choice, Field, Outcome};
use crate::components::guard::Guard;
use crate::i18n::{use_i18n, I18n};
use crate::pages::coordinator::planning::weekday_name;
use chrono::Weekday;
use domain::shifts::planning::{SlotInput, TaskType, TemplateInput, TemplateView};
use domain::shifts::ShiftTemplate;
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn Templates() -> impl IntoView {
    view! {
        <Guard roles=SHIFT_KEEPERS>
            <TemplatesDesk />
        </Guard>
    }
}

/// Bumps `reload` each time `result` turns into a success.
fn reload_on_success<T: Clone + Send + Sync + 'static>(result: Outcome<T>, reload: RwSignal<u32>) {
    Effect::new(move |_| {
        if let Some(Ok(_)) = result.get() {
            reload.update(|n| *n += 1);
        }
    });
}

#[component]
fn TemplatesDesk() -> impl IntoView {
    let i = use_i18n();
    let reload = RwSignal::new(0u32);
    let tasks = Resource::new(move || reload.get(), |_| list_task_types());
    let templates = Resource::new(move || reload.get(), |_| list_templates());
    view! {
        <section class="panel wide">
            <div class="title-row">
                <h1>{i.t("templates-title")}</h1>
                <div class="actions">
                    <a class="button" href="/coordinator/planning">
                        {i.t("nav-planning")}
                    </a>
                </div>
            </div>
            <Generate />
        </section>
        <div class="grid-2 desk">
            <TaskTypes tasks=tasks reload=reload />
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match tasks.await {
                        Ok(t) => view! { <NewTemplate tasks=t reload=reload /> }.into_any(),
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </div>
        <section class="panel wide">
            <h2>{i.t("templates-list")}</h2>
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match (templates.await, tasks.await) {
                        (Ok(list), _) if list.is_empty() => {
                            view! { <p class="muted">{i.t("templates-none")}</p> }.into_any()
                        }
                        (Ok(list), Ok(tasks)) => {
                            view! {
                                <div class="template-list">
                                    {list
                                        .into_iter()
                                        .map(|t| {
                                            view! {
                                                <TemplateCard t=t tasks=tasks.clone() reload=reload />
                                            }
                                        })
                                        .collect_view()}
                                </div>
                            }
                                .into_any()
                        }
                        (Err(e), _) | (_, Err(e)) => {
                            view! { <p class="alert error">{i.error(&e)}</p> }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
        <Skill />
    }
}

/// The button that generates the horizon's shifts, and how many were new.
#[component]
fn Generate() -> impl IntoView {
    let i = use_i18n();
    let generate = ServerAction::<GenerateShifts>::new();
    let result = outcome(generate);
    view! {
        <div class="generate">
            <p class="hint">{i.t("generate-hint")}</p>
            <button
                type="button"
                class="button primary"
                disabled=move || generate.pending().get()
                on:click=move |_| {
                    generate.dispatch(GenerateShifts {});
                }
            >
                {i.t("generate-button")}
            </button>
            {move || match result.get() {
                Some(Ok(n)) => {
                    Some(
                        view! {
                            <p class="alert notice" role="status" data-testid="generate-result">
                                {i.ta("generate-result", &[("count", n.to_string())])}
                            </p>
                        }
                            .into_any(),
                    )
                }
                Some(Err(e)) => {
                    Some(
                        view! {
                            <p class="alert error" role="alert">
                                {i.error(&e)}
                            </p>
                        }
                            .into_any(),
                    )
                }
                None => None,
            }}
        </div>
    }
}

#[component]
fn TaskTypes(
    tasks: Resource<Result<Vec<TaskType>, crate::error::AppError>>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let i = use_i18n();
    let create = ServerAction::<CreateTaskType>::new();
    let result = outcome(create);
    reload_on_success(result, reload);
    let name = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(_)) = result.get() {
            name.set(String::new());
        }
    });
    view! {
        <section class="panel">
            <h2>{i.t("task-types-title")}</h2>
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match tasks.await {
                        Ok(t) if t.is_empty() => {
                            view! { <p class="muted">{i.t("task-types-none")}</p> }.into_any()
                        }
                        Ok(t) => {
                            view! {
                                <ul class="chips" data-testid="task-types">
                                    {t
                                        .into_iter()
                                        .map(|t| view! { <li>{t.name}</li> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <form
                class="stack"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    create
                        .dispatch(CreateTaskType {
                            name: name.get_untracked(),
                        });
                }
            >
                <Field
                    label=i.t("task-type-name")
                    name="task_type_name"
                    value=name
                    required=true
                    errors=errors_of(result, "name")
                />
                <button type="submit" class="button" disabled=move || create.pending().get()>
                    {i.t("task-type-add")}
                </button>
            </form>
        </section>
    }
}

/// The weekdays as (value, name): 1 for Monday to 7 for Sunday.
fn weekdays(i: I18n) -> Vec<(String, String)> {
    [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ]
    .into_iter()
    .map(|d| (d.number_from_monday().to_string(), weekday_name(i, d)))
    .collect()
}

/// The fields of a shift's times, task and seats, shared by templates and one-off shifts.
#[derive(Clone, Copy)]
pub struct SlotFields {
    pub start: RwSignal<String>,
    pub end: RwSignal<String>,
    pub task_type_id: RwSignal<String>,
    pub seats: RwSignal<String>,
    pub required_skill: RwSignal<String>,
}

impl SlotFields {
    pub fn new(task: Option<Uuid>) -> Self {
        SlotFields {
            start: RwSignal::new(String::new()),
            end: RwSignal::new(String::new()),
            task_type_id: RwSignal::new(task.map(|t| t.to_string()).unwrap_or_default()),
            seats: RwSignal::new(String::new()),
            required_skill: RwSignal::new(String::new()),
        }
    }

    /// The fields of a template's slot as it is.
    pub fn of(t: &ShiftTemplate) -> Self {
        SlotFields {
            start: RwSignal::new(t.start.format("%H:%M").to_string()),
            end: RwSignal::new(t.end.format("%H:%M").to_string()),
            task_type_id: RwSignal::new(t.task.clone()),
            seats: RwSignal::new(t.seats.to_string()),
            required_skill: RwSignal::new(t.required_skill.clone().unwrap_or_default()),
        }
    }

    pub fn input(&self) -> SlotInput {
        SlotInput {
            start: self.start.get_untracked(),
            end: self.end.get_untracked(),
            task_type_id: self.task_type_id.get_untracked(),
            seats: self.seats.get_untracked(),
            required_skill: self.required_skill.get_untracked(),
        }
    }
}

/// The inputs of a [`SlotFields`], with their errors.
#[component]
pub fn SlotFieldsView<T: Clone + Send + Sync + 'static>(
    fields: SlotFields,
    tasks: Vec<TaskType>,
    result: Outcome<T>,
    /// Tells the fields apart from a form of the same fields elsewhere on the page.
    #[prop(optional_no_strip)]
    scope: Option<String>,
) -> impl IntoView {
    let i = use_i18n();
    let options: Vec<(String, String)> = tasks
        .into_iter()
        .map(|t| (t.id.to_string(), t.name))
        .collect();
    view! {
        <Field
            label=i.t("field-start")
            name="start"
            kind="time"
            value=fields.start
            required=true
            scope=scope.clone()
            errors=errors_of(result, "start")
        />
        <Field
            label=i.t("field-end")
            name="end"
            kind="time"
            value=fields.end
            required=true
            scope=scope.clone()
            errors=errors_of(result, "end")
        />
        <Choice
            label=i.t("field-task-type")
            name="task_type_id"
            value=fields.task_type_id
            options=options
            scope=scope.clone()
            errors=errors_of(result, "task_type_id")
        />
        <Field
            label=i.t("field-seats")
            name="seats"
            kind="number"
            value=fields.seats
            required=true
            scope=scope.clone()
            errors=errors_of(result, "seats")
        />
        <Field
            label=i.t("field-required-skill")
            name="required_skill"
            value=fields.required_skill
            scope=scope
            errors=errors_of(result, "required_skill")
        />
    }
    .into_any()
}

/// A template's week, weekday and slot, as typed.
#[derive(Clone, Copy)]
struct TemplateFields {
    week: RwSignal<String>,
    weekday: RwSignal<String>,
    slot: SlotFields,
}

impl TemplateFields {
    fn input(&self) -> TemplateInput {
        TemplateInput {
            week: self.week.get_untracked(),
            weekday: self.weekday.get_untracked(),
            slot: self.slot.input(),
        }
    }
}

/// The inputs of [`TemplateFields`], with their errors.
#[component]
fn TemplateFieldsView<T: Clone + Send + Sync + 'static>(
    fields: TemplateFields,
    tasks: Vec<TaskType>,
    result: Outcome<T>,
    #[prop(optional_no_strip)] scope: Option<String>,
) -> impl IntoView {
    let i = use_i18n();
    let letters: Vec<(String, String)> = ["A", "B", "C", "D"]
        .into_iter()
        .map(|l| {
            (
                l.to_string(),
                i.ta("week-letter", &[("letter", l.to_string())]),
            )
        })
        .collect();
    view! {
        <div class="grid-2">
            <Choice
                label=i.t("field-week")
                name="week"
                value=fields.week
                options=letters
                scope=scope.clone()
                errors=errors_of(result, "week")
            />
            <Choice
                label=i.t("field-weekday")
                name="weekday"
                value=fields.weekday
                options=weekdays(i)
                scope=scope.clone()
                errors=errors_of(result, "weekday")
            />
            <SlotFieldsView fields=fields.slot tasks=tasks result=result scope=scope />
        </div>
    }
    .into_any()
}

#[component]
fn NewTemplate(tasks: Vec<TaskType>, reload: RwSignal<u32>) -> impl IntoView {
    let i = use_i18n();
    let create = ServerAction::<CreateTemplate>::new();
    let result = outcome(create);
    reload_on_success(result, reload);
    let fields = TemplateFields {
        week: RwSignal::new("A".to_string()),
        weekday: RwSignal::new("1".to_string()),
        slot: SlotFields::new(tasks.first().map(|t| t.id)),
    };
    view! {
        <section class="panel">
            <h2>{i.t("template-new-title")}</h2>
            <ActionError result=result />
            <form
                class="stack"
                novalidate
                data-testid="new-template"
                on:submit=move |ev| {
                    ev.prevent_default();
                    create
                        .dispatch(CreateTemplate {
                            input: fields.input(),
                        });
                }
            >
                <TemplateFieldsView fields=fields tasks=tasks result=result />
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || create.pending().get()
                >
                    {i.t("template-add")}
                </button>
            </form>
        </section>
    }
}

/// Changing a template: its week, day, times, task, seats and skill; its shifts ahead follow.
#[component]
fn EditTemplate(
    template: ShiftTemplate,
    tasks: Vec<TaskType>,
    reload: RwSignal<u32>,
    editing: RwSignal<bool>,
) -> impl IntoView {
    let i = use_i18n();
    let update = ServerAction::<UpdateTemplate>::new();
    let result = outcome(update);
    reload_on_success(result, reload);
    let id = template.id;
    let fields = TemplateFields {
        week: RwSignal::new(template.week.to_string()),
        weekday: RwSignal::new(template.weekday.number_from_monday().to_string()),
        slot: SlotFields::of(&template),
    };
    view! {
        <form
            class="stack template-edit"
            novalidate
            data-testid="edit-template"
            on:submit=move |ev| {
                ev.prevent_default();
                update
                    .dispatch(UpdateTemplate {
                        template_id: id,
                        input: fields.input(),
                    });
            }
        >
            <p class="hint">{i.t("template-edit-hint")}</p>
            <ActionError result=result />
            <TemplateFieldsView
                fields=fields
                tasks=tasks
                result=result
                scope=Some(id.to_string())
            />
            <div class="actions">
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || update.pending().get()
                >
                    {i.t("save")}
                </button>
                <button type="button" class="button" on:click=move |_| editing.set(false)>
                    {i.t("template-edit-cancel")}
                </button>
            </div>
        </form>
    }
}

/// One template: its slot, who holds its seats and who leads it, with the forms to add them.
#[component]
fn TemplateCard(t: TemplateView, tasks: Vec<TaskType>, reload: RwSignal<u32>) -> impl IntoView {
    let i = use_i18n();
    let id = t.template.id;
    let assign = ServerAction::<AssignSeat>::new();
    let assigned = outcome(assign);
    reload_on_success(assigned, reload);
    let lead = ServerAction::<AddLeader>::new();
    let led = outcome(lead);
    reload_on_success(led, reload);
    let remove = ServerAction::<RemoveSeat>::new();
    let removed = outcome(remove);
    reload_on_success(removed, reload);
    let retire = ServerAction::<RetireTemplate>::new();
    let retired = outcome(retire);
    reload_on_success(retired, reload);
    let unlead = ServerAction::<RemoveLeader>::new();
    let unled = outcome(unlead);
    reload_on_success(unled, reload);
    let confirming = RwSignal::new(false);
    let editing = RwSignal::new(false);
    let editable = t.template.clone();
    let holder = RwSignal::new(String::new());
    let leader = RwSignal::new(String::new());
    let tpl = &t.template;
    let held = t.holders.len();
    let title = format!(
        "{} · {} {} – {}",
        i.ta("week-letter", &[("letter", tpl.week.to_string())]),
        weekday_name(i, tpl.weekday),
        tpl.start.format("%H:%M"),
        tpl.end.format("%H:%M"),
    );
    view! {
        <article class="template-card" data-testid="template" data-template=id.to_string()>
            <header>
                <h3>{title}</h3>
                <p>
                    <strong>{t.task_name.clone()}</strong>
                    " · "
                    {i
                        .ta(
                            "template-seats",
                            &[("held", held.to_string()), ("seats", tpl.seats.to_string())],
                        )}
                    {tpl
                        .required_skill
                        .clone()
                        .map(|s| {
                            view! {
                                " · "
                                <span class="tag">{i.ta("template-skill", &[("skill", s)])}</span>
                            }
                        })}
                </p>
                <button type="button" class="link" on:click=move |_| editing.update(|e| *e = !*e)>
                    {i.t("template-edit")}
                </button>
            </header>
            <Show when=move || editing.get()>
                <EditTemplate
                    template=editable.clone()
                    tasks=tasks.clone()
                    reload=reload
                    editing=editing
                />
            </Show>
            <div class="grid-2">
                <div>
                    <h4>{i.t("template-holders")}</h4>
                    <ul class="people">
                        {t
                            .holders
                            .iter()
                            .map(|m| {
                                let member_id = m.id;
                                view! {
                                    <li>
                                        <span>{format!("{} · {}", m.member_number, m.name)}</span>
                                        <button
                                            type="button"
                                            class="link"
                                            on:click=move |_| {
                                                remove
                                                    .dispatch(RemoveSeat {
                                                        template_id: id,
                                                        member_id,
                                                    });
                                            }
                                        >
                                            {i.t("template-remove-seat")}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <ActionError result=removed />
                    <form
                        class="inline-form"
                        novalidate
                        on:submit=move |ev| {
                            ev.prevent_default();
                            assign
                                .dispatch(AssignSeat {
                                    template_id: id,
                                    member: holder.get_untracked(),
                                });
                        }
                    >
                        <MemberInput
                            label=i.t("template-assign-label")
                            value=holder
                            errors=errors_of(assigned, "member")
                        />
                        <button
                            type="submit"
                            class="button"
                            disabled=move || assign.pending().get()
                        >
                            {i.t("template-assign")}
                        </button>
                    </form>
                    <SeatError result=assigned />
                </div>
                <div>
                    <h4>{i.t("template-leaders")}</h4>
                    <ul class="people">
                        {t
                            .leaders
                            .iter()
                            .map(|m| {
                                let member_id = m.id;
                                view! {
                                    <li>
                                        <span>{format!("{} · {}", m.member_number, m.name)}</span>
                                        <button
                                            type="button"
                                            class="link"
                                            on:click=move |_| {
                                                unlead
                                                    .dispatch(RemoveLeader {
                                                        template_id: id,
                                                        member_id,
                                                    });
                                            }
                                        >
                                            {i.t("template-remove-leader")}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <ActionError result=unled />
                    <form
                        class="inline-form"
                        novalidate
                        on:submit=move |ev| {
                            ev.prevent_default();
                            lead.dispatch(AddLeader {
                                template_id: id,
                                member: leader.get_untracked(),
                            });
                        }
                    >
                        <MemberInput
                            label=i.t("template-leader-label")
                            value=leader
                            errors=errors_of(led, "leader")
                        />
                        <button type="submit" class="button" disabled=move || lead.pending().get()>
                            {i.t("template-add-leader")}
                        </button>
                    </form>
                </div>
            </div>
            <footer class="retire">
                <ActionError result=retired />
                {move || {
                    if confirming.get() {
                        view! {
                            <span class="hint">{i.t("template-retire-warning")}</span>
                            <button
                                type="button"
                                class="button danger"
                                on:click=move |_| {
                                    retire.dispatch(RetireTemplate { template_id: id });
                                }
                            >
                                {i.t("template-retire-confirm")}
                            </button>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| confirming.set(false)
                            >
                                {i.t("template-retire-keep")}
                            </button>
                        }
                            .into_any()
                    } else {
                        view! {
                            <button
                                type="button"
                                class="link"
                                on:click=move |_| confirming.set(true)
                            >
                                {i.t("template-retire")}
                            </button>
                        }
                            .into_any()
                    }
                }}
            </footer>
        </article>
    }
}

/// A member typed by number or name, in a form repeated on every template: the label wraps
/// the input, so no id is repeated on the page.
#[component]
fn MemberInput(
    label: String,
    value: RwSignal<String>,
    errors: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <label class="field" class:invalid=move || !errors.get().is_empty()>
            <span>{label}</span>
            <input type="text" autocomplete="off" bind:value=value />
            {move || {
                errors
                    .get()
                    .into_iter()
                    .map(|e| {
                        view! {
                            <span class="field-error" role="alert">
                                {e}
                            </span>
                        }
                    })
                    .collect_view()
            }}
        </label>
    }
}

/// Errors of a seat assignment that are about the seat, not the member typed (a full template).
#[component]
fn SeatError(result: Outcome<()>) -> impl IntoView {
    let i = use_i18n();
    move || {
        result.get().and_then(|r| r.err()).and_then(|e| {
            let reasons = e.field_errors("shift");
            (!reasons.is_empty()).then(|| {
                view! {
                    <p class="field-error" role="alert">
                        {i.reason(&reasons[0])}
                    </p>
                }
            })
        })
    }
}

/// Giving a member a skill that some seats require.
#[component]
fn Skill() -> impl IntoView {
    let i = use_i18n();
    let add = ServerAction::<AddSkill>::new();
    let result = outcome(add);
    let member = RwSignal::new(String::new());
    let skill = RwSignal::new(String::new());
    view! {
        <section class="panel">
            <h2>{i.t("skill-title")}</h2>
            {move || {
                matches!(result.get(), Some(Ok(())))
                    .then(|| {
                        view! {
                            <p class="alert notice" role="status">
                                {i.t("skill-added")}
                            </p>
                        }
                    })
            }}
            <form
                class="stack"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    add.dispatch(AddSkill {
                        member: member.get_untracked(),
                        skill: skill.get_untracked(),
                    });
                }
            >
                <div class="grid-2">
                    <Field
                        label=i.t("template-assign-label")
                        name="skill_member"
                        value=member
                        errors=errors_of(result, "member")
                    />
                    <Field
                        label=i.t("field-skill")
                        name="skill"
                        value=skill
                        errors=errors_of(result, "skill")
                    />
                </div>
                <button type="submit" class="button" disabled=move || add.pending().get()>
                    {i.t("skill-add")}
                </button>
            </form>
        </section>
    }
}
