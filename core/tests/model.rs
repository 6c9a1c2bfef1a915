//! proptest: the DataTree + prep/apply pipeline against a naive model (a map of path →
//! znode with ZooKeeper's rules written out longhand), under random op sequences on a small
//! path space. Also checks that replaying the committed log on a second database gives the
//! identical state and digest (apply is a pure function of (db, txn)).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::collections::BTreeMap;
use zabscope_core::zk::acl::Acl;
use zabscope_core::zk::request::{CreateMode, Request, RequestContext, ResponseBody};
use zabscope_core::{Code, DbConfig, SessionId, SimTime, TxnEntry, ZkDatabase, Zxid};

const NAMES: [&str; 3] = ["a", "b", "c"];

#[derive(Clone, Debug)]
enum Op {
    Create {
        parent: usize,
        name: usize,
        ephemeral: bool,
        sequential: bool,
    },
    Delete {
        node: usize,
        version: Option<i32>,
    },
    SetData {
        node: usize,
        len: usize,
        version: Option<i32>,
    },
}

/// The naive model of one znode.
#[derive(Clone, Debug, PartialEq)]
struct M {
    data_len: usize,
    version: i32,
    creates: i32,
    czxid: u64,
    mzxid: u64,
    pzxid: u64,
    ephemeral: bool,
}

fn all_paths() -> Vec<String> {
    let mut v = vec!["/".to_string()];
    for a in NAMES {
        v.push(format!("/{a}"));
        for b in NAMES {
            v.push(format!("/{a}/{b}"));
        }
    }
    v
}

fn op() -> impl Strategy<Value = Op> {
    let n = all_paths().len();
    prop_oneof![
        (
            0..4usize,
            0..3usize,
            any::<bool>(),
            prop::bool::weighted(0.2)
        )
            .prop_map(|(parent, name, ephemeral, sequential)| Op::Create {
                parent,
                name,
                ephemeral,
                sequential
            }),
        (0..n, prop::option::of(0..3i32)).prop_map(|(node, version)| Op::Delete { node, version }),
        (0..n, 0..5usize, prop::option::of(0..3i32)).prop_map(|(node, len, version)| Op::SetData {
            node,
            len,
            version
        }),
    ]
}

fn parent_of(p: &str) -> String {
    match p.rfind('/') {
        Some(0) => "/".into(),
        Some(i) => p[..i].into(),
        None => "/".into(),
    }
}

fn children(model: &BTreeMap<String, M>, p: &str) -> usize {
    model
        .keys()
        .filter(|k| *k != p && parent_of(k) == p && *k != "/")
        .count()
}

/// The model's answer (and state change) for one op at `zxid`.
fn model_step(model: &mut BTreeMap<String, M>, op: &Op, zxid: u64) -> (Code, Option<String>) {
    let paths = all_paths();
    match op {
        Op::Create {
            parent,
            name,
            ephemeral,
            sequential,
        } => {
            let parent_path = paths[*parent].clone();
            let Some(p) = model.get(&parent_path).cloned() else {
                return (Code::NoNode, None);
            };
            let mut path = if parent_path == "/" {
                format!("/{}", NAMES[*name])
            } else {
                format!("{parent_path}/{}", NAMES[*name])
            };
            if *sequential {
                path = format!("{path}{:010}", p.creates);
            }
            if model.contains_key(&path) {
                return (Code::NodeExists, None);
            }
            if p.ephemeral {
                return (Code::NoChildrenForEphemerals, None);
            }
            let pm = model.get_mut(&parent_path).expect("parent");
            pm.creates += 1;
            pm.pzxid = zxid;
            model.insert(
                path.clone(),
                M {
                    data_len: 1,
                    version: 0,
                    creates: 0,
                    czxid: zxid,
                    mzxid: zxid,
                    pzxid: zxid,
                    ephemeral: *ephemeral,
                },
            );
            (Code::Ok, Some(path))
        }
        Op::Delete { node, version } => {
            let path = &paths[*node];
            if matches!(path.as_str(), "/") {
                return (Code::BadArguments, None);
            }
            let Some(m) = model.get(path).cloned() else {
                return (Code::NoNode, None);
            };
            if version.is_some_and(|v| v != m.version) {
                return (Code::BadVersion, None);
            }
            if children(model, path) > 0 {
                return (Code::NotEmpty, None);
            }
            model.remove(path);
            let pm = model.get_mut(&parent_of(path)).expect("parent");
            pm.pzxid = pm.pzxid.max(zxid);
            (Code::Ok, None)
        }
        Op::SetData { node, len, version } => {
            let path = &paths[*node];
            let Some(m) = model.get_mut(path) else {
                return (Code::NoNode, None);
            };
            if version.is_some_and(|v| v != m.version) {
                return (Code::BadVersion, None);
            }
            m.version += 1;
            m.data_len = *len;
            m.mzxid = zxid;
            (Code::Ok, None)
        }
    }
}

