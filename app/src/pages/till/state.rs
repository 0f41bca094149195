//! The till's state, shared by its screens: where the till is ([`Stage`]) and, while it sells,
//! the sale being rung up ([`Sale`]): the basket and its selected line, the member and a
//! supervisor's override, the panel open over the sale and the notice under the scan field,
//! with the device's catalogue and the link to the server (the queue, the kept statuses).
//!
//! The till page holds the stage; the sale screen ([`super::sell`]) makes the sale and puts it
//! in the context, where its panels (member, pay, receipt, returns, drawer) read and change it.
//! This module imports none of those screens, so each screen depends on the state and not on
//! the others.

use super::device::{new_id, Device};
use super::link::{try_later, Link};
use crate::api::till::shopper;
use crate::i18n::{use_i18n, I18n};
use domain::till::catalogue::CatalogueProduct;
use domain::till::drawer::{DrawerSession, ZReport};
use domain::till::sale::{max_discount_percent, GrantedOverride, Receipt, ShopperView};
use domain::till::{Basket, BasketError, LineId, Scan};
use domain::validation::Reason;
use leptos::html;
use leptos::prelude::*;
use rust_decimal::Decimal;
use uuid::Uuid;

/// Where the till is: choosing a till and opening its session, loading the catalogue,
/// selling, or closed with its Z report.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    Open,
    Loading {
        session: DrawerSession,
        till: String,
    },
    Selling {
        session: DrawerSession,
        till: String,
    },
    Closed {
        z: Box<ZReport>,
        till: String,
    },
}

/// The panel open over the sale, if any.
#[derive(Debug, Clone, PartialEq)]
pub enum Panel {
    None,
    Member,
    Pay,
    Receipt(Box<Receipt>),
    Return,
    Cash,
    Report,
    Discount(LineId),
}

/// A message under the scan field: what was just done, or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

/// The till while it sells, shared with its panels through the context.
#[derive(Clone, Copy)]
pub struct Sale {
    pub session: StoredValue<DrawerSession>,
    pub till: StoredValue<String>,
    pub device: StoredValue<Device>,
    /// The link to the server: the queue, the kept member statuses.
    pub link: Link,
    pub basket: RwSignal<Basket>,
    pub selected: RwSignal<Option<LineId>>,
    pub shopper: RwSignal<Option<ShopperView>>,
    pub granted: RwSignal<Option<GrantedOverride>>,
    pub panel: RwSignal<Panel>,
    pub notice: RwSignal<Option<Notice>>,
    pub found: RwSignal<Vec<CatalogueProduct>>,
    pub highlighted: RwSignal<usize>,
    /// The id of the sale being rung up, made on the device; the same if it is sent again.
    pub sale_id: RwSignal<Uuid>,
    /// The catalogue version of the device's copy when this sale started: its prices are that
    /// copy's or newer ones (the server holds the till to them).
    pub catalogue_version: StoredValue<i64>,
    pub scan: NodeRef<html::Input>,
    pub stage: RwSignal<Stage>,
    /// The largest line discount the signed-in cashier may give, in percent (the server's
    /// rule: [`max_discount_percent`]).
    pub max_discount: u32,
    pub i: I18n,
}

impl Sale {
    /// The state of a new sale on the till's open `session`, for the signed-in cashier.
    pub fn new(
        session: DrawerSession,
        till: String,
        device: StoredValue<Device>,
        stage: RwSignal<Stage>,
    ) -> Self {
        Sale {
            session: StoredValue::new(session),
            till: StoredValue::new(till),
            device,
            link: expect_context::<Link>(),
            basket: RwSignal::new(Basket::default()),
            selected: RwSignal::new(None),
            shopper: RwSignal::new(None),
            granted: RwSignal::new(None),
            panel: RwSignal::new(Panel::None),
            notice: RwSignal::new(None),
            found: RwSignal::new(vec![]),
            highlighted: RwSignal::new(0),
            sale_id: RwSignal::new(new_id()),
            catalogue_version: StoredValue::new(device.with_value(|d| d.version)),
            scan: NodeRef::new(),
            stage,
            max_discount: use_context::<crate::Session>()
                .and_then(|s| s.viewer)
                .map_or(domain::till::sale::CASHIER_MAX_DISCOUNT_PERCENT, |v| {
                    max_discount_percent(&v)
                }),
            i: use_i18n(),
        }
    }

