//! One member's shift record for a coordinator: the status with its reason, the ledger and
//! the status history, the leaves; and the three changes a coordinator makes: correct the
//! counter (with a mandatory note), grant an extension, record a leave or an exemption.

use crate::api::rules::SHIFT_COORDINATORS;
use crate::api::statuses::{member_record, AddLeave, CorrectLedger, GrantExtension};
use crate::components::field::{errors_of, outcome, ActionError, Choice, Field, Outcome, Refusal};
use crate::components::guard::Guard;
use crate::i18n::{use_i18n, I18n};
use domain::shifts::statuses::MemberShifts;
use domain::shifts::{LeaveKind, Reference, StatusReason, StatusReport};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

#[component]
pub fn MemberShiftsPage() -> impl IntoView {
    view! {
        <Guard roles=SHIFT_COORDINATORS>
            <Record />
        </Guard>
    }
}

/// Why a member has their status, for staff.
pub fn reason_text(i: I18n, reason: &StatusReason) -> String {
    match reason {
        StatusReason::Left { on } => i.ta("reason-left", &[("date", i.date(*on))]),
        StatusReason::BalanceAtThreshold { threshold } => {
            i.ta("reason-threshold", &[("threshold", threshold.to_string())])
        }
        StatusReason::Holiday { until } => i.ta("reason-holiday", &[("date", i.date(*until))]),
        StatusReason::ExemptionLeave { until } => {
            i.ta("reason-exemption", &[("date", i.date(*until))])
        }
        StatusReason::ExemptRegime => i.t("reason-exempt-regime"),
        StatusReason::Behind(b) => i.ta(
            "reason-behind",
            &[
                ("since", i.date(b.alert_since)),
                ("date", i.date(b.suspended_from)),
                ("needed", b.shifts_needed.to_string()),
                ("booked", b.shifts_booked.to_string()),
                ("extensions", b.extensions_used.to_string()),
            ],
        ),
        StatusReason::MakeupsBooked(b) => i.ta(
            "reason-makeups-booked",
            &[
                ("date", i.date(b.suspended_from)),
                ("booked", b.shifts_booked.to_string()),
            ],
        ),
        StatusReason::UpToDate => i.t("reason-up-to-date"),
    }
}

fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

