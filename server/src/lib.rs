//! Ruche's HTTP server: the axum router with the Leptos app and its server functions, the
//! sign-in endpoints (plain forms that work without JavaScript), session and cross-site
//! request checks, the CSV exports (members, reports), the products and price list imports as
//! plain forms and `/health`.

pub mod auth;
pub mod calendar;
pub mod export;
pub mod health;
pub mod middleware;
pub mod reports;
pub mod shop;
pub mod stock;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::{Extension, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use services::Services;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

/// The largest request body: a CSV import of 20,000 members fits.
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
/// The largest body of a sign-in, reset or setup form: a few short fields.
pub const AUTH_BODY_BYTES: usize = 8 * 1024;

/// The whole application for one set of services.
pub fn router(services: Services, options: LeptosOptions) -> Router {
    let routes = generate_route_list(app::App);
    let small = || DefaultBodyLimit::max(AUTH_BODY_BYTES);
    let app_routes = reports::routes(Router::new())
        .route("/auth/sign-in", post(auth::sign_in).layer(small()))
        .route("/auth/sign-out", post(auth::sign_out).layer(small()))
        .route("/auth/forgot", post(auth::forgot).layer(small()))
        .route("/auth/reset", post(auth::reset).layer(small()))
        .route("/auth/setup", post(auth::setup).layer(small()))
        .route("/language", post(auth::language).layer(small()))
        .route("/admin/members.csv", get(export::members_csv))
        .route("/health", get(health::health))
        .route("/api/may-shop", get(shop::may_shop))
        .route("/calendar/{file}", get(calendar::feed))
        .route("/stock/import", post(stock::import_products))
        .route(
            "/stock/suppliers/{id}/import",
            post(stock::import_price_list),
        )
        .leptos_routes(&options, routes, {
            let options = options.clone();
            move || app::shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(app::shell))
        .with_state(options);
    app_routes
        .layer(axum::middleware::from_fn(middleware::session))
        .layer(axum::middleware::from_fn(middleware::same_origin))
        .layer(axum::middleware::from_fn(middleware::client_address))
        .layer(axum::middleware::from_fn(middleware::security_headers))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(Extension(services))
        .layer(CompressionLayer::new())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(TraceLayer::new_for_http().make_span_with(middleware::span))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

/// Leptos options for tests and tools that run without cargo-leptos.
pub fn default_options() -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("ruche")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .build()
}
