//! ZabScope's own console commands: named sessions (`client`, `clients`), simulated time
//! (`run MS`) and four-letter words (`4lw WORD`).

use super::ZkCli;
use crate::tools::api::Backend;
use crate::zk::watch::{EventType, WatchedEvent};

type CliResult = Result<(), String>;

impl<B: Backend> ZkCli<B> {
    pub(super) fn client_cmd(&mut self, tokens: &[String]) -> CliResult {
        let Some(name) = tokens.get(1).cloned() else {
            let s = self
                .current_session()
                .map_or("none".to_string(), |s| s.to_string());
            self.println(&format!("client {} session {s}", self.current));
            return Ok(());
        };
        match tokens.get(2).map(String::as_str) {
            None => {
                self.current = name;
                self.ensure_started();
                Ok(())
            }
            Some("close") => {
                self.close_client(&name, true);
                Ok(())
            }
            Some("disconnect") => {
                let s = self
                    .clients
                    .get(&name)
                    .and_then(|c| c.session)
                    .ok_or(format!("no client '{name}'"))?;
                self.backend.disconnect(s);
                Ok(())
            }
            Some("expire") => self.expire_client(&name),
            Some(other) => Err(format!(
                "client NAME [close|expire|disconnect]: unknown action '{other}'"
            )),
        }
    }

    fn expire_client(&mut self, name: &str) -> CliResult {
        let c = self
            .clients
            .get(name)
            .filter(|c| c.alive)
            .ok_or(format!("client '{name}' is not connected"))?;
        let Some(s) = c.session else {
            return Err(format!("client '{name}' is not connected"));
        };
        let events = self.backend.expire(s);
        self.deliver(events);
        if let Some(c) = self.clients.get_mut(name) {
            c.alive = false;
        }
        let e = WatchedEvent {
            event_type: EventType::None,
            keeper_state: crate::zk::watch::KeeperState::Expired,
            path: None,
        };
        self.print_event(name, &e);
        Ok(())
    }

    pub(super) fn list_clients(&mut self) -> CliResult {
        let lines: Vec<String> = self
            .clients
            .iter()
            .map(|(n, c)| {
                let mark = if *n == self.current { "*" } else { " " };
                let s = c.session.map_or("none".to_string(), |s| s.to_string());
                let state = if c.alive { "CONNECTED" } else { "CLOSED" };
                format!("{mark} {n} {s} {state}")
            })
            .collect();
        for l in lines {
            self.println(&l);
        }
        Ok(())
    }

    pub(super) fn run_cmd(&mut self, tokens: &[String]) -> CliResult {
        let ms: u64 = tokens
            .get(1)
            .and_then(|v| v.parse().ok())
            .ok_or("run MS: MS must be a number of milliseconds")?;
        let events = self.backend.run(crate::zk::limits::span("run MS", ms)?)?;
        self.deliver(events);
        Ok(())
    }

    pub(super) fn four_letter(&mut self, tokens: &[String]) -> CliResult {
        let word = tokens.get(1).ok_or("4lw WORD")?.clone();
        let out = self
            .backend
            .four_letter(&word, &crate::tools::api::Fields::new())?;
        self.print(&out);
        if !out.ends_with('\n') {
            self.print("\n");
        }
        Ok(())
    }
}
