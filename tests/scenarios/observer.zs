# Server 4 (the highest sid) is an observer: it never votes, so 3 still wins; it learns every
# commit by INFORM and serves reads.
seed 17
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
server.4=zk4:2888:3888:observer
end
at 0 start 1
at 0 start 2
at 0 start 3
at 0 start 4
at 1000 connect c4 4
at 1100 create c4 /via-observer hello
at 1500 get c4 /via-observer
until 4000
