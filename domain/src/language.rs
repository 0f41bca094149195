//! The languages ruche speaks: French, Dutch and English.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Fr,
    Nl,
    En,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Fr, Language::Nl, Language::En];

    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::Nl => "nl",
            Language::En => "en",
        }
    }

    /// The language's own name, as shown in a language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Fr => "Français",
            Language::Nl => "Nederlands",
            Language::En => "English",
        }
    }

    /// Parses a code such as `fr`, `nl-BE` or `EN`.
    pub fn parse(code: &str) -> Option<Language> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Language::Fr),
            "nl" => Some(Language::Nl),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The best language from an HTTP `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Language> {
        let mut best: Option<(Language, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("");
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(lang) = Language::parse(tag) {
                if best.is_none_or(|(_, bq)| q > bq) {
                    best = Some((lang, q));
                }
            }
        }
        best.map(|(l, _)| l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing() {
        assert_eq!(Language::parse("nl-BE"), Some(Language::Nl));
        assert_eq!(Language::parse("EN"), Some(Language::En));
        assert_eq!(Language::parse("de"), None);
        assert_eq!(Language::parse(""), None);
    }

    #[test]
    fn accept_language() {
        let cases = [
            ("nl-BE,nl;q=0.9,fr;q=0.8", Some(Language::Nl)),
            ("de-DE,de;q=0.9,en;q=0.5,fr;q=0.7", Some(Language::Fr)),
            ("en-US", Some(Language::En)),
            ("de, it", None),
            ("", None),
        ];
        for (header, want) in cases {
            assert_eq!(Language::from_accept_language(header), want, "{header}");
        }
    }
}
