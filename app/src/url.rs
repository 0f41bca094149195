//! Small URL helpers shared by the screens and the server's redirects.

/// Percent-encodes a query parameter value.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Reads back what [`encode`] wrote (and any percent-encoding of UTF-8); `None` for a broken
/// escape or bytes that are not UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The path and query of an absolute address (`http://host/shifts?week=1` is
/// `/shifts?week=1`), or of a path, if it stays on this site: for going back to the page a form
/// was posted from (its `Referer`).
pub fn path_of(address: &str) -> Option<&str> {
    let path = match address.split_once("://") {
        Some((_, rest)) => &rest[rest.find('/')?..],
        None => address,
    };
    (local_path(path) == path).then_some(path)
}

/// A path on this site to go back to, or `/`: never another site. The check is made on what
/// a browser makes of the text (the URL standard's parsing): leading and trailing control
/// characters and spaces dropped, tabs and newlines removed anywhere, and a backslash read as
/// a slash, so `/\t/evil.example`, `/\\evil.example` and ` //evil.example` are refused like
/// `//evil.example` and `https://evil.example`. What is returned is what was checked, with
/// the bytes a `Location` header cannot carry percent-encoded.
pub fn local_path(next: &str) -> String {
    let cleaned: String = next
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let mut chars = cleaned.chars();
    let local = chars.next() == Some('/') && !matches!(chars.next(), Some('/' | '\\'));
    if !local {
        return "/".into();
    }
    cleaned
        .bytes()
        .map(|b| match b {
            0x21..=0x7e => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Where a person lands after signing in: where they were going, else their work screen
/// when that is all they do (a cashier the till, a stock manager the catalogue; admins and
/// coordinators keep their card), else the home page.
pub fn landing(next: &str, viewer: &domain::Viewer) -> String {
    use domain::Role;
    let roles = &viewer.roles;
    let desk = roles
        .iter()
        .any(|r| matches!(r, Role::Admin | Role::Coordinator));
    match local_path(next).as_str() {
        "/" if roles.contains(&Role::Cashier) && !desk => "/till".into(),
        "/" if roles.contains(&Role::StockManager) && !desk => "/stock".into(),
        path => path.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Role;

    fn viewer(roles: &[Role]) -> domain::Viewer {
        domain::Viewer {
            user_id: uuid::Uuid::nil(),
            display_name: String::new(),
            email: String::new(),
            roles: roles.to_vec(),
            language: domain::Language::En,
            member_id: None,
        }
    }

    #[test]
    fn landings() {
        let cases: [(&[Role], &str); 7] = [
            (&[Role::StockManager], "/stock"),
            (&[Role::Member, Role::StockManager], "/stock"),
            (&[Role::StockManager, Role::Coordinator], "/"),
            (&[Role::Member, Role::Cashier], "/till"),
            (&[Role::Cashier, Role::Admin], "/"),
            (&[Role::Admin], "/"),
            (&[Role::Member], "/"),
        ];
        for (roles, expected) in cases {
            assert_eq!(landing("", &viewer(roles)), expected, "{roles:?}");
        }
    }

    #[test]
    fn encoding() {
        assert_eq!(encode("a b&c=é"), "a%20b%26c%3D%C3%A9");
    }

    #[test]
    fn decoding() {
        for s in ["a b&c=é", "{\"x\":\"y; z\"}", ""] {
            assert_eq!(decode(&encode(s)).as_deref(), Some(s));
        }
        assert_eq!(decode("%4"), None);
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%FF"), None);
    }

    #[test]
    fn paths_of_addresses() {
        assert_eq!(
            path_of("http://127.0.0.1:3000/shifts/book?week=2"),
            Some("/shifts/book?week=2")
        );
        assert_eq!(path_of("https://coop.example/"), Some("/"));
        assert_eq!(path_of("https://coop.example"), None);
        assert_eq!(path_of("/my/requests"), Some("/my/requests"));
        assert_eq!(path_of("https://coop.example//evil.example"), None);
        assert_eq!(path_of("evil.example"), None);
    }

    #[test]
    fn only_local_paths() {
        let cases = [
            ("/admin/members?q=x", "/admin/members?q=x"),
            ("/shifts#week", "/shifts#week"),
            ("", "/"),
            ("shifts", "/"),
            ("//evil.example", "/"),
            ("https://evil.example", "/"),
            ("javascript:alert(1)", "/"),
            ("http:evil.example", "/"),
            ("/\\evil.example", "/"),
            ("\\\\evil.example", "/"),
            ("\\/evil.example", "/"),
            ("/\t/evil.example", "/"),
            ("/\n/evil.example", "/"),
            ("/\r\n/evil.example", "/"),
            ("\t//evil.example", "/"),
            (" //evil.example", "/"),
            ("\u{0}//evil.example", "/"),
            ("\u{1f}/\\evil.example", "/"),
            ("/\t\\evil.example", "/"),
            // Still this site: what the browser would ask for, and a header can carry.
            (" /shifts ", "/shifts"),
            ("/sh\tifts", "/shifts"),
            ("/%2F/evil.example", "/%2F/evil.example"),
            ("/.//evil.example", "/.//evil.example"),
            ("/caf\u{e9} ok", "/caf%C3%A9%20ok"),
            ("/a\u{7f}b", "/a%7Fb"),
        ];
        for (next, expected) in cases {
            assert_eq!(local_path(next), expected, "{next:?}");
        }
    }

    #[test]
    fn a_page_asked_for_comes_first() {
        let cashier = viewer(&[Role::Member, Role::Cashier]);
        let member = viewer(&[Role::Member]);
        assert_eq!(landing("/shifts", &cashier), "/shifts");
        assert_eq!(landing("", &member), "/");
        assert_eq!(landing("//evil.example", &member), "/");
    }
}
