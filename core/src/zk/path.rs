//! Znode path rules: `common/PathUtils.validatePath` with its exact messages and check order,
//! plus the parent/child splitting the server does (`lastIndexOf('/')`).
//!
//! Java checks UTF-16 code units, so indices in messages (`@3`) count UTF-16 units and every
//! non-BMP character (a surrogate pair, U+D800..U+DFFF) is invalid.

/// `PathUtils.validatePath(path)`: `Err(message)` exactly as the IllegalArgumentException says.
pub fn validate_path(path: &str) -> Result<(), String> {
    let chars: Vec<u16> = path.encode_utf16().collect();
    if chars.is_empty() {
        return Err("Path length must be > 0".into());
    }
    if chars[0] != u16::from(b'/') {
        return Err("Path must start with / character".into());
    }
    if chars.len() == 1 {
        return Ok(());
    }
    if chars[chars.len() - 1] == u16::from(b'/') {
        return Err("Path must not end with / character".into());
    }
    match first_problem(&chars) {
        Some(reason) => Err(format!("Invalid path string \"{path}\" caused by {reason}")),
        None => Ok(()),
    }
}

/// `PathUtils.validatePath(path, isSequential)`: a sequential path is checked with a `1`
/// appended (so `/a/` is fine for `create -s`).
pub fn validate_path_seq(path: &str, sequential: bool) -> Result<(), String> {
    if sequential {
        validate_path(&format!("{path}1"))
    } else {
        validate_path(path)
    }
}

fn first_problem(chars: &[u16]) -> Option<String> {
    const SLASH: u16 = b'/' as u16;
    const DOT: u16 = b'.' as u16;
    let mut lastc = SLASH;
    for i in 1..chars.len() {
        let c = chars[i];
        let next_is_end_or_slash = i + 1 == chars.len() || chars[i + 1] == SLASH;
        if c == 0 {
            return Some(format!("null character not allowed @{i}"));
        } else if c == SLASH && lastc == SLASH {
            return Some(format!("empty node name specified @{i}"));
        } else if c == DOT && lastc == DOT {
            if chars[i - 2] == SLASH && next_is_end_or_slash {
                return Some(format!("relative paths not allowed @{i}"));
            }
        } else if c == DOT {
            if chars[i - 1] == SLASH && next_is_end_or_slash {
                return Some(format!("relative paths not allowed @{i}"));
            }
        } else if (c > 0 && c <= 0x1f)
            || (0x7f..=0x9f).contains(&c)
            || (0xd800..=0xf8ff).contains(&c)
            || c >= 0xfff0
        {
            return Some(format!("invalid character @{i}"));
        }
        lastc = c;
    }
    None
}

/// `path.substring(0, path.lastIndexOf('/'))`, or `None` without a `/`
/// (the server's `validatePathForCreate`/`getParentPathAndValidate`). `"/a"` → `""`, which
/// the tree treats as the root's key when looking up a parent (see `parent_key`).
#[must_use]
pub fn parent_of(path: &str) -> Option<&str> {
    path.rfind('/').map(|i| &path[..i])
}

/// The key of a parent as DataTree stores it: `""` (the parent of `/x`) is the root `/`.
#[must_use]
pub fn parent_key(parent: &str) -> &str {
    if parent.is_empty() { "/" } else { parent }
}

/// The last component (`childName`), `""` for the root.
#[must_use]
pub fn child_name(path: &str) -> &str {
    path.rfind('/').map_or(path, |i| &path[i + 1..])
}

/// `parent + "/" + child` with the root's special case.
#[must_use]
pub fn join(parent: &str, child: &str) -> String {
    if parent == "/" {
        format!("/{child}")
    } else {
        format!("{parent}/{child}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// PathUtils.validatePath rules (docs/zookeeper-semantics.md §4.1).
    #[test]
    fn validate_path_messages() {
        assert_eq!(validate_path("/"), Ok(()));
        assert_eq!(validate_path("/a/..x"), Ok(()));
        assert_eq!(validate_path("/a/x.."), Ok(()));
        assert_eq!(validate_path(""), Err("Path length must be > 0".into()));
        assert_eq!(
            validate_path("a"),
            Err("Path must start with / character".into())
        );
        assert_eq!(
            validate_path("/a/"),
            Err("Path must not end with / character".into())
        );
        assert_eq!(
            validate_path("/a//b"),
            Err("Invalid path string \"/a//b\" caused by empty node name specified @3".into())
        );
        assert_eq!(
            validate_path("/a/./b"),
            Err("Invalid path string \"/a/./b\" caused by relative paths not allowed @3".into())
        );
        assert_eq!(
            validate_path("/a/.."),
            Err("Invalid path string \"/a/..\" caused by relative paths not allowed @4".into())
        );
        assert!(
            validate_path("/a\u{0}b")
                .unwrap_err()
                .ends_with("null character not allowed @2")
        );
        assert!(
            validate_path("/a\u{1}")
                .unwrap_err()
                .ends_with("invalid character @2")
        );
        assert!(
            validate_path("/\u{85}")
                .unwrap_err()
                .ends_with("invalid character @1")
        );
        assert!(validate_path("/\u{e000}").is_err());
        assert!(validate_path("/\u{fff0}").is_err());
        assert!(
            validate_path("/😀")
                .unwrap_err()
                .ends_with("invalid character @1")
        );
        assert_eq!(validate_path("/é"), Ok(()));
        assert_eq!(validate_path_seq("/a/", true), Ok(()));
    }

    #[test]
    fn parents_and_children() {
        assert_eq!(parent_of("/a/b"), Some("/a"));
        assert_eq!(parent_of("/a"), Some(""));
        assert_eq!(parent_of("a"), None);
        assert_eq!(parent_key(""), "/");
        assert_eq!(child_name("/a/b"), "b");
        assert_eq!(join("/", "a"), "/a");
        assert_eq!(join("/a", "b"), "/a/b");
    }
}
