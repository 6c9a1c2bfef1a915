import org.apache.zookeeper.*;
import java.util.*;
import org.apache.zookeeper.data.ACL;
public class Order {
    public static void main(String[] a) throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        ZooKeeper z = new ZooKeeper("127.0.0.1:21812", 30000, e -> {});
        ZooKeeper w = new ZooKeeper("127.0.0.1:21812", 30000, e -> { if (e.getPath() != null) log.add(e.getType() + " " + e.getPath()); });
        while (z.getState() != ZooKeeper.States.CONNECTED || w.getState() != ZooKeeper.States.CONNECTED) Thread.sleep(20);
        List<ACL> open = ZooDefs.Ids.OPEN_ACL_UNSAFE;
        z.create("/o", null, open, CreateMode.PERSISTENT);
        z.create("/o/lock-", null, open, CreateMode.EPHEMERAL_SEQUENTIAL);
        z.create("/o/lock-", null, open, CreateMode.EPHEMERAL_SEQUENTIAL);
        System.out.println("seq " + z.getChildren("/o", false));
        for (int i = 0; i < 20; i++) z.create("/o/c" + i, null, open, i % 3 == 0 ? CreateMode.EPHEMERAL : CreateMode.PERSISTENT);
        System.out.println("kids " + z.getChildren("/o", false));
        for (String n : new String[]{"zeta", "alpha", "m1", "x", "b2"}) z.create("/" + n, null, open, CreateMode.EPHEMERAL);
        System.out.println("eph " + z.getEphemerals());
        for (String n : new String[]{"zeta", "alpha", "m1", "x", "b2"}) w.exists("/" + n, true);
        z.close();
        Thread.sleep(500);
        System.out.println("close events " + log);
        w.close();
    }
}
