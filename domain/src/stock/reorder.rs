//! Reorder suggestions and the purchase order's life.
//!
//! A suggestion covers the coming days with what sold lately: the average daily sales over a
//! window (28 days by default) times the coverage wanted plus the supplier's lead time, less
//! the stock on hand and on order, rounded up to whole packs. An order below the supplier's
//! minimum is topped up one pack at a time, on the line that would run out first, so the
//! supplier takes it. Everything is integers: milli-units, cents and whole packs.
//!
//! A purchase order goes draft, sent, partly received, received, or cancelled
//! ([`OrderState::after`] says which steps are allowed).

use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The sales window of a suggestion when none is chosen, in days.
pub const DEFAULT_WINDOW_DAYS: u32 = 28;
/// The coverage of a suggestion when none is chosen, in days.
pub const DEFAULT_COVERAGE_DAYS: u32 = 14;
/// The longest sales window or coverage a person may ask for: two years.
pub const MAX_DAYS: u32 = 730;
/// The most packs of one product on one order: past it is a typing error.
pub const MAX_PACKS: i64 = 100_000;
/// The most packs added to reach a supplier's minimum; past it the order is left below the
/// minimum and says so (a minimum far above what the coop sells is the stock manager's call).
const MAX_TOP_UP_PACKS: u32 = 10_000;

/// What one product needs, as the suggestion sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    /// Net quantity sold over the window (sales less returns), in milli-units.
    pub sold_milli: i64,
    pub window_days: u32,
    /// Stock on hand; below zero (sales of stock never received) counts as none.
    pub on_hand_milli: i64,
    /// Ordered and not received yet.
    pub on_order_milli: i64,
    /// The days to cover: the coverage wanted plus the supplier's lead time.
    pub cover_days: u32,
    /// The supplier's pack, in milli-units (above zero).
    pub pack_milli: i64,
}

impl Need {
    /// The quantity that covers `cover_days` at the window's average daily sales, rounded up
    /// to the milli-unit; zero without sales.
    pub fn target_milli(&self) -> i64 {
        if self.window_days == 0 || self.sold_milli <= 0 {
            return 0;
        }
        let num = i128::from(self.sold_milli) * i128::from(self.cover_days);
        let den = i128::from(self.window_days);
        saturate((num + den - 1) / den)
    }

    /// The whole packs to order so that on hand and on order reach the target: never
    /// negative, never a fraction of a pack, and one pack less would fall short.
    pub fn packs(&self) -> i64 {
        if self.pack_milli <= 0 {
            return 0;
        }
        let have = i128::from(self.on_hand_milli.max(0)) + i128::from(self.on_order_milli.max(0));
        let missing = i128::from(self.target_milli()) - have;
        if missing <= 0 {
            return 0;
        }
        let pack = i128::from(self.pack_milli);
        saturate((missing + pack - 1) / pack).min(MAX_PACKS)
    }
}

fn saturate(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

/// One line of a suggestion: the packs the rule asks for, and what a pack costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub need: Need,
    pub pack_cost_cents: i64,
}

/// The packs to order on each line (in the order given), and whether the order still falls
/// below the supplier's minimum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggested {
    pub packs: Vec<i64>,
    pub total_cents: i64,
    pub below_minimum: bool,
}

