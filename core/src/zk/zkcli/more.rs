//! zkCli commands on ACLs, auth, watches and server info (`GetAclCommand`,
//! `SetAclCommand`, `AddAuthCommand`, `SyncCommand`, `AddWatchCommand`,
//! `RemoveWatchesCommand`, `GetEphemeralsCommand`, `GetAllChildrenNumberCommand`,
//! `WhoAmICommand`, `VersionCommand`, config).

use super::ZkCli;
use super::args;
use super::format::{self, keeper_error, usage_of};
use crate::tools::api::Backend;
use crate::zk::acl::Acl;
use crate::zk::code::Code;
use crate::zk::request::{AddWatchMode, Request, ResponseBody, WatcherType};
use crate::zk::watch::WatchedEvent;

type CliResult = Result<(), String>;

fn vpath(p: &str) -> CliResult {
    crate::zk::path::validate_path(p)
}

use super::commands::int_arg;

impl<B: Backend> ZkCli<B> {
    pub(super) fn get_acl(&mut self, tokens: &[String]) -> CliResult {
        let cl = Self::parse(tokens, &[('s', false)], 2, "getAcl")?;
        let path = cl.args[1].clone();
        vpath(&path)?;
        let resp = self.call(Request::GetAcl { path: path.clone() });
        match resp.body {
            ResponseBody::Acl { acl, stat } if resp.code == Code::Ok => {
                self.print(&format::acl_lines(&acl));
                if cl.has('s') {
                    self.print(&format::stat(&stat));
                }
                Ok(())
            }
            _ => Err(keeper_error(resp.code, Some(&path))),
        }
    }

    pub(super) fn set_acl(&mut self, tokens: &[String]) -> CliResult {
        let cl = Self::parse(
            tokens,
            &[('s', false), ('v', true), ('R', false)],
            3,
            "setAcl",
        )?;
        let path = cl.args[1].clone();
        let acl = self.parse_acl(&cl.args[2]);
        let version = cl.value('v').map_or(Ok(-1), int_arg)?;
        vpath(&path)?;
        if acl.is_empty() {
            return Err(keeper_error(Code::InvalidAcl, None));
        }
        if cl.has('R') {
            return self.set_acl_recursive(&path, &acl, version);
        }
        let resp = self.call(Request::SetAcl {
            path: path.clone(),
            acl,
            version,
        });
        match resp.body {
            ResponseBody::Stat(s) if resp.code == Code::Ok => {
                if cl.has('s') {
                    self.print(&format::stat(&s));
                }
                Ok(())
            }
            _ => Err(keeper_error(resp.code, Some(&path))),
        }
    }

    /// `setAcl -R`: `ZKUtil.visitSubTreeDFS` with a callback that sets each node's ACL as it
    /// is listed (a failed setACL prints its message without a newline and goes on); a node
    /// that can no longer be listed (its new ACL lacks READ) ends the walk with
    /// `Insufficient permission : PATH`, its children untouched.
    pub(super) fn set_acl_recursive(&mut self, root: &str, acl: &[Acl], version: i32) -> CliResult {
        self.visit_subtree_dfs(root, false, &mut |cli: &mut Self, p: &str| {
            let r = cli.call(Request::SetAcl {
                path: p.to_string(),
                acl: acl.to_vec(),
                version,
            });
            if r.code != Code::Ok {
                cli.print(&r.code.keeper_message(Some(p)));
            }
        })
    }

    pub(super) fn addauth(&mut self, tokens: &[String]) -> CliResult {
        let cl = Self::parse(tokens, &[], 2, "addauth")?;
        let auth = cl
            .args
            .get(2)
            .map(|a| a.as_bytes().to_vec())
            .unwrap_or_default();
        let scheme = cl.args[1].clone();
        let resp = self.call(Request::AddAuth { scheme, auth });
        if resp.code == Code::AuthFailed {
            let name = self.current.clone();
            if let Some(c) = self.clients.get_mut(&name) {
                c.alive = false;
            }
            self.state_event(&name, crate::zk::watch::KeeperState::AuthFailed);
        }
        Ok(())
    }

    pub(super) fn sync(&mut self, tokens: &[String]) -> CliResult {
        let cl = Self::parse(tokens, &[], 2, "sync")?;
        let path = cl.args[1].clone();
        vpath(&path)?;
        let resp = self.call(Request::Sync { path });
        if resp.code == Code::Ok {
            self.println("Sync is OK");
        } else {
            self.println(&format!("Sync has failed. rc={}", resp.code.value()));
        }
        Ok(())
    }

