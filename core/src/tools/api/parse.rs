//! JSON line → request, for the api's client ops. Every malformed input is a `String` error
//! that becomes `{"ok":false,"rc":"BadRequest","error":…}`; nothing here panics.

use crate::zk::acl::Acl;
use crate::zk::request::{AddWatchMode, CreateMode, Request, WatcherType};
use base64::Engine;
use serde_json::{Map, Value};

/// A request line's fields, as parsed JSON.
pub type Fields = Map<String, Value>;

/// What one line asks of a client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClientAction {
    /// Open a session.
    Connect {
        /// The session timeout asked for, ms.
        timeout_ms: i32,
    },
    /// Send one request.
    Request(Request),
    /// Close the session.
    Close,
    /// The client process dies: no more pings (its session expires later).
    Disconnect,
    /// Disconnect and let simulated time run until the session has expired.
    Expire,
}

/// Default session timeout a client asks for (the Java client's usual 30 s).
pub const DEFAULT_TIMEOUT_MS: i32 = 30_000;
/// Largest `data_len` accepted (16 MiB): the server limit is 1 MiB anyway.
const MAX_DATA_LEN: u64 = 16 << 20;

/// A required string field, or a clear error naming it.
pub fn str_field<'a>(f: &'a Fields, key: &str) -> Result<&'a str, String> {
    match f.get(key) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("'{key}' must be a string")),
        None => Err(format!("missing '{key}'")),
    }
}

fn bool_field(f: &Fields, key: &str) -> Result<bool, String> {
    match f.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(format!("'{key}' must be true or false")),
    }
}

/// An optional integer field, or a clear error when it is not one.
pub fn int_field(f: &Fields, key: &str) -> Result<Option<i64>, String> {
    match f.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_i64()
            .map(Some)
            .ok_or_else(|| format!("'{key}' must be an integer")),
    }
}

fn i32_field(f: &Fields, key: &str, default: i32) -> Result<i32, String> {
    match int_field(f, key)? {
        None => Ok(default),
        Some(n) => i32::try_from(n).map_err(|_| format!("'{key}' is out of range")),
    }
}

fn path(f: &Fields) -> Result<String, String> {
    str_field(f, "path").map(str::to_string)
}

/// `data` (UTF-8), `data_b64`, or `data_len` filler bytes; none (or `null`) = Java `null`.
fn data(f: &Fields) -> Result<Option<Vec<u8>>, String> {
    data_bytes(f)
}

fn data_bytes(f: &Fields) -> Result<Option<Vec<u8>>, String> {
    if let Some(v) = f.get("data") {
        return match v {
            Value::String(s) => Ok(Some(s.as_bytes().to_vec())),
            Value::Null => Ok(None),
            _ => Err("'data' must be a string".into()),
        };
    }
    if f.contains_key("data_b64") {
        let s = str_field(f, "data_b64")?;
        return base64::engine::general_purpose::STANDARD
            .decode(s)
            .map(Some)
            .map_err(|e| format!("'data_b64' is not base64: {e}"));
    }
    match int_field(f, "data_len")? {
        None => Ok(None),
        Some(n) if n < 0 || n as u64 > MAX_DATA_LEN => {
            Err(format!("'data_len' must be 0..={MAX_DATA_LEN}"))
        }
        Some(n) => Ok(Some(vec![b'x'; n as usize])),
    }
}

/// `[{"perms":31,"scheme":"world","id":"anyone"}]`; absent = OPEN_ACL_UNSAFE.
fn acl(f: &Fields) -> Result<Vec<Acl>, String> {
    let Some(v) = f.get("acl") else {
        return Ok(Acl::open_unsafe());
    };
    let list = v.as_array().ok_or("'acl' must be a list")?;
    list.iter()
        .map(|e| {
            let o = e.as_object().ok_or("each acl entry must be an object")?;
            let perms = i32_field(o, "perms", -1)?;
            if perms < 0 {
                return Err("acl entry needs 'perms' (0..31)".to_string());
            }
            Ok(Acl::new(
                perms,
                str_field(o, "scheme")?,
                str_field(o, "id")?,
            ))
        })
        .collect()
}

fn create(f: &Fields) -> Result<Request, String> {
    let (e, s, c) = (
        bool_field(f, "ephemeral")?,
        bool_field(f, "sequential")?,
        bool_field(f, "container")?,
    );
    let ttl = int_field(f, "ttl")?;
    let mode = match (e, s, c, ttl.is_some()) {
        (_, _, true, _) if e || s || ttl.is_some() => {
            return Err("a container cannot be ephemeral, sequential or have a ttl".into());
        }
        (true, _, _, true) => return Err("an ephemeral node cannot have a ttl".into()),
        (_, _, true, _) => CreateMode::Container,
        (true, true, _, _) => CreateMode::EphemeralSequential,
        (true, false, _, _) => CreateMode::Ephemeral,
        (false, true, _, true) => CreateMode::PersistentSequentialWithTtl,
        (false, true, _, false) => CreateMode::PersistentSequential,
        (false, false, _, true) => CreateMode::PersistentWithTtl,
        (false, false, _, false) => CreateMode::Persistent,
    };
    Ok(Request::Create {
        path: path(f)?,
        data: data(f)?,
        acl: acl(f)?,
        mode,
        ttl: ttl.unwrap_or(-1),
    })
}

