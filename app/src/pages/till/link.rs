//! The till's link to the server while it sells.
//!
//! Every sale and return goes into the device's queue ([`super::store`]) before it is sent.
//! What the server has not acknowledged is sent again every few seconds, oldest first, until
//! it answers (but never while the till is still sending it: two sends at once of a sale
//! with a supervisor's override could see the override already used by the other); the
//! server records a sale once however often it comes (by its device-made id). A kept sale the server refuses when it comes back (say
//! the session was closed meanwhile) leaves the queue and is shown as refused.
//!
//! The link also keeps the device's copies current while the server answers: the catalogue's
//! changes and every member's status, once a minute. While it does not, the may-shop check
//! and the member search answer from the kept statuses, with their age. [`LinkStrip`] shows
//! how many sales wait and how old the copies are.

use super::device::{now_ms, Device};
use super::store::{self, Pending};
use crate::api::till::{member_statuses, post_return, post_sale};
use crate::error::AppError;
use crate::i18n::{use_i18n, I18n};
use domain::member::WorkRegime;
use domain::register::MemberSummary;
use domain::shifts::statuses::{SnapshotMember, StatusSnapshot};
use domain::till::sale::ShopperView;
use leptos::prelude::*;
use std::future::Future;
use uuid::Uuid;

/// How often what waits is sent again, in milliseconds.
pub const RESEND_MS: u64 = 3_000;
/// How often the catalogue and the statuses are refreshed while the server answers.
pub const REFRESH_MS: i64 = 60_000;

/// What became of a sale or return the till sent.
#[derive(Debug, Clone, PartialEq)]
pub enum Sent<T> {
    /// The server recorded it: its answer.
    Recorded(T),
    /// The server could not be reached: it is kept on the device and sent when it is back.
    Kept,
}

/// Whether an error says "later" (the server is unreachable, failed, or the cashier's
/// session needs renewing) rather than a refusal of what was sent.
pub fn try_later(e: &AppError) -> bool {
    matches!(
        e,
        AppError::Transport(_) | AppError::Internal | AppError::Unauthenticated
    )
}

/// The link's state, shared by the till's screens through the context.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    /// Sales and returns kept on the device that the server has not acknowledged.
    pub waiting: RwSignal<usize>,
    /// Kept sales and returns the server refused when they were resent: why.
    pub refused: RwSignal<Vec<String>>,
    /// Whether the last request reached the server.
    pub online: RwSignal<bool>,
    /// When the catalogue was last checked with the server (device clock).
    pub catalogue_at: RwSignal<Option<i64>>,
    /// When the server computed the kept statuses.
    pub statuses_at: RwSignal<Option<i64>>,
    /// Now, refreshed with every round, for the ages shown.
    pub now: RwSignal<i64>,
    statuses: StoredValue<Option<StatusSnapshot>>,
    device: StoredValue<Device>,
    busy: StoredValue<bool>,
    /// What [`Link::send_now`] is sending: the rounds leave it alone meanwhile.
    sending: StoredValue<Vec<Uuid>>,
    catalogue_asked: StoredValue<Option<i64>>,
    statuses_asked: StoredValue<Option<i64>>,
    i: I18n,
}

impl Link {
    /// The link of the till selling from `device`. In the browser it reads what the device
    /// kept, then sends and refreshes every [`RESEND_MS`] until the till's screen goes.
    pub fn start(device: StoredValue<Device>) -> Link {
        let link = Link {
            waiting: RwSignal::new(0),
            refused: RwSignal::new(Vec::new()),
            online: RwSignal::new(true),
            catalogue_at: RwSignal::new(None),
            statuses_at: RwSignal::new(None),
            now: RwSignal::new(now_ms()),
            statuses: StoredValue::new(None),
            device,
            busy: StoredValue::new(false),
            sending: StoredValue::new(Vec::new()),
            catalogue_asked: StoredValue::new(None),
            statuses_asked: StoredValue::new(None),
            i: use_i18n(),
        };
        Effect::new(move |_| {
            leptos::task::spawn_local(async move {
                link.restore().await;
                link.round().await;
            });
            let every = std::time::Duration::from_millis(RESEND_MS);
            if let Ok(h) =
                set_interval_with_handle(move || leptos::task::spawn_local(link.round()), every)
            {
                on_cleanup(move || h.clear());
            }
        });
        link
    }

