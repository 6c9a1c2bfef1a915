# The leader (3) is cut off, logs a proposal no one else gets, loses its quorum; 1 and 2 elect
# 2 in a new epoch and commit a write; after the heal the old leader rejoins via SNAP and its
# uncommitted proposal is gone (seen on 3.8.0: an old leader with an uncommitted txn from its
# epoch rejoins via SNAP; LearnerHandler.syncFollower/queueCommittedProposals).
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
at 20000 create c1 /new-epoch yes
at 25000 heal
until 40000
