//! Importing members from CSV: choose a file (or paste it), and either every member is created,
//! or every bad row is listed with its line and reason and nothing is imported.

use crate::api::members::ImportMembers;
use crate::api::REGISTER_KEEPERS;
use crate::components::field::outcome;
use crate::components::guard::Guard;
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn Import() -> impl IntoView {
    view! { <Guard roles=REGISTER_KEEPERS><ImportForm/></Guard> }
}

#[component]
fn ImportForm() -> impl IntoView {
    let i = use_i18n();
    let csv = RwSignal::new(String::new());
    let import = ServerAction::<ImportMembers>::new();
    let result = outcome(import);
    let columns = domain::member_csv::COLUMNS.join(",");
    view! {
        <section class="panel wide">
            <h1>{i.t("import-title")}</h1>
            <p>{i.t("import-intro")}</p>
            <pre class="columns">{columns}</pre>
            <form class="stack" novalidate on:submit=move |ev| {
                ev.prevent_default();
                import.dispatch(ImportMembers { csv: csv.get_untracked() });
            }>
                <div class="field">
                    <label for="import-file">{i.t("import-file")}</label>
                    <input id="import-file" type="file" accept=".csv,text/csv" on:change=move |ev| read_file(ev, csv)/>
                </div>
                <div class="field">
                    <label for="import-text">{i.t("import-text")}</label>
                    <textarea id="import-text" name="csv" rows="8" bind:value=csv></textarea>
                </div>
                <button type="submit" class="button primary" disabled=move || import.pending().get() || csv.get().trim().is_empty()>
                    {i.t("import-submit")}
                </button>
            </form>
            {move || match result.get() {
                Some(Ok(outcome)) => view! {
                    <p class="alert notice" role="status" data-testid="import-done">
                        {i.ta("import-done", &[("count", outcome.created.to_string())])}
                    </p>
                }.into_any(),
                Some(Err(AppError::ImportRefused(rows))) => view! {
                    <div class="alert error" role="alert" data-testid="import-report">
                        <p>{i.ta("error-import-refused", &[("count", rows.len().to_string())])}</p>
                        <table class="list">
                            <thead><tr><th>{i.t("import-line")}</th><th>{i.t("import-field")}</th><th>{i.t("import-reason")}</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr><td>{r.line}</td><td>{r.field}</td><td>{i.reason(&r.reason)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
                Some(Err(e)) => view! { <p class="alert error" role="alert">{i.error(&e)}</p> }.into_any(),
                None => ().into_any(),
            }}
        </section>
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
