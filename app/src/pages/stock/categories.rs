//! The catalogue's categories, each with how many products it holds (a link to them) and a
//! link to rename it, and a form to add one. A name another category has is refused. Plain
//! forms and links (`?rename=<id>` opens a row's form; the hydrated page opens it in place),
//! so the page works without JavaScript.

use crate::api::catalogue::category_counts;
use crate::api::till::{CreateCategory, RenameCategory, STOCK_KEEPERS};
use crate::components::field::{clear_on_success, errors_of, outcome, Field, Outcome};
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use domain::till::catalogue::{Category, CategoryCount};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

#[component]
pub fn Categories() -> impl IntoView {
    view! {
        <Guard roles=STOCK_KEEPERS>
            <CategoryList />
        </Guard>
    }
}

#[component]
fn CategoryList() -> impl IntoView {
    let i = use_i18n();
    let create = ServerAction::<CreateCategory>::new();
    let result = outcome(create);
    let rename = ServerAction::<RenameCategory>::new();
    let counts = Resource::new(
        move || (create.version().get(), rename.version().get()),
        |_| category_counts(),
    );
    let query = use_query_map();
    // The category whose name is being changed, if any: opened by its link (`?rename=<id>`),
    // in the page itself once hydrated.
    let editing = RwSignal::new(
        query
            .read_untracked()
            .get("rename")
            .and_then(|id| Uuid::parse_str(&id).ok()),
    );
    // Added by the hydrated page, or by the browser without JavaScript (`?notice=added`).
    let added = move || {
        matches!(result.get(), Some(Ok(_)))
            || (result.get().is_none() && query.read().get("notice").as_deref() == Some("added"))
    };
    let name = RwSignal::new(String::new());
    clear_on_success(result, vec![name]);
    view! {
        <section class="panel">
            <h1>{i.t("stock-categories")}</h1>
            <ActionForm action=create attr:class="inline-form" attr:novalidate=true>
                <Field
                    label=i.t("field-category-name")
                    name="name"
                    value=name
                    required=true
                    errors=errors_of(result, "name")
                />
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || create.pending().get()
                >
                    {i.t("category-add")}
                </button>
            </ActionForm>
            {move || {
                added()
                    .then(|| {
                        view! {
                            <p class="alert notice" role="status">
                                {i.t("category-added")}
                            </p>
                        }
                    })
            }}
            <Transition fallback=move || {
                view! { <p class="muted">{i.t("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match counts.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{i.t("categories-none")}</p> }.into_any()
                        }
                        Ok(list) => {
                            view! {
                                <table class="list" data-testid="categories">
                                    <thead>
                                        <tr>
                                            <th>{i.t("field-category")}</th>
                                            <th class="num">{i.t("stock-products")}</th>
                                            <th></th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list
                                            .into_iter()
                                            .map(|c| {
                                                view! { <CategoryRow c=c editing=editing rename=rename /> }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// A category in the list: its name (a link to its products), its size, and renaming it.
#[component]
fn CategoryRow(
    c: CategoryCount,
    editing: RwSignal<Option<Uuid>>,
    rename: ServerAction<RenameCategory>,
) -> impl IntoView {
    let i = use_i18n();
    let id = c.category.id;
    let current = c.category.name.clone();
    let name = RwSignal::new(current.clone());
    let result = outcome(rename);
    // The shared action's answer is this row's while this row is being renamed.
    let mine: Outcome<Category> =
        Signal::derive(move || result.get().filter(|_| editing.get() == Some(id)));
    let errors = errors_of(mine, "name");
    Effect::new(move |_| {
        if let Some(Ok(renamed)) = mine.get() {
            if renamed.id == id {
                editing.set(None);
            }
        }
    });
    view! {
        <tr data-testid="category">
            {move || {
                if editing.get() == Some(id) {
                    view! {
                        <td colspan="3">
                            <ActionForm action=rename attr:class="inline-form" attr:novalidate=true>
                                <input type="hidden" name="id" value=id.to_string() />
                                <Field
                                    label=i.t("field-category-name-new")
                                    name="name"
                                    value=name
                                    required=true
                                    errors=errors
                                    scope=Some(id.to_string())
                                />
                                <button
                                    type="submit"
                                    class="button primary"
                                    disabled=move || rename.pending().get()
                                >
                                    {i.t("category-rename-save")}
                                </button>
                                <a
                                    class="button"
                                    href="/stock/categories"
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        editing.set(None);
                                    }
                                >
                                    {i.t("category-rename-cancel")}
                                </a>
                            </ActionForm>
                        </td>
                    }
                        .into_any()
                } else {
                    view! {
                        <td>
                            <a href=format!(
                                "/stock/products?category={id}&state=all",
                            )>{current.clone()}</a>
                        </td>
                        <td class="num">{c.products}</td>
                        <td>
                            <a
                                class="button"
                                data-testid="category-rename"
                                href=format!("/stock/categories?rename={id}")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    rename.clear();
                                    editing.set(Some(id));
                                }
                            >
                                {i.t("category-rename")}
                            </a>
                        </td>
                    }
                        .into_any()
                }
            }}
        </tr>
    }
}
