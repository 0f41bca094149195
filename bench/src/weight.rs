//! Page weight: what one person's first visit downloads, compressed as the server sends it to a
//! browser that accepts `br, gzip`. Each page's HTML counts; so does every stylesheet, script,
//! module, WASM and preloaded chunk a page links, and every module those scripts import, each
//! once (the browser keeps what it has). Figures in kB (1,024 bytes).

use crate::Client;
use http::{header, Method, StatusCode};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// One person's first visit: the sign-in page, then their pages signed in as them.
struct Visit {
    figure: &'static str,
    email: &'static str,
    pages: &'static [&'static str],
}

const VISITS: [Visit; 3] = [
    Visit {
        figure: "page_weight_member_kb",
        email: "member@demo.ruche.coop",
        pages: &["/", "/shifts", "/shifts/book"],
    },
    Visit {
        figure: "page_weight_stock_kb",
        email: "stock@demo.ruche.coop",
        pages: &["/stock", "/stock/products"],
    },
    Visit {
        figure: "page_weight_till_kb",
        email: "cashier@demo.ruche.coop",
        pages: &["/till"],
    },
];

/// Measures every person's visit and adds a figure for each.
pub(crate) async fn measure(host: &str, figures: &mut Map<String, Value>) {
    for visit in &VISITS {
        let mut c = Client::connect(host).await;
        let mut seen = BTreeSet::new();
        let mut total = fetch_page(&mut c, "/sign-in", None, &mut seen).await;
        let cookie = crate::sign_in(&mut c, visit.email).await;
        for page in visit.pages {
            total += fetch_page(&mut c, page, Some(&cookie), &mut seen).await;
        }
        let kb = (total as f64 / 1024.0 * 10.0).round() / 10.0;
        println!("{}: {kb} kB ({} files)", visit.figure, seen.len());
        figures.insert(visit.figure.into(), Value::from(kb));
    }
}

/// Fetches a page and what it needs that is not yet in `seen`; returns the bytes on the wire.
async fn fetch_page(
    c: &mut Client,
    page: &str,
    cookie: Option<&str>,
    seen: &mut BTreeSet<String>,
) -> usize {
    let (bytes, html) = fetch(c, page, cookie).await;
    let mut total = bytes;
    let mut queue: Vec<String> = assets_of_html(&html);
    while let Some(url) = queue.pop() {
        if !seen.insert(url.clone()) {
            continue;
        }
        let (bytes, body) = fetch(c, &url, None).await;
        println!("  {page:<16} {url:<40} {bytes:>9} bytes");
        total += bytes;
        if url.ends_with(".js") {
            queue.extend(imports_of_js(&url, &body));
        }
    }
    total
}

/// GETs a path; returns the body's size as sent and the body decoded as text (empty for
/// binaries, which are never read).
async fn fetch(c: &mut Client, path: &str, cookie: Option<&str>) -> (usize, String) {
    let mut headers = vec![
        (header::ACCEPT_ENCODING, "br, gzip".to_string()),
        (header::ACCEPT, "text/html,*/*".to_string()),
    ];
    if let Some(cookie) = cookie {
        headers.push((header::COOKIE, cookie.to_string()));
    }
    let (status, answer, body) = c.send(Method::GET, path, &headers, "").await;
    assert_eq!(status, StatusCode::OK, "GET {path}");
    let encoding = answer
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity")
        .to_string();
    let text = if path.ends_with(".wasm") {
        String::new()
    } else {
        decode(&encoding, &body)
    };
    (body.len(), text)
}

fn decode(encoding: &str, body: &[u8]) -> String {
    use std::io::Read;
    let mut out = Vec::new();
    match encoding {
        "br" => {
            brotli::Decompressor::new(body, 4096)
                .read_to_end(&mut out)
                .expect("a brotli body");
        }
        "gzip" => {
            flate2::read::GzDecoder::new(body)
                .read_to_end(&mut out)
                .expect("a gzip body");
        }
        _ => out.extend_from_slice(body),
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The same-origin files a page links: `<link href>` (stylesheets, module preloads, preloads)
/// and `<script src>`.
fn assets_of_html(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (tag, attr) in [("<link", "href=\""), ("<script", "src=\"")] {
        for (at, _) in html.match_indices(tag) {
            let rest = &html[at..];
            let end = rest.find('>').unwrap_or(rest.len());
            let element = &rest[..end];
            if tag == "<link"
                && !["stylesheet", "modulepreload", "preload"]
                    .iter()
                    .any(|rel| element.contains(&format!("rel=\"{rel}\"")))
            {
                continue;
            }
            if let Some(value) = attribute(element, attr) {
                if value.starts_with('/') && !value.starts_with("//") {
                    found.push(value.to_string());
                }
            }
        }
    }
    found
}

fn attribute<'a>(element: &'a str, attr: &str) -> Option<&'a str> {
    let start = element.find(attr)? + attr.len();
    let len = element[start..].find('"')?;
    Some(&element[start..start + len])
}

/// The modules a script imports by a relative or absolute path (`from './snippets/x.js'`).
fn imports_of_js(url: &str, js: &str) -> Vec<String> {
    let dir = &url[..url.rfind('/').map(|i| i + 1).unwrap_or(0)];
    let mut found = Vec::new();
    for quote in ['\'', '"'] {
        let pattern = format!("from {quote}");
        for (at, _) in js.match_indices(&pattern) {
            let start = at + pattern.len();
            let Some(len) = js[start..].find(quote) else {
                continue;
            };
            let path = &js[start..start + len];
            if let Some(relative) = path.strip_prefix("./") {
                found.push(format!("{dir}{relative}"));
            } else if path.starts_with('/') {
                found.push(path.to_string());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_links_its_stylesheet_module_and_wasm_but_not_its_icon() {
        let html = r#"<head><link rel="icon" href="/favicon.svg"/>
            <link rel="modulepreload" href="/pkg/ruche.js" crossorigin=""/>
            <link rel="preload" href="/pkg/ruche.wasm" as="fetch" type="application/wasm"/>
            <link rel="stylesheet" id="leptos" href="/pkg/ruche.css"/>
            <script src="https://elsewhere.example/x.js"></script></head>"#;
        let mut found = assets_of_html(html);
        found.sort();
        assert_eq!(
            found,
            ["/pkg/ruche.css", "/pkg/ruche.js", "/pkg/ruche.wasm"]
        );
        assert!(assets_of_html("<p>no assets</p>").is_empty());
    }

    #[test]
    fn a_script_imports_its_snippets() {
        let js = "import { a } from './snippets/app-1/inline0.js';\nimport * as b from \"/pkg/other.js\";\nimport c from 'bare';";
        assert_eq!(
            imports_of_js("/pkg/ruche.js", js),
            ["/pkg/snippets/app-1/inline0.js", "/pkg/other.js"]
        );
    }
}
