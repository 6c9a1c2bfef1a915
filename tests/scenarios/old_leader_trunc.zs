# As old_leader_snap, but nothing is written in the new epoch: the new leader's committedLog
# ends before the old leader's extra txn, so syncFollower sends TRUNC (peerLastZxid >
# maxCommittedLog).
seed 3
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
end
at 0 start 1
at 0 start 2
at 0 start 3
at 1000 connect c1 1
at 1000 connect c3 3
at 1200 create c1 /committed yes
at 2000 partition 3|1,2
at 2100 create c3 /lost never
at 25000 heal
until 40000
