//! The member record form, for creating and editing a member.

use crate::components::field::{errors_of, Choice, Field, Outcome};
use crate::i18n::use_i18n;
use domain::member::{MemberForm, WorkRegime};
use domain::Language;
use leptos::prelude::*;

/// The form's fields as signals.
#[derive(Clone, Copy)]
pub struct MemberFields {
    pub member_number: RwSignal<String>,
    pub first_name: RwSignal<String>,
    pub last_name: RwSignal<String>,
    pub email: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub language: RwSignal<String>,
    pub join_date: RwSignal<String>,
    pub work_regime: RwSignal<String>,
}

impl MemberFields {
    pub fn new(f: MemberForm) -> Self {
        MemberFields {
            member_number: RwSignal::new(f.member_number),
            first_name: RwSignal::new(f.first_name),
            last_name: RwSignal::new(f.last_name),
            email: RwSignal::new(f.email),
            phone: RwSignal::new(f.phone),
            language: RwSignal::new(f.language),
            join_date: RwSignal::new(f.join_date),
            work_regime: RwSignal::new(f.work_regime),
        }
    }

    pub fn form(&self) -> MemberForm {
        MemberForm {
            member_number: self.member_number.get_untracked(),
            first_name: self.first_name.get_untracked(),
            last_name: self.last_name.get_untracked(),
            email: self.email.get_untracked(),
            phone: self.phone.get_untracked(),
            language: self.language.get_untracked(),
            join_date: self.join_date.get_untracked(),
            work_regime: self.work_regime.get_untracked(),
        }
    }
}

#[component]
pub fn MemberFormFields<T: Clone + Send + Sync + 'static>(
    fields: MemberFields,
    result: Outcome<T>,
) -> impl IntoView {
    let i = use_i18n();
    let languages: Vec<(String, String)> = Language::ALL
        .into_iter()
        .map(|l| (l.code().to_string(), l.native_name().to_string()))
        .collect();
    let regimes: Vec<(String, String)> = WorkRegime::ALL
        .into_iter()
        .map(|r| {
            (
                r.as_str().to_string(),
                i.t(&format!("regime-{}", r.as_str())),
            )
        })
        .collect();
    view! {
        <div class="grid-2">
            <Field
                label=i.t("field-first-name")
                name="first_name"
                value=fields.first_name
                required=true
                errors=errors_of(result, "first_name")
            />
            <Field
                label=i.t("field-last-name")
                name="last_name"
                value=fields.last_name
                required=true
                errors=errors_of(result, "last_name")
            />
            <Field
                label=i.t("field-email")
                name="email"
                kind="email"
                value=fields.email
                required=true
                errors=errors_of(result, "email")
            />
            <Field
                label=i.t("field-phone")
                name="phone"
                kind="tel"
                value=fields.phone
                errors=errors_of(result, "phone")
            />
            <Choice
                label=i.t("field-language")
                name="language"
                value=fields.language
                options=languages
                errors=errors_of(result, "language")
            />
            <Choice
                label=i.t("field-work-regime")
                name="work_regime"
                value=fields.work_regime
                options=regimes
                errors=errors_of(result, "work_regime")
            />
            <Field
                label=i.t("field-join-date")
                name="join_date"
                kind="date"
                value=fields.join_date
                required=true
                errors=errors_of(result, "join_date")
            />
            <Field
                label=i.t("field-member-number")
                name="member_number"
                value=fields.member_number
                errors=errors_of(result, "member_number")
            />
        </div>
    }
    .into_any()
}
