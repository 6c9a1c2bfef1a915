# Fuzz seed 370233, shrunk by `zabscope fuzz --seed 370233 --shrink`.
# NOT FIXED (test ignored): held quorum messages of a dead incarnation of server 4 are answered by the leader, and the answers reach its new incarnation (no per-connection identity), which applies 0x100000002 twice
# Re-check: zabscope fuzz --file tests/fuzz-regressions/seed_370233.zs
seed 370233
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
server.4=zk4:2888:3888
server.5=zk5:2888:3888
server.6=zk6:2888:3888
server.7=zk7:2888:3888
zabscope.latencyMs=1
zabscope.jitterMs=1
zabscope.lossPpm=0
zabscope.learnerShutdownMs=50
zabscope.leaderStartMs=35
zabscope.fsyncMs=30
end
at 5 start 1
at 222 start 7
at 254 start 3
at 390 start 2
at 398 start 4
at 500 connect c1 1 4000
at 3996 partition 1,2,3,4,5,6|7
at 7678 pause 2
at 11050 partition 1,2,3,4,5|6,7
at 11658 hold 3 1
at 17778 heal
at 20255 hold 4 7
at 24667 restart 4
at 25371 restart 5
at 25655 restart 4
at 30000 heal
at 30000 release 1 1
at 30000 release 1 2
at 30000 release 1 3
at 30000 release 1 4
at 30000 release 1 5
at 30000 release 1 6
at 30000 release 1 7
at 30000 release 2 1
at 30000 release 2 2
at 30000 release 2 3
at 30000 release 2 4
at 30000 release 2 5
at 30000 release 2 6
at 30000 release 2 7
at 30000 release 3 1
at 30000 release 3 2
at 30000 release 3 3
at 30000 release 3 4
at 30000 release 3 5
at 30000 release 3 6
at 30000 release 3 7
at 30000 release 4 1
at 30000 release 4 2
at 30000 release 4 3
at 30000 release 4 4
at 30000 release 4 5
at 30000 release 4 6
at 30000 release 4 7
at 30000 release 5 1
at 30000 release 5 2
at 30000 release 5 3
at 30000 release 5 4
at 30000 release 5 5
at 30000 release 5 6
at 30000 release 5 7
at 30000 release 6 1
at 30000 release 6 2
at 30000 release 6 3
at 30000 release 6 4
at 30000 release 6 5
at 30000 release 6 6
at 30000 release 6 7
at 30000 release 7 1
at 30000 release 7 2
at 30000 release 7 3
at 30000 release 7 4
at 30000 release 7 5
at 30000 release 7 6
at 30000 release 7 7
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
at 30000 resume 7
at 30000 start 7
until 90000