/// The suggestion over a supplier's lines, respecting its minimum order (excluding VAT): an
/// order that needs something but falls short of the minimum gets one more pack at a time on
/// the line whose stock would last the fewest days (among lines that sell and cost something),
/// until it reaches the minimum. An order that needs nothing stays empty: the minimum is no
/// reason to buy. `below_minimum` says when the minimum could not be reached.
pub fn suggest(lines: &[Line], min_order_cents: i64) -> Suggested {
    let mut packs: Vec<i64> = lines.iter().map(|l| l.need.packs()).collect();
    let cost = |packs: &[i64]| -> i64 {
        lines
            .iter()
            .zip(packs)
            .map(|(l, p)| l.pack_cost_cents.saturating_mul(*p))
            .fold(0i64, i64::saturating_add)
    };
    let mut total = cost(&packs);
    if total > 0 && total < min_order_cents {
        // Days of stock after the order, as a fraction (stock * window) / sold compared by
        // cross-multiplying: the smallest first.
        let mut heap: BinaryHeap<Reverse<(Days, usize)>> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                l.need.sold_milli > 0 && l.pack_cost_cents > 0 && l.need.pack_milli > 0
            })
            .map(|(i, l)| Reverse((Days::after(l, packs[i]), i)))
            .collect();
        let mut added = 0;
        while total < min_order_cents && added < MAX_TOP_UP_PACKS {
            let Some(Reverse((_, i))) = heap.pop() else {
                break;
            };
            if packs[i] >= MAX_PACKS {
                continue;
            }
            packs[i] += 1;
            added += 1;
            total = total.saturating_add(lines[i].pack_cost_cents);
            heap.push(Reverse((Days::after(&lines[i], packs[i]), i)));
        }
    }
    Suggested {
        below_minimum: total > 0 && total < min_order_cents,
        total_cents: total,
        packs,
    }
}

/// How long a line's stock lasts after ordering some packs: (stock * window) / sold days,
/// kept as a fraction so lines compare exactly (equal fractions are equal days).
#[derive(Debug, Clone, Copy)]
struct Days {
    stock_times_window: i128,
    sold: i128,
}

impl Days {
    fn after(l: &Line, packs: i64) -> Days {
        let n = l.need;
        let stock = i128::from(n.on_hand_milli.max(0))
            + i128::from(n.on_order_milli.max(0))
            + i128::from(packs) * i128::from(n.pack_milli);
        Days {
            stock_times_window: stock * i128::from(n.window_days.max(1)),
            sold: i128::from(n.sold_milli.max(1)),
        }
    }
}

impl Ord for Days {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // a/b against c/d with b, d > 0: a*d against c*b (within i128 for the ledger's bounds).
        (self.stock_times_window * other.sold).cmp(&(other.stock_times_window * self.sold))
    }
}

