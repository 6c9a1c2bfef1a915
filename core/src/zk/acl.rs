//! ACLs: `ZooDefs.Perms`, `Id{scheme,id}`, `ACL{perms,id}` and the server's authentication
//! providers (`S/auth/`: world, ip, digest, super), `PrepRequestProcessor.fixupACL` and
//! `ZooKeeperServer.checkACL`.
//!
//! Digests are real: `user:base64(sha1("user:password"))` via the `sha1` and `base64` crates,
//! so an id computed here matches `DigestAuthenticationProvider.generateDigest`.

use crate::zk::code::Code;
use base64::Engine;
use serde::{Deserialize, Serialize};
use sha1::{Digest, Sha1};

/// `ZooDefs.Perms` bits.
pub mod perms {
    /// `ZooDefs.Perms.READ`: getData, getChildren, exists.
    pub const READ: i32 = 1;
    /// `ZooDefs.Perms.WRITE`: setData.
    pub const WRITE: i32 = 2;
    /// `ZooDefs.Perms.CREATE`: create children.
    pub const CREATE: i32 = 4;
    /// `ZooDefs.Perms.DELETE`: delete children.
    pub const DELETE: i32 = 8;
    /// `ZooDefs.Perms.ADMIN`: setACL.
    pub const ADMIN: i32 = 16;
    /// `ZooDefs.Perms.ALL`: every permission.
    pub const ALL: i32 = READ | WRITE | CREATE | DELETE | ADMIN;
}

/// An identity: `scheme:id` (`world:anyone`, `digest:bob:…`, `ip:127.0.0.1`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Id {
    /// The auth scheme (`world`, `digest`, `ip`, `auth`, `super`).
    pub scheme: String,
    /// The identity within the scheme.
    pub id: String,
}

impl Id {
    /// The identity `scheme:id`.
    #[must_use]
    pub fn new(scheme: &str, id: &str) -> Id {
        Id {
            scheme: scheme.to_string(),
            id: id.to_string(),
        }
    }

    /// `ZooDefs.Ids.ANYONE_ID_UNSAFE`.
    #[must_use]
    pub fn anyone() -> Id {
        Id::new("world", "anyone")
    }
}

/// One ACL entry.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Acl {
    /// The permission bits (READ, WRITE, CREATE, DELETE, ADMIN).
    pub perms: i32,
    /// Who gets them.
    pub id: Id,
}

impl Acl {
    /// An entry granting `perms` to `scheme:id`.
    #[must_use]
    pub fn new(perms: i32, scheme: &str, id: &str) -> Acl {
        Acl {
            perms,
            id: Id::new(scheme, id),
        }
    }

    /// `ZooDefs.Ids.OPEN_ACL_UNSAFE`: `world:anyone` with all permissions.
    #[must_use]
    pub fn open_unsafe() -> Vec<Acl> {
        vec![Acl::new(perms::ALL, "world", "anyone")]
    }

    /// `ZooDefs.Ids.READ_ACL_UNSAFE`.
    #[must_use]
    pub fn read_unsafe() -> Vec<Acl> {
        vec![Acl::new(perms::READ, "world", "anyone")]
    }

    /// `ZooDefs.Ids.CREATOR_ALL_ACL`: `auth` (expanded at the server) with all permissions.
    #[must_use]
    pub fn creator_all() -> Vec<Acl> {
        vec![Acl::new(perms::ALL, "auth", "")]
    }
}

/// zkCli's permission letters (`ZKUtil.getPermString`): `c d r w a` in that order.
#[must_use]
pub fn perm_string(p: i32) -> String {
    let mut s = String::new();
    for (bit, ch) in [
        (perms::CREATE, 'c'),
        (perms::DELETE, 'd'),
        (perms::READ, 'r'),
        (perms::WRITE, 'w'),
        (perms::ADMIN, 'a'),
    ] {
        if p & bit != 0 {
            s.push(ch);
        }
    }
    s
}

/// `AclParser.getPermFromString`: unknown letters are reported and skipped.
#[must_use]
pub fn perms_from_string(s: &str) -> (i32, Vec<String>) {
    let mut p = 0;
    let mut warnings = Vec::new();
    for ch in s.chars() {
        match ch {
            'r' => p |= perms::READ,
            'w' => p |= perms::WRITE,
            'c' => p |= perms::CREATE,
            'd' => p |= perms::DELETE,
            'a' => p |= perms::ADMIN,
            other => warnings.push(format!("Unknown perm type: {other}")),
        }
    }
    (p, warnings)
}

