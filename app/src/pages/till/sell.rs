//! The sale on the till: the scan field (it keeps the focus), the basket's lines, the member,
//! the totals and the buttons, each with its keyboard shortcut; the panels open over it.
//!
//! The scan field reads what is typed when its Enter arrives, clears itself at once and
//! handles the code there and then (no network: see [`super::device`]), so a scanner's burst
//! of codes never loses or merges one. In the field, with nothing typed:
//! `+`/`-` change the selected line's quantity, Delete removes it, the arrows choose a line
//! (or a search result). Typed then Enter: digits are a code; `2.5*` sets the selected line's
//! quantity; `10%` its discount; anything else searches products by name.

use super::basket::quantity_text;
use super::device::{Device, Found, NotFound};
use super::focus_on_mount;
use super::state::{Panel, Sale, Stage};
use super::{drawer, member, pay, receipt, returns};
use crate::i18n::use_i18n;
use domain::till::drawer::DrawerSession;
use domain::till::{Line, LineId, LineKind};
use leptos::html;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

/// How many search results are shown.
const FOUND_MAX: usize = 12;

/// The scan field's reading of what is typed: it lives with the field, the sale it changes
/// in [`super::state`].
impl Sale {
    /// What the scan field holds when its Enter arrives.
    fn enter(&self, text: &str) {
        let text = text.trim();
        let i = self.i;
        if text.is_empty() {
            let chosen = self
                .found
                .with_untracked(|f| f.get(self.highlighted.get_untracked()).cloned());
            if let Some(p) = chosen {
                self.found.set(vec![]);
                self.add(&p, None);
            }
            return;
        }
        if text.bytes().all(|b| b.is_ascii_digit()) {
            self.scanned(text);
        } else if let Some(q) = text.strip_suffix('*') {
            match parse_decimal(q) {
                Some(q) => self.change_selected(|b, id| b.set_quantity(id, q)),
                None => self.warn(i.t("till-bad-number")),
            }
        } else if let Some(p) = text.strip_suffix('%') {
            match parse_decimal(p) {
                Some(p) => self.set_discount(p),
                None => self.warn(i.t("till-bad-number")),
            }
        } else {
            let found = self.device.with_value(|d| d.search(text, FOUND_MAX));
            if found.is_empty() {
                self.warn(i.ta("till-search-none", &[("query", text.to_string())]));
            } else {
                self.notice.set(None);
            }
            self.highlighted.set(0);
            self.found.set(found);
        }
    }

    /// A scanned code: an item goes in the basket, a card identifies the member.
    fn scanned(&self, code: &str) {
        let i = self.i;
        match self.device.with_value(|d| d.look_up(code)) {
            Ok(Found::Item(scan, product)) => self.add(&product, Some(&scan)),
            Ok(Found::MemberCard(card)) => self.identify(Some(card), None),
            Ok(Found::Badge) => self.warn(i.t("till-badge")),
            Err(NotFound::UnknownBarcode) => {
                self.warn(i.ta("till-unknown-code", &[("code", code.to_string())]))
            }
            Err(NotFound::Unreadable(_)) => {
                self.warn(i.ta("till-misread", &[("code", code.to_string())]))
            }
        }
    }

    /// The keys of the scan field.
    fn key(&self, ev: &leptos::ev::KeyboardEvent) {
        let input: leptos::web_sys::HtmlInputElement = event_target(ev);
        let text = input.value();
        let searching = self.found.with_untracked(|f| !f.is_empty());
        match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                input.set_value("");
                self.enter(&text);
            }
            "ArrowDown" | "ArrowUp" => {
                ev.prevent_default();
                let down = ev.key() == "ArrowDown";
                if searching {
                    let n = self.found.with_untracked(Vec::len);
                    self.highlighted.update(|h| {
                        *h = if down {
                            (*h + 1).min(n - 1)
                        } else {
                            h.saturating_sub(1)
                        }
                    });
                } else {
                    self.move_selection(down);
                }
            }
            "+" | "-" if text.is_empty() => {
                ev.prevent_default();
                let one = if ev.key() == "+" {
                    Decimal::ONE
                } else {
                    -Decimal::ONE
                };
                self.step(one);
            }
            "Delete" if text.is_empty() => {
                ev.prevent_default();
                if let Some(id) = self.current_line() {
                    self.remove(id);
                }
            }
            "Escape" => {
                input.set_value("");
                self.found.set(vec![]);
            }
            _ => {}
        }
    }
}

/// Reads `2.5` or `2,5`.
fn parse_decimal(s: &str) -> Option<Decimal> {
    Decimal::from_str(&s.trim().replace(',', ".")).ok()
}