impl PartialEq for Days {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Days {}

impl PartialOrd for Days {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Where a purchase order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderState {
    Draft,
    Sent,
    PartlyReceived,
    Received,
    Cancelled,
}

/// What someone does to a purchase order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderAction {
    /// Add, change or remove a line.
    Edit,
    /// Mail it to the supplier.
    Send,
    Cancel,
    /// Start (or resume) a reception of it.
    Receive,
    /// Validate a reception of it: `complete` when every line has come in full.
    Received {
        complete: bool,
    },
}

impl OrderState {
    pub const ALL: [OrderState; 5] = [
        OrderState::Draft,
        OrderState::Sent,
        OrderState::PartlyReceived,
        OrderState::Received,
        OrderState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderState::Draft => "draft",
            OrderState::Sent => "sent",
            OrderState::PartlyReceived => "partly_received",
            OrderState::Received => "received",
            OrderState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<OrderState> {
        OrderState::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the goods are still expected: what is ordered and not received counts as on
    /// order. A draft counts too, so that a suggestion made into a draft is not suggested again.
    pub fn awaits_goods(self) -> bool {
        matches!(
            self,
            OrderState::Draft | OrderState::Sent | OrderState::PartlyReceived
        )
    }

    /// The state after `action`, or `None` when the order in this state does not allow it:
    /// only a draft is edited or sent; a draft or a sent order may be cancelled; a sent or
    /// partly received order is received, partly or completely.
    pub fn after(self, action: OrderAction) -> Option<OrderState> {
        use OrderAction as A;
        use OrderState as S;
        match (self, action) {
            (S::Draft, A::Edit) => Some(S::Draft),
            (S::Draft, A::Send) => Some(S::Sent),
            (S::Draft | S::Sent, A::Cancel) => Some(S::Cancelled),
            (S::Sent | S::PartlyReceived, A::Receive) => Some(self),
            (S::Sent | S::PartlyReceived, A::Received { complete: true }) => Some(S::Received),
            (S::Sent | S::PartlyReceived, A::Received { complete: false }) => {
                Some(S::PartlyReceived)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn need(sold: i64, on_hand: i64, on_order: i64, cover: u32, pack: i64) -> Need {
        Need {
            sold_milli: sold,
            window_days: 28,
            on_hand_milli: on_hand,
            on_order_milli: on_order,
            cover_days: cover,
            pack_milli: pack,
        }
    }

    #[test]
    fn packs_cover_the_days_at_the_average_sales() {
        // (sold over 28 days, on hand, on order, days to cover, pack) -> packs
        let cases = [
            // 56 sold: 2 a day; 14 days: 28 needed, 10 on hand: 18 missing, packs of 6: 3.
            ((56_000, 10_000, 0, 14, 6_000), 3),
            // 19 missing: a fourth pack, never a fraction.
            ((56_000, 9_000, 0, 14, 6_000), 4),
            // On order counts as on hand.
            ((56_000, 10_000, 12_000, 14, 6_000), 1),
            // Enough already: nothing, never a negative.
            ((56_000, 40_000, 0, 14, 6_000), 0),
            ((56_000, 28_000, 0, 14, 6_000), 0),
            // No sales: nothing.
            ((0, 0, 0, 14, 6_000), 0),
            // More returns than sales: nothing.
            ((-3_000, 0, 0, 14, 6_000), 0),
            // Negative stock counts as none.
            ((56_000, -5_000, 0, 14, 6_000), 5),
            // Weighed: 7 kg sold over 28 days, 0.25 kg a day, 21 days: 5.25 kg; 5 kg sacks.
            ((7_000, 0, 0, 21, 5_000), 2),
            // A third of a unit a day, 3 days: the target rounds up to the milli-unit.
            ((9_334, 0, 0, 3, 1_000), 2),
        ];
        for ((sold, on_hand, on_order, cover, pack), expected) in cases {
            let n = need(sold, on_hand, on_order, cover, pack);
            assert_eq!(n.packs(), expected, "{n:?}");
        }
    }

    #[test]
    fn the_target_is_the_average_over_the_days() {
        assert_eq!(need(56_000, 0, 0, 14, 1).target_milli(), 28_000);
        assert_eq!(need(1, 0, 0, 1, 1).target_milli(), 1);
        assert_eq!(
            Need {
                window_days: 0,
                ..need(56_000, 0, 0, 14, 1)
            }
            .target_milli(),
            0
        );
    }

    fn line(sold: i64, on_hand: i64, pack: i64, cost: i64) -> Line {
        Line {
            need: need(sold, on_hand, 0, 14, pack),
            pack_cost_cents: cost,
        }
    }

    #[test]
    fn the_minimum_order_is_reached_on_the_line_that_runs_out_first() {
        // Line 0 sells 1 a day and needs 1 pack of 14 (10.00), line 1 sells 0.5 a day and
        // needs 1 pack of 7 (5.00): 15.00 against a minimum of 30.00. With its pack each
        // lasts 14 days: the tie goes to the first line (then 28 days), then line 1 (14 days)
        // gets one, and the minimum is reached.
        let lines = [line(28_000, 0, 14_000, 1_000), line(14_000, 0, 7_000, 500)];
        let s = suggest(&lines, 3_000);
        assert_eq!(s.packs, vec![2, 2]);
        assert_eq!(s.total_cents, 3_000);
        assert!(!s.below_minimum);
        // Already above the minimum: as the rule asks.
        let s = suggest(&lines, 1_000);
        assert_eq!(s.packs, vec![1, 1]);
        assert_eq!(s.total_cents, 1_500);
        // Nothing needed: nothing ordered, whatever the minimum.
        let full = [line(28_000, 50_000, 14_000, 1_000)];
        let s = suggest(&full, 3_000);
        assert_eq!(
            (s.packs, s.total_cents, s.below_minimum),
            (vec![0], 0, false)
        );
        // A minimum out of reach is said, not looped on.
        let s = suggest(&[line(28_000, 0, 14_000, 1)], i64::MAX);
        assert!(s.below_minimum);
        assert_eq!(s.packs, vec![1 + i64::from(MAX_TOP_UP_PACKS)]);
        // Free packs never reach a minimum.
        let s = suggest(&[line(28_000, 0, 14_000, 0), line(0, 0, 1_000, 100)], 500);
        assert_eq!((s.packs, s.below_minimum), (vec![1, 0], false));
    }

    #[test]
    fn the_order_goes_draft_sent_received_or_cancelled() {
        use OrderAction as A;
        use OrderState as S;
        let cases = [
            (S::Draft, A::Edit, Some(S::Draft)),
            (S::Draft, A::Send, Some(S::Sent)),
            (S::Draft, A::Cancel, Some(S::Cancelled)),
            (S::Draft, A::Receive, None),
            (S::Draft, A::Received { complete: true }, None),
            (S::Sent, A::Edit, None),
            (S::Sent, A::Send, None),
            (S::Sent, A::Cancel, Some(S::Cancelled)),
            (S::Sent, A::Receive, Some(S::Sent)),
            (
                S::Sent,
                A::Received { complete: false },
                Some(S::PartlyReceived),
            ),
            (S::Sent, A::Received { complete: true }, Some(S::Received)),
            (S::PartlyReceived, A::Receive, Some(S::PartlyReceived)),
            (
                S::PartlyReceived,
                A::Received { complete: true },
                Some(S::Received),
            ),
            (S::PartlyReceived, A::Cancel, None),
            (S::PartlyReceived, A::Edit, None),
            (S::Received, A::Receive, None),
            (S::Received, A::Cancel, None),
            (S::Received, A::Received { complete: true }, None),
            (S::Cancelled, A::Send, None),
            (S::Cancelled, A::Receive, None),
            (S::Cancelled, A::Cancel, None),
        ];
        for (state, action, expected) in cases {
            assert_eq!(state.after(action), expected, "{state:?} {action:?}");
        }
        for s in OrderState::ALL {
            assert_eq!(OrderState::parse(s.as_str()), Some(s));
        }
        assert_eq!(OrderState::parse("lost"), None);
    }

    fn any_need() -> impl Strategy<Value = Need> {
        (
            -1_000_000i64..100_000_000,
            1u32..=MAX_DAYS,
            -1_000_000i64..100_000_000,
            0i64..100_000_000,
            0u32..=2 * MAX_DAYS,
            1i64..1_000_000,
        )
            .prop_map(|(sold, window, on_hand, on_order, cover, pack)| Need {
                sold_milli: sold,
                window_days: window,
                on_hand_milli: on_hand,
                on_order_milli: on_order,
                cover_days: cover,
                pack_milli: pack,
            })
    }

    proptest! {
        #[test]
        fn packs_are_whole_never_negative_and_just_enough(n in any_need()) {
            let packs = n.packs();
            prop_assert!(packs >= 0);
            prop_assert!(packs <= MAX_PACKS);
            let have = n.on_hand_milli.max(0) + n.on_order_milli;
            let after = have + packs * n.pack_milli;
            if packs < MAX_PACKS {
                prop_assert!(after >= n.target_milli(), "covers the target");
            }
            if packs > 0 {
                prop_assert!(after - n.pack_milli < n.target_milli(), "one pack less falls short");
            }
        }

        #[test]
        fn the_minimum_only_adds_whole_packs(
            needs in prop::collection::vec((any_need(), 0i64..100_000), 0..12),
            min in 0i64..1_000_000,
        ) {
            let lines: Vec<Line> = needs
                .iter()
                .map(|(n, c)| Line { need: *n, pack_cost_cents: *c })
                .collect();
            let s = suggest(&lines, min);
            prop_assert_eq!(s.packs.len(), lines.len());
            let mut total = 0;
            for (l, p) in lines.iter().zip(&s.packs) {
                prop_assert!(*p >= l.need.packs(), "never fewer than the rule asks");
                prop_assert!(*p <= MAX_PACKS);
                total += p * l.pack_cost_cents;
            }
            prop_assert_eq!(total, s.total_cents);
            let asked: i64 = lines.iter().map(|l| l.need.packs() * l.pack_cost_cents).sum();
            if asked == 0 {
                prop_assert_eq!(s.total_cents, 0, "nothing needed, nothing bought");
            }
            prop_assert_eq!(s.below_minimum, s.total_cents > 0 && s.total_cents < min);
        }
    }
}
