//! prep/apply/read rules (S/PrepRequestProcessor.java, S/DataTree.java,
//! docs/zookeeper-semantics.md §4).

use super::*;
use crate::time::SimTime;
use crate::zk::acl::{Acl, Id};
use crate::zk::request::{CreateMode, Request, RequestContext};

/// A tiny standalone pipeline: prep against the db, apply at once (prep view = committed).
pub(crate) struct Rig {
    pub db: ZkDatabase,
    pub zxid: Zxid,
    pub ctx: RequestContext,
}

impl Rig {
    pub fn new() -> Rig {
        Rig {
            db: ZkDatabase::new(DbConfig::default()),
            zxid: Zxid::ZERO,
            ctx: RequestContext::new(SessionId(0x100), 0, vec![Id::new("ip", "127.0.0.1")]),
        }
    }

    pub fn write(&mut self, req: Request) -> ApplyResult {
        self.zxid = Zxid(self.zxid.0 + 1);
        let e = self
            .db
            .prep(&self.ctx, &req, self.zxid, SimTime(self.zxid.0 * 10));
        self.db.apply(&e)
    }

    pub fn create(&mut self, path: &str, mode: CreateMode) -> ApplyResult {
        self.write(Request::Create {
            path: path.into(),
            data: Some(b"d".to_vec()),
            acl: Acl::open_unsafe(),
            mode,
            ttl: -1,
        })
    }
}

fn created_path(r: &ApplyResult) -> String {
    match &r.response.body {
        ResponseBody::Create { path, .. } => path.clone(),
        other => panic!("not a create: {other:?}"),
    }
}

/// §4.2: `/a/./x`, `/a//x` give NoNode (parent lookup first), `a` BadArguments; a failed
/// write still consumes a zxid (§4.6).
#[test]
fn create_check_order() {
    let mut r = Rig::new();
    r.create("/a", CreateMode::Persistent);
    assert_eq!(
        r.create("/a/./x", CreateMode::Persistent).response.code,
        Code::NoNode
    );
    assert_eq!(
        r.create("/a//x", CreateMode::Persistent).response.code,
        Code::NoNode
    );
    assert_eq!(
        r.create("/a/x/", CreateMode::Persistent).response.code,
        Code::NoNode
    );
    assert_eq!(
        r.create("a", CreateMode::Persistent).response.code,
        Code::BadArguments
    );
    assert_eq!(
        r.create("/a/.", CreateMode::Persistent).response.code,
        Code::BadArguments
    );
    assert_eq!(
        r.create("/a", CreateMode::Persistent).response.code,
        Code::NodeExists
    );
    assert_eq!(r.db.last_processed_zxid(), Zxid(7));
    let e = r.create("/a/e", CreateMode::Ephemeral);
    assert_eq!(e.response.code, Code::Ok);
    assert_eq!(
        r.create("/a/e/x", CreateMode::Persistent).response.code,
        Code::NoChildrenForEphemerals
    );
}

/// §4.5: sequential suffix = %010d of the parent's internal cversion (creates only).
#[test]
fn sequential_suffix_from_internal_cversion() {
    let mut r = Rig::new();
    r.create("/q", CreateMode::Persistent);
    for _ in 0..3 {
        r.create("/q/n", CreateMode::PersistentSequential);
    }
    r.write(Request::Delete {
        path: "/q/n0000000000".into(),
        version: -1,
    });
    let c = r.create("/q/n", CreateMode::PersistentSequential);
    assert_eq!(created_path(&c), "/q/n0000000003");
    let stat = r.db.tree().stat("/q").unwrap();
    // 4 creates, 1 delete, 3 children: visible 4*2-3 = 5.
    assert_eq!(stat.cversion, 5);
}

/// §4.3: special nodes cannot be deleted; creating under /zookeeper works.
#[test]
fn special_paths() {
    let mut r = Rig::new();
    for p in ["/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config"] {
        let res = r.write(Request::Delete {
            path: p.into(),
            version: -1,
        });
        assert_eq!(res.response.code, Code::BadArguments, "{p}");
    }
    assert_eq!(
        r.create("/zookeeper/x", CreateMode::Persistent)
            .response
            .code,
        Code::Ok
    );
}

