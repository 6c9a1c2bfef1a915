//! The 简体中文 texts of one area: Fast Leader Election, server states, discovery / sync / broadcast, messages, commands, clients and timers.

/// `(key, template)`, in the order the area's code uses them.
pub(super) const TEXTS: &[(&str, &str)] = &[
    // 快速领导者选举（FastLeaderElection.lookForLeader, totalOrderPredicate）。
    (
        "vote.adopt.higher_epoch",
        "服务器 {sid} 改投 {from} 推荐的 {leader}：对方的 epoch 更大（{epoch_hi} > {epoch_lo}）；目前 {agree} 票一致，过半需要 {quorum} 票",
    ),
    (
        "vote.adopt.same_epoch_higher_zxid",
        "服务器 {sid} 改投 {from} 推荐的 {leader}：epoch 相同，对方的 zxid 更大（{zxid_hi} > {zxid_lo}）；目前 {agree} 票一致，过半需要 {quorum} 票",
    ),
    (
        "vote.adopt.same_epoch_same_zxid_higher_sid",
        "服务器 {sid} 改投 {from} 推荐的 {leader}：epoch 和 zxid 都相同，对方的 sid 更大（{sid_hi} > {sid_lo}）；目前 {agree} 票一致，过半需要 {quorum} 票",
    ),
    (
        "vote.keep.higher_epoch",
        "服务器 {sid} 仍然投给 {mine}：{from} 推荐的 {leader}，epoch 更小（{epoch_lo} < {epoch_hi}）；目前 {agree} 票一致，过半需要 {quorum} 票",
    ),
    (
        "vote.keep.same_epoch_higher_zxid",
        "服务器 {sid} 仍然投给 {mine}：{from} 推荐的 {leader}，epoch 相同但 zxid 更小（{zxid_lo} < {zxid_hi}）；目前 {agree} 票一致，过半需要 {quorum} 票",
    ),
    (
        "vote.keep.same_epoch_same_zxid_higher_sid",
        "服务器 {sid} 仍然投给 {mine}：{from} 推荐的 {leader}，epoch 和 zxid 都相同但 sid 更小（{sid_lo} < {sid_hi}）；目前 {agree} 票一致，过半需要 {quorum} 票",
    ),
    (
        "vote.own",
        "服务器 {sid} 把自己的选票也算上（快速领导者选举会把每张选票也发给发送者自己），推荐 {leader}；目前 {agree} 票一致，过半需要 {quorum} 票",
    ),
    (
        "vote.agree",
        "服务器 {sid} 收到 {from} 的选票，同样推荐 {leader}；目前 {agree} 票一致，过半需要 {quorum} 票",
    ),
    (
        "vote.round.newer",
        "服务器 {sid} 发现 {from} 已进入更新的第 {round} 轮选举：它从这一轮重新开始，投给 {now}",
    ),
    (
        "vote.round.older",
        "服务器 {sid} 忽略 {from} 在旧的第 {round} 轮的选票（自己已在第 {myround} 轮），并回复自己的选票",
    ),
    (
        "vote.established",
        "服务器 {sid} 得知 {from} 已处于 {state} 状态，领导者是 {leader}",
    ),
    ("elect.lead", "服务器 {sid} 赢得选举：成为领导者"),
    (
        "elect.lead.reported",
        "服务器 {sid} 立刻再次成为领导者：{from} 仍报告自己是 FOLLOWING 它的跟随者（它与 {sid} 旧进程的连接已随旧进程断开，但它还没发现），过半这样的报告就决定了选举；除非跟随者重新连上，{sid} 会在 initLimit 之内退下",
    ),
    (
        "elect.follow",
        "服务器 {sid} 结束选举：成为 {leader} 的跟随者",
    ),
    (
        "elect.observe",
        "服务器 {sid} 结束选举：作为观察者跟随 {leader}",
    ),
    // 服务器状态（QuorumPeer.ServerState, ZabState）。
    ("state.looking", "服务器 {sid} 进入 LOOKING 状态：开始选举"),
    ("state.gave_up", "服务器 {sid} 放弃当前角色：{why}"),
    (
        "step.learner_closed",
        "领导者 {leader} 关闭与 {learner} 的连接：{ms} 毫秒内没有读到它的任何数据包（领导者读这条连接的超时：同步完成后为 syncLimit × tickTime，之前为 initLimit × tickTime）；已发出的数据仍在 {learner} 的套接字缓冲区里，其后是连接关闭",
    ),
    (
        "state.gave_up.closed",
        "服务器 {sid} 放弃当前角色：与领导者的连接已断开",
    ),
    (
        "state.gave_up.silent",
        "服务器 {sid} 放弃当前角色：领导者超过读超时（syncLimit）没有消息",
    ),
    (
        "state.gave_up.old_epoch",
        "服务器 {sid} 放弃当前角色：领导者的 epoch 比自己已接受的 epoch 还小",
    ),
    (
        "state.gave_up.no_quorum",
        "领导者 {sid} 下台：没有按时收到过半学习者的消息",
    ),
    (
        "state.gave_up.not_synced",
        "领导者 {sid} 下台：在 initLimit 时间内完成同步的跟随者不足过半",
    ),
    (
        "state.gave_up.commit_gap",
        "服务器 {sid} 放弃当前角色：收到的 COMMIT 不是下一个该提交的事务",
    ),
    (
        "state.gave_up.truncate",
        "服务器 {sid} 放弃当前角色：无法截断自己的日志",
    ),
    (
        "state.gave_up.rollover",
        "领导者 {sid} 下台：zxid 计数器用完了，必须开始新的 epoch",
    ),
    (
        "state.leader_sync",
        "领导者 {sid} 的新 epoch 已得到过半服务器确认，开始与跟随者同步数据",
    ),
    ("state.leader_broadcast", "领导者 {sid} 进入广播阶段"),
    (
        "state.learner_sync",
        "服务器 {sid} 正在与领导者 {leader} 同步数据",
    ),
    (
        "state.learner_broadcast",
        "服务器 {sid} 已与领导者 {leader} 同步完成，开始为客户端服务",
    ),
    // 发现、同步、广播（Leader.java, LearnerHandler.syncFollower）。
    (
        "step.established",
        "领导者 {leader} 确立了 epoch {epoch}：过半服务器已确认 NEWLEADER",
    ),
    (
        "step.propose",
        "领导者 {leader} 发起提案 {zxid}，等待 {needed} 个 ACK",
    ),
    (
        "step.ack",
        "领导者 {leader} 收到 {from} 对 {zxid} 的 ACK：已有 {acks} 个，过半需要 {needed} 个",
    ),
    (
        "step.commit",
        "领导者 {leader} 提交 {zxid}：{acks} 个 ACK 已达到过半（{needed} 个）",
    ),
    (
        "sync.why.in_sync",
        "领导者 {leader} 给 {learner} 发送空的 {kind}：它的最后一个 zxid {peer} 与领导者相同",
    ),
    (
        "sync.why.peer_ahead",
        "领导者 {leader} 给 {learner} 发送 {kind}：它的最后一个 zxid {peer} 超过了领导者最后提交的 {max}",
    ),
    (
        "sync.why.in_committed_log",
        "领导者 {leader} 给 {learner} 发送 {kind}，包含 {txns} 个事务：它的最后一个 zxid {peer} 在已提交日志的范围 [{min}, {max}] 之内",
    ),
    (
        "sync.why.diverged",
        "领导者 {leader} 给 {learner} 发送 {kind}：它在 {to} 之后有领导者从未有过的事务（TRUNC 到 {to}），然后补发 {txns} 个事务",
    ),
    (
        "sync.why.epoch_crossing",
        "领导者 {leader} 给 {learner} 发送 {kind}：它的历史（{peer}）在更早的 epoch 就与领导者分叉了",
    ),
    (
        "sync.why.from_txn_log",
        "领导者 {leader} 给 {learner} 发送 {kind}，包含事务日志中的 {txns} 个事务：{peer} 早于已提交日志（{min}），但从它开始的日志（{size} 字节）不超过快照的 0.33 倍（{limit} 字节）",
    ),
    (
        "sync.why.txn_log_too_big",
        "领导者 {leader} 给 {learner} 发送 {kind}：{peer} 早于已提交日志（{min}），而且从它开始的事务日志（{size} 字节）超过快照的 0.33 倍（{limit} 字节）",
    ),
    (
        "sync.why.after_epoch_mark",
        "领导者 {leader} 给 {learner} 发 {kind}：它建立第 {epoch} 个纪元以来还没有应用任何事务，所以它最后处理的 zxid 是 {min}（开始服务时设置的），已提交日志为空；{peer} 比它旧，而事务日志里没有 {peer} 之后的内容",
    ),
    (
        "sync.why.txn_log_missing",
        "领导者 {leader} 给 {learner} 发送 {kind}：{peer} 早于已提交日志（{min}），事务日志也追溯不到那么早",
    ),
    (
        "sync.why.new_epoch_beyond",
        "领导者 {leader} 给 {learner} 发送 {kind}：{peer} 开始了一个超出已提交日志（{max}）的 epoch",
    ),
    (
        "sync.why.txn_log_disabled",
        "领导者 {leader} 给 {learner} 发 {kind}：{peer} 比已提交日志（{min}）还旧，而从事务日志同步已被关闭（snapshotSizeFactor < 0）",
    ),
    // 消息。
    (
        "msg.proposal",
        "服务器 {to} 把领导者 {from} 的 PROPOSAL {zxid} 写入日志",
    ),
    (
        "msg.commit",
        "服务器 {to} 提交 {zxid}（收到领导者 {from} 的 COMMIT）",
    ),
    ("msg.ack", "领导者 {to} 收到 {from} 对 {zxid} 的 ACK"),
    ("msg.ping", "服务器 {to} 收到 {from} 的 PING（心跳）"),
    (
        "msg.learnerinfo",
        "领导者 {to} 收到学习者 {from} 的消息（{type}，已接受的 epoch 为 {epoch}）",
    ),
    (
        "msg.leaderinfo",
        "服务器 {to} 从领导者 {from} 得知新的 epoch {epoch}（LEADERINFO）",
    ),
    (
        "msg.ackepoch",
        "领导者 {to} 收到 {from} 的 ACKEPOCH（最后记录的是 {zxid}）",
    ),
    (
        "msg.newleader",
        "服务器 {to} 把 epoch {epoch} 作为当前 epoch（收到 {from} 的 NEWLEADER），并回复 ACK",
    ),
    (
        "msg.uptodate",
        "服务器 {to} 已同步完成（收到 {from} 的 UPTODATE），开始对外服务",
    ),
    (
        "msg.notification",
        "服务器 {to} 收到 {from} 的选票：推荐 {leader}（{state}）",
    ),
    ("msg.closed", "服务器 {to} 发现来自 {from} 的连接已关闭"),
    (
        "msg.closed.retry",
        "服务器 {from} 拒绝了 {to} 的连接（它在这个 epoch 还不是领导者）：{to} 在 {ms} 毫秒后重试（第 {try} 次，最多 {tries} 次）",
    ),
    (
        "msg.closed.learner",
        "领导者 {to} 发现学习者 {from} 的连接已关闭：{from} 不再计入它的过半数",
    ),
    ("msg.deliver", "服务器 {to} 收到 {from} 发来的 {type}"),
    (
        "msg.dropped.old_connection",
        "{from} 发给 {to} 的 {type} 不会被读到：它走的是服务器 {to} 已经不再持有的旧连接（服务器 {from} 重启后又重新连上了）",
    ),
    (
        "msg.dropped.closed",
        "{from} 发给 {to} 的 {type} 不会被读到：服务器 {to} 已关闭这条连接（它放弃了对方；{from} 读完已到的数据后会读到连接关闭）",
    ),
    ("msg.dropped", "{from} 发给 {to} 的 {type} 丢失了：{reason}"),
    (
        "msg.dropped.partitioned",
        "{from} 发给 {to} 的 {type} 丢失了：网络已断开",
    ),
    (
        "msg.dropped.broken",
        "{from} 发给 {to} 的 {type} 丢失了：连接已断，要等学习者重新连接",
    ),
    (
        "msg.dropped.lost",
        "{from} 发给 {to} 的 {type} 在网络中丢失了",
    ),
    (
        "msg.dropped.down",
        "{from} 发给 {to} 的 {type} 丢失了：服务器 {to} 没有运行",
    ),
    ("msg.dropped.user", "{from} 发给 {to} 的 {type} 被手动丢弃"),
    // 命令、客户端、定时器。
    ("step.command", "命令：{command}"),
    (
        "step.client_request",
        "客户端会话 {session} 向服务器 {server} 发送 {op}",
    ),
    (
        "step.client_reply",
        "服务器 {server} 回复会话 {session}：{rc}（zxid {zxid}）",
    ),
    (
        "step.client_timeout",
        "客户端会话 {session} 不再等待请求 {cxid} 的回复",
    ),
    ("step.watch", "会话 {session} 收到监听事件：{event}"),
    (
        "step.timer.resend",
        "服务器 {sid} 一段时间没有收到消息，重新发送自己的选票",
    ),
    ("step.timer", "服务器 {sid} 的定时器触发"),
    (
        "step.timer.flush",
        "服务器 {sid} 已把 {zxid} 写入磁盘上的事务日志（刷盘完成），并向领导者 {leader} 发送 ACK",
    ),
    (
        "step.timer.flushed",
        "服务器 {sid} 已把 {zxid} 写入磁盘上的事务日志（刷盘完成）",
    ),
    (
        "step.timer.ping",
        "领导者 {sid} 向它的 {n} 个学习者发送 PING，每半个 tickTime（{half} 毫秒）一次：一个学习者沉默超过 syncLimit 个 tickTime 就不再计入过半数",
    ),
    (
        "step.timer.reconnect",
        "服务器 {sid} 再次连接领导者 {leader}（{type}，第 {try} 次，最多 {tries} 次）：上一次被拒绝了",
    ),
    (
        "step.timer.fle_backoff",
        "没有过半一致（{leader} 得到 {agree} 票，过半需要 {quorum} 票），服务器 {sid} 在 {waited} 毫秒内没有收到新选票：它重新发送选票，并等待 {next} 毫秒再进入下一轮——每次无声的等待时间翻倍，最多 {max} 秒（maxNotificationInterval）",
    ),
    (
        "step.command.crash",
        "命令：{command}——kill -9：服务器 {sid} 的内存和连接都没了；它的磁盘上仍保存着直到 {zxid} 的日志，以及当前 epoch {epoch}",
    ),
    ("marker.commit", "领导者 {leader} 提交 {zxid}"),
];
