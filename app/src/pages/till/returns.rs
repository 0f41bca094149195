//! Returns: the receipt by its number (typed, or its barcode scanned), what comes back of each
//! line (never more than was sold: the server checks against earlier returns too), back on
//! the shelf or to waste with a reason, refunded in cash or by the sale's own method. A refund
//! by another method than the sale's, or above the coop's limit, needs a supervisor, who
//! approves it here with their own email and password and a reason.

use super::basket::decimal_text;
use super::device::{new_id, now_ms, post_return};
use super::focus_on_mount;
use super::link::Sent;
use super::receipt::tender_name;
use super::refusal;
use super::state::Sale;
use super::supervisor::SupervisorFields;
use crate::api::till::{find_receipt, ApproveReturn};
use crate::error::AppError;
use domain::till::returns::{ReturnApproval, ReturnDraft, ReturnLineDraft, ReturnReceipt};
use domain::till::sale::{receipt_number, Receipt};
use domain::till::{to_milli, Tender};
use domain::validation::Reason;
use leptos::html;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

/// What the cashier says comes back of one line.
#[derive(Clone, Copy)]
struct Back {
    quantity: RwSignal<String>,
    restock: RwSignal<bool>,
    reason: RwSignal<String>,
}

#[component]
pub fn ReturnPanel() -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let number = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Receipt>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<ReturnReceipt>);
    let field = NodeRef::<html::Input>::new();
    focus_on_mount(field);
    let look = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(n) = receipt_number(&number.get_untracked()) else {
            error.set(Some(i.t("till-return-bad-number")));
            return;
        };
        leptos::task::spawn_local(async move {
            match find_receipt(n).await {
                Ok(r) => {
                    error.set(None);
                    done.set(None);
                    found.set(Some(r));
                }
                Err(crate::error::AppError::NotFound) => {
                    found.set(None);
                    error.set(Some(i.t("till-return-not-found")))
                }
                Err(e) => error.set(Some(refusal(i, &e))),
            }
        });
    };
    view! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="return-title">
            <div class="dialog wide">
                <h2 id="return-title">{i.t("till-return-title")}</h2>
                <form class="search-row" on:submit=look>
                    <label for="return-number" class="visually-hidden">
                        {i.t("till-return-number")}
                    </label>
                    <input
                        id="return-number"
                        node_ref=field
                        autocomplete="off"
                        placeholder=i.t("till-return-number")
                        bind:value=number
                        data-testid="return-number"
                    />
                    <button type="submit" class="button">
                        {i.t("till-return-find")}
                    </button>
                </form>
                {move || {
                    error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="alert error" role="alert" data-testid="return-error">
                                    {e}
                                </p>
                            }
                        })
                }}
                {move || {
                    done.get()
                        .map(|r| {
                            view! {
                                <p class="alert notice" role="status" data-testid="return-done">
                                    {i
                                        .ta(
                                            "till-return-done",
                                            &[
                                                ("amount", i.money(r.refund_cents - r.rounding_cents)),
                                                ("tender", tender_name(i, r.tender)),
                                            ],
                                        )}
                                </p>
                            }
                        })
                }}
                {move || {
                    found.get().map(|r| view! { <ReturnForm receipt=r error=error done=done /> })
                }}
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| sale.close_panel()>
                        {i.t("till-done")}
                        " "
                        <kbd>"Esc"</kbd>
                    </button>
                </div>
            </div>
        </div>
    }
}

