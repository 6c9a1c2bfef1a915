# Leader 5 and follower 4 are cut off from 1, 2, 3: the minority stops serving writes (a write
# through 4 is never answered and the client times out), the majority elects 3 in a new epoch
# and keeps serving.
seed 11
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
at 1000 connect c1 1 6000
at 1000 connect c4 4 6000
at 2000 partition 4,5|1,2,3
at 2100 create c4 /minority x
until 20000
