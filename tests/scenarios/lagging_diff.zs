# A follower down for a few writes rejoins with a DIFF of exactly the txns it missed
# (min committedLog <= peerLastZxid <= max: PROPOSAL+COMMIT pairs).
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
at 1000 connect c2 2
at 1100 create c2 /a 1
at 1500 crash 1
at 1600 set c2 /a 2
at 1700 set c2 /a 3
at 1800 create c2 /b 4
at 3000 restart 1
until 6000
