//! The receipt, as recorded by the server: printed from the browser on 80 mm paper (the print
//! style sheet keeps only `.print-area`, on a page 80 mm wide), with its number as a barcode
//! to find it again for a return, the VAT per rate, the payments, cash rounding and change.

use super::basket::decimal_text;
use super::refusal;
use super::state::Sale;
use crate::api::till::email_receipt;
use crate::components::barcode::Barcode;
use crate::i18n::I18n;
use domain::till::sale::{receipt_barcode, Receipt};
use domain::till::{Tender, VatCents};
use leptos::html;
use leptos::prelude::*;

/// The time of a sale on the till's clock, `2026-11-24 14:05`.
pub fn local_time(ms: i64) -> String {
    #[cfg(feature = "hydrate")]
    {
        let d = web_sys::js_sys::Date::new(&web_sys::wasm_bindgen::JsValue::from_f64(ms as f64));
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes()
        )
    }
    #[cfg(not(feature = "hydrate"))]
    {
        chrono::DateTime::from_timestamp_millis(ms)
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default()
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    #[cfg(feature = "hydrate")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

pub fn tender_name(i: I18n, t: Tender) -> String {
    i.t(match t {
        Tender::Cash => "till-tender-cash",
        Tender::Card => "till-tender-card",
        Tender::MealVoucher => "till-tender-meal_voucher",
    })
}

/// A VAT rate as a percent: `6 %`.
pub fn rate(r: domain::till::VatRate) -> String {
    format!("{} %", r.percent().normalize())
}

#[component]
pub fn ReceiptPanel(receipt: Receipt) -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let next = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = next.get() {
            let _ = b.focus();
        }
    });
    let member = sale.shopper.get_untracked().map(|s| s.member_number);
    let number = receipt.receipt_number;
    let to = RwSignal::new(String::new());
    let mailed = RwSignal::new(None::<Result<(), String>>);
    let mail = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let address = to.get_untracked();
        leptos::task::spawn_local(async move {
            let sent = email_receipt(number, address.clone()).await;
            mailed.set(Some(match sent {
                Ok(()) => Ok(()),
                Err(e) => Err(refusal(i, &e)),
            }));
        });
    };
    view! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="receipt-title">
            <div class="dialog receipt-dialog">
                <h2 id="receipt-title" class="no-print">
                    {i.t("till-sale-recorded")}
                </h2>
                <ReceiptView receipt=receipt till=sale.till.get_value() member=member />
                <div class="actions no-print">
                    <button
                        type="button"
                        class="button primary big"
                        node_ref=next
                        on:click=move |_| sale.next_sale()
                        data-testid="next-sale"
                    >
                        {i.t("till-next-sale")}
                        " "
                        <kbd>"Enter"</kbd>
                    </button>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| print()
                        data-testid="print"
                    >
                        {i.t("till-print")}
                    </button>
                </div>
                <form class="search-row no-print mail-receipt" on:submit=mail>
                    <label for="receipt-email" class="visually-hidden">
                        {i.t("till-receipt-email")}
                    </label>
                    <input
                        id="receipt-email"
                        type="email"
                        autocomplete="off"
                        placeholder=i.t("till-receipt-email")
                        bind:value=to
                        data-testid="receipt-email"
                    />
                    <button type="submit" class="button">
                        {i.t("till-receipt-send")}
                    </button>
                </form>
                {move || {
                    mailed
                        .get()
                        .map(|r| match r {
                            Ok(()) => {
                                view! {
                                    <p
                                        class="alert notice no-print"
                                        role="status"
                                        data-testid="receipt-mailed"
                                    >
                                        {i.t("till-receipt-mailed")}
                                    </p>
                                }
                                    .into_any()
                            }
                            Err(e) => {
                                view! {
                                    <p class="alert error no-print" role="alert">
                                        {e}
                                    </p>
                                }
                                    .into_any()
                            }
                        })
                }}
            </div>
        </div>
    }
}

