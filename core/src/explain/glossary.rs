//! The glossary: the words a student meets first, in English and 简体中文 side by side, as
//! data for the page's glossary. The course notes the product grew from introduce them in
//! about this order: the roles (领导者 / 跟随者 / 观察者), the server states, the election and
//! its majority (过半), zxid and epoch, the ZAB messages, then znodes, sessions and watches.
//! Protocol terms keep ZooKeeper's spelling in both columns.

use serde::Serialize;

/// One glossary line: the `term` as ZooKeeper spells it, the word and a one-line meaning in
/// each language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GlossaryEntry {
    /// As ZooKeeper (its code, logs or zoo.cfg) spells it: `LOOKING`, `zxid`, `ephemeral`.
    pub term: &'static str,
    /// The English word.
    pub en: &'static str,
    /// The 简体中文 word (the course's own word where it has one).
    pub zh: &'static str,
    /// What it means, in English.
    pub en_about: &'static str,
    /// What it means, in 简体中文.
    pub zh_about: &'static str,
}

const fn e(
    term: &'static str,
    en: &'static str,
    zh: &'static str,
    en_about: &'static str,
    zh_about: &'static str,
) -> GlossaryEntry {
    GlossaryEntry {
        term,
        en,
        zh,
        en_about,
        zh_about,
    }
}

