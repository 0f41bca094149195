//! A form that posts to a server function and works both ways: without JavaScript it is a
//! plain HTML form, which the server function answers with a redirect back to the page
//! (`ssr::answer_form`); with the app's script, its fields become the action's input and the
//! action runs in place. Leptos' own `ActionForm` does this only for server functions that
//! read URL-encoded forms alone; ours also read JSON (`api::form::JsonOrForm`).

use crate::error::AppError;
use leptos::ev::SubmitEvent;
use leptos::form::FromFormData;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::de::DeserializeOwned;

#[component]
pub fn PostForm<S>(
    action: ServerAction<S>,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView
where
    S: ServerFn<Error = AppError> + DeserializeOwned + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let on_submit = move |ev: SubmitEvent| {
        if ev.default_prevented() {
            return;
        }
        // Fields the action cannot read are left to the browser, to post as a plain form.
        if let Ok(input) = S::from_event(&ev) {
            ev.prevent_default();
            action.dispatch(input);
        }
    };
    view! {
        <form method="post" action=S::url() class=class on:submit=on_submit>
            {children()}
        </form>
    }
}
