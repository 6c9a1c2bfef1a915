# The fixed run whose trace digest must be identical natively and in wasm.
seed 42
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
server.4=zk4:2888:3888
server.5=zk5:2888:3888:observer
zabscope.latencyMs=1
zabscope.jitterMs=3
zabscope.lossPpm=2000
end
at 0 start 1
at 0 start 2
at 0 start 3
at 0 start 4
at 0 start 5
at 1000 connect c1 1
at 1000 connect c5 5
at 1100 create c1 /a 1
at 1200 create c5 -e /e 2
at 1300 set c1 /a 3
at 2000 crash 4
at 2500 partition 1,2|3,4,5
at 4000 set c1 /a 4
at 9000 heal
at 9500 restart 4
at 12000 pause 3
at 12100 sync c5 /a
at 25000 resume 3
at 26000 die c5
until 60000
