//! A labelled form field that shows its own errors, in the person's language.

use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The last result of an action, as the screens read it.
pub type Outcome<T> = Signal<Option<Result<T, AppError>>>;

/// The result of a server action, as an [`Outcome`].
pub fn outcome<A, T>(action: ServerAction<A>) -> Outcome<T>
where
    A: leptos::server_fn::ServerFn<Output = T, Error = AppError> + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    action.value().into()
}

/// Empties `fields` each time `result` turns into a success, ready for the next entry.
pub fn clear_on_success<T: Clone + Send + Sync + 'static>(
    result: Outcome<T>,
    fields: Vec<RwSignal<String>>,
) {
    Effect::new(move |_| {
        if let Some(Ok(_)) = result.get() {
            for f in &fields {
                f.set(String::new());
            }
        }
    });
}

/// The errors of `field` in the last result of an action, as a signal.
pub fn errors_of<T: Clone + Send + Sync + 'static>(
    result: Outcome<T>,
    field: &'static str,
) -> Signal<Vec<String>> {
    let i = use_i18n();
    Signal::derive(move || {
        result
            .get()
            .and_then(|r| r.err())
            .map(|e| e.field_errors(field).iter().map(|r| i.reason(r)).collect())
            .unwrap_or_default()
    })
}

/// The id of a field's input: `field-<name>`, or `field-<scope>-<name>`.
fn field_id(scope: Option<&str>, name: &str) -> String {
    match scope {
        Some(scope) => format!("field-{scope}-{name}"),
        None => format!("field-{name}"),
    }
}

/// The name a field is posted under: `<name>`, or `<within>[<name>]` for a field of a server
/// function's argument `within`.
fn posted_name(within: Option<&str>, name: &str) -> String {
    match within {
        Some(within) => format!("{within}[{name}]"),
        None => name.to_string(),
    }
}

#[component]
pub fn Field(
    #[prop(into)] label: String,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The keyboard a phone shows: `decimal`, `numeric`...
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Tells the field apart from one of the same name elsewhere on the page.
    #[prop(optional_no_strip)]
    scope: Option<String>,
    /// The server function's argument the field belongs to, if any (`form` for `form[name]`).
    #[prop(optional)]
    within: Option<&'static str>,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let id = field_id(scope.as_deref(), name);
    view! {
        <div class="field" class:invalid=move || !errors.get().is_empty()>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=posted_name(within, name)
                type=kind.unwrap_or("text")
                required=required
                autocomplete=autocomplete.unwrap_or("off")
                inputmode=inputmode
                // The attribute for the page as the server sends it, the property once hydrated.
                value=move || value.get()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <FieldErrors errors=errors />
        </div>
    }
    .into_any()
}

/// The messages under a field.
#[component]
fn FieldErrors(errors: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <For each=move || errors.get() key=|e| e.clone() let:e>
            <p class="field-error" role="alert">
                {e}
            </p>
        </For>
    }
}

/// A select among fixed options: (value, label).
#[component]
pub fn Choice(
    #[prop(into)] label: String,
    name: &'static str,
    value: RwSignal<String>,
    options: Vec<(String, String)>,
    /// Tells the field apart from one of the same name elsewhere on the page.
    #[prop(optional_no_strip)]
    scope: Option<String>,
    /// The server function's argument the field belongs to, if any (`form` for `form[name]`).
    #[prop(optional)]
    within: Option<&'static str>,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let id = field_id(scope.as_deref(), name);
    view! {
        <div class="field" class:invalid=move || !errors.get().is_empty()>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=posted_name(within, name)
                on:change=move |ev| value.set(event_target_value(&ev))
                prop:value=move || value.get()
            >
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let selected = {
                            let v = v.clone();
                            move || value.get() == v
                        };
                        view! {
                            <option value=v selected=selected>
                                {l}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <FieldErrors errors=errors />
        </div>
    }
    .into_any()
}

/// The general message of a failed action, for errors that are not about one field.
#[component]
pub fn ActionError<T: Clone + Send + Sync + 'static>(result: Outcome<T>) -> impl IntoView {
    let i = use_i18n();
    move || {
        result.get().and_then(|r| r.err()).map(|e| {
            view! {
                <p class="alert error" role="alert">
                    {i.error(&e)}
                </p>
            }
        })
    }
}

/// Why a change without a form was refused: the rule's own message for `field`, else the
/// general message of the error.
#[component]
pub fn Refusal<T: Clone + Send + Sync + 'static>(
    result: Outcome<T>,
    field: &'static str,
) -> impl IntoView {
    let i = use_i18n();
    move || {
        result.get().and_then(|r| r.err()).map(|e| {
            let reasons = e.field_errors(field);
            let text = if reasons.is_empty() {
                i.error(&e)
            } else {
                reasons
                    .iter()
                    .map(|r| i.reason(r))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            view! {
                <p class="alert error" role="alert">
                    {text}
                </p>
            }
        })
    }
}