    /// What the device kept from before: the statuses and the queue.
    async fn restore(self) {
        if let Some(s) = store::load_statuses().await {
            self.statuses_at.set(Some(s.computed_at_ms));
            self.statuses.set_value(Some(s));
        }
        self.recount().await;
    }

    async fn recount(self) {
        if let Ok(q) = store::queued().await {
            self.waiting.set(q.len());
        }
    }

    /// One round: send what waits, then refresh the copies that are due: the catalogue once
    /// the till has loaded it, the statuses from the start.
    async fn round(self) {
        if self.busy.get_value() {
            return;
        }
        self.busy.set_value(true);
        self.now.set(now_ms());
        self.flush().await;
        let now = now_ms();
        let due = |asked: Option<i64>| asked.is_none_or(|at| now - at >= REFRESH_MS);
        let loaded = self.device.with_value(|d| d.checked_at_ms());
        if self.catalogue_at.get_untracked().is_none() && loaded.is_some() {
            self.catalogue_at.set(loaded);
        }
        if loaded.is_some() && due(self.catalogue_asked.get_value()) {
            self.catalogue_asked.set_value(Some(now));
            match Device::refresh(self.device).await {
                Ok(at) => {
                    self.online.set(true);
                    self.catalogue_at.set(Some(at));
                }
                Err(e) => self.failed(&e),
            }
        }
        if due(self.statuses_asked.get_value()) {
            self.statuses_asked.set_value(Some(now));
            match member_statuses().await {
                Ok(s) => {
                    self.online.set(true);
                    self.statuses_at.set(Some(s.computed_at_ms));
                    let _ = store::save_statuses(&s).await;
                    self.statuses.set_value(Some(s));
                }
                Err(e) => self.failed(&e),
            }
        }
        self.busy.set_value(false);
    }

    /// A refresh that failed: the server is away if it says "later".
    fn failed(self, e: &AppError) {
        if try_later(e) {
            self.online.set(false);
        }
    }

    /// Sends what waits, oldest first; stops at the first "later".
    async fn flush(self) {
        let Ok(queue) = store::queued().await else {
            return;
        };
        for p in queue {
            if self.sending.with_value(|s| s.contains(&p.id())) {
                continue;
            }
            match send(p.clone()).await {
                Ok(()) => {
                    self.online.set(true);
                    let _ = store::dequeue(p.id()).await;
                }
                Err(e) if try_later(&e) => {
                    // Ask again now and then: the server may be back before the next sale.
                    self.online.set(false);
                    break;
                }
                Err(e) => self.refuse(&p, &e).await,
            }
        }
        self.recount().await;
    }

    async fn refuse(self, p: &Pending, e: &AppError) {
        let _ = store::dequeue(p.id()).await;
        let text = format!("{}: {}", p.id(), super::refusal(self.i, e));
        self.refused.update(|r| r.push(text));
    }

    /// Keeps `p` on the device, then sends it with `send`: recorded, kept for later, or
    /// refused (and then not kept).
    pub async fn send_now<T>(
        self,
        p: Pending,
        send: impl Future<Output = Result<T, AppError>>,
    ) -> Result<Sent<T>, AppError> {
        let id = p.id();
        self.sending.update_value(|s| s.push(id));
        let kept = store::enqueue(&p).await.is_ok();
        self.recount().await;
        let answer = send.await;
        self.sending.update_value(|s| s.retain(|x| *x != id));
        let outcome = match answer {
            Ok(r) => {
                self.online.set(true);
                Ok(Sent::Recorded(r))
            }
            Err(e) if try_later(&e) && kept => {
                self.online.set(false);
                return Ok(Sent::Kept);
            }
            Err(e) => Err(e),
        };
        let _ = store::dequeue(p.id()).await;
        self.recount().await;
        outcome
    }

    /// Whether the device keeps member statuses.
    pub fn has_statuses(&self) -> bool {
        self.statuses.with_value(Option::is_some)
    }

