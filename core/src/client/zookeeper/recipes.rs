//! The recipes a client runs: starting one, feeding it replies and events, releasing a lock,
//! and the fencing check on lock holders.

use super::{ZooKeeper, check_command};
use crate::client::host::Host;
use crate::client::recipes::{Recipe, RecipeSpec, Zk};
use crate::sim::command::Command;
use crate::sim::trace::EventKind;
use crate::zxid::Zxid;

impl<H: Host + ?Sized> ZooKeeper<'_, H> {
    /// Run one of the handle's recipes with the client API, then send what it asked for.
    pub(super) fn run_recipe(
        &mut self,
        idx: usize,
        ri: usize,
        f: impl FnOnce(&mut Recipe, &mut Zk),
    ) {
        let now = self.h.now();
        let (clients, rng) = self.h.clients_and_rng();
        let c = &mut clients[idx];
        let (name, session) = (c.name.clone(), c.session);
        let Some(z) = c.zk.as_deref_mut() else { return };
        let Some(rec) = z.recipes.get_mut(ri) else {
            return;
        };
        let before = rec.believes_held();
        let mut zk = Zk::new(now, session, &name, rng);
        f(rec, &mut zk);
        let acquired = !before && rec.believes_held();
        let path = rec.spec.path().to_string();
        let (out, notes) = (std::mem::take(&mut zk.out), std::mem::take(&mut zk.notes));
        for n in notes {
            self.note(&name, n);
        }
        if acquired {
            self.check_fencing(idx, &path);
        }
        for (tag, req) in out {
            self.submit(idx, req, Some((ri, tag)));
        }
    }

    /// Holders of `path` other than client `idx`: name and token.
    pub(super) fn lock_holders(&self, path: &str, idx: usize) -> Vec<(String, Zxid)> {
        self.h
            .clients()
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != idx)
            .filter_map(|(_, c)| {
                let z = c.zk.as_deref()?;
                let r = z
                    .recipes
                    .iter()
                    .find(|r| r.spec.path() == path && r.believes_held())?;
                Some((
                    c.name.clone(),
                    r.progress().holding().map_or(Zxid::ZERO, |h| h.token),
                ))
            })
            .collect()
    }

    /// Client `idx` just acquired `path`: another client still believing it holds it is
    /// a finding (its session expired while it was paused or cut off).
    pub(super) fn check_fencing(&mut self, idx: usize, path: &str) {
        let me = self.h.clients()[idx].name.clone();
        let mine = self.lock_holders(path, usize::MAX);
        let token = mine
            .iter()
            .find(|(n, _)| *n == me)
            .map_or(Zxid::ZERO, |(_, t)| *t);
        for (other, t) in self.lock_holders(path, idx) {
            let Some(oc) = self.h.clients().iter().find(|c| c.name == other) else {
                continue;
            };
            let alive = self.h.session_alive(oc.session);
            let shared = self.h.clients()[idx]
                .zk
                .as_deref()
                .and_then(|z| z.recipes.iter().find(|r| r.spec.path() == path))
                .is_some_and(|r| matches!(r.spec, RecipeSpec::RwLock { write: false, .. }))
                && oc
                    .zk
                    .as_deref()
                    .and_then(|z| z.recipes.iter().find(|r| r.spec.path() == path))
                    .is_some_and(|r| matches!(r.spec, RecipeSpec::RwLock { write: false, .. }));
            if shared {
                continue;
            }
            let text = if alive {
                format!(
                    "{me} acquired {path} (token {token}) while {other} (token {t}) holds it with a live session: mutual exclusion violated"
                )
            } else {
                format!(
                    "{me} acquired {path} with fencing token {token} while {other} still believes it holds it (token {t}; its session {} has expired): only a resource that rejects tokens below {token} stops {other}",
                    oc.session
                )
            };
            self.h.trace(EventKind::Finding { text }, None, None);
        }
    }

    /// `recipe C …`: start a recipe on the handle (after [`check_command`]).
    pub(crate) fn start_recipe(&mut self, name: &str, spec: RecipeSpec) {
        if let Err(e) = check_command(
            &*self.h,
            &Command::Recipe {
                client: name.to_string(),
                spec: spec.clone(),
            },
        ) {
            return self.note(name, format!("error: {e}"));
        }
        let Some(idx) = self.zk_index(name) else {
            return;
        };
        let Some(z) = self.cn(idx) else { return };
        z.recipes.push(Recipe::new(spec));
        let ri = z.recipes.len() - 1;
        self.run_recipe(idx, ri, |rec, zk| rec.start(zk));
    }

    /// `release C PATH`.
    pub(crate) fn release(&mut self, name: &str, path: &str) {
        let Some(idx) = self.zk_index(name) else {
            return self.note(name, format!("error: no client library process '{name}'"));
        };
        let ri = self.h.clients()[idx].zk.as_deref().and_then(|z| {
            z.recipes
                .iter()
                .rposition(|r| r.spec.path() == path && r.progress().holding().is_some())
                .or_else(|| z.recipes.iter().rposition(|r| r.spec.path() == path))
        });
        let Some(ri) = ri else {
            return self.note(name, format!("error: {name} runs no recipe on {path}"));
        };
        let mut err = None;
        self.run_recipe(idx, ri, |rec, zk| {
            if let Err(e) = rec.release(zk) {
                err = Some(e);
            }
        });
        if let Some(e) = err {
            self.note(name, format!("error: {e}"));
        }
    }
}
