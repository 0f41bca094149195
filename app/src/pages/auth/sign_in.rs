use super::{query_message, query_value, Messages};
use crate::i18n::use_i18n;
use crate::Session;
use leptos::prelude::*;

const ERRORS: &[(&str, &str)] = &[
    ("bad_credentials", "sign-in-bad-credentials"),
    ("too_many", "sign-in-too-many"),
    ("forbidden", "error-forbidden"),
];
const NOTICES: &[(&str, &str)] = &[
    ("signed_out", "sign-in-signed-out"),
    ("reset_done", "reset-done"),
    ("setup_done", "setup-done"),
];

#[component]
pub fn SignIn() -> impl IntoView {
    let i = use_i18n();
    let signed_in = use_context::<Session>().and_then(|s| s.viewer).is_some();
    let next = query_value("next");
    let email = query_value("email");
    view! {
        <section class="panel narrow">
            <h1>{i.t("sign-in-title")}</h1>
            <Messages
                error=query_message(i, "error", ERRORS)
                notice=query_message(i, "notice", NOTICES)
            />
            {signed_in
                .then(|| {
                    view! {
                        <p class="alert notice">
                            {i.t("sign-in-already")} " " <a href="/">{i.t("nav-home")}</a>
                        </p>
                    }
                })}
            <form method="post" action="/auth/sign-in" class="stack">
                <input type="hidden" name="next" value=next />
                <div class="field">
                    <label for="email">{i.t("field-email")}</label>
                    <input
                        id="email"
                        name="email"
                        type="email"
                        autocomplete="username"
                        required
                        value=email
                    />
                </div>
                <div class="field">
                    <label for="password">{i.t("field-password")}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                    />
                </div>
                <button type="submit" class="button primary">
                    {i.t("sign-in-submit")}
                </button>
            </form>
            <p>
                <a href="/forgot-password">{i.t("sign-in-forgot")}</a>
            </p>
        </section>
    }
}
