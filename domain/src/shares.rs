//! Cooperative shares. A member subscribes shares of a class (for example A at 20 EUR for
//! workers, B at 25 EUR for supporters), pays for them, may transfer them to another member,
//! and is reimbursed when leaving. Every change is a dated event; what a member holds and owes
//! is always the sum of their events.

use crate::validation::Reason;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareEventKind {
    Subscription,
    Payment,
    TransferIn,
    TransferOut,
    Reimbursement,
}

impl ShareEventKind {
    pub const ALL: [ShareEventKind; 5] = [
        ShareEventKind::Subscription,
        ShareEventKind::Payment,
        ShareEventKind::TransferIn,
        ShareEventKind::TransferOut,
        ShareEventKind::Reimbursement,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ShareEventKind::Subscription => "subscription",
            ShareEventKind::Payment => "payment",
            ShareEventKind::TransferIn => "transfer_in",
            ShareEventKind::TransferOut => "transfer_out",
            ShareEventKind::Reimbursement => "reimbursement",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One share event of one member. `quantity` counts shares of `class` (zero for a payment);
/// `amount_cents` is money paid in (payment) or out (reimbursement).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareEvent {
    pub kind: ShareEventKind,
    pub class: String,
    pub quantity: i64,
    pub amount_cents: i64,
}

/// What a member holds and owes, from their events and the classes' unit prices.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding {
    /// Shares held per class code.
    pub shares: BTreeMap<String, i64>,
    /// Value of the shares subscribed, at unit price, in cents.
    pub subscribed_cents: i64,
    pub paid_cents: i64,
    pub reimbursed_cents: i64,
}

impl Holding {
    pub fn from_events<'a>(
        events: impl IntoIterator<Item = &'a ShareEvent>,
        unit_price_cents: impl Fn(&str) -> i64,
    ) -> Self {
        let mut h = Holding::default();
        for e in events {
            let held = h.shares.entry(e.class.clone()).or_insert(0);
            match e.kind {
                ShareEventKind::Subscription => {
                    *held += e.quantity;
                    h.subscribed_cents += e.quantity * unit_price_cents(&e.class);
                }
                ShareEventKind::TransferIn => *held += e.quantity,
                ShareEventKind::TransferOut => *held -= e.quantity,
                ShareEventKind::Reimbursement => {
                    *held -= e.quantity;
                    h.reimbursed_cents += e.amount_cents;
                }
                ShareEventKind::Payment => h.paid_cents += e.amount_cents,
            }
        }
        h.shares.retain(|_, n| *n != 0);
        h
    }

    pub fn total_shares(&self) -> i64 {
        self.shares.values().sum()
    }

    /// What the member still owes for the shares they subscribed.
    pub fn due_cents(&self) -> i64 {
        (self.subscribed_cents - self.paid_cents).max(0)
    }

    pub fn held(&self, class: &str) -> i64 {
        self.shares.get(class).copied().unwrap_or(0)
    }

    /// Checks that `event` may be added to this holding: positive quantities and amounts, and
    /// never transferring or reimbursing more shares than are held.
    pub fn check(&self, event: &ShareEvent) -> Result<(), Reason> {
        match event.kind {
            ShareEventKind::Payment => {
                if event.amount_cents <= 0 {
                    return Err(Reason::NotPositive);
                }
            }
            _ => {
                if event.quantity <= 0 {
                    return Err(Reason::NotPositive);
                }
                if matches!(
                    event.kind,
                    ShareEventKind::TransferOut | ShareEventKind::Reimbursement
                ) {
                    let held = self.held(&event.class);
                    if event.quantity > held {
                        return Err(Reason::NotEnoughShares { held });
                    }
                }
                if event.kind == ShareEventKind::Reimbursement && event.amount_cents < 0 {
                    return Err(Reason::BadAmount);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ev(kind: ShareEventKind, class: &str, quantity: i64, amount_cents: i64) -> ShareEvent {
        ShareEvent {
            kind,
            class: class.into(),
            quantity,
            amount_cents,
        }
    }

    fn price(class: &str) -> i64 {
        match class {
            "A" => 2000,
            "B" => 2500,
            _ => 0,
        }
    }

    #[test]
    fn a_members_life() {
        use ShareEventKind::*;
        let events = vec![
            ev(Subscription, "A", 5, 0),
            ev(Payment, "", 0, 6000),
            ev(Subscription, "B", 2, 0),
            ev(TransferOut, "A", 1, 0),
        ];
        let h = Holding::from_events(&events, price);
        assert_eq!(h.held("A"), 4);
        assert_eq!(h.held("B"), 2);
        assert_eq!(h.total_shares(), 6);
        assert_eq!(h.subscribed_cents, 15000);
        assert_eq!(h.due_cents(), 9000);
    }

    #[test]
    fn checks() {
        use ShareEventKind::*;
        let h = Holding::from_events(&[ev(Subscription, "A", 2, 0)], price);
        assert_eq!(
            h.check(&ev(TransferOut, "A", 3, 0)),
            Err(Reason::NotEnoughShares { held: 2 })
        );
        assert_eq!(
            h.check(&ev(Reimbursement, "B", 1, 2500)),
            Err(Reason::NotEnoughShares { held: 0 })
        );
        assert_eq!(
            h.check(&ev(Subscription, "A", 0, 0)),
            Err(Reason::NotPositive)
        );
        assert_eq!(h.check(&ev(Payment, "", 0, -5)), Err(Reason::NotPositive));
        assert_eq!(h.check(&ev(Reimbursement, "A", 2, 4000)), Ok(()));
    }

    proptest! {
        /// Applying only events that pass `check` never leaves a negative holding, and the
        /// holding is the sum of its events whatever way they are split.
        #[test]
        fn checked_events_never_go_negative(ops in proptest::collection::vec((0usize..5, 0usize..2, 0i64..6, 0i64..5000), 0..60)) {
            let mut accepted: Vec<ShareEvent> = Vec::new();
            for (k, c, q, a) in ops {
                let kind = ShareEventKind::ALL[k];
                let class = ["A", "B"][c];
                let e = ev(kind, class, if kind == ShareEventKind::Payment { 0 } else { q }, a);
                let h = Holding::from_events(&accepted, price);
                if h.check(&e).is_ok() {
                    accepted.push(e);
                }
            }
            let h = Holding::from_events(&accepted, price);
            prop_assert!(h.shares.values().all(|n| *n >= 0));
            let split = accepted.len() / 2;
            let first = Holding::from_events(&accepted[..split], price);
            let second = Holding::from_events(&accepted[split..], price);
            prop_assert_eq!(first.paid_cents + second.paid_cents, h.paid_cents);
            prop_assert_eq!(first.total_shares() + second.total_shares(), h.total_shares());
        }
    }
}
