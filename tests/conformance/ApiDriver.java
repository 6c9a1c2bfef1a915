// The real-server half of the conformance suite (docs/conformance.md): plays `zabscope api`
// JSON lines through the ZooKeeper 3.8 Java client (Debian's zookeeper.jar) against a real
// server and answers one JSON line per request in the api's own shape, so
// tests/conformance/conformance.py can normalise both sides the same way.
//
// Usage: java -cp /usr/share/java/zookeeper.jar:. ApiDriver HOST:PORT
// Control lines: {"op":"__end","base":"/t7"} closes every client of the sequence, deletes
// the base subtree as super (digest super:admin) and answers {"op":"__end"}.
//
// Events: every client uses its default watcher, which queues events. After each request
// every live client does one asynchronous round trip; its callback runs on that client's
// event thread after every event the server sent before the answer, so the queues then hold
// exactly the events the request caused.

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;

public class ApiDriver {
    static final ObjectMapper M = new ObjectMapper();
    static String hostPort;

    static final class Client implements Watcher {
        final String name;
        ZooKeeper zk;
        final List<WatchedEvent> events = new ArrayList<>();
        final CountDownLatch connected = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);

        Client(String name) {
            this.name = name;
        }

        public void process(WatchedEvent e) {
            if (e.getType() == Event.EventType.None) {
                if (e.getState() == Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
                if (e.getState() == Event.KeeperState.Closed) {
                    closed.countDown();
                }
                return;
            }
            synchronized (events) {
                events.add(e);
            }
        }

        /** One round trip whose callback runs after every event already received. */
        void flush() throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            zk.exists("/", false, (rc, path, ctx, stat) -> done.countDown(), null);
            if (!done.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("flush timed out for " + name);
            }
        }
    }

    static final Map<String, Client> clients = new TreeMap<>();

    public static void main(String[] args) throws Exception {
        hostPort = args[0];
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode req = M.readTree(line);
            ObjectNode out;
            try {
                out = handle(req);
            } catch (Exception e) {
                out = M.createObjectNode();
                out.put("op", req.path("op").asText());
                out.put("driver_error", e.toString());
            }
            System.out.println(M.writeValueAsString(out));
            System.out.flush();
        }
    }

    static ObjectNode handle(JsonNode req) throws Exception {
        String op = req.path("op").asText();
        if (op.equals("__end")) {
            for (Client c : clients.values()) {
                closeQuickly(c.zk);
            }
            clients.clear();
            cleanup(req.path("base").asText());
            ObjectNode o = M.createObjectNode();
            o.put("op", "__end");
            return o;
        }
        String name = req.path("client").asText();
        ObjectNode out = M.createObjectNode();
        out.put("client", name);
        out.put("op", op);
        KeeperException.Code code = KeeperException.Code.OK;
        ObjectNode body = M.createObjectNode();
        Client c = clients.get(name);
        try {
            if (op.equals("connect")) {
                c = new Client(name);
                // `connect_string` (ensemble runs) picks the servers; default: the one server.
                String to = req.path("connect_string").asText(hostPort);
                c.zk = new ZooKeeper(to, req.path("timeout_ms").asInt(30000), c);
                if (!c.connected.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("connect timed out");
                }
                clients.put(name, c);
                body.put("session_id", c.zk.getSessionId());
                body.put("timeout_ms", c.zk.getSessionTimeout());
            } else if (c == null) {
                throw new IllegalStateException("client " + name + " is not connected");
            } else {
                run(c, op, req, body);
            }
        } catch (KeeperException e) {
            code = e.code();
            if (op.equals("multi") && e.getResults() != null) {
                body.set("results", results(e.getResults()));
            }
        }
        out.put("ok", code == KeeperException.Code.OK);
        out.put("rc", name(code));
        out.put("code", code.intValue());
        if (req.has("path")) {
            out.put("path", req.get("path").asText());
        }
        out.setAll(body);
        ObjectNode events = M.createObjectNode();
        for (Client x : clients.values()) {
            x.flush();
        }
        Map<String, Client> all = new TreeMap<>(clients);
        if (op.equals("close") && c != null) {
            all.put(c.name, c);
        }
        for (Client x : all.values()) {
            List<WatchedEvent> got;
            synchronized (x.events) {
                got = new ArrayList<>(x.events);
                x.events.clear();
            }
            if (!got.isEmpty()) {
                ArrayNode l = events.putArray(x.name);
                for (WatchedEvent e : got) {
                    ObjectNode ev = l.addObject();
                    ev.put("type", e.getType().name());
                    ev.put("path", e.getPath());
                }
            }
        }
        out.set("events", events);
        return out;
    }

    /** The Java enum name (NONODE); the normaliser compares the numeric code. */
    static String name(KeeperException.Code code) {
        return code.name();
    }

    static void run(Client c, String op, JsonNode r, ObjectNode body) throws Exception {
        ZooKeeper zk = c.zk;
        String path = r.path("path").asText();
        int version = r.path("version").asInt(-1);
        boolean watch = r.path("watch").asBoolean(false);
        switch (op) {
            case "create": {
                Stat st = new Stat();
                CreateMode mode = mode(r);
                String made;
                if (r.has("ttl")) {
                    made = zk.create(path, data(r), acl(r), mode, st, r.get("ttl").asLong());
                } else {
                    made = zk.create(path, data(r), acl(r), mode, st);
                }
                body.put("path", made);
                body.set("stat", stat(st));
                break;
            }
            case "delete":
                zk.delete(path, version);
                break;
            case "exists": {
                Stat st = zk.exists(path, watch);
                if (st == null) {
                    throw KeeperException.create(KeeperException.Code.NONODE, path);
                }
                body.set("stat", stat(st));
                break;
            }
            case "getData": {
                Stat st = new Stat();
                byte[] d = zk.getData(path, watch, st);
                if (d == null) {
                    body.putNull("data");
                } else {
                    body.put("data", new String(d, StandardCharsets.UTF_8));
                }
                body.set("stat", stat(st));
                break;
            }
            case "getChildren": {
                Stat st = new Stat();
                List<String> kids = zk.getChildren(path, watch, st);
                ArrayNode l = body.putArray("children");
                kids.forEach(l::add);
                body.set("stat", stat(st));
                break;
            }
            case "setData":
                body.set("stat", stat(zk.setData(path, data(r), version)));
                break;
            case "getACL": {
                Stat st = new Stat();
                List<ACL> acl = zk.getACL(path, st);
                ArrayNode l = body.putArray("acl");
                for (ACL a : acl) {
                    ObjectNode o = l.addObject();
                    o.put("perms", a.getPerms());
                    o.put("scheme", a.getId().getScheme());
                    o.put("id", a.getId().getId());
                }
                body.set("stat", stat(st));
                break;
            }
            case "setACL":
                body.set("stat", stat(zk.setACL(path, acl(r), version)));
                break;
            case "addAuth":
                zk.addAuthInfo(r.path("scheme").asText(), r.path("auth").asText().getBytes(StandardCharsets.UTF_8));
                break;
            case "sync": {
                CountDownLatch done = new CountDownLatch(1);
                int[] rc = {0};
                zk.sync(path, (code, p, ctx) -> {
                    rc[0] = code;
                    done.countDown();
                }, null);
                done.await(20, TimeUnit.SECONDS);
                if (rc[0] != 0) {
                    throw KeeperException.create(KeeperException.Code.get(rc[0]), path);
                }
                break;
            }
            case "addWatch":
                zk.addWatch(path, AddWatchMode.valueOf(r.path("mode").asText("PERSISTENT")));
                break;
            case "getEphemerals": {
                ArrayNode l = body.putArray("paths");
                zk.getEphemerals(r.path("path").asText("/")).forEach(l::add);
                break;
            }
            case "getAllChildrenNumber":
                body.put("count", zk.getAllChildrenNumber(path));
                break;
            case "whoAmI": {
                ArrayNode l = body.putArray("ids");
                for (ClientInfo i : zk.whoAmI()) {
                    ObjectNode o = l.addObject();
                    o.put("scheme", i.getAuthScheme());
                    o.put("id", i.getUser());
                }
                break;
            }
            case "multi": {
                List<Op> ops = new ArrayList<>();
                for (JsonNode o : r.path("ops")) {
                    ops.add(op(o));
                }
                body.set("results", results(zk.multi(ops)));
                break;
            }
            case "close":
                // Events the closeSession sends this client (its own ephemerals' watches)
                // come before the reply; the Closed state event is queued after them.
                c.flush();
                closeQuickly(zk);
                c.closed.await(20, TimeUnit.SECONDS);
                clients.remove(c.name);
                break;
            default:
                throw new IllegalArgumentException("unknown op " + op);
        }
    }

    static Op op(JsonNode o) {
        String path = o.path("path").asText();
        int version = o.path("version").asInt(-1);
        switch (o.path("op").asText()) {
            case "create":
                if (o.has("ttl")) {
                    return Op.create(path, data(o), acl(o), mode(o), o.get("ttl").asLong());
                }
                return Op.create(path, data(o), acl(o), mode(o));
            case "delete":
                return Op.delete(path, version);
            case "setData":
                return Op.setData(path, data(o), version);
            case "check":
                return Op.check(path, version);
            default:
                throw new IllegalArgumentException("multi op " + o);
        }
    }

    static ArrayNode results(List<OpResult> rs) {
        ArrayNode l = M.createArrayNode();
        for (OpResult r : rs) {
            ObjectNode o = l.addObject();
            int code = r instanceof OpResult.ErrorResult ? ((OpResult.ErrorResult) r).getErr() : 0;
            KeeperException.Code k = KeeperException.Code.get(code);
            o.put("ok", !(r instanceof OpResult.ErrorResult));
            o.put("rc", name(k));
            o.put("code", code);
            if (r instanceof OpResult.CreateResult) {
                o.put("path", ((OpResult.CreateResult) r).getPath());
                Stat st = ((OpResult.CreateResult) r).getStat();
                if (st != null) {
                    o.set("stat", stat(st));
                }
            } else if (r instanceof OpResult.SetDataResult) {
                o.set("stat", stat(((OpResult.SetDataResult) r).getStat()));
            }
        }
        return l;
    }

    static CreateMode mode(JsonNode r) {
        boolean e = r.path("ephemeral").asBoolean(false);
        boolean s = r.path("sequential").asBoolean(false);
        boolean ttl = r.has("ttl");
        if (r.path("container").asBoolean(false)) {
            return CreateMode.CONTAINER;
        }
        if (ttl) {
            return s ? CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL : CreateMode.PERSISTENT_WITH_TTL;
        }
        if (e) {
            return s ? CreateMode.EPHEMERAL_SEQUENTIAL : CreateMode.EPHEMERAL;
        }
        return s ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT;
    }

    static byte[] data(JsonNode r) {
        JsonNode d = r.get("data");
        return d == null || d.isNull() ? null : d.asText().getBytes(StandardCharsets.UTF_8);
    }

    static List<ACL> acl(JsonNode r) {
        List<ACL> l = new ArrayList<>();
        if (!r.has("acl")) {
            l.add(new ACL(31, new Id("world", "anyone")));
            return l;
        }
        for (JsonNode a : r.get("acl")) {
            l.add(new ACL(a.path("perms").asInt(), new Id(a.path("scheme").asText(), a.path("id").asText())));
        }
        return l;
    }

    static ObjectNode stat(Stat s) {
        ObjectNode o = M.createObjectNode();
        o.put("czxid", s.getCzxid());
        o.put("mzxid", s.getMzxid());
        o.put("pzxid", s.getPzxid());
        o.put("ctime", s.getCtime());
        o.put("mtime", s.getMtime());
        o.put("version", s.getVersion());
        o.put("cversion", s.getCversion());
        o.put("aversion", s.getAversion());
        o.put("ephemeralOwner", s.getEphemeralOwner());
        o.put("dataLength", s.getDataLength());
        o.put("numChildren", s.getNumChildren());
        return o;
    }

    /** Deletes the sequence's subtree as super, on a connection of its own. */
    static ZooKeeper superZk;

    static void cleanup(String base) throws Exception {
        if (base.isEmpty()) {
            return;
        }
        if (superZk == null) {
            Client s = new Client("__super");
            superZk = new ZooKeeper(hostPort, 30000, s);
            s.connected.await(20, TimeUnit.SECONDS);
            superZk.addAuthInfo("digest", "super:admin".getBytes(StandardCharsets.UTF_8));
        }
        try {
            ZKUtil.deleteRecursive(superZk, base);
        } catch (KeeperException.NoNodeException e) {
            // nothing was created
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
