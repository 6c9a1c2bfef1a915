//! The top-level component: owns the `Simulation` and the Step / Play / Pause controls.

use crate::server_card::ServerCard;
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;
use zabscope_core::Simulation;

/// Servers the walking skeleton boots.
const SERVERS: u32 = 5;
/// Seed of the default run.
const SEED: u64 = 1;
/// Milliseconds between steps while playing.
const PLAY_INTERVAL_MS: u32 = 400;

/// The whole app.
#[component]
pub fn App() -> Html {
    let sim =
        use_mut_ref(|| Simulation::with_servers(SERVERS, SEED).expect("5 servers is a valid size"));
    let view = use_state(|| sim.borrow().view());
    let player: Rc<RefCell<Option<Interval>>> = use_mut_ref(|| None);
    let playing = use_state(|| false);

    let step = {
        let (sim, view) = (sim.clone(), view.clone());
        Callback::from(move |_: ()| {
            let _ = sim.borrow_mut().step();
            view.set(sim.borrow().view());
        })
    };
    let on_step = {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.emit(()))
    };
    let on_play = {
        let (player, playing, step) = (player.clone(), playing.clone(), step.clone());
        Callback::from(move |_: MouseEvent| {
            let step = step.clone();
            *player.borrow_mut() = Some(Interval::new(PLAY_INTERVAL_MS, move || step.emit(())));
            playing.set(true);
        })
    };
    let on_pause = {
        let (player, playing) = (player.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| {
            player.borrow_mut().take();
            playing.set(false);
        })
    };

    html! {
        <main class="zs-app">
            <header class="zs-header">
                <h1>{ "ZabScope" }</h1>
                <p class="zs-tagline">{ "Apache ZooKeeper's ensemble, live in the browser" }</p>
            </header>
            <nav class="zs-controls" aria-label="Simulation controls">
                <button id="step" onclick={on_step} disabled={*playing}>{ "Step" }</button>
                <button id="play" onclick={on_play} disabled={*playing}>{ "Play" }</button>
                <button id="pause" onclick={on_pause} disabled={!*playing}>{ "Pause" }</button>
                <span id="step-count" class="zs-step" aria-live="polite">
                    { format!("step {}", view.step) }
                </span>
            </nav>
            <section class="zs-servers" aria-label="Servers">
                { for view.servers.iter().map(|s| html! { <ServerCard key={s.myid} server={s.clone()} /> }) }
            </section>
        </main>
    }
}
