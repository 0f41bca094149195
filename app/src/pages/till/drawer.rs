//! The drawer: cash put in or taken out with a reason, the X report (the session's figures so
//! far), and closing: the drawer counted by denomination, then the Z report with the
//! difference between what was counted and what the drawer should hold. Reports print on the
//! till's 80 mm printer like receipts.

use super::count::{counts, empty_count, DrawerCount};
use super::focus_on_mount;
use super::receipt::{local_time, print, VatTable};
use super::refusal;
use super::state::{Sale, Stage};
use crate::api::till::{cash_move, x_report, CloseSession};
use crate::i18n::{use_i18n, I18n};
use domain::till::drawer::{DrawerSession, ZReport};
use domain::till::DrawerReport;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn CashPanel() -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let taking_out = RwSignal::new(true);
    let amount = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let field = NodeRef::<html::Input>::new();
    focus_on_mount(field);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(cents) = domain::money::parse_amount(&amount.get_untracked())
            .and_then(domain::money::to_cents)
            .filter(|c| *c > 0)
        else {
            error.set(Some(i.t("till-bad-amount")));
            return;
        };
        let signed = if taking_out.get_untracked() {
            -cents
        } else {
            cents
        };
        let session_id = sale.session.with_value(|s| s.id);
        let why = reason.get_untracked();
        leptos::task::spawn_local(async move {
            match cash_move(session_id, signed, why).await {
                Ok(()) => {
                    let key = if signed < 0 {
                        "till-cash-out-done"
                    } else {
                        "till-cash-in-done"
                    };
                    sale.say(i.ta(key, &[("amount", i.money(cents))]));
                    sale.close_panel();
                }
                Err(e) => error.set(Some(refusal(i, &e))),
            }
        });
    };
    view! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="cash-title">
            <form class="dialog small" on:submit=submit>
                <h2 id="cash-title">{i.t("till-cash-title")}</h2>
                <fieldset class="tenders">
                    <legend class="visually-hidden">{i.t("till-cash-title")}</legend>
                    <label class="check">
                        <input
                            type="radio"
                            name="direction"
                            prop:checked=move || taking_out.get()
                            on:change=move |_| taking_out.set(true)
                        />
                        {i.t("till-cash-out")}
                    </label>
                    <label class="check">
                        <input
                            type="radio"
                            name="direction"
                            prop:checked=move || !taking_out.get()
                            on:change=move |_| taking_out.set(false)
                            data-testid="cash-in"
                        />
                        {i.t("till-cash-in")}
                    </label>
                </fieldset>
                <div class="field">
                    <label for="cash-amount">{i.t("till-cash-amount")}</label>
                    <input
                        id="cash-amount"
                        node_ref=field
                        inputmode="decimal"
                        autocomplete="off"
                        bind:value=amount
                        data-testid="cash-amount"
                    />
                </div>
                <div class="field">
                    <label for="cash-reason">{i.t("till-cash-reason")}</label>
                    <input
                        id="cash-reason"
                        autocomplete="off"
                        bind:value=reason
                        data-testid="cash-reason"
                    />
                </div>
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
                <div class="actions">
                    <button type="submit" class="button primary" data-testid="cash-submit">
                        {i.t("till-cash-submit")}
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

/// The X report, and from there closing the session.
#[component]
pub fn ReportPanel() -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let session_id = sale.session.with_value(|s| s.id);
    let report = Resource::new(|| (), move |_| x_report(session_id));
    let closing = RwSignal::new(false);
    view! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="report-title">
            <div class="dialog wide">
                <h2 id="report-title" class="no-print">
                    {i.t("till-x-title")}
                </h2>
                <Show
                    when=move || closing.get()
                    fallback=move || {
                        view! {
                            <Suspense fallback=move || {
                                view! { <p class="muted">{i.t("loading")}</p> }
                            }>
                                {move || Suspend::new(async move {
                                    match report.await {
                                        Ok(r) => {
                                            view! {
                                                <ReportView
                                                    title=i.t("till-x-title")
                                                    till=sale.till.get_value()
                                                    session=sale.session.get_value()
                                                    report=r
                                                    z=None
                                                />
                                            }
                                                .into_any()
                                        }
                                        Err(e) => {
                                            view! { <p class="alert error">{refusal(i, &e)}</p> }
                                                .into_any()
                                        }
                                    }
                                })}
                            </Suspense>
                            <div class="actions no-print">
                                <button type="button" class="button" on:click=move |_| print()>
                                    {i.t("till-print")}
                                </button>
                                <button
                                    type="button"
                                    class="button danger"
                                    on:click=move |_| closing.set(true)
                                    data-testid="close-session"
                                >
                                    {i.t("till-close-session")}
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| sale.close_panel()
                                >
                                    {i.t("till-done")}
                                    " "
                                    <kbd>"Esc"</kbd>
                                </button>
                            </div>
                        }
                    }
                >
                    <CloseForm />
                </Show>
            </div>
        </div>
    }
}

