//! The frame loop and the keyboard. A `requestAnimationFrame` loop, while playing, advances
//! the display clock (one `PlaybackAction::Frame`, which steps the simulation only when something is
//! due) and then moves each travelling message by setting its `transform` directly — Yew
//! re-renders only when the simulation changed, never the whole SVG per frame. Keys are
//! listened to on the document, so shortcuts keep working after any click.

use super::geometry::progress;
use crate::store::{Action, LessonAction, Model, PlaybackAction, Shared, UiAction};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;
use zabscope_core::SimTime;

/// The frame callback, kept alive while the page is mounted.
type FrameFn = Closure<dyn FnMut(f64)>;

fn attr(e: &Element, name: &str) -> f64 {
    e.get_attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// Move every travelling message to where the display clock says it is.
fn place_messages(shared: &Shared) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let clock = shared.clock.get();
    if let Some(c) = doc.get_element_by_id("clock") {
        c.set_text_content(Some(&format!("t = {}", SimTime(clock.floor() as u64))));
    }
    let Ok(list) = doc.query_selector_all(".zs-ring-svg .zs-msg[data-anim]") else {
        return;
    };
    for i in 0..list.length() {
        let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let f = progress(
            clock,
            attr(&e, "data-sent") as u64,
            attr(&e, "data-due") as u64,
            attr(&e, "data-rank") as usize,
            true,
            shared.reduced_motion,
        );
        let (x1, y1, x2, y2) = (
            attr(&e, "data-x1"),
            attr(&e, "data-y1"),
            attr(&e, "data-x2"),
            attr(&e, "data-y2"),
        );
        let (x, y) = (x1 + (x2 - x1) * f, y1 + (y2 - y1) * f);
        let _ = e.set_attribute("transform", &format!("translate({x:.1} {y:.1})"));
    }
}

/// Is the key event aimed at a text field or a control that uses the key itself?
fn typing(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            matches!(tag.as_str(), "input" | "textarea" | "select")
                || (tag == "button" && matches!(e.key().as_str(), " " | "Enter"))
        })
}

#[derive(Properties, PartialEq)]
pub struct AnimatorProps {
    pub store: UseReducerHandle<Model>,
}

/// Renders nothing; owns the frame loop and the key listener for the page's life.
#[component]
pub fn Animator(p: &AnimatorProps) -> Html {
    let dispatcher = p.store.dispatcher();
    let shared: Rc<Shared> = p.store.shared.clone();
    // The latest model's UI flags for the key handler.
    let flags = use_mut_ref(|| (false, false, false));
    *flags.borrow_mut() = (
        p.store.playback.hide_pings,
        p.store.playback.manual,
        p.store.lesson_driving(),
    );
    use_effect_with((), move |_| {
        let alive = Rc::new(Cell::new(true));
        let window = web_sys::window().expect("a browser window");
        // Frame loop.
        let frame: Rc<RefCell<Option<FrameFn>>> = Rc::new(RefCell::new(None));
        let last = Rc::new(Cell::new(None::<f64>));
        {
            let (frame2, alive, d, shared) = (
                frame.clone(),
                alive.clone(),
                dispatcher.clone(),
                shared.clone(),
            );
            *frame.borrow_mut() = Some(Closure::new(move |t: f64| {
                if !alive.get() {
                    return;
                }
                if shared.playing.get() {
                    let dt = last.get().map_or(16.0, |l| t - l);
                    d.dispatch(PlaybackAction::Frame(dt).into());
                    place_messages(&shared);
                }
                last.set(Some(t));
                if let (Some(w), Some(f)) = (web_sys::window(), frame2.borrow().as_ref()) {
                    let _ = w.request_animation_frame(f.as_ref().unchecked_ref());
                }
            }));
        }
        if let Some(f) = frame.borrow().as_ref() {
            let _ = window.request_animation_frame(f.as_ref().unchecked_ref());
        }
        // Keys.
        let keys = {
            let d = dispatcher.clone();
            Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                if typing(&e) || e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                let (hide, manual, lesson) = *flags.borrow();
                let action: Action = match e.key().as_str() {
                    // A lesson's steps: the arrows (and a presenter's clicker: PageDown/PageUp).
                    "ArrowRight" | "PageDown" if lesson => LessonAction::Next.into(),
                    "ArrowLeft" | "PageUp" if lesson => LessonAction::Prev.into(),
                    "l" => LessonAction::Menu(true).into(),
                    " " => PlaybackAction::TogglePlay.into(),
                    "ArrowRight" => PlaybackAction::Forward.into(),
                    "ArrowLeft" => PlaybackAction::Back(1).into(),
                    "?" => UiAction::ShowHelp(true).into(),
                    "p" => PlaybackAction::HidePings(!hide).into(),
                    "m" => PlaybackAction::Manual(!manual).into(),
                    "Escape" => {
                        d.dispatch(UiAction::ShowHelp(false).into());
                        d.dispatch(UiAction::ShowGlossary(false).into());
                        d.dispatch(UiAction::ShowSetup(false).into());
                        d.dispatch(UiAction::ShowLab(false).into());
                        d.dispatch(LessonAction::Menu(false).into());
                        UiAction::Menu(None).into()
                    }
                    _ => return,
                };
                e.prevent_default();
                d.dispatch(action);
            })
        };
        let doc = window.document().expect("a document");
        let _ = doc.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
        move || {
            alive.set(false);
            let _ =
                doc.remove_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
            drop(keys);
            frame.borrow_mut().take();
        }
    });
    html! {}
}
