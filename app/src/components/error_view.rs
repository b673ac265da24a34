//! An error shown in place, saying what happened and what to do about it.

use crate::model::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    let location = use_location();
    let here = location.pathname.get_untracked() + &location.search.get_untracked();
    let login_href = format!("/login?error=expired&next={}", urlencode(&here));
    let (title, action) = match &error {
        AppError::NotLoggedIn | AppError::SessionExpired => (
            "Your Qualys session has ended.",
            view! { <a href=login_href class="button">"Log in again"</a> }.into_any(),
        ),
        AppError::RateLimited { wait_secs } => (
            "The team's Qualys call budget is spent for now.",
            view! { <p class="wait" data-testid="wait">{format!("Qualys asks to wait {}.", human_wait(*wait_secs))}</p> }.into_any(),
        ),
        AppError::NotFound => ("Not found.", view! { <a href="/">"Back to the overview"</a> }.into_any()),
        AppError::BadFilter(_) => ("Qualys refused the filter.", view! { <p>"Check the filter fields and try again."</p> }.into_any()),
        _ => ("Qualys could not answer.", view! { <a href=here.clone() class="button">"Try again"</a> }.into_any()),
    };
    view! {
        <div class="error-view" role="alert">
            <p class="error-title">{title}</p>
            <p class="error-detail">{error.to_string()}</p>
            {action}
        </div>
    }
}

/// "2 min 5 s" from seconds.
pub fn human_wait(secs: u64) -> String {
    match secs {
        0..=59 => format!("{secs} s"),
        60..=3599 if secs.is_multiple_of(60) => format!("{} min", secs / 60),
        60..=3599 => format!("{} min {} s", secs / 60, secs % 60),
        _ => format!("{} h {} min", secs / 3600, secs % 3600 / 60),
    }
}

/// Percent-encodes a query value.
pub fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_like_people_talk() {
        assert_eq!(human_wait(5), "5 s");
        assert_eq!(human_wait(120), "2 min");
        assert_eq!(human_wait(125), "2 min 5 s");
        assert_eq!(human_wait(3700), "1 h 1 min");
    }

    #[test]
    fn urlencode_keeps_paths_readable() {
        assert_eq!(
            urlencode("/assets?x=1&y=a b"),
            "/assets%3Fx%3D1%26y%3Da%20b"
        );
    }
}
