//! The frame of every page: the top bar with what this person may open, the language switcher
//! and sign-out.

use crate::api::attendance::SHEET_KEEPERS;
use crate::api::till::{CASHIERS, STOCK_KEEPERS};
use crate::api::{ADMINS, REGISTER_KEEPERS, SHIFT_KEEPERS};
use crate::i18n::use_i18n;
use crate::Session;
use domain::Language;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i = use_i18n();
    let viewer = use_context::<Session>().and_then(|s| s.viewer);
    let location = use_location();
    let back = move || {
        let search = location.search.get();
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!(
                "{}?{}",
                location.pathname.get(),
                search.trim_start_matches('?')
            )
        }
    };
    // The phone's menu and the desktop's drop-down groups close when the page changes.
    let menu_open = RwSignal::new(false);
    let register_open = RwSignal::new(false);
    let planning_open = RwSignal::new(false);
    Effect::new(move |_| {
        location.pathname.track();
        for open in [menu_open, register_open, planning_open] {
            open.set(false);
        }
    });
    let nav = viewer.map(|v| {
        let keeper = v.may(REGISTER_KEEPERS);
        let admin = v.may(ADMINS);
        let sheet_keeper = v.may(SHEET_KEEPERS);
        let planner = v.may(SHIFT_KEEPERS);
        let stock_keeper = v.may(STOCK_KEEPERS);
        let cashier = v.may(CASHIERS);
        // A member's few links fit a phone; staff's menu folds into one button there.
        let folds = sheet_keeper || keeper || planner || stock_keeper || cashier || admin;
        view! {
            {folds
                .then(|| {
                    view! {
                        <input
                            type="checkbox"
                            id="nav-open"
                            class="nav-open"
                            prop:checked=move || menu_open.get()
                            on:change=move |ev| menu_open.set(event_target_checked(&ev))
                        />
                        <label for="nav-open" class="nav-button">
                            {i.t("nav-menu")}
                        </label>
                    }
                })}
            <nav class="nav" class:folding=folds aria-label=i.t("nav-label")>
                <a href="/">{i.t("nav-home")}</a>
                <a href="/shifts">{i.t("nav-shifts")}</a>
                {sheet_keeper.then(|| view! { <a href="/sheets">{i.t("nav-sheets")}</a> })}
                {cashier.then(|| view! { <a href="/till">{i.t("nav-till")}</a> })}
                {keeper
                    .then(|| {
                        view! {
                            <NavGroup label=i.t("nav-register") open=register_open>
                                <a href="/admin/members">{i.t("nav-members")}</a>
                                <a href="/admin/import">{i.t("nav-import")}</a>
                                <a href="/admin/shares">{i.t("nav-shares")}</a>
                            </NavGroup>
                        }
                    })}
                {planner
                    .then(|| {
                        view! {
                            <NavGroup label=i.t("nav-planning-group") open=planning_open>
                                <a href="/coordinator/planning">{i.t("nav-planning")}</a>
                                <a href="/coordinator/templates">{i.t("nav-templates")}</a>
                                <a href="/coordinator/closures">{i.t("nav-closures")}</a>
                                <a href="/coordinator/statuses">{i.t("nav-statuses")}</a>
                                <a href="/stock/reports/staffing">{i.t("report-staffing")}</a>
                                <a href="/coordinator/rules">{i.t("nav-rules")}</a>
                            </NavGroup>
                        }
                    })}
                {stock_keeper.then(|| view! { <a href="/stock">{i.t("nav-stock")}</a> })}
                {admin.then(|| view! { <a href="/admin/outbox">{i.t("nav-outbox")}</a> })}
                <form method="post" action="/auth/sign-out" class="inline">
                    <button type="submit" class="link">
                        {i.t("nav-sign-out")}
                    </button>
                </form>
            </nav>
        }
    });
    view! {
        <header class="topbar">
            <a href="/" class="brand">
                {i.t("app-name")}
            </a>
            {nav}
        </header>
        <main class="page">{children()}</main>
        <footer class="footer">
            <form
                method="post"
                action="/language"
                class="lang-switch"
                aria-label=i.t("language-label")
            >
                <input type="hidden" name="back" value=back />
                {Language::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <button
                                type="submit"
                                name="lang"
                                value=l.code()
                                class:current=i.lang() == l
                                lang=l.code()
                            >
                                {l.native_name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </form>
        </footer>
    }
}

/// A drop-down group of the menu: a disclosure whose links show under its label (in the
/// phone's menu, in place). It works without JavaScript; with it, it closes when the page
/// changes.
#[component]
fn NavGroup(label: String, open: RwSignal<bool>, children: Children) -> impl IntoView {
    view! {
        <details class="nav-group" prop:open=move || open.get()>
            <summary on:click=move |ev| {
                ev.prevent_default();
                open.update(|o| *o = !*o);
            }>{label}</summary>
            <div class="nav-links">{children()}</div>
        </details>
    }
}
