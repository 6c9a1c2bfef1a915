//! Keeping and moving the run, on the browser's side of the store: the page opens in the run
//! a link's fragment or the last visit kept ([`Model::boot`]), keeps it in localStorage after
//! every change ([`save`]), opens a link pasted into the address bar ([`listen`]), and the
//! share controls' callbacks (copy the link, export, import, the ShiViz log).

use super::share::{Notice, ShareAction, Source, run_file};
use super::{Model, Shared, Store};
use crate::i18n::Msg;
use crate::share::{browser, codec, shiviz};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

type Dispatch = UseReducerDispatcher<Model>;

/// While playing, keep the run at most this often (wall ms).
const KEEP_EVERY_MS: f64 = 1000.0;

impl Model {
    /// The page's first model: the run of the URL's `#run=` fragment (then the fragment is
    /// dropped from the address, the run being kept from then on), else the run the last visit
    /// kept, else the default run. A link or kept run that cannot be opened leaves the default
    /// run and says why.
    #[must_use]
    pub fn boot(reduced_motion: bool) -> Model {
        let mut m = Model::new(reduced_motion);
        if let Some(f) = browser::fragment() {
            let _ = m.reduce_share(ShareAction::Open(Source::Link, f));
            browser::clear_fragment();
            if let Some(Notice::Error(_)) = m.commands.notice.as_deref() {
                // A link that cannot be opened does not cost the user the run kept before.
                let why = m.commands.notice.clone();
                m.restore_kept();
                m.commands.notice = why;
            }
        } else {
            m.restore_kept();
        }
        m
    }

    /// Open the run the last visit kept, if any (silently; a kept run that no longer opens
    /// is forgotten, saying why).
    fn restore_kept(&mut self) {
        let Some(kept) = browser::stored() else {
            return;
        };
        // The language the page opened in: the one it shows, or the one whose catalogue is
        // still on its way (the page shows English until then; setting that English here
        // would cancel the fetch, and a reload in 简体中文 would open in English).
        let lang = self.ui.lang_pending.unwrap_or(self.ui.lang);
        let _ = self.reduce_share(ShareAction::Open(Source::Storage, kept));
        // The language stays the one the page opened in (`?lang=`, the remembered one).
        let _ = self.reduce_ui(super::UiAction::SetLang(lang));
        if matches!(self.commands.notice.as_deref(), Some(Notice::Info(_))) {
            self.commands.notice = None;
        } else {
            browser::forget();
        }
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A cheap fingerprint of what a kept run holds: the step, the digest, the branches, the
/// language and lesson (no change, nothing written).
fn fingerprint(shared: &Shared) -> u64 {
    let sim = shared.sim.borrow();
    let meta = shared.run.borrow();
    let mut h = zabscope_core::sim::trace::Fnv::new();
    h.write_u64(sim.steps());
    h.write_u64(sim.digest());
    h.write_u64(meta.branches.len() as u64);
    h.write_u64(meta.current as u64);
    h.write_u64(meta.branches[meta.current].max_step);
    h.write(crate::i18n::lang().code().as_bytes());
    if let Some(l) = &meta.lesson {
        h.write(l.id.as_bytes());
        h.write_u64(u64::from(l.step));
    }
    h.finish()
}

/// Keep the run in localStorage if it changed (while playing, at most once a second). The
/// first refusal (quota, storage off) is said once, with what to do.
pub fn save(shared: &Shared, d: &Dispatch) {
    let now = now_ms();
    if shared.playing.get() && now - shared.kept_at.get() < KEEP_EVERY_MS {
        return;
    }
    let sig = fingerprint(shared);
    if shared.kept_sig.get() == Some(sig) {
        return;
    }
    shared.kept_sig.set(Some(sig));
    shared.kept_at.set(now);
    if !browser::store(&run_file(shared).to_fragment()) && !shared.keep_failed.get() {
        shared.keep_failed.set(true);
        d.dispatch(ShareAction::Notice(Notice::Error(Msg::key("keep.err.quota"))).into());
    }
}

/// Open a link pasted into the address bar of the open page (`hashchange`).
pub fn listen(d: Dispatch) {
    let Some(w) = web_sys::window() else { return };
    let c = Closure::<dyn Fn()>::new(move || {
        if let Some(f) = browser::fragment() {
            d.dispatch(ShareAction::Open(Source::Link, f).into());
            browser::clear_fragment();
        }
    });
    let _ = w.add_event_listener_with_callback("hashchange", c.as_ref().unchecked_ref());
    c.forget();
}

/// Share: show the link and copy it to the clipboard (saying whether that worked).
#[must_use]
pub fn share_callback(store: &Store) -> Callback<()> {
    let (d, shared) = (store.dispatcher(), store.shared.clone());
    Callback::from(move |()| {
        d.dispatch(ShareAction::ShowLink.into());
        let url = super::link(&shared);
        let d = d.clone();
        browser::copy(&url, move |ok| d.dispatch(ShareAction::Copied(ok).into()));
    })
}

/// Export the run as a JSON file.
#[must_use]
pub fn export_callback(store: &Store) -> Callback<()> {
    let shared = store.shared.clone();
    Callback::from(move |()| {
        let file = run_file(&shared);
        let step = shared.sim.borrow().steps();
        browser::download(
            &format!("zabscope-run-step{step}.json"),
            "application/json",
            &file.to_json(),
        );
    })
}

/// Export the trace as a ShiViz log.
#[must_use]
pub fn shiviz_callback(store: &Store) -> Callback<()> {
    let shared = store.shared.clone();
    Callback::from(move |()| {
        let log = shiviz::log(shared.sim.borrow().trace());
        browser::download("zabscope-shiviz.log", "text/plain", &log);
    })
}

/// Import a run file the user chose (larger than the cap: refused unread).
#[must_use]
pub fn import_callback(store: &Store) -> Callback<web_sys::File> {
    let d = store.dispatcher();
    Callback::from(move |file: web_sys::File| {
        let d = d.clone();
        browser::read_file(&file, codec::MAX_DECODED, move |r| match r {
            Ok(text) => d.dispatch(ShareAction::Open(Source::File, text).into()),
            Err(size) => {
                let why = Msg::Page(
                    "share.err.too_big",
                    vec![
                        ("size", format!("{size:.0}")),
                        ("max", codec::MAX_DECODED.to_string()),
                    ],
                );
                let why = why.render();
                d.dispatch(
                    ShareAction::Notice(Notice::Error(Msg::Page(
                        "share.err.file",
                        vec![("why", why)],
                    )))
                    .into(),
                );
            }
        });
    })
}