#[component]
pub fn ReceiptView(receipt: Receipt, till: String, member: Option<i64>) -> impl IntoView {
    let i = crate::i18n::use_i18n();
    let r = receipt;
    let code = receipt_barcode(r.receipt_number).unwrap_or_default();
    let lines = r
        .lines
        .iter()
        .map(|l| {
            let qty = decimal_text(
                domain::till::from_milli(l.quantity_milli).normalize(),
                i.lang(),
            );
            view! {
                <tr>
                    <td>
                        {l.name.clone()} <br />
                        <span class="muted">
                            {format!("{qty} × {}", i.money(l.unit_price_cents))}
                        </span>
                        {(l.discount_cents != 0)
                            .then(|| {
                                view! {
                                    <br />
                                    <span>
                                        {i
                                            .ta(
                                                "till-receipt-discount",
                                                &[("amount", i.money(-l.discount_cents))],
                                            )}
                                    </span>
                                }
                            })}
                        {(l.deposit_cents != 0)
                            .then(|| {
                                view! {
                                    <br />
                                    <span>
                                        {i
                                            .ta(
                                                "till-line-deposit",
                                                &[("amount", i.money(l.deposit_cents))],
                                            )}
                                    </span>
                                }
                            })}
                    </td>
                    <td class="num">{rate(l.vat_rate)}</td>
                    <td class="num">{i.money(l.total_cents)}</td>
                </tr>
            }
        })
        .collect_view();
    let payments = r
        .payments
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <td>{tender_name(i, p.tender)}</td>
                    <td class="num">{i.money(p.amount_cents)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <article
            class="receipt print-area"
            data-testid="receipt"
            data-number=r.receipt_number.to_string()
        >
            <header>
                <p class="receipt-coop">{i.t("app-name")}</p>
                <p>{till} " · " {local_time(r.sold_at_ms)}</p>
                <p>
                    <strong data-testid="receipt-number">
                        {i.ta("till-receipt-number", &[("number", r.receipt_number.to_string())])}
                    </strong>
                </p>
                {member
                    .map(|n| {
                        view! { <p>{i.ta("till-member-number", &[("number", n.to_string())])}</p> }
                    })}
                {r.overridden.then(|| view! { <p>{i.t("till-receipt-overridden")}</p> })}
            </header>
            <table class="receipt-lines">
                <tbody>{lines}</tbody>
            </table>
            <p class="receipt-total">
                <span>{i.t("till-total")}</span>
                <strong data-testid="receipt-total">{i.money(r.total_cents)}</strong>
            </p>
            {(r.discount_cents != 0)
                .then(|| {
                    view! {
                        <p class="receipt-row">
                            <span>{i.t("till-discounts")}</span>
                            <span>{i.money(r.discount_cents)}</span>
                        </p>
                    }
                })}
            <table class="receipt-payments">
                <tbody>
                    {payments}
                    {(r.rounding_cents != 0)
                        .then(|| {
                            view! {
                                <tr data-testid="receipt-rounding">
                                    <td>{i.t("till-rounding")}</td>
                                    <td class="num">{i.money(-r.rounding_cents)}</td>
                                </tr>
                            }
                        })}
                    {(r.change_cents != 0)
                        .then(|| {
                            view! {
                                <tr data-testid="receipt-change">
                                    <td>{i.t("till-change")}</td>
                                    <td class="num">{i.money(r.change_cents)}</td>
                                </tr>
                            }
                        })}
                </tbody>
            </table>
            <VatTable vat=r.vat.clone() />
            <Barcode code=code />
            <p class="receipt-thanks">{i.t("till-receipt-thanks")}</p>
        </article>
    }
}

/// The VAT per rate: net, VAT and gross, as receipts and reports print it.
#[component]
pub fn VatTable(vat: Vec<VatCents>) -> impl IntoView {
    let i = crate::i18n::use_i18n();
    let rows = vat
        .into_iter()
        .map(|v| {
            view! {
                <tr data-testid="vat-row">
                    <td>{rate(v.rate)}</td>
                    <td class="num">{i.money(v.net)}</td>
                    <td class="num">{i.money(v.vat)}</td>
                    <td class="num">{i.money(v.gross)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="receipt-vat">
            <thead>
                <tr>
                    <th>{i.t("till-vat-rate")}</th>
                    <th class="num">{i.t("till-vat-net")}</th>
                    <th class="num">{i.t("till-vat-vat")}</th>
                    <th class="num">{i.t("till-vat-gross")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
