import org.apache.zookeeper.*;
import java.io.*;

/** Writes /t in a tight loop through one server and prints, with wall-clock ms, every state
 *  change and every write outcome. stdin commands: "pause" (stop writing), "go" (resume). */
public class TimingProbe {
    static volatile boolean writing = true;
    static void p(String s) { System.out.println(System.currentTimeMillis() + " " + s); System.out.flush(); }
    public static void main(String[] a) throws Exception {
        ZooKeeper zk = new ZooKeeper(a[0], Integer.parseInt(a[1]), e -> p("STATE " + e.getState() + " " + e.getType()));
        while (zk.getState() != ZooKeeper.States.CONNECTED) Thread.sleep(5);
        try { zk.create("/t", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT); } catch (KeeperException.NodeExistsException e) { }
        Thread in = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in))) {
                String l; while ((l = r.readLine()) != null) { writing = !l.trim().equals("pause"); p("CMD " + l.trim()); }
            } catch (IOException e) { }
        });
        in.setDaemon(true); in.start();
        p("READY");
        long n = 0;
        boolean lastOk = true;
        while (true) {
            if (!writing) { Thread.sleep(1); continue; }
            long t0 = System.currentTimeMillis();
            try {
                zk.setData("/t", Long.toString(n++).getBytes(), -1);
                long dt = System.currentTimeMillis() - t0;
                if (!lastOk || dt > 100) p("WRITE_OK issued=" + t0 + " took=" + dt);
                lastOk = true;
            } catch (KeeperException e) {
                p("WRITE_FAIL " + e.code() + " issued=" + t0);
                lastOk = false;
            }
        }
    }
}
