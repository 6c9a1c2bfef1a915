# SIGSTOP the leader: followers notice only by their read timeout (syncLimit x tickTime = 10 s),
# then elect a new leader; a write issued at the pause is served after about 10.3-10.5 s on
# real 3.8.0 (zookeeper-semantics §2.9).
seed 13
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
at 1100 create c1 /a 1
at 5000 pause 5
at 5000 connect c2 2
until 20000
