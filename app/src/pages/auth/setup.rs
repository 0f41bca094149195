use super::reset::RESET_ERRORS;
use super::{query_message, query_value, Messages, NewPassword};
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn Setup() -> impl IntoView {
    let i = use_i18n();
    let token = query_value("token");
    view! {
        <section class="panel narrow">
            <h1>{i.t("setup-title")}</h1>
            <Messages error=query_message(i, "error", RESET_ERRORS) notice=None />
            <p>{i.t("setup-intro")}</p>
            <form method="post" action="/auth/setup" class="stack">
                <input type="hidden" name="token" value=token />
                <div class="field">
                    <label for="name">{i.t("field-name")}</label>
                    <input id="name" name="name" required maxlength="80" />
                </div>
                <div class="field">
                    <label for="email">{i.t("field-email")}</label>
                    <input id="email" name="email" type="email" autocomplete="username" required />
                </div>
                <NewPassword />
                <button type="submit" class="button primary">
                    {i.t("setup-submit")}
                </button>
            </form>
        </section>
    }
}
