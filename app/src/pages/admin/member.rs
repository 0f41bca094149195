//! One member's page in the register: the record, the card, the household, shares, roles and
//! leaving. Each section saves on its own and the page reloads the member afterwards.

use crate::api::accounts::SetRoles;
use crate::api::members::{
    get_member, AddHouseholdPerson, MarkLeaver, RemoveHouseholdPerson, UpdateMember,
};
use crate::api::shares::{share_classes, RecordShareEvent};
use crate::api::{ADMINS, REGISTER_KEEPERS};
use crate::components::barcode::Barcode;
use crate::components::field::{errors_of, outcome, ActionError, Choice, Field, Outcome};
use crate::components::guard::Guard;
use crate::components::member_form::{MemberFields, MemberFormFields};
use crate::i18n::use_i18n;
use crate::Session;
use domain::member::HouseholdPersonForm;
use domain::register::{MemberDetail, ShareEventForm};
use domain::shares::ShareEventKind;
use domain::Role;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

#[component]
pub fn Member() -> impl IntoView {
    view! {
        <Guard roles=REGISTER_KEEPERS>
            <MemberPage />
        </Guard>
    }
}

/// Bumped after every saved change, to load the member again.
#[derive(Clone, Copy)]
struct Reload(RwSignal<u32>);

impl Reload {
    fn after<T: Clone + Send + Sync + 'static>(self, result: Outcome<T>) {
        Effect::new(move |_| {
            if let Some(Ok(_)) = result.get() {
                self.0.update(|n| *n += 1);
            }
        });
    }
}

