# Fuzz seed 89049, shrunk by `zabscope fuzz --seed 89049 --shrink` (with the first generator).
# kernel: the same hold + pause reordering left a replica with the same last zxid but a different tree digest (Liveness fired before the fix)
# Re-check: zabscope fuzz --file tests/fuzz-regressions/seed_89049.zs
seed 89049
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
at 57 start 4
at 216 start 2
at 307 start 1
at 380 start 3
at 500 connect c1 1 30000
at 6617 hold 3 4
at 8090 hold 2 3
at 13974 create c1 /k0 v28
at 14096 pause 4
at 14391 set c1 /k4 v29
at 18871 release 3 4
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
