//! The mail outbox: every message ruche sent, or would send when no SMTP server is set up.

use crate::api::outbox::list_outbox;
use crate::api::ADMINS;
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Outbox() -> impl IntoView {
    view! {
        <Guard roles=ADMINS>
            <OutboxList />
        </Guard>
    }
}

#[component]
fn OutboxList() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let to = move || query.read().get("to").unwrap_or_default();
    let messages = Resource::new(to, list_outbox);
    view! {
        <section class="panel wide">
            <h1>{i.t("outbox-title")}</h1>
            <form method="get" action="/admin/outbox" class="search-row" role="search">
                <input
                    type="search"
                    name="to"
                    value=to
                    placeholder=i.t("outbox-to")
                    aria-label=i.t("outbox-to")
                />
                <button type="submit" class="button">
                    {i.t("members-search")}
                </button>
            </form>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match messages.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{i.t("outbox-empty")}</p> }.into_any()
                        }
                        Ok(list) => {
                            list.into_iter()
                                .map(|m| {
                                    let state = match (&m.sent_at_ms, &m.error) {
                                        (Some(_), _) => i.t("outbox-sent"),
                                        (None, Some(e)) => format!("{}: {e}", i.t("outbox-failed")),
                                        (None, None) => i.t("outbox-kept"),
                                    };
                                    view! {
                                        <article class="mail" data-testid="mail">
                                            <header>
                                                <strong>{m.subject}</strong>
                                                <span class="muted">
                                                    {format!("{} · {}", m.to, state)}
                                                </span>
                                            </header>
                                            <pre>{m.body}</pre>
                                        </article>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
