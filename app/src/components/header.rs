//! The top bar: brand, the logged-in user and platform with a logout button, and the
//! "demo data" banner in demo mode.

use super::use_site;
use leptos::prelude::*;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="topbar">
            <a href="/" class="brand">"qdash"</a>
            <nav aria-label="Main">
                <a href="/">"Overview"</a>
                <a href="/assets">"Assets"</a>
            </nav>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let info = site.await.ok();
                    let demo = info.as_ref().is_some_and(|i| i.demo);
                    let user = info.and_then(|i| i.user);
                    view! {
                        {demo.then(|| view! {
                            <p class="demo-badge" role="note">"Demo data — a simulated Qualys, not your estate"</p>
                        })}
                        {user.map(|u| view! {
                            <div class="who">
                                <span class="user" data-testid="user">{u.username}</span>
                                " on "
                                <span class="platform" data-testid="platform">{u.platform_label}</span>
                                <form method="post" action="/logout" class="inline">
                                    <button type="submit" class="link">"Log out"</button>
                                </form>
                            </div>
                        })}
                    }
                })}
            </Transition>
        </header>
    }
}