#[component]
fn Record() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let id = params
        .read_untracked()
        .get("id")
        .and_then(|s| Uuid::parse_str(&s).ok());
    let Some(id) = id else {
        return view! {
            <section class="panel">
                <p class="alert error">{i.t("error-not-found")}</p>
            </section>
        }
        .into_any();
    };
    let correct = ServerAction::<CorrectLedger>::new();
    let extend = ServerAction::<GrantExtension>::new();
    let leave = ServerAction::<AddLeave>::new();
    let record = Resource::new(
        move || {
            (
                correct.version().get(),
                extend.version().get(),
                leave.version().get(),
            )
        },
        move |_| member_record(id),
    );
    view! {
        <Transition fallback=move || {
            view! { <p class="muted">{i.t("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match record.await {
                    Ok(m) => view! { <Overview m=m /> }.into_any(),
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
        <div class="shift-actions">
            <CorrectSection id=id action=correct />
            <ExtensionSection id=id action=extend />
            <LeaveSection id=id action=leave />
        </div>
        <Transition>
            {move || Suspend::new(async move {
                record.await.ok().map(|m| view! { <Histories m=m /> })
            })}
        </Transition>
    }
    .into_any()
}

#[component]
fn Overview(m: MemberShifts) -> impl IntoView {
    let i = use_i18n();
    let r: StatusReport = m.report;
    view! {
        <section
            class="panel wide status-card"
            class:blocked=!r.may_shop
            data-testid="member-status"
        >
            <div class="title-row">
                <h1>{m.name}</h1>
                <a class="badge" href=format!("/admin/members/{}", m.member_id)>
                    {format!("#{}", m.member_number)}
                </a>
            </div>
            <p class="status-line">
                <span class=format!("badge status-{}", r.status.as_str()) data-testid="status">
                    {i.t(&format!("status-{}", r.status.as_str()))}
                </span>
                " "
                <strong>
                    {if r.may_shop { i.t("member-may-shop") } else { i.t("member-may-not-shop") }}
                </strong>
            </p>
            <p class="reason" data-testid="reason">
                {reason_text(i, &r.reason)}
            </p>
            <dl class="facts">
                <dt>{i.t("statuses-balance")}</dt>
                <dd data-testid="balance">{r.balance}</dd>
                <dt>{i.t("statuses-date")}</dt>
                <dd>{r.date_that_matters.map(|d| i.date(d)).unwrap_or_else(|| "—".into())}</dd>
            </dl>
        </section>
    }
}

#[component]
fn Histories(m: MemberShifts) -> impl IntoView {
    let i = use_i18n();
    let (no_ledger, no_history, no_leaves) = (
        m.ledger.is_empty(),
        m.history.is_empty(),
        m.leaves.is_empty(),
    );
    view! {
        <section class="panel wide">
            <h2>{i.t("member-shifts-ledger")}</h2>
            {no_ledger.then(|| view! { <p class="muted">{i.t("member-shifts-ledger-empty")}</p> })}
            <table class="list" data-testid="ledger" hidden=no_ledger>
                <thead>
                    <tr>
                        <th>{i.t("field-date")}</th>
                        <th>{i.t("member-shifts-reason")}</th>
                        <th class="num">{i.t("member-shifts-delta")}</th>
                        <th>{i.t("member-shifts-note")}</th>
                    </tr>
                </thead>
                <tbody>
                    {m
                        .ledger
                        .into_iter()
                        .map(|e| {
                            let note = match e.reference {
                                Reference::Staff { note, .. } => note,
                                _ => String::new(),
                            };
                            view! {
                                <tr>
                                    <td>{i.date(e.date)}</td>
                                    <td>{i.t(&format!("counter-reason-{}", e.reason.as_str()))}</td>
                                    <td class="num">{signed(e.delta.into())}</td>
                                    <td>{note}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
        <section class="panel wide">
            <h2>{i.t("member-shifts-history")}</h2>
            {no_history
                .then(|| view! { <p class="muted">{i.t("member-shifts-history-empty")}</p> })}
            <table class="list" data-testid="history" hidden=no_history>
                <thead>
                    <tr>
                        <th>{i.t("field-date")}</th>
                        <th>{i.t("statuses-status")}</th>
                        <th>{i.t("member-shifts-reason")}</th>
                    </tr>
                </thead>
                <tbody>
                    {m
                        .history
                        .into_iter()
                        .map(|c| {
                            view! {
                                <tr>
                                    <td>{i.date(c.on)}</td>
                                    <td>
                                        {c
                                            .from
                                            .map(|f| {
                                                format!("{} → ", i.t(&format!("status-{}", f.as_str())))
                                            })} {i.t(&format!("status-{}", c.to.as_str()))}
                                    </td>
                                    <td>{reason_text(i, &c.reason)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
        <section class="panel wide">
            <h2>{i.t("member-shifts-leaves")}</h2>
            {no_leaves.then(|| view! { <p class="muted">{i.t("member-shifts-leaves-empty")}</p> })}
            <table class="list" data-testid="leaves" hidden=no_leaves>
                <thead>
                    <tr>
                        <th>{i.t("leave-kind")}</th>
                        <th>{i.t("leave-start")}</th>
                        <th>{i.t("leave-end")}</th>
                        <th>{i.t("member-shifts-note")}</th>
                    </tr>
                </thead>
                <tbody>
                    {m
                        .leaves
                        .into_iter()
                        .map(|l| {
                            view! {
                                <tr>
                                    <td>{i.t(leave_kind_id(l.leave.kind))}</td>
                                    <td>{i.date(l.leave.start)}</td>
                                    <td>{i.date(l.leave.end)}</td>
                                    <td>
                                        {if l.note.is_empty() {
                                            i.t("leave-requested-by-member")
                                        } else {
                                            l.note
                                        }}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

fn leave_kind_id(kind: LeaveKind) -> &'static str {
    match kind {
        LeaveKind::Holiday => "leave-kind-holiday",
        LeaveKind::Exemption => "leave-kind-exemption",
    }
}

/// "Saved." after a change went through.
fn done<T: Clone + Send + Sync + 'static>(i: I18n, result: Outcome<T>) -> impl IntoView {
    move || {
        matches!(result.get(), Some(Ok(_))).then(|| {
            view! {
                <p class="alert notice" role="status">
                    {i.t("saved")}
                </p>
            }
        })
    }
}

#[component]
fn CorrectSection(id: Uuid, action: ServerAction<CorrectLedger>) -> impl IntoView {
    let i = use_i18n();
    let result = outcome(action);
    let delta = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    view! {
        <section class="panel" data-testid="correct">
            <h2>{i.t("correct-title")}</h2>
            <p class="hint">{i.t("correct-hint")}</p>
            {done(i, result)}
            <ActionError result=result />
            <form
                class="stack"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    action
                        .dispatch(CorrectLedger {
                            member_id: id,
                            delta: delta.get_untracked(),
                            note: note.get_untracked(),
                        });
                }
            >
                <Field
                    label=i.t("correct-delta")
                    name="delta"
                    kind="number"
                    value=delta
                    required=true
                    errors=errors_of(result, "delta")
                />
                <Field
                    label=i.t("correct-note")
                    name="note"
                    value=note
                    required=true
                    errors=errors_of(result, "note")
                />
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || action.pending().get()
                >
                    {i.t("correct-submit")}
                </button>
            </form>
        </section>
    }
}

#[component]
fn ExtensionSection(id: Uuid, action: ServerAction<GrantExtension>) -> impl IntoView {
    let i = use_i18n();
    let result = outcome(action);
    view! {
        <section class="panel" data-testid="extension">
            <h2>{i.t("extension-title")}</h2>
            <p class="hint">{i.t("extension-hint")}</p>
            {done(i, result)}
            <Refusal result=result field="extension" />
            <button
                type="button"
                class="button"
                disabled=move || action.pending().get()
                on:click=move |_| {
                    action.dispatch(GrantExtension { member_id: id });
                }
            >
                {i.t("extension-grant")}
            </button>
        </section>
    }
}

#[component]
fn LeaveSection(id: Uuid, action: ServerAction<AddLeave>) -> impl IntoView {
    let i = use_i18n();
    let result = outcome(action);
    let kind = RwSignal::new("holiday".to_string());
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let kinds: Vec<(String, String)> = [LeaveKind::Holiday, LeaveKind::Exemption]
        .into_iter()
        .map(|k| {
            let value = match k {
                LeaveKind::Holiday => "holiday",
                LeaveKind::Exemption => "exemption",
            };
            (value.to_string(), i.t(leave_kind_id(k)))
        })
        .collect();
    view! {
        <section class="panel" data-testid="leave">
            <h2>{i.t("leave-title")}</h2>
            {done(i, result)}
            <ActionError result=result />
            <form
                class="stack"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    action
                        .dispatch(AddLeave {
                            member_id: id,
                            kind: kind.get_untracked(),
                            start: start.get_untracked(),
                            end: end.get_untracked(),
                            note: note.get_untracked(),
                        });
                }
            >
                <Choice
                    label=i.t("leave-kind")
                    name="kind"
                    value=kind
                    options=kinds
                    errors=errors_of(result, "kind")
                />
                <div class="grid-2">
                    <Field
                        label=i.t("leave-start")
                        name="start"
                        kind="date"
                        value=start
                        required=true
                        errors=errors_of(result, "start")
                    />
                    <Field
                        label=i.t("leave-end")
                        name="end"
                        kind="date"
                        value=end
                        required=true
                        errors=errors_of(result, "end")
                    />
                </div>
                <Field
                    label=i.t("correct-note")
                    name="leave_note"
                    value=note
                    required=true
                    errors=errors_of(result, "note")
                />
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {i.t("leave-submit")}
                </button>
            </form>
        </section>
    }
}
