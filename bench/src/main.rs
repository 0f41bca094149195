//! `loadgen`: measures ruche on this machine and merges the figures into a JSON object of
//! name: number (`target/bench/results.json` by default).
//!
//! Usage:
//! - `loadgen http://127.0.0.1:3200 [results.json]`: a running server with the demo coop.
//! - `loadgen seed DATABASE_URL SEED_JSON [results.json]`: writes a coop of 20,000 members with
//!   five years of history into a fresh database, times recomputing every status, and writes
//!   what the rush needs (sessions, shifts) to `SEED_JSON` (see [`coop`]).
//! - `loadgen recompute DATABASE_URL [results.json]`: times recomputing every status again on
//!   the database `loadgen seed` wrote.
//! - `loadgen rush http://127.0.0.1:3201 DATABASE_URL SEED_JSON [results.json]`: a server on
//!   that database; the booking rush and the member's shift page (see [`rush`]).
//! - `loadgen weight http://127.0.0.1:3200 [results.json]`: only the page weights (see
//!   [`weight`]) of a running server with the demo coop.
//! - `loadgen products DATABASE_URL N`: writes N catalogue products into a database (migrated
//!   first), for the till's figures measured in Chromium (`end2end/bench/till.bench.ts`).
//!
//! Only loopback addresses are accepted; every loop is bounded in count, and every request in
//! time.
//!
//! Figures of the demo coop:
//! - `page_weight_member_kb`, `page_weight_stock_kb`, `page_weight_till_kb`: what a first
//!   visit of each person downloads, compressed as served (see [`weight`]).
//! - `member_home_p99_ms` (and `_p50_ms`): server render of the member's home page, 50
//!   concurrent clients, 40 pages each.
//! - `sign_in_p99_ms` (and `_p50_ms`): signing in (argon2id), 4 concurrent clients, 25 each.

mod coop;
mod rush;
mod weight;

use bench::{percentile, write_figures};
use bytes::Bytes;
use http::{header, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use serde_json::{Map, Value};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);
const MEMBER: (&str, &str) = ("member@demo.ruche.coop", "ruche-demo");

type Sender = SendRequest<Full<Bytes>>;

pub(crate) struct Client {
    host: String,
    sender: Sender,
}

impl Client {
    pub(crate) async fn connect(host: &str) -> Client {
        let stream = tokio::net::TcpStream::connect(host)
            .await
            .expect("connect to the server");
        stream.set_nodelay(true).ok();
        let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .expect("http handshake");
        tokio::spawn(conn);
        Client {
            host: host.to_string(),
            sender,
        }
    }

    /// Sends a request and reads the whole answer: (status, headers, body bytes).
    pub(crate) async fn send(
        &mut self,
        method: Method,
        path: &str,
        headers: &[(header::HeaderName, String)],
        body: &str,
    ) -> (StatusCode, http::HeaderMap, Bytes) {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, &self.host);
        for (k, v) in headers {
            req = req.header(k, v);
        }
        let req = req
            .body(Full::new(Bytes::from(body.to_string())))
            .expect("a request");
        let fut = async {
            self.sender.ready().await.expect("connection ready");
            let res = self.sender.send_request(req).await.expect("an answer");
            let (parts, body) = res.into_parts();
            let bytes = body.collect().await.expect("a body").to_bytes();
            (parts.status, parts.headers, bytes)
        };
        tokio::time::timeout(TIMEOUT, fut)
            .await
            .expect("an answer in time")
    }
}

/// Signs in one of the demo coop's accounts; returns its session cookie.
pub(crate) async fn sign_in(c: &mut Client, email: &str) -> String {
    let body = format!(
        "email={}&password={}&next=/",
        email.replace('@', "%40"),
        MEMBER.1
    );
    let (status, headers, _) = c
        .send(
            Method::POST,
            "/auth/sign-in",
            &[(
                header::CONTENT_TYPE,
                "application/x-www-form-urlencoded".into(),
            )],
            &body,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "sign-in answers with a redirect"
    );
    let cookie = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("ruche_session="))
        .expect("a session cookie");
    cookie.split(';').next().unwrap_or_default().to_string()
}

