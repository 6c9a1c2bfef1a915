# Fuzz seed 5407, shrunk by `zabscope fuzz --seed 5407 --shrink` (with the first generator).
# kernel: a message reaching a paused server on a held link was parked and delivered on resume ahead of older held ones (FIFO broken; PrefixConsistency fired before the fix)
# Re-check: zabscope fuzz --file tests/fuzz-regressions/seed_5407.zs
seed 5407
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
server.4=zk4:2888:3888:observer
zabscope.latencyMs=1
zabscope.jitterMs=1
zabscope.lossPpm=3000
zabscope.learnerShutdownMs=50
zabscope.leaderStartMs=35
end
at 0 start 3
at 171 start 2
at 335 start 1
at 500 connect c3 3 30000
at 2481 hold 3 2
at 4276 create c3 /k7 v6
at 4618 pause 2
at 12175 set c3 /k0 v22
at 12490 release 3 2
at 30000 heal
at 30000 release 1 1
at 30000 release 1 2
at 30000 release 1 3
at 30000 release 1 4
at 30000 release 2 1
at 30000 release 2 2
at 30000 release 2 3
at 30000 release 2 4
at 30000 release 3 1
at 30000 release 3 2
at 30000 release 3 3
at 30000 release 3 4
at 30000 release 4 1
at 30000 release 4 2
at 30000 release 4 3
at 30000 release 4 4
at 30000 loss 0
at 30000 resume 1
at 30000 start 1
at 30000 resume 2
at 30000 start 2
at 30000 resume 3
at 30000 start 3
at 30000 resume 4
at 30000 start 4
until 90000
