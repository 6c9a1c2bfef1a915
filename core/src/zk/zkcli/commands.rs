//! The zkCli commands (`org.apache.zookeeper.cli.*Command`), each a method returning the
//! `CliException` message on failure.

use super::ZkCli;
use super::args::{self, CommandLine};
use super::format::{self, keeper_error, usage_of};
use crate::tools::api::Backend;
use crate::zk::acl::{Acl, parse_acl_list};
use crate::zk::code::Code;
use crate::zk::path::{validate_path, validate_path_seq};
use crate::zk::request::{CreateMode, Request, ResponseBody};
use crate::zk::stat::MAX_TTL;

type CliResult = Result<(), String>;

/// `MalformedPathException`: the client validates paths before sending.
fn vpath(p: &str) -> CliResult {
    validate_path(p)
}

/// `Integer.parseInt` of an option value. A bad value is an uncaught NumberFormatException
/// in the real zkCli 3.8: the JVM prints `Exception in thread "main" …` and a stack trace,
/// and the process exits. ZabScope prints that first line and keeps the session (a console
/// in a page should not die); docs/conformance.md.
pub(super) fn int_arg(v: &str) -> Result<i32, String> {
    v.parse().map_err(|_| {
        format!("Exception in thread \"main\" java.lang.NumberFormatException: For input string: \"{v}\"")
    })
}

impl<B: Backend> ZkCli<B> {
    pub(super) fn run_command(&mut self, cmd: &str, tokens: &[String]) -> CliResult {
        match cmd {
            "create" => self.create(tokens),
            "ls" => self.ls(tokens),
            "get" => self.get(tokens),
            "set" => self.set(tokens),
            "delete" => self.delete(tokens),
            "deleteall" => self.deleteall(tokens),
            "stat" => self.stat(tokens),
            "getAcl" => self.get_acl(tokens),
            "setAcl" => self.set_acl(tokens),
            "addauth" => self.addauth(tokens),
            "sync" => self.sync(tokens),
            "addWatch" => self.add_watch(tokens),
            "removewatches" => self.remove_watches(tokens),
            "getEphemerals" => self.get_ephemerals(tokens),
            "getAllChildrenNumber" => self.get_all_children_number(tokens),
            "whoami" => self.whoami(),
            "close" => {
                self.close_current(true);
                Ok(())
            }
            "version" => self.version(tokens),
            "config" => self.config(tokens),
            other => Err(format!("ZabScope does not simulate '{other}'")),
        }
    }

    pub(super) fn parse(
        tokens: &[String],
        spec: &[(char, bool)],
        min_args: usize,
        cmd: &str,
    ) -> Result<CommandLine, String> {
        let cl = args::parse(tokens, spec)?;
        if cl.args.len() < min_args {
            return Err(usage_of(cmd));
        }
        Ok(cl)
    }

    /// `retainCompatibility`: `ls path watch` style → `-w` with a deprecation note.
    pub(super) fn compat_watch(&mut self, cl: &mut CommandLine, cmd: &str, new_form: &str) {
        if cl.args.len() > 2 {
            self.println(&format!(
                "'{cmd} path [watch]' has been deprecated. Please use '{new_form}' instead."
            ));
            cl.args.truncate(2);
            cl.opts.insert('w', String::new());
        }
    }

