# The question asked in the seeds: a client whose server (a follower) crashes reconnects to
# another server of its connect string within its session timeout; its session and its
# ephemeral node survive. (Seed 5 shuffles c1's connect string to 1,2,3: it starts on
# follower 1; the leader is 3.)
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
at 1000 client c1 connect 1,2,3 timeout 6000
at 1500 create c1 -e /eph here
at 3000 crash 1
until 12000