/// `AclParser.parse` ("scheme:id:perm,…"); malformed entries are skipped with zkCli's warning.
#[must_use]
pub fn parse_acl_list(s: &str) -> (Vec<Acl>, Vec<String>) {
    let mut acl = Vec::new();
    let mut warnings = Vec::new();
    for a in java_split(s, ',') {
        let (Some(first), Some(last)) = (a.find(':'), a.rfind(':')) else {
            warnings.push(format!("{a} does not have the form scheme:id:perm"));
            continue;
        };
        if first == last {
            warnings.push(format!("{a} does not have the form scheme:id:perm"));
            continue;
        }
        let (p, w) = perms_from_string(&a[last + 1..]);
        warnings.extend(w);
        acl.push(Acl::new(p, &a[..first], &a[first + 1..last]));
    }
    (acl, warnings)
}

/// Java's `String.split(sep)`: trailing empty strings are removed (but `""` gives `[""]`).
#[must_use]
pub fn java_split(s: &str, sep: char) -> Vec<&str> {
    let mut parts: Vec<&str> = s.split(sep).collect();
    if s.is_empty() {
        return parts;
    }
    while parts.len() > 1 && parts.last() == Some(&"") {
        parts.pop();
    }
    if parts.len() == 1 && parts[0].is_empty() {
        parts.clear();
    }
    parts
}

/// `DigestAuthenticationProvider.generateDigest("user:password")` → `user:base64(sha1(..))`.
#[must_use]
pub fn generate_digest(id_password: &str) -> String {
    let user = id_password.split(':').next().unwrap_or("");
    let hash = Sha1::digest(id_password.as_bytes());
    format!(
        "{user}:{}",
        base64::engine::general_purpose::STANDARD.encode(hash)
    )
}

/// A server's authentication providers (`ProviderRegistry`): ip and digest, plus the optional
/// `superDigest` (`zookeeper.DigestAuthenticationProvider.superDigest`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthConfig {
    /// `user:base64digest` whose password grants the `super` id.
    pub super_digest: Option<String>,
}

impl AuthConfig {
    /// `ServerAuthenticationProvider.handleAuthentication` for `addauth scheme auth`:
    /// the ids the connection gains, or AuthFailed for an unknown scheme.
    pub fn authenticate(
        &self,
        scheme: &str,
        auth: &[u8],
        remote_ip: &str,
    ) -> Result<Vec<Id>, Code> {
        match scheme {
            "digest" => {
                let digest = generate_digest(&String::from_utf8_lossy(auth));
                let mut ids = Vec::new();
                if self.super_digest.as_deref() == Some(digest.as_str()) {
                    ids.push(Id::new("super", ""));
                }
                ids.push(Id::new("digest", &digest));
                Ok(ids)
            }
            "ip" => Ok(vec![Id::new("ip", remote_ip)]),
            _ => Err(Code::AuthFailed),
        }
    }
}

/// Whether a provider exists for `scheme` and, if so, whether it counts as authenticated
/// (`isAuthenticated`: digest yes, ip no). `None` = no such provider.
fn provider_authenticated(scheme: &str) -> Option<bool> {
    match scheme {
        "digest" => Some(true),
        "ip" => Some(false),
        _ => None,
    }
}

/// `AuthUtil.getClientInfos` (whoAmI's answer): each auth id as `(scheme, user)` where user
/// is `provider.getUserName(id)` — `DigestAuthenticationProvider` answers `id.split(":")[0]`
/// (the user without its hash), `ip` the address; a scheme with no provider (`super`) gives
/// `null`, sent as "".
#[must_use]
pub fn client_info(id: &Id) -> Id {
    let user = match provider_authenticated(&id.scheme) {
        Some(_) if id.scheme == "digest" => java_split(&id.id, ':')
            .first()
            .map_or(String::new(), |u| (*u).to_string()),
        Some(_) => id.id.clone(),
        None => String::new(),
    };
    Id::new(&id.scheme, &user)
}

/// `isValid(id)` of the provider for `scheme`.
fn provider_valid(scheme: &str, id: &str) -> bool {
    match scheme {
        "digest" => java_split(id, ':').len() == 2,
        "ip" => ip_valid(id),
        _ => false,
    }
}

/// `PrepRequestProcessor.fixupACL`: dedupe, reject empty/invalid lists (InvalidACL), expand
/// `auth` to the caller's authenticated ids.
pub fn fixup_acl(auth_info: &[Id], acls: &[Acl]) -> Result<Vec<Acl>, Code> {
    let mut uniq: Vec<&Acl> = Vec::new();
    for a in acls {
        if !uniq.contains(&a) {
            uniq.push(a);
        }
    }
    if uniq.is_empty() {
        return Err(Code::InvalidAcl);
    }
    let mut rv = Vec::new();
    for a in uniq {
        if a.id.scheme == "world" && a.id.id == "anyone" {
            rv.push(a.clone());
        } else if a.id.scheme == "auth" {
            let mut valid = false;
            for cid in auth_info {
                if provider_authenticated(&cid.scheme) == Some(true) {
                    valid = true;
                    rv.push(Acl {
                        perms: a.perms,
                        id: cid.clone(),
                    });
                }
            }
            if !valid {
                return Err(Code::InvalidAcl);
            }
        } else {
            if !provider_valid(&a.id.scheme, &a.id.id) {
                return Err(Code::InvalidAcl);
            }
            rv.push(a.clone());
        }
    }
    Ok(rv)
}

