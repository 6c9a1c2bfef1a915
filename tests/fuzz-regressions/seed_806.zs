# Fuzz seed 806, shrunk by `zabscope fuzz --seed 806 --shrink`.
# client: a reply the old server sent after the client moved its session reached it and raised lastZxid past its new server (MonotonicReads before the fix); only the current connection carries replies
# Re-check: zabscope fuzz --file tests/fuzz-regressions/seed_806.zs
seed 806
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
zabscope.fsyncMs=30
end
at 133 start 5
at 153 start 2
at 297 start 4
at 309 start 3
at 500 connect c2 2 30000
at 1736 create c2 /k6 v1
at 6617 connect c4 4 4000
at 14825 partition 1,2,3|4,5,6
at 16057 close c4
at 17120 heal
at 17338 move c4 3
at 19613 restart 2
at 23381 get c4 /k6
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
