//! Who is shopping: the member's card scanned in the scan field, or their number or name typed
//! here; their status, and the till's answer. A member who may not shop is refused, unless a
//! supervisor (shift leader, coordinator or admin) comes to the till, signs in there with their
//! own email and password and gives a reason: the server records the override and the sale
//! names it, so a cashier cannot make one up.

use super::focus_on_mount;
use super::refusal;
use super::state::Sale;
use super::supervisor::SupervisorFields;
use crate::api::till::{find_shoppers, GrantOverride};
use crate::components::shift::status_advice;
use domain::register::MemberSummary;
use domain::till::sale::ShopperView;
use leptos::html;
use leptos::prelude::*;

/// The member of the sale on the side of the screen.
#[component]
pub fn MemberBox() -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    move || match sale.shopper.get() {
        None => view! {
            <div class="member-box none" data-testid="member-box">
                <p>{i.t("till-member-none")}</p>
                <p class="hint">{i.t("till-member-hint")}</p>
            </div>
        }
        .into_any(),
        Some(s) => {
            let granted = sale.granted.get().filter(|g| g.member_id == s.member_id);
            let state = if s.may_shop {
                "may-shop"
            } else if granted.is_some() {
                "overridden"
            } else {
                "refused"
            };
            view! {
                <div class=format!("member-box {state}") data-testid="member-box" data-state=state>
                    <p class="member-name">
                        <strong>{s.name.clone()}</strong>
                    </p>
                    <p>{i.ta("till-member-number", &[("number", s.member_number.to_string())])}</p>
                    <p class="member-status">{i.t(&format!("status-{}", s.status.as_str()))}</p>
                    {(!s.may_shop)
                        .then(|| {
                            s.reason
                                .as_ref()
                                .map(|r| {
                                    view! {
                                        <p class="member-why" data-testid="member-why">
                                            {status_advice(i, s.status, r)}
                                        </p>
                                    }
                                })
                        })}
                    <p class="member-answer">
                        {match (&granted, s.may_shop) {
                            (_, true) => i.t("till-may-shop"),
                            (Some(g), false) => {
                                i.ta("till-overridden-by", &[("name", g.supervisor_name.clone())])
                            }
                            (None, false) => i.t("till-may-not-shop"),
                        }}
                    </p>
                </div>
            }
            .into_any()
        }
    }
}

