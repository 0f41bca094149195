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

/// Where a person lands after signing in: where they were going, else their work screen
/// (cashiers the till), else the home page.
pub fn landing<'a>(next: &'a str, viewer: &domain::Viewer) -> &'a str {
    match local_path(next) {
        "/" if viewer.roles.contains(&domain::Role::Cashier) => "/till",
        path => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn cashiers_land_on_the_till() {
        let viewer = |roles: Vec<domain::Role>| domain::Viewer {
            user_id: uuid::Uuid::nil(),
            display_name: String::new(),
            email: String::new(),
            roles,
            language: domain::Language::En,
            member_id: None,
        };
        let cashier = viewer(vec![domain::Role::Member, domain::Role::Cashier]);
        let member = viewer(vec![domain::Role::Member]);
        assert_eq!(landing("", &cashier), "/till");
        assert_eq!(landing("/shifts", &cashier), "/shifts");
        assert_eq!(landing("", &member), "/");
        assert_eq!(landing("//evil.example", &member), "/");
    }
}
