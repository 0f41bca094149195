//! The error every server function returns. The server maps the services' errors to it (and to
//! an HTTP status) in one place, `ssr.rs`; the screens turn it into a message in the person's
//! language with [`I18n::error`](crate::i18n::I18n::error).

use domain::member_csv::RowError;
use domain::validation::FieldError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    Unauthenticated,
    Forbidden,
    NotFound,
    /// Every field that breaks a rule; nothing was written.
    Invalid(Vec<FieldError>),
    /// Every bad row of a CSV import; nothing was imported.
    ImportRefused(Vec<RowError>),
    /// The request could not be read (not JSON, a missing field, a value of the wrong type or
    /// out of range): a client that does not speak this server function's language. Nothing
    /// was written.
    BadRequest,
    /// Something went wrong on the server; the details are in its log, not here.
    Internal,
    /// The request did not reach the server or its answer could not be read.
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// On the server, arguments that cannot be decoded are the client's fault: a 400
    /// `BadRequest` (the serde message goes to the log, not to the person). Everything else,
    /// and everything in the browser, is a `Transport` error.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        if let ServerFnErrorErr::Args(why)
        | ServerFnErrorErr::Deserialization(why)
        | ServerFnErrorErr::MissingArg(why) = &value
        {
            tracing::info!(why = %why, "server function arguments refused");
            return crate::ssr::fail(AppError::BadRequest);
        }
        AppError::Transport(value.to_string())
    }
}

impl AppError {
    /// The errors of one form field.
    pub fn field_errors(&self, field: &str) -> Vec<domain::validation::Reason> {
        match self {
            AppError::Invalid(errors) => errors
                .iter()
                .filter(|e| e.field == field)
                .map(|e| e.reason.clone())
                .collect(),
            _ => vec![],
        }
    }
}
