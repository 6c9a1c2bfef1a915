# A lock holder cut off from every server longer than its session timeout: the leader
# expires its session, its lock node goes, the next waiter acquires. When the partition
# heals the old holder reconnects and learns its session expired (Expired); it believed it
# held the lock until then (a FINDING in the trace).
seed 5
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
at 1000 client c1 connect 1,2,3 timeout 4000
at 1000 client c2 connect 1,2,3 timeout 4000
at 1500 create c1 /locks x
at 1600 recipe c1 lock /locks/a fair
at 1700 recipe c2 lock /locks/a fair
at 2000 client c1 cut 1,2,3
at 12000 client c1 heal
until 16000
