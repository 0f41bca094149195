//! The coop's tills, each with whether a drawer session is open on it, and adding a till
//! (admins only).

use crate::api::till::{tills, CreateTill};
use crate::api::ADMINS;
use crate::components::field::{clear_on_success, errors_of, outcome, Field};
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn Tills() -> impl IntoView {
    view! {
        <Guard roles=ADMINS>
            <TillList />
        </Guard>
    }
}

#[component]
fn TillList() -> impl IntoView {
    let i = use_i18n();
    let create = ServerAction::<CreateTill>::new();
    let result = outcome(create);
    let list = Resource::new(move || create.version().get(), |_| tills());
    let name = RwSignal::new(String::new());
    clear_on_success(result, vec![name]);
    view! {
        <section class="panel">
            <h1>{i.t("tills-title")}</h1>
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{i.t("tills-none")}</p> }.into_any()
                        }
                        Ok(list) => {
                            view! {
                                <table class="list" data-testid="tills">
                                    <thead>
                                        <tr>
                                            <th>{i.t("field-till-name")}</th>
                                            <th>{i.t("tills-session")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list
                                            .into_iter()
                                            .map(|(t, open)| {
                                                view! {
                                                    <tr>
                                                        <td>{t.name}</td>
                                                        <td>
                                                            {match open {
                                                                Some(s) => {
                                                                    i.ta(
                                                                        "tills-open-since",
                                                                        &[("date", i.instant_date(s.opened_at_ms))],
                                                                    )
                                                                }
                                                                None => i.t("tills-closed"),
                                                            }}
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <h2>{i.t("tills-add-title")}</h2>
            {move || {
                matches!(result.get(), Some(Ok(_)))
                    .then(|| {
                        view! {
                            <p class="alert notice" role="status">
                                {i.t("tills-added")}
                            </p>
                        }
                    })
            }}
            <form
                class="inline-form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    create
                        .dispatch(CreateTill {
                            name: name.get_untracked(),
                        });
                }
            >
                <Field
                    label=i.t("field-till-name")
                    name="name"
                    value=name
                    required=true
                    errors=errors_of(result, "name")
                />
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || create.pending().get()
                >
                    {i.t("tills-add")}
                </button>
            </form>
        </section>
    }
}
