//! The translation layer. Every string a person reads goes through [`t`] or [`t_args`], which
//! look the message up in the Fluent file of the person's language (`locales/*.ftl`). The files
//! are compiled in, so the browser translates without asking the server.
//!
//! A missing message shows its id, and a test checks that the three files define exactly the
//! same messages.

use domain::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

const FR: &str = include_str!("../locales/fr.ftl");
const NL: &str = include_str!("../locales/nl.ftl");
const EN: &str = include_str!("../locales/en.ftl");

type Bundle = FluentBundle<FluentResource>;

fn source(lang: Language) -> &'static str {
    match lang {
        Language::Fr => FR,
        Language::Nl => NL,
        Language::En => EN,
    }
}

fn build(lang: Language) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language id");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks would land in the page around every argument; the UI is left-to-right.
    bundle.set_use_isolating(false);
    let resource =
        FluentResource::try_new(source(lang).to_string()).unwrap_or_else(|(res, _errors)| res);
    bundle.add_resource_overriding(resource);
    bundle
}

fn bundle(lang: Language) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match lang {
        Language::Fr => 0,
        Language::Nl => 1,
        Language::En => 2,
    };
    BUNDLES[slot].get_or_init(|| build(lang))
}

/// The message `id` in `lang`.
pub fn t(lang: Language, id: &str) -> String {
    t_args(lang, id, &[])
}

/// The message `id` in `lang`, with named arguments.
pub fn t_args(lang: Language, id: &str, args: &[(&str, String)]) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        match v.parse::<f64>() {
            Ok(n) if !v.starts_with('0') || v == "0" => fargs.set(*k, FluentValue::from(n)),
            _ => fargs.set(*k, FluentValue::from(v.clone())),
        }
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// The message of a validation reason, in `lang`. A member's status travels as its code
/// (`suspended`): the message names it in `lang`.
pub fn reason(lang: Language, r: &domain::validation::Reason) -> String {
    let mut args = r.args();
    match r {
        domain::validation::Reason::MayNotShop { status } => {
            args = vec![("status", t(lang, &format!("status-{status}")))];
        }
        domain::validation::Reason::OrderStateForbids { state } => {
            args = vec![("state", t(lang, &format!("order-state-{state}")))];
        }
        _ => {}
    }
    t_args(lang, r.message_id(), &args)
}

/// The ids of all messages of a language, for tests and tooling.
pub fn message_ids(lang: Language) -> Vec<String> {
    let resource = FluentResource::try_new(source(lang).to_string()).unwrap_or_else(|(res, _)| res);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_file_parses_cleanly() {
        for lang in Language::ALL {
            let parsed = FluentResource::try_new(source(lang).to_string());
            assert!(
                parsed.is_ok(),
                "{} has syntax errors: {:?}",
                lang.code(),
                parsed.err().map(|e| e.1)
            );
        }
    }

    #[test]
    fn the_three_languages_define_the_same_messages() {
        let fr: BTreeSet<String> = message_ids(Language::Fr).into_iter().collect();
        for lang in [Language::Nl, Language::En] {
            let other: BTreeSet<String> = message_ids(lang).into_iter().collect();
            assert_eq!(
                fr.difference(&other).collect::<Vec<_>>(),
                Vec::<&String>::new(),
                "missing in {}",
                lang.code()
            );
            assert_eq!(
                other.difference(&fr).collect::<Vec<_>>(),
                Vec::<&String>::new(),
                "only in {}",
                lang.code()
            );
        }
    }

    #[test]
    fn every_reason_has_a_message() {
        use domain::validation::Reason;
        let reasons = [
            Reason::Required,
            Reason::TooLong { max: 3 },
            Reason::DuplicateInFile { line: 4 },
            Reason::NotEnoughShares { held: 2 },
            Reason::UnknownColumn { name: "x".into() },
            Reason::StaffEmailAdminsOnly,
            Reason::SupervisorNotRecognised,
            Reason::OrderStateForbids {
                state: "sent".into(),
            },
            Reason::NothingToOrder,
            Reason::NoOrderEmail,
            Reason::ReceptionValidated,
            Reason::NotSupplied,
            Reason::NothingReceived,
        ];
        for lang in Language::ALL {
            for r in &reasons {
                let text = reason(lang, r);
                assert_ne!(
                    text,
                    r.message_id(),
                    "{} lacks {}",
                    lang.code(),
                    r.message_id()
                );
            }
        }
        assert_eq!(
            reason(Language::En, &Reason::TooLong { max: 80 }),
            "At most 80 characters."
        );
        assert_eq!(
            reason(Language::Fr, &Reason::DuplicateInFile { line: 4 }),
            "Déjà présent à la ligne 4."
        );
    }

    #[test]
    fn a_refusal_names_the_members_status_in_the_language() {
        use domain::validation::Reason;
        let refused = Reason::MayNotShop {
            status: domain::shifts::Status::Suspended.as_str().to_string(),
        };
        for (lang, name) in [
            (Language::En, "Suspended"),
            (Language::Fr, &t(Language::Fr, "status-suspended")),
            (Language::Nl, &t(Language::Nl, "status-suspended")),
        ] {
            let text = reason(lang, &refused);
            assert!(text.contains(name), "{text}");
            assert!(!text.contains("suspended"), "{text}");
            assert_ne!(name, "status-suspended");
        }
    }

    #[test]
    fn a_refusal_names_the_orders_state_in_the_language() {
        use domain::validation::Reason;
        let refused = Reason::OrderStateForbids {
            state: "partly_received".into(),
        };
        assert_eq!(
            reason(Language::En, &refused),
            "Not possible for an order that is partly received."
        );
        assert!(!reason(Language::Fr, &refused).contains("partly_received"));
        assert!(!reason(Language::Nl, &refused).contains("partly_received"));
    }

    #[test]
    fn missing_messages_show_their_id() {
        assert_eq!(t(Language::Nl, "no-such-message"), "no-such-message");
    }
}
