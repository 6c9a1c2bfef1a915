# The herd effect: six clients contend for an exclusive lock on one node (every waiter
# watches it) and for a fair lock (each waiter watches only its predecessor). c0 holds both;
# releasing the exclusive lock wakes all five waiters (five watch events, five creates);
# releasing the fair lock wakes one.
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
at 1000 client c0 connect 1,2,3 timeout 10000
at 1000 client c1 connect 1,2,3 timeout 10000
at 1000 client c2 connect 1,2,3 timeout 10000
at 1000 client c3 connect 1,2,3 timeout 10000
at 1000 client c4 connect 1,2,3 timeout 10000
at 1000 client c5 connect 1,2,3 timeout 10000
at 1400 create c0 /locks x
at 1500 recipe c0 lock /locks/herd
at 1500 recipe c0 lock /locks/fair fair
at 1600 recipe c1 lock /locks/herd
at 1600 recipe c2 lock /locks/herd
at 1600 recipe c3 lock /locks/herd
at 1600 recipe c4 lock /locks/herd
at 1600 recipe c5 lock /locks/herd
at 1600 recipe c1 lock /locks/fair fair
at 1600 recipe c2 lock /locks/fair fair
at 1600 recipe c3 lock /locks/fair fair
at 1600 recipe c4 lock /locks/fair fair
at 1600 recipe c5 lock /locks/fair fair
at 3000 release c0 /locks/herd
at 4000 release c0 /locks/fair
until 5000
