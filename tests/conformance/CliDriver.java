// The real-zkCli half of the conformance suite (docs/conformance.md): runs zkCli command
// lines through the real `org.apache.zookeeper.ZooKeeperMain` of Debian's zookeeper.jar, one
// ZooKeeperMain per client name (`client NAME` switches, as in `zabscope zkcli`), and
// answers one JSON line per command: {"out": everything zkCli printed for it}.
//
// Usage: java -cp /usr/share/java/zookeeper.jar:. CliDriver HOST:PORT
// Input lines: {"line": "create /a x"}; {"line": "__end", "base": "/t7"} closes every
// session and deletes the base subtree as super.
//
// zkCli prints command output from the calling thread and watch events from each
// session's event thread. System.out/err are routed by thread: the event thread of client
// NAME is named `cli-NAME-EventThread` (ClientCnxn names it after the thread that built the
// ZooKeeper, which is renamed `cli-NAME` first); its lines are prefixed `[NAME] ` unless
// NAME is the current client, like ZabScope does. After each command every session does an
// asynchronous round trip; its callback runs on the event thread after every event received
// before it, so the command's events are all printed by then.

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.ZooKeeperMain;

public class CliDriver {
    static final ObjectMapper M = new ObjectMapper();
    static final StringBuilder captured = new StringBuilder();
    static String current = "c1";
    static boolean quiet = false;

    static final class Main extends ZooKeeperMain {
        Main(String[] args) throws Exception {
            super(args);
        }

        ZooKeeper zk() {
            return zk;
        }
    }

    /** Appends what a thread prints to the capture, with the client prefix for events. */
    static final class Router extends OutputStream {
        final Map<String, ByteArrayOutputStream> pending = new TreeMap<>();

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (quiet) {
                return;
            }
            String t = Thread.currentThread().getName();
            String who = null;
            if (t.startsWith("cli-") && t.contains("-EventThread")) {
                who = t.substring(4, t.indexOf("-EventThread"));
            }
            ByteArrayOutputStream buf = pending.computeIfAbsent(who == null ? "" : who, k -> new ByteArrayOutputStream());
            buf.write(b, off, len);
            // Emit whole lines only, so an event thread's line is never split.
            String s = buf.toString(StandardCharsets.UTF_8);
            int nl = s.lastIndexOf('\n');
            if (nl < 0) {
                return;
            }
            String done = s.substring(0, nl + 1);
            buf.reset();
            byte[] rest = s.substring(nl + 1).getBytes(StandardCharsets.UTF_8);
            buf.write(rest, 0, rest.length);
            synchronized (captured) {
                if (who == null || who.equals(current)) {
                    captured.append(done);
                } else {
                    for (String line : done.substring(0, done.length() - 1).split("\n", -1)) {
                        captured.append(line.isEmpty() ? "" : "[" + who + "] " + line).append('\n');
                    }
                }
            }
        }

