//! Who is looking and in which language: worked out by the server from the session cookie,
//! written into a page that hydrates, and read back by the browser before hydrating.

use domain::{Language, Viewer};
use serde::{Deserialize, Serialize};

/// Who is looking and in which language. The server works it out from the session cookie and
/// writes it into the page; the browser reads it back before hydrating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub viewer: Option<Viewer>,
    pub lang: Language,
}

/// The id of the script element that carries the [`Session`] to the browser.
pub const SESSION_ELEMENT_ID: &str = "ruche-session";

/// Reads the [`Session`] the server wrote into the page, before hydrating.
#[cfg(feature = "hydrate")]
pub fn session_from_page() -> Session {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(SESSION_ELEMENT_ID))
        .and_then(|e| e.text_content())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or(Session {
            viewer: None,
            lang: Language::default(),
        })
}
