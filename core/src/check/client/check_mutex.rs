//! Client-side check: lock mutual exclusion among holders whose sessions are alive. Two
//! clients may both *believe* they hold a lock — a holder paused past its session timeout
//! still does (the fencing-token finding) — but at most one of them may have a live session
//! (in the session table of the leader, or of the freshest serving server, and no
//! closeSession of it committed by a quorum: with no leader, the freshest serving server
//! may be a follower that has not applied the close yet — seed 596). For the
//! read/write lock, readers share; a writer excludes everyone. Leadership counts as a lock.

use crate::client::recipes::RecipeSpec;
use crate::sim::kernel::Kernel;
use std::collections::BTreeMap;

/// Violations: the lock and its live holders.
#[must_use]
pub fn check(k: &Kernel) -> Vec<String> {
    // path → (writers/exclusive holders, readers), by client name.
    let mut held: BTreeMap<&str, (Vec<&str>, Vec<&str>)> = BTreeMap::new();
    for c in &k.clients {
        let Some(z) = c.zk.as_deref() else { continue };
        // (Cheapest first: the quorum check reads every server's log.)
        if !z.recipes.iter().any(|r| r.believes_held())
            || !k.session_alive(c.session)
            || k.session_closed_by_quorum(c.session)
        {
            continue;
        }
        for r in z.recipes.iter().filter(|r| r.believes_held()) {
            let e = held.entry(r.spec.path()).or_default();
            match r.spec {
                RecipeSpec::RwLock { write: false, .. } => e.1.push(&c.name),
                _ => e.0.push(&c.name),
            }
        }
    }
    held.iter()
        .filter(|(_, (x, s))| x.len() > 1 || (!x.is_empty() && !s.is_empty()))
        .map(|(p, (x, s))| {
            format!(
                "mutual exclusion: {p} held by {} with live sessions",
                x.iter().chain(s).copied().collect::<Vec<_>>().join(", ")
            )
        })
        .collect()
}
