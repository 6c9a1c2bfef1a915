//! DataTree rules (S/DataTree.java; docs/zookeeper-semantics.md §4.3–§4.5).

use super::*;
use crate::zk::acl::Acl;

fn create(t: &mut DataTree, path: &str, zxid: u64) -> Result<Stat, Code> {
    t.create_node(
        path,
        Some(b"x".to_vec()),
        Acl::open_unsafe(),
        0,
        -1,
        Zxid(zxid),
        0,
    )
}

/// `new DataTree()`: /zookeeper shows cversion −2 (children added without a create), the
/// config node is world:anyone:r with aversion −1.
#[test]
fn fresh_tree_system_nodes() {
    let t = DataTree::new();
    assert_eq!(t.node_count(), 4);
    let zk = t.stat(PROC_ZOOKEEPER).unwrap();
    assert_eq!((zk.cversion, zk.num_children), (-2, 2));
    assert_eq!(t.stat("/").unwrap().cversion, -1);
    let cfg = t.get(CONFIG_ZOOKEEPER).unwrap();
    assert_eq!(cfg.acl, Acl::read_unsafe());
    assert_eq!(cfg.stat.aversion, -1);
    assert_eq!(t.all_children_number("/"), 3);
}

/// createNode bumps the parent's cversion and pzxid; deleteNode sets pzxid only; the parent's
/// mzxid and version never change for children (§4.4).
#[test]
fn child_changes_touch_cversion_and_pzxid_only() {
    let mut t = DataTree::new();
    create(&mut t, "/a", 2).unwrap();
    create(&mut t, "/a/b", 3).unwrap();
    create(&mut t, "/a/c", 4).unwrap();
    t.delete_node("/a/b", Zxid(5)).unwrap();
    let a = t.stat("/a").unwrap();
    assert_eq!(a.mzxid, Zxid(2));
    assert_eq!(a.version, 0);
    assert_eq!(a.pzxid, Zxid(5));
    // internal cversion 2, one child left: 2*2-1 = 3 (two creates and one delete).
    assert_eq!(a.cversion, 3);
    assert_eq!(create(&mut t, "/a/c", 6), Err(Code::NodeExists));
    assert_eq!(create(&mut t, "/x/y", 6), Err(Code::NoNode));
}

/// The digest is maintained incrementally and equals a recomputation; equal trees have equal
/// digests whatever the history.
#[test]
fn digest_tracks_content() {
    let mut t = DataTree::new();
    let d0 = t.digest();
    create(&mut t, "/a", 2).unwrap();
    assert_ne!(t.digest(), d0);
    let recomputed = t.iter().fold(0u64, |d, (p, n)| d.wrapping_add(n.hash(p)));
    assert_eq!(t.digest(), recomputed);
    t.set_data("/a", Some(b"y".to_vec()), 1, Zxid(3), 5)
        .unwrap();
    let recomputed = t.iter().fold(0u64, |d, (p, n)| d.wrapping_add(n.hash(p)));
    assert_eq!(t.digest(), recomputed);
}

/// Ephemerals are indexed by owner and unindexed on delete; containers/TTLs likewise.
#[test]
fn side_indexes() {
    let mut t = DataTree::new();
    t.create_node("/e", Some(vec![]), Acl::open_unsafe(), 7, -1, Zxid(1), 0)
        .unwrap();
    t.create_node(
        "/c",
        None,
        Acl::open_unsafe(),
        crate::zk::stat::CONTAINER_OWNER,
        -1,
        Zxid(2),
        0,
    )
    .unwrap();
    assert_eq!(t.ephemerals(7).len(), 1);
    assert!(t.containers().contains("/c"));
    t.delete_node("/e", Zxid(3)).unwrap();
    assert!(t.all_ephemerals().is_empty());
}
