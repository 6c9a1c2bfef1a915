//! What the view, the checkers and command validation ask of the clients and the ensemble.

use crate::client::cnxn::{CnxnState, Process};
use crate::client::recipes::RecipeSpec;
use crate::explain::Text;
use crate::ids::SessionId;
use crate::sim::command::{Command, ZkAction};
use crate::sim::kernel::{Kernel, Status};
use crate::zxid::Zxid;

impl Kernel {
    /// The leader's last applied zxid (`None` without a serving leader).
    #[must_use]
    pub fn latest_committed(&self) -> Option<Zxid> {
        self.nodes
            .iter()
            .filter(|n| n.status == Status::Up)
            .filter_map(|n| n.server.as_ref())
            .filter(|s| s.state() == crate::zab::proto::ServerState::Leading && s.serving())
            .map(|s| s.core.replica.last_processed())
            .max()
    }

    /// Whether `session` is alive: in the session table of the most up-to-date serving
    /// server (the leader's when there is one).
    #[must_use]
    pub fn session_alive(&self, session: SessionId) -> bool {
        self.freshest()
            .is_some_and(|s| s.core.replica.db.sessions().contains_key(&session))
    }

    /// Whether `session`'s closeSession (explicit or the leader's expiry) is in some server's
    /// log, memory or disk, at a zxid a quorum has committed: from then on every future
    /// leader has it (ZAB's primary order), even if the most up-to-date *serving* server —
    /// a follower cut off from a crashed leader — has not applied it yet.
    #[must_use]
    pub fn session_closed_by_quorum(&self, session: SessionId) -> bool {
        self.nodes.iter().any(|n| {
            let log = n
                .server
                .as_ref()
                .map_or(&n.disk.log, |s| &s.core.durable.log);
            log.iter().any(|e| {
                e.header.session == session
                    && matches!(e.txn, crate::zk::txn::Txn::CloseSession { .. })
                    && self.explain.is_committed(e.zxid())
            })
        })
    }

    /// The serving server with the newest state (the leader if there is one).
    #[must_use]
    pub fn freshest(&self) -> Option<&crate::zab::server::Server> {
        let serving = || {
            self.nodes
                .iter()
                .filter(|n| n.status == Status::Up)
                .filter_map(|n| n.server.as_ref())
                .filter(|s| s.serving())
        };
        serving()
            .find(|s| s.state() == crate::zab::proto::ServerState::Leading)
            .or_else(|| serving().max_by_key(|s| s.core.replica.last_processed()))
    }

    /// Whether a client-library command can run now; the error says why not (and the
    /// command then changes nothing).
    pub fn check_zk(&self, c: &Command) -> Result<(), Text> {
        let lib = |name: &str| {
            self.zk_index(name)
                .and_then(|i| self.clients[i].zk.as_deref())
                .ok_or_else(|| Text::new("client.no_client").arg("client", name.to_string()))
        };
        match c {
            Command::Zk { client, action } => {
                if matches!(action, ZkAction::Connect { .. }) {
                    return Ok(());
                }
                let z = lib(client)?;
                match (action, z.process) {
                    (_, Process::Crashed) => {
                        Err(Text::new("client.crashed").arg("client", client.clone()))
                    }
                    (ZkAction::Pause, Process::Paused) => {
                        Err(Text::new("client.already_paused").arg("client", client.clone()))
                    }
                    (ZkAction::Resume, Process::Running) => {
                        Err(Text::new("client.not_paused").arg("client", client.clone()))
                    }
                    _ => Ok(()),
                }
            }
            Command::Recipe { client, spec } => {
                let z = lib(client)?;
                if z.process == Process::Paused {
                    return Err(Text::new("client.paused").arg("client", client.clone()));
                }
                if z.process == Process::Crashed || z.state == CnxnState::Closed {
                    return Err(Text::new("client.not_connected").arg("client", client.clone()));
                }
                if z.recipes.iter().any(|r| {
                    r.spec.path() == spec.path()
                        && !matches!(
                            r.progress().role,
                            crate::client::recipes::Role::Released
                                | crate::client::recipes::Role::Lost
                                | crate::client::recipes::Role::Done
                                | crate::client::recipes::Role::Left
                        )
                }) {
                    return Err(Text::new("client.recipe_busy")
                        .arg("client", client.clone())
                        .arg("path", spec.path().to_string()));
                }
                let parent = match crate::zk::path::parent_of(spec.path()) {
                    Some("") | None => "/",
                    Some(p) => p,
                };
                if let Some(s) = self.freshest()
                    && s.core.replica.db.tree().get(parent).is_none()
                {
                    return Err(Text::new("client.no_parent")
                        .arg("path", spec.path().to_string())
                        .arg("parent", parent.to_string()));
                }
                Ok(())
            }
            Command::Unlock { client, path } => {
                let z = lib(client)?;
                if z.process != Process::Running {
                    return Err(Text::new("client.not_running").arg("client", client.clone()));
                }
                let r = z
                    .recipes
                    .iter()
                    .rev()
                    .find(|r| r.spec.path() == path)
                    .ok_or_else(|| {
                        Text::new("client.no_recipe_on")
                            .arg("client", client.clone())
                            .arg("path", path.clone())
                    })?;
                let in_barrier = matches!(r.spec, RecipeSpec::Barrier { .. })
                    && matches!(
                        r.progress().role,
                        crate::client::recipes::Role::Entered
                            | crate::client::recipes::Role::Waiting
                    );
                let held = in_barrier
                    || r.progress().holding().is_some()
                        && matches!(
                            r.spec,
                            RecipeSpec::Lock { .. }
                                | RecipeSpec::RwLock { .. }
                                | RecipeSpec::Election { .. }
                                | RecipeSpec::Group { .. }
                        );
                if held {
                    Ok(())
                } else {
                    Err(Text::new("client.not_holding")
                        .arg("client", client.clone())
                        .arg("path", path.clone())
                        .arg("kind", r.spec.kind())
                        .arg("state", r.progress().role.to_string()))
                }
            }
            _ => Ok(()),
        }
    }
}
