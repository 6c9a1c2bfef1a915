//! 简体中文 sentences, by key: the same keys and `{name}` placeholders as
//! [`texts_en`](super::texts_en) (a test checks both), written for students rather than word
//! for word. Protocol terms keep ZooKeeper's spelling (LOOKING, PROPOSAL, ACK, COMMIT, DIFF /
//! TRUNC / SNAP, zxid, epoch, sid); the roles and ideas use the course's words (领导者 / 跟随者 /
//! 观察者, 选举, 过半, 事务, 快照, 会话, 临时节点 / 持久节点 / 顺序节点, 监听).
//!
//! One file per area (`protocol`, `display`, `checks`, `errors`, `lessons`), joined at compile time.

mod checks;
mod display;
mod errors;
mod lessons;
mod protocol;

const PARTS: [&[(&str, &str)]; 5] = [
    protocol::TEXTS,
    display::TEXTS,
    checks::TEXTS,
    errors::TEXTS,
    lessons::TEXTS,
];

/// `(key, template)`; `{name}` is replaced by the argument `name`.
pub const TEXTS: &[(&str, &str)] =
    &crate::explain::lang::concat::<{ crate::explain::lang::total(&PARTS) }>(&PARTS);