    fn create(&mut self, tokens: &[String]) -> CliResult {
        let spec = [('e', false), ('s', false), ('c', false), ('t', true)];
        let cl = Self::parse(tokens, &spec, 2, "create")?;
        let (e, s, c, t) = (cl.has('e'), cl.has('s'), cl.has('c'), cl.has('t'));
        if c && (e || s) {
            return Err("-c cannot be combined with -s or -e. Containers cannot be ephemeral or sequential.".into());
        }
        let ttl: i64 = match cl.value('t') {
            Some(v) => v
                .parse()
                .map_err(|_| "-t argument must be a long value".to_string())?,
            None => 0,
        };
        if t && e {
            return Err("TTLs cannot be used with Ephemeral znodes".into());
        }
        if t && c {
            return Err("TTLs cannot be used with Container znodes".into());
        }
        let mode = match (e, s, c, t) {
            (true, true, ..) => CreateMode::EphemeralSequential,
            (true, false, ..) => CreateMode::Ephemeral,
            (false, true, _, true) => CreateMode::PersistentSequentialWithTtl,
            (false, true, _, false) => CreateMode::PersistentSequential,
            (false, false, true, _) => CreateMode::Container,
            (false, false, false, true) => CreateMode::PersistentWithTtl,
            _ => CreateMode::Persistent,
        };
        if t && (ttl <= 0 || ttl > MAX_TTL) {
            return Err(format!(
                "ttl must be positive and cannot be larger than: {MAX_TTL}"
            ));
        }
        let path = cl.args[1].clone();
        let data = cl.args.get(2).map(|d| d.as_bytes().to_vec());
        let acl = match cl.args.get(3) {
            Some(a) => self.parse_acl(a),
            None => Acl::open_unsafe(),
        };
        validate_path_seq(&path, mode.is_sequential())?;
        if acl.is_empty() {
            self.println("KeeperErrorCode = InvalidACL");
            return Err(keeper_error(Code::InvalidAcl, None));
        }
        let ttl = if t { ttl } else { -1 };
        let resp = self.call(Request::Create {
            path: path.clone(),
            data,
            acl,
            mode,
            ttl,
        });
        match (resp.code, resp.body) {
            (Code::Ok, ResponseBody::Create { path: created, .. }) => {
                self.println(&format!("Created {created}"));
                Ok(())
            }
            (Code::InvalidAcl, _) => {
                self.println(&Code::InvalidAcl.keeper_message(Some(&path)));
                Err(keeper_error(Code::InvalidAcl, Some(&path)))
            }
            (code, _) => Err(keeper_error(code, Some(&path))),
        }
    }

    pub(super) fn parse_acl(&mut self, s: &str) -> Vec<Acl> {
        let (acl, warnings) = parse_acl_list(s);
        for w in warnings {
            self.println(&w);
        }
        acl
    }

    fn ls(&mut self, tokens: &[String]) -> CliResult {
        let mut cl = args::parse(
            tokens,
            &[('?', false), ('s', false), ('w', false), ('R', false)],
        )?;
        self.compat_watch(&mut cl, "ls", "ls [-w] path");
        if cl.args.len() < 2 {
            return Err(usage_of("ls"));
        }
        let path = cl.args[1].clone();
        let watch = cl.has('w');
        vpath(&path)?;
        if cl.has('R') {
            return self.ls_recursive(&path, watch);
        }
        let resp = self.call(Request::GetChildren2 {
            path: path.clone(),
            watch,
        });
        match resp.body {
            ResponseBody::Children { mut children, stat } if resp.code == Code::Ok => {
                children.sort();
                self.println(&format!("[{}]", children.join(", ")));
                if cl.has('s')
                    && let Some(s) = stat
                {
                    self.print(&format::stat(&s));
                }
                Ok(())
            }
            _ => Err(keeper_error(resp.code, Some(&path))),
        }
    }

    /// `ls -R`: every path of the subtree, as `ZKUtil.visitSubTreeDFS` lists it.
    fn ls_recursive(&mut self, path: &str, watch: bool) -> CliResult {
        self.visit_subtree_dfs(path, watch, &mut |cli: &mut Self, p: &str| cli.println(p))
    }

    /// `ZKUtil.visitSubTreeDFS`: getData of the root (errors surface), the callback for the
    /// root, then `visitSubTree`. A KeeperException anywhere (NoAuth on a child that cannot
    /// be read) ends the walk with its CliWrapperException message.
    pub(super) fn visit_subtree_dfs(
        &mut self,
        root: &str,
        watch: bool,
        cb: &mut dyn FnMut(&mut Self, &str),
    ) -> CliResult {
        let resp = self.call(Request::GetData {
            path: root.into(),
            watch,
        });
        if resp.code != Code::Ok {
            return Err(keeper_error(resp.code, Some(root)));
        }
        cb(self, root);
        self.visit_subtree(root, watch, cb)
    }

    /// `ZKUtil.visitSubTree`: the sorted children of `path` through the callback, then each
    /// child's subtree.
    fn visit_subtree(
        &mut self,
        path: &str,
        watch: bool,
        cb: &mut dyn FnMut(&mut Self, &str),
    ) -> CliResult {
        let resp = self.call(Request::GetChildren {
            path: path.into(),
            watch,
        });
        let ResponseBody::Children { mut children, .. } = resp.body else {
            return Err(keeper_error(resp.code, Some(path)));
        };
        if resp.code != Code::Ok {
            return Err(keeper_error(resp.code, Some(path)));
        }
        children.sort();
        let full: Vec<String> = children
            .iter()
            .map(|c| {
                if path == "/" {
                    format!("/{c}")
                } else {
                    format!("{path}/{c}")
                }
            })
            .collect();
        for p in &full {
            cb(self, p);
        }
        for p in &full {
            self.visit_subtree(p, watch, cb)?;
        }
        Ok(())
    }

