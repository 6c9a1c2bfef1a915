//! Whether a client-library command (`client C …`, `recipe C …`, `release C PATH`) can run
//! now, asked before the command is recorded: a command that cannot run changes nothing and
//! says why.

use super::handle_index;
use crate::client::cnxn::{CnxnState, Process};
use crate::client::host::Host;
use crate::client::recipes::RecipeSpec;
use crate::explain::Text;
use crate::sim::command::{Command, ZkAction};

/// Whether a client-library command can run now; the error says why not (and the
/// command then changes nothing).
pub(crate) fn check_command<H: Host + ?Sized>(h: &H, c: &Command) -> Result<(), Text> {
    let lib = |name: &str| {
        handle_index(h.clients(), name)
            .and_then(|i| h.clients()[i].zk.as_deref())
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
            if h.znode_exists(parent) == Some(false) {
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
                    crate::client::recipes::Role::Entered | crate::client::recipes::Role::Waiting
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