/// `ZooKeeperServer.checkACL`: Ok if any entry granting one of `perm`'s bits matches one of
/// the caller's ids (`super` bypasses; an empty ACL allows everything), else NoAuth.
pub fn check_acl(acl: &[Acl], perm: i32, auth_info: &[Id]) -> Result<(), Code> {
    if acl.is_empty() || auth_info.iter().any(|i| i.scheme == "super") {
        return Ok(());
    }
    for a in acl.iter().filter(|a| a.perms & perm != 0) {
        if a.id.scheme == "world" && a.id.id == "anyone" {
            return Ok(());
        }
        if provider_authenticated(&a.id.scheme).is_none() {
            continue;
        }
        let matched = auth_info
            .iter()
            .filter(|i| i.scheme == a.id.scheme)
            .any(|i| provider_matches(&a.id.scheme, &i.id, &a.id.id));
        if matched {
            return Ok(());
        }
    }
    Err(Code::NoAuth)
}

fn provider_matches(scheme: &str, id: &str, acl_expr: &str) -> bool {
    match scheme {
        "ip" => ip_matches(id, acl_expr),
        _ => id == acl_expr,
    }
}

/// `IPAuthenticationProvider.v4addr2Bytes`.
fn v4_bytes(addr: &str) -> Option<[u8; 4]> {
    let parts: Vec<&str> = addr.split('.').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut b = [0u8; 4];
    for (slot, p) in b.iter_mut().zip(parts) {
        let v: i32 = p.parse().ok()?;
        *slot = u8::try_from(v).ok()?;
    }
    Some(b)
}

fn mask_bits(b: &mut [u8; 4], bits: u32) {
    for (i, byte) in b.iter_mut().enumerate() {
        let start = i as u32 * 8;
        let keep = bits.saturating_sub(start).min(8);
        let m: u8 = if keep == 0 { 0 } else { 0xffu8 << (8 - keep) };
        *byte &= m;
    }
}

fn ip_expr(expr: &str) -> Option<([u8; 4], u32)> {
    let mut it = expr.splitn(2, '/');
    let addr = v4_bytes(it.next().unwrap_or(""))?;
    let bits = match it.next() {
        Some(b) => b.parse::<i32>().ok().filter(|b| (0..=32).contains(b))? as u32,
        None => 32,
    };
    Some((addr, bits))
}

/// `IPAuthenticationProvider.isValid`.
fn ip_valid(id: &str) -> bool {
    ip_expr(id).is_some()
}

/// `IPAuthenticationProvider.matches`: address prefix match with `/bits`.
fn ip_matches(id: &str, acl_expr: &str) -> bool {
    let Some((mut acl_addr, bits)) = ip_expr(acl_expr) else {
        return false;
    };
    let Some(mut remote) = v4_bytes(id) else {
        return false;
    };
    mask_bits(&mut acl_addr, bits);
    mask_bits(&mut remote, bits);
    acl_addr == remote
}

/// Java's `String.hashCode` (over UTF-16 units).
fn java_string_hash(s: &str) -> i32 {
    s.encode_utf16()
        .fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(i32::from(c)))
}

/// The jute-generated `Id.hashCode`.
fn java_id_hash(id: &Id) -> i32 {
    let r = 17i32
        .wrapping_mul(37)
        .wrapping_add(java_string_hash(&id.scheme));
    r.wrapping_mul(37).wrapping_add(java_string_hash(&id.id))
}

/// A connection's auth ids in the order ZooKeeper iterates them: `ServerCnxn.authInfo` is a
/// `ConcurrentHashMap`-backed set, so whoami and `auth` ACL expansion follow its bins
/// (`spread(hash) & (n - 1)`, insertion order within a bin). Input in insertion order.
#[must_use]
pub fn java_auth_order(ids: &[Id]) -> Vec<Id> {
    let mut n: usize = 16;
    while ids.len() > n * 3 / 4 {
        n *= 2;
    }
    let bin = |id: &Id| {
        let h = java_id_hash(id) as u32;
        ((h ^ (h >> 16)) & 0x7fff_ffff) as usize & (n - 1)
    };
    let mut v: Vec<Id> = ids.to_vec();
    v.sort_by_key(|id| bin(id));
    v
}

