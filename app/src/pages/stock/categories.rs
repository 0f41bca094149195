//! The catalogue's categories, each with how many products it holds (a link to them), and a
//! form to add one.

use crate::api::catalogue::category_counts;
use crate::api::till::{CreateCategory, STOCK_KEEPERS};
use crate::components::field::{clear_on_success, errors_of, outcome, Field};
use crate::components::guard::Guard;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn Categories() -> impl IntoView {
    view! { <Guard roles=STOCK_KEEPERS><CategoryList/></Guard> }
}

#[component]
fn CategoryList() -> impl IntoView {
    let i = use_i18n();
    let create = ServerAction::<CreateCategory>::new();
    let result = outcome(create);
    let counts = Resource::new(move || create.version().get(), |_| category_counts());
    let name = RwSignal::new(String::new());
    clear_on_success(result, vec![name]);
    view! {
        <section class="panel">
            <h1>{i.t("stock-categories")}</h1>
            <form class="inline-form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                create.dispatch(CreateCategory { name: name.get_untracked() });
            }>
                <Field label=i.t("field-category-name") name="name" value=name required=true errors=errors_of(result, "name")/>
                <button type="submit" class="button primary" disabled=move || create.pending().get()>{i.t("category-add")}</button>
            </form>
            {move || matches!(result.get(), Some(Ok(_))).then(|| view! { <p class="alert notice" role="status">{i.t("category-added")}</p> })}
            <Transition fallback=move || view! { <p class="muted">{i.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match counts.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">{i.t("categories-none")}</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="list" data-testid="categories">
                                <thead><tr><th>{i.t("field-category")}</th><th class="num">{i.t("stock-products")}</th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|c| view! {
                                        <tr>
                                            <td><a href=format!("/stock/products?category={}&state=all", c.category.id)>{c.category.name}</a></td>
                                            <td class="num">{c.products}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(e) => view! { <p class="alert error">{i.error(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
