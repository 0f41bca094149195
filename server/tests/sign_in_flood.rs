//! A flood of bad sign-ins leaves the door open to the people who know their password, end to
//! end on SQLite and PostgreSQL.
//!
//! A real server process; an attacker at 127.0.0.2 posts 1,000 sign-ins with wrong passwords,
//! 50 at a time, at the admin's and a member's emails and at made-up ones. While it floods, the
//! member signs in from 127.0.0.1 and must be in within 2 seconds; after it, the admin too
//! (the attacker's failures lock the accounts for the attacker's address only). Most of the
//! flood must have been refused before any password was hashed.
//!
//! Bounded: 1,000 requests, every one limited in time, on 127.0.0.1 only; the server is killed
//! when the test ends, passed or not.

mod support;

use bytes::Bytes;
use domain::{Language, Role};
use http::{header, Method, Request, StatusCode};
use http_body_util::Full;
use services::{accounts, Services};
use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{exchange, Server};

const FLOOD: usize = 1_000;
const IN_FLIGHT: usize = 50;
const WITHIN: Duration = Duration::from_secs(2);
const ATTACKER: [u8; 4] = [127, 0, 0, 2];
const MEMBER: (&str, &str) = ("mira@example.be", "mira's own password");
const ADMIN: (&str, &str) = ("ada@example.be", "the admin's password");

/// One server at a time: the two databases' runs would otherwise share the machine's cores.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Posts a sign-in from `from`: (status, where it sends the person, whether a session
/// cookie was set).
async fn sign_in(
    port: u16,
    from: [u8; 4],
    (email, password): (&str, &str),
) -> (StatusCode, String, bool) {
    let form = format!(
        "email={}&password={}&next=",
        app::url::encode(email),
        app::url::encode(password)
    );
    let req = Request::builder()
        .method(Method::POST)
        .uri("/auth/sign-in")
        .header(header::HOST, format!("127.0.0.1:{port}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Full::new(Bytes::from(form)))
        .unwrap();
    let (status, headers, _) = exchange(port, Some(IpAddr::from(from)), req)
        .await
        .unwrap_or_else(|e| panic!("sign-in of {email} from {from:?}: {e}"));
    let location = headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let cookie = headers.get_all(header::SET_COOKIE).iter().any(|c| {
        c.to_str()
            .is_ok_and(|c| c.starts_with("ruche_session=") && !c.starts_with("ruche_session=;"))
    });
    (status, location, cookie)
}

/// Signs in from 127.0.0.1 and checks it worked within [`WITHIN`].
async fn gets_in(port: u16, who: (&str, &str)) {
    let started = Instant::now();
    let (status, location, cookie) = sign_in(port, [127, 0, 0, 1], who).await;
    let took = started.elapsed();
    eprintln!("{} signed in in {took:?}", who.0);
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", who.0);
    assert!(
        cookie && !location.contains("error"),
        "{} signed in: {location}",
        who.0
    );
    assert!(
        took < WITHIN,
        "{} signed in in {took:?}, not within {WITHIN:?}",
        who.0
    );
}

async fn a_flood_of_bad_sign_ins_leaves_the_door_open(s: Services) {
    let _turn = ONE_AT_A_TIME.lock().await;
    for ((email, password), role) in [(MEMBER, Role::Member), (ADMIN, Role::Admin)] {
        accounts::create_user(
            &s.db,
            email,
            email,
            Language::En,
            Some(password),
            None,
            &[role],
        )
        .await
        .unwrap();
    }
    let server = Server::start(&s.config.database_url).await;
    let port = server.port;
    let sent = Arc::new(AtomicUsize::new(0));
    let refused_early = Arc::new(AtomicUsize::new(0));
    let flood = {
        let (sent, refused_early) = (sent.clone(), refused_early.clone());
        tokio::spawn(async move {
            let mut attackers = Vec::new();
            for lane in 0..IN_FLIGHT {
                let (sent, refused_early) = (sent.clone(), refused_early.clone());
                attackers.push(tokio::spawn(async move {
                    for i in (lane..FLOOD).step_by(IN_FLIGHT) {
                        let unknown = format!("nobody{i}@example.be");
                        let email = match i % 3 {
                            0 => ADMIN.0,
                            1 => MEMBER.0,
                            _ => &unknown,
                        };
                        let (status, location, cookie) =
                            sign_in(port, ATTACKER, (email, "a wrong guess")).await;
                        assert_eq!(status, StatusCode::SEE_OTHER);
                        assert!(!cookie, "a wrong password opens no session");
                        if location.contains("error=too_many") {
                            refused_early.fetch_add(1, Ordering::Relaxed);
                        }
                        sent.fetch_add(1, Ordering::Relaxed);
                    }
                }));
            }
            for a in attackers {
                a.await.unwrap();
            }
        })
    };
    while sent.load(Ordering::Relaxed) < FLOOD / 10 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(
        sent.load(Ordering::Relaxed) < FLOOD,
        "the member signs in while the flood is still on"
    );
    gets_in(port, MEMBER).await;
    flood.await.unwrap();
    assert_eq!(sent.load(Ordering::Relaxed), FLOOD);
    gets_in(port, ADMIN).await;
    gets_in(port, MEMBER).await;
    let refused = refused_early.load(Ordering::Relaxed);
    assert!(
        refused >= FLOOD - services::throttle::ADDRESS_MAX_ATTEMPTS,
        "{refused} of {FLOOD} refused before hashing"
    );
}

services::on_both_databases!(a_flood_of_bad_sign_ins_leaves_the_door_open);
