//! Signing in and out, forgotten passwords and the first admin. These are plain HTML forms
//! posted to the server's `/auth/*` endpoints, so they work without JavaScript too.

pub mod forgot;
pub mod reset;
pub mod setup;
pub mod sign_in;

use crate::i18n::I18n;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The message named by the `error` query parameter the server redirects with, if it is one
/// of `known`.
pub fn query_message(
    i: I18n,
    key: &'static str,
    known: &'static [(&'static str, &'static str)],
) -> Option<String> {
    let q = use_query_map();
    let value = q.read_untracked().get(key)?;
    let (_, id) = known.iter().find(|(k, _)| *k == value)?;
    let minutes = q
        .read_untracked()
        .get("minutes")
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(15);
    Some(i.ta(id, &[("minutes", minutes.to_string())]))
}

pub fn query_value(key: &str) -> String {
    use_query_map()
        .read_untracked()
        .get(key)
        .unwrap_or_default()
}

/// An error box (role alert) and a notice box from the query string.
#[component]
pub fn Messages(error: Option<String>, notice: Option<String>) -> impl IntoView {
    view! {
        {error
            .map(|e| {
                view! {
                    <p class="alert error" role="alert">
                        {e}
                    </p>
                }
            })}
        {notice
            .map(|n| {
                view! {
                    <p class="alert notice" role="status">
                        {n}
                    </p>
                }
            })}
    }
}

/// A new password typed twice, posted as `password` and `confirm`.
#[component]
pub fn NewPassword() -> impl IntoView {
    let i = crate::i18n::use_i18n();
    view! {
        <div class="field">
            <label for="password">{i.t("field-new-password")}</label>
            <input
                id="password"
                name="password"
                type="password"
                autocomplete="new-password"
                required
                minlength="8"
            />
        </div>
        <div class="field">
            <label for="confirm">{i.t("field-confirm-password")}</label>
            <input
                id="confirm"
                name="confirm"
                type="password"
                autocomplete="new-password"
                required
                minlength="8"
            />
        </div>
    }
}
