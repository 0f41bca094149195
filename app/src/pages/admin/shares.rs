//! The share register's totals, and the share classes (admins edit them).

use crate::api::shares::{share_register, SaveShareClass};
use crate::api::{ADMINS, REGISTER_KEEPERS};
use crate::components::field::{errors_of, outcome, ActionError, Field};
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use crate::Session;
use leptos::prelude::*;

#[component]
pub fn Shares() -> impl IntoView {
    view! {
        <Guard roles=REGISTER_KEEPERS>
            <Register />
        </Guard>
    }
}

#[component]
fn Register() -> impl IntoView {
    let i = use_i18n();
    let is_admin = use_context::<Session>()
        .and_then(|s| s.viewer)
        .is_some_and(|v| v.may(ADMINS));
    let save = ServerAction::<SaveShareClass>::new();
    let result = outcome(save);
    let totals = Resource::new(move || save.version().get(), |_| share_register());
    let code = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let price = RwSignal::new(String::new());
    view! {
        <section class="panel wide">
            <h1>{i.t("shares-register-title")}</h1>
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match totals.await {
                        Ok(t) => {
                            view! {
                                <dl class="facts">
                                    <dt>{i.t("shares-active-members")}</dt>
                                    <dd>{t.active_members}</dd>
                                    <dt>{i.t("shares-former-members")}</dt>
                                    <dd>{t.former_members}</dd>
                                    <dt>{i.t("shares-subscribed")}</dt>
                                    <dd>{i.money(t.subscribed_cents)}</dd>
                                    <dt>{i.t("shares-paid")}</dt>
                                    <dd>{i.money(t.paid_cents)}</dd>
                                    <dt>{i.t("shares-reimbursed")}</dt>
                                    <dd>{i.money(t.reimbursed_cents)}</dd>
                                    <dt>{i.t("shares-due")}</dt>
                                    <dd>{i.money(t.due_cents)}</dd>
                                </dl>
                                <table class="list" data-testid="share-classes">
                                    <thead>
                                        <tr>
                                            <th>{i.t("share-class")}</th>
                                            <th>{i.t("field-name")}</th>
                                            <th>{i.t("share-unit-price")}</th>
                                            <th>{i.t("shares-held")}</th>
                                            <th>{i.t("shares-holders")}</th>
                                            <th>{i.t("shares-value")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {t
                                            .classes
                                            .into_iter()
                                            .map(|c| {
                                                view! {
                                                    <tr>
                                                        <td>{c.class.code.clone()}</td>
                                                        <td>{c.class.name.clone()}</td>
                                                        <td>{i.money(c.class.unit_price_cents)}</td>
                                                        <td>{c.shares}</td>
                                                        <td>{c.holders}</td>
                                                        <td>{i.money(c.shares * c.class.unit_price_cents)}</td>
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
        </section>
        {is_admin
            .then(|| {
                view! {
                    <section class="panel">
                        <h2>{i.t("share-class-save-title")}</h2>
                        <ActionError result=result />
                        <form
                            class="stack"
                            novalidate
                            on:submit=move |ev| {
                                ev.prevent_default();
                                save.dispatch(SaveShareClass {
                                    code: code.get_untracked(),
                                    name: name.get_untracked(),
                                    unit_price: price.get_untracked(),
                                });
                            }
                        >
                            <div class="grid-2">
                                <Field
                                    label=i.t("share-class")
                                    name="code"
                                    value=code
                                    required=true
                                    errors=errors_of(result, "code")
                                />
                                <Field
                                    label=i.t("field-name")
                                    name="name"
                                    value=name
                                    required=true
                                    errors=errors_of(result, "name")
                                />
                                <Field
                                    label=i.t("share-unit-price")
                                    name="unit_price"
                                    value=price
                                    required=true
                                    errors=errors_of(result, "unit_price")
                                />
                            </div>
                            <button type="submit" class="button">
                                {i.t("save")}
                            </button>
                        </form>
                    </section>
                }
            })}
    }
}
