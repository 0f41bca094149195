use super::{query_message, Messages};
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn Forgot() -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="panel narrow">
            <h1>{i.t("forgot-title")}</h1>
            <Messages
                error=query_message(
                    i,
                    "error",
                    &[("invalid_email", "error-invalid-email"), ("too_many", "sign-in-too-many")],
                )
                notice=query_message(i, "notice", &[("sent", "forgot-sent")])
            />
            <p>{i.t("forgot-intro")}</p>
            <form method="post" action="/auth/forgot" class="stack">
                <div class="field">
                    <label for="email">{i.t("field-email")}</label>
                    <input id="email" name="email" type="email" autocomplete="username" required />
                </div>
                <button type="submit" class="button primary">
                    {i.t("forgot-submit")}
                </button>
            </form>
            <p>
                <a href="/sign-in">{i.t("sign-in-title")}</a>
            </p>
        </section>
    }
}
