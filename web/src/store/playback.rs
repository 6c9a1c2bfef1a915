//! Playback actions: stepping (one step, `n` agenda items, Back, Forward, the slider), running
//! for a while, Play / Pause and each animation frame while playing, the speed, the hide-PINGs
//! filter, manual delivery and Reset. Stepping, running and playing never discard the recorded
//! future: they replay it and go on live past its end.

use super::speed::Speed;
use super::{Change, Model};
use zabscope_core::Simulation;
use zabscope_core::sim::trace::{Event, EventKind};

/// Bound on the steps one action may take (a command's own step, a heartbeat skip).
pub(super) const MAX_STEPS: usize = 20_000;
/// Most steps one `window.zabscope.step(n)` takes (a bound, so no call hangs the page).
pub const MAX_JS_STEPS: u64 = 1_000_000;
/// Most simulated time one `Run` covers (10 minutes: a bound, so no call hangs the page).
pub const MAX_RUN_MS: u64 = 600_000;
/// Longest wall time one animation frame may account for (a background tab resuming).
const MAX_FRAME_MS: f64 = 100.0;

/// How the run is played.
#[derive(Clone, Debug)]
pub enum PlaybackAction {
    /// One step (with hide-PINGs on: up to the next step that is not heartbeat traffic).
    Step,
    /// `n` raw agenda items.
    StepN(u64),
    Back(u64),
    Forward,
    Seek(u64),
    Run(u64),
    /// An animation frame while playing: wall ms since the last one.
    Frame(f64),
    TogglePlay,
    Pause,
    SetSpeed(Speed),
    HidePings(bool),
    /// Linger at the interesting moments while playing.
    Linger(bool),
    Manual(bool),
    Reset,
}

fn heartbeat_event(e: &Event) -> bool {
    match &e.kind {
        EventKind::Send { msg, .. }
        | EventKind::Deliver { msg, .. }
        | EventKind::Drop { msg, .. } => msg.name == "PING",
        EventKind::Timer => true,
        _ => false,
    }
}

/// A step made only of heartbeats (a PING sent, delivered, answered, or the tick that sent it).
fn heartbeat_step(events: &[Event]) -> bool {
    events.iter().all(heartbeat_event)
}

impl Model {
    pub(super) fn reduce_playback(&mut self, action: PlaybackAction) -> Change {
        // Stepping or seeking while a lesson drives the run takes over (Play, Pause and the
        // filters do not: Play plays the lesson, step by step).
        if matches!(
            action,
            PlaybackAction::Step
                | PlaybackAction::StepN(_)
                | PlaybackAction::Back(_)
                | PlaybackAction::Forward
                | PlaybackAction::Seek(_)
                | PlaybackAction::Run(_)
                | PlaybackAction::Manual(true)
                | PlaybackAction::Reset
        ) {
            self.take_over();
        }
        match action {
            PlaybackAction::Frame(ms) => {
                if !self.frame(ms) {
                    return Change::None;
                }
            }
            PlaybackAction::Step => {
                self.step_once(self.playback.hide_pings);
                self.refresh(false);
            }
            PlaybackAction::StepN(n) => {
                // Within the history reached so far, replay it; beyond it, take new steps.
                let target = self.view.step.saturating_add(n);
                let replay = target.min(self.playback.max_step);
                let fresh = replay > self.view.step;
                if fresh {
                    self.shared.sim.borrow_mut().seek(replay);
                }
                for _ in replay..target.min(replay + MAX_JS_STEPS) {
                    if !self.step_once(false) {
                        break;
                    }
                }
                self.refresh(fresh);
            }
            PlaybackAction::Back(n) => {
                let target = self.view.step.saturating_sub(n);
                self.shared.sim.borrow_mut().seek(target);
                self.refresh(true);
            }
            PlaybackAction::Forward => {
                if self.view.step < self.playback.max_step {
                    let target = self.view.step + 1;
                    self.shared.sim.borrow_mut().seek(target);
                    self.refresh(true);
                } else {
                    self.step_once(self.playback.hide_pings);
                    self.refresh(false);
                }
            }
            PlaybackAction::Seek(step) => {
                self.shared.sim.borrow_mut().seek(step);
                self.refresh(true);
            }
            PlaybackAction::Run(ms) => {
                self.shared.sim.borrow_mut().run_for(ms.min(MAX_RUN_MS));
                self.refresh(false);
            }
            PlaybackAction::TogglePlay => {
                self.set_playing(!self.playing() && !self.playback.manual);
                self.shared.dwell.set(0.0);
                self.shared.clock.set(self.view.now.ms() as f64);
            }
            PlaybackAction::Pause => self.set_playing(false),
            PlaybackAction::SetSpeed(s) => self.playback.speed = s,
            PlaybackAction::HidePings(on) => self.playback.hide_pings = on,
            PlaybackAction::Linger(on) => self.playback.linger = on,
            PlaybackAction::Manual(on) => {
                self.playback.manual = on;
                if on {
                    self.set_playing(false);
                }
            }
            PlaybackAction::Reset => {
                self.set_playing(false);
                self.shared.sim.borrow_mut().seek(0);
                self.refresh(true);
            }
        }
        Change::Some
    }