    fn get(&mut self, tokens: &[String]) -> CliResult {
        let mut cl = Self::parse(tokens, &[('s', false), ('w', false)], 2, "get")?;
        self.compat_watch(&mut cl, "get", "get [-s] [-w] path");
        let path = cl.args[1].clone();
        vpath(&path)?;
        let watch = cl.has('w');
        let resp = self.call(Request::GetData {
            path: path.clone(),
            watch,
        });
        match resp.body {
            ResponseBody::Data { data, stat } if resp.code == Code::Ok => {
                let text = data.map_or_else(
                    || "null".to_string(),
                    |d| String::from_utf8_lossy(&d).into_owned(),
                );
                self.println(&text);
                if cl.has('s') {
                    self.print(&format::stat(&stat));
                }
                Ok(())
            }
            _ => Err(keeper_error(resp.code, Some(&path))),
        }
    }

    fn set(&mut self, tokens: &[String]) -> CliResult {
        let cl = Self::parse(tokens, &[('s', false), ('v', true)], 3, "set")?;
        let path = cl.args[1].clone();
        let data = Some(cl.args[2].as_bytes().to_vec());
        let version = cl.value('v').map_or(Ok(-1), int_arg)?;
        vpath(&path)?;
        let resp = self.call(Request::SetData {
            path: path.clone(),
            data,
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

    fn delete(&mut self, tokens: &[String]) -> CliResult {
        let cl = Self::parse(tokens, &[('v', true)], 2, "delete")?;
        if cl.args.len() > 2 {
            self.println("'delete path [version]' has been deprecated. Please use 'delete [-v version] path' instead.");
        }
        let path = cl.args[1].clone();
        let version = cl.value('v').map_or(Ok(-1), int_arg)?;
        vpath(&path)?;
        let resp = self.call(Request::Delete {
            path: path.clone(),
            version,
        });
        if resp.code == Code::Ok {
            Ok(())
        } else {
            Err(keeper_error(resp.code, Some(&path)))
        }
    }

    /// `ZKUtil.deleteRecursive`: BFS listing, then multis of `batch` deletes, deepest first.
    fn deleteall(&mut self, tokens: &[String]) -> CliResult {
        let cl = Self::parse(tokens, &[('b', true)], 2, "deleteall")?;
        let batch: usize = match cl.value('b') {
            Some(v) => v
                .parse::<i32>()
                .map_err(|_| "-b argument must be an int value".to_string())?
                .max(1) as usize,
            None => 1000,
        };
        let root = cl.args[1].clone();
        vpath(&root)?;
        let mut tree = vec![root.clone()];
        let mut i = 0;
        while i < tree.len() {
            let node = tree[i].clone();
            let resp = self.call(Request::GetChildren {
                path: node.clone(),
                watch: false,
            });
            match resp.body {
                ResponseBody::Children { children, .. } if resp.code == Code::Ok => {
                    tree.extend(children.iter().map(|c| format!("{node}/{c}")));
                }
                _ => return Err(keeper_error(resp.code, Some(&node))),
            }
            i += 1;
        }
        let mut ok = true;
        let ordered: Vec<String> = tree.into_iter().rev().collect();
        for chunk in ordered.chunks(batch) {
            if let Some(bad) = chunk.iter().find(|p| validate_path(p).is_err()) {
                return Err(validate_path(bad).err().unwrap_or_default());
            }
            let ops = chunk
                .iter()
                .map(|p| Request::Delete {
                    path: p.clone(),
                    version: -1,
                })
                .collect();
            if self.call(Request::Multi(ops)).code != Code::Ok {
                ok = false;
                break;
            }
        }
        if !ok {
            self.println("Failed to delete some node(s) in the subtree!");
        }
        Ok(())
    }

    fn stat(&mut self, tokens: &[String]) -> CliResult {
        let mut cl = Self::parse(tokens, &[('w', false)], 2, "stat")?;
        self.compat_watch(&mut cl, "stat", "stat [-w] path");
        let path = cl.args[1].clone();
        vpath(&path)?;
        let watch = cl.has('w');
        let resp = self.call(Request::Exists {
            path: path.clone(),
            watch,
        });
        match resp.body {
            ResponseBody::Stat(s) if resp.code == Code::Ok => {
                self.print(&format::stat(&s));
                Ok(())
            }
            _ => Err(keeper_error(resp.code, Some(&path))),
        }
    }
}
