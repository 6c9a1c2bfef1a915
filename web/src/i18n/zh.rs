//! 页面自己的简体中文文本，按键（与 `en.rs` 相同的键和 `{name}` 参数，由 `tests.rs` 检查）。
//! Written for students, not word for word: protocol terms stay as ZooKeeper spells them
//! (LOOKING, PROPOSAL, ACK, COMMIT, zxid, epoch, sid), the course's own words where it has
//! them (领导者、跟随者、观察者、选举、过半、事务、快照、会话、监听). Commands and zkCli's
//! own output stay as typed and printed.

/// The text of `key`, or the key itself when it has none (the caller then falls back to
/// English).
#[must_use]
pub fn t(key: &str) -> &str {
    match key {
        // Branches, share and keep (store/branches.rs, store/share.rs, share/).
        "notice.dismiss" => "关闭",
        "branch.forked" => "在第 {step} 步操作时，原来的未来保留为分支 {n}（分支列表在时间轴上）",
        "branch.return" => "回到那个分支",
        "branch.label" => "分支",
        "branch.first" => "{n}. 最初的运行",
        "branch.item" => "{n}. {name} · 第 {step} 步",
        "share.button" => "分享",
        "share.button.title" => "复制一个能重现当前状态的链接；导出、导入、ShiViz 日志",
        "share.copying" => "正在复制链接……",
        "share.copied" => "链接已复制。它会在这一步打开这次运行：",
        "share.copy_by_hand" => "剪贴板不可用，请手动复制链接：",
        "share.link" => "分享链接",
        "share.export" => "导出运行",
        "share.import" => "导入运行……",
        "share.shiviz" => "ShiViz 日志",
        "share.shiviz.title" => "带向量时钟的轨迹，可在 ShiViz 中打开",
        "share.opened.link" => "已在第 {step} 步打开分享的运行。",
        "share.opened.file" => "已在第 {step} 步导入运行。",
        "share.opened.kept" => "已在第 {step} 步恢复上次的运行。",
        "share.err.link" => "无法打开这个链接，当前运行没有改变。{why}",
        "share.err.file" => "无法导入这个文件，当前运行没有改变。{why}",
        "share.err.kept" => "无法恢复上次保存的运行。{why}",
        "share.err.garbage" => "数据已损坏：不是 ZabScope 运行链接。",
        "share.err.truncated" => "数据不完整：请复制完整的链接。",
        "share.err.too_big" => "数据太大：{size} 字节，最多 {max}。",
        "share.err.json" => "不是有效的运行文件：{error}",
        "share.err.format" => "不是 ZabScope 运行文件。",
        "share.err.version" => {
            "它由另一个版本的 ZabScope 生成（格式版本 {v}；本页读取版本 {max}）。"
        }
        "share.err.branches" => "它有 {n} 个分支；允许 1 到 {max} 个。",
        "share.err.current" => "它要显示第 {i} 个分支，但只有 {n} 个。",
        "share.err.lesson" => "课程编号无效（只能是字母、数字、- 和 _，最多 64 个）。",
        "share.err.steps" => "分支 {branch} 要求第 {step} 步；最多重放 {max} 步。",
        "share.err.name" => "分支 {branch} 的名称太长。",
        "share.err.script" => "其中的脚本无效：{error}",
        "keep.err.quota" => "浏览器存储已满或被关闭：重新加载后这次运行不会保留。请导出保存。",
        // The page as a whole and its dialogs.
        "app.playback" => "回放",
        "dialog.close" => "关闭",
        "dialog.cancel" => "取消",
        // Header.
        "header.epoch" => "epoch {epoch}",
        "header.no_leader" => "没有领导者",
        "header.leader" => "领导者 server.{id}",
        "header.quorum" => "过半 = {voters} 台中的 {q} 台",
        "header.invariants_hold" => "✓ 所有不变式成立",
        "header.violated" => "✗ 第 {step} 步违反了不变式 {invariant}",
        "header.setup" => "⚙ 设置",
        "header.projector" => "投影模式",
        "header.lang" => "语言",
        "header.help" => "快捷键与术语表",
        "lang.loading" => "正在加载{lang}…",
        "lang.failed" => "{lang}加载失败",
        // Transport bar and timeline.
        "transport.label" => "模拟控制",
        "transport.back" => "◀ 后退",
        "transport.back.title" => "后退一步（←）",
        "transport.step" => "单步 ›",
        "transport.step.title" => "投递下一条消息或触发下一个定时器（→）",
        "transport.pause" => "❚❚ 暂停",
        "transport.pause.title" => "暂停（空格）",
        "transport.play" => "▶ 播放",
        "transport.play.title" => "播放（空格）",
        "transport.run1s" => "+1 秒",
        "transport.run1s.title" => "运行一秒模拟时间",
        "transport.speed" => "速度",
        "transport.hide_pings" => "隐藏 PING",
        "transport.manual" => "手动投递",
        "transport.reset" => "重置",
        "transport.reset.title" => "回到第 0 步（相同的种子和命令）",
        "transport.new_run" => "新的运行",
        "transport.step_count" => "第 {step} 步",
        "speed.per_hop" => "{s} 秒/跳",
        "timeline.label" => "时间轴：步数",
        "timeline.value" => "第 {step} 步，共 {max} 步",
        "timeline.marker" => "第 {step} 步：{text}",
        "timeline.legend" => "○ 选举 · ◆ 领导者 · ✕ 故障 · + 重启/恢复 · ● 提交",
        // Narration, trace, manual delivery.
        "narration.start" => "按“单步”（→）或“播放”（空格）开始。",
        "narration.step" => "第 {step} 步：",
        "trace.title" => "事件记录",
        "manual.label" => "手动投递",
        "manual.title" => "手动投递：选择下一步发生什么",
        "manual.deliver" => "投递",
        "manual.fire" => "触发",
        "manual.drop" => "丢弃",
        "manual.delay" => "延迟 100 ms",
        "manual.at" => "{ms} 毫秒 · ",
        // The ring: servers, messages, clients, a server's menu.
        "ring.label" => "集群",
        "ring.svg.label" => "服务器与消息",
        "ring.caption.one" => "{n} 条消息在途",
        "ring.caption.many" => "{n} 条消息在途",
        "ring.caption.held" => "，{n} 条被扣留或暂存",
        "ring.caption.pings_hidden" => "（已隐藏 PING）",
        "ring.client.session" => "会话 {session}，连接 server.{server}；{outstanding} 个请求未完成",
        "ring.client.library" => "{state}，会话 {session}，连接 server.{server}",
        "ring.client.paused" => "已暂停（SIGSTOP）",
        "ring.client.title" => "客户端 {name} — {about}",
        "node.label" => {
            "server.{id}，{state}，epoch {epoch}，最后提交 {committed}；按回车键打开操作菜单"
        }
        "node.title" => "{label}\n投票的 zxid {vote}\n最后记录 {logged}",
        "zxid.title" => "{zxid} = epoch {epoch} | 计数器 {counter}",
        "msg.where.in_flight" => "在途",
        "msg.where.held" => "被扣留",
        "msg.where.parked" => "暂存",
        "state.paused_in" => "已暂停（{state}）",
        "state.paused" => "已暂停",
        "state.crashed" => "已崩溃",
        "state.off" => "未运行",
        "state.starting" => "启动中",
        "menu.label" => "server.{id} 的操作",
        "menu.crash" => "崩溃",
        "menu.restart" => "重启",
        "menu.pause" => "暂停",
        "menu.resume" => "继续",
        "menu.stop" => "停止",
        "menu.start" => "启动",
        "menu.words" => "四字命令",
        "menu.close" => "关闭（Esc）",
        "menu.close.label" => "关闭菜单",
        // Inspector.
        "inspector.label" => "检查器",
        "inspector.pinned" => "已固定（标签页不再切换）",
        "inspector.pinned.title" => "标签页不再跟随当前动作",
        "tab.election" => "选举",
        "tab.broadcast" => "广播",
        "tab.logs" => "日志",
        "tab.data" => "数据",
        "tab.clients" => "客户端",
        "tab.locks" => "锁",
        "tab.4lw" => "四字命令",
        "election.help" => {
            "一张选票是 (peerEpoch, zxid, sid)：先比 epoch，大者胜；再比 zxid；最后比 sid。高亮的是起决定作用的字段；▲ 比该服务器自己的选票更好；✓ 与它一致。"
        }
        "election.sid.title" => "被推举为领导者的 sid",
        "election.from" => "来自 {sid}",
        "election.out_of_election" => "（已不在选举中）",
        "election.agree" => "{agree} 票一致，过半需要 {quorum} 票",
        "election.agree.finalizing" => {
            "{agree} 票一致，过半需要 {quorum} 票 — 在 finalizeWait 内等待更好的选票"
        }
        "election.follows" => "跟随选出的领导者 server.{id}",
        "election.round" => "轮次 {round}",
        "election.col.server" => "服务器",
        "election.col.vote" => "它的选票",
        "election.col.received" => "收到的选票",
        "broadcast.help" => {
            "PROPOSAL → ACK → COMMIT：过半服务器（包括领导者自己）记录了事务之后，领导者才提交它。"
        }
        "broadcast.empty" => {
            "还没有提案：先连接一个客户端再写入（例如 connect c1 1，然后 create c1 /app hello）。"
        }
        "broadcast.commit" => "COMMIT（第 {step} 步，{at}）",
        "broadcast.waiting" => "等待过半的 ACK",
        "broadcast.dots.title" => "已收到的 ACK（含领导者自己）与过半所需数量",
        "broadcast.acks" => "{acks}/{needed} 个 ACK",
        "broadcast.from" => "来自 {ackers}",
        "logs.sync" => "{kind}（第 {step} 步）：{why}",
        "logs.logged" => " — 已记录，未提交",
        "logs.truncated" => " — 已截断",
        "logs.empty" => "（日志为空）",
        "data.help" => {
            "高亮的行：服务器之间数据不一致（落后的跟随者，或少数派记录了一个从未被过半提交的事务……）。"
        }
        "data.path" => "路径",
        "data.absent" => "不存在",
        "clients.empty" => {
            "还没有客户端。在命令行输入：connect c1 1，然后 create c1 /app hello、get c1 /app ……"
        }
        "clients.about" => "会话 {session}，连接 server.{server} · 超时 {timeout} ms",
        "clients.refused.behind" => {
            "服务器拒绝了这个会话：它还没有看到客户端已见过的最新 zxid，客户端必须换一台服务器。服务器的原话："
        }
        "clients.refused.not_running" => {
            "服务器拒绝了这个会话：它还没有开始提供服务。服务器的原话："
        }
        "clients.refused.closed" => "这台服务器的客户端端口上没有进程在监听：",
        "clients.no_answer" => "没有应答（客户端已放弃）",
        "clients.waiting" => "{op} … 等待中",
        "clients.events" => "监听事件：{events}",
        "locks.empty" => "还没有客户端库进程。例如：",
        "locks.empty.then" => {
            "然后让持锁者的服务器崩溃、把持锁者暂停到超过会话超时，或者分割网络。"
        }
        "locks.client" => "{state}，连接 server.{server} · 会话 {session}",
        "locks.session_gone" => "它的会话在集群中已经过期",
        "locks.believes" => "它以为自己仍持有锁：会话已过期，锁节点已删除（防护令牌可以阻止它）",
        "locks.watches" => "监听 {node}",
        "locks.herd" => "{wakeups} 次唤醒 · {creates} 次创建",
        "locks.tenure" => "从 {from} 起持有（令牌 {token}）",
        "locks.tenure.released" => "从 {from} 到 {to} 持有（令牌 {token}）",
        "locks.no_recipe" => "还没有运行配方",
        "locks.col.client" => "客户端",
        "locks.col.recipe" => "配方",
        "locks.col.role" => "角色",
        "locks.col.waits" => "等待",
        "locks.col.herd" => "羊群效应",
        "role.starting" => "启动中",
        "role.waiting" => "等待中",
        "role.holder" => "持有者",
        "role.leader" => "领导者",
        "role.follower" => "跟随者",
        "role.member" => "成员",
        "role.watcher" => "监听者",
        "role.producer" => "生产者",
        "role.consumer" => "消费者",
        "role.entered" => "已进入",
        "role.leaving" => "离开中",
        "role.left" => "已离开",
        "role.done" => "完成",
        "role.released" => "已释放",
        "role.lost" => "已失去",
        "fourlw.servers" => "服务器",
        "fourlw.words" => "四字命令",
        // Command line.
        "console.label" => "命令行",
        "console.command" => "命令",
        "console.placeholder" => {
            "crash 3 · partition 1,2|3,4,5 · connect c1 1 · create c1 /app hello · help"
        }
        // zkCli console chrome (zkCli's own output is printed as zkCli prints it).
        "zkcli.title" => "zkCli — {client}",
        "zkcli.session" => "会话 {session}，连接 server.{server}",
        "zkcli.gone" => "在运行的这一步中未连接",
        "zkcli.close" => "关闭控制台",
        "zkcli.open" => "zkCli",
        "zkcli.open.title" => "打开 {client} 的 zkCli 控制台",
        "zkcli.input" => "{client} 的 zkCli 命令",
        "zkcli.placeholder" => {
            "ls / · create -e -s /x data · get -w /x · set /x v · stat /x · sync / · help"
        }
        "zkcli.stale" => {
            "读到旧数据：应答时的 zxid 是 {read}，而 {latest} 已经提交（先执行 sync 就会等到它）"
        }
        "zkcli.future" => "（后面的行已隐藏：当前这一步在它们之前）",
        "zkcli.page_gone" => "页面已关闭",
        "zkcli.no_client" => "没有客户端 '{client}'：请先连接它",
        "zkcli.fourlw" => "4lw {word}：请在本页面上使用服务器菜单发送四字命令",
        // Set-up dialog.
        "setup.title" => "设置新的运行",
        "setup.servers" => "服务器数（1–15）",
        "setup.observers" => "其中观察者数",
        "setup.ticktime" => "tickTime（ms）",
        "setup.initlimit" => "initLimit（单位 tickTime）",
        "setup.synclimit" => "syncLimit（单位 tickTime）",
        "setup.latency" => "延迟（ms）",
        "setup.loss" => "丢包率（ppm）",
        "setup.seed" => "随机种子",
        "setup.start_all" => "同时启动所有服务器（不勾选：在每台服务器的菜单里逐台启动）",
        "setup.zoocfg" => "或者粘贴一份 zoo.cfg（代替上面的数字）",
        "setup.go" => "开始运行",
        "setup.err.zoocfg" => "zoo.cfg：{error}",
        "setup.err.servers" => "服务器数：{n} 不在 1 到 15 之间（页面最多画 15 台）",
        "setup.err.observers" => "观察者数：至少要有一台参与投票的服务器",
        "setup.err.ticks" => "tickTime、initLimit 和 syncLimit 必须大于 0",
        "setup.err.loss" => "丢包率的范围是 0 到 1000000（百万分之一）",
        // Help dialog and glossary.
        "help.title" => "键盘快捷键",
        "help.key.space" => "播放 / 暂停",
        "help.key.right" => "前进一步（一次投递、定时器或命令）",
        "help.key.left" => "后退一步",
        "help.key.enter" => "在选中的服务器上：打开它的菜单",
        "help.key.esc" => "关闭菜单或对话框",
        "help.key.p" => "切换“隐藏 PING”",
        "help.key.m" => "切换“手动投递”",
        "help.key.help" => "显示这些快捷键",
        "help.glossary" => "术语表",
        "glossary.title" => "术语表：初学者最先遇到的词",
        "glossary.term" => "ZooKeeper 中的写法",
        "lab.open" => "性能实验",
        "lab.open.title" => "性能实验：在这里计算 ZooKeeper 文档中的吞吐量图",
        "lab.title" => "性能实验",
        "lab.close" => "关闭",
        "lab.tab.fig1" => "1 · 吞吐量与读比例",
        "lab.tab.fig2" => "2 · 故障中的吞吐量",
        "lab.progress.points" => "计算中：第 {done} 个点，共 {total} 个",
        "lab.progress.ms" => "计算中：已模拟 {done} 毫秒，共 {total} 毫秒",
        "lab.done" => "已算完",
        "lab.axis.reads" => "读请求所占百分比",
        "lab.axis.ops" => "每秒操作数",
        "lab.axis.time" => "时间（秒）",
        "lab.legend.servers" => "{n} 台服务器",
        "lab.legend.yours" => "你的集群：",
        "lab.legend.yours2" => "{voters}+{observers} 观察者",
        "lab.legend.allvoting" => "{n} 台全部投票",
        "lab.point" => "{servers} 台服务器，{reads} % 读：每秒 {ops} 个请求",
        "lab.doc1" => {
            "ZooKeeper 文档（3.2 版，250 个客户端，领导者不接客户端）：全部为读时，13 台服务器约每秒 140,000 个请求，3 台约 80,000–90,000 个；集群越大写越慢，因为每台服务器都要把每个写事务记入日志。"
        }
        "lab.doc2" => {
            "ZooKeeper 文档：7 台服务器，30 % 写；新的领导者在 200 毫秒内选出，随后吞吐量恢复。"
        }
        "lab.knobs" => "可调参数",
        "lab.k.voters" => "参与投票的服务器",
        "lab.k.observers" => "观察者",
        "lab.k.reads" => "读：{reads} %",
        "lab.k.fsync" => "磁盘（一次 fsync）",
        "lab.k.leader_serves" => "leaderServes（领导者也接客户端）",
        "lab.k.reset" => "恢复文档中的设置",
        "lab.hint" => {
            "试一试：增加观察者，读吞吐量上升，写并不变慢；增加投票服务器，写变慢；磁盘变慢，写变慢，读不受影响。"
        }
        "lab.fsync.100" => "0.1 毫秒（固态硬盘）",
        "lab.fsync.2000" => "2 毫秒（15000 转，文档所用）",
        "lab.fsync.8000" => "8 毫秒（7200 转）",
        "lab.fsync.20000" => "20 毫秒（慢速共享磁盘）",
        "lab.readout" => {
            "你的集群：{voters} 台投票 + {observers} 个观察者，{reads} % 读：每秒 {ops} 个请求，延迟中位数 {median} 毫秒，p99 {p99} 毫秒"
        }
        "lab.readout.allvoting" => "同样 {n} 台服务器全部参与投票：每秒 {ops} 个请求",
        "lab.fig2.needs7" => "图 2 至少需要 7 台参与投票的服务器（五个事件最多同时让 3 台崩溃）。",
        "lab.fig2.setup" => "正在 ZAB 模拟中测量选举时间…",
        "lab.elected" => "{ms} 毫秒",
        "lab.ev.0" => "① 一个跟随者故障；",
        "lab.ev.1" => "它恢复：",
        "lab.ev.2" => "② 另一个跟随者故障；",
        "lab.ev.3" => "它恢复：",
        "lab.ev.4" => "③ 领导者故障：",
        "lab.ev.5" => "④ 两个跟随者故障；",
        "lab.ev.6" => "它们恢复：",
        "lab.ev.7" => "⑤ 又一个领导者故障：",
        "lab.ev.leader" => "{ms} 毫秒后新的领导者开始服务",
        "lab.ev.rejoin" => "{ms} 毫秒后重新开始服务",
        "lab.ev.dip" => "（{ms} 毫秒后吞吐量回到一半以上）",
        "lab.fig2.why" => {
            "选举时间在 ZAB 模拟中测得：其中 200 毫秒是 FLE 的 finalizeWait——一旦过半服务器同意，ZooKeeper 总要再等这么久。"
        }
        "ring.phase.election" => "选举",
        "ring.phase.discovery" => "发现",
        "ring.phase.sync" => "同步",
        "ring.phase.broadcast" => "广播",
        "ring.acks" => "ACK {acks}/{quorum}",
        "ring.round" => "第 {round} 轮",
        "ring.disk" => "日志到 {zxid}",
        "ring.vote" => "投 {leader}",
        "ring.held" => "扣住 {what}",
        "ring.parked" => "等待 {what}",
        "ring.fanout" => "{what} → {n} 台服务器",
        "ring.left_out" => " · {n} 个标签未显示（悬停查看）",
        "ring.show" => "显示：",
        "ring.show.votes" => "选票",
        "ring.show.sync" => "同步",
        "ring.show.broadcast" => "广播",
        "ring.show.other" => "其他",
        "ring.focus" => "聚焦 ",
        "ring.focus.all" => "全部服务器",
        "ring.focus.server" => "服务器 {sid}",
        "play.linger" => "在关键时刻放慢",
        "play.linger.title" => "播放在选举结果、过半 ACK、COMMIT、DIFF/TRUNC/SNAP 处停留更久",
        "cmd.empty" => "command(text)：命令为空（试试 help）",
        "cmd.run.help" => "run MS — 运行接下来 MS 毫秒模拟时间内到期的每一步（最多 {max}）",
        "cmd.run.bad" => "“{text}”：run MS 需要 0 到 {max} 之间的整数毫秒（每条命令最多 10 分钟）",
        // The sequence diagram (panels/sequence).
        "tab.sequence" => "时序图",
        "seq.label" => {
            "时序图：每个服务器和客户端一条泳道，时间向下；↓ 和 ↑ 选择消息，Enter 跳到它"
        }
        "seq.kind.request" => "客户端请求",
        "seq.kind.reply" => "客户端应答",
        "seq.kind.state" => "状态变化",
        "seq.label.vote" => "{kind} 投票 {leader} · {zxid} · epoch {epoch}",
        "seq.label.epoch" => "{kind} {zxid} · epoch {epoch}",
        "seq.arrow.client" => "{from} → {to}：{text}（第 {step} 步）。点击或按 Enter：跳到这一步",
        "seq.arrow.title" => {
            "消息 {id}，{from} → {to}：{text}；第 {sent} 步发出，{end}。点击或按 Enter：跳到这一步，并在环上显示它"
        }
        "seq.arrow.delivered" => "第 {step} 步送达",
        "seq.arrow.dropped" => "第 {step} 步丢失",
        "seq.arrow.open" => "仍在网络上",
        "seq.pings" => "♥ {n} 个 PING（心跳）",
        "seq.pings.expand" => "逐个显示 PING",
        "seq.pings.show" => "逐个 PING",
        "seq.kinds" => "消息类型",
        "seq.lanes" => "泳道",
        "seq.export" => "导出 SVG",
        "seq.export.title" => "把屏幕上的这些行保存为 SVG 文件",
        "seq.count" => "{rows} 行 · {events} 个事件",
        "seq.empty" => "还没有消息：按“单步”或“播放”。",
        "seq.svg.title" => "时序图，第 {from}–{to} 步",
        // 引导课程：页头的按钮、课程菜单、课程播放器、设置里的“破坏 ZAB”菜单。
        "header.lessons" => "课程",
        "header.lessons.title" => "打开引导课程菜单",
        "help.key.l" => "打开课程菜单",
        "lessons.title" => "引导课程",
        "lessons.group.zab" => "ZAB 协议",
        "lessons.group.data" => "数据模型",
        "lessons.group.recipes" => "典型应用",
        "lessons.group.ops" => "运维",
        "lessons.group.whatif" => "如果 ZooKeeper 这样做会怎样？",
        "lessons.loading" => "正在加载课程……",
        "lessons.empty" => "还没有课程。",
        "lessons.minutes" => "按当前速度约 {n} 分钟",
        "lessons.done" => "已学完",
        "lessons.err.fetch" => "无法获取 {path}：{why}",
        "lessons.err.unknown" => "课程索引里没有课程“{id}”",
        "lesson.err.line" => "课程文件第 {line} 行：{error}",
        "lesson.err.question" => "无法计算这个检查点：{error}",
        "lesson.label" => "课程",
        "lesson.pos" => "第 {step} 步，共 {of} 步",
        "lesson.prev" => "◀ 上一步",
        "lesson.prev.title" => "上一步（←）",
        "lesson.next" => "下一步 ▶",
        "lesson.next.title" => "下一步（→）",
        "lesson.takeover" => "自由操作",
        "lesson.takeover.title" => "从这里开始自由操作：所有控件都可用，课程停在原处等你",
        "lesson.back" => "回到课程",
        "lesson.free" => "自由操作中：课程停在第 {step} 步",
        "lesson.presenter" => "讲台视图",
        "lesson.close" => "关闭课程",
        "lesson.notes" => "教师提示",
        "lesson.note.next" => "下一步",
        "setup.break" => "破坏 ZAB（如果 ZooKeeper 这样做会怎样？）",
        "setup.break.none" => "不破坏：正常的 ZooKeeper",
        "setup.break.hint" => "选一个故意的协议错误，然后看不变式检查器如何发现它造成的破坏。",
        "setup.break.caught" => "{why}（由 {invariant} 发现）",
        other => other,
    }
}
