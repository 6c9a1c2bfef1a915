//! Reads answered locally by any server (FinalRequestProcessor's read cases): exists,
//! getData, getChildren(2), getACL (with digest masking), getEphemerals,
//! getAllChildrenNumber, whoAmI, sync's reply. ACL checks per op; the watch a read leaves is
//! registered by the caller's `WatchManager` (`watch::registration_for`).

use crate::zk::acl::{check_acl, mask_digests, perms};
use crate::zk::code::Code;
use crate::zk::db::ZkDatabase;
use crate::zk::request::{Request, RequestContext, Response, ResponseBody};

impl ZkDatabase {
    /// Answers a read. Writes and connection-level requests give `Unimplemented`.
    #[must_use]
    pub fn read(&self, ctx: &RequestContext, req: &Request) -> Response {
        let mut r = match self.read_body(ctx, req) {
            Ok(body) => Response::ok(body),
            Err(code) => Response::err(code),
        };
        r.zxid = self.last_processed_zxid;
        r
    }

    fn read_body(&self, ctx: &RequestContext, req: &Request) -> Result<ResponseBody, Code> {
        let tree = &self.tree;
        match req {
            Request::Exists { path, .. } => {
                if path.contains('\0') {
                    return Err(Code::BadArguments);
                }
                tree.stat(path).map(ResponseBody::Stat).ok_or(Code::NoNode)
            }
            Request::GetData { path, .. } => {
                let n = tree.get(path).ok_or(Code::NoNode)?;
                check_acl(&n.acl, perms::READ, &ctx.auth)?;
                Ok(ResponseBody::Data {
                    data: n.data.clone(),
                    stat: n.stat(),
                })
            }
            Request::GetChildren { path, .. } | Request::GetChildren2 { path, .. } => {
                let n = tree.get(path).ok_or(Code::NoNode)?;
                check_acl(&n.acl, perms::READ, &ctx.auth)?;
                let with_stat = matches!(req, Request::GetChildren2 { .. });
                Ok(ResponseBody::Children {
                    children: tree.children_java_order(path).unwrap_or_default(),
                    stat: with_stat.then(|| n.stat()),
                })
            }
            Request::GetAcl { path } => {
                let n = tree.get(path).ok_or(Code::NoNode)?;
                check_acl(&n.acl, perms::READ | perms::ADMIN, &ctx.auth)?;
                let acl = match check_acl(&n.acl, perms::ADMIN, &ctx.auth) {
                    Ok(()) => n.acl.clone(),
                    Err(_) => mask_digests(&n.acl),
                };
                Ok(ResponseBody::Acl {
                    acl,
                    stat: n.stat(),
                })
            }
            Request::GetEphemerals { prefix } => {
                let all = tree.ephemerals_java_order(ctx.session.0);
                let p = prefix.trim();
                let list = if p.is_empty() || p == "/" {
                    all.into_iter().collect()
                } else {
                    all.into_iter()
                        .filter(|e| e.starts_with(prefix.as_str()))
                        .collect()
                };
                Ok(ResponseBody::Paths(list))
            }
            Request::GetAllChildrenNumber { path } => {
                let n = tree.get(path).ok_or(Code::NoNode)?;
                check_acl(&n.acl, perms::READ, &ctx.auth)?;
                let count = tree.all_children_number(path);
                Ok(ResponseBody::Count(
                    i32::try_from(count).unwrap_or(i32::MAX),
                ))
            }
            Request::WhoAmI => Ok(ResponseBody::Ids(
                ctx.auth.iter().map(crate::zk::acl::client_info).collect(),
            )),
            Request::Sync { path } => Ok(ResponseBody::Sync { path: path.clone() }),
            Request::Ping => Ok(ResponseBody::Empty),
            _ => Err(Code::Unimplemented),
        }
    }
}