/// Finding the member, and the override.
#[component]
pub fn MemberPanel() -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Vec<MemberSummary>>);
    let error = RwSignal::new(None::<String>);
    let field = NodeRef::<html::Input>::new();
    focus_on_mount(field);
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = query.get_untracked().trim().to_string();
        if q.is_empty() {
            return;
        }
        // A card scanned here: 13 digits with a good check digit.
        if q.len() == 13 && domain::barcode::validate_gtin(&q).is_ok() {
            query.set(String::new());
            sale.identify(Some(q), None);
            return;
        }
        leptos::task::spawn_local(async move {
            let found_members = match find_shoppers(q.clone()).await {
                Err(e) if super::link::try_later(&e) && sale.link.has_statuses() => {
                    Ok(sale.link.kept_find(&q, 8))
                }
                answer => answer,
            };
            match found_members {
                Ok(members) => {
                    // One member by their number: take them.
                    if let [only] = members.as_slice() {
                        sale.identify(None, Some(only.id));
                    }
                    error.set(None);
                    found.set(Some(members));
                }
                Err(e) => error.set(Some(refusal(i, &e))),
            }
        });
    };
    let refused = move || sale.shopper.get().filter(|s| !s.may_shop);
    view! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="member-title">
            <div class="dialog">
                <h2 id="member-title">{i.t("till-member-title")}</h2>
                <form class="search-row" on:submit=search>
                    <label for="member-query" class="visually-hidden">
                        {i.t("till-member-query")}
                    </label>
                    <input
                        id="member-query"
                        node_ref=field
                        type="search"
                        autocomplete="off"
                        placeholder=i.t("till-member-query")
                        bind:value=query
                        data-testid="member-query"
                    />
                    <button type="submit" class="button">
                        {i.t("till-member-find")}
                    </button>
                </form>
                {move || {
                    error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="alert error" role="alert">
                                    {e}
                                </p>
                            }
                        })
                }}
                {move || {
                    found
                        .get()
                        .map(|members| {
                            if members.is_empty() {
                                view! { <p class="muted">{i.t("till-member-none-found")}</p> }
                                    .into_any()
                            } else {
                                view! {
                                    <ul class="candidates">
                                        {members
                                            .into_iter()
                                            .map(|m| {
                                                let id = m.id;
                                                view! {
                                                    <li>
                                                        <button
                                                            type="button"
                                                            class="candidate"
                                                            data-testid="member-candidate"
                                                            on:click=move |_| sale.identify(None, Some(id))
                                                        >
                                                            <strong>
                                                                {format!("{} {}", m.first_name, m.last_name)}
                                                            </strong>
                                                            <span class="muted">
                                                                {i
                                                                    .ta(
                                                                        "till-member-number",
                                                                        &[("number", m.member_number.to_string())],
                                                                    )}
                                                            </span>
                                                        </button>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                        })
                }}
                <MemberBox />
                {move || refused().map(|s| view! { <Override shopper=s /> })}
                <div class="actions">
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| sale.close_panel()
                        data-testid="member-done"
                    >
                        {i.t("till-done")}
                        " "
                        <kbd>"Esc"</kbd>
                    </button>
                </div>
            </div>
        </div>
    }
}

/// A supervisor lets the member shop: their own email and password, and why.
#[component]
fn Override(shopper: ShopperView) -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let grant = ServerAction::<GrantOverride>::new();
    let (email, password, reason) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let member_id = shopper.member_id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        grant.dispatch(GrantOverride {
            member_id,
            email: email.get_untracked(),
            password: password.get_untracked(),
            reason: reason.get_untracked(),
        });
    };
    Effect::new(move |_| {
        if let Some(Ok(g)) = grant.value().get() {
            password.set(String::new());
            sale.say(i.ta("till-overridden-by", &[("name", g.supervisor_name.clone())]));
            sale.granted.set(Some(g));
            sale.close_panel();
        }
    });
    let done = move || {
        sale.granted
            .with(|g| g.as_ref().is_some_and(|g| g.member_id == member_id))
    };
    view! {
        <Show when=move || !done()>
            <div class="alert error" role="alert" data-testid="refusal">
                <strong>
                    {i
                        .ta(
                            "till-refused",
                            &[
                                ("name", shopper.name.clone()),
                                ("status", i.t(&format!("status-{}", shopper.status.as_str()))),
                            ],
                        )}
                </strong>
                {shopper
                    .reason
                    .as_ref()
                    .map(|r| {
                        view! {
                            <p data-testid="refusal-why">{status_advice(i, shopper.status, r)}</p>
                        }
                    })}
            </div>
            <form class="override" on:submit=submit>
                <h3>{i.t("till-override-title")}</h3>
                <p class="hint">{i.t("till-override-hint")}</p>
                <SupervisorFields
                    i=i
                    email=email
                    password=password
                    reason=reason
                    ids=["supervisor-email", "supervisor-password", "override-reason"]
                    test_ids=["override-email", "override-password", "override-reason"]
                />
                {move || match grant.value().get() {
                    Some(Err(e)) => {
                        Some(
                            view! {
                                <p class="alert error" role="alert" data-testid="override-error">
                                    {refusal(i, &e)}
                                </p>
                            },
                        )
                    }
                    _ => None,
                }}
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || grant.pending().get()
                    data-testid="override-submit"
                >
                    {i.t("till-override-submit")}
                </button>
            </form>
        </Show>
    }
}
