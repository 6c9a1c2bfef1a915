# SIGSTOP the leader while a client is writing: followers notice only by their read timeout
# (Learner socket soTimeout = syncLimit x tickTime = 10 s, counted from the last packet they read,
# here the COMMIT of the write at 4990 ms), then elect a new leader; a write issued at the pause
# is served once the new leader is established. Real 3.8.0 on 127.0.0.1 (docs/fidelity-timing.md):
# followers time out 10.01-10.02 s after the stop, the new leader broadcasts at 10.5 s.
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
at 4800 set c1 /a 1
at 4900 set c1 /a 1
at 4990 set c1 /a 1
at 5000 pause 5
at 5000 connect c2 2
until 20000
