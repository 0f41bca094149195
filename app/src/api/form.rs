//! The input encoding of the server functions a member's page calls from a plain HTML form:
//! the same endpoint reads JSON (the app's own script, the benchmarks, other clients) and the
//! URL-encoded body a browser without JavaScript posts. Outputs stay JSON.

use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// JSON when the body is a JSON object, else a URL-encoded form. The app's script sends JSON.
pub struct JsonOrFormEncoding;

/// Arguments as JSON or as a plain form, in the body of a `POST`.
pub type JsonOrForm = Post<JsonOrFormEncoding>;

impl ContentType for JsonOrFormEncoding {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonOrFormEncoding {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonOrFormEncoding {
    type Error = String;

    fn encode(value: &T) -> Result<Bytes, Self::Error> {
        serde_json::to_vec(value)
            .map(Bytes::from)
            .map_err(|e| e.to_string())
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonOrFormEncoding {
    type Error = String;

    /// Arguments are a struct, so a JSON body is an object: it starts with `{`, which a
    /// URL-encoded body never does (a form's `{` is sent as `%7B`). A form body is
    /// `name=value` pairs joined by `&`, at least one (a form without fields names its button):
    /// anything else (empty, `null`, a number, plain text) is refused, even by a function that
    /// takes no arguments.
    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        if bytes.trim_ascii_start().starts_with(b"{") {
            serde_json::from_slice(&bytes).map_err(|e| e.to_string())
        } else {
            let text = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
            if text.is_empty() || text.split('&').any(|pair| !pair.contains('=')) {
                return Err("neither a JSON object nor a form".into());
            }
            serde_qs::Config::new(5, false)
                .deserialize_str(text)
                .map_err(|e| e.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Args {
        shift_id: uuid::Uuid,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Dates {
        start: String,
        end: String,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Nothing {}

    fn decode<T: DeserializeOwned>(body: &str) -> Result<T, String> {
        <JsonOrFormEncoding as Decodes<T>>::decode(Bytes::from(body.to_string()))
    }

    #[test]
    fn reads_json_and_forms_alike() {
        let id = uuid::Uuid::from_u128(7);
        let args = Args { shift_id: id };
        let json = <JsonOrFormEncoding as Encodes<Args>>::encode(&args).unwrap();
        assert_eq!(
            decode::<Args>(std::str::from_utf8(&json).unwrap()),
            Ok(args)
        );
        assert_eq!(
            decode::<Args>(&format!("shift_id={id}")),
            Ok(Args { shift_id: id })
        );
        assert_eq!(
            decode::<Dates>("start=2099-07-20&end=2099-08-02"),
            Ok(Dates {
                start: "2099-07-20".into(),
                end: "2099-08-02".into()
            })
        );
        assert_eq!(
            decode::<Dates>(" {\"start\":\"a b\",\"end\":\"\"}"),
            Ok(Dates {
                start: "a b".into(),
                end: String::new()
            })
        );
        assert_eq!(
            decode::<Dates>("start=a+b%7B&end="),
            Ok(Dates {
                start: "a b{".into(),
                end: String::new()
            })
        );
    }

    #[test]
    fn a_form_without_fields_names_its_button() {
        assert_eq!(decode::<Nothing>("make=1"), Ok(Nothing {}));
        assert_eq!(decode::<Nothing>("{}"), Ok(Nothing {}));
        for body in ["", "null", "42", "\"text\"", "not json at all", "a=1&b"] {
            assert!(decode::<Nothing>(body).is_err(), "{body:?}");
        }
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(decode::<Args>("shift_id=not-a-uuid").is_err());
        assert!(decode::<Args>("{\"shift_id\":1}").is_err());
        assert!(decode::<Args>("").is_err());
    }
}