fn watcher_type(f: &Fields) -> Result<WatcherType, String> {
    match f.get("type").and_then(Value::as_str).unwrap_or("Any") {
        "Any" | "ANY" | "any" => Ok(WatcherType::Any),
        "Data" | "DATA" | "data" => Ok(WatcherType::Data),
        "Children" | "CHILDREN" | "children" => Ok(WatcherType::Children),
        other => Err(format!(
            "unknown watcher type '{other}' (Any, Data, Children)"
        )),
    }
}

fn add_watch_mode(f: &Fields) -> Result<AddWatchMode, String> {
    match f
        .get("mode")
        .and_then(Value::as_str)
        .unwrap_or("PERSISTENT")
    {
        "PERSISTENT" => Ok(AddWatchMode::Persistent),
        "PERSISTENT_RECURSIVE" => Ok(AddWatchMode::PersistentRecursive),
        other => Err(format!(
            "unknown mode '{other}' (PERSISTENT, PERSISTENT_RECURSIVE)"
        )),
    }
}

/// A request from an op name and its fields (also used for multi sub-ops).
pub fn request(op: &str, f: &Fields) -> Result<Request, String> {
    let version = || i32_field(f, "version", -1);
    Ok(match op {
        "create" => create(f)?,
        "delete" => Request::Delete {
            path: path(f)?,
            version: version()?,
        },
        "exists" => Request::Exists {
            path: path(f)?,
            watch: bool_field(f, "watch")?,
        },
        "getData" => Request::GetData {
            path: path(f)?,
            watch: bool_field(f, "watch")?,
        },
        "getChildren" => Request::GetChildren2 {
            path: path(f)?,
            watch: bool_field(f, "watch")?,
        },
        "setData" => Request::SetData {
            path: path(f)?,
            data: data(f)?,
            version: version()?,
        },
        "getACL" => Request::GetAcl { path: path(f)? },
        "setACL" => Request::SetAcl {
            path: path(f)?,
            acl: acl(f)?,
            version: version()?,
        },
        "check" => Request::Check {
            path: path(f)?,
            version: version()?,
        },
        "sync" => Request::Sync { path: path(f)? },
        "addAuth" => Request::AddAuth {
            scheme: str_field(f, "scheme")?.to_string(),
            auth: str_field(f, "auth")?.as_bytes().to_vec(),
        },
        "addWatch" => Request::AddWatch {
            path: path(f)?,
            mode: add_watch_mode(f)?,
        },
        "removeWatches" => Request::RemoveWatches {
            path: path(f)?,
            watcher_type: watcher_type(f)?,
        },
        "getEphemerals" => Request::GetEphemerals {
            prefix: f
                .get("path")
                .and_then(Value::as_str)
                .unwrap_or("/")
                .to_string(),
        },
        "getAllChildrenNumber" => Request::GetAllChildrenNumber { path: path(f)? },
        "whoAmI" => Request::WhoAmI,
        "multi" => multi(f)?,
        other => return Err(format!("unknown op '{other}'")),
    })
}

fn multi(f: &Fields) -> Result<Request, String> {
    let ops = f
        .get("ops")
        .and_then(Value::as_array)
        .ok_or("'ops' must be a list")?;
    let mut out = Vec::with_capacity(ops.len());
    for (i, o) in ops.iter().enumerate() {
        let o = o.as_object().ok_or(format!("ops[{i}] must be an object"))?;
        let op = str_field(o, "op").map_err(|e| format!("ops[{i}]: {e}"))?;
        if !matches!(op, "create" | "delete" | "setData" | "check") {
            return Err(format!(
                "ops[{i}]: multi takes create, delete, setData, check; not '{op}'"
            ));
        }
        out.push(request(op, o).map_err(|e| format!("ops[{i}]: {e}"))?);
    }
    Ok(Request::Multi(out))
}

/// The client action of a line whose `op` is `op`.
pub fn client_action(op: &str, f: &Fields) -> Result<ClientAction, String> {
    Ok(match op {
        "connect" => ClientAction::Connect {
            timeout_ms: i32_field(f, "timeout_ms", DEFAULT_TIMEOUT_MS)?,
        },
        "close" => ClientAction::Close,
        "disconnect" => ClientAction::Disconnect,
        "expire" => ClientAction::Expire,
        _ => ClientAction::Request(request(op, f)?),
    })
}