    pub fn say(&self, text: String) {
        self.notice.set(Some(Notice { error: false, text }));
    }

    pub fn warn(&self, text: String) {
        self.notice.set(Some(Notice { error: true, text }));
    }

    /// Puts the focus back in the scan field (when no panel is open).
    pub fn focus_scan(&self) {
        if self.panel.get_untracked() == Panel::None {
            if let Some(input) = self.scan.get_untracked() {
                let _ = input.focus();
            }
        }
    }

    pub fn close_panel(&self) {
        self.panel.set(Panel::None);
        self.focus_scan();
    }

    /// Whether the sale can be paid: lines, and a member who may shop (or an override).
    pub fn may_pay(&self) -> bool {
        let has_lines = self.basket.with(|b| !b.lines().is_empty());
        has_lines && self.shopper_cleared()
    }

    /// A member is identified and may shop, or a supervisor overrode for them.
    pub fn shopper_cleared(&self) -> bool {
        match self.shopper.get() {
            Some(s) if s.may_shop => true,
            Some(s) => self
                .granted
                .with(|g| g.as_ref().is_some_and(|g| g.member_id == s.member_id)),
            None => false,
        }
    }

    /// Starts the next sale: an empty basket, no member, a new id.
    pub fn next_sale(&self) {
        self.basket.set(Basket::default());
        self.selected.set(None);
        self.shopper.set(None);
        self.granted.set(None);
        self.found.set(vec![]);
        self.sale_id.set(new_id());
        self.catalogue_version
            .set_value(self.device.with_value(|d| d.version));
        self.notice.set(None);
        self.close_panel();
    }

    /// Adds a product: one piece, or what the scale label says.
    pub fn add(&self, p: &CatalogueProduct, scan: Option<&Scan>) {
        let product = p.for_sale(p.price_cents);
        let mut result = Ok(LineId(0));
        self.basket.update(|b| {
            result = match scan {
                Some(scan) => b.add_scanned(&product, scan),
                None => b.add(&product, Decimal::ONE),
            }
        });
        match result {
            Ok(id) => {
                self.selected.set(Some(id));
                self.say(p.name.clone());
            }
            Err(e) => self.warn(basket_error(self.i, &e)),
        }
    }

    /// Changes the selected line (the last one if none is selected).
    pub fn change_selected(
        &self,
        change: impl FnOnce(&mut Basket, LineId) -> Result<(), BasketError>,
    ) {
        let Some(id) = self.current_line() else {
            self.warn(self.i.t("till-no-line"));
            return;
        };
        let mut result = Ok(());
        self.basket.update(|b| {
            let mut copy = b.clone();
            result = change(&mut copy, id);
            if result.is_ok() {
                *b = copy;
            }
        });
        match result {
            Ok(()) => self.notice.set(None),
            Err(e) => self.warn(basket_error(self.i, &e)),
        }
    }

    /// Why this cashier may not give a discount of `percent`, if they may not: above their
    /// limit (a discount outside 0 to 100 % is the basket's to refuse).
    pub fn discount_refusal(&self, percent: Decimal) -> Option<String> {
        let max = self.max_discount;
        (percent > Decimal::from(max) && percent <= Decimal::ONE_HUNDRED)
            .then(|| self.i.reason(&Reason::DiscountNotAllowed { max }))
    }

