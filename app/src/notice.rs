//! What a member's page says about the last thing done on it, with or without JavaScript.
//!
//! With the app's script, each action's result, as it comes. Without it, the browser posts a
//! plain form to the server function, which answers with a redirect back to the page
//! (`ssr::answer_form`) and leaves the outcome in a short-lived cookie that the page reads,
//! and clears, once (`ssr::take_notice`). A cookie rather than the address: the calendar's
//! secret address stays out of URLs (history, logs), and no link can make a page say
//! something that did not happen.

use crate::components::field::Outcome;
use crate::error::AppError;
use chrono::NaiveDate;
use domain::shifts::Cancellation;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::{Deserialize, Serialize};

/// The cookie that carries a plain form post's [`Notice`] to the page it goes back to.
pub const COOKIE: &str = "ruche_notice";

/// What a member's action did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Done {
    Booked,
    Cancelled(Cancellation),
    Offered,
    Taken,
    /// The new calendar address, shown once.
    CalendarMade {
        url: String,
    },
    /// A holiday recorded, from and to the dates as typed (`YYYY-MM-DD`).
    Holiday {
        start: String,
        end: String,
    },
    /// More time granted, until this date.
    Extended {
        until: Option<NaiveDate>,
    },
}

/// The outcome of the last action on a page: the server function's path, and what it did or
/// why it refused; after a refusal, what the form held, to fill it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub from: String,
    pub outcome: Result<Done, AppError>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub typed: Vec<(String, String)>,
}

impl Notice {
    /// The notice of the result of the server function at `from`.
    pub fn of<T>(from: &str, result: &Result<T, AppError>, done: impl FnOnce(&T) -> Done) -> Self {
        Notice {
            from: from.to_string(),
            outcome: match result {
                Ok(value) => Ok(done(value)),
                Err(error) => Err(error.clone()),
            },
            typed: vec![],
        }
    }

    /// Keeps what the form held when the action was refused (its fields' names and values).
    pub fn keeping(mut self, typed: &[(&str, &str)]) -> Self {
        if self.outcome.is_err() {
            self.typed = typed
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect();
        }
        self
    }

    /// What the field `name` held, when the form is to be filled again.
    pub fn typed(&self, name: &str) -> Option<&str> {
        self.typed
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The cookie's value: percent-encoded JSON.
    pub fn to_cookie(&self) -> String {
        crate::url::encode(&serde_json::to_string(self).unwrap_or_default())
    }

    /// Reads a cookie's value back; anything else is no notice.
    pub fn from_cookie(value: &str) -> Option<Self> {
        serde_json::from_str(&crate::url::decode(value)?).ok()
    }
}

/// The page's notice: what a plain form post left for it (read once, on the server), then,
/// with the app's script, each action's result as it finishes (see [`follow`]).
pub fn page_notice() -> RwSignal<Option<Notice>> {
    #[cfg(feature = "ssr")]
    let first = crate::ssr::take_notice();
    #[cfg(not(feature = "ssr"))]
    let first = None;
    RwSignal::new(first)
}

/// The outcome in `notice`, when it comes from one of the server functions at `paths`.
pub fn outcome_of(
    notice: RwSignal<Option<Notice>>,
    paths: &'static [&'static str],
) -> Outcome<Done> {
    Signal::derive(move || {
        notice
            .get()
            .filter(|n| paths.contains(&n.from.as_str()))
            .map(|n| n.outcome)
    })
}

/// Shows the result of `action` in `notice` each time it finishes.
pub fn follow<S>(
    notice: RwSignal<Option<Notice>>,
    action: ServerAction<S>,
    done: impl Fn(&S::Output) -> Done + 'static,
) where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            notice.set(Some(Notice::of(S::PATH, &result, &done)));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::shifts::BookingError;
    use domain::validation::{FieldError, Reason};

    #[test]
    fn a_notice_round_trips_through_its_cookie() {
        let notices = [
            Notice::of("/api/shifts/cancel", &Ok(()), |_| {
                Done::Cancelled(Cancellation::Late)
            }),
            Notice::of("/api/shifts/calendar-reset", &Ok(()), |_| {
                Done::CalendarMade {
                    url: "http://127.0.0.1:3000/calendar/ab12.ics".into(),
                }
            }),
            Notice::of("/api/shifts/my-holiday", &Ok(()), |_| Done::Holiday {
                start: "2099-07-20".into(),
                end: "2099-08-02".into(),
            })
            .keeping(&[("start", "2099-07-20")]),
            Notice::of::<()>("/api/shifts/my-holiday", &Err(AppError::Internal), |_| {
                Done::Booked
            })
            .keeping(&[("start", "2099-07-20"), ("end", "")]),
            Notice::of::<()>(
                "/api/shifts/book",
                &Err(AppError::Invalid(vec![FieldError::new(
                    "shift",
                    Reason::Booking {
                        error: BookingError::MissingSkill {
                            skill: "caisse; été=\"oui\"".into(),
                        },
                    },
                )])),
                |_| Done::Booked,
            ),
        ];
        for notice in notices {
            let value = notice.to_cookie();
            assert!(
                value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"%-_.~".contains(&b)),
                "{value}"
            );
            assert_eq!(Notice::from_cookie(&value), Some(notice));
        }
    }

    #[test]
    fn a_refused_form_is_kept_to_be_filled_again() {
        let typed = [("start", "2099-07-20"), ("end", "2099-07-10")];
        let refused = Notice::of::<()>("/f", &Err(AppError::Internal), |_| Done::Booked);
        let refused = refused.keeping(&typed);
        assert_eq!(refused.typed("end"), Some("2099-07-10"));
        assert_eq!(refused.typed("other"), None);
        let done = Notice::of("/f", &Ok(()), |_| Done::Booked).keeping(&typed);
        assert_eq!(done.typed("start"), None);
    }

    #[test]
    fn anything_else_is_no_notice() {
        assert_eq!(Notice::from_cookie(""), None);
        assert_eq!(Notice::from_cookie("%7B%22from%22"), None);
        assert_eq!(Notice::from_cookie("%ZZ"), None);
    }
}