    /// The member of a card (or with this id) by the kept statuses, for when the server
    /// cannot be reached (`unreachable` says why). Errors: `NotFound` for a card or member
    /// the kept statuses do not know; `unreachable` when the device keeps no statuses.
    pub fn kept_shopper(
        &self,
        card: Option<&str>,
        member_id: Option<Uuid>,
        unreachable: AppError,
    ) -> Result<ShopperView, AppError> {
        self.statuses.with_value(|s| {
            let s = s.as_ref().ok_or(unreachable)?;
            let m = match (card, member_id) {
                (Some(c), _) => s.by_card(c),
                (None, Some(id)) => s.by_id(id),
                (None, None) => None,
            };
            m.map(view_of).ok_or(AppError::NotFound)
        })
    }

    /// A member's name with the age of the kept statuses their answer came from.
    pub fn kept_note(&self, name: &str) -> String {
        let minutes = self.statuses_age().unwrap_or(0).to_string();
        format!(
            "{name} · {}",
            self.i.ta("till-member-kept", &[("minutes", minutes)])
        )
    }

    /// Members by number or name from the kept statuses, for when the server cannot be
    /// reached.
    pub fn kept_find(&self, query: &str, limit: usize) -> Vec<MemberSummary> {
        self.statuses.with_value(|s| {
            s.as_ref()
                .map(|s| s.find(query, limit).into_iter().map(summary_of).collect())
                .unwrap_or_default()
        })
    }

    /// How old the kept statuses are, in whole minutes, if the device has them.
    pub fn statuses_age(&self) -> Option<i64> {
        self.statuses_at
            .get_untracked()
            .map(|at| minutes(now_ms() - at))
    }
}

/// Sends a kept sale or return again; the server answers the same receipt if it has it.
async fn send(p: Pending) -> Result<(), AppError> {
    match p {
        Pending::Sale(d) => post_sale(d).await.map(|_| ()),
        Pending::Return(d) => post_return(d).await.map(|_| ()),
    }
}

fn minutes(ms: i64) -> i64 {
    ms.max(0) / 60_000
}

fn view_of(m: &SnapshotMember) -> ShopperView {
    ShopperView {
        member_id: m.member_id,
        member_number: m.member_number,
        name: m.name.clone(),
        may_shop: m.may_shop,
        status: m.status,
        reason: None,
    }
}

fn summary_of(m: &SnapshotMember) -> MemberSummary {
    let (first, last) = m.name.split_once(' ').unwrap_or((&m.name, ""));
    MemberSummary {
        id: m.member_id,
        member_number: m.member_number,
        first_name: first.to_string(),
        last_name: last.to_string(),
        email: String::new(),
        card_barcode: m.cards.first().cloned().unwrap_or_default(),
        work_regime: WorkRegime::default(),
        leaving_date: None,
    }
}

/// How many sales wait, whether the server answers, and how old the device's copies are.
#[component]
pub fn LinkStrip() -> impl IntoView {
    let link = expect_context::<Link>();
    let i = use_i18n();
    let age = move |at: Option<i64>| at.map(|at| minutes(link.now.get() - at).to_string());
    view! {
        <p class="till-link" data-testid="till-link">
            <span
                class="till-waiting"
                class:warn=move || link.waiting.get() != 0
                data-testid="till-waiting"
                data-count=move || link.waiting.get().to_string()
            >
                {move || i.ta("till-waiting", &[("count", link.waiting.get().to_string())])}
            </span>
            {move || {
                (!link.online.get())
                    .then(|| {
                        view! {
                            <span class="till-offline" role="status" data-testid="till-offline">
                                {i.t("till-offline")}
                            </span>
                        }
                    })
            }}
            <span data-testid="till-catalogue-age">
                {move || match age(link.catalogue_at.get()) {
                    Some(m) => i.ta("till-catalogue-age", &[("minutes", m)]),
                    None => i.t("till-catalogue-unchecked"),
                }}
            </span>
            <span data-testid="till-statuses-age">
                {move || match age(link.statuses_at.get()) {
                    Some(m) => i.ta("till-statuses-age", &[("minutes", m)]),
                    None => i.t("till-statuses-none"),
                }}
            </span>
            {move || {
                let refused = link.refused.get();
                (!refused.is_empty())
                    .then(|| {
                        view! {
                            <span
                                class="till-refused"
                                role="alert"
                                title=refused.join("\n")
                                data-testid="till-refused"
                            >
                                {i.ta("till-kept-refused", &[("count", refused.len().to_string())])}
                            </span>
                        }
                    })
            }}
        </p>
    }
}
