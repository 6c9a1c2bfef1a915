//! ZooKeeper's result codes: `KeeperException.Code` with the exact names and numbers.
//!
//! ZooKeeper errors are response data (a `Code` in a `Response`), never Rust errors: a failed
//! write is still a transaction (an error txn, see `txn.rs`). `name()` is the CamelCase name the
//! JSON api prints as `rc`; `message()` is `KeeperException.getCodeMessage`, the text behind
//! `KeeperErrorCode = …` in client messages.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! codes {
    ($($variant:ident = $value:expr, $msg:expr;)*) => {
        /// `org.apache.zookeeper.KeeperException.Code` (3.8.0).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum Code { $(#[doc = $msg] $variant,)* }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The numeric value ZooKeeper puts on the wire (`Code.intValue()`).
            #[must_use]
            pub const fn value(self) -> i32 {
                match self { $(Code::$variant => $value,)* }
            }

            /// The CamelCase name of the Java constant (`NoNode`, `InvalidACL`), as the JSON
            /// api's `rc` field shows it.
            #[must_use]
            #[allow(unreachable_patterns)]
            pub const fn name(self) -> &'static str {
                match self {
                    Code::InvalidAcl => "InvalidACL",
                    Code::ApiError => "APIError",
                    $(Code::$variant => stringify!($variant),)*
                }
            }

            /// `KeeperException.getCodeMessage(code)`.
            #[must_use]
            pub const fn message(self) -> &'static str {
                match self { $(Code::$variant => $msg,)* }
            }

            /// `Code.get(int)`: `None` for numbers ZooKeeper does not define.
            #[must_use]
            pub fn from_value(value: i32) -> Option<Code> {
                Code::ALL.iter().copied().find(|c| c.value() == value)
            }

            /// The code named `name` (`"NoNode"`).
            #[must_use]
            pub fn from_name(name: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|c| c.name() == name)
            }
        }
    };
}

codes! {
    Ok = 0, "ok";
    SystemError = -1, "SystemError";
    RuntimeInconsistency = -2, "RuntimeInconsistency";
    DataInconsistency = -3, "DataInconsistency";
    ConnectionLoss = -4, "ConnectionLoss";
    MarshallingError = -5, "MarshallingError";
    Unimplemented = -6, "Unimplemented";
    OperationTimeout = -7, "OperationTimeout";
    BadArguments = -8, "BadArguments";
    UnknownSession = -12, "Unknown session";
    NewConfigNoQuorum = -13, "NewConfigNoQuorum";
    ReconfigInProgress = -14, "ReconfigInProgress";
    ApiError = -100, "APIError";
    NoNode = -101, "NoNode";
    NoAuth = -102, "NoAuth";
    BadVersion = -103, "BadVersion";
    NoChildrenForEphemerals = -108, "NoChildrenForEphemerals";
    NodeExists = -110, "NodeExists";
    NotEmpty = -111, "Directory not empty";
    SessionExpired = -112, "Session expired";
    InvalidCallback = -113, "Invalid callback";
    InvalidAcl = -114, "InvalidACL";
    AuthFailed = -115, "AuthFailed";
    SessionMoved = -118, "Session moved";
    NotReadOnly = -119, "Not a read-only call";
    EphemeralOnLocalSession = -120, "Ephemeral node on local session";
    NoWatcher = -121, "No such watcher";
    RequestTimeout = -122, "Request timeout";
    ReconfigDisabled = -123, "Reconfig is disabled";
    SessionClosedRequireSaslAuth = -124, "Session closed because client failed to authenticate";
    QuotaExceeded = -125, "Quota has exceeded";
    ThrottledOp = -127, "Op throttled due to high load";
}

impl Code {
    /// `KeeperException.getMessage()`: `KeeperErrorCode = NoNode for /a`, or without
    /// ` for …` when the exception carries no path.
    #[must_use]
    pub fn keeper_message(self, path: Option<&str>) -> String {
        match path {
            Some(p) => format!("KeeperErrorCode = {} for {p}", self.message()),
            None => format!("KeeperErrorCode = {}", self.message()),
        }
    }

    /// Whether this is `Code.OK`.
    #[must_use]
    pub const fn is_ok(self) -> bool {
        matches!(self, Code::Ok)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from KeeperException.Code (3.8.0) and docs/zookeeper-semantics.md §4.8.
    #[test]
    fn values_match_keeper_exception() {
        let expect = [
            (Code::Ok, 0),
            (Code::RuntimeInconsistency, -2),
            (Code::ConnectionLoss, -4),
            (Code::BadArguments, -8),
            (Code::NewConfigNoQuorum, -13),
            (Code::ReconfigInProgress, -14),
            (Code::NoNode, -101),
            (Code::NoAuth, -102),
            (Code::BadVersion, -103),
            (Code::NoChildrenForEphemerals, -108),
            (Code::NodeExists, -110),
            (Code::NotEmpty, -111),
            (Code::SessionExpired, -112),
            (Code::InvalidAcl, -114),
            (Code::SessionMoved, -118),
            (Code::NoWatcher, -121),
            (Code::ThrottledOp, -127),
        ];
        for (code, value) in expect {
            assert_eq!(code.value(), value, "{code}");
            assert_eq!(Code::from_value(value), Some(code));
            assert_eq!(Code::from_name(code.name()), Some(code));
        }
        assert_eq!(Code::from_value(-9), None);
    }

    #[test]
    fn messages_match_get_code_message() {
        assert_eq!(
            Code::NoNode.keeper_message(Some("/a")),
            "KeeperErrorCode = NoNode for /a"
        );
        assert_eq!(
            Code::NotEmpty.keeper_message(Some("/a")),
            "KeeperErrorCode = Directory not empty for /a"
        );
        assert_eq!(
            Code::NoAuth.keeper_message(None),
            "KeeperErrorCode = NoAuth"
        );
        assert_eq!(Code::InvalidAcl.name(), "InvalidACL");
    }
}
