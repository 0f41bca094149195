//! A member's own requests, on their phone: a holiday (recorded at once when the dates are
//! fine) and more time when in alert (granted when the rules allow it). Both are plain forms:
//! no JavaScript needed.

use crate::api::statuses::{MyExtension, MyHoliday};
use crate::api::ANYONE;
use crate::components::field::{errors_of, ActionError, Field, Refusal};
use crate::components::guard::Guard;
use crate::components::notice::said;
use crate::components::post_form::PostForm;
use crate::i18n::use_i18n;
use crate::notice::{follow, outcome_of, page_notice, Done};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

const HOLIDAY: &[&str] = &[MyHoliday::PATH];
const EXTENSION: &[&str] = &[MyExtension::PATH];

#[component]
pub fn Requests() -> impl IntoView {
    view! {
        <Guard roles=ANYONE>
            <RequestForms />
        </Guard>
    }
}

#[component]
fn RequestForms() -> impl IntoView {
    let i = use_i18n();
    let holiday = ServerAction::<MyHoliday>::new();
    let extension = ServerAction::<MyExtension>::new();
    let notice = page_notice();
    // After a refused plain form post, the dates come back as they were typed.
    let typed = |name| {
        notice
            .with_untracked(|n| n.as_ref().and_then(|n| n.typed(name)).map(str::to_string))
            .unwrap_or_default()
    };
    let start = RwSignal::new(typed("start"));
    let end = RwSignal::new(typed("end"));
    follow(notice, holiday, move |_| Done::Holiday {
        start: start.get_untracked(),
        end: end.get_untracked(),
    });
    follow(notice, extension, |r| Done::Extended {
        until: r.date_that_matters,
    });
    let holiday_result = outcome_of(notice, HOLIDAY);
    let extension_result = outcome_of(notice, EXTENSION);
    view! {
        <section class="requests">
            <h1>{i.t("requests-title")}</h1>
            <section class="panel" data-testid="holiday-request">
                <h2>{i.t("requests-holiday-title")}</h2>
                <p class="hint">{i.t("requests-holiday-hint")}</p>
                {move || match holiday_result.get() {
                    Some(Ok(done)) => {
                        Some(
                            view! {
                                <p class="alert notice" role="status">
                                    {said(i, &done)}
                                </p>
                            },
                        )
                    }
                    _ => None,
                }}
                <ActionError result=holiday_result />
                <PostForm action=holiday class="stack">
                    <Field
                        label=i.t("leave-start")
                        name="start"
                        kind="date"
                        value=start
                        required=true
                        errors=errors_of(holiday_result, "start")
                    />
                    <Field
                        label=i.t("leave-end")
                        name="end"
                        kind="date"
                        value=end
                        required=true
                        errors=errors_of(holiday_result, "end")
                    />
                    <button
                        type="submit"
                        class="button primary"
                        disabled=move || holiday.pending().get()
                    >
                        {i.t("requests-holiday-submit")}
                    </button>
                </PostForm>
            </section>
            <section class="panel" data-testid="extension-request">
                <h2>{i.t("requests-extension-title")}</h2>
                <p class="hint">{i.t("requests-extension-hint")}</p>
                {move || match extension_result.get() {
                    Some(Ok(done)) => {
                        Some(
                            view! {
                                <p class="alert notice" role="status">
                                    {said(i, &done)}
                                </p>
                            },
                        )
                    }
                    _ => None,
                }}
                <Refusal result=extension_result field="extension" />
                <PostForm action=extension>
                    <button
                        type="submit"
                        class="button primary"
                        name="ask"
                        value="1"
                        disabled=move || extension.pending().get()
                    >
                        {i.t("requests-extension-submit")}
                    </button>
                </PostForm>
            </section>
            <a class="button" href="/">
                {i.t("requests-back")}
            </a>
        </section>
    }
}
