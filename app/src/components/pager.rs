//! The previous and next links under a paged list. Pages are plain links (`?page=`), so a
//! page can be bookmarked and works without JavaScript.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::params::ParamsMap;

/// The page a list's address asks for (`?page=`), from 0.
pub fn page_number(query: &ParamsMap) -> u64 {
    query
        .get("page")
        .and_then(|p| p.parse::<u64>().ok())
        .unwrap_or(0)
}

/// The pages before and after page `current` (from 0) that exist, when `shown` rows of at
/// most `page_size` are on it and `total` match in all.
pub fn neighbours(
    current: u64,
    shown: u64,
    total: u64,
    page_size: u64,
) -> (Option<u64>, Option<u64>) {
    let previous = current.checked_sub(1);
    let next =
        (current.saturating_mul(page_size).saturating_add(shown) < total).then(|| current + 1);
    (previous, next)
}

/// Links to the neighbouring pages of a list; `link(page)` is the address of a page.
#[component]
pub fn Pager<L>(current: u64, shown: u64, total: u64, page_size: u64, link: L) -> impl IntoView
where
    L: Fn(u64) -> String + 'static,
{
    let i = use_i18n();
    let (previous, next) = neighbours(current, shown, total, page_size);
    view! {
        <nav class="pager" aria-label=i.t("pager-label")>
            {previous
                .map(|p| {
                    view! {
                        <a class="button" rel="prev" href=link(p)>
                            {i.t("pager-previous")}
                        </a>
                    }
                })}
            {next
                .map(|p| {
                    view! {
                        <a class="button" rel="next" href=link(p)>
                            {i.t("pager-next")}
                        </a>
                    }
                })}
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::neighbours;

    #[test]
    fn neighbouring_pages() {
        let cases = [
            // (current, shown, total, page size) -> (previous, next)
            ((0, 0, 0, 50), (None, None)),
            ((0, 50, 50, 50), (None, None)),
            ((0, 50, 51, 50), (None, Some(1))),
            ((1, 1, 51, 50), (Some(0), None)),
            ((3, 50, 20_000, 50), (Some(2), Some(4))),
            ((399, 50, 20_000, 50), (Some(398), None)),
        ];
        for ((current, shown, total, size), expected) in cases {
            assert_eq!(
                neighbours(current, shown, total, size),
                expected,
                "{current} {shown} {total}"
            );
        }
    }
}
