//! The member's home: who they are, their member number, their card to scan at the till, their
//! household's cards and their shares. Made for a phone.

use super::status::ShiftStatus;
use crate::api::members::my_member;
use crate::api::ANYONE;
use crate::components::barcode::Barcode;
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use crate::Session;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <Guard roles=ANYONE>
            <HomeContent />
        </Guard>
    }
}

#[component]
fn HomeContent() -> impl IntoView {
    let i = use_i18n();
    let viewer = use_context::<Session>().and_then(|s| s.viewer);
    let name = viewer
        .as_ref()
        .map(|v| v.display_name.clone())
        .unwrap_or_default();
    let member = Resource::new(|| (), |_| my_member());
    view! {
        <section class="home">
            <h1>{i.ta("home-greeting", &[("name", name)])}</h1>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match member.await {
                        Ok(Some(m)) => {
                            let household = m.household.clone();
                            view! {
                                <div class="member-card" data-testid="member-card">
                                    <p class="member-number">
                                        {i.t("home-member-number")} " "
                                        <strong>{m.member_number}</strong>
                                    </p>
                                    <Barcode code=m.card_barcode.clone() />
                                    <p class="hint">{i.t("home-card-hint")}</p>
                                </div>
                                <dl class="facts">
                                    <dt>{i.t("field-language")}</dt>
                                    <dd>{m.language.native_name()}</dd>
                                    <dt>{i.t("field-work-regime")}</dt>
                                    <dd>{i.t(&format!("regime-{}", m.work_regime.as_str()))}</dd>
                                    <dt>{i.t("shares-held")}</dt>
                                    <dd>{m.holding.total_shares()}</dd>
                                </dl>
                                {(!household.is_empty())
                                    .then(|| {
                                        view! {
                                            <h2>{i.t("household-title")}</h2>
                                            <ul class="household">
                                                {household
                                                    .into_iter()
                                                    .map(|p| {
                                                        view! {
                                                            <li>
                                                                <p>{format!("{} {}", p.first_name, p.last_name)}</p>
                                                                <Barcode code=p.card_barcode />
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })}
                            }
                                .into_any()
                        }
                        Ok(None) => {
                            view! { <p class="muted">{i.t("home-no-member")}</p> }.into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <ShiftStatus />
        </section>
    }
}
