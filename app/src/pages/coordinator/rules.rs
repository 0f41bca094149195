//! The coop's shift rules: every number the coop votes, grouped as a coordinator thinks of
//! them, each with its own error. Nothing is saved while one field is wrong.

use crate::api::rules::{get_rules, SaveRules, SHIFT_COORDINATORS};
use crate::components::field::{errors_of, outcome, ActionError, Field};
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use domain::shifts::rules_form::RulesForm;
use leptos::prelude::*;

#[component]
pub fn Rules() -> impl IntoView {
    view! {
        <Guard roles=SHIFT_COORDINATORS>
            <RulesPage />
        </Guard>
    }
}

/// The groups of the form: a title and its typed fields.
const GROUPS: [(&str, &[&str]); 5] = [
    (
        "rules-group-calendar",
        &["week_a_monday", "cycle_weeks", "time_zone", "horizon_weeks"],
    ),
    (
        "rules-group-counter",
        &[
            "regular_attended",
            "regular_excused",
            "regular_absent",
            "makeup_attended",
            "booked_no_show",
            "flexible_period_days",
            "flexible_period_debit",
        ],
    ),
    (
        "rules-group-status",
        &[
            "unsubscribe_threshold",
            "alert_days",
            "extension_days",
            "max_extensions_in_a_row",
            "max_holiday_days",
        ],
    ),
    (
        "rules-group-booking",
        &[
            "max_bookings_per_day",
            "max_bookings_per_period",
            "booking_period_days",
            "free_cancellation_hours",
        ],
    ),
    (
        "rules-group-notices",
        &[
            "reminder_days_before",
            "understaffed_days_ahead",
            "understaffed_below_percent",
        ],
    ),
];

/// The check boxes, in the group they belong to.
const CHECKS: [(&str, &str); 3] = [
    ("rules-group-counter", "regular_savings_allowed"),
    ("rules-group-status", "makeups_lift_suspension"),
    ("rules-group-status", "on_leave_may_shop"),
];

fn label_id(field: &str) -> String {
    format!("rules-{}", field.replace('_', "-"))
}

#[component]
fn RulesPage() -> impl IntoView {
    let i = use_i18n();
    let rules = Resource::new(|| (), |_| get_rules());
    view! {
        <section class="panel wide rules">
            <h1>{i.t("rules-title")}</h1>
            <p class="hint">{i.t("rules-hint")}</p>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match rules.await {
                        Ok(form) => view! { <RulesEditor form=form /> }.into_any(),
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn RulesEditor(form: RulesForm) -> impl IntoView {
    let i = use_i18n();
    let save = ServerAction::<SaveRules>::new();
    let result = outcome(save);
    let texts: Vec<(&'static str, RwSignal<String>)> = domain::shifts::rules_form::TEXT_FIELDS
        .into_iter()
        .map(|f| (f, RwSignal::new(form.text(f))))
        .collect();
    let checks: Vec<(&'static str, RwSignal<bool>)> = CHECKS
        .into_iter()
        .map(|(_, f)| {
            let on = match f {
                "regular_savings_allowed" => form.regular_savings_allowed,
                "makeups_lift_suspension" => form.makeups_lift_suspension,
                _ => form.on_leave_may_shop,
            };
            (f, RwSignal::new(on))
        })
        .collect();
    let signal = {
        let texts = texts.clone();
        move |f: &str| texts.iter().find(|(n, _)| *n == f).map(|(_, s)| *s)
    };
    let check = {
        let checks = checks.clone();
        move |f: &str| checks.iter().find(|(n, _)| *n == f).map(|(_, s)| *s)
    };
    let collect = {
        let check = check.clone();
        move || {
            let mut form = RulesForm::default();
            for (name, value) in &texts {
                if let Some(t) = form.text_mut(name) {
                    *t = value.get_untracked();
                }
            }
            let on = |f| check(f).is_some_and(|s| s.get_untracked());
            form.regular_savings_allowed = on("regular_savings_allowed");
            form.makeups_lift_suspension = on("makeups_lift_suspension");
            form.on_leave_may_shop = on("on_leave_may_shop");
            form
        }
    };
    view! {
        <ActionError result=result />
        {move || {
            matches!(result.get(), Some(Ok(_)))
                .then(|| {
                    view! {
                        <p class="alert notice" role="status">
                            {i.t("rules-saved")}
                        </p>
                    }
                })
        }}
        <form
            class="stack"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(SaveRules { form: collect() });
            }
        >
            {GROUPS
                .into_iter()
                .map(|(group, fields)| {
                    view! {
                        <fieldset class="rules-group">
                            <legend>{i.t(group)}</legend>
                            <div class="grid-2">
                                {fields
                                    .iter()
                                    .copied()
                                    .filter_map(|f| {
                                        let value = signal(f)?;
                                        let kind = match f {
                                            "week_a_monday" => "date",
                                            "time_zone" => "text",
                                            _ => "number",
                                        };
                                        Some(
                                            view! {
                                                <Field
                                                    label=i.t(&label_id(f))
                                                    name=f
                                                    value=value
                                                    kind=kind
                                                    required=true
                                                    errors=errors_of(result, f)
                                                />
                                            },
                                        )
                                    })
                                    .collect_view()}
                            </div>
                            {CHECKS
                                .into_iter()
                                .filter(|(g, _)| *g == group)
                                .filter_map(|(_, f)| {
                                    let on = check(f)?;
                                    Some(
                                        view! {
                                            <label class="check">
                                                <input
                                                    type="checkbox"
                                                    name=f
                                                    prop:checked=move || on.get()
                                                    on:change=move |ev| on.set(event_target_checked(&ev))
                                                />
                                                {i.t(&label_id(f))}
                                            </label>
                                        },
                                    )
                                })
                                .collect_view()}
                        </fieldset>
                    }
                })
                .collect_view()}
            <button type="submit" class="button primary" disabled=move || save.pending().get()>
                {i.t("rules-save")}
            </button>
        </form>
    }
}
