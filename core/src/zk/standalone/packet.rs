//! Request packet sizes as jute serializes them, for the `jute.maxbuffer` check
//! (NIOServerCnxn.readLength: a length above the limit closes the connection).

use crate::zk::acl::Acl;
use crate::zk::request::Request;

const HEADER: usize = 8; // RequestHeader: xid, type
const MULTI_HEADER: usize = 9; // MultiHeader: type, done, err

fn ustring(s: &str) -> usize {
    4 + s.len()
}

fn buffer(b: &[u8]) -> usize {
    4 + b.len()
}

fn opt_buffer(b: &Option<Vec<u8>>) -> usize {
    4 + b.as_ref().map_or(0, Vec::len)
}

fn acl_vec(acl: &[Acl]) -> usize {
    4 + acl
        .iter()
        .map(|a| 4 + ustring(&a.id.scheme) + ustring(&a.id.id))
        .sum::<usize>()
}

fn record_len(req: &Request) -> usize {
    match req {
        Request::Create {
            path,
            data,
            acl,
            mode,
            ..
        } => {
            let ttl = if mode.is_ttl() { 8 } else { 0 };
            ustring(path) + opt_buffer(data) + acl_vec(acl) + 4 + ttl
        }
        Request::SetData { path, data, .. } => ustring(path) + opt_buffer(data) + 4,
        Request::SetAcl { path, acl, .. } => ustring(path) + acl_vec(acl) + 4,
        Request::Multi(ops) => {
            ops.iter()
                .map(|o| MULTI_HEADER + record_len(o))
                .sum::<usize>()
                + MULTI_HEADER
        }
        Request::Delete { path, .. } | Request::Check { path, .. } => ustring(path) + 4,
        Request::AddAuth { scheme, auth } => 4 + ustring(scheme) + buffer(auth),
        other => other.path().map_or(0, ustring) + 1,
    }
}

/// The length prefix a client would send for `req` (header + record).
#[must_use]
pub fn request_packet_len(req: &Request) -> usize {
    HEADER + record_len(req)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zk::request::CreateMode;

    /// §4.9: a 1 MiB create exceeds 1,048,575; 1,000,000 bytes fits.
    #[test]
    fn max_buffer_boundary() {
        let mk = |n: usize| Request::Create {
            path: "/big".into(),
            data: Some(vec![0; n]),
            acl: Acl::open_unsafe(),
            mode: CreateMode::Persistent,
            ttl: -1,
        };
        assert!(request_packet_len(&mk(1_000_000)) <= super::super::MAX_BUFFER);
        assert!(request_packet_len(&mk(1_048_576)) > super::super::MAX_BUFFER);
    }
}