/// Runs `clients` concurrent clients doing `each` timed operations; returns sorted latencies.
pub(crate) async fn load<F, Fut>(host: &str, clients: usize, each: usize, op: F) -> Vec<f64>
where
    F: Fn(Client) -> Fut + Send + Sync + Clone + 'static,
    Fut: std::future::Future<Output = (Client, f64)> + Send,
{
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let op = op.clone();
        let host = host.to_string();
        tasks.push(tokio::spawn(async move {
            let mut c = Client::connect(&host).await;
            let mut times = Vec::with_capacity(each);
            for _ in 0..each {
                let (back, ms) = op(c).await;
                c = back;
                times.push(ms);
            }
            times
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("a client task"));
    }
    all.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    all
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: &str| args.get(i).cloned().unwrap_or_else(|| default.into());
    const RESULTS: &str = "target/bench/results.json";
    match args.first().map(String::as_str) {
        Some("seed") => {
            let figures = coop::seed(&arg(1, ""), &arg(2, "target/bench/seed.json")).await;
            write_figures(&arg(3, RESULTS), figures);
        }
        Some("products") => {
            let n: usize = arg(2, "20000").parse().expect("a number of products");
            let db = services::db::connect(&arg(1, ""))
                .await
                .expect("connect and migrate");
            let started = Instant::now();
            services::bulk::products(&db, n)
                .await
                .expect("the products");
            println!("{n} products written in {:?}", started.elapsed());
        }
        Some("weight") => {
            let host = loopback(&arg(1, "http://127.0.0.1:3200"));
            let mut figures = Map::new();
            weight::measure(&host, &mut figures).await;
            write_figures(&arg(2, RESULTS), figures);
        }
        Some("recompute") => {
            let figures = coop::recompute(&arg(1, "")).await;
            write_figures(&arg(2, RESULTS), figures);
        }
        Some("rush") => {
            let host = loopback(&arg(1, "http://127.0.0.1:3201"));
            let figures = rush::run(&host, &arg(2, ""), &arg(3, "target/bench/seed.json")).await;
            write_figures(&arg(4, RESULTS), figures);
        }
        _ => {
            let host = loopback(&arg(0, "http://127.0.0.1:3200"));
            let figures = demo(&host).await;
            write_figures(&arg(1, RESULTS), figures);
        }
    }
}

/// The host:port of a loopback base URL; anything else is refused.
pub(crate) fn loopback(base: &str) -> String {
    let host = base
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    assert!(
        host.starts_with("127.") || host.starts_with("localhost:") || host.starts_with("[::1]"),
        "loadgen only targets this machine (loopback), not {host}"
    );
    host
}

/// The figures of a server with the demo coop.
async fn demo(host: &str) -> Map<String, Value> {
    let host = host.to_string();
    let mut figures = Map::new();

    weight::measure(&host, &mut figures).await;

    let mut c = Client::connect(&host).await;
    let cookie = sign_in(&mut c, MEMBER.0).await;
    let home = {
        let cookie = cookie.clone();
        move |mut c: Client| {
            let cookie = cookie.clone();
            async move {
                let t = Instant::now();
                let (status, _, body) = c
                    .send(
                        Method::GET,
                        "/",
                        &[
                            (header::COOKIE, cookie),
                            (header::ACCEPT, "text/html".into()),
                        ],
                        "",
                    )
                    .await;
                assert_eq!(status, StatusCode::OK);
                assert!(
                    body.windows(11).any(|w| w == b"member-card"),
                    "the home page shows the card"
                );
                (c, t.elapsed().as_secs_f64() * 1000.0)
            }
        }
    };
    load(&host, 10, 5, home.clone()).await; // warm up
    let started = Instant::now();
    let times = load(&host, 50, 40, home).await;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "member home: {} pages in {secs:.2} s, p50 {} ms, p99 {} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    figures.insert(
        "member_home_p50_ms".into(),
        Value::from(percentile(&times, 0.5)),
    );
    figures.insert(
        "member_home_p99_ms".into(),
        Value::from(percentile(&times, 0.99)),
    );
    figures.insert(
        "member_home_per_s".into(),
        Value::from((times.len() as f64 / secs).round()),
    );

    let times = load(&host, 4, 25, |mut c: Client| async move {
        let t = Instant::now();
        sign_in(&mut c, MEMBER.0).await;
        (c, t.elapsed().as_secs_f64() * 1000.0)
    })
    .await;
    println!(
        "sign-in: {} in total, p50 {} ms, p99 {} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    figures.insert(
        "sign_in_p50_ms".into(),
        Value::from(percentile(&times, 0.5)),
    );
    figures.insert(
        "sign_in_p99_ms".into(),
        Value::from(percentile(&times, 0.99)),
    );

    figures
}
