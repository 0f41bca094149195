//! One attendance sheet on the shift leader's phone: the expected members, each marked
//! present, excused or absent with large buttons; walk-ins added by scanning a card (a
//! scanner types the digits and Enter) or by name or number; validation once, after a
//! confirmation. A validated sheet is read-only and says who validated it and when; a
//! validation from a second phone is refused with a message, and the sheet shows the
//! validated state.

use super::sheets::when;
use crate::api::attendance::{
    sheet, Mark, Search, Sheet, Validate, WalkIn, WalkInCard, SHEET_KEEPERS,
};
use crate::components::guard::Guard;
use crate::error::AppError;
use crate::i18n::{use_i18n, I18n};
use domain::shifts::sheet::{SheetLineView, SheetView};
use domain::shifts::{Attendance, Seat};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

const MARKS: [(Attendance, &str); 3] = [
    (Attendance::Attended, "attended"),
    (Attendance::Excused, "excused"),
    (Attendance::Absent, "absent"),
];

#[component]
pub fn SheetPage() -> impl IntoView {
    view! {
        <Guard roles=SHEET_KEEPERS>
            <SheetLoader />
        </Guard>
    }
}

#[component]
fn SheetLoader() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("shift_id")
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    let loaded = Resource::new(id, |id| async move {
        match id {
            Some(id) => sheet(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <section class="sheet">
            <a class="back" href="/sheets">
                {format!("← {}", i.t("sheet-back"))}
            </a>
            <Suspense fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(v) => view! { <SheetScreen initial=v /> }.into_any(),
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The message of a refused change: each field's reason (e.g. "already validated"), else the
/// general message.
fn refusal(i: I18n, e: &AppError) -> String {
    match e {
        AppError::Invalid(errors) if !errors.is_empty() => errors
            .iter()
            .map(|f| i.reason(&f.reason))
            .collect::<Vec<_>>()
            .join(" "),
        other => i.error(other),
    }
}

#[component]
fn SheetScreen(initial: SheetView) -> impl IntoView {
    let i = use_i18n();
    let shift_id = initial.shift.shift_id;
    let current = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let mark = ServerAction::<Mark>::new();
    let walk_in = ServerAction::<WalkIn>::new();
    let walk_in_card = ServerAction::<WalkInCard>::new();
    let validate = ServerAction::<Validate>::new();
    let reload = ServerAction::<Sheet>::new();
    // Every change answers with the sheet as the server now holds it; a refused change shows
    // why and loads the sheet again (another phone may have validated it meanwhile).
    let settle = move |result: Option<Result<SheetView, AppError>>, unknown_card: bool| match result
    {
        Some(Ok(v)) => {
            current.set(v);
            error.set(None);
        }
        Some(Err(e)) => {
            error.set(Some(match e {
                AppError::NotFound if unknown_card => i.t("sheet-unknown-card"),
                e => refusal(i, &e),
            }));
            reload.dispatch(Sheet { shift_id });
        }
        None => {}
    };
    Effect::new(move |_| settle(mark.value().get(), false));
    Effect::new(move |_| settle(walk_in.value().get(), false));
    Effect::new(move |_| settle(walk_in_card.value().get(), true));
    Effect::new(move |_| settle(validate.value().get(), false));
    Effect::new(move |_| {
        if let Some(Ok(v)) = reload.value().get() {
            current.set(v);
        }
    });
    let validated = move || current.with(|v| v.validated.is_some());
    let busy = move || {
        mark.pending().get()
            || walk_in.pending().get()
            || walk_in_card.pending().get()
            || validate.pending().get()
    };
    view! {
        {move || {
            current
                .with(|v| {
                    let s = &v.shift;
                    view! {
                        <h1>{s.task.clone()}</h1>
                        <p class="sheet-when">{when(i, s)}</p>
                    }
                })
        }}
        {move || {
            current
                .with(|v| v.validated.clone())
                .map(|by| {
                    view! {
                        <p class="alert notice" role="status" data-testid="sheet-validated">
                            {i
                                .ta(
                                    "sheet-validated-by",
                                    &[
                                        ("name", by.by),
                                        ("date", i.date(by.at.date())),
                                        ("time", by.at.format("%H:%M").to_string()),
                                    ],
                                )}
                        </p>
                    }
                })
        }}
        {move || {
            error
                .get()
                .map(|e| {
                    view! {
                        <p class="alert error" role="alert" data-testid="sheet-error">
                            {e}
                        </p>
                    }
                })
        }}
        {move || {
            current
                .with(|v| v.lines.is_empty())
                .then(|| view! { <p class="muted">{i.t("sheet-empty")}</p> })
        }}
        <ul class="sheet-lines">
            <For
                each=move || current.get().lines
                key=|l| format!("{}:{:?}", l.member_id, l.mark)
                let:line
            >
                <Line
                    line=line
                    validated=Signal::derive(validated)
                    busy=Signal::derive(busy)
                    on_mark=Callback::new(move |(member_id, attendance)| {
                        mark.dispatch(Mark {
                            shift_id,
                            member_id,
                            attendance,
                        });
                    })
                />
            </For>
        </ul>
        <Show when=move || !validated()>
            <WalkInForm shift_id=shift_id walk_in=walk_in walk_in_card=walk_in_card />
            <ValidateBox current=current validate=validate busy=Signal::derive(busy) />
        </Show>
    }
}

#[component]
fn Line(
    line: SheetLineView,
    validated: Signal<bool>,
    busy: Signal<bool>,
    on_mark: Callback<(Uuid, Attendance)>,
) -> impl IntoView {
    let i = use_i18n();
    let seat = if line.walk_in {
        i.t("sheet-walk-in")
    } else {
        match line.seat {
            Seat::Fixed => i.t("sheet-seat-fixed"),
            Seat::Booked => i.t("sheet-seat-booked"),
        }
    };
    let member_id = line.member_id;
    let current = line.mark;
    let name = line.name.clone();
    view! {
        <li
            class="sheet-line"
            data-testid="sheet-line"
            data-mark=current.map(|m| MARKS.iter().find(|(a, _)| *a == m).map_or("", |(_, s)| *s))
        >
            <p class="sheet-who">
                <strong>{line.name}</strong>
                <span class="muted">
                    {format!(
                        "{} · {seat}",
                        i.ta("sheet-number", &[("number", line.member_number.to_string())]),
                    )}
                </span>
            </p>
            <div class="marks" role="group" aria-label=name>
                {MARKS
                    .into_iter()
                    .map(|(m, id)| {
                        let chosen = current == Some(m);
                        view! {
                            <button
                                type="button"
                                class=format!("mark {id}")
                                class:chosen=chosen
                                aria-pressed=if chosen { "true" } else { "false" }
                                disabled=move || validated.get() || busy.get()
                                on:click=move |_| on_mark.run((member_id, m))
                            >
                                {i.t(&format!("sheet-mark-{id}"))}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </li>
    }
}

#[component]
fn WalkInForm(
    shift_id: Uuid,
    walk_in: ServerAction<WalkIn>,
    walk_in_card: ServerAction<WalkInCard>,
) -> impl IntoView {
    let i = use_i18n();
    let query = RwSignal::new(String::new());
    let search = ServerAction::<Search>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = query.get_untracked().trim().to_string();
        if q.is_empty() {
            return;
        }
        // A scanner types the 13 digits of a card, then Enter.
        if q.len() == 13 && domain::barcode::validate_gtin(&q).is_ok() {
            walk_in_card.dispatch(WalkInCard { shift_id, card: q });
            query.set(String::new());
            search.value().set(None);
        } else {
            search.dispatch(Search { shift_id, query: q });
        }
    };
    view! {
        <section class="walk-in">
            <h2>{i.t("sheet-add-title")}</h2>
            <form class="walk-in-row" on:submit=submit>
                <label for="walk-in-query">{i.t("sheet-add-label")}</label>
                <input
                    id="walk-in-query"
                    type="search"
                    autocomplete="off"
                    enterkeyhint="search"
                    bind:value=query
                />
                <button type="submit" class="button">
                    {i.t("sheet-add-find")}
                </button>
            </form>
            {move || {
                search
                    .value()
                    .get()
                    .map(|r| match r {
                        Ok(found) if found.is_empty() => {
                            view! { <p class="muted">{i.t("sheet-add-none")}</p> }.into_any()
                        }
                        Ok(found) => {
                            view! {
                                <ul class="candidates">
                                    {found
                                        .into_iter()
                                        .map(|c| {
                                            let member_id = c.member_id;
                                            view! {
                                                <li>
                                                    <span>
                                                        <strong>{c.name}</strong>
                                                        " "
                                                        <span class="muted">
                                                            {i
                                                                .ta(
                                                                    "sheet-number",
                                                                    &[("number", c.member_number.to_string())],
                                                                )}
                                                        </span>
                                                    </span>
                                                    <button
                                                        type="button"
                                                        class="button"
                                                        on:click=move |_| {
                                                            walk_in.dispatch(WalkIn { shift_id, member_id });
                                                            query.set(String::new());
                                                            search.value().set(None);
                                                        }
                                                    >
                                                        {i.t("sheet-add-button")}
                                                    </button>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{refusal(i, &e)}</p> }.into_any(),
                    })
            }}
        </section>
    }
}

#[component]
fn ValidateBox(
    current: RwSignal<SheetView>,
    validate: ServerAction<Validate>,
    busy: Signal<bool>,
) -> impl IntoView {
    let i = use_i18n();
    let confirming = RwSignal::new(false);
    let unmarked = move || current.with(|v| v.lines.iter().filter(|l| l.mark.is_none()).count());
    let started = current.with_untracked(|v| v.shift.started);
    let blocked = move || unmarked() > 0 || busy.get() || !started;
    let shift_id = current.with_untracked(|v| v.shift.shift_id);
    view! {
        <section class="validate">
            {(!started)
                .then(|| {
                    view! {
                        <p class="hint" data-testid="sheet-not-started">
                            {i.reason(&domain::validation::Reason::ShiftNotStarted)}
                        </p>
                    }
                })}
            {move || {
                let n = unmarked();
                (n > 0)
                    .then(|| {
                        view! {
                            <p class="hint">
                                {i.ta("sheet-unmarked", &[("count", n.to_string())])}
                            </p>
                        }
                    })
            }}
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="button primary wide"
                            disabled=blocked
                            on:click=move |_| confirming.set(true)
                        >
                            {i.t("sheet-validate")}
                        </button>
                    }
                }
            >
                <div class="confirm" role="alertdialog" aria-label=i.t("sheet-validate")>
                    <p>{i.t("sheet-validate-confirm")}</p>
                    <div class="confirm-buttons">
                        <button
                            type="button"
                            class="button primary"
                            disabled=move || busy.get()
                            on:click=move |_| {
                                confirming.set(false);
                                validate.dispatch(Validate { shift_id });
                            }
                        >
                            {i.t("sheet-validate-yes")}
                        </button>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| confirming.set(false)
                        >
                            {i.t("sheet-validate-no")}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
