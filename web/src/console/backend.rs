//! The api `Backend` the per-client zkCli consoles run on: the page's own simulation. Each
//! request is the scenario command `request C {…}` — applied, recorded and replayed like any
//! typed command (Back, the slider, `script()`) — and the simulation steps until the client
//! has its answer, as zkCli waits for its reply. zkCli's parser and printer (`zkcli::ZkCli`)
//! do the rest, so the console prints exactly what zkCli 3.8 prints.

use crate::store::Shared;
use std::rc::Weak;
use zabscope_core::tools::api::{Backend, Events, Fields};
use zabscope_core::zk::code::Code;
use zabscope_core::zk::request::{Request, Response, ResponseBody};
use zabscope_core::{Command, SessionId, SimTime};

/// Most steps one console request may take before the client gives up (a bound, so no
/// request hangs the page; the client's own timeout usually ends it first).
const MAX_REQUEST_STEPS: usize = 200_000;

/// One console's view of the simulation: client `client`, the watch events it has printed.
#[derive(Clone, Debug)]
pub struct PageBackend {
    pub shared: Weak<Shared>,
    pub client: String,
    /// Watch events of this client already printed.
    pub seen: usize,
    /// The last read answered from a state older than the leader's commit: (read zxid, latest).
    pub stale: Option<(String, String)>,
}

impl PageBackend {
    fn events(&mut self, sim: &zabscope_core::Simulation) -> Events {
        let Some(c) = sim.client(&self.client) else {
            return Vec::new();
        };
        let new = c.events.get(self.seen..).unwrap_or_default();
        self.seen = c.events.len();
        new.iter().map(|e| (c.session, e.clone())).collect()
    }
}

impl Backend for PageBackend {
    fn connect(&mut self, _timeout_ms: i32, _f: &Fields) -> Result<(Response, Events), String> {
        let shared = self
            .shared
            .upgrade()
            .ok_or_else(|| crate::i18n::t("zkcli.page_gone").to_string())?;
        let sim = shared.sim.borrow();
        let c = sim
            .client(&self.client)
            .ok_or_else(|| crate::i18n::tf("zkcli.no_client", &[("client", &self.client)]))?;
        let r = Response::ok(ResponseBody::Session {
            session_id: c.session,
            timeout_ms: i32::try_from(c.timeout_ms).unwrap_or(i32::MAX),
        });
        Ok((r, Vec::new()))
    }

    fn submit(&mut self, _session: SessionId, req: Request) -> (Response, Events) {
        let Some(shared) = self.shared.upgrade() else {
            return (Response::err(Code::ConnectionLoss), Vec::new());
        };
        let mut sim = shared.sim.borrow_mut();
        let Some(c) = sim.client(&self.client) else {
            return (Response::err(Code::SessionExpired), Vec::new());
        };
        let (cxid, timeout) = (c.next_cxid, c.timeout_ms);
        let read = req.reads_data();
        let since = sim.now();
        let cmd = Command::Request {
            client: self.client.clone(),
            request: Box::new(req),
        };
        if sim.apply(cmd).is_err() {
            return (Response::err(Code::ConnectionLoss), Vec::new());
        }
        let end = since.plus_ms(timeout.saturating_add(1));
        let answer = |sim: &zabscope_core::Simulation| {
            sim.client(&self.client)?
                .results
                .iter()
                .rev()
                .find(|r| r.cxid == cxid && r.issued >= since)
                .map(|r| r.response.clone())
        };
        for _ in 0..MAX_REQUEST_STEPS {
            if answer(&sim).is_some() || sim.next_time().is_none_or(|t| t > end) {
                break;
            }
            sim.step();
        }
        let r = answer(&sim)
            .flatten()
            .unwrap_or_else(|| Response::err(Code::ConnectionLoss));
        self.stale = None;
        // A read answered (data, or "does not exist") from a state older than the leader's
        // last commit.
        if read
            && matches!(r.code, Code::Ok | Code::NoNode)
            && let Some(latest) = sim.latest_committed()
            && r.zxid < latest
        {
            self.stale = Some((r.zxid.to_string(), latest.to_string()));
        }
        let events = self.events(&sim);
        (r, events)
    }

    fn disconnect(&mut self, _session: SessionId) {}

    fn expire(&mut self, _session: SessionId) -> Events {
        Vec::new()
    }

    fn run(&mut self, ms: u64) -> Result<Events, String> {
        let shared = self
            .shared
            .upgrade()
            .ok_or_else(|| crate::i18n::t("zkcli.page_gone").to_string())?;
        let mut sim = shared.sim.borrow_mut();
        sim.try_run_for(ms).map_err(|e| crate::i18n::text(&e.1))?;
        Ok(self.events(&sim))
    }

    fn now(&self) -> SimTime {
        self.shared
            .upgrade()
            .map_or(SimTime::ZERO, |s| s.sim.borrow().now())
    }

    fn four_letter(&mut self, word: &str, _f: &Fields) -> Result<String, String> {
        Err(crate::i18n::tf("zkcli.fourlw", &[("word", word)]))
    }
}
