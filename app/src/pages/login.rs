//! `/login`: a plain HTML form posted to the server (works without JavaScript). Platform from
//! the allow-list, username and password, or a pasted token for single-sign-on users.
//! After a failed try the form comes back with the username, platform and destination kept.

use crate::components::use_site;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The message for an `error=` code the server redirects back with.
pub fn error_message(code: &str) -> Option<&'static str> {
    Some(match code {
        "bad_credentials" => "Qualys did not accept that username and password.",
        "bad_token" => {
            "Qualys did not accept that token. Paste the whole token, or log in with a password."
        }
        "missing" => "Enter a username and password, or paste a token.",
        "unknown_platform" => "Choose a platform from the list.",
        "expired" => "Your Qualys session has ended. Log in again to carry on where you were.",
        "rate_limited" => "Qualys is rate limiting this subscription; wait a little and try again.",
        "unreachable" => "Qualys could not be reached. Check the platform, or try again shortly.",
        "upstream" => "Qualys answered with an error. Try again shortly.",
        "session" => "qdash could not start a session. Try again.",
        _ => return None,
    })
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |k: &str| query.with_untracked(|q| q.get(k).unwrap_or_default());
    let (error, notice, next, username, platform) = (
        param("error"),
        param("notice"),
        param("next"),
        param("username"),
        param("platform"),
    );
    let site = use_site();
    view! {
        <Title text="Log in" />
        <section class="login card">
            <h1>"Log in to Qualys"</h1>
            {error_message(&error).map(|m| view! { <p class="alert error" role="alert">{m}</p> })}
            {(notice == "logged_out").then(|| view! { <p class="alert info" role="status">"You have logged out."</p> })}
            <form method="post" action="/login" class="stack" data-testid="login-form">
                <input type="hidden" name="next" value=next />
                <Suspense fallback=|| view! { <p class="loading">"Loading platforms…"</p> }>
                    {
                        let platform = platform.clone();
                        move || {
                            let platform = platform.clone();
                            Suspend::new(async move {
                                let info = site.await.ok();
                                let demo = info.as_ref().is_some_and(|i| i.demo);
                                let choices = info.map(|i| i.platforms).unwrap_or_default();
                                view! {
                                    <label for="platform">"Platform"</label>
                                    <select id="platform" name="platform" required>
                                        {choices
                                            .into_iter()
                                            .map(|c| {
                                                let selected = c.id == platform;
                                                view! { <option value=c.id selected=selected>{c.label}</option> }
                                            })
                                            .collect_view()}
                                    </select>
                                    {demo.then(|| view! {
                                        <p class="hint" data-testid="demo-credentials">
                                            "Demo mode: log in to "<strong>"Demo"</strong>" as "<code>"demo"</code>" / "<code>"demo"</code>
                                            " (or "<code>"eu-analyst"</code>" / "<code>"eu-analyst"</code>", who sees only EU assets)."
                                        </p>
                                    })}
                                }
                            })
                        }
                    }
                </Suspense>
                <label for="username">"Username"</label>
                <input id="username" name="username" autocomplete="username" value=username />
                <label for="password">"Password"</label>
                <input id="password" name="password" type="password" autocomplete="current-password" />
                <details>
                    <summary>"Single sign-on? Paste a Qualys API token instead"</summary>
                    <label for="token">"Token"</label>
                    <textarea id="token" name="token" rows="4" autocomplete="off" spellcheck="false"></textarea>
                </details>
                <button type="submit">"Log in"</button>
            </form>
            <p class="hint">"Your password goes to Qualys only; qdash keeps the token it returns on the server, never in your browser."</p>
        </section>
    }
}
