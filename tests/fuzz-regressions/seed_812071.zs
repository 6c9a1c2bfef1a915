# Fuzz seed 812071, shrunk by `zabscope fuzz --seed 812071 --shrink`.
# Held resets of an older connection (sent to a dead incarnation of server 5) reached server 4 after it had opened a new one: it scheduled a reconnect, synced anyway, then sent a second FOLLOWERINFO from that stale timer; the leader restarted its handshake while 4 kept serving, so a read after sync() missed 0x300000002.
# Re-check: zabscope fuzz --file tests/fuzz-regressions/seed_812071.zs
seed 812071
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
zabscope.fsyncMs=30
end
at 6 start 1
at 51 start 5
at 68 start 3
at 323 start 2
at 383 start 4
at 500 connect c2 2 4000
at 500 connect c3 3 6000
at 1433 hold 4 5
at 3165 create c3 /k3 v7
at 3422 crash 2
at 4447 restart 5
at 7678 restart 1
at 10451 create c3 /k6 v23
at 11362 release 4 5
at 12577 move c2 4
at 13193 close c3
at 13960 sync c2 /k3
at 13970 get c2 /k3
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
