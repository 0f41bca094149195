//! Page access: a page for signed-in people sends others to the sign-in page; a page for some
//! roles tells everyone else they may not see it (with a 403 when rendered on the server). The
//! server functions behind the page check the role again, whatever the page shows.

use crate::i18n::use_i18n;
use crate::Session;
use domain::Role;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

#[component]
pub fn Guard(roles: &'static [Role], children: ChildrenFn) -> impl IntoView {
    let session = use_context::<Session>();
    let viewer = session.and_then(|s| s.viewer);
    let location = use_location();
    let i = use_i18n();
    match viewer {
        None => {
            let next = location.pathname.get_untracked();
            view! { <Redirect path=format!("/sign-in?next={next}") /> }.into_any()
        }
        Some(v) if v.may(roles) => children().into_any(),
        Some(_) => {
            #[cfg(feature = "ssr")]
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(http::StatusCode::FORBIDDEN);
            }
            view! {
                <section class="panel">
                    <h1>{i.t("forbidden-title")}</h1>
                    <p>{i.t("error-forbidden")}</p>
                    <a class="button" href="/">
                        {i.t("nav-home")}
                    </a>
                </section>
            }
            .into_any()
        }
    }
}
