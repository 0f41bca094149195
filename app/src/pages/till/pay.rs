//! Paying: by card (the till records the amount the terminal took), electronic meal vouchers
//! (at most what they may pay: goods of eligible lines, never deposits), cash, or a split of
//! them. Cash is rounded to 5 cents (Belgian rule) and change is given in cash only; the
//! screen shows both as the amounts are typed, with the same `settle` the server checks.

use super::basket::{payments, sale_draft, SaleHead};
use super::device::{now_ms, post_sale};
use super::focus_on_mount;
use super::link::Sent;
use super::refusal;
use super::state::{Panel, Sale};
use crate::error::AppError;
use domain::money::to_cents;
use domain::till::{round_cash, settle, PaymentError, Settlement};
use domain::validation::Reason;
use leptos::html;
use leptos::prelude::*;
use rust_decimal::Decimal;

fn euros(d: Decimal) -> String {
    format!("{:.2}", d.round_dp(2))
}

#[component]
pub fn PayPanel() -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let (total, eligible) = sale
        .basket
        .with_untracked(|b| (b.total(), b.meal_voucher_total()));
    let card = RwSignal::new(String::new());
    let vouchers = RwSignal::new(String::new());
    let cash = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let cash_field = NodeRef::<html::Input>::new();
    focus_on_mount(cash_field);
    let settled = move || -> Option<Result<Settlement, PaymentError>> {
        let p = payments(&card.get(), &vouchers.get(), &cash.get())?;
        Some(settle(total, eligible, &p))
    };
    let cents = |d: Decimal| to_cents(d).unwrap_or(0);
    let not_cash = move || {
        let p = payments(&card.get(), &vouchers.get(), "").unwrap_or_default();
        p.iter().map(|p| p.amount).sum::<Decimal>()
    };
    // What is left for cash, rounded to 5 cents.
    let exact_due = move || (total - not_cash()).max(Decimal::ZERO);
    let cash_due = move || round_cash(exact_due());
    let all_card = move |_| {
        let v = payments("", &vouchers.get_untracked(), "").unwrap_or_default();
        let rest = total - v.iter().map(|p| p.amount).sum::<Decimal>();
        card.set(euros(rest.max(Decimal::ZERO)));
        cash.set(String::new());
    };
    let all_vouchers = move |_| vouchers.set(euros(eligible.min(total)));
    let exact_cash = move |_| cash.set(euros(untrack(cash_due).rounded));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let Some(paid) = payments(
            &card.get_untracked(),
            &vouchers.get_untracked(),
            &cash.get_untracked(),
        ) else {
            error.set(Some(i.t("till-bad-amount")));
            return;
        };
        if let Err(e) = settle(total, eligible, &paid) {
            error.set(Some(payment_error(i, &e)));
            return;
        }
        let (Some(member), session) = (sale.shopper.get_untracked(), sale.session.get_value())
        else {
            return;
        };
        let override_id = sale
            .granted
            .get_untracked()
            .filter(|g| g.member_id == member.member_id)
            .map(|g| g.id);
        let draft = sale.basket.with_untracked(|b| {
            sale_draft(
                SaleHead {
                    id: sale.sale_id.get_untracked(),
                    session_id: session.id,
                    member_id: member.member_id,
                    sold_at_ms: now_ms(),
                    catalogue_version: sale.catalogue_version.get_value(),
                },
                b,
                &paid,
                override_id,
            )
        });
        sending.set(true);
        leptos::task::spawn_local(async move {
            let sent = post_sale(sale.link, draft).await;
            sending.set(false);
            match sent {
                Ok(Sent::Recorded(receipt)) => sale.panel.set(Panel::Receipt(Box::new(receipt))),
                Ok(Sent::Kept) => {
                    sale.next_sale();
                    sale.say(i.t("till-sale-kept"));
                }
                Err(e) => {
                    error.set(Some(refusal(i, &e)));
                    // The member's status changed since they were identified: show it anew,
                    // with the override.
                    if may_not_shop(&e) {
                        sale.identify(None, Some(member.member_id));
                    }
                }
            }
        });
    };
    let notes = [500i64, 1_000, 2_000, 5_000];
    view! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="pay-title">
            <form class="dialog pay" on:submit=submit>
                <h2 id="pay-title">{i.t("till-pay-title")}</h2>
                <dl class="totals big">
                    <dt>{i.t("till-total")}</dt>
                    <dd data-testid="pay-total">{i.money(cents(total))}</dd>
                    <dt>{i.t("till-meal-voucher-eligible")}</dt>
                    <dd>{i.money(cents(eligible))}</dd>
                </dl>
                <div class="pay-grid">
                    <div class="field">
                        <label for="pay-card">{i.t("till-pay-card")}</label>
                        <div class="with-button">
                            <input
                                id="pay-card"
                                inputmode="decimal"
                                autocomplete="off"
                                bind:value=card
                                data-testid="pay-card"
                            />
                            <button type="button" class="button" on:click=all_card>
                                {i.t("till-pay-rest")}
                            </button>
                        </div>
                    </div>
                    <div class="field">
                        <label for="pay-vouchers">{i.t("till-pay-vouchers")}</label>
                        <div class="with-button">
                            <input
                                id="pay-vouchers"
                                inputmode="decimal"
                                autocomplete="off"
                                bind:value=vouchers
                                data-testid="pay-vouchers"
                            />
                            <button type="button" class="button" on:click=all_vouchers>
                                {i.t("till-pay-max")}
                            </button>
                        </div>
                    </div>
                    <div class="field">
                        <label for="pay-cash">{i.t("till-pay-cash")}</label>
                        <div class="with-button">
                            <input
                                id="pay-cash"
                                node_ref=cash_field
                                inputmode="decimal"
                                autocomplete="off"
                                bind:value=cash
                                data-testid="pay-cash"
                            />
                            <button type="button" class="button" on:click=exact_cash>
                                {i.t("till-pay-exact")}
                            </button>
                        </div>
                        <div class="notes">
                            {notes
                                .into_iter()
                                .map(|n| {
                                    view! {
                                        <button
                                            type="button"
                                            class="button mini-note"
                                            on:click=move |_| cash.set(euros(Decimal::new(n, 2)))
                                        >
                                            {i.money(n)}
                                        </button>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </div>
                </div>
                <div class="pay-state" data-testid="pay-state" aria-live="polite">
                    <p>
                        {i.t("till-pay-cash-due")} " "
                        <strong data-testid="cash-due">
                            {move || i.money(cents(cash_due().rounded))}
                        </strong>
                        {move || {
                            let r = cash_due();
                            (!r.difference.is_zero())
                                .then(|| {
                                    view! {
                                        " "
                                        <span class="muted" data-testid="cash-rounding">
                                            {i
                                                .ta(
                                                    "till-pay-rounded-from",
                                                    &[("amount", i.money(cents(r.rounded + r.difference)))],
                                                )}
                                        </span>
                                    }
                                })
                        }}
                    </p>
                    {move || match settled() {
                        None => {
                            view! { <p class="alert error">{i.t("till-bad-amount")}</p> }.into_any()
                        }
                        Some(Ok(s)) => {
                            view! {
                                <p class="pay-ok">
                                    {i.t("till-pay-change")} " "
                                    <strong data-testid="change">{i.money(cents(s.change))}</strong>
                                    {(!s.rounding.is_zero())
                                        .then(|| {
                                            view! {
                                                " · "
                                                {i.t("till-pay-rounding")}
                                                " "
                                                <strong data-testid="rounding">
                                                    {i.money(cents(-s.rounding))}
                                                </strong>
                                            }
                                        })}
                                </p>
                            }
                                .into_any()
                        }
                        Some(Err(e)) => {
                            view! { <p class="pay-short">{payment_error(i, &e)}</p> }.into_any()
                        }
                    }}
                </div>
                {move || {
                    error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="alert error" role="alert" data-testid="pay-error">
                                    {e}
                                </p>
                            }
                        })
                }}
                <div class="actions">
                    <button
                        type="submit"
                        class="button primary big"
                        disabled=move || sending.get() || !matches!(settled(), Some(Ok(_)))
                        data-testid="pay-confirm"
                    >
                        {i.t("till-pay-confirm")}
                        " "
                        <kbd>"Enter"</kbd>
                    </button>
                    <button type="button" class="button" on:click=move |_| sale.close_panel()>
                        {i.t("till-cancel")}
                        " "
                        <kbd>"Esc"</kbd>
                    </button>
                </div>
            </form>
        </div>
    }
}

/// The message of a payment that does not settle the sale.
pub fn payment_error(i: crate::i18n::I18n, e: &PaymentError) -> String {
    let amount = |d: &Decimal| i.money(to_cents(*d).unwrap_or(0));
    match e {
        PaymentError::ShortPayment { missing } => {
            i.ta("till-pay-missing", &[("amount", amount(missing))])
        }
        PaymentError::VouchersAboveEligible { eligible } => {
            i.ta("till-pay-vouchers-above", &[("amount", amount(eligible))])
        }
        PaymentError::NonCashOverpayment { excess } => {
            i.ta("till-pay-non-cash-over", &[("amount", amount(excess))])
        }
        PaymentError::NegativeAmount | PaymentError::FractionOfCent => i.t("till-bad-amount"),
    }
}

/// Whether the server refused the sale because the member may not shop.
fn may_not_shop(e: &AppError) -> bool {
    matches!(e, AppError::Invalid(errors)
        if errors.iter().any(|f| matches!(f.reason, Reason::MayNotShop { .. })))
}
