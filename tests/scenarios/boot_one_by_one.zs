# Five servers started one by one, 2 s apart (docs/zookeeper-semantics.md §1): no leader until
# three are up; server 3 wins (highest sid among equal zxids); 4 and 5 join as followers.
seed 1
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
at 2000 start 2
at 4000 start 3
at 6000 start 4
at 8000 start 5
until 12000
