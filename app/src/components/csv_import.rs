//! A CSV import, all or nothing: choose a file (or paste it) and send it; either every row is
//! imported, or every bad row is listed with its line, column and reason and nothing is. The
//! member register and the catalogue import this way: the member register through a server
//! function, the catalogue as a plain `multipart/form-data` post that works without
//! JavaScript.

use crate::components::field::Outcome;
use crate::error::AppError;
use crate::i18n::use_i18n;
use domain::register::ImportOutcome;
use leptos::prelude::*;

/// How the form sends the CSV.
#[derive(Clone)]
pub enum Sending {
    /// The page sends the text itself (`pending` while it does).
    Script {
        submit: Callback<String>,
        pending: Signal<bool>,
    },
    /// The browser posts the form (`file`, else `csv`) to this address as
    /// `multipart/form-data`, and the answer is the page with the result.
    Post(Oco<'static, str>),
}

/// The form and its report. `columns` are the file's columns, shown to the person; `send`
/// says how the text goes; `done` is the message id of the success message (with `$count` and
/// `$created` the records added, `$updated` and `$unchanged` the existing ones).
#[component]
pub fn CsvImport(
    columns: &'static [&'static str],
    send: Sending,
    result: Outcome<ImportOutcome>,
    done: &'static str,
) -> impl IntoView {
    let i = use_i18n();
    let csv = RwSignal::new(String::new());
    let (action, submit, pending) = match send {
        Sending::Script { submit, pending } => (None, Some(submit), Some(pending)),
        Sending::Post(to) => (Some(to.to_string()), None, None),
    };
    view! {
        <pre class="columns">{columns.join(",")}</pre>
        <form
            class="stack"
            novalidate
            method=action.as_ref().map(|_| "post")
            enctype=action.as_ref().map(|_| "multipart/form-data")
            action=action
            on:submit=move |ev| {
                if let Some(submit) = submit {
                    ev.prevent_default();
                    submit.run(csv.get_untracked());
                }
            }
        >
            <div class="field">
                <label for="import-file">{i.t("import-file")}</label>
                <input
                    id="import-file"
                    name="file"
                    type="file"
                    accept=".csv,text/csv"
                    on:change=move |ev| read_file(ev, csv)
                />
            </div>
            <div class="field">
                <label for="import-text">{i.t("import-text")}</label>
                <textarea id="import-text" name="csv" rows="8" bind:value=csv></textarea>
            </div>
            <button
                type="submit"
                class="button primary"
                disabled=move || pending.is_some_and(|p| p.get() || csv.get().trim().is_empty())
            >
                {i.t("import-submit")}
            </button>
        </form>
        {move || match result.get() {
            Some(Ok(outcome)) => {
                view! {
                    <p class="alert notice" role="status" data-testid="import-done">
                        {i
                            .ta(
                                done,
                                &[
                                    ("count", outcome.created.to_string()),
                                    ("created", outcome.created.to_string()),
                                    ("updated", outcome.updated.to_string()),
                                    ("unchanged", outcome.unchanged.to_string()),
                                ],
                            )}
                    </p>
                }
                    .into_any()
            }
            Some(Err(AppError::ImportRefused(rows))) => {
                view! {
                    <div class="alert error" role="alert" data-testid="import-report">
                        <p>{i.ta("error-import-refused", &[("count", rows.len().to_string())])}</p>
                        <table class="list">
                            <thead>
                                <tr>
                                    <th>{i.t("import-line")}</th>
                                    <th>{i.t("import-field")}</th>
                                    <th>{i.t("import-reason")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <tr>
                                                <td>{r.line}</td>
                                                <td>{r.field}</td>
                                                <td>{i.reason(&r.reason)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }
            Some(Err(e)) => {
                view! {
                    <p class="alert error" role="alert">
                        {i.error(&e)}
                    </p>
                }
                    .into_any()
            }
            None => ().into_any(),
        }}
    }
}

/// Reads the chosen file's text into `target`.
fn read_file(ev: leptos::ev::Event, target: RwSignal<String>) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
            leptos::task::spawn_local(async move {
                if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    target.set(text.as_string().unwrap_or_default());
                }
            });
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, target);
}
