//! Response → JSON fields of the api (`stat` with every Stat field, zxids and session ids as
//! numbers, `data` as UTF-8 or `data_b64`, multi `results`).

use super::json::{Json, Obj};
use crate::zk::acl::Acl;
use crate::zk::request::{OpResult, Response, ResponseBody};
use crate::zk::stat::Stat;
use base64::Engine;

/// `{czxid, mzxid, pzxid, ctime, mtime, version, cversion, aversion, ephemeralOwner,
/// dataLength, numChildren}`.
#[must_use]
pub fn stat(s: &Stat) -> Obj {
    Obj::new()
        .with("czxid", s.czxid.0)
        .with("mzxid", s.mzxid.0)
        .with("pzxid", s.pzxid.0)
        .with("ctime", s.ctime)
        .with("mtime", s.mtime)
        .with("version", s.version)
        .with("cversion", s.cversion)
        .with("aversion", s.aversion)
        .with("ephemeralOwner", s.ephemeral_owner)
        .with("dataLength", s.data_length)
        .with("numChildren", s.num_children)
}

#[must_use]
pub fn acl(list: &[Acl]) -> Json {
    Json::L(
        list.iter()
            .map(|a| {
                Obj::new()
                    .with("perms", a.perms)
                    .with("scheme", a.id.scheme.as_str())
                    .with("id", a.id.id.as_str())
                    .into()
            })
            .collect(),
    )
}

fn strings(list: &[String]) -> Json {
    Json::L(list.iter().map(|s| Json::from(s.as_str())).collect())
}

fn data(out: &mut Obj, d: &Option<Vec<u8>>) {
    let Some(d) = d else {
        out.set("data", serde_json::Value::Null);
        return;
    };
    match std::str::from_utf8(d) {
        Ok(s) => out.set("data", s),
        Err(_) => out.set(
            "data_b64",
            base64::engine::general_purpose::STANDARD.encode(d),
        ),
    };
}

fn op_result(r: &OpResult) -> Json {
    let code = r.code();
    let mut o = Obj::new()
        .with("ok", code.is_ok() && !matches!(r, OpResult::Error(_)))
        .with("rc", code.name())
        .with("code", code.value());
    match r {
        OpResult::Create { path, stat: s } => {
            o.set("path", path.as_str());
            if let Some(s) = s {
                o.set("stat", stat(s));
            }
        }
        OpResult::SetData { stat: s } => {
            o.set("stat", stat(s));
        }
        _ => {}
    }
    o.into()
}

/// Adds the body's fields to `out`.
pub fn body(out: &mut Obj, r: &Response) {
    match &r.body {
        ResponseBody::Empty => {}
        ResponseBody::Create { path, stat: s } => {
            out.set("path", path.as_str());
            out.set("stat", stat(s));
        }
        ResponseBody::Stat(s) => {
            out.set("stat", stat(s));
        }
        ResponseBody::Data { data: d, stat: s } => {
            data(out, d);
            out.set("stat", stat(s));
        }
        ResponseBody::Children { children, stat: s } => {
            out.set("children", strings(children));
            if let Some(s) = s {
                out.set("stat", stat(s));
            }
        }
        ResponseBody::Acl { acl: a, stat: s } => {
            out.set("acl", acl(a));
            out.set("stat", stat(s));
        }
        ResponseBody::Multi(results) => {
            out.set("results", Json::L(results.iter().map(op_result).collect()));
        }
        ResponseBody::Session {
            session_id,
            timeout_ms,
        } => {
            out.set("session_id", session_id.0);
            out.set("timeout_ms", *timeout_ms);
        }
        ResponseBody::Sync { path } => {
            out.set("path", path.as_str());
        }
        ResponseBody::Paths(p) => {
            out.set("paths", strings(p));
        }
        ResponseBody::Count(n) => {
            out.set("count", *n);
        }
        ResponseBody::Ids(ids) => {
            let l = ids
                .iter()
                .map(|i| {
                    Obj::new()
                        .with("scheme", i.scheme.as_str())
                        .with("id", i.id.as_str())
                        .into()
                })
                .collect();
            out.set("ids", Json::L(l));
        }
    }
}