#[component]
fn ReturnForm(
    receipt: Receipt,
    error: RwSignal<Option<String>>,
    done: RwSignal<Option<ReturnReceipt>>,
) -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let backs: Vec<Back> = receipt
        .lines
        .iter()
        .map(|_| Back {
            quantity: RwSignal::new(String::new()),
            restock: RwSignal::new(true),
            reason: RwSignal::new(String::new()),
        })
        .collect();
    // The sale's own method: its first payment that is not cash, else cash.
    let original = receipt
        .payments
        .iter()
        .map(|p| p.tender)
        .find(|t| *t != Tender::Cash)
        .unwrap_or(Tender::Cash);
    // Refunded by the sale's own method: cash when the member paid some in cash.
    let paid_cash = receipt.payments.iter().any(|p| p.tender == Tender::Cash);
    let tender = RwSignal::new(if paid_cash { Tender::Cash } else { original });
    let sending = RwSignal::new(false);
    let approval = RwSignal::new(None::<ReturnApproval>);
    let needs_supervisor = RwSignal::new(false);
    let sale_id = receipt.id;
    let id = StoredValue::new(new_id());
    let all = backs.clone();
    let line_nos: Vec<u32> = receipt.lines.iter().map(|l| l.line_no).collect();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut lines = Vec::new();
        for (b, &line_no) in all.iter().zip(&line_nos) {
            let text = b.quantity.get_untracked();
            if text.trim().is_empty() {
                continue;
            }
            let Some(milli) = Decimal::from_str(&text.trim().replace(',', "."))
                .ok()
                .and_then(to_milli)
                .filter(|m| *m > 0)
            else {
                error.set(Some(i.t("error-bad-quantity")));
                return;
            };
            let restock = b.restock.get_untracked();
            lines.push(ReturnLineDraft {
                line_no,
                quantity_milli: milli,
                restock,
                loss_reason: (!restock).then(|| b.reason.get_untracked()),
            });
        }
        if lines.is_empty() {
            error.set(Some(i.t("till-return-nothing")));
            return;
        }
        let draft = ReturnDraft {
            id: id.get_value(),
            sale_id,
            session_id: sale.session.with_value(|s| s.id),
            tender: tender.get_untracked(),
            at_ms: now_ms(),
            lines,
            approval_id: approval.get_untracked().map(|a| a.id),
        };
        sending.set(true);
        leptos::task::spawn_local(async move {
            let sent = post_return(sale.link, draft).await;
            sending.set(false);
            match sent {
                Ok(Sent::Recorded(r)) => {
                    id.set_value(new_id());
                    approval.set(None);
                    needs_supervisor.set(false);
                    error.set(None);
                    done.set(Some(r));
                }
                Ok(Sent::Kept) => {
                    id.set_value(new_id());
                    sale.close_panel();
                    sale.say(i.t("till-return-kept"));
                }
                Err(e) => {
                    if needs_approval(&e) {
                        approval.set(None);
                        needs_supervisor.set(true);
                    }
                    error.set(Some(refusal(i, &e)))
                }
            }
        });
    };
    let rows = receipt
        .lines
        .iter()
        .zip(backs)
        .map(|(l, b)| {
            let sold = decimal_text(
                domain::till::from_milli(l.quantity_milli).normalize(),
                i.lang(),
            );
            let qid = format!("return-qty-{}", l.line_no);
            view! {
                <tr data-testid="return-line">
                    <td>{l.name.clone()}</td>
                    <td class="num">{sold}</td>
                    <td class="num">{i.money(l.total_cents)}</td>
                    <td>
                        <label for=qid.clone() class="visually-hidden">
                            {i.t("till-return-quantity")}
                        </label>
                        <input
                            id=qid
                            class="qty"
                            inputmode="decimal"
                            autocomplete="off"
                            bind:value=b.quantity
                            data-testid="return-quantity"
                        />
                    </td>
                    <td>
                        <label class="check">
                            <input type="checkbox" bind:checked=b.restock />
                            {i.t("till-return-restock")}
                        </label>
                        <Show when=move || !b.restock.get()>
                            <input
                                type="text"
                                placeholder=i.t("till-return-loss-reason")
                                bind:value=b.reason
                            />
                        </Show>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let tenders = if original == Tender::Cash {
        vec![Tender::Cash]
    } else {
        vec![Tender::Cash, original]
    };
    view! {
        <form class="return-form" on:submit=submit>
            <p>
                {i.ta("till-receipt-number", &[("number", receipt.receipt_number.to_string())])}
                " · " {super::receipt::local_time(receipt.sold_at_ms)} " · "
                {i.money(receipt.total_cents)}
            </p>
            <table class="list">
                <thead>
                    <tr>
                        <th>{i.t("till-col-product")}</th>
                        <th class="num">{i.t("till-return-sold")}</th>
                        <th class="num">{i.t("till-col-total")}</th>
                        <th>{i.t("till-return-quantity")}</th>
                        <th>{i.t("till-return-where")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <fieldset class="tenders">
                <legend>{i.t("till-return-refund")}</legend>
                {tenders
                    .into_iter()
                    .map(|t| {
                        view! {
                            <label class="check">
                                <input
                                    type="radio"
                                    name="tender"
                                    prop:checked=move || tender.get() == t
                                    on:change=move |_| tender.set(t)
                                />
                                {tender_name(i, t)}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            {move || {
                approval
                    .get()
                    .map(|a| {
                        view! {
                            <p class="alert notice" role="status" data-testid="return-approved">
                                {i.ta("till-overridden-by", &[("name", a.supervisor_name)])}
                            </p>
                        }
                    })
            }}
            <button
                type="submit"
                class="button primary"
                disabled=move || sending.get()
                data-testid="return-submit"
            >
                {i.t("till-return-submit")}
            </button>
        </form>
        <Show when=move || needs_supervisor.get() && approval.with(Option::is_none)>
            <Approve sale_id=sale_id approval=approval />
        </Show>
    }
}

/// Whether a refused return waits for a supervisor's approval (or a new one).
fn needs_approval(e: &AppError) -> bool {
    matches!(e, AppError::Invalid(errors) if errors.iter().any(|f| {
        matches!(f.reason, Reason::ReturnNeedsSupervisor)
            || (f.field == "approval" && matches!(f.reason, Reason::OverrideNotValid))
    }))
}

/// A supervisor approves the return: their own email and password, and why.
#[component]
fn Approve(sale_id: uuid::Uuid, approval: RwSignal<Option<ReturnApproval>>) -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let approve = ServerAction::<ApproveReturn>::new();
    let (email, password, reason) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        approve.dispatch(ApproveReturn {
            sale_id,
            email: email.get_untracked(),
            password: password.get_untracked(),
            reason: reason.get_untracked(),
        });
    };
    Effect::new(move |_| {
        if let Some(Ok(a)) = approve.value().get() {
            password.set(String::new());
            approval.set(Some(a));
        }
    });
    view! {
        <form class="override" on:submit=submit data-testid="return-approval">
            <h3>{i.t("till-return-approval-title")}</h3>
            <p class="hint">{i.t("till-override-hint")}</p>
            <SupervisorFields
                i=i
                email=email
                password=password
                reason=reason
                ids=["approval-email", "approval-password", "approval-reason"]
                test_ids=["approval-email", "approval-password", "approval-reason"]
            />
            {move || match approve.value().get() {
                Some(Err(e)) => {
                    Some(
                        view! {
                            <p class="alert error" role="alert" data-testid="approval-error">
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
                disabled=move || approve.pending().get()
                data-testid="approval-submit"
            >
                {i.t("till-return-approval-submit")}
            </button>
        </form>
    }
}
