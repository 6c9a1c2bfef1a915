# Fuzz seed 41945, shrunk by `zabscope fuzz --seed 41945 --shrink` (with the first generator).
# checker: the new leader holds 0x200000002-3 only inside a SNAP'd snapshot, not in its log; Agreement's recovered history must include them (PrefixConsistency false positive before the fix)
# Re-check: zabscope fuzz --file tests/fuzz-regressions/seed_41945.zs
seed 41945
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
server.4=zk4:2888:3888
server.5=zk5:2888:3888
server.6=zk6:2888:3888:observer
zabscope.latencyMs=1
zabscope.jitterMs=1
zabscope.lossPpm=500
zabscope.learnerShutdownMs=50
zabscope.leaderStartMs=35
end
at 42 start 4
at 105 start 5
at 119 start 6
at 221 start 1
at 304 start 2
at 395 start 3
at 500 connect c1 1 30000
at 500 connect c2 2 30000
at 500 connect c4 4 30000
at 500 connect c5 5 30000
at 818 create c5 /k7 v1
at 1096 restart 6
at 1539 connect c3 6 30000
at 1743 move c3 6
at 2083 create c5 /k5 v2
at 2245 set c1 /k7 v3
at 2461 create c4 /k5 v4
at 2910 create c2 /k0 v5
at 3271 crash 3
at 5762 partition 1,2,3|4,5,6
at 5997 hold 4 2
at 6452 crash 5
at 6637 create c4 /k7 v10
at 7337 set c4 /k3 v12
at 7466 restart 6
at 11557 heal
at 12067 restart 6
at 12245 partition 1,2,3,4,5|6
at 14133 set c4 /k3 v22
at 16974 restart 5
at 24177 crash 4
at 30000 heal
at 30000 release 1 1
at 30000 release 1 2
at 30000 release 1 3
at 30000 release 1 4
at 30000 release 1 5
at 30000 release 1 6
at 30000 release 2 1
at 30000 release 2 2
at 30000 release 2 3
at 30000 release 2 4
at 30000 release 2 5
at 30000 release 2 6
at 30000 release 3 1
at 30000 release 3 2
at 30000 release 3 3
at 30000 release 3 4
at 30000 release 3 5
at 30000 release 3 6
at 30000 release 4 1
at 30000 release 4 2
at 30000 release 4 3
at 30000 release 4 4
at 30000 release 4 5
at 30000 release 4 6
at 30000 release 5 1
at 30000 release 5 2
at 30000 release 5 3
at 30000 release 5 4
at 30000 release 5 5
at 30000 release 5 6
at 30000 release 6 1
at 30000 release 6 2
at 30000 release 6 3
at 30000 release 6 4
at 30000 release 6 5
at 30000 release 6 6
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
at 30000 resume 6
at 30000 start 6
until 90000
