# Kill -9 the leader of a 5-server ensemble after some writes: the survivor with the highest
# (epoch, zxid, sid) leads in a new epoch and every committed write survives. A write issued at
# the kill through a follower (retried on ConnectionLoss, as an application does) is served
# once the new leader is established.
seed 7
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
server.4=zk4:2888:3888
server.5=zk5:2888:3888
end
at 0 start 1
at 0 start 2
at 0 start 3
at 0 start 4
at 0 start 5
at 1000 connect c1 1
at 1100 create c1 /a one
at 1200 create c1 /b two
at 1300 set c1 /a three
at 3000 crash 5
until 8000
