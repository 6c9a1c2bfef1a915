//! The transport bar: Back (←), Step (→), Play / Pause (Space), the speed, "+1 s", the
//! hide-PINGs filter, manual delivery, Reset and New run, and the clock and step count (the
//! clock's text is also advanced by the animator every frame while playing).

use crate::store::speed::Speed;
use crate::store::{Action, use_store};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[component]
pub fn Transport() -> Html {
    let store = use_store();
    let click = |a: Action| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(a.clone()))
    };
    let check = |f: fn(bool) -> Action| {
        let store = store.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                store.dispatch(f(i.checked()));
            }
        })
    };
    let view = &store.view;
    let playing = store.playing;
    html! {
        <nav class="zs-transport" aria-label="Simulation controls">
            <button id="back" onclick={click(Action::Back(1))} disabled={playing || view.step == 0}
                title="Back one step (←)">{ "◀ Back" }</button>
            <button id="step" onclick={click(Action::Forward)} disabled={playing}
                title="Deliver the next message or fire the next timer (→)">{ "Step ›" }</button>
            if playing {
                <button id="pause" onclick={click(Action::TogglePlay)} title="Pause (Space)">{ "❚❚ Pause" }</button>
            } else {
                <button id="play" onclick={click(Action::TogglePlay)} disabled={store.manual}
                    title="Play (Space)">{ "▶ Play" }</button>
            }
            <button id="run-1s" onclick={click(Action::Run(1000))} disabled={playing}>{ "+1 s" }</button>
            <span class="zs-speed" role="group" aria-label="Speed">
                { for Speed::ALL.iter().map(|&s| {
                    let on = s == store.speed;
                    html! {
                        <button id={s.id()} class={classes!("zs-speed-btn", on.then_some("active"))}
                            aria-pressed={on.to_string()} onclick={click(Action::SetSpeed(s))}>{ s.label() }</button>
                    }
                }) }
            </span>
            <label class="zs-check"><input id="hide-pings" type="checkbox" checked={store.hide_pings}
                onchange={check(Action::HidePings)} />{ " hide PINGs" }</label>
            <label class="zs-check"><input id="manual" type="checkbox" checked={store.manual}
                onchange={check(Action::Manual)} />{ " manual delivery" }</label>
            <button id="reset" onclick={click(Action::Reset)} title="Back to step 0 (same seed, same commands)">{ "Reset" }</button>
            <button id="new-run" onclick={click(Action::ShowSetup(true))}>{ "New run" }</button>
            <span id="clock" class="zs-clock">{ format!("t = {}", view.now) }</span>
            <span id="step-count" class="zs-step" aria-live="polite">{ format!("step {}", view.step) }</span>
        </nav>
    }
}
