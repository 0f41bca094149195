use super::{query_message, query_value, Messages, NewPassword};
use crate::i18n::use_i18n;
use leptos::prelude::*;

pub const RESET_ERRORS: &[(&str, &str)] = &[
    ("token_invalid", "error-token-invalid"),
    ("password_short", "error-password-too-short"),
    ("password_long", "error-password-too-long"),
    ("passwords_differ", "error-passwords-differ"),
    ("too_many", "sign-in-too-many"),
    ("invalid", "error-invalid"),
];

#[component]
pub fn Reset() -> impl IntoView {
    let i = use_i18n();
    let token = query_value("token");
    view! {
        <section class="panel narrow">
            <h1>{i.t("reset-title")}</h1>
            <Messages error=query_message(i, "error", RESET_ERRORS) notice=None />
            <form method="post" action="/auth/reset" class="stack">
                <input type="hidden" name="token" value=token />
                <NewPassword />
                <button type="submit" class="button primary">
                    {i.t("reset-submit")}
                </button>
            </form>
        </section>
    }
}
