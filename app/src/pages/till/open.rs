//! Opening the till: pick a till; carry on with its open drawer session, or count the float by
//! denomination and open one. A session another cashier opened is marked: only they may sell
//! into it (from the browser that opened it), and a supervisor may close it.

use super::count::{counts, empty_count, DrawerCount};
use super::refusal;
use super::state::Stage;
use crate::api::till::{tills, OpenSession};
use crate::i18n::use_i18n;
use domain::till::drawer::{DrawerSession, Till};
use leptos::prelude::*;

#[component]
pub fn OpenTill(stage: RwSignal<Stage>) -> impl IntoView {
    let i = use_i18n();
    let list = Resource::new(|| (), |_| tills());
    let chosen = RwSignal::new(None::<Till>);
    view! {
        <div class="till-open">
            <h1>{i.t("till-open-title")}</h1>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(all) if all.is_empty() => {
                            view! { <p class="muted">{i.t("till-none")}</p> }.into_any()
                        }
                        Ok(all) => {
                            view! {
                                <div
                                    class="till-choice"
                                    role="group"
                                    aria-label=i.t("till-open-title")
                                >
                                    {all
                                        .into_iter()
                                        .map(|(t, open)| {
                                            view! {
                                                <TillButton till=t open=open stage=stage chosen=chosen />
                                            }
                                        })
                                        .collect_view()}
                                </div>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
            {move || chosen.get().map(|t| view! { <FloatForm till=t stage=stage /> })}
        </div>
    }
}

#[component]
fn TillButton(
    till: Till,
    open: Option<DrawerSession>,
    stage: RwSignal<Stage>,
    chosen: RwSignal<Option<Till>>,
) -> impl IntoView {
    let i = use_i18n();
    let name = till.name.clone();
    let me = use_context::<crate::Session>()
        .and_then(|s| s.viewer)
        .map(|v| v.user_id);
    let hint = match &open {
        Some(session) if Some(session.opened_by) != me => i.t("till-session-other"),
        Some(_) => i.t("till-session-open"),
        None => i.t("till-session-closed"),
    };
    let pick = move |_| match &open {
        Some(session) => stage.set(Stage::Loading {
            session: session.clone(),
            till: till.name.clone(),
        }),
        None => chosen.set(Some(till.clone())),
    };
    view! {
        <button type="button" class="till-pick" on:click=pick data-testid="till-pick">
            <strong>{name}</strong>
            <span>{hint}</span>
        </button>
    }
}

/// The float: counted by denomination, then the session opens.
#[component]
fn FloatForm(till: Till, stage: RwSignal<Stage>) -> impl IntoView {
    let i = use_i18n();
    let typed = empty_count();
    let open = ServerAction::<OpenSession>::new();
    let till_id = till.id;
    let name = till.name.clone();
    let all = typed.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        open.dispatch(OpenSession {
            till_id,
            float: counts(&all),
        });
    };
    Effect::new(move |_| {
        if let Some(Ok(session)) = open.value().get() {
            stage.set(Stage::Loading {
                session,
                till: name.clone(),
            });
        }
    });
    view! {
        <form class="float-form" on:submit=submit>
            <h2>{i.ta("till-float-title", &[("till", till.name.clone())])}</h2>
            <DrawerCount typed=typed label=i.t("till-float-label") />
            {move || match open.value().get() {
                Some(Err(e)) => {
                    Some(
                        view! {
                            <p class="alert error" role="alert">
                                {refusal(i, &e)}
                            </p>
                        },
                    )
                }
                _ => None,
            }}
            <button
                type="submit"
                class="button primary big"
                disabled=move || open.pending().get()
                data-testid="open-session"
            >
                {i.t("till-open-submit")}
            </button>
        </form>
    }
}
