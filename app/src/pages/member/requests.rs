//! A member's own requests, on their phone: a holiday (recorded at once when the dates are
//! fine) and more time when in alert (granted when the rules allow it).

use crate::api::statuses::{MyExtension, MyHoliday};
use crate::api::ANYONE;
use crate::components::field::{errors_of, outcome, ActionError, Field, Refusal};
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn Requests() -> impl IntoView {
    view! { <Guard roles=ANYONE><RequestForms/></Guard> }
}

#[component]
fn RequestForms() -> impl IntoView {
    let i = use_i18n();
    let holiday = ServerAction::<MyHoliday>::new();
    let extension = ServerAction::<MyExtension>::new();
    let holiday_result = outcome(holiday);
    let extension_result = outcome(extension);
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let shown = move |d: String| {
        domain::member::parse_date(&d)
            .map(|d| i.date(d))
            .unwrap_or(d)
    };
    view! {
        <section class="requests">
            <h1>{i.t("requests-title")}</h1>
            <section class="panel" data-testid="holiday-request">
                <h2>{i.t("requests-holiday-title")}</h2>
                <p class="hint">{i.t("requests-holiday-hint")}</p>
                {move || matches!(holiday_result.get(), Some(Ok(_))).then(|| view! {
                    <p class="alert notice" role="status">
                        {i.ta("requests-holiday-done", &[("start", shown(start.get_untracked())), ("end", shown(end.get_untracked()))])}
                    </p>
                })}
                <ActionError result=holiday_result/>
                <form class="stack" novalidate on:submit=move |ev| {
                    ev.prevent_default();
                    holiday.dispatch(MyHoliday { start: start.get_untracked(), end: end.get_untracked() });
                }>
                    <Field label=i.t("leave-start") name="start" kind="date" value=start required=true errors=errors_of(holiday_result, "start")/>
                    <Field label=i.t("leave-end") name="end" kind="date" value=end required=true errors=errors_of(holiday_result, "end")/>
                    <button type="submit" class="button primary" disabled=move || holiday.pending().get()>{i.t("requests-holiday-submit")}</button>
                </form>
            </section>
            <section class="panel" data-testid="extension-request">
                <h2>{i.t("requests-extension-title")}</h2>
                <p class="hint">{i.t("requests-extension-hint")}</p>
                {move || match extension_result.get() {
                    Some(Ok(r)) => Some(view! {
                        <p class="alert notice" role="status">
                            {i.ta("requests-extension-done", &[("date", r.date_that_matters.map(|d| i.date(d)).unwrap_or_default())])}
                        </p>
                    }),
                    _ => None,
                }}
                <Refusal result=extension_result field="extension"/>
                <button type="button" class="button primary" disabled=move || extension.pending().get() on:click=move |_| {
                    extension.dispatch(MyExtension {});
                }>{i.t("requests-extension-submit")}</button>
            </section>
            <a class="button" href="/">{i.t("requests-back")}</a>
        </section>
    }
}
