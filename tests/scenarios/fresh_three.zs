# A fresh 3-node ensemble elects sid 3 (seen on 3.8.0).
seed 1
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
until 3000
