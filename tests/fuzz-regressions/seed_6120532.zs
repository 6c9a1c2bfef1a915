# Fuzz seed 6120532 (10,000,000-seed soak), shrunk by `zabscope fuzz --seed 6120532 --shrink`.
# c1 and c5 connected to server 1 while it was paused, so neither session was ever established (id 0x0); `move` then "reconnected" session 0x0 through servers 4 and 2, which served both as one session: MonotonicReads saw 0x100000003 then 0x100000002. A client without a session sends a ConnectRequest with sessionId 0: a new session (ClientCnxn.primeConnection).
# Re-check: zabscope fuzz --file tests/fuzz-regressions/seed_6120532.zs
seed 6120532
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
at 167 start 3
at 196 start 2
at 237 start 1
at 241 start 4
at 388 start 5
at 500 connect c1 1 30000
at 501 create c1 /q 
at 1925 hold 5 2
at 2683 pause 1
at 2859 connect c3 3 6000
at 4510 connect c1 1 30000
at 6186 connect c5 1 30000
at 7506 hold 5 4
at 8047 move c1 4
at 8097 move c5 2
at 8411 request c1 {"GetChildren":{"path":"/q","watch":true}}
at 10073 request c5 {"GetChildren":{"path":"/q","watch":true}}
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
