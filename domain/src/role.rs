//! Roles: what a person may do. A person may hold several; admin may do everything.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Member,
    ShiftLeader,
    Cashier,
    StockManager,
    Coordinator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Member,
        Role::ShiftLeader,
        Role::Cashier,
        Role::StockManager,
        Role::Coordinator,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::ShiftLeader => "shift_leader",
            Role::Cashier => "cashier",
            Role::StockManager => "stock_manager",
            Role::Coordinator => "coordinator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }
}

/// Whether someone holding `held` may act where `allowed` roles are accepted.
/// Admin is accepted everywhere.
pub fn permits(held: &[Role], allowed: &[Role]) -> bool {
    held.contains(&Role::Admin) || held.iter().any(|r| allowed.contains(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("king"), None);
    }

    #[test]
    fn permission_table() {
        use Role::*;
        let cases: [(&[Role], &[Role], bool); 5] = [
            (&[Member], &[Coordinator], false),
            (&[Member, Coordinator], &[Coordinator], true),
            (&[Admin], &[Coordinator], true),
            (&[], &[Member], false),
            (&[Cashier], &[Cashier, StockManager], true),
        ];
        for (held, allowed, want) in cases {
            assert_eq!(permits(held, allowed), want, "{held:?} in {allowed:?}");
        }
    }
}