/// Counting the drawer to close the session.
#[component]
fn CloseForm() -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let typed = empty_count();
    let close = ServerAction::<CloseSession>::new();
    let all = typed.clone();
    let session_id = sale.session.with_value(|s| s.id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        close.dispatch(CloseSession {
            session_id,
            counted: counts(&all),
        });
    };
    Effect::new(move |_| {
        if let Some(Ok(z)) = close.value().get() {
            sale.stage.set(Stage::Closed {
                z: Box::new(z),
                till: sale.till.get_value(),
            });
        }
    });
    view! {
        <form class="close-form" on:submit=submit>
            <DrawerCount typed=typed label=i.t("till-close-count") />
            {move || match close.value().get() {
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
            <div class="actions">
                <button
                    type="submit"
                    class="button primary big"
                    disabled=move || close.pending().get()
                    data-testid="close-submit"
                >
                    {i.t("till-close-submit")}
                </button>
                <button type="button" class="button" on:click=move |_| sale.close_panel()>
                    {i.t("till-cancel")}
                    " "
                    <kbd>"Esc"</kbd>
                </button>
            </div>
        </form>
    }
}

/// After closing: the Z report, to print, and back to opening a till.
#[component]
pub fn ClosedScreen(z: ZReport, till: String, stage: RwSignal<Stage>) -> impl IntoView {
    let i = use_i18n();
    let counted = (z.counted_cents, z.difference_cents);
    view! {
        <div class="closed">
            <h1 class="no-print">{i.t("till-closed-title")}</h1>
            <ReportView
                title=i.t("till-z-title")
                till=till
                session=z.session.clone()
                report=z.report.clone()
                z=Some(counted)
            />
            <div class="actions no-print">
                <button type="button" class="button" on:click=move |_| print()>
                    {i.t("till-print")}
                </button>
                <button
                    type="button"
                    class="button primary"
                    on:click=move |_| stage.set(Stage::Open)
                >
                    {i.t("till-open-again")}
                </button>
            </div>
        </div>
    }
}

fn row(i: I18n, label: &str, cents: i64, testid: &'static str) -> impl IntoView {
    view! {
        <tr data-testid=testid>
            <th scope="row">{i.t(label)}</th>
            <td class="num">{i.money(cents)}</td>
        </tr>
    }
}

/// The figures of a session: sales, payments, refunds, VAT per rate, the drawer. Headed by
/// the till's name and when the session opened, and when it closed (a Z report) or when the
/// report was made (an X report).
#[component]
pub fn ReportView(
    title: String,
    till: String,
    session: DrawerSession,
    report: DrawerReport,
    z: Option<(i64, i64)>,
) -> impl IntoView {
    let i = use_i18n();
    let r = report;
    let opened = i.ta(
        "till-report-opened",
        &[("time", local_time(session.opened_at_ms))],
    );
    let until = match session.closed_at_ms {
        Some(at) => i.ta("till-report-closed", &[("time", local_time(at))]),
        None => i.ta(
            "till-report-made",
            &[("time", local_time(super::device::now_ms()))],
        ),
    };
    view! {
        <article class="report print-area" data-testid="report">
            <header>
                <p class="receipt-coop">{i.t("app-name")}</p>
                <p>
                    <strong>{title}</strong>
                </p>
                <p class="report-till" data-testid="report-till">
                    <strong>{till}</strong>
                </p>
                <p data-testid="report-opened">{opened}</p>
                <p data-testid="report-until">{until}</p>
            </header>
            <table class="report-table">
                <tbody>
                    <tr data-testid="report-sales">
                        <th scope="row">{i.t("till-report-sales")}</th>
                        <td class="num">{r.sales}</td>
                    </tr>
                    <tr>
                        <th scope="row">{i.t("till-report-returns")}</th>
                        <td class="num">{r.returns}</td>
                    </tr>
                    <tr>
                        <th scope="row">{i.t("till-report-overrides")}</th>
                        <td class="num">{r.overrides}</td>
                    </tr>
                    {row(i, "till-report-total", r.total, "report-total")}
                    {row(i, "till-discounts", r.discounts, "report-discounts")}
                    {row(i, "till-report-cash", r.cash, "report-cash")}
                    {row(i, "till-report-change", r.change, "report-change")}
                    {row(i, "till-report-card", r.card, "report-card")}
                    {row(i, "till-report-vouchers", r.meal_vouchers, "report-vouchers")}
                    {row(i, "till-rounding", -r.rounding, "report-rounding")}
                    {row(i, "till-report-refunds-cash", r.refunds_cash, "report-refunds-cash")}
                    {row(i, "till-report-refunds-card", r.refunds_card, "report-refunds-card")}
                    {row(
                        i,
                        "till-report-refunds-vouchers",
                        r.refunds_meal_vouchers,
                        "report-refunds-vouchers",
                    )}
                    {row(i, "till-report-float", r.float, "report-float")}
                    {row(i, "till-report-cash-moves", r.cash_moves, "report-cash-moves")}
                    {row(i, "till-report-expected", r.expected_cash, "report-expected")}
                    {z
                        .map(|(counted, difference)| {
                            view! {
                                {row(i, "till-report-counted", counted, "report-counted")}
                                {row(i, "till-report-difference", difference, "report-difference")}
                            }
                        })}
                </tbody>
            </table>
            <h3 class="report-vat-title">{i.t("till-report-vat-sales")}</h3>
            <VatTable vat=r.vat.clone() />
            {(!r.refunds_vat.is_empty())
                .then(|| {
                    view! {
                        <h3 class="report-vat-title">{i.t("till-report-vat-refunds")}</h3>
                        <div data-testid="report-refunds-vat">
                            <VatTable vat=r.refunds_vat.clone() />
                        </div>
                    }
                })}
        </article>
    }
}
