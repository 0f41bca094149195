use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    let i = use_i18n();
    view! {
        <section class="panel">
            <h1>{i.t("not-found-title")}</h1>
            <p>{i.t("error-not-found")}</p>
            <a class="button" href="/">
                {i.t("nav-home")}
            </a>
        </section>
    }
}