    /// Gives the selected line a discount of `percent`, within the cashier's limit.
    pub fn set_discount(&self, percent: Decimal) {
        match self.discount_refusal(percent) {
            Some(refused) => self.warn(refused),
            None => self.change_selected(|b, id| b.set_discount(id, percent)),
        }
    }

    /// The selected line, else the last one (`None` for an empty basket).
    pub fn current_line(&self) -> Option<LineId> {
        let lines = self
            .basket
            .with_untracked(|b| b.lines().iter().map(|l| l.id).collect::<Vec<_>>());
        match self.selected.get_untracked() {
            Some(id) if lines.contains(&id) => Some(id),
            _ => lines.last().copied(),
        }
    }

    /// One more or one less of the selected line.
    pub fn step(&self, delta: Decimal) {
        self.change_selected(|b, id| {
            let q = b
                .lines()
                .iter()
                .find(|l| l.id == id)
                .map_or(Decimal::ZERO, |l| l.quantity);
            b.set_quantity(id, q + delta)
        });
    }

    pub fn remove(&self, id: LineId) {
        self.basket.update(|b| {
            let _ = b.remove(id);
        });
        if self.selected.get_untracked() == Some(id) {
            self.selected.set(None);
        }
    }

    /// Selects the next line down (or up), from the current one.
    pub fn move_selection(&self, down: bool) {
        let ids: Vec<LineId> = self
            .basket
            .with_untracked(|b| b.lines().iter().map(|l| l.id).collect());
        let at = self
            .current_line()
            .and_then(|id| ids.iter().position(|x| *x == id));
        let next = match (at, down) {
            (Some(n), true) => (n + 1).min(ids.len().saturating_sub(1)),
            (Some(n), false) => n.saturating_sub(1),
            (None, _) => 0,
        };
        self.selected.set(ids.get(next).copied());
    }

    /// Asks the server who a card or member is and whether they may shop; one who may not is
    /// shown the refusal, with the override.
    pub fn identify(&self, card: Option<String>, member_id: Option<Uuid>) {
        let sale = *self;
        let i = self.i;
        leptos::task::spawn_local(async move {
            // While the server is away, the member is checked against the kept statuses.
            let (answer, kept) = match shopper(card.clone(), member_id).await {
                Err(e) if try_later(&e) => {
                    (sale.link.kept_shopper(card.as_deref(), member_id, e), true)
                }
                answer => (answer, false),
            };
            match answer {
                Ok(s) => {
                    let may = s.may_shop;
                    if may {
                        sale.say(if kept {
                            sale.link.kept_note(&s.name)
                        } else {
                            s.name.clone()
                        });
                    } else {
                        let status = i.t(&format!("status-{}", s.status.as_str()));
                        let refused = i.ta(
                            "till-refused",
                            &[("name", s.name.clone()), ("status", status)],
                        );
                        // Offline, the refusal says how old the statuses it read are.
                        sale.warn(if kept {
                            sale.link.kept_note(&refused)
                        } else {
                            refused
                        });
                    }
                    sale.shopper.set(Some(s));
                    if !may {
                        sale.panel.set(Panel::Member);
                    } else if sale.panel.get_untracked() == Panel::Member {
                        sale.close_panel();
                    }
                }
                Err(crate::error::AppError::NotFound) => sale.warn(i.t("till-unknown-card")),
                Err(e) => sale.warn(super::refusal(i, &e)),
            }
        });
    }
}

fn basket_error(i: I18n, e: &BasketError) -> String {
    let id = match e {
        BasketError::QuantityNotPositive | BasketError::QuantityNotInMilliUnits => {
            "error-bad-quantity"
        }
        BasketError::DiscountOutOfRange => "till-discount-range",
        BasketError::PriceLabelled(_) => "till-price-labelled",
        BasketError::NotAnItem => "till-badge",
        BasketError::NegativePrice | BasketError::ZeroUnitPrice | BasketError::UnknownLine(_) => {
            "till-line-refused"
        }
    };
    i.t(id)
}
