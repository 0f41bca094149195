//! `server`: serve ruche (the default), or `server migrate` to migrate the database and stop,
//! `server demo` to load the demo coop and stop, or `server daily` to run the shifts' daily
//! job (catching up every missed day) and stop. While serving, the daily job runs every hour;
//! it does each day's work once, whatever the number of server instances or runs. Configuration comes from environment
//! variables (see the README).

use leptos::prelude::get_configuration;
use services::{accounts, db, demo, Config, Services};
use std::sync::Arc;
use std::time::Duration;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn")),
        )
        .init();
    if let Err(e) = run().await {
        tracing::error!("{e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let command = std::env::args().nth(1).unwrap_or_else(|| "serve".into());
    let config = Config::from_env();
    let db = db::connect(&config.database_url).await?;
    tracing::info!(database = %redact(&config.database_url), "database migrated");
    let services = Services {
        db,
        config: Arc::new(config),
    };
    match command.as_str() {
        "migrate" => return Ok(()),
        "demo" => {
            demo::load(&services).await?;
            print_demo_logins();
            return Ok(());
        }
        "daily" => {
            let report = services::shifts::daily::run(&services, services::today()).await?;
            println!("{report:?}");
            return Ok(());
        }
        "serve" => {}
        other => {
            return Err(
                format!("unknown command {other:?}: use serve, migrate, demo or daily").into(),
            )
        }
    }
    if services.config.load_demo {
        demo::load(&services).await?;
        print_demo_logins();
    }
    if let Some(link) = accounts::ensure_first_admin(&services).await? {
        tracing::warn!("no admin yet: open {link} within 24 hours to create the first admin");
        println!("\n  Create the first admin: {link}\n");
    }
    let sweeper = services.clone();
    tokio::spawn(async move {
        loop {
            if let Err(e) = accounts::sweep(&sweeper.db).await {
                tracing::warn!(error = %e, "sweeping expired sessions failed");
            }
            match services::shifts::daily::run(&sweeper, services::today()).await {
                Ok(report) if !report.days.is_empty() => tracing::info!(?report, "daily job done"),
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "daily job failed; it will catch up at the next run")
                }
            }
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
    });

    let conf = get_configuration(None)?;
    let options = conf.leptos_options;
    let addr = options.site_addr;
    let app = server::router(services, options);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("ruche listening on http://{addr}");
    println!("  ruche is serving on http://{addr}");
    // The peer's address reaches the handlers, for the limits by client address.
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await?;
    tracing::info!("stopped");
    Ok(())
}

fn print_demo_logins() {
    println!("\n  Demo logins (password: {}):", demo::DEMO_PASSWORD);
    for (email, role) in demo::ACCOUNTS {
        println!("    {:<18} {email}", role.as_str());
    }
    println!("    {:<18} {}", "member (flexible)", demo::FLEXIBLE_MEMBER);
    println!();
}

/// A database URL without its password, for the log.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}://{user}:***{}", &url[..s], &url[at..])
        }
        _ => url.to_string(),
    }
}

/// Resolves on Ctrl-C or SIGTERM, letting requests in flight finish.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
