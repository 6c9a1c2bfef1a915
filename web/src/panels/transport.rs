//! The transport bar: Back (←), Step (→), Play / Pause (Space), the speed, "+1 s", the
//! hide-PINGs filter, manual delivery, Reset and New run, and the clock and step count (the
//! clock's text is also advanced by the animator every frame while playing).

use crate::i18n::{t, tf, use_lang};
use crate::store::PlaybackAction;
use crate::store::speed::Speed;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use zabscope_core::SimTime;

#[derive(Properties, PartialEq)]
pub struct TransportProps {
    pub step: u64,
    pub now: SimTime,
    pub playing: bool,
    pub manual: bool,
    pub hide_pings: bool,
    /// Play lingers at the interesting moments.
    pub linger: bool,
    pub speed: Speed,
    /// A playback button pressed.
    pub onplay: Callback<PlaybackAction>,
    /// New run: open the set-up dialog.
    pub onnewrun: Callback<()>,
}

#[component]
pub fn Transport(p: &TransportProps) -> Html {
    let _lang = use_lang();
    let click = |a: PlaybackAction| p.onplay.reform(move |_: MouseEvent| a.clone());
    let check = |f: fn(bool) -> PlaybackAction| {
        let onplay = p.onplay.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                onplay.emit(f(i.checked()));
            }
        })
    };
    let playing = p.playing;
    html! {
        <nav class="zs-transport" aria-label={t("transport.label")}>
            <button id="back" onclick={click(PlaybackAction::Back(1))} disabled={playing || p.step == 0}
                title={t("transport.back.title")}>{ t("transport.back") }</button>
            <button id="step" onclick={click(PlaybackAction::Forward)} disabled={playing}
                title={t("transport.step.title")}>{ t("transport.step") }</button>
            if playing {
                <button id="pause" onclick={click(PlaybackAction::TogglePlay)} title={t("transport.pause.title")}>{ t("transport.pause") }</button>
            } else {
                <button id="play" onclick={click(PlaybackAction::TogglePlay)} disabled={p.manual}
                    title={t("transport.play.title")}>{ t("transport.play") }</button>
            }
            <button id="run-1s" onclick={click(PlaybackAction::Run(1000))} disabled={playing} title={t("transport.run1s.title")}>{ t("transport.run1s") }</button>
            <span class="zs-speed" role="group" aria-label={t("transport.speed")}>
                { for Speed::ALL.iter().map(|&s| {
                    let on = s == p.speed;
                    html! {
                        <button id={s.id()} class={classes!("zs-speed-btn", on.then_some("active"))}
                            aria-pressed={on.to_string()} onclick={click(PlaybackAction::SetSpeed(s))}>{ s.label() }</button>
                    }
                }) }
            </span>
            <label class="zs-check"><input id="hide-pings" type="checkbox" checked={p.hide_pings}
                onchange={check(PlaybackAction::HidePings)} />{ " " }{ t("transport.hide_pings") }</label>
            <label class="zs-check" title={t("play.linger.title")}><input id="linger" type="checkbox" checked={p.linger}
                onchange={check(PlaybackAction::Linger)} />{ " " }{ t("play.linger") }</label>
            <label class="zs-check"><input id="manual" type="checkbox" checked={p.manual}
                onchange={check(PlaybackAction::Manual)} />{ " " }{ t("transport.manual") }</label>
            <button id="reset" onclick={click(PlaybackAction::Reset)} title={t("transport.reset.title")}>{ t("transport.reset") }</button>
            <button id="new-run" onclick={p.onnewrun.reform(|_: MouseEvent| ())}>{ t("transport.new_run") }</button>
            <span id="clock" class="zs-clock">{ format!("t = {}", p.now) }</span>
            <span id="step-count" class="zs-step" aria-live="polite">{ tf("transport.step_count", &[("step", &p.step.to_string())]) }</span>
        </nav>
    }
}