const ENTRIES: &[GlossaryEntry] = &[
    e(
        "Leader",
        "leader",
        "领导者",
        "The one server that orders every write: it proposes each txn and commits it once a majority ACKed.",
        "唯一负责给写请求排序的服务器：它为每个事务发起提案，过半服务器 ACK 之后提交。",
    ),
    e(
        "Follower",
        "follower",
        "跟随者",
        "A server that logs the leader's proposals, ACKs them, votes in elections and serves clients.",
        "记录领导者的提案并回复 ACK 的服务器；参与选举投票，也为客户端提供服务。",
    ),
    e(
        "Observer",
        "observer",
        "观察者",
        "Like a follower but without a vote: it only learns what was committed, to scale reads.",
        "和跟随者类似但不参与投票：只同步已提交的事务，用来扩展读性能。",
    ),
    e(
        "Learner",
        "learner",
        "学习者",
        "A follower or an observer: any server that learns its history from the leader.",
        "跟随者和观察者的统称：从领导者那里同步数据的服务器。",
    ),
    e(
        "LOOKING",
        "looking",
        "寻找领导者",
        "The server does not know the leader and takes part in an election.",
        "服务器不知道谁是领导者，正在参加选举。",
    ),
    e(
        "FOLLOWING",
        "following",
        "跟随中",
        "The election is over and this server follows the leader.",
        "选举已经结束，这台服务器作为跟随者与领导者同步。",
    ),
    e(
        "LEADING",
        "leading",
        "领导中",
        "This server won the election and leads.",
        "这台服务器赢得了选举，正在担任领导者。",
    ),
    e(
        "OBSERVING",
        "observing",
        "观察中",
        "This server is an observer connected to the leader.",
        "这台服务器是观察者，已连接到领导者。",
    ),
    e(
        "election",
        "leader election",
        "选举",
        "Fast Leader Election: servers exchange votes until a majority agrees; the vote with the higher (epoch, zxid, sid) wins.",
        "快速领导者选举：服务器之间交换选票，直到过半服务器意见一致；(epoch, zxid, sid) 更大的选票胜出。",
    ),
    e(
        "quorum",
        "quorum (majority)",
        "过半",
        "More than half of the voting servers: 2 of 3, 3 of 5. Any two majorities share a server.",
        "超过半数的投票服务器：3 台中的 2 台、5 台中的 3 台。任意两个过半集合至少有一台服务器相同。",
    ),
    e(
        "myid",
        "server id (sid)",
        "服务器编号（sid / myid）",
        "The number in a server's myid file (server.N in zoo.cfg); it breaks ties in an election.",
        "写在 myid 文件里的编号（对应 zoo.cfg 里的 server.N）；选举时选票相同，就比较它。",
    ),
    e(
        "zxid",
        "transaction id",
        "事务 ID（zxid）",
        "A 64-bit id of each txn: the epoch in the high 32 bits, a counter in the low 32, printed in hex (0x100000002).",
        "每个事务的 64 位编号：高 32 位是 epoch，低 32 位是计数器，用十六进制显示（0x100000002）。",
    ),
    e(
        "epoch",
        "epoch",
        "epoch（纪元）",
        "A leader's term number: each new leader starts a higher epoch, so zxids of different leaders never collide.",
        "领导者的任期编号：每个新领导者使用更大的 epoch，不同领导者产生的 zxid 不会重复。",
    ),
    e(
        "txn",
        "transaction (txn)",
        "事务",
        "One change to the data tree (create, set, delete, a session closing), ordered by its zxid.",
        "对数据树的一次修改（创建、修改、删除节点，会话关闭等），按 zxid 排序。",
    ),
    e(
        "ZAB",
        "ZooKeeper Atomic Broadcast",
        "ZAB 原子广播协议",
        "ZooKeeper's protocol: election, discovery, synchronization, then broadcast of proposals.",
        "ZooKeeper 的一致性协议：选举、发现、同步，然后广播提案。",
    ),
    e(
        "PROPOSAL",
        "proposal",
        "提案",
        "The leader sends a txn to its followers, which write it to their log.",
        "领导者把事务发给跟随者，跟随者把它写入自己的日志。",
    ),
    e(
        "ACK",
        "acknowledgement",
        "确认",
        "A follower tells the leader it has logged a proposal (or accepted a new epoch).",
        "跟随者告诉领导者：提案已经写入日志（或已接受新的 epoch）。",
    ),
    e(
        "COMMIT",
        "commit",
        "提交",
        "Once a majority ACKed, the leader tells every server to apply the txn.",
        "过半服务器 ACK 之后，领导者通知所有服务器应用这个事务。",
    ),
    e(
        "DIFF / TRUNC / SNAP",
        "synchronization",
        "数据同步",
        "How a new leader brings a learner up to date: send the missing txns (DIFF), cut txns it never had (TRUNC), or send a whole snapshot (SNAP).",
        "新领导者让学习者追上进度的三种方式：发送缺少的事务（DIFF）、截掉领导者没有的事务（TRUNC）、发送整个快照（SNAP）。",
    ),
    e(
        "NEWLEADER",
        "new leader",
        "新领导者确认",
        "The last message of synchronization: a learner that ACKs it takes the new epoch as current.",
        "同步阶段的最后一步：学习者 ACK 它之后，就把新的 epoch 作为当前 epoch。",
    ),
    e(
        "UPTODATE",
        "up to date",
        "同步完成",
        "The leader tells a learner it may start serving clients.",
        "领导者通知学习者：可以开始为客户端服务了。",
    ),
    e(
        "snapshot",
        "snapshot",
        "快照",
        "The whole data tree written to disk at one zxid; with the txn log after it, a server rebuilds its state.",
        "在某个 zxid 时刻把整棵数据树写到磁盘；加上之后的事务日志，服务器就能恢复状态。",
    ),
    e(
        "txn log",
        "transaction log",
        "事务日志",
        "Every txn a server accepted, flushed to disk before it ACKs.",
        "服务器接受的所有事务；在回复 ACK 之前先写入磁盘。",
    ),
    e(
        "znode",
        "znode",
        "节点（znode）",
        "A node of ZooKeeper's tree: it has data and children, and a path like /app/config.",
        "ZooKeeper 树上的一个节点：既可以存数据，也可以有子节点，路径形如 /app/config。",
    ),
    e(
        "persistent",
        "persistent znode",
        "持久节点",
        "Stays until a client deletes it.",
        "一直存在，直到客户端删除它。",
    ),
    e(
        "ephemeral",
        "ephemeral znode",
        "临时节点",
        "Deleted when the session that created it ends; it cannot have children.",
        "创建它的会话结束时自动删除；临时节点不能有子节点。",
    ),
    e(
        "sequential",
        "sequential znode",
        "顺序节点",
        "ZooKeeper appends a counter to its name (lock-0000000003): the order locks and queues rely on.",
        "ZooKeeper 在名字后面加上递增编号（lock-0000000003）：分布式锁和队列就靠这个顺序。",
    ),
    e(
        "session",
        "session",
        "会话",
        "A client's connection to the ensemble, kept alive by pings; it expires after its timeout without them.",
        "客户端与集群之间的连接，靠心跳维持；超过超时时间没有心跳就会过期。",
    ),
    e(
        "watch",
        "watch",
        "监听",
        "A one-time trigger a client sets on a znode; the server notifies it once when the znode changes.",
        "客户端在节点上设置的一次性触发器；节点变化时服务器通知一次，之后需要重新注册。",
    ),
    e(
        "partition",
        "network partition",
        "网络分区",
        "Some servers cannot reach others; only the side with a majority can elect a leader and write.",
        "部分服务器之间无法通信；只有包含过半服务器的一侧才能选出领导者并写入数据。",
    ),
];

/// Every glossary entry, in the order a student meets them.
#[must_use]
pub fn glossary() -> &'static [GlossaryEntry] {
    ENTRIES
}
