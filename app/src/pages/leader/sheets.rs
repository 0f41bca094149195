//! The list of attendance sheets: the shifts of the last week, today and tomorrow that the
//! signed-in person leads (coordinators and admins: every shift), newest first, each with the
//! state of its sheet. Made for a phone.

use crate::api::attendance::{sheets, SHEET_KEEPERS};
use crate::components::guard::Guard;
use crate::i18n::{use_i18n, I18n};
use domain::shifts::sheet::SheetShift;
use leptos::prelude::*;

#[component]
pub fn Sheets() -> impl IntoView {
    view! {
        <Guard roles=SHEET_KEEPERS>
            <SheetList />
        </Guard>
    }
}

/// "24/11/2026 · 09:00–12:00", the way a sheet's shift is named on screen.
pub fn when(i: I18n, s: &SheetShift) -> String {
    format!(
        "{} · {}–{}",
        i.date(s.date),
        s.start.format("%H:%M"),
        s.end.format("%H:%M")
    )
}

#[component]
fn SheetList() -> impl IntoView {
    let i = use_i18n();
    let list = Resource::new(|| (), |_| sheets());
    view! {
        <section class="sheets">
            <h1>{i.t("sheets-title")}</h1>
            <p class="hint">{i.t("sheets-hint")}</p>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(l) if l.is_empty() => {
                            view! { <p class="muted">{i.t("sheets-empty")}</p> }.into_any()
                        }
                        Ok(l) => {
                            view! {
                                <ul class="sheet-list">
                                    {l
                                        .into_iter()
                                        .map(|s| {
                                            let state = s.state.as_str();
                                            view! {
                                                <li>
                                                    <a
                                                        class="sheet-link"
                                                        href=format!("/sheets/{}", s.shift_id)
                                                        data-testid="sheet-link"
                                                        data-date=s.date.to_string()
                                                    >
                                                        <span class="sheet-when">{when(i, &s)}</span>
                                                        <span class="sheet-task">{s.task.clone()}</span>
                                                        <span class="sheet-meta">
                                                            <span class="muted">
                                                                {i
                                                                    .ta(
                                                                        "sheets-expected",
                                                                        &[("count", s.expected.to_string())],
                                                                    )}
                                                            </span>
                                                            <span class=format!(
                                                                "sheet-state {state}",
                                                            )>{i.t(&format!("sheet-state-{state}"))}</span>
                                                        </span>
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