/// FinalRequestProcessor getACL without ADMIN: digest ids shown as `user:x`.
#[must_use]
pub fn mask_digests(acl: &[Acl]) -> Vec<Acl> {
    acl.iter()
        .map(|a| {
            if a.id.scheme == "digest" {
                let user = a.id.id.split(':').next().unwrap_or("");
                Acl::new(a.perms, "digest", &format!("{user}:x"))
            } else {
                a.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DigestAuthenticationProvider.generateDigest; the value is the well-known digest of
    /// "super:admin" from the ZooKeeper admin guide examples.
    #[test]
    fn digest_is_sha1_base64() {
        assert_eq!(
            generate_digest("super:admin"),
            "super:xQJmxLMiHGwaqBvst5y6rkB6HQs="
        );
        assert!(generate_digest("bob:pw").starts_with("bob:"));
    }

    /// fixupACL: empty → InvalidACL; auth without digest auth → InvalidACL; auth expands.
    #[test]
    fn fixup_acl_rules() {
        let ip = vec![Id::new("ip", "127.0.0.1")];
        assert_eq!(fixup_acl(&ip, &[]), Err(Code::InvalidAcl));
        assert_eq!(fixup_acl(&ip, &Acl::creator_all()), Err(Code::InvalidAcl));
        let mut auth = ip.clone();
        auth.push(Id::new("digest", "bob:abc"));
        assert_eq!(
            fixup_acl(&auth, &Acl::creator_all()).unwrap(),
            vec![Acl::new(31, "digest", "bob:abc")]
        );
        assert_eq!(
            fixup_acl(&ip, &[Acl::new(1, "world", "nobody")]),
            Err(Code::InvalidAcl)
        );
        assert_eq!(
            fixup_acl(&ip, &[Acl::new(1, "digest", "bob")]),
            Err(Code::InvalidAcl)
        );
        assert!(fixup_acl(&ip, &[Acl::new(1, "ip", "10.0.0.0/8")]).is_ok());
        assert_eq!(
            fixup_acl(&ip, &[Acl::new(1, "ip", "10.0.0.0/33")]),
            Err(Code::InvalidAcl)
        );
    }

    /// checkACL: super bypasses, world:anyone, ip prefixes, digest equality.
    #[test]
    fn check_acl_rules() {
        let ip = vec![Id::new("ip", "127.0.0.1")];
        let acl = vec![Acl::new(perms::READ, "ip", "127.0.0.0/8")];
        assert_eq!(check_acl(&acl, perms::READ, &ip), Ok(()));
        assert_eq!(check_acl(&acl, perms::WRITE, &ip), Err(Code::NoAuth));
        let acl = vec![Acl::new(perms::ALL, "digest", "bob:x")];
        assert_eq!(check_acl(&acl, perms::READ, &ip), Err(Code::NoAuth));
        assert_eq!(
            check_acl(&acl, perms::READ, &[Id::new("super", "")]),
            Ok(())
        );
        assert_eq!(
            check_acl(&acl, perms::READ, &[Id::new("digest", "bob:x")]),
            Ok(())
        );
    }

    #[test]
    fn zkcli_acl_strings() {
        assert_eq!(perm_string(31), "cdrwa");
        assert_eq!(perm_string(perms::READ | perms::ADMIN), "ra");
        let (acl, w) = parse_acl_list("world:anyone:cdrwa,digest:bob:abc=:r,bad");
        assert_eq!(acl.len(), 2);
        assert_eq!(acl[1], Acl::new(1, "digest", "bob:abc="));
        assert_eq!(w, vec!["bad does not have the form scheme:id:perm"]);
        assert_eq!(java_split("a:", ':'), vec!["a"]);
        assert_eq!(java_split("a:b:", ':'), vec!["a", "b"]);
    }

    /// Order seen from `whoami` on the real server after `addauth digest bob:pw` and
    /// `addauth digest super:admin` (superDigest set).
    #[test]
    fn auth_ids_iterate_in_java_hash_order() {
        let ids = vec![
            Id::new("ip", "127.0.0.1"),
            Id::new("digest", "bob:ikIaKsbtGweaHnb/jKn7OHqbunM="),
            Id::new("super", ""),
            Id::new("digest", "super:xQJmxLMiHGwaqBvst5y6rkB6HQs="),
        ];
        let schemes: Vec<String> = java_auth_order(&ids)
            .iter()
            .map(|i| format!("{}:{}", i.scheme, i.id.split(':').next().unwrap_or("")))
            .collect();
        assert_eq!(
            schemes,
            vec!["digest:bob", "digest:super", "super:", "ip:127.0.0.1"]
        );
    }

    #[test]
    fn get_acl_masks_digests() {
        let acl = vec![Acl::new(31, "digest", "bob:abc=")];
        assert_eq!(mask_digests(&acl)[0].id.id, "bob:x");
    }
}
