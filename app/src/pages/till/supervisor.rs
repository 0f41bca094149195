//! A supervisor signing in at the till with their own email and password, and saying why: the
//! fields of an override (a member who may not shop) and of a return's approval alike.

use crate::i18n::I18n;
use leptos::prelude::*;

/// The email, password and reason fields; `ids` are the inputs' ids (email, password,
/// reason) and `test_ids` their `data-testid`s, in the same order.
#[component]
pub fn SupervisorFields(
    i: I18n,
    email: RwSignal<String>,
    password: RwSignal<String>,
    reason: RwSignal<String>,
    ids: [&'static str; 3],
    test_ids: [&'static str; 3],
) -> impl IntoView {
    view! {
        <div class="grid-2">
            <div class="field">
                <label for=ids[0]>{i.t("till-override-email")}</label>
                <input
                    id=ids[0]
                    type="email"
                    autocomplete="off"
                    bind:value=email
                    data-testid=test_ids[0]
                />
            </div>
            <div class="field">
                <label for=ids[1]>{i.t("till-override-password")}</label>
                <input
                    id=ids[1]
                    type="password"
                    autocomplete="off"
                    bind:value=password
                    data-testid=test_ids[1]
                />
            </div>
        </div>
        <div class="field">
            <label for=ids[2]>{i.t("till-override-reason")}</label>
            <input
                id=ids[2]
                type="text"
                autocomplete="off"
                bind:value=reason
                data-testid=test_ids[2]
            />
        </div>
    }
}
