# Fuzz seed 8103, shrunk by `zabscope fuzz --seed 8103 --shrink` (with the first generator).
# learner: a TRUNC below the snapshot a SNAP left (the only copy of that history) emptied the tree; it now rejoins instead of following from nothing (PrefixConsistency before the fix)
# Re-check: zabscope fuzz --file tests/fuzz-regressions/seed_8103.zs
seed 8103
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
at 98 start 1
at 135 start 2
at 167 start 5
at 230 start 4
at 500 connect c4 4 30000
at 1139 restart 5
at 1453 create c4 /k3 v3
at 1736 create c4 /k5 v4
at 2261 set c4 /k5 v5
at 2860 partition 1,2,3|4,5
at 3044 restart 1
at 8483 set c4 /k7 v16
at 8906 create c4 /k4 v17
at 10122 restart 5
at 10678 heal
at 10905 pause 1
at 11657 hold 2 4
at 15943 resume 1
at 16866 hold 4 5
at 17600 hold 4 1
at 23197 restart 5
at 23465 move c4 5
at 24498 release 4 1
at 28089 restart 2
at 28411 crash 1
at 28854 restart 2
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