    /// One step (skipping heartbeat-only steps if asked); false when nothing was left to do.
    fn step_once(&mut self, skip_heartbeats: bool) -> bool {
        let mut sim = self.shared.sim.borrow_mut();
        for _ in 0..MAX_STEPS {
            let events = sim.step();
            if events.is_empty() {
                return false;
            }
            if !skip_heartbeats || !heartbeat_step(events) {
                break;
            }
        }
        true
    }

    /// One animation frame while playing; true when the picture must be rendered again.
    ///
    /// While a visible message is in flight the display clock runs at the chosen speed; when
    /// none is, at least in real time — but it stops at the step that puts a visible message
    /// on the wire, so that message is drawn from its start at the slow pace. At the slow
    /// speeds (and at the interesting moments, when lingering) each narrated step is held on
    /// screen for a dwell before the next is taken: deliveries due at the same simulated
    /// moment come one after another, and the clock waits at the next one's arrival.
    fn frame(&mut self, wall_ms: f64) -> bool {
        if !self.playing() {
            return false;
        }
        let wall = wall_ms.clamp(0.0, MAX_FRAME_MS);
        let hide = self.playback.hide_pings;
        let visible = |sim: &Simulation| sim.message_pending(hide);
        let was_visible = visible(&self.shared.sim.borrow());
        let rate = self.playback.speed.rate();
        let rate = if was_visible { rate } else { rate.max(1.0) };
        let mut clock = self.shared.clock.get() + wall * rate;
        let next = self.shared.sim.borrow().next_time().map(|t| t.ms());
        let linger = self.playback.linger;
        let paced = self.playback.speed.dwell_ms() > 0.0 || linger;
        let dwell = self.shared.dwell.get();
        // A lesson also holds each of its steps on screen (`lesson::STEP_DWELL_MS`).
        if (paced || self.lesson_driving()) && dwell > 0.0 {
            // Hold this narration line: time runs on only up to the next arrival.
            self.shared.dwell.set((dwell - wall).max(0.0));
            if let Some(t) = next {
                clock = clock.min(t as f64);
            }
            self.shared.clock.set(clock);
            return false;
        }
        // A lesson's Play stops at its next step's time (then shows that step).
        let cap = self.lesson_cap();
        let mut target = clock.floor() as u64;
        if let Some(c) = cap {
            target = target.min(c);
        }
        let due = next.is_some_and(|t| t <= target);
        if due {
            let mut sim = self.shared.sim.borrow_mut();
            for _ in 0..MAX_STEPS {
                if sim.next_time().is_none_or(|t| t.ms() > target) {
                    break;
                }
                sim.step();
                // A step the narration line shows gets its dwell.
                let quiet = sim
                    .last_narration()
                    .is_none_or(|t| crate::panels::narration::hidden(t, hide));
                let starts_visible = !was_visible && visible(&sim);
                if starts_visible {
                    clock = sim.now().ms() as f64;
                }
                if paced && !quiet {
                    // One narrated step per dwell.
                    let mut d = self.playback.speed.dwell_ms();
                    if linger
                        && sim
                            .last_narration()
                            .is_some_and(|t| super::speed::interesting(t.key))
                    {
                        d = d.max(super::speed::LINGER_MS);
                    }
                    self.shared.dwell.set(d);
                    clock = clock.min(sim.now().ms() as f64 + 0.999);
                    break;
                }
                if starts_visible {
                    break;
                }
            }
        }
        self.shared.clock.set(clock);
        if due {
            // Only a delivered item changes the picture (the clock text is set per frame).
            self.refresh(false);
            self.shared.clock.set(clock);
        }
        if let Some(c) = cap {
            let pending = self
                .shared
                .sim
                .borrow()
                .next_time()
                .is_some_and(|t| t.ms() <= c);
            if clock >= c as f64 && !pending {
                return self.lesson_arrive() || due;
            }
        }
        due
    }
}