#[component]
fn MemberPage() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    let reload = Reload(RwSignal::new(0));
    let member = Resource::new(
        move || (id(), reload.0.get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_member(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    let created = use_query_map()
        .read_untracked()
        .get("notice")
        .is_some_and(|n| n == "created");
    view! {
        <Transition fallback=move || {
            view! { <p class="muted">{i.t("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match member.await {
                    Ok(m) => {
                        view! { <MemberSections m=m created=created reload=reload /> }.into_any()
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
        </Transition>
    }
}

#[component]
fn MemberSections(m: MemberDetail, created: bool, reload: Reload) -> impl IntoView {
    let i = use_i18n();
    let is_admin = use_context::<Session>()
        .and_then(|s| s.viewer)
        .is_some_and(|v| v.may(ADMINS));
    let title = format!("{} {}", m.first_name, m.last_name);
    view! {
        <section class="panel">
            <div class="title-row">
                <h1>{title}</h1>
                <span class="badge">{format!("#{}", m.member_number)}</span>
            </div>
            {created
                .then(|| {
                    view! {
                        <p class="alert notice" role="status">
                            {i.t("member-created")}
                        </p>
                    }
                })}
            {m
                .leaving_date
                .map(|d| {
                    view! {
                        <p class="alert warning">
                            {i
                                .ta(
                                    "member-left-on",
                                    &[
                                        ("date", i.date(d)),
                                        ("reason", m.leaving_reason.clone().unwrap_or_default()),
                                    ],
                                )}
                        </p>
                    }
                })}
            <div class="print-card" data-testid="member-card">
                <p class="print-only">
                    {format!("{} {} · #{}", m.first_name, m.last_name, m.member_number)}
                </p>
                <Barcode code=m.card_barcode.clone() />
            </div>
            <button type="button" class="button no-print" on:click=move |_| print_page()>
                {i.t("card-print")}
            </button>
            " "
            <a class="button no-print" href=format!("/coordinator/members/{}/shifts", m.id)>
                {i.t("member-shifts-link")}
            </a>
        </section>
        <EditSection m=m.clone() reload=reload />
        <HouseholdSection m=m.clone() reload=reload />
        <SharesSection m=m.clone() reload=reload is_admin=is_admin />
        {is_admin.then(|| view! { <RolesSection m=m.clone() reload=reload /> })}
        {m.leaving_date.is_none().then(|| view! { <LeavingSection m=m.clone() reload=reload /> })}
    }
}

fn print_page() {
    #[cfg(feature = "hydrate")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

#[component]
fn EditSection(m: MemberDetail, reload: Reload) -> impl IntoView {
    let i = use_i18n();
    let fields = MemberFields::new(m.form());
    let update = ServerAction::<UpdateMember>::new();
    let result = outcome(update);
    reload.after(result);
    let id = m.id;
    view! {
        <section class="panel">
            <h2>{i.t("member-edit-title")}</h2>
            <ActionError result=result />
            {move || {
                matches!(result.get(), Some(Ok(_)))
                    .then(|| {
                        view! {
                            <p class="alert notice" role="status">
                                {i.t("saved")}
                            </p>
                        }
                    })
            }}
            <form
                class="stack"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    update
                        .dispatch(UpdateMember {
                            id,
                            form: fields.form(),
                        });
                }
            >
                <MemberFormFields fields=fields result=result />
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || update.pending().get()
                >
                    {i.t("save")}
                </button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
fn HouseholdSection(m: MemberDetail, reload: Reload) -> impl IntoView {
    let i = use_i18n();
    let add = ServerAction::<AddHouseholdPerson>::new();
    let remove = ServerAction::<RemoveHouseholdPerson>::new();
    let result = outcome(add);
    reload.after(result);
    reload.after(outcome(remove));
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(m.last_name.clone());
    let id = m.id;
    let full = m.household.len() >= m.household_max;
    view! {
        <section class="panel">
            <h2>{i.t("household-title")}</h2>
            <p class="hint">{i.ta("household-hint", &[("max", m.household_max.to_string())])}</p>
            {m
                .household
                .is_empty()
                .then(|| view! { <p class="muted">{i.t("household-empty")}</p> })}
            <ul class="household">
                {m
                    .household
                    .into_iter()
                    .map(|p| {
                        let pid = p.id;
                        view! {
                            <li>
                                <p>{format!("{} {}", p.first_name, p.last_name)}</p>
                                <Barcode code=p.card_barcode />
                                <button
                                    type="button"
                                    class="button danger"
                                    on:click=move |_| {
                                        remove
                                            .dispatch(RemoveHouseholdPerson {
                                                id,
                                                person_id: pid,
                                            });
                                    }
                                >
                                    {i.t("household-remove")}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ActionError result=result />
            {(!full)
                .then(|| {
                    view! {
                        <form
                            class="stack"
                            novalidate
                            on:submit=move |ev| {
                                ev.prevent_default();
                                add.dispatch(AddHouseholdPerson {
                                    id,
                                    person: HouseholdPersonForm {
                                        first_name: first.get_untracked(),
                                        last_name: last.get_untracked(),
                                    },
                                });
                            }
                        >
                            <div class="grid-2">
                                <Field
                                    label=i.t("field-first-name")
                                    name="household_first_name"
                                    value=first
                                    required=true
                                    errors=errors_of(result, "first_name")
                                />
                                <Field
                                    label=i.t("field-last-name")
                                    name="household_last_name"
                                    value=last
                                    required=true
                                    errors=errors_of(result, "last_name")
                                />
                            </div>
                            <button type="submit" class="button">
                                {i.t("household-add")}
                            </button>
                        </form>
                    }
                })}
        </section>
    }
    .into_any()
}

#[component]
fn SharesSection(m: MemberDetail, reload: Reload, is_admin: bool) -> impl IntoView {
    let i = use_i18n();
    let h = m.holding.clone();
    let held = h
        .shares
        .iter()
        .map(|(c, n)| format!("{n} × {c}"))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="panel">
            <h2>{i.t("shares-title")}</h2>
            <dl class="facts">
                <dt>{i.t("shares-held")}</dt>
                <dd data-testid="shares-held">
                    {if held.is_empty() { "0".to_string() } else { held }}
                </dd>
                <dt>{i.t("shares-subscribed")}</dt>
                <dd>{i.money(h.subscribed_cents)}</dd>
                <dt>{i.t("shares-paid")}</dt>
                <dd>{i.money(h.paid_cents)}</dd>
                <dt>{i.t("shares-due")}</dt>
                <dd>{i.money(h.due_cents())}</dd>
            </dl>
            <table class="list">
                <thead>
                    <tr>
                        <th>{i.t("field-date")}</th>
                        <th>{i.t("share-kind")}</th>
                        <th>{i.t("share-quantity")}</th>
                        <th>{i.t("share-amount")}</th>
                        <th class="hide-narrow">{i.t("share-note")}</th>
                    </tr>
                </thead>
                <tbody>
                    {m
                        .share_events
                        .into_iter()
                        .map(|e| {
                            view! {
                                <tr>
                                    <td>{i.date(e.date)}</td>
                                    <td>
                                        {i.t(&format!("share-kind-{}", e.kind.as_str()))}
                                        {e.counterpart.map(|c| format!(" · {c}"))}
                                    </td>
                                    <td>
                                        {e
                                            .class_code
                                            .map(|c| format!("{} × {c}", e.quantity))
                                            .unwrap_or_default()}
                                    </td>
                                    <td>
                                        {(e.amount_cents != 0).then(|| i.money(e.amount_cents))}
                                    </td>
                                    <td class="hide-narrow">{e.note}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            {is_admin.then(|| view! { <ShareEventFormSection id=m.id reload=reload /> })}
        </section>
    }
    .into_any()
}

#[component]
fn ShareEventFormSection(id: Uuid, reload: Reload) -> impl IntoView {
    let i = use_i18n();
    let record = ServerAction::<RecordShareEvent>::new();
    let result = outcome(record);
    reload.after(result);
    let classes = Resource::new(|| (), |_| share_classes());
    let kind = RwSignal::new("subscription".to_string());
    let class_code = RwSignal::new("A".to_string());
    let quantity = RwSignal::new("1".to_string());
    let amount = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let counterpart = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let kinds: Vec<(String, String)> = ShareEventKind::ALL
        .into_iter()
        .filter(|k| *k != ShareEventKind::TransferIn)
        .map(|k| {
            (
                k.as_str().to_string(),
                i.t(&format!("share-kind-{}", k.as_str())),
            )
        })
        .collect();
    view! {
        <h3>{i.t("share-record")}</h3>
        <ActionError result=result />
        <form
            class="stack"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                record
                    .dispatch(RecordShareEvent {
                        member_id: id,
                        event: ShareEventForm {
                            kind: kind.get_untracked(),
                            class_code: class_code.get_untracked(),
                            quantity: quantity.get_untracked(),
                            amount: amount.get_untracked(),
                            date: date.get_untracked(),
                            counterpart_number: counterpart.get_untracked(),
                            note: note.get_untracked(),
                        },
                    });
            }
        >
            <div class="grid-2">
                <Choice
                    label=i.t("share-kind")
                    name="kind"
                    value=kind
                    options=kinds
                    errors=errors_of(result, "kind")
                />
                <Suspense>
                    {move || Suspend::new(async move {
                        let options: Vec<(String, String)> = classes
                            .await
                            .unwrap_or_default()
                            .into_iter()
                            .map(|c| (
                                c.code.clone(),
                                format!(
                                    "{} · {} ({})",
                                    c.code,
                                    c.name,
                                    i.money(c.unit_price_cents),
                                ),
                            ))
                            .collect();
                        view! {
                            <Choice
                                label=i.t("share-class")
                                name="class_code"
                                value=class_code
                                options=options
                                errors=errors_of(result, "class_code")
                            />
                        }
                    })}
                </Suspense>
                <Field
                    label=i.t("share-quantity")
                    name="quantity"
                    kind="number"
                    value=quantity
                    errors=errors_of(result, "quantity")
                />
                <Field
                    label=i.t("share-amount")
                    name="amount"
                    value=amount
                    errors=errors_of(result, "amount")
                />
                <Field
                    label=i.t("field-date")
                    name="date"
                    kind="date"
                    value=date
                    required=true
                    errors=errors_of(result, "date")
                />
                <Field
                    label=i.t("share-counterpart")
                    name="counterpart_number"
                    value=counterpart
                    errors=errors_of(result, "counterpart_number")
                />
                <Field
                    label=i.t("share-note")
                    name="note"
                    value=note
                    errors=errors_of(result, "note")
                />
            </div>
            <button type="submit" class="button">
                {i.t("share-record-submit")}
            </button>
        </form>
    }
    .into_any()
}

#[component]
fn RolesSection(m: MemberDetail, reload: Reload) -> impl IntoView {
    let i = use_i18n();
    let set = ServerAction::<SetRoles>::new();
    let result = outcome(set);
    reload.after(result);
    let Some(user_id) = m.user_id else {
        return ().into_any();
    };
    let chosen = RwSignal::new(m.roles.clone());
    view! {
        <section class="panel">
            <h2>{i.t("roles-title")}</h2>
            <ActionError result=result />
            <form
                class="stack"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    set.dispatch(SetRoles {
                        user_id,
                        roles: chosen
                            .get_untracked()
                            .iter()
                            .map(|r| r.as_str().to_string())
                            .collect(),
                    });
                }
            >
                <fieldset class="checks">
                    {Role::ALL
                        .into_iter()
                        .map(|r| {
                            view! {
                                <label>
                                    <input
                                        type="checkbox"
                                        name="roles"
                                        value=r.as_str()
                                        prop:checked=move || chosen.get().contains(&r)
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            chosen
                                                .update(|rs| {
                                                    rs.retain(|x| *x != r);
                                                    if on {
                                                        rs.push(r);
                                                    }
                                                });
                                        }
                                    />
                                    {i.t(&format!("role-{}", r.as_str()))}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <button type="submit" class="button">
                    {i.t("roles-save")}
                </button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
fn LeavingSection(m: MemberDetail, reload: Reload) -> impl IntoView {
    let i = use_i18n();
    let leave = ServerAction::<MarkLeaver>::new();
    let result = outcome(leave);
    reload.after(result);
    let date = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let id = m.id;
    view! {
        <section class="panel">
            <h2>{i.t("leaving-title")}</h2>
            <ActionError result=result />
            <form
                class="stack"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    leave
                        .dispatch(MarkLeaver {
                            id,
                            date: date.get_untracked(),
                            reason: reason.get_untracked(),
                        });
                }
            >
                <div class="grid-2">
                    <Field
                        label=i.t("field-leaving-date")
                        name="leaving_date"
                        kind="date"
                        value=date
                        required=true
                        errors=errors_of(result, "leaving_date")
                    />
                    <Field
                        label=i.t("field-leaving-reason")
                        name="leaving_reason"
                        value=reason
                        required=true
                        errors=errors_of(result, "leaving_reason")
                    />
                </div>
                <button type="submit" class="button danger">
                    {i.t("leaving-submit")}
                </button>
            </form>
        </section>
    }
    .into_any()
}
