//! The cashier's till, made for a desktop or tablet (1280x800) with a USB barcode scanner: a
//! scanner is a keyboard that types the digits then Enter, very fast, so the scan field keeps
//! the focus, reads each code as its Enter arrives, and never waits for the network.
//!
//! One file a screen or panel:
//! - [`open`]: pick a till, count the float by denomination, open the drawer session (or carry
//!   on with the session open on that till);
//! - [`state`]: where the till is, and the sale being rung up (its basket, member, panel and
//!   notice), which the sale screen shares with its panels: they depend on it, not on each
//!   other;
//! - [`sell`]: the sale: scan, search, quantities, discounts, the member, payment, receipt;
//! - [`member`]: who is shopping and whether they may, and a supervisor's override;
//! - [`supervisor`]: a supervisor's email, password and reason, for overrides and returns;
//! - [`pay`]: cash, card, meal vouchers and splits, cash rounding, change;
//! - [`receipt`]: the 80 mm receipt, printed from the browser;
//! - [`returns`]: goods back against a receipt;
//! - [`drawer`]: cash in and out, the X report, closing with the counted drawer and the Z
//!   report;
//! - [`count`]: counting the drawer by denomination (opening and closing);
//! - [`device`]: the catalogue held in the browser and the sales sent from it;
//! - [`basket`]: from the basket on screen to the sale the server receives;
//! - [`store`]: what the device keeps in IndexedDB (catalogue, member statuses, the queue);
//! - [`link`]: the queue sent again until the server answers, the copies kept current, and
//!   the strip showing what waits and how old the copies are;
//! - [`keep`]: the till's page and code kept on the device, so a reload opens it offline.

pub mod basket;
pub mod count;
pub mod device;
pub mod drawer;
pub mod keep;
pub mod link;
pub mod member;
pub mod open;
pub mod pay;
pub mod receipt;
pub mod returns;
pub mod sell;
pub mod state;
pub mod store;
pub mod supervisor;

use crate::api::till::CASHIERS;
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use device::Device;
use leptos::prelude::*;
use state::Stage;

#[component]
pub fn TillPage() -> impl IntoView {
    view! {
        <Guard roles=CASHIERS>
            <TillApp />
        </Guard>
    }
}

#[component]
fn TillApp() -> impl IntoView {
    let i = use_i18n();
    keep::keep_till_on_device();
    let stage = RwSignal::new(Stage::Open);
    let device = StoredValue::new(Device::default());
    provide_context(link::Link::start(device));
    let loaded = RwSignal::new(0usize);
    let error = RwSignal::new(None::<String>);
    // Loads the catalogue once the session is open, then sells.
    Effect::new(move |_| {
        if let Stage::Loading { session, till } = stage.get() {
            leptos::task::spawn_local(async move {
                match Device::load(move |n| loaded.set(n)).await {
                    Ok(d) => {
                        device.set_value(d);
                        stage.set(Stage::Selling { session, till });
                    }
                    Err(e) => error.set(Some(i.error(&e))),
                }
            });
        }
    });
    view! {
        <section class="till" data-testid="till">
            {move || match stage.get() {
                Stage::Open => view! { <open::OpenTill stage=stage /> }.into_any(),
                Stage::Loading { till, .. } => {
                    view! {
                        <div class="till-loading" role="status">
                            <h1>{till}</h1>
                            <p>
                                {move || {
                                    i.ta("till-loading", &[("count", loaded.get().to_string())])
                                }}
                            </p>
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
                        </div>
                    }
                        .into_any()
                }
                Stage::Selling { session, till } => {
                    view! {
                        <sell::SellScreen session=session till=till device=device stage=stage />
                    }
                        .into_any()
                }
                Stage::Closed { z, till } => {
                    view! { <drawer::ClosedScreen z=*z till=till stage=stage /> }.into_any()
                }
            }}
        </section>
    }
}

/// The message of a refusal: each field's reason (e.g. "the member may not shop"), else the
/// general message.
pub fn refusal(i: crate::i18n::I18n, e: &crate::error::AppError) -> String {
    match e {
        crate::error::AppError::Invalid(errors) if !errors.is_empty() => errors
            .iter()
            .map(|f| i.reason(&f.reason))
            .collect::<Vec<_>>()
            .join(" "),
        other => i.error(other),
    }
}

/// Puts the focus in a panel's first field once it is on screen.
pub fn focus_on_mount(field: NodeRef<leptos::html::Input>) {
    Effect::new(move |_| {
        if let Some(f) = field.get() {
            let _ = f.focus();
        }
    });
}
