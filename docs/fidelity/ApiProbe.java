import org.apache.zookeeper.*;
import org.apache.zookeeper.data.*;
import java.util.*;

public class ApiProbe {
    static String host = "127.0.0.1:21812";
    static List<String> log = Collections.synchronizedList(new ArrayList<>());
    static Watcher w(String name) {
        return e -> { if (e.getType() != Watcher.Event.EventType.None) log.add(name + " " + e.getType() + " " + e.getPath()); };
    }
    static ZooKeeper connect(int to, String name) throws Exception {
        final Object lock = new Object();
        ZooKeeper zk = new ZooKeeper(host, to, w(name));
        while (zk.getState() != ZooKeeper.States.CONNECTED) Thread.sleep(20);
        return zk;
    }
    static void flush() throws Exception { Thread.sleep(300); synchronized (log) { for (String s : log) System.out.println("EVENT " + s); log.clear(); } }
    static String st(Stat s) { return "czxid=0x" + Long.toHexString(s.getCzxid()) + " mzxid=0x" + Long.toHexString(s.getMzxid()) + " pzxid=0x" + Long.toHexString(s.getPzxid()) + " version=" + s.getVersion() + " cversion=" + s.getCversion() + " aversion=" + s.getAversion() + " numChildren=" + s.getNumChildren() + " dataLength=" + s.getDataLength() + " owner=" + (s.getEphemeralOwner() == 0 ? "0" : "S"); }
    static void res(List<OpResult> rs) {
        for (OpResult r : rs) {
            if (r instanceof OpResult.ErrorResult) System.out.println("  ErrorResult " + ((OpResult.ErrorResult) r).getErr());
            else if (r instanceof OpResult.CreateResult) System.out.println("  CreateResult " + ((OpResult.CreateResult) r).getPath() + " stat=" + (((OpResult.CreateResult) r).getStat() == null ? "null" : st(((OpResult.CreateResult) r).getStat())));
            else if (r instanceof OpResult.SetDataResult) System.out.println("  SetDataResult " + st(((OpResult.SetDataResult) r).getStat()));
            else System.out.println("  " + r.getClass().getSimpleName());
        }
    }
    public static void main(String[] a) throws Exception {
        List<ACL> open = ZooDefs.Ids.OPEN_ACL_UNSAFE;
        ZooKeeper c1 = connect(1000, "c1");
        System.out.println("c1 timeout " + c1.getSessionTimeout() + " sidTop=" + (c1.getSessionId() >>> 56));
        ZooKeeper c2 = connect(100000, "c2");
        System.out.println("c2 timeout " + c2.getSessionTimeout() + " consecutive=" + (c2.getSessionId() - c1.getSessionId()));
        c1.create("/m", "d".getBytes(), open, CreateMode.PERSISTENT);
        try {
            c1.multi(Arrays.asList(Op.create("/m/x", null, open, CreateMode.PERSISTENT), Op.create("/m/x", null, open, CreateMode.PERSISTENT), Op.setData("/m", "y".getBytes(), -1)));
        } catch (KeeperException e) { System.out.println("multi1 " + e.code() + " path=" + e.getPath()); res(e.getResults()); }
        System.out.println("after multi1 " + st(c1.exists("/m", false)));
        res(c1.multi(Arrays.asList(Op.create("/p", null, open, CreateMode.PERSISTENT), Op.setData("/p", "v".getBytes(), -1), Op.check("/p", 1), Op.create("/p/s", null, open, CreateMode.PERSISTENT_SEQUENTIAL), Op.delete("/p/s0000000000", -1))));
        System.out.println("p " + st(c1.exists("/p", false)));
        try { c1.multi(Arrays.asList(Op.check("/p", 5), Op.delete("/p", -1))); } catch (KeeperException e) { System.out.println("multi3 " + e.code()); res(e.getResults()); }
        c1.create("/m/e1", null, open, CreateMode.EPHEMERAL);
        c1.create("/m/e2", null, open, CreateMode.EPHEMERAL);
        c2.getChildren("/m", true);
        c2.exists("/m/e1", true);
        c2.getData("/m/e2", true, null);
        c2.getChildren("/m/e2", true);
        c1.close();
        flush();
        System.out.println("m " + st(c2.exists("/m", false)));
        c2.addWatch("/m", AddWatchMode.PERSISTENT_RECURSIVE);
        ZooKeeper c3 = connect(30000, "c3");
        c3.create("/m/r", null, open, CreateMode.PERSISTENT);
        c3.create("/m/r/q", null, open, CreateMode.PERSISTENT);
        c3.setData("/m/r/q", "z".getBytes(), -1);
        c3.delete("/m/r/q", -1);
        c3.delete("/m/r", -1);
        flush();
        c2.removeAllWatches("/m", Watcher.WatcherType.Any, false);
        c2.addWatch("/m", AddWatchMode.PERSISTENT);
        c2.exists("/m", true);
        c3.create("/m/r", null, open, CreateMode.PERSISTENT);
        c3.setData("/m", "q".getBytes(), -1);
        c3.setData("/m", "q2".getBytes(), -1);
        flush();
        // exists watch on missing node, create by other
        c2.exists("/late", true);
        c3.create("/late", null, open, CreateMode.EPHEMERAL);
        flush();
        try { c3.create("/big", new byte[1048576], open, CreateMode.PERSISTENT); } catch (KeeperException e) { System.out.println("big " + e.code()); }
        Thread.sleep(1500);
        System.out.println("c3 state " + c3.getState() + " exists(/late)=" + (c3.exists("/late", false) != null));
        c3.create("/ok", new byte[1000000], open, CreateMode.PERSISTENT);
        System.out.println("ok " + st(c3.exists("/ok", false)));
        try { c3.setACL("/m", new ArrayList<>(), -1); } catch (Exception e) { System.out.println("setACL empty: " + e); }
        try { c3.create("/cc", null, open, CreateMode.CONTAINER); c3.create("/cc/x", null, open, CreateMode.EPHEMERAL_SEQUENTIAL); System.out.println("cc " + st(c3.exists("/cc", false))); } catch (Exception e) { System.out.println("cc: " + e); }
        try { c3.create("/t", null, open, CreateMode.PERSISTENT_WITH_TTL, new Stat(), 100); } catch (Exception e) { System.out.println("ttl: " + e); }
        System.out.println("getEphemerals " + c3.getEphemerals("/"));
        System.out.println("allChildren " + c3.getAllChildrenNumber("/m"));
        c2.close(); c3.close();
        System.out.println("done");
    }
}
