# Why fencing tokens exist: c1 holds the lock and stops for a long GC pause. Its session
# expires, the leader deletes its lock node, c2 acquires the lock — while c1, frozen, still
# believes it holds it. When c1 resumes it acts as the holder until it hears Expired. The
# trace reports both moments as FINDINGs; the recipe offers the lock node's czxid as the
# fencing token (c2's is larger: a resource that rejects smaller tokens fences c1 off).
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
at 2000 client c1 pause
at 12000 client c1 resume
until 16000