    pub(super) fn add_watch(&mut self, tokens: &[String]) -> CliResult {
        let cl = args::parse(tokens, &[('m', true)])?;
        if cl.args.len() != 2 {
            return Err(usage_of("addWatch"));
        }
        // zkCli 3.8's AddWatchCommand is one object per process whose `mode` field starts as
        // PERSISTENT_RECURSIVE and is only overwritten by `-m`: a plain `addWatch` reuses the
        // last `-m` given in that zkCli (seen: the conformance suite found it).
        let mode = match cl.value('m').map(str::to_uppercase).as_deref() {
            None => self.add_watch_mode(),
            Some("PERSISTENT_RECURSIVE") => AddWatchMode::PersistentRecursive,
            Some("PERSISTENT") => AddWatchMode::Persistent,
            Some(_) => return Err(usage_of("addWatch")),
        };
        self.set_add_watch_mode(mode);
        let path = cl.args[1].clone();
        vpath(&path)?;
        let resp = self.call(Request::AddWatch {
            path: path.clone(),
            mode,
        });
        if resp.code != Code::Ok {
            return Err(keeper_error(resp.code, Some(&path)));
        }
        Ok(())
    }

    pub(super) fn remove_watches(&mut self, tokens: &[String]) -> CliResult {
        let spec = [('c', false), ('d', false), ('a', false), ('l', false)];
        let cl = Self::parse(tokens, &spec, 2, "removewatches")?;
        let t = if cl.has('c') {
            WatcherType::Children
        } else if cl.has('d') {
            WatcherType::Data
        } else {
            WatcherType::Any
        };
        let path = cl.args[1].clone();
        vpath(&path)?;
        let resp = self.call(Request::RemoveWatches {
            path: path.clone(),
            watcher_type: t,
        });
        let local = self.watches_mut().and_then(|w| w.remove(&path, t));
        let (Code::Ok, Some(kinds)) = (resp.code, local) else {
            let code = if resp.code == Code::Ok {
                Code::NoWatcher
            } else {
                resp.code
            };
            return Err(keeper_error(code, Some(&path)));
        };
        let name = self.current.clone();
        for k in kinds {
            self.print_event(&name, &WatchedEvent::node(k, &path));
        }
        Ok(())
    }

    pub(super) fn get_ephemerals(&mut self, tokens: &[String]) -> CliResult {
        let cl = args::parse(tokens, &[])?;
        let prefix = match cl.args.get(1) {
            Some(p) => {
                vpath(p)?;
                p.clone()
            }
            None => "/".to_string(),
        };
        let resp = self.call(Request::GetEphemerals {
            prefix: prefix.clone(),
        });
        match resp.body {
            ResponseBody::Paths(p) if resp.code == Code::Ok => {
                self.println(&format!("[{}]", p.join(", ")));
                Ok(())
            }
            _ => Err(keeper_error(resp.code, Some(&prefix))),
        }
    }

    pub(super) fn get_all_children_number(&mut self, tokens: &[String]) -> CliResult {
        let cl = Self::parse(tokens, &[], 2, "getAllChildrenNumber")?;
        let path = cl.args[1].clone();
        vpath(&path)?;
        let resp = self.call(Request::GetAllChildrenNumber { path: path.clone() });
        match resp.body {
            ResponseBody::Count(n) if resp.code == Code::Ok => {
                self.println(&n.to_string());
                Ok(())
            }
            _ => Err(keeper_error(resp.code, Some(&path))),
        }
    }

    /// `Auth scheme: User` then `scheme: user` (WhoAmICommand).
    pub(super) fn whoami(&mut self) -> CliResult {
        let resp = self.call(Request::WhoAmI);
        self.println("Auth scheme: User");
        if let ResponseBody::Ids(ids) = resp.body {
            // The server already answers users, not ids (AuthUtil.getClientInfos).
            for id in ids {
                self.println(&format!("{}: {}", id.scheme, id.id));
            }
        }
        Ok(())
    }

    pub(super) fn version(&mut self, tokens: &[String]) -> CliResult {
        let cl = args::parse(tokens, &[])?;
        if cl.args.len() > 1 {
            return Err(usage_of("version"));
        }
        self.println(&format!(
            "ZooKeeper CLI version: {}",
            crate::zk::fourlw::VERSION
        ));
        Ok(())
    }

    /// `config`: the data of /zookeeper/config (empty on a standalone server).
    pub(super) fn config(&mut self, tokens: &[String]) -> CliResult {
        let cl = args::parse(tokens, &[('c', false), ('w', false), ('s', false)])?;
        let path = crate::zk::tree::CONFIG_ZOOKEEPER.to_string();
        let resp = self.call(Request::GetData {
            path: path.clone(),
            watch: cl.has('w'),
        });
        match resp.body {
            ResponseBody::Data { data, stat } if resp.code == Code::Ok => {
                let text =
                    data.map_or_else(String::new, |d| String::from_utf8_lossy(&d).into_owned());
                self.println(&text);
                if cl.has('s') {
                    self.print(&format::stat(&stat));
                }
                Ok(())
            }
            _ => Err(keeper_error(resp.code, Some(&path))),
        }
    }
}
