//! Counting the drawer by denomination, from 1 cent to 500 euros: one field a coin or note,
//! the total as it is typed. Used to open a session (the float) and to close it.

use crate::i18n::use_i18n;
use domain::till::drawer::DENOMINATIONS;
use domain::till::{counted_cents, Count};
use leptos::prelude::*;

/// The counts typed so far: empty or unreadable fields count as none.
pub fn counts(typed: &[RwSignal<String>]) -> Vec<Count> {
    DENOMINATIONS
        .iter()
        .zip(typed)
        .filter_map(|(&d, t)| {
            let n: i64 = t.get().trim().parse().ok()?;
            (n != 0).then_some(Count {
                denomination_cents: d,
                count: n,
            })
        })
        .collect()
}

/// The fields, a signal per denomination (largest first on screen), and the total.
#[component]
pub fn DrawerCount(typed: Vec<RwSignal<String>>, #[prop(into)] label: String) -> impl IntoView {
    let i = use_i18n();
    let all = typed.clone();
    let total = move || counted_cents(&counts(&all)).ok();
    let fields = DENOMINATIONS
        .iter()
        .zip(typed)
        .rev()
        .map(|(&d, t)| {
            let id = format!("count-{d}");
            view! {
                <div class="count-field">
                    <label for=id.clone()>{i.money(d)}</label>
                    <input
                        id=id
                        type="number"
                        inputmode="numeric"
                        min="0"
                        step="1"
                        data-denomination=d.to_string()
                        bind:value=t
                    />
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="drawer-count">
            <legend>{label}</legend>
            <div class="count-grid">{fields}</div>
            <p class="count-total" data-testid="count-total">
                {i.t("till-count-total")}
                " "
                <strong>
                    {move || total().map(|c| i.money(c)).unwrap_or_else(|| i.t("till-count-bad"))}
                </strong>
            </p>
        </fieldset>
    }
}

/// A signal per denomination, all empty.
pub fn empty_count() -> Vec<RwSignal<String>> {
    DENOMINATIONS
        .iter()
        .map(|_| RwSignal::new(String::new()))
        .collect()
}
