//! `Backend` for a `StandaloneServer`: requests run at the server's current time; `run`
//! advances it; `expire` runs time to the session's expiry bucket.

use super::{Backend, Events, Fields};
use crate::ids::SessionId;
use crate::time::SimTime;
use crate::zk::fourlw;
use crate::zk::request::{Request, Response};
use crate::zk::standalone::StandaloneServer;

impl Backend for StandaloneServer {
    fn connect(&mut self, timeout_ms: i32, _fields: &Fields) -> Result<(Response, Events), String> {
        let now = self.now();
        Ok(StandaloneServer::connect(self, timeout_ms, now))
    }

    fn submit(&mut self, session: SessionId, req: Request) -> (Response, Events) {
        let now = self.now();
        self.handle(session, req, now)
    }

    fn disconnect(&mut self, session: SessionId) {
        StandaloneServer::disconnect(self, session);
    }

    fn expire(&mut self, session: SessionId) -> Events {
        StandaloneServer::disconnect(self, session);
        match self.tracker().expiry_of(session) {
            Some(at) => self.advance(at),
            None => Vec::new(),
        }
    }

    fn run(&mut self, ms: u64) -> Result<Events, String> {
        let to = self.now().plus_ms(ms);
        Ok(self.advance(to))
    }

    fn now(&self) -> SimTime {
        StandaloneServer::now(self)
    }

    fn four_letter(&mut self, word: &str, _fields: &Fields) -> Result<String, String> {
        fourlw::four_letter(self, word).ok_or_else(|| format!("unknown four-letter word '{word}'"))
    }
}
