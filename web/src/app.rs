//! The top-level component: owns the `Simulation`, re-renders from `Simulation::view()` after
//! every change, and hands each panel the view plus one `Callback<Command>` to act on it.

use crate::console::Console;
use crate::controls::{Controls, Speed};
use crate::event_log::EventLog;
use crate::ring::Ring;
use crate::server_card::ServerCard;
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;
use zabscope_core::trace::EventKind;
use zabscope_core::{ClusterView, Command, CommandError, Simulation};

/// Servers the default run boots (all started at time 0, zoo_sample.cfg settings).
const SERVERS: u32 = 5;
/// Seed of the default run.
const SEED: u64 = 1;
/// Wall-clock milliseconds between animation frames while playing.
pub const FRAME_MS: u32 = 50;
/// Events the log panel shows.
const LOG_LINES: usize = 40;
/// Bound on the steps `apply_now` takes (items due at the same instant as the command).
const MAX_STEPS_TO_APPLY: usize = 10_000;

/// What every panel renders from: the view and the newest trace lines.
#[derive(Clone, PartialEq)]
pub struct Snapshot {
    pub view: Rc<ClusterView>,
    pub log: Rc<Vec<String>>,
}

fn snapshot(sim: &Simulation) -> Snapshot {
    let trace = sim.trace();
    let from = trace.len().saturating_sub(LOG_LINES);
    Snapshot {
        view: Rc::new(sim.view()),
        log: Rc::new(
            trace[from..]
                .iter()
                .rev()
                .map(ToString::to_string)
                .collect(),
        ),
    }
}

/// Applies `cmd` and steps until it has taken effect, so a click shows its result at once.
/// `apply` puts the command on the agenda at the current time; only items already due at that
/// same instant run before it.
fn apply_now(sim: &mut Simulation, cmd: Command) -> Result<(), CommandError> {
    sim.apply(cmd)?;
    for _ in 0..MAX_STEPS_TO_APPLY {
        let events = sim.step();
        if events.is_empty()
            || events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Command(_)))
        {
            break;
        }
    }
    Ok(())
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let sim = use_mut_ref(|| {
        Simulation::with_servers(SERVERS, SEED).expect("5 servers is a valid ensemble")
    });
    let snap = use_state(|| snapshot(&sim.borrow()));
    let player: Rc<RefCell<Option<Interval>>> = use_mut_ref(|| None);
    let playing = use_state(|| false);
    let speed = use_state(Speed::default);
    let error = use_state(|| None::<String>);

    let refresh = {
        let (sim, snap) = (sim.clone(), snap.clone());
        Rc::new(move || snap.set(snapshot(&sim.borrow())))
    };
    let on_step = {
        let (sim, refresh) = (sim.clone(), refresh.clone());
        Callback::from(move |()| {
            let _ = sim.borrow_mut().step();
            refresh();
        })
    };
    let on_run = {
        let (sim, refresh) = (sim.clone(), refresh.clone());
        Callback::from(move |ms: u64| {
            sim.borrow_mut().run_for(ms);
            refresh();
        })
    };
    let on_play = {
        let (player, playing, on_run, speed) = (
            player.clone(),
            playing.clone(),
            on_run.clone(),
            speed.clone(),
        );
        Callback::from(move |()| {
            let (on_run, ms) = (on_run.clone(), speed.sim_ms_per_frame());
            *player.borrow_mut() = Some(Interval::new(FRAME_MS, move || on_run.emit(ms)));
            playing.set(true);
        })
    };
    let on_pause = {
        let (player, playing) = (player.clone(), playing.clone());
        Callback::from(move |()| {
            player.borrow_mut().take();
            playing.set(false);
        })
    };
    let on_speed = {
        let (speed, player, on_run) = (speed.clone(), player.clone(), on_run.clone());
        Callback::from(move |s: Speed| {
            speed.set(s);
            // Playing: restart the timer at the new rate.
            if player.borrow().is_some() {
                let (on_run, ms) = (on_run.clone(), s.sim_ms_per_frame());
                *player.borrow_mut() = Some(Interval::new(FRAME_MS, move || on_run.emit(ms)));
            }
        })
    };
    let on_command = {
        let (sim, refresh, error) = (sim.clone(), refresh.clone(), error.clone());
        Callback::from(move |cmd: Command| {
            let result = apply_now(&mut sim.borrow_mut(), cmd);
            error.set(result.err().map(|e| e.0));
            refresh();
        })
    };

    let view = &snap.view;
    html! {
        <main class="zs-app">
            <header class="zs-header">
                <h1>{ "ZabScope" }</h1>
                <p class="zs-tagline">{ "Apache ZooKeeper's ensemble, live in the browser" }</p>
            </header>
            <Controls playing={*playing} speed={*speed} step={view.step} now={view.now}
                leaders={view.leaders()} {on_step} {on_play} {on_pause} {on_speed} {on_run} />
            <div class="zs-stage">
                <Ring view={view.clone()} on_command={on_command.clone()} />
                <EventLog lines={snap.log.clone()} />
            </div>
            <section class="zs-servers" aria-label="Servers">
                { for view.servers.iter().map(|s| html! {
                    <ServerCard key={s.myid} server={s.clone()} on_command={on_command.clone()} />
                }) }
            </section>
            <Console {on_command} error={(*error).clone()} />
        </main>
    }
}
