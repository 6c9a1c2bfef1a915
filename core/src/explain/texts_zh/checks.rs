//! The 简体中文 texts of one area: break-ZAB switches, invariants and what a broken invariant saw.

/// `(key, template)`, in the order the area's code uses them.
pub(super) const TEXTS: &[(&str, &str)] = &[
    // “破坏 ZAB”开关（check/breaks.rs）：它改了什么，破坏了哪条规则。
    (
        "break.electBySidOnly",
        "领导者选举只比较服务器编号（sid），不比较 (epoch, 最后的 zxid)：缺少已提交事务的服务器也能当选，并把这些事务截断掉。",
    ),
    (
        "break.commitWithoutQuorum",
        "领导者只凭自己的 ACK 就提交提案：已经回复客户端成功的写，在领导者宕机后可能消失。",
    ),
    (
        "break.ackBeforeLogging",
        "跟随者在事务日志写入磁盘之前就回复 ACK：一次崩溃就会丢掉领导者以为已经保存的事务。",
    ),
    (
        "break.skipTrunc",
        "学习者收到 TRUNC 却保留自己的日志：没有被过半服务器接受的事务留在了它的历史里。",
    ),
    (
        "break.newEpochMax",
        "新领导者沿用已接受的最大 epoch，而不是最大值 + 1：两个领导者共用同一个 epoch 和它的 zxid。",
    ),
    (
        "break.keepEphemeralsOnExpiry",
        "会话关闭或过期时保留它的临时节点：锁永远不会被释放。",
    ),
    (
        "break.commitOutOfOrder",
        "领导者先提交最新一个已过半的提案：各副本不再按 zxid 顺序应用事务。",
    ),
    (
        "break.serveAfterLeaderLoss",
        "失去领导者的跟随者继续提供读服务：客户端看到的状态停在失去领导者的那一刻。",
    ),
    (
        "break.serveBehindClient",
        "落后于客户端的服务器接受了它的重连：客户端读到比自己已经见过的更旧的状态。",
    ),
    (
        "break.syncLocally",
        "跟随者自己回答 sync()，而不去问领导者：sync() 之后的读可能看不到已经回复给其他客户端的写。",
    ),
    (
        "break.voteBySidOnly",
        "领导者选举只比较服务器编号（sid）：落后于其他服务器的那台当选，它拒绝比自己新的跟随者，整个集群卡住。",
    ),
    (
        "break.newEpochReused",
        "新领导者提出的 epoch 等于已接受的最大 epoch，没有加一：服务器已经接受过的 epoch 又被发了一次。",
    ),
    (
        "break.serveWithoutLeader",
        "失去领导者的跟随者假装还能收到领导者的消息，继续提供服务：客户端读到的是冻结的旧状态。",
    ),
    ("break.unknown", "不认识的破坏开关 '{key}'（可选 {names}）"),
    // 不变式（check/invariant/*）：名字保持 TLA+ 规约中的写法。
    (
        "invariant.Leadership1",
        "每个 epoch 最多只有一个领导者被确立（过半服务器确认了它的 NEWLEADER）。",
    ),
    (
        "invariant.Leadership2",
        "每个 epoch 最多只有一台服务器成为领导者。",
    ),
    (
        "invariant.Integrity",
        "服务器只交付领导者提出过的事务，而且一个 zxid 只对应一个事务。",
    ),
    (
        "invariant.Agreement",
        "两台服务器交付了同一个 zxid，那么交付的是同一个事务。",
    ),
    (
        "invariant.TotalOrder",
        "每台服务器都按 zxid 从小到大的顺序交付事务。",
    ),
    (
        "invariant.LocalPrimaryOrder",
        "同一个领导者的事务按它提出的顺序交付，一个也不跳过。",
    ),
    (
        "invariant.GlobalPrimaryOrder",
        "服务器先交付旧 epoch 的事务，再交付新 epoch 的事务。",
    ),
    (
        "invariant.PrimaryIntegrity",
        "新领导者的历史包含它的 epoch 之前已经交付的所有事务。",
    ),
    (
        "invariant.PrefixConsistency",
        "各服务器交付的历史互为前缀（不会分叉）。",
    ),
    (
        "invariant.DigestAgreement",
        "应用了同一个 zxid 的副本，数据树完全相同（摘要相同）。",
    ),
    (
        "invariant.Durability",
        "服务器 ACK 过的事务，在崩溃或重启之后仍在它的磁盘上，除非领导者让它截断。",
    ),
    (
        "invariant.AckedWritesSurvive",
        "回复过成功（OK）的写，一定在之后每个领导者的历史中。",
    ),
    (
        "invariant.MonotonicReads",
        "客户端读到的状态永远不会比它已经见过的更旧。",
    ),
    (
        "invariant.EphemeralCleanup",
        "会话关闭或过期时，它的临时节点都会被删除。",
    ),
    (
        "invariant.ServeOnlyInBroadcast",
        "服务器只有在广播阶段、并且有领导者时才回应客户端。",
    ),
    (
        "invariant.LinkFifo",
        "同一条链路上的消息按发送顺序到达（和 TCP 连接一样）。",
    ),
    (
        "invariant.ReadYourSync",
        "sync() 之后发出的读，读到的状态至少和 sync() 发出之前已经回复给任何客户端的每一个写一样新。",
    ),
    (
        "invariant.ElectedLeaderHighest",
        "服务器只跟随这样的领导者：它的选票里的 (currentEpoch, lastZxid) 不低于自己的。",
    ),
    (
        "invariant.NewEpochFresh",
        "领导者提出的 epoch（LEADERINFO）大于它自己以及与它达成过半的每台服务器的 acceptedEpoch；没有服务器会对更旧的 epoch 回复 ACKEPOCH。",
    ),
    (
        "invariant.EpochOnce",
        "每个 epoch 只由一台服务器确立一次（为它发送 NEWLEADER）。",
    ),
    (
        "invariant.violated",
        "{invariant} 在第 {step} 步被违反（随机种子 {seed}）：{detail}",
    ),
    // 不变式被违反时看到了什么（check/invariant/*；Violation::why）。
    (
        "violation.acked_writes_survive",
        "写入 {zxid} 已回复客户端成功（OK），但 epoch {epoch} 的领导者 {leader} 没有这个事务",
    ),
    (
        "violation.agreement.delivered",
        "服务器 {sid} 以 {zxid} 交付了一个不同的事务",
    ),
    (
        "violation.agreement.recovered",
        "领导者 {leader} 恢复出的 {zxid} 是一个不同的事务",
    ),
    (
        "violation.digest_agreement",
        "服务器 {sid} 应用 {zxid} 后的摘要是 {digest}，而另一个副本在 {zxid} 时的摘要是 {other}",
    ),
    (
        "violation.durability",
        "服务器 {sid} ACK 过 {zxid}，但它的磁盘上已经没有这个事务",
    ),
    (
        "violation.ephemeral_cleanup",
        "服务器 {sid} 已提交 closeSession {zxid}（会话 {session}），却仍保留它的临时节点 {path}",
    ),
    (
        "violation.global_primary_order",
        "服务器 {sid} 在 epoch {last} 之后又交付了 epoch {epoch} 的事务",
    ),
    (
        "violation.integrity.proposed",
        "两个不同的事务都以 {zxid} 被提出",
    ),
    (
        "violation.integrity.delivered",
        "服务器 {sid} 交付的 {zxid} 没有被任何领导者广播过",
    ),
    (
        "violation.leadership1",
        "epoch {epoch} 确立了多个领导者 {leaders}",
    ),
    (
        "violation.leadership2",
        "epoch {epoch} 有多个领导者 {leaders}",
    ),
    (
        "violation.link_fifo",
        "链路 {from}→{to} 在 #{last} 之后才交付 #{msg}，而 #{msg} 是更早发送的",
    ),
    (
        "violation.local_primary_order",
        "服务器 {sid} 紧接在 {last} 之后交付了 {zxid}（中间跳过了事务）",
    ),
    (
        "violation.monotonic_reads",
        "会话 {session} 已经见过 {seen}，之后却在 {zxid} 得到回复",
    ),
    (
        "violation.prefix_consistency",
        "服务器 {sid} 紧接在 {prev} 之后交付了 {zxid}，但在它之前交付的应该是 {pred}",
    ),
    (
        "violation.primary_integrity",
        "epoch {epoch} 的领导者 {leader} 缺少已交付的 {last}",
    ),
    (
        "violation.serve_only_in_broadcast.phase",
        "处于 {phase} 阶段时",
    ),
    (
        "violation.read_your_sync",
        "会话 {session}：在 sync（cxid {sync_cxid}）之后的读（cxid {cxid}）按 {zxid} 回答，比 sync 之前已确认的写 {newest} 更旧",
    ),
    (
        "violation.elected_leader_highest",
        "服务器 {sid} 跟随领导者 {leader}，而对方选票里的 (currentEpoch {their_epoch}, lastZxid {their_zxid}) 落后于它自己的 (currentEpoch {own_epoch}, lastZxid {own_zxid})",
    ),
    (
        "violation.new_epoch_fresh.own",
        "领导者 {leader} 提出 epoch {epoch}（LEADERINFO），可它自己已经接受过 epoch {own}",
    ),
    (
        "violation.new_epoch_fresh.quorum",
        "领导者 {leader} 提出 epoch {epoch}，可过半成员中的服务器 {sid} 报告的 acceptedEpoch 是 {theirs}（FOLLOWERINFO）",
    ),
    (
        "violation.new_epoch_fresh.ackepoch",
        "服务器 {sid} 在接受过 epoch {had} 之后，又确认了领导者 {leader} 的 epoch {epoch}（ACKEPOCH）",
    ),
    (
        "violation.epoch_once",
        "epoch {epoch} 被确立（NEWLEADER）了不止一次：{how}",
    ),
    (
        "violation.epoch_once.restart",
        "服务器 {sid} 重启后又确立了一次",
    ),
    (
        "violation.epoch_once.two",
        "服务器 {first} 和 {sid} 各确立了一次",
    ),
    (
        "violation.serve_only_in_broadcast.unsynced",
        "自启动或上次发出 FOLLOWERINFO 以来，还没有和任何领导者同步过（没收到 UPTODATE，也没发出 NEWLEADER）",
    ),
    (
        "violation.serve_only_in_broadcast.closed",
        "在它与领导者 {leader} 的连接关闭之后",
    ),
    (
        "violation.serve_only_in_broadcast.silent",
        "在最后一次收到领导者 {leader} 的消息 {ms} 毫秒之后（syncLimit 是 {limit} 毫秒）",
    ),
    (
        "violation.serve_only_in_broadcast",
        "服务器 {sid} {why}回应了客户端",
    ),
];
