//! 简体中文 sentences, by key: the same keys and `{name}` placeholders as
//! [`texts_en`](super::texts_en) (a test checks both), written for students rather than word
//! for word. Protocol terms keep ZooKeeper's spelling (LOOKING, PROPOSAL, ACK, COMMIT, DIFF /
//! TRUNC / SNAP, zxid, epoch, sid); the roles and ideas use the course's words (领导者 / 跟随者 /
//! 观察者, 选举, 过半, 事务, 快照, 会话, 临时节点 / 持久节点 / 顺序节点, 监听).

/// `(key, template)`; `{name}` is replaced by the argument `name`.
pub const TEXTS: &[(&str, &str)] = &[
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
    // 命令行（help）。
    (
        "help.start",
        "启动一台已配置的服务器（第一次启动，或 stop 之后）",
    ),
    ("help.stop", "正常停止一台服务器：连接关闭，磁盘数据保留"),
    (
        "help.crash",
        "强制杀死一台服务器（kill -9）：内存丢失，连接被重置，磁盘数据保留",
    ),
    (
        "help.restart",
        "从磁盘数据重新启动一台服务器（如果还在运行，先杀死它）",
    ),
    (
        "help.pause",
        "暂停一台服务器（SIGSTOP）：状态保留，但不回应任何消息",
    ),
    ("help.resume", "恢复一台已暂停的服务器（SIGCONT）"),
    (
        "help.partition",
        "网络分区：只有同一组的服务器能通信；没写到的服务器自成一组",
    ),
    (
        "help.block",
        "单向阻断：丢弃从每个 FROM 服务器发往每个 TO 服务器的消息",
    ),
    ("help.heal", "撤销所有网络分区和阻断"),
    ("help.loss", "让每条链路按百万分之几（PPM）的比例丢消息"),
    ("help.hold", "扣住链路 FROM→TO 上的所有消息，直到 release"),
    (
        "help.release",
        "投递链路 FROM→TO 上扣住的消息并停止扣留；带路径时：客户端放弃它的配方在该路径上持有的东西",
    ),
    (
        "help.client",
        "一个 ZooKeeper 客户端进程：用连接串连接，崩溃、暂停、恢复、关闭，断开到某些服务器的网络（cut）或恢复（heal）",
    ),
    (
        "help.recipe",
        "在客户端进程上运行一个经典配方：锁（fair：顺序节点公平锁）、读写锁、领导者选举、队列、配置监听、组成员、屏障",
    ),
    (
        "help.dropmsg",
        "丢弃一条正在传输的消息（会断开一个过半连接）",
    ),
    (
        "help.delaymsg",
        "延迟一条正在传输的消息（以及同一链路上排在它后面的消息）",
    ),
    ("help.connect", "客户端通过一台服务器建立会话"),
    ("help.move", "客户端把会话转移到另一台服务器"),
    (
        "help.create",
        "zkCli create：-s 顺序节点，-e 临时节点，-c 容器节点，-t TTL",
    ),
    ("help.set", "zkCli set：修改节点的数据"),
    ("help.get", "zkCli get：读取节点的数据"),
    ("help.delete", "zkCli delete：删除节点"),
    ("help.sync", "zkCli sync：让客户端所连的服务器追上领导者"),
    ("help.close", "关闭客户端的会话（它的临时节点随之删除）"),
    ("help.die", "客户端进程死亡：它的会话稍后过期"),
    ("help.request", "发送任意客户端请求，用 JSON 书写"),
    ("help.help", "列出所有命令"),
    // 日志条目的状态。
    ("log.committed", "已提交"),
    ("log.logged", "已写入日志，未提交"),
    ("log.truncated", "已截断"),
    // 语言。
    ("lang.unknown", "不认识的语言 '{code}'（可选 en、zh-CN）"),
    ("lang.install.english", "英文是内置的，无需安装"),
    ("lang.install.again", "{lang} 文本表已经安装过了"),
    ("recipe.bad_path", "路径不合法（ZooKeeper 的原话：{error}）"),
    // 轨迹行和手动投递列表项（explain/trace_text.rs）。
    ("trace.command", "{head} 命令 {command}"),
    ("trace.send", "{head} 发送 {mid} {msg}"),
    ("trace.deliver", "{head} 投递 {mid} {msg}"),
    ("trace.drop", "{head} 丢弃 {mid} {msg}（{reason}）"),
    ("trace.timeout", "{head} 定时器到期"),
    ("trace.state", "{head} 状态 {state} {phase}"),
    ("trace.persist", "{head} 写入磁盘 {what}"),
    (
        "trace.propose",
        "{head} 发起提案 {zxid}（过半需要 {needed}）",
    ),
    ("trace.ack", "{head} 收到 ACK {zxid}：{acks}/{needed}"),
    ("trace.commit", "{head} COMMIT {zxid}"),
    ("trace.apply", "{head} 应用 {zxid}（同步中）"),
    ("trace.established", "{head} 确立 epoch {epoch}"),
    ("trace.sync", "{head} 同步 {learner}：{kind} {zxid}"),
    ("trace.gave_up", "{head} 放弃角色：{why}"),
    (
        "trace.client_request",
        "{head} 客户端请求 {session} cxid={cxid} {op}",
    ),
    (
        "trace.client_reply",
        "{head} 回复 {session} cxid={cxid} zxid={zxid} {err}",
    ),
    (
        "trace.client_timeout",
        "{head} 客户端请求超时 {session} cxid={cxid}",
    ),
    ("trace.watch", "{head} 监听事件 {session} {event}"),
    (
        "trace.client_state",
        "{head} 客户端 {client} {session} {state}（{detail}）",
    ),
    ("trace.recipe", "{head} 配方 {client}：{text}"),
    ("trace.finding", "{head} 发现问题 {text}"),
    ("trace.reason.partitioned", "网络分区"),
    ("trace.reason.broken", "连接已断开"),
    ("trace.reason.lost", "丢失"),
    ("trace.reason.down", "接收方没有运行"),
    ("trace.reason.old_connection", "旧连接"),
    ("trace.reason.user", "被用户丢弃"),
    ("trace.gave_up.closed", "与领导者的连接已关闭"),
    ("trace.gave_up.silent", "领导者超过读超时没有消息"),
    (
        "trace.gave_up.old_epoch",
        "领导者的 epoch 小于自己接受的 epoch",
    ),
    ("trace.gave_up.no_quorum", "等待过半学习者超时"),
    ("trace.gave_up.not_synced", "完成同步的跟随者不足过半"),
    ("trace.gave_up.commit_gap", "收到的 COMMIT 不是下一个事务"),
    ("trace.gave_up.truncate", "无法截断日志"),
    ("trace.gave_up.rollover", "zxid 计数器溢出"),
    ("trace.persist.accepted_epoch", "接受的 epoch = {epoch}"),
    ("trace.persist.current_epoch", "当前 epoch = {epoch}"),
    ("trace.persist.append", "日志追加 {zxid}"),
    ("trace.persist.truncate", "日志截断到 {zxid} 之后"),
    ("trace.persist.snapshot", "快照 {file}"),
    ("manual.item.message", "消息 {mid} {from} → {to}：{msg}"),
    ("manual.item.timer", "server.{server} 的定时器"),
    ("manual.item.command", "命令 {command}"),
    (
        "manual.item.client_tick",
        "客户端 {client} 的客户端库定时检查",
    ),
    (
        "manual.item.client_timeout",
        "客户端 {client} 放弃等待 cxid {cxid}",
    ),
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
    // 命令行的错误（sim/command.rs, sim/usage.rs）。cmd.help 是命令列表本身（usage::help_in）。
    ("cmd.not_server_id", "'{word}' 不是服务器编号"),
    ("cmd.not_number", "'{word}' 不是数字"),
    (
        "cmd.client_usage",
        "应写成 'client C connect 1,2,3 [timeout MS]'、'client C crash|pause|resume|close|heal' 或 'client C cut 1,2'",
    ),
    ("cmd.empty_connect", "连接串是空的"),
    ("cmd.missing_argument", "'{line}'：缺少参数"),
    ("cmd.in_line", "'{line}'：{error}"),
    (
        "cmd.partition_empty",
        "'{line}'：网络分区至少要写一台服务器",
    ),
    ("cmd.block_empty", "'{line}'：block 的两边都要写服务器编号"),
    (
        "cmd.loss_range",
        "丢包率 loss 的范围是 0..=1000000（百万分之几）",
    ),
    ("cmd.bad_json", "'{line}'：请求的 JSON 写错了：{error}"),
    ("cmd.empty", "命令是空的：输入 'help' 查看命令列表"),
    (
        "cmd.unknown",
        "没有 '{name}' 这个命令：输入 'help' 查看命令列表",
    ),
    (
        "cmd.case",
        "没有 '{word}' 这个命令：zkCli 的命令区分大小写，请用 '{lower}'",
    ),
    ("cmd.missing_usage", "'{line}'：缺少参数（用法：{usage}）"),
    ("cmd.too_many", "'{line}'：参数太多（用法：{usage}）"),
    (
        "cmd.create_option",
        "'{line}'：不认识的选项 {option}（create 只接受 -s -e -c -t TTL）",
    ),
    (
        "cmd.create_path",
        "'{line}'：缺少路径（用法：create CLIENT [-s] [-e] [-c] [-t TTL] PATH [DATA]）",
    ),
    // zkCli 3.8 自己的提示（CreateCommand）：保持 zkCli 的原文。
    ("zkcli.ttl_not_long", "-t argument must be a long value"),
    (
        "zkcli.container_flags",
        "-c cannot be combined with -s or -e. Containers cannot be ephemeral or sequential.",
    ),
    (
        "zkcli.ttl_ephemeral",
        "TTLs cannot be used with Ephemeral znodes",
    ),
    (
        "zkcli.ttl_container",
        "TTLs cannot be used with Container znodes",
    ),
    ("zkcli.ttl_positive", "ttl must be positive"),
    // 在当前状态下没有意义的命令（sim/validate.rs, Simulation::validate）。
    (
        "check.crashed",
        "无法对 server.{id} 执行 {what}：它已经崩溃（请用 'restart {id}'）",
    ),
    (
        "check.not_running",
        "无法对 server.{id} 执行 {what}：它没有在运行（请用 'start {id}'）",
    ),
    ("check.empty_group", "有一组服务器是空的"),
    ("check.named_twice", "server.{id} 被写了两次"),
    ("check.not_in_flight", "没有正在传输的消息 m{id}"),
    (
        "check.already_running",
        "server.{id} 已经在运行（要重启请用 'restart {id}'）",
    ),
    ("check.already_paused", "server.{id} 已经暂停了"),
    ("check.not_paused", "server.{id} 没有暂停"),
    (
        "check.cuts_nothing",
        "这个网络分区什么也没切断：至少要写两组",
    ),
    ("check.self_cut", "{error}：服务器不能和自己断开"),
    (
        "check.same_link",
        "链路连接的是两台不同的服务器，不能是 {from} 和 {to}",
    ),
    ("check.not_held", "链路 {from}→{to} 没有被扣住"),
    (
        "check.already_connected",
        "客户端 '{client}' 已经连接到 server.{server}（会话 {session}）：要转移请用 'move {client} N'",
    ),
    ("check.already_connecting", "客户端 '{client}' 正在连接中"),
    ("check.no_server", "这个集群里没有 server.{id}"),
    (
        "check.no_client",
        "没有客户端 '{client}'：请先连接（connect）",
    ),
    // 上限（zk/limits.rs）。
    (
        "limits.span",
        "{what}是 {ms} 毫秒；一条命令最多运行 {max} 毫秒（24 小时）的模拟时间：要继续请再运行一次",
    ),
    ("limits.the_delay", "延迟"),
    ("limits.the_run", "运行时长"),
    (
        "limits.server_id",
        "服务器编号 {given} 超出范围：编号只能是 1..={max}",
    ),
    (
        "limits.step_cap",
        "在模拟时间 {at} 处运行了 {steps} 步后停止（每条命令的上限）；要继续请再运行一次",
    ),
    // 客户端库与配方的错误（client/zookeeper/checks.rs、client/recipes）：命令和路径保持原样。
    (
        "client.no_client",
        "没有客户端 '{client}'：先用 'client {client} connect 1,2,3' 启动它",
    ),
    ("client.crashed", "客户端 {client} 已经崩溃"),
    ("client.already_paused", "客户端 {client} 已经处于暂停状态"),
    ("client.not_paused", "客户端 {client} 没有被暂停"),
    ("client.paused", "客户端 {client} 处于暂停状态"),
    (
        "client.not_connected",
        "客户端 {client} 未连接（它的会话已关闭或过期，或者它已崩溃）",
    ),
    (
        "client.recipe_busy",
        "客户端 {client} 已经在 {path} 上运行一个配方",
    ),
    ("client.no_parent", "{path} 没有父节点：请先创建 {parent}"),
    ("client.not_running", "客户端 {client} 没有在运行"),
    (
        "client.no_recipe_on",
        "客户端 {client} 没有在 {path} 上运行配方",
    ),
    (
        "client.not_holding",
        "客户端 {client} 没有持有 {path}（它的 {kind} 处于 {state}）",
    ),
    ("recipe.below_root", "配方需要一个 / 之下的路径"),
    ("recipe.barrier_size", "'{n}' 不是有效的屏障大小"),
    (
        "recipe.unknown",
        "未知的配方 '{kind}'（可用：lock、rwlock、election、queue、config、group、barrier）",
    ),
    (
        "recipe.usage",
        "应为 'lock PATH [fair]'、'rwlock PATH read|write'、'election PATH'、'queue PATH put ITEM'、'queue PATH take'、'config PATH'、'group PATH' 或 'barrier PATH N'",
    ),
    // 还没有按键翻译的代码给出的消息：原样显示。
    ("error.en", "{error}"),
    // zoo.cfg 的错误（zab/config.rs）：配置项保持 ZooKeeper 的写法。
    ("config.line", "zoo.cfg 第 {n} 行：{why}"),
    ("config.missing", "zoo.cfg：缺少 {key}"),
    (
        "config.server_count",
        "一个集群有 1 到 51 台服务器，不能是 {n} 台",
    ),
    (
        "config.no_voters",
        "zoo.cfg：所有服务器都是观察者（observer），没有人能投票",
    ),
    ("config.range", "zoo.cfg：{key} {why}"),
    ("config.key_value", "应写成 key=value，实际是 '{line}'"),
    ("config.decimal", "{key} 必须是十进制数，实际是 '{value}'"),
    (
        "config.not_number",
        "{key} 必须是非负整数，实际是 '{value}'",
    ),
    (
        "config.too_big",
        "{key} 最大是 2147483647，实际是 '{value}'",
    ),
    (
        "config.cost_unknown",
        "不认识的开销项 '{key}'（zabscope.cost.{names}）",
    ),
    ("config.cost_max", "{key} 最大是 {max}，这里是 {value}"),
    ("config.cost_min", "{key} 至少是 1"),
    ("config.yes_no", "{key} 只能是 yes 或 no，这里是 '{value}'"),
    ("config.loss", "zabscope.lossPpm 的范围是 0..=1000000"),
    ("config.server_id", "'{key}'：服务器编号必须是 1..255"),
    ("config.server_twice", "server.{id} 定义了两次"),
    (
        "config.tick_min",
        "至少要 {min} 毫秒（领导者的半个 tick 定时器是 tickTime/2），不能是 {tick}",
    ),
    ("config.not_set", "没有设置（为 0）"),
    (
        "config.server_value",
        "'{value}'：应写成 host:quorumPort:electionPort[:observer]",
    ),
    ("config.port", "'{port}' 不是端口号"),
    ("config.peer_type", "不认识的节点类型 '{type}'"),
    ("limits.the_time", "时间"),
    // 场景脚本（sim/script.rs）。
    ("script.line", "脚本第 {n} 行：{error}"),
    ("script.at", "应写成 'at MS COMMAND'"),
    ("script.order", "命令必须按时间顺序排列"),
    ("script.after_order", "'after' 行必须按步骤顺序排列"),
    ("script.directive", "不认识的指令 '{word}'"),
    ("script.no_end", "脚本：'config' 没有对应的 'end'"),
    ("script.no_config", "脚本：缺少 'config' ... 'end' 配置块"),
    (
        "script.after",
        "应写成 'after STEP at MS COMMAND' 或 'after STEP fire MS #SEQ'",
    ),
    // 引导课程（lesson/）：解析错误（写课程的老师看到的提示）。
    ("lesson.error.line", "课程第 {n} 行：{error}"),
    ("lesson.error.file", "课程：{error}"),
    (
        "lesson.error.too_big",
        "课程文件有 {size} 字节；一个课程最多 {max} 字节（256 KiB）",
    ),
    (
        "lesson.error.directive",
        "不认识的指令 '{word}'（可用：lesson, group, title, summary, minutes, break, expect-violation, script, step, say, note, show, pause, ask, decide）",
    ),
    ("lesson.error.twice", "'{word}' 写了两次"),
    (
        "lesson.error.id",
        "'{word}' 不是合法的课程编号：只能用 a-z、0-9 和 '-'（与文件名相同）",
    ),
    ("lesson.error.group", "不认识的分组 '{word}'（{names}）"),
    (
        "lesson.error.number",
        "'{word}' 不是数字（毫秒或分钟，不小于 0）",
    ),
    (
        "lesson.error.invariant",
        "不认识的不变式 '{word}'（{names}）",
    ),
    (
        "lesson.error.lang",
        "'{word}' 需要指明语言：'{word} en …' 或 '{word} zh …'",
    ),
    ("lesson.error.empty", "'{word}' 的语言后面需要文字"),
    (
        "lesson.error.script_end",
        "'script' 没有对应的 'end script' 行",
    ),
    (
        "lesson.error.step_before_script",
        "步骤必须写在 'script' … 'end script' 块之后",
    ),
    (
        "lesson.error.step_time",
        "应写成 'step at MS' 或 'step end'",
    ),
    (
        "lesson.error.step_order",
        "{at} 毫秒的步骤排在上一个步骤（{prev} 毫秒）之前：步骤必须按时间顺序排列",
    ),
    (
        "lesson.error.step_after_until",
        "{at} 毫秒的步骤晚于脚本的 'until {until}'",
    ),
    ("lesson.error.after_end", "'step end' 之后不能再有步骤"),
    ("lesson.error.too_many_steps", "一个课程最多 {max} 个步骤"),
    (
        "lesson.error.outside_step",
        "'{word}' 属于某个步骤：请先写一行 'step'",
    ),
    ("lesson.error.step_missing", "这个步骤缺少 '{what}'"),
    ("lesson.error.say_key", "不认识的文本键 '{key}'"),
    (
        "lesson.error.show",
        "应写成 'show server SID'、'show kind NAME'、'show tab ID'、'show vote-row SID'、'show client NAME' 或 'show znode PATH'",
    ),
    ("lesson.error.server", "脚本的 zoo.cfg 里没有服务器 {sid}"),
    (
        "lesson.error.path",
        "'{path}' 不是节点路径（路径以 '/' 开头）",
    ),
    ("lesson.error.no_args", "'{word}' 后面不能再写内容"),
    (
        "lesson.error.ask",
        "应写成 'ask leader'、'ask commit CLIENT PATH'、'ask sync SID'、'ask watch-events'、'ask epoch'、'ask value PATH'、'ask zxid' 或 'ask holder PATH'",
    ),
    (
        "lesson.error.ask_at_end",
        "'step end' 不能提问：运行已经结束",
    ),
    (
        "lesson.error.no_decide",
        "'ask' 需要在同一步骤里写一行 'decide MS'",
    ),
    (
        "lesson.error.decide_no_ask",
        "这个步骤里 'decide' 前面没有 'ask'",
    ),
    (
        "lesson.error.decide_range",
        "'decide {decide}' 必须在步骤时间（{at} 毫秒）和脚本的 'until {until}' 之间",
    ),
    ("lesson.error.missing", "课程缺少 '{what}' 行"),
    ("lesson.error.no_step", "课程没有第 {step} 步"),
    ("lesson.error.no_ask", "第 {step} 步没有提问"),
    (
        "lesson.error.no_sync",
        "在这一步和 'decide' 之间，服务器 {sid} 没有做同步：请问一台在这段时间（重新）加入领导者的服务器",
    ),
    ("lesson.error.no_leader", "{time} 时没有领导者：无从提问"),
    // 引导课程：zabscope lesson check 的报告。
    ("lesson.check.violation", "不变式被违反：{error}"),
    (
        "lesson.check.not_fired",
        "课程预期最先被违反的是 {invariant}，但并非如此",
    ),
    (
        "lesson.check.checkpoint",
        "第 {step} 步：无法计算这个检查点：{error}",
    ),
    ("lesson.check.question", "第 {step} 步：检查点有误：{what}"),
    // 引导课程：检查点的问题、选项、判定和原因（指向屏幕上能看到的地方）。
    (
        "lesson.ask.leader",
        "到 {time} 时，哪台服务器会成为领导者？",
    ),
    (
        "lesson.ask.commit",
        "到 {time} 时，{client} 对 {path} 的写操作会提交吗？",
    ),
    (
        "lesson.ask.sync",
        "到 {time} 时，服务器 {sid} 会从领导者那里得到哪种同步：DIFF、TRUNC 还是 SNAP？",
    ),
    (
        "lesson.ask.watch-events",
        "从 {from} 到 {time}，会触发多少个监听事件？",
    ),
    ("lesson.ask.epoch", "到 {time} 时，领导者的 epoch 是多少？"),
    ("lesson.ask.value", "到 {time} 时，读取 {path} 会得到什么？"),
    (
        "lesson.ask.zxid",
        "到 {time} 时，最新已提交的 zxid 是多少？",
    ),
    ("lesson.ask.holder", "到 {time} 时，谁持有 {path}？"),
    ("lesson.choice.client", "客户端 {client}"),
    ("lesson.choice.nobody", "没有人"),
    (
        "lesson.why.holder",
        "{client} 持有 {path}：它的节点 {node} 序号最小，其他客户端都在监听排在自己前面的节点，依次等待（锁页）。",
    ),
    (
        "lesson.why.holder.none",
        "{time} 时没有人持有 {path}：还没有哪个客户端的节点是序号最小的（锁页）。",
    ),
    (
        "lesson.error.no_recipe",
        "没有客户端在 {path} 上运行锁或选举：'ask holder' 需要它们",
    ),
    (
        "lesson.error.many_holders",
        "{time} 时有多个客户端同时持有 {path}（读锁）：请问只能由一个客户端持有的锁",
    ),
    ("lesson.choice.server", "服务器 {sid}"),
    ("lesson.choice.no_leader", "没有领导者"),
    ("lesson.choice.none", "无"),
    ("lesson.choice.yes", "会"),
    ("lesson.choice.no", "不会"),
    ("lesson.choice.word", "{word}"),
    ("lesson.choice.number", "{n}"),
    ("lesson.choice.zxid", "{zxid}"),
    ("lesson.choice.value", "“{value}”"),
    ("lesson.choice.no_node", "没有这个节点"),
    ("lesson.verdict.right", "答对了。{why}"),
    ("lesson.verdict.wrong", "不太对：答案是 {answer}。{why}"),
    (
        "lesson.why.leader.vote",
        "服务器 {leader} 成为 epoch {epoch} 的领导者：过半的 {quorum} 台服务器投给了它。选举页的投票表里能看到起决定作用的比较：{vote}。",
    ),
    (
        "lesson.why.leader.plain",
        "服务器 {leader} 是 epoch {epoch} 的领导者（环上显示它是 LEADING，至少有过半的 {quorum} 台服务器跟随它）。",
    ),
    (
        "lesson.why.leader.none",
        "{time} 时没有领导者：能互相通信的服务器不到过半所需的 {quorum} 台，无法选出一个（环上它们都是 LOOKING）。",
    ),
    (
        "lesson.why.commit.yes",
        "PROPOSAL {zxid} 收到了服务器 {servers} 的 ACK：共 {acks} 个，达到过半所需的 {needed} 个，所以领导者发出了 COMMIT（广播页：看它那一行的 ACK）。",
    ),
    (
        "lesson.why.commit.broken",
        "PROPOSAL {zxid} 只收到服务器 {servers} 的 ACK，共 {acks} 个，不到过半所需的 {needed} 个，却被提交了：真正的 ZooKeeper 会一直等下去（广播页：它那一行的 ACK 不够）。",
    ),
    (
        "lesson.why.commit.no",
        "PROPOSAL {zxid} 只收到服务器 {servers} 的 ACK，共 {acks} 个，不到过半所需的 {needed} 个，所以没有 COMMIT（广播页：它那一行的 ACK 一直不够）。",
    ),
    (
        "lesson.why.commit.none",
        "到 {time} 为止，没有领导者为 {path} 发出 PROPOSAL：没有得到过半支持的领导者，写操作根本无法开始（广播页上没有新的提案）。",
    ),
    (
        "lesson.why.sync",
        "领导者 {leader} 为服务器 {sid} 选择了 {kind}（服务器 {sid} 的日志页：最近一次同步）：{why}。",
    ),
    (
        "lesson.why.watch-events",
        "从 {from} 到 {to}，送到客户端的监听事件共有 {count} 个（客户端页列出每个客户端收到的事件；轨迹里每个事件一行）。",
    ),
    (
        "lesson.why.epoch.new",
        "新领导者的 epoch 是 {epoch}：{from} 时最大的 acceptedEpoch 是 {prev}，新领导者会提出比过半成员中最大值大一的 epoch（环上和选举页里每台服务器的 epoch）。",
    ),
    (
        "lesson.why.epoch.same",
        "没有产生新的领导者：领导者仍然是 epoch {epoch}（环上和选举页里每台服务器的 epoch）。",
    ),
    (
        "lesson.why.value",
        "领导者（服务器 {leader}）上 {path} 的数据是“{value}”（数据页）；已经同步到最新的服务器返回同样的值。",
    ),
    (
        "lesson.why.value.none",
        "领导者（服务器 {leader}）上没有 {path}（数据页）：读取会得到“节点不存在”。",
    ),
    (
        "lesson.why.zxid",
        "最新已提交的 zxid 是 {zxid}：高 32 位是 epoch {epoch}，低 32 位是计数器 {counter}，这个 epoch 里每写一次加一（日志页）。",
    ),
];
