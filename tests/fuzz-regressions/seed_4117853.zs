# Fuzz seed 4117853 (soak), shrunk by `zabscope fuzz --seed 4117853 --shrink`.
# A reset the leader sent on server 1's old connection (before 1 reconnected, same processes) reached 1 after its new FOLLOWERINFO: 1 armed a reconnect, synced anyway, and the stale timer sent a second FOLLOWERINFO while it served.
# Re-check: zabscope fuzz --file tests/fuzz-regressions/seed_4117853.zs
seed 4117853
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
zabscope.lossPpm=3000
zabscope.learnerShutdownMs=50
zabscope.leaderStartMs=35
zabscope.fsyncMs=30
end
at 44 start 2
at 52 start 7
at 136 start 4
at 207 start 6
at 297 start 1
at 334 start 3
at 363 start 5
at 500 connect c1 1 30000
at 500 connect c2 2 30000
at 500 connect c3 3 30000
at 500 connect c4 4 4000
at 500 connect c5 5 30000
at 500 connect c6 6 30000
at 500 connect c7 7 4000
at 501 create c1 /q 
at 985 set c6 /k1 v2
at 1536 pause 7
at 1718 move c7 2
at 2491 sync c2 /k3
at 2986 sync c3 /k5
at 3399 restart 4
at 3690 sync c3 /k3
at 3979 set c3 /k2 v8
at 4383 restart 6
at 11756 close c5
at 12068 partition 1,2,3|4,5,6,7
at 13316 heal
at 14110 hold 1 6
at 14747 crash 4
at 14836 hold 6 1
at 26790 create c2 /k7 v45
at 27121 connect c3 1 30000
at 28279 crash 3
at 28874 sync c3 /k6
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