        synchronized void drain() {
            for (Map.Entry<String, ByteArrayOutputStream> e : pending.entrySet()) {
                if (e.getValue().size() > 0) {
                    synchronized (captured) {
                        captured.append(e.getValue().toString(StandardCharsets.UTF_8)).append('\n');
                    }
                    e.getValue().reset();
                }
            }
        }
    }

    static final Map<String, Main> clients = new TreeMap<>();
    static String hostPort;

    public static void main(String[] args) throws Exception {
        hostPort = args[0];
        PrintStream realOut = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Router router = new Router();
        PrintStream routed = new PrintStream(router, true, StandardCharsets.UTF_8);
        // Before ZooKeeperMain's class initialiser: its commands keep System.out/err.
        System.setOut(routed);
        System.setErr(routed);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String raw;
        while ((raw = in.readLine()) != null) {
            if (raw.isBlank()) {
                continue;
            }
            JsonNode req = M.readTree(raw);
            String line = req.path("line").asText();
            synchronized (captured) {
                captured.setLength(0);
            }
            try {
                if (line.equals("__end")) {
                    end(req.path("base").asText());
                } else {
                    execute(line);
                }
                flushAll();
            } catch (Throwable e) {
                routed.println("DRIVER: " + e);
            }
            router.drain();
            ObjectNode o = M.createObjectNode();
            synchronized (captured) {
                o.put("out", captured.toString());
            }
            realOut.println(M.writeValueAsString(o));
        }
        System.exit(0);
    }

    /**
     * zkCli's AddWatchCommand is one object per JVM whose `mode` only `-m` changes (a plain
     * `addWatch` reuses the last `-m`). Each client here stands for its own zkCli process,
     * so each keeps its own copy of that field.
     */
    static final Map<String, Object> addWatchModes = new TreeMap<>();

    static java.lang.reflect.Field addWatchModeField() throws Exception {
        java.lang.reflect.Field map = ZooKeeperMain.class.getDeclaredField("commandMapCli");
        map.setAccessible(true);
        Object cmd = ((Map<?, ?>) map.get(null)).get("addWatch");
        java.lang.reflect.Field f = cmd.getClass().getDeclaredField("mode");
        f.setAccessible(true);
        return f;
    }

    static Object addWatchCommand() throws Exception {
        java.lang.reflect.Field map = ZooKeeperMain.class.getDeclaredField("commandMapCli");
        map.setAccessible(true);
        return ((Map<?, ?>) map.get(null)).get("addWatch");
    }

    static void execute(String line) throws Exception {
        String[] words = line.trim().split("\\s+");
        if (words[0].equals("client") && words.length == 2) {
            current = words[1];
            session(current);
            return;
        }
        Main m = session(current);
        Thread.currentThread().setName("cli-" + current);
        java.lang.reflect.Field mode = addWatchModeField();
        Object cmd = addWatchCommand();
        mode.set(cmd, addWatchModes.getOrDefault(current, org.apache.zookeeper.AddWatchMode.PERSISTENT_RECURSIVE));
        try {
            m.executeLine(line);
        } finally {
            addWatchModes.put(current, mode.get(cmd));
        }
    }

    /** The client's ZooKeeperMain, started (quietly: banner lines) on first use. */
    static Main session(String name) throws Exception {
        Main m = clients.get(name);
        if (m == null) {
            Thread.currentThread().setName("cli-" + name);
            quiet = true;
            try {
                m = new Main(new String[] {"-server", hostPort, "-waitforconnection"});
            } finally {
                quiet = false;
            }
            clients.put(name, m);
            flush(m);
        }
        return m;
    }

    static void flushAll() throws InterruptedException {
        for (Main m : clients.values()) {
            flush(m);
        }
    }

    static void flush(Main m) throws InterruptedException {
        ZooKeeper zk = m.zk();
        if (zk == null || !zk.getState().isAlive()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        zk.exists("/", false, (rc, path, ctx, stat) -> done.countDown(), null);
        done.await(20, TimeUnit.SECONDS);
    }

    static ZooKeeper superZk;

    static void end(String base) throws Exception {
        quiet = true;
        try {
            for (Main m : clients.values()) {
                if (m.zk() != null && m.zk().getState().isAlive()) {
                    closeQuickly(m.zk());
                }
            }
            clients.clear();
            addWatchModes.clear();
            current = "c1";
            if (superZk == null) {
                CountDownLatch up = new CountDownLatch(1);
                superZk = new ZooKeeper(hostPort, 30000, e -> up.countDown());
                up.await(20, TimeUnit.SECONDS);
                superZk.addAuthInfo("digest", "super:admin".getBytes(StandardCharsets.UTF_8));
            }
            try {
                ZKUtil.deleteRecursive(superZk, base);
            } catch (KeeperException.NoNodeException e) {
                // nothing was created
            }
        } finally {
            quiet = false;
        }
    }

    /**
     * `zk.close()` returns only after its SendThread has been joined (~100 ms of select
     * timeout); the closeSession reply arrives long before. Close on a helper thread and
     * wait just for the CLOSED state, set once the reply is in: the server has then
     * committed closeSession and sent its watch events.
     */
    static void closeQuickly(ZooKeeper zk) throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                zk.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (zk.getState().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(0, 200_000);
        }
    }
}
