//! WatchManager firing rules (S/watch/WatchManager.java; docs/zookeeper-semantics.md §5).

use super::*;

fn s(n: i64) -> SessionId {
    SessionId(n)
}

fn fire(w: &mut WatchManager, path: &str, t: EventType) -> Vec<(i64, EventType, String)> {
    w.trigger(&[WatchTrigger::new(path, t)], |_| None)
        .into_iter()
        .map(|(s, e)| (s.0, e.event_type, e.path.unwrap_or_default()))
        .collect()
}

/// Standard watches are one-shot.
#[test]
fn standard_watch_fires_once() {
    let mut w = WatchManager::default();
    w.register(s(1), "/a", WatchKind::Data);
    assert_eq!(fire(&mut w, "/a", EventType::NodeDataChanged).len(), 1);
    assert!(fire(&mut w, "/a", EventType::NodeDataChanged).is_empty());
}

/// NodeDeleted: one event per connection even with a data and a child watch (§5.2).
#[test]
fn delete_fires_once_per_connection() {
    let mut w = WatchManager::default();
    w.register(s(1), "/a", WatchKind::Data);
    w.register(s(1), "/a", WatchKind::Child);
    w.register(s(2), "/a", WatchKind::Child);
    let ev = fire(&mut w, "/a", EventType::NodeDeleted);
    assert_eq!(ev.len(), 2);
    assert_eq!(w.watch_count(), 0);
}

/// PERSISTENT survives triggers and gets data and child events; PERSISTENT_RECURSIVE covers
/// descendants and never gets NodeChildrenChanged (§5.4).
#[test]
fn persistent_modes() {
    let mut w = WatchManager::default();
    w.add_watch(s(1), "/a", AddWatchMode::Persistent);
    w.add_watch(s(2), "/a", AddWatchMode::PersistentRecursive);
    assert_eq!(fire(&mut w, "/a", EventType::NodeDataChanged).len(), 2);
    assert_eq!(fire(&mut w, "/a", EventType::NodeDataChanged).len(), 2);
    let ev = fire(&mut w, "/a", EventType::NodeChildrenChanged);
    assert_eq!(ev, vec![(1, EventType::NodeChildrenChanged, "/a".into())]);
    let ev = fire(&mut w, "/a/b/c", EventType::NodeCreated);
    assert_eq!(ev, vec![(2, EventType::NodeCreated, "/a/b/c".into())]);
    // 3.8.0 registers a recursive watch in both tables: removing one side leaves the other,
    // so a later Any removal still succeeds (seen on the real server with `removewatches -d`).
    assert_eq!(w.remove_watches(s(2), "/a", WatcherType::Children), Ok(()));
    assert_eq!(w.remove_watches(s(2), "/a", WatcherType::Any), Ok(()));
    assert_eq!(
        w.remove_watches(s(2), "/a", WatcherType::Any),
        Err(Code::NoWatcher)
    );
    w.remove_session(s(1));
    assert_eq!(w.watch_count(), 0);
}