/// The shortcuts: (key, what it opens).
const KEYS: [(&str, &str); 6] = [
    ("F2", "member"),
    ("F3", "search"),
    ("F4", "pay"),
    ("F7", "return"),
    ("F8", "cash"),
    ("F9", "report"),
];

#[component]
pub fn SellScreen(
    session: DrawerSession,
    till: String,
    device: StoredValue<Device>,
    stage: RwSignal<Stage>,
) -> impl IntoView {
    let i = use_i18n();
    let sale = Sale::new(session, till.clone(), device, stage);
    provide_context(sale);
    let open = move |key: &str| {
        let may_pay = untrack(move || sale.may_pay());
        match key {
            "member" => sale.panel.set(Panel::Member),
            "search" => {
                sale.panel.set(Panel::None);
                sale.focus_scan();
            }
            "pay" if may_pay => sale.panel.set(Panel::Pay),
            "pay" => sale.warn(
                i.t(if sale.basket.with_untracked(|b| b.lines().is_empty()) {
                    "till-pay-empty"
                } else {
                    "till-pay-member"
                }),
            ),
            "return" => sale.panel.set(Panel::Return),
            "cash" => sale.panel.set(Panel::Cash),
            "report" => sale.panel.set(Panel::Report),
            _ => {}
        }
    };
    // The shortcuts work wherever the focus is; typing outside a field goes to the scan field.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let key = ev.key();
        if let Some((_, what)) = KEYS.iter().find(|(k, _)| *k == key) {
            ev.prevent_default();
            if !matches!(sale.panel.get_untracked(), Panel::Receipt(_)) || *what != "pay" {
                open(what);
            }
            return;
        }
        let panel = sale.panel.get_untracked();
        if key == "Escape" && panel != Panel::None {
            ev.prevent_default();
            if let Panel::Receipt(_) = panel {
                sale.next_sale();
            } else {
                sale.close_panel();
            }
            return;
        }
        if panel == Panel::None && key.chars().count() == 1 && !in_a_field() {
            sale.focus_scan();
        }
    });
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        if sale.panel.get() == Panel::None {
            sale.focus_scan();
        }
    });
    let lines = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        sale.basket.track();
        if let Some(div) = lines.get() {
            div.set_scroll_top(div.scroll_height());
        }
    });
    view! {
        <div class="sell" data-testid="sell">
            <div class="sell-main">
                <div class="scan-row">
                    <label for="scan" class="visually-hidden">
                        {i.t("till-scan-label")}
                    </label>
                    <input
                        id="scan"
                        class="scan"
                        node_ref=sale.scan
                        type="text"
                        autocomplete="off"
                        autofocus=true
                        placeholder=i.t("till-scan-placeholder")
                        data-testid="scan"
                        on:keydown=move |ev| sale.key(&ev)
                    />
                </div>
                {move || {
                    sale.notice
                        .get()
                        .map(|n| {
                            view! {
                                <p
                                    class=if n.error { "till-notice error" } else { "till-notice" }
                                    role=if n.error { "alert" } else { "status" }
                                    data-testid="till-notice"
                                >
                                    {n.text}
                                </p>
                            }
                        })
                }}
                <Found />
                <div class="lines" node_ref=lines>
                    <table class="basket" data-testid="basket">
                        <thead>
                            <tr>
                                <th>{i.t("till-col-product")}</th>
                                <th class="num">{i.t("till-col-quantity")}</th>
                                <th class="num">{i.t("till-col-price")}</th>
                                <th class="num">{i.t("till-col-total")}</th>
                                <th>
                                    <span class="visually-hidden">{i.t("till-col-actions")}</span>
                                </th>
                            </tr>
                        </thead>
                        <tbody>
                            // Keyed by what a row shows, so a scan adds one row and a change
                            // redraws one row.
                            <For
                                each=move || sale.basket.with(|b| b.lines().to_vec())
                                key=|l| (l.id, l.quantity, l.discount_percent)
                                let:line
                            >
                                <LineRow line=line />
                            </For>
                        </tbody>
                    </table>
                    {move || {
                        sale.basket
                            .with(|b| b.lines().is_empty())
                            .then(|| {
                                view! { <p class="muted empty-basket">{i.t("till-empty")}</p> }
                            })
                    }}
                </div>
                <p class="hint keys-hint">{i.t("till-keys-hint")}</p>
            </div>
            <aside class="sell-side">
                <p class="till-name">
                    {till} " · "
                    {move || {
                        i.ta(
                            "till-catalogue-size",
                            &[("count", device.with_value(|d| d.len()).to_string())],
                        )
                    }}
                </p>
                <super::link::LinkStrip />
                <member::MemberBox />
                <Totals />
                <div class="till-keys">
                    {KEYS
                        .iter()
                        .map(|(key, what)| {
                            let what = *what;
                            let primary = what == "pay";
                            view! {
                                <button
                                    type="button"
                                    class="button till-key"
                                    class:primary=primary
                                    data-testid=format!("key-{what}")
                                    disabled=move || primary && !sale.may_pay()
                                    on:click=move |_| open(what)
                                >
                                    <span>{i.t(&format!("till-key-{what}"))}</span>
                                    <kbd>{*key}</kbd>
                                </button>
                            }
                        })
                        .collect_view()}
                    <button
                        type="button"
                        class="button till-key danger"
                        data-testid="key-void"
                        on:click=move |_| sale.next_sale()
                    >
                        <span>{i.t("till-key-void")}</span>
                    </button>
                </div>
            </aside>
            {move || match sale.panel.get() {
                Panel::None => None,
                Panel::Member => Some(view! { <member::MemberPanel /> }.into_any()),
                Panel::Pay => Some(view! { <pay::PayPanel /> }.into_any()),
                Panel::Receipt(r) => Some(view! { <receipt::ReceiptPanel receipt=*r /> }.into_any()),
                Panel::Return => Some(view! { <returns::ReturnPanel /> }.into_any()),
                Panel::Cash => Some(view! { <drawer::CashPanel /> }.into_any()),
                Panel::Report => Some(view! { <drawer::ReportPanel /> }.into_any()),
                Panel::Discount(id) => Some(view! { <DiscountPanel line=id /> }.into_any()),
            }}
        </div>
    }
}

