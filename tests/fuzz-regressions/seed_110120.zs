# Fuzz seed 110120, shrunk by `zabscope fuzz --seed 110120 --shrink` (with the first generator).
# liveness check: learners with acceptedEpoch 2 cannot join the established leader of epoch 1, in ZooKeeper 3.8 too (Leader.getEpochToPropose / Learner.registerWithLeader); they are excluded, the rest must converge
# Re-check: zabscope fuzz --file tests/fuzz-regressions/seed_110120.zs
seed 110120
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
zabscope.lossPpm=3000
zabscope.learnerShutdownMs=50
zabscope.leaderStartMs=35
end
at 13 start 1
at 55 start 5
at 92 start 6
at 114 start 2
at 330 start 3
at 380 start 4
at 1243 partition 1,2,3|4,5,6
at 2124 hold 4 5
at 5524 restart 5
at 8210 partition 1,2,3,4|5,6
at 9595 restart 1
at 13759 restart 3
at 14033 hold 4 3
at 14453 partition 1,2,3|4,5,6
at 16579 crash 2
at 17438 restart 5
at 18299 heal
at 19423 crash 3
at 20317 crash 1
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
