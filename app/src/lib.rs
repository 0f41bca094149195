#![recursion_limit = "256"]
//! Ruche's screens and server functions. Screens are organised by the person using them
//! (`pages/member`, `pages/auth`, `pages/admin`), server functions by capability (`api/`),
//! shared widgets live in `components/`. The same code renders on the server and hydrates in
//! the browser.

pub mod api;
pub mod components;
pub mod error;
pub mod i18n;
pub mod notice;
pub mod pages;
pub mod session;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod url;

#[cfg(feature = "hydrate")]
pub use session::session_from_page;
pub use session::{Session, SESSION_ELEMENT_ID};

use components::layout::Layout;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::MetaTags;
use leptos_meta::{provide_meta_context, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use leptos_router::SsrMode;

/// The paths of the pages that load no script and no WASM: the member's phone and signing in
/// (and, below [`PLAIN_AREA`], the stock manager's phone). They render completely on the server
/// and their forms are plain HTML forms, for phones on weak mobile connections.
const PLAIN_PAGES: [&str; 8] = [
    "/",
    "/shifts",
    "/shifts/book",
    "/my/requests",
    "/sign-in",
    "/forgot-password",
    "/reset-password",
    "/setup",
];

/// The stock manager's pages: `/stock` and every page below it.
const PLAIN_AREA: &str = "/stock";

/// Whether the page at `path` loads the application's script and WASM and hydrates. Every page
/// but the member's, the sign-in and the stock manager's pages does: the till, the shift
/// leader's, the coordinator's and the admin's screens. A hydrated page may still lead to a
/// plain page, which then runs in the browser: those pages work both ways.
pub fn hydrates(path: &str) -> bool {
    let in_plain_area = path
        .strip_prefix(PLAIN_AREA)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    !(PLAIN_PAGES.contains(&path) || in_plain_area)
}

/// The HTML document around the app, rendered on the server.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let session = ssr::session_from_request();
    let hydrating = use_context::<http::request::Parts>().is_none_or(|p| hydrates(p.uri.path()));
    // Only a hydrating page needs the session in the page; `<` is escaped so that no text can
    // close the script element.
    let json = hydrating.then(|| {
        serde_json::to_string(&session)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    });
    let lang = session.lang.code();
    provide_context(session);
    // The page's inline scripts carry this request's nonce; the policy names it.
    if let (Some(nonce), Some(res)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        if let Ok(value) = http::HeaderValue::from_str(&ssr::content_security_policy(Some(&nonce)))
        {
            res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                {json
                    .map(|json| {
                        view! {
                            <script
                                id=SESSION_ELEMENT_ID
                                type="application/json"
                                inner_html=json
                            ></script>
                            <AutoReload options=options.clone() />
                            <HydrationScripts options />
                        }
                    })}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The routes. Every page renders completely on the server before it is sent
/// (`SsrMode::Async`), so it works without JavaScript and carries the right HTTP status.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i = i18n::use_i18n();
    view! {
        <Stylesheet id="leptos" href="/pkg/ruche.css" />
        <Title text=i.t("app-name") />
        <Router>
            <Layout>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::member::home::Home ssr=SsrMode::Async />
                    <Route
                        path=path!("/shifts")
                        view=pages::member::shifts::MyShifts
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/shifts/book")
                        view=pages::member::book::Book
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/sign-in")
                        view=pages::auth::sign_in::SignIn
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/forgot-password")
                        view=pages::auth::forgot::Forgot
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/reset-password")
                        view=pages::auth::reset::Reset
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/setup") view=pages::auth::setup::Setup ssr=SsrMode::Async />
                    <Route
                        path=path!("/admin/members")
                        view=pages::admin::members::Members
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/admin/members/new")
                        view=pages::admin::member_new::MemberNew
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/admin/members/:id")
                        view=pages::admin::member::Member
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/admin/import")
                        view=pages::admin::import::Import
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/admin/shares")
                        view=pages::admin::shares::Shares
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/admin/outbox")
                        view=pages::admin::outbox::Outbox
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/sheets")
                        view=pages::leader::sheets::Sheets
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/sheets/:shift_id")
                        view=pages::leader::sheet::SheetPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/coordinator/rules")
                        view=pages::coordinator::rules::Rules
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/coordinator/statuses")
                        view=pages::coordinator::statuses::Statuses
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/coordinator/members/:id/shifts")
                        view=pages::coordinator::member_shifts::MemberShiftsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/my/requests")
                        view=pages::member::requests::Requests
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/coordinator/planning")
                        view=pages::coordinator::planning::PlanningPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/coordinator/templates")
                        view=pages::coordinator::templates::Templates
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/coordinator/closures")
                        view=pages::coordinator::closures::Closures
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock")
                        view=pages::stock::home::StockHome
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/products")
                        view=pages::stock::products::Products
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/products/new")
                        view=pages::stock::product_new::ProductNew
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/products/:id")
                        view=pages::stock::product::Product
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/categories")
                        view=pages::stock::categories::Categories
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/nomenclature")
                        view=pages::stock::nomenclature::NomenclatureEditor
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/counts")
                        view=pages::stock::counts::Counts
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/counts/:id")
                        view=pages::stock::count::CountPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/import")
                        view=pages::stock::import::ProductImport
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/suppliers")
                        view=pages::stock::suppliers::Suppliers
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/suppliers/new")
                        view=pages::stock::supplier_new::SupplierNew
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/suppliers/:id")
                        view=pages::stock::supplier::SupplierPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/pricing")
                        view=pages::stock::pricing::Pricing
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/labels")
                        view=pages::stock::labels::Labels
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/labels/sheet")
                        view=pages::stock::label_sheet::LabelSheet
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/reports")
                        view=pages::stock::reports::ReportsHome
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/reports/sales")
                        view=pages::stock::reports::sales::SalesReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/reports/categories")
                        view=pages::stock::reports::categories::CategoriesReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/reports/vat")
                        view=pages::stock::reports::vat::VatReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/reports/stock-value")
                        view=pages::stock::reports::stock_value::StockValueReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/reports/losses")
                        view=pages::stock::reports::losses::LossesReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/reports/movers")
                        view=pages::stock::reports::movers::MoversReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/reports/staffing")
                        view=pages::stock::reports::staffing::StaffingReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/orders")
                        view=pages::stock::orders::Orders
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/orders/suggest")
                        view=pages::stock::order_suggest::OrderSuggest
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/orders/:id")
                        view=pages::stock::order::OrderPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/orders/:id/print")
                        view=pages::stock::order_print::OrderPrint
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/stock/receptions/:id")
                        view=pages::stock::reception::ReceptionPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/admin/tills")
                        view=pages::admin::tills::Tills
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/till") view=pages::till::TillPage ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}

#[cfg(test)]
mod tests {
    use super::hydrates;

    #[test]
    fn the_member_sign_in_and_stock_pages_do_not_hydrate() {
        let cases = [
            ("/", false),
            ("/shifts", false),
            ("/shifts/book", false),
            ("/my/requests", false),
            ("/sign-in", false),
            ("/forgot-password", false),
            ("/reset-password", false),
            ("/setup", false),
            ("/till", true),
            ("/stock", false),
            ("/stock/products", false),
            ("/stock/products/new", false),
            (
                "/stock/products/0191f1c2-0000-7000-8000-000000000000",
                false,
            ),
            ("/stock/import", false),
            ("/stock/suppliers", false),
            (
                "/stock/suppliers/0191f1c2-0000-7000-8000-000000000000",
                false,
            ),
            ("/stock/pricing", false),
            ("/stock/orders", false),
            ("/stock/orders/suggest", false),
            (
                "/stock/receptions/0191f1c2-0000-7000-8000-000000000000",
                false,
            ),
            ("/stock/counts", false),
            ("/stock/counts/0191f1c2-0000-7000-8000-000000000000", false),
            ("/stockroom", true),
            ("/sheets", true),
            ("/sheets/0191f1c2-0000-7000-8000-000000000000", true),
            ("/coordinator/planning", true),
            (
                "/coordinator/members/0191f1c2-0000-7000-8000-000000000000/shifts",
                true,
            ),
            ("/admin/members", true),
            ("/admin/outbox", true),
            ("/shifts/elsewhere", true),
            ("/shift", true),
        ];
        for (path, expected) in cases {
            assert_eq!(hydrates(path), expected, "{path}");
        }
    }
}
