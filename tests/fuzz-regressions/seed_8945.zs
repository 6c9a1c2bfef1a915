# Fuzz seed 8945, shrunk by `zabscope fuzz --seed 8945 --shrink` (with the first generator).
# kernel: a message parked in a paused server before its link was held went back behind the messages held since (FIFO broken on resume; PrefixConsistency before the fix)
# Re-check: zabscope fuzz --file tests/fuzz-regressions/seed_8945.zs
seed 8945
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
server.4=zk4:2888:3888
server.5=zk5:2888:3888
zabscope.latencyMs=1
zabscope.jitterMs=1
zabscope.lossPpm=0
zabscope.learnerShutdownMs=50
zabscope.leaderStartMs=35
end
at 197 start 1
at 239 start 3
at 285 start 2
at 345 start 4
at 500 connect c2 2 30000
at 2541 pause 3
at 3338 set c2 /k7 v7
at 3820 hold 4 3
at 4103 set c2 /k6 v10
at 4528 resume 3
at 9439 pause 3
at 30000 heal
at 30000 release 1 1
at 30000 release 1 2
at 30000 release 1 3
at 30000 release 1 4
at 30000 release 1 5
at 30000 release 2 1
at 30000 release 2 2
at 30000 release 2 3
at 30000 release 2 4
at 30000 release 2 5
at 30000 release 3 1
at 30000 release 3 2
at 30000 release 3 3
at 30000 release 3 4
at 30000 release 3 5
at 30000 release 4 1
at 30000 release 4 2
at 30000 release 4 3
at 30000 release 4 4
at 30000 release 4 5
at 30000 release 5 1
at 30000 release 5 2
at 30000 release 5 3
at 30000 release 5 4
at 30000 release 5 5
at 30000 loss 0
at 30000 resume 1
at 30000 start 1
at 30000 resume 2
at 30000 start 2
at 30000 resume 3
at 30000 start 3
at 30000 resume 4
at 30000 start 4
at 30000 resume 5
at 30000 start 5
until 90000
