//! The top-level component and the page's container: creates the store (one `use_reducer`),
//! provides it by context, installs `window.zabscope` and lays the page out — header, ring +
//! inspector, transport and timeline, narration, manual delivery, a client's zkCli console, the
//! command line and the trace, and the dialogs over it (set-up, shortcuts, the performance lab). It reads the store and gives each leaf its props and callbacks;
//! `Ring` and `Inspector` are containers of their own.

use crate::console::command_line::Console;
use crate::console::zkcli::{self, ZkConsole};
use crate::i18n::{Lang, t};
use crate::inspector::Inspector;
use crate::overlays::glossary::Glossary;
use crate::overlays::help::Help;
use crate::overlays::lessons_menu::{self, LessonsMenu};
use crate::overlays::setup_dialog::SetupDialog;
use crate::panels::event_log::{self, EventLog};
use crate::panels::header::{self, Header};
use crate::panels::lab::LabPanel;
use crate::panels::lesson::LessonPanel;
use crate::panels::manual::{self, Manual};
use crate::panels::narration::{self, Narration};
use crate::panels::notice::NoticeBar;
use crate::panels::timeline::{self, Timeline};
use crate::panels::transport::Transport;
use crate::ring::Ring;
use crate::ring::animator::Animator;
use crate::store::{
    CommandAction, LessonAction, Model, PlaybackAction, ShareAction, Store, UiAction, callback,
    keep,
};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
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
    let store: Store = use_reducer(|| Model::boot(reduced_motion()));
    {
        let (d, shared) = (store.dispatcher(), store.shared.clone());
        use_effect_with((), move |_| {
            keep::listen(d.clone());
            crate::jsapi::install(d, shared);
        });
    }
    {
        // Keep the run in localStorage after every change (at most once a second while
        // playing), so a reload loses nothing.
        let (d, shared) = (store.dispatcher(), store.shared.clone());
        use_effect(move || keep::save(&shared, &d));
    }
    {
        // `#lesson=ID` in the URL opens that lesson (a course links a lesson from its slides),
        // on load and when the hash changes.
        let d = store.dispatcher();
        let carried = store.shared.run.borrow().lesson.clone();
        use_effect_with((), move |_| {
            if let Some(id) = crate::lessons::from_hash() {
                lessons_menu::open(id, d.clone());
            } else if let Some(l) = carried {
                // A shared link or the kept run carried an open lesson: open it at its step.
                lessons_menu::open_at(l.id, l.step as usize, d.clone());
            }
            let on_hash = Closure::<dyn Fn()>::new(move || {
                if let Some(id) = crate::lessons::from_hash() {
                    lessons_menu::open(id, d.clone());
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    on_hash.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        on_hash.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    {
        // A language whose catalogue has to be fetched first: the one the page opened in, or
        // one a kept run or a shared link asked for (the switch and `setLang` fetch their own).
        let (pending, act) = (store.ui.lang_pending, callback::<UiAction>(&store));
        use_effect_with(pending, move |pending| {
            if let Some(l) = *pending
                && !crate::i18n::load::is_loaded(l)
                && !crate::i18n::load::in_flight()
            {
                crate::i18n::load::switch_later(l, act);
            }
        });
    }
    let (view, playback, ui, commands) = (&store.view, &store.playback, &store.ui, &store.commands);
    let playing = store.playing();
    let hide_pings = playback.hide_pings;
    // What the leaves read off the simulation's records.
    let (violation, markers, shown, lines, items) = {
        let sim = store.shared.sim.borrow();
        (
            header::violation(&sim),
            Rc::new(timeline::markers(&sim, playback.max_step)),
            narration::newest(&sim, hide_pings),
            Rc::new(event_log::lines(&sim, hide_pings)),
            playback.manual.then(|| manual::enabled(&sim, hide_pings)),
        )
    };
    let play = callback::<PlaybackAction>(&store);
    let command = callback::<CommandAction>(&store);
    let ui_act = callback::<UiAction>(&store);
    let share = callback::<ShareAction>(&store);
    let (branches, current) = {
        let meta = store.shared.run.borrow();
        let list: Vec<(String, u64)> = meta
            .branches
            .iter()
            .map(|b| (b.name.clone(), b.at))
            .collect();
        (Rc::new(list), meta.current)
    };
    let zk_client = commands.zk_console.clone();
    let zk_lines = zk_client
        .as_ref()
        .and_then(|c| commands.zk.0.get(c).cloned())
        .unwrap_or_default();
    let zk_about = zk_client.as_ref().and_then(|c| zkcli::about(view, c));
    let class = classes!(
        "zs-app",
        ui.projector.then_some("zs-projector"),
        ui.lang_boot.then_some("zs-lang-wait")
    );
    html! {
        <ContextProvider<Store> context={store.clone()}>
        <ContextProvider<Lang> context={ui.lang}>
            <main {class}>
                <Header view={view.clone()} quorum={store.quorum()} {violation} projector={ui.projector}
                    onsetup={ui_act.reform(|()| UiAction::ShowSetup(true))}
                    onprojector={ui_act.reform(UiAction::Projector)}
                    onhelp={ui_act.reform(|()| UiAction::ShowHelp(true))}
                    lang_pending={ui.lang_pending} lang_error={ui.lang_error.clone()}
                    onlang={{
                        let act = ui_act.clone();
                        Callback::from(move |l| crate::i18n::load::switch_later(l, act.clone()))
                    }}
                    onlab={ui_act.reform(|()| UiAction::ShowLab(true))}
                    onshare={keep::share_callback(&store)}
                    onlessons={callback::<LessonAction>(&store).reform(|()| LessonAction::Menu(true))} />
                <div class="zs-main">
                    <Ring />
                    <Inspector />
                </div>
                <section class="zs-bar" aria-label={t("app.playback")}>
                    <Transport step={view.step} now={view.now} {playing} manual={playback.manual}
                        {hide_pings} linger={playback.linger} speed={playback.speed} onplay={play.clone()}
                        onnewrun={ui_act.reform(|()| UiAction::ShowSetup(true))} />
                    <Timeline step={view.step} max_step={playback.max_step} {playing} {markers}
                        onseek={play.reform(PlaybackAction::Seek)} branches={branches} current={current}
                        onbranch={share.reform(ShareAction::SwitchBranch)} />
                </section>
                <LessonPanel />
                <Narration step={view.step} {shown} />
                if let Some(e) = store.lessons.error.as_ref().filter(|_| !store.lessons.menu) {
                    <div id="lesson-error" class="zs-discard zs-lesson-error" role="alert">
                        <span>{ e.render() }</span>
                        <button onclick={callback::<LessonAction>(&store).reform(|_: MouseEvent| LessonAction::DismissError)}>{ t("dialog.close") }</button>
                    </div>
                }
                <NoticeBar notice={commands.notice.clone()}
                    onbranch={share.reform(ShareAction::SwitchBranch)}
                    onexport={keep::export_callback(&store)}
                    onimport={keep::import_callback(&store)}
                    onshiviz={keep::shiviz_callback(&store)}
                    ondismiss={share.reform(|()| ShareAction::Dismiss)} />
                if let Some(items) = items {
                    <Manual {items} selected={ui.selected_msg}
                        onfire={command.reform(CommandAction::Fire)}
                        oncommand={command.reform(CommandAction::Apply)} />
                }
                <ZkConsole client={zk_client} step={view.step} lines={zk_lines} about={zk_about}
                    online={command.reform(CommandAction::ZkCli)}
                    onclose={command.reform(|()| CommandAction::OpenZkCli(None))} />
                <div class="zs-lower">
                    <Console lines={commands.console.clone()} error={commands.error.clone()}
                        online={command.reform(CommandAction::Line)} />
                    <EventLog {lines} />
                </div>
                <SetupDialog open={ui.show_setup} setup={store.setup.clone()} error={commands.error.clone()}
                    onsubmit={command.reform(CommandAction::NewRun)}
                    oncancel={ui_act.reform(|()| UiAction::ShowSetup(false))} />
                <Help open={ui.show_help} onclose={ui_act.reform(|()| UiAction::ShowHelp(false))}
                    onglossary={ui_act.reform(|()| UiAction::ShowGlossary(true))} />
                <Glossary open={ui.show_glossary} onclose={ui_act.reform(|()| UiAction::ShowGlossary(false))} />
                <LabPanel open={ui.show_lab} knobs={ui.lab} figure={ui.lab_figure}
                    onknobs={ui_act.reform(UiAction::LabKnobs)} onfigure={ui_act.reform(UiAction::LabFigure)}
                    onclose={ui_act.reform(|()| UiAction::ShowLab(false))} />
                <LessonsMenu />
                <Animator store={store.clone()} />
            </main>
        </ContextProvider<Lang>>
        </ContextProvider<Store>>
    }
}
