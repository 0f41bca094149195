//! Real `server` processes for the load and crash tests: started on a free loopback port on a
//! given database, spoken to over HTTP/1.1 one request per connection, and killed with
//! SIGKILL (`kill -9`) when dropped, passed or not.

use bytes::Bytes;
use http::{header, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long one request may take.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// A server process; dropping it kills it with SIGKILL and reaps it.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

impl Server {
    /// Starts the server binary on `database_url` and a free loopback port (no demo coop, no
    /// mail), and waits until it answers `/health`.
    pub async fn start(database_url: &str) -> Server {
        let site = std::env::temp_dir().join("ruche-server-tests-site");
        std::fs::create_dir_all(site.join("pkg")).expect("an empty site folder");
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_server"))
            .env("DATABASE_URL", database_url)
            .env("RUCHE_DEMO", "0")
            .env("RUST_LOG", "error")
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", &site)
            .env("LEPTOS_OUTPUT_NAME", "ruche")
            .env("LEPTOS_SITE_PKG_DIR", "pkg")
            .env("LEPTOS_ENV", "PROD")
            .env_remove("SMTP_HOST")
            .stdout(Stdio::inherit())
            .spawn()
            .expect("start the server binary");
        let server = Server { child, port };
        let started = Instant::now();
        loop {
            if let Ok((StatusCode::OK, _)) = send(port, Method::GET, "/health", None, "").await {
                return server;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "server on port {port} answered /health within 60 s"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// One request on its own connection, with the `Cookie` header `cookie` (the session's
/// `ruche_session=…`, and a till's `ruche_till=…`): (status, body). Errors when the server
/// cannot be reached, drops the connection or does not answer within [`TIMEOUT`].
pub async fn send(
    port: u16,
    method: Method,
    path: &str,
    cookie: Option<&str>,
    body: &str,
) -> Result<(StatusCode, Bytes), String> {
    let host = format!("127.0.0.1:{port}");
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, &host)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT, "application/json");
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    let req = req
        .body(Full::new(Bytes::from(body.to_string())))
        .map_err(|e| e.to_string())?;
    let (status, _, bytes) = exchange(port, None, req).await?;
    Ok((status, bytes))
}

/// Sends `req` on a connection of its own, from the loopback address `from` when given (any
/// of 127.0.0.0/8, so that a test can play several clients): (status, headers, body).
pub async fn exchange(
    port: u16,
    from: Option<std::net::IpAddr>,
    req: Request<Full<Bytes>>,
) -> Result<(StatusCode, http::HeaderMap, Bytes), String> {
    let path = req.uri().to_string();
    let exchange = async {
        let server = std::net::SocketAddr::from(([127, 0, 0, 1], port));
        let stream = match from {
            Some(ip) => {
                let socket = tokio::net::TcpSocket::new_v4().map_err(|e| e.to_string())?;
                socket
                    .bind(std::net::SocketAddr::new(ip, 0))
                    .map_err(|e| e.to_string())?;
                socket.connect(server).await
            }
            None => tokio::net::TcpStream::connect(server).await,
        }
        .map_err(|e| e.to_string())?;
        let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| e.to_string())?;
        tokio::spawn(conn);
        let res = sender.send_request(req).await.map_err(|e| e.to_string())?;
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?
            .to_bytes();
        Ok((status, headers, bytes))
    };
    tokio::time::timeout(TIMEOUT, exchange)
        .await
        .map_err(|_| format!("no answer from {path} within {TIMEOUT:?}"))?
}