/// Whether the focus is in a form field (typing there is not for the scan field).
fn in_a_field() -> bool {
    #[cfg(feature = "hydrate")]
    {
        let tag = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .map(|e| e.tag_name())
            .unwrap_or_default();
        matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
    }
    #[cfg(not(feature = "hydrate"))]
    {
        false
    }
}

/// Products found by name: Enter (or a click) adds the highlighted one.
#[component]
fn Found() -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    move || {
        let found = sale.found.get();
        (!found.is_empty()).then(|| {
            let items = found
                .into_iter()
                .enumerate()
                .map(|(n, p)| {
                    let chosen = move || sale.highlighted.get() == n;
                    let price = i.money(p.price_cents);
                    let unit = i.t(&format!("till-per-{}", p.unit.as_str()));
                    let name = p.name.clone();
                    view! {
                        <li>
                            <button
                                type="button"
                                class="found-item"
                                class:chosen=chosen
                                data-testid="found-item"
                                on:click=move |_| {
                                    sale.found.set(vec![]);
                                    sale.add(&p, None);
                                    sale.focus_scan();
                                }
                            >
                                <span>{name}</span>
                                <span class="muted">{price} " " {unit}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="found">
                    <p class="hint">{i.t("till-found-hint")}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

#[component]
fn LineRow(line: Line) -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let id = line.id;
    let selected = move || sale.selected.get() == Some(id);
    let kind = match line.kind {
        LineKind::Plain => "plain",
        LineKind::Weighed => "weighed",
        LineKind::PriceEmbedded { .. } => "price_embedded",
    };
    let cents = |d: Decimal| domain::money::to_cents(d).unwrap_or(0);
    let discount = (!line.discount_percent.is_zero()).then(|| {
        view! {
            <span class="line-discount">
                {i
                    .ta(
                        "till-line-discount",
                        &[
                            ("percent", line.discount_percent.normalize().to_string()),
                            ("amount", i.money(cents(line.discount()))),
                        ],
                    )}
            </span>
        }
    });
    let deposit = (!line.deposit().is_zero()).then(|| {
        view! {
            <span class="line-deposit">
                {i.ta("till-line-deposit", &[("amount", i.money(cents(line.deposit())))])}
            </span>
        }
    });
    let plain = line.kind == LineKind::Plain;
    view! {
        <tr
            class="line"
            class:selected=selected
            data-testid="line"
            data-kind=kind
            on:click=move |_| {
                sale.selected.set(Some(id));
                sale.focus_scan();
            }
        >
            <td>
                <span class="line-name">{line.product.name.clone()}</span>
                {discount}
                {deposit}
            </td>
            <td class="num" data-testid="line-quantity">
                {quantity_text(line.quantity, line.product.unit, i.lang())}
            </td>
            <td class="num">{i.money(cents(line.product.unit_price))}</td>
            <td class="num line-total" data-testid="line-total">
                {i.money(cents(line.total()))}
            </td>
            <td class="line-actions">
                <button
                    type="button"
                    class="mini"
                    title=i.t("till-less")
                    aria-label=i.t("till-less")
                    disabled=!plain
                    on:click=move |ev| {
                        ev.stop_propagation();
                        sale.selected.set(Some(id));
                        sale.step(-Decimal::ONE);
                        sale.focus_scan();
                    }
                >
                    "−"
                </button>
                <button
                    type="button"
                    class="mini"
                    title=i.t("till-more")
                    aria-label=i.t("till-more")
                    disabled=!plain
                    on:click=move |ev| {
                        ev.stop_propagation();
                        sale.selected.set(Some(id));
                        sale.step(Decimal::ONE);
                        sale.focus_scan();
                    }
                >
                    "+"
                </button>
                <button
                    type="button"
                    class="mini"
                    title=i.t("till-discount")
                    aria-label=i.t("till-discount")
                    on:click=move |ev| {
                        ev.stop_propagation();
                        sale.selected.set(Some(id));
                        sale.panel.set(Panel::Discount(id));
                    }
                >
                    "%"
                </button>
                <button
                    type="button"
                    class="mini danger"
                    title=i.t("till-remove")
                    aria-label=i.t("till-remove")
                    data-testid="line-remove"
                    on:click=move |ev| {
                        ev.stop_propagation();
                        sale.remove(id);
                        sale.focus_scan();
                    }
                >
                    "✕"
                </button>
            </td>
        </tr>
    }
}

/// The sale's totals: what to pay, and what meal vouchers may pay.
#[component]
fn Totals() -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let cents = |d: Decimal| domain::money::to_cents(d).unwrap_or(0);
    view! {
        <dl class="totals">
            <dt>{i.t("till-items")}</dt>
            <dd data-testid="item-count">{move || sale.basket.with(|b| b.lines().len())}</dd>
            <dt>{i.t("till-discounts")}</dt>
            <dd>{move || i.money(sale.basket.with(|b| cents(b.discount_total())))}</dd>
            <dt>{i.t("till-meal-voucher-eligible")}</dt>
            <dd>{move || i.money(sale.basket.with(|b| cents(b.meal_voucher_total())))}</dd>
            <dt class="grand">{i.t("till-total")}</dt>
            <dd class="grand" data-testid="total">
                {move || i.money(sale.basket.with(|b| cents(b.total())))}
            </dd>
        </dl>
    }
}

/// A line's discount in percent, up to the cashier's limit: a larger one is flagged as it is
/// typed and cannot be applied.
#[component]
fn DiscountPanel(line: LineId) -> impl IntoView {
    let sale = expect_context::<Sale>();
    let i = sale.i;
    let percent = RwSignal::new(String::new());
    let field = NodeRef::<html::Input>::new();
    focus_on_mount(field);
    let refused = Memo::new(move |_| {
        percent
            .with(|p| parse_decimal(p))
            .and_then(|p| sale.discount_refusal(p))
    });
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if refused.get_untracked().is_some() {
            return;
        }
        match parse_decimal(&percent.get_untracked()) {
            Some(p) => {
                sale.selected.set(Some(line));
                sale.set_discount(p);
                sale.close_panel();
            }
            None => sale.warn(i.t("till-bad-number")),
        }
    };
    let hint = i.ta(
        "till-discount-hint",
        &[("max", sale.max_discount.to_string())],
    );
    view! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="discount-title">
            <form class="dialog small" on:submit=apply>
                <h2 id="discount-title">{i.t("till-discount-title")}</h2>
                <div class="field" class:invalid=move || refused.get().is_some()>
                    <label for="discount">{i.t("till-discount-label")}</label>
                    <input
                        id="discount"
                        node_ref=field
                        inputmode="decimal"
                        bind:value=percent
                        aria-invalid=move || refused.get().is_some().to_string()
                        aria-describedby="discount-hint"
                    />
                    <p class="hint" id="discount-hint">
                        {hint}
                    </p>
                    {move || {
                        refused
                            .get()
                            .map(|e| {
                                view! {
                                    <p
                                        class="field-error"
                                        role="alert"
                                        data-testid="discount-refused"
                                    >
                                        {e}
                                    </p>
                                }
                            })
                    }}
                </div>
                <div class="actions">
                    <button
                        type="submit"
                        class="button primary"
                        disabled=move || refused.get().is_some()
                    >
                        {i.t("till-discount-apply")}
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