/// §4.2 delete: exists → BadVersion → NotEmpty; setData version rules and stat updates.
#[test]
fn delete_and_set_data() {
    let mut r = Rig::new();
    r.create("/a", CreateMode::Persistent);
    r.create("/a/b", CreateMode::Persistent);
    let del = |r: &mut Rig, p: &str, v| {
        r.write(Request::Delete {
            path: p.into(),
            version: v,
        })
    };
    assert_eq!(del(&mut r, "/a", 5).response.code, Code::BadVersion);
    assert_eq!(del(&mut r, "/a", -1).response.code, Code::NotEmpty);
    assert_eq!(del(&mut r, "/x", -1).response.code, Code::NoNode);
    let set = r.write(Request::SetData {
        path: "/a".into(),
        data: Some(b"zz".to_vec()),
        version: 0,
    });
    let s = set.response.stat().unwrap();
    assert_eq!(
        (s.version, s.data_length, s.mzxid),
        (1, 2, set.response.zxid)
    );
    let bad = r.write(Request::SetData {
        path: "/a".into(),
        data: Some(vec![]),
        version: 0,
    });
    assert_eq!(bad.response.code, Code::BadVersion);
}

/// §4.7: multi shares one zxid; create+setData gives version 1 and mzxid = czxid; a failure
/// reports 0 before, its code, −2 after, and changes nothing but the zxid.
#[test]
fn multi_atomic() {
    let mut r = Rig::new();
    let create = Request::Create {
        path: "/m".into(),
        data: Some(vec![]),
        acl: Acl::open_unsafe(),
        mode: CreateMode::Persistent,
        ttl: -1,
    };
    let ok = r.write(Request::Multi(vec![
        create.clone(),
        Request::SetData {
            path: "/m".into(),
            data: Some(b"x".to_vec()),
            version: -1,
        },
    ]));
    assert_eq!(ok.response.code, Code::Ok);
    let s = r.db.tree().stat("/m").unwrap();
    assert_eq!((s.version, s.mzxid), (1, s.czxid));
    let before = r.db.tree().digest();
    let bad = r.write(Request::Multi(vec![
        create.clone().clone_with_path("/n"),
        create.clone(),
        Request::Delete {
            path: "/m".into(),
            version: -1,
        },
    ]));
    assert_eq!(bad.response.code, Code::NodeExists);
    let codes: Vec<i32> = match &bad.response.body {
        ResponseBody::Multi(rs) => rs.iter().map(|x| x.code().value()).collect(),
        _ => vec![],
    };
    assert_eq!(codes, vec![0, -110, -2]);
    assert_eq!(r.db.tree().digest(), before);
    assert_eq!(r.db.last_processed_zxid(), Zxid(2));
}

/// closeSession deletes the session's ephemerals at its zxid; parents' pzxid = that zxid.
#[test]
fn close_session_deletes_ephemerals() {
    let mut r = Rig::new();
    r.write(Request::CreateSession { timeout_ms: 4000 });
    r.create("/p", CreateMode::Persistent);
    r.create("/p/e1", CreateMode::Ephemeral);
    r.create("/p/e2", CreateMode::Ephemeral);
    let res = r.write(Request::CloseSession);
    assert_eq!(res.triggers.len(), 4);
    assert!(r.db.tree().get("/p/e1").is_none());
    assert_eq!(r.db.tree().stat("/p").unwrap().pzxid, res.response.zxid);
    assert!(r.db.sessions().is_empty());
}

/// getACL without ADMIN masks digest ids; READ is needed for getData (§6).
#[test]
fn acl_reads() {
    let mut r = Rig::new();
    let digest = crate::zk::acl::generate_digest("bob:pw");
    let acl = vec![
        Acl::new(crate::zk::acl::perms::READ, "world", "anyone"),
        Acl::new(crate::zk::acl::perms::ALL, "digest", &digest),
    ];
    r.write(Request::Create {
        path: "/s".into(),
        data: Some(vec![]),
        acl,
        mode: CreateMode::Persistent,
        ttl: -1,
    });
    let got = r.db.read(&r.ctx, &Request::GetAcl { path: "/s".into() });
    match got.body {
        ResponseBody::Acl { acl, .. } => assert_eq!(acl[1].id.id, "bob:x"),
        other => panic!("{other:?}"),
    }
    let set = r.write(Request::SetData {
        path: "/s".into(),
        data: Some(vec![]),
        version: -1,
    });
    assert_eq!(set.response.code, Code::NoAuth);
    r.ctx.auth.push(Id::new("digest", &digest));
    let set = r.write(Request::SetData {
        path: "/s".into(),
        data: Some(vec![]),
        version: -1,
    });
    assert_eq!(set.response.code, Code::Ok);
}

trait WithPath {
    fn clone_with_path(self, p: &str) -> Request;
}

impl WithPath for Request {
    fn clone_with_path(self, p: &str) -> Request {
        match self {
            Request::Create {
                data,
                acl,
                mode,
                ttl,
                ..
            } => Request::Create {
                path: p.into(),
                data,
                acl,
                mode,
                ttl,
            },
            other => other,
        }
    }
}
