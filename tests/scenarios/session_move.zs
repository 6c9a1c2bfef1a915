# A client on a follower that crashes moves to another follower within its session timeout:
# the follower revalidates the session with the leader (REVALIDATE), the session and its
# ephemeral survive. A second client of the crashed follower does not move: the leader expires
# its session after the timeout and its ephemeral is deleted.
seed 11
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
at 1000 connect mover 1 6000
at 1000 connect stayer 1 6000
at 1500 create mover -e /mover here
at 1500 create stayer -e /stayer here
at 3000 crash 1
at 5000 move mover 2
at 5500 set mover /mover moved
until 20000
