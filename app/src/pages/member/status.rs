//! The member's status on their phone: whether they may shop, their balance with the ledger
//! events that explain it, and what to do by when.

use crate::api::shifts::my_status;
use crate::components::shift::status_advice;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn ShiftStatus() -> impl IntoView {
    let i = use_i18n();
    let mine = Resource::new(|| (), |_| my_status());
    view! {
        <Suspense fallback=move || {
            view! { <p class="muted">{i.t("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match mine.await {
                    Ok(Some(m)) => {
                        let r = m.answer.report;
                        let ok = m.answer.may_shop;
                        view! {
                            <section
                                class="status-panel"
                                class:blocked=!ok
                                data-testid="shift-status"
                            >
                                <h2>{i.t("shifts-title")}</h2>
                                <p class="status-line">
                                    <span class="badge">
                                        {i.t(&format!("status-{}", r.status.as_str()))}
                                    </span>
                                    " "
                                    <strong>
                                        {if ok { i.t("shop-yes") } else { i.t("shop-no") }}
                                    </strong>
                                </p>
                                <p class="advice">{status_advice(i, r.status, &r.reason)}</p>
                                <a class="button primary" href="/shifts" data-testid="shifts-link">
                                    {i.t("myshifts-status-link")}
                                </a>
                                <p>
                                    {i.t("shifts-balance")} " "
                                    <strong data-testid="balance">{r.balance}</strong>
                                </p>
                                <p>
                                    <a class="button" href="/my/requests">
                                        {i.t("requests-link")}
                                    </a>
                                </p>
                                <h3>{i.t("shifts-history")}</h3>
                                {m
                                    .ledger
                                    .is_empty()
                                    .then(|| {
                                        view! { <p class="muted">{i.t("shifts-history-empty")}</p> }
                                    })}
                                <ul class="ledger">
                                    {m
                                        .ledger
                                        .into_iter()
                                        .map(|e| {
                                            view! {
                                                <li>
                                                    <span>{i.date(e.date)}</span>
                                                    <span>
                                                        {i.t(&format!("counter-reason-{}", e.reason.as_str()))}
                                                    </span>
                                                    <strong>
                                                        {if e.delta > 0 {
                                                            format!("+{}", e.delta)
                                                        } else {
                                                            e.delta.to_string()
                                                        }}
                                                    </strong>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </section>
                        }
                            .into_any()
                    }
                    Ok(None) => ().into_any(),
                    Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