fn request(op: &Op) -> Request {
    let paths = all_paths();
    match op {
        Op::Create {
            parent,
            name,
            ephemeral,
            sequential,
        } => {
            let pp = &paths[*parent];
            let path = if pp == "/" {
                format!("/{}", NAMES[*name])
            } else {
                format!("{pp}/{}", NAMES[*name])
            };
            let mode = match (ephemeral, sequential) {
                (true, true) => CreateMode::EphemeralSequential,
                (true, false) => CreateMode::Ephemeral,
                (false, true) => CreateMode::PersistentSequential,
                (false, false) => CreateMode::Persistent,
            };
            Request::Create {
                path,
                data: Some(vec![b'x']),
                acl: Acl::open_unsafe(),
                mode,
                ttl: -1,
            }
        }
        Op::Delete { node, version } => Request::Delete {
            path: paths[*node].clone(),
            version: version.unwrap_or(-1),
        },
        Op::SetData { node, len, version } => Request::SetData {
            path: paths[*node].clone(),
            data: Some(vec![b'y'; *len]),
            version: version.unwrap_or(-1),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn tree_matches_naive_model(ops in prop::collection::vec(op(), 1..60)) {
        let mut db = ZkDatabase::new(DbConfig::default());
        let ctx = RequestContext::new(SessionId(0x100), 0, vec![]);
        let mut model: BTreeMap<String, M> = BTreeMap::new();
        model.insert("/".into(), M { data_len: 0, version: 0, creates: 0, czxid: 0, mzxid: 0, pzxid: 0, ephemeral: false });
        let mut log: Vec<TxnEntry> = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            let zxid = i as u64 + 1;
            let entry = db.prep(&ctx, &request(op), Zxid(zxid), SimTime(zxid));
            let got = db.apply(&entry);
            log.push(entry);
            let (code, path) = model_step(&mut model, op, zxid);
            prop_assert_eq!(got.response.code, code, "op {} {:?}", i, op);
            if let (Some(p), ResponseBody::Create { path: gp, .. }) = (path, &got.response.body) {
                prop_assert_eq!(&p, gp);
            }
        }
        // Every model node exists with the model's stat (the /zookeeper subtree aside).
        for (p, m) in &model {
            let s = db.tree().stat(p).expect("node in tree");
            let kids = i32::try_from(children(&model, p)).unwrap_or(0) + if p == "/" { 1 } else { 0 };
            prop_assert_eq!(s.num_children, kids, "{}", p);
            // Visible cversion = creates×2 − children (DataNode.copyStat), root included.
            prop_assert_eq!(s.cversion, m.creates * 2 - kids, "{}", p);
            prop_assert_eq!((s.czxid.0, s.mzxid.0, s.pzxid.0), (m.czxid, m.mzxid, m.pzxid), "{}", p);
            prop_assert_eq!(s.version, m.version);
            prop_assert_eq!(s.data_length as usize, m.data_len);
            prop_assert_eq!(s.ephemeral_owner != 0, m.ephemeral);
        }
        prop_assert_eq!(db.tree().node_count(), model.len() + 3);
        // A replica applying the same log ends identical.
        let mut replica = ZkDatabase::new(DbConfig::default());
        for e in &log {
            replica.apply(e);
        }
        prop_assert_eq!(replica.digest(), db.digest());
        prop_assert!(replica == db);
    }
}
