//! Adding a member to the register.

use crate::api::members::CreateMember;
use crate::api::REGISTER_KEEPERS;
use crate::components::field::{outcome, ActionError};
use crate::components::guard::Guard;
use crate::components::member_form::{MemberFields, MemberFormFields};
use crate::i18n::use_i18n;
use domain::member::MemberForm;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn MemberNew() -> impl IntoView {
    view! {
        <Guard roles=REGISTER_KEEPERS>
            <NewForm />
        </Guard>
    }
}

#[component]
fn NewForm() -> impl IntoView {
    let i = use_i18n();
    let fields = MemberFields::new(MemberForm {
        language: "fr".into(),
        work_regime: "regular".into(),
        ..Default::default()
    });
    let create = ServerAction::<CreateMember>::new();
    let result = outcome(create);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = result.get() {
            navigate(
                &format!("/admin/members/{id}?notice=created"),
                Default::default(),
            );
        }
    });
    view! {
        <section class="panel">
            <h1>{i.t("member-new-title")}</h1>
            <ActionError result=result />
            <form
                class="stack"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    create
                        .dispatch(CreateMember {
                            form: fields.form(),
                        });
                }
            >
                <MemberFormFields fields=fields result=result />
                <p class="hint">{i.t("member-number-hint")}</p>
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || create.pending().get()
                >
                    {i.t("save")}
                </button>
            </form>
        </section>
    }
}
