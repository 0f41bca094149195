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

/// A path on this site to go back to, or `/`: never another site (`//evil`, `https://...`).
pub fn local_path(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next
    } else {
        "/"
    }
}

/// Where a person lands after signing in without asking for a page: a stock manager (who
/// keeps no register or planning) on the catalogue, everyone else on their card.
pub fn landing(roles: &[domain::Role]) -> &'static str {
    use domain::Role;
    let desk = roles
        .iter()
        .any(|r| matches!(r, Role::Admin | Role::Coordinator));
    if roles.contains(&Role::StockManager) && !desk {
        "/stock"
    } else {
        "/"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Role;

    #[test]
    fn landings() {
        let cases: [(&[Role], &str); 5] = [
            (&[Role::StockManager], "/stock"),
            (&[Role::Member, Role::StockManager], "/stock"),
            (&[Role::StockManager, Role::Coordinator], "/"),
            (&[Role::Admin], "/"),
            (&[Role::Member], "/"),
        ];
        for (roles, expected) in cases {
            assert_eq!(landing(roles), expected, "{roles:?}");
        }
    }

    #[test]
    fn encoding() {
        assert_eq!(encode("a b&c=é"), "a%20b%26c%3D%C3%A9");
    }

    #[test]
    fn only_local_paths() {
        assert_eq!(local_path("/admin/members?q=x"), "/admin/members?q=x");
        assert_eq!(local_path("//evil.example"), "/");
        assert_eq!(local_path("https://evil.example"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path(""), "/");
    }
}
