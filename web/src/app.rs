//! The top-level component: creates the store (one `use_reducer`), provides it by context,
//! installs `window.zabscope` and lays the page out — header, ring + inspector, transport and
//! timeline, narration, manual delivery, a client's zkCli console, the command line and the trace.

use crate::console::command_line::Console;
use crate::console::zkcli::ZkConsole;
use crate::inspector::Inspector;
use crate::overlays::help::Help;
use crate::overlays::setup_dialog::SetupDialog;
use crate::panels::event_log::EventLog;
use crate::panels::header::Header;
use crate::panels::manual::Manual;
use crate::panels::narration::Narration;
use crate::panels::timeline::Timeline;
use crate::panels::transport::Transport;
use crate::ring::Ring;
use crate::ring::animator::Animator;
use crate::store::{Model, Store};
use yew::prelude::*;

/// Does the user ask for reduced motion?
fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let store: Store = use_reducer(|| Model::new(reduced_motion()));
    {
        let (d, shared) = (store.dispatcher(), store.shared.clone());
        use_effect_with((), move |_| crate::jsapi::install(d, shared));
    }
    let class = classes!("zs-app", store.projector.then_some("zs-projector"));
    html! {
        <ContextProvider<Store> context={store.clone()}>
            <main {class}>
                <Header />
                <div class="zs-main">
                    <Ring />
                    <Inspector />
                </div>
                <section class="zs-bar" aria-label="Playback">
                    <Transport />
                    <Timeline />
                </section>
                <Narration />
                <Manual />
                <ZkConsole />
                <div class="zs-lower">
                    <Console />
                    <EventLog />
                </div>
                <SetupDialog />
                <Help />
                <Animator store={store.clone()} />
            </main>
        </ContextProvider<Store>>
    }
}
