//! The transport bar: Step (one agenda item: one delivery, timer or command), Play / Pause in
//! simulated time at a chosen speed, "+1 s", and the clock, step count and current leader.

use crate::app::FRAME_MS;
use yew::prelude::*;
use zabscope_core::SimTime;

/// How fast simulated time runs while playing, relative to the wall clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Speed {
    /// 1/50: a 1 ms LAN hop takes 50 ms to watch.
    #[default]
    Slowest,
    /// 1/10.
    Slow,
    /// Real time.
    RealTime,
    /// 10×: session timeouts and syncLimit in a few seconds.
    Fast,
}

impl Speed {
    const ALL: [Speed; 4] = [Speed::Slowest, Speed::Slow, Speed::RealTime, Speed::Fast];

    /// Simulated milliseconds per animation frame.
    #[must_use]
    pub fn sim_ms_per_frame(self) -> u64 {
        let frame = u64::from(FRAME_MS);
        match self {
            Speed::Slowest => 1,
            Speed::Slow => frame / 10,
            Speed::RealTime => frame,
            Speed::Fast => frame * 10,
        }
    }

    /// The button's element id.
    fn id(self) -> &'static str {
        match self {
            Speed::Slowest => "speed-1-50",
            Speed::Slow => "speed-1-10",
            Speed::RealTime => "speed-1",
            Speed::Fast => "speed-10",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Speed::Slowest => "×1/50",
            Speed::Slow => "×1/10",
            Speed::RealTime => "×1",
            Speed::Fast => "×10",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub playing: bool,
    pub speed: Speed,
    pub step: u64,
    pub now: SimTime,
    pub leaders: Vec<u32>,
    pub on_step: Callback<()>,
    pub on_play: Callback<()>,
    pub on_pause: Callback<()>,
    pub on_speed: Callback<Speed>,
    pub on_run: Callback<u64>,
}

/// The transport bar.
#[component]
pub fn Controls(p: &ControlsProps) -> Html {
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let run_1s = {
        let cb = p.on_run.clone();
        Callback::from(move |_: MouseEvent| cb.emit(1000))
    };
    let leader = match p.leaders.as_slice() {
        [] => "no leader".to_string(),
        ids => format!(
            "leader {}",
            ids.iter()
                .map(|i| format!("server.{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    html! {
        <nav class="zs-controls" aria-label="Simulation controls">
            <button id="step" onclick={click(&p.on_step)} disabled={p.playing}
                title="Deliver the next message or fire the next timer">{ "Step" }</button>
            <button id="play" onclick={click(&p.on_play)} disabled={p.playing}>{ "Play" }</button>
            <button id="pause" onclick={click(&p.on_pause)} disabled={!p.playing}>{ "Pause" }</button>
            <button id="run-1s" onclick={run_1s} disabled={p.playing}>{ "+1 s" }</button>
            <span class="zs-speed" role="group" aria-label="Speed">
                { for Speed::ALL.iter().map(|&s| {
                    let cb = p.on_speed.clone();
                    html! {
                        <button id={s.id()} class={classes!("zs-speed-btn", (s == p.speed).then_some("active"))}
                            aria-pressed={(s == p.speed).to_string()}
                            onclick={Callback::from(move |_: MouseEvent| cb.emit(s))}>
                            { s.label() }
                        </button>
                    }
                }) }
            </span>
            <span id="step-count" class="zs-step" aria-live="polite">{ format!("step {}", p.step) }</span>
            <span id="clock" class="zs-clock">{ format!("t = {}", p.now) }</span>
            <span id="leader" class="zs-leader">{ leader }</span>
        </nav>
    }
}
