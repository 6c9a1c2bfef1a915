"""Seeded generators of the conformance suite (docs/conformance.md): `api(seed)` gives a
sequence of `zabscope api` requests, `zkcli(seed)` a zkCli script. Same seed, same sequence
(Python's `random.Random` is specified to be reproducible for a given seed and version 2
seeding).

Each sequence lives under its own base node `/tSEED` (the real server is shared by every
seed of a run), starts with `c1` connecting and creating the base, uses 2-3 clients and ends
by closing every client. Paths are always valid (the Java client checks them before
sending; ZabScope's raw api would send them), ACLs never empty (same reason), and nothing
depends on wall-clock time: TTLs are long and the real server's reaper is switched off.
"""

import random

# digest ids of the users the sequences authenticate as (DigestAuthenticationProvider).
USERS = {
    "alice:secret": "alice:aYXlLOpEooaV1cRAvUL1fp9Qt7E=",
    "bob:pw": "bob:ikIaKsbtGweaHnb/jKn7OHqbunM=",
}
NAMES = ["a", "b", "c", "d", "m1", "m2", "s1", "x"]


def base_of(seed):
    return f"/t{seed}"


class PathPool:
    """Paths a sequence talks about: a few fixed names on two levels under the base, plus
    guesses at sequential names."""

    def __init__(self, rng, base):
        self.rng = rng
        self.base = base
        self.known = []  # paths a create was sent for (it may have failed)

    def note(self, path):
        if path not in self.known:
            self.known.append(path)

    def any(self):
        if self.known and self.rng.random() < 0.55:
            return self.rng.choice(self.known)
        return self.fresh()

    def fresh(self):
        r = self.rng.random()
        b = self.base
        n = self.rng.choice
        if r < 0.35:
            return f"{b}/{n(NAMES)}"
        if r < 0.65:
            return f"{b}/{n(NAMES[:4])}/{n(NAMES)}"
        if r < 0.75:
            return f"{b}/{n(NAMES[:2])}/{n(NAMES[:2])}/{n(NAMES[:3])}"
        if r < 0.88:
            return f"{b}/{n(['', 'a/', 'q'])}{self.rng.randrange(4):010d}"
        return b

    def parent(self):
        r = self.rng.random()
        if r < 0.4:
            return self.base
        if r < 0.7 and self.known:
            return self.rng.choice(self.known)
        return f"{self.base}/{self.rng.choice(NAMES[:4])}"


def random_acl(rng):
    r = rng.random()
    if r < 0.55:
        return None  # OPEN_ACL_UNSAFE
    if r < 0.75:
        return [{"perms": rng.choice([1, 3, 5, 15, 17, 29, 30, 31, 0]), "scheme": "world", "id": "anyone"}]
    if r < 0.85:
        user = rng.choice(list(USERS.values()))
        return [{"perms": 31, "scheme": "digest", "id": user},
                {"perms": rng.choice([1, 0, 17]), "scheme": "world", "id": "anyone"}]
    if r < 0.93:
        return [{"perms": 31, "scheme": "auth", "id": ""}]
    return [{"perms": rng.choice([31, 1]), "scheme": "ip", "id": "127.0.0.1"}]


def data(rng):
    r = rng.random()
    if r < 0.2:
        return None
    return rng.choice(["", "v", "hello", "x" * rng.randrange(1, 40), f"d{rng.randrange(100)}"])


def version(rng):
    return rng.choice([-1, -1, 0, 0, 1, 2, 5])


def create_op(rng, pool, client=None):
    path = pool.any() if rng.random() < 0.7 else f"{pool.parent()}/{rng.choice(NAMES)}"
    if path == pool.base:
        path += "/n"  # never a (sequential) sibling of the base, under the shared root
    op = {"op": "create", "path": path}
    pool.note(path)
    if client:
        op = {"client": client, **op}
    d = data(rng)
    if d is not None:
        op["data"] = d
    mode = rng.choices(
        ["p", "e", "s", "es", "c", "t", "ts"], weights=[40, 15, 15, 10, 8, 6, 6]
    )[0]
    if "e" in mode:
        op["ephemeral"] = True
    if "s" in mode:
        op["sequential"] = True
    if mode == "c":
        op["container"] = True
    if "t" in mode:
        op["ttl"] = rng.choice([100000, 3600000])
    acl = random_acl(rng)
    if acl is not None:
        op["acl"] = acl
    return op


def multi_sub(rng, pool):
    kind = rng.choice(["create", "create", "delete", "setData", "check"])
    if kind == "create":
        op = create_op(rng, pool)
        op.pop("ttl", None)  # Op.create with a TTL needs the TTL op code; keep multi simple
        return op
    op = {"op": kind, "path": pool.any(), "version": version(rng)}
    if kind == "setData":
        op["data"] = data(rng) or "m"
    return op


def api(seed):
    """A sequence of 30-70 requests by 2-3 clients."""
    rng = random.Random(seed)
    base = base_of(seed)
    pool = PathPool(rng, base)
    n_clients = rng.choice([2, 3, 3])
    clients = [f"c{i + 1}" for i in range(n_clients)]
    live = {"c1"}
    ops = [{"client": "c1", "op": "connect"}, {"client": "c1", "op": "create", "path": base}]
    for _ in range(rng.randrange(30, 71)):
        c = rng.choice(clients)
        if c not in live:
            ops.append({"client": c, "op": "connect"})
            live.add(c)
        ops.append(one_op(rng, pool, c, live))
    for c in sorted(live):
        ops.append({"client": c, "op": "close"})
    return ops


def one_op(rng, pool, c, live):
    kind = rng.choices(
        ["create", "delete", "setData", "exists", "getData", "getChildren", "getACL", "setACL",
         "addAuth", "multi", "sync", "addWatch", "getEphemerals", "getAllChildrenNumber",
         "whoAmI", "close"],
        weights=[26, 10, 8, 10, 10, 10, 3, 4, 3, 6, 2, 5, 2, 2, 2, 2],
    )[0]
    p = pool.any()
    if kind == "create":
        return create_op(rng, pool, c)
    if kind in ("delete", "setData"):
        op = {"client": c, "op": kind, "path": p, "version": version(rng)}
        if kind == "setData":
            d = data(rng)
            if d is not None:
                op["data"] = d
        return op
    if kind in ("exists", "getData", "getChildren"):
        return {"client": c, "op": kind, "path": p, "watch": rng.random() < 0.75}
    if kind == "getACL":
        return {"client": c, "op": kind, "path": p}
    if kind == "setACL":
        acl = random_acl(rng) or [{"perms": 31, "scheme": "world", "id": "anyone"}]
        return {"client": c, "op": kind, "path": p, "acl": acl, "version": rng.choice([-1, -1, 0, 1])}
    if kind == "addAuth":
        auth = rng.choices(list(USERS) + ["super:admin"], weights=[45, 45, 10])[0]
        return {"client": c, "op": kind, "scheme": "digest", "auth": auth}
    if kind == "multi":
        return {"client": c, "op": "multi", "ops": [multi_sub(rng, pool) for _ in range(rng.randrange(1, 5))]}
    if kind == "sync":
        return {"client": c, "op": kind, "path": p}
    if kind == "addWatch":
        return {"client": c, "op": kind, "path": p,
                "mode": rng.choice(["PERSISTENT", "PERSISTENT_RECURSIVE"])}
    if kind == "getEphemerals":
        return {"client": c, "op": kind, "path": rng.choice(["/", pool.base, pool.base + "/a"])}
    if kind == "getAllChildrenNumber":
        return {"client": c, "op": kind, "path": rng.choice([pool.base, pool.parent(), p])}
    if kind == "whoAmI":
        return {"client": c, "op": kind}
    # close: the client reconnects (a new session) on its next turn.
    live.discard(c)
    return {"client": c, "op": "close"}


# ---- zkCli scripts ----

def acl_text(rng):
    r = rng.random()
    if r < 0.5:
        return "world:anyone:" + rng.choice(["cdrwa", "r", "cdwa", "rw", "ra", "cdra"])
    if r < 0.7:
        return f"digest:{rng.choice(list(USERS.values()))}:cdrwa"
    if r < 0.85:
        return "auth::cdrwa"
    return "ip:127.0.0.1:cdrwa"


def zkcli(seed):
    """A zkCli script of 25-60 commands by 2-3 named clients (`client NAME` switches; each
    real zkCli session is its own ZooKeeperMain)."""
    rng = random.Random(seed ^ 0x5EED)
    base = base_of(seed)
    pool = PathPool(rng, base)
    clients = [f"c{i + 1}" for i in range(rng.choice([2, 3]))]
    lines = [f"create {base}", f"stat {base}"]
    cur = "c1"
    for _ in range(rng.randrange(25, 61)):
        if rng.random() < 0.15:
            cur = rng.choice(clients)
            lines.append(f"client {cur}")
        lines.append(zk_line(rng, pool))
    return lines


def zk_line(rng, pool):
    p = pool.any()
    v = rng.choice(["", "", "-v -1 ", "-v 0 ", "-v 1 ", "-v 3 "])
    kind = rng.choices(
        ["create", "ls", "get", "set", "delete", "deleteall", "stat", "getAcl", "setAcl",
         "addauth", "sync", "addWatch", "getEphemerals", "getAllChildrenNumber", "whoami"],
        weights=[24, 12, 10, 8, 8, 2, 8, 3, 4, 3, 2, 5, 2, 2, 2],
    )[0]
    if kind == "create":
        flags = rng.choices(["", "-e ", "-s ", "-e -s ", "-c ", "-t 100000 "], weights=[40, 15, 15, 10, 8, 6])[0]
        target = p if rng.random() < 0.7 else pool.parent() + "/" + rng.choice(NAMES)
        if target == pool.base:
            target += "/n"  # never a (sequential) sibling of the base, under the shared root
        pool.note(target)
        words = [f"create {flags}{target}"]
        if rng.random() < 0.7:
            words.append(rng.choice(["v", "hello", "d1", "'two words'"]))
            if rng.random() < 0.25:
                words.append(acl_text(rng))
        return " ".join(words)
    if kind == "ls":
        return f"ls {rng.choice(['', '-s ', '-w ', '-w ', '-R '])}{rng.choice([p, pool.base])}"
    if kind == "get":
        return f"get {rng.choice(['', '-s ', '-w ', '-w '])}{p}"
    if kind == "set":
        return f"set {rng.choice(['', '-s '])}{v}{p} {rng.choice(['v2', 'x', 'data'])}"
    if kind == "delete":
        return f"delete {v}{p}"
    if kind == "deleteall":
        return f"deleteall {pool.parent() if rng.random() < 0.5 else p}"
    if kind == "stat":
        return f"stat {rng.choice(['', '-w ', '-w '])}{p}"
    if kind == "getAcl":
        return f"getAcl {rng.choice(['', '-s '])}{p}"
    if kind == "setAcl":
        return f"setAcl {rng.choice(['', '-R ', '-s '])}{v}{rng.choice([p, pool.parent()])} {acl_text(rng)}"
    if kind == "addauth":
        return f"addauth digest {rng.choice(list(USERS) + ['super:admin'])}"
    if kind == "sync":
        return f"sync {p}"
    if kind == "addWatch":
        return f"addWatch {rng.choice(['', '-m PERSISTENT ', '-m PERSISTENT_RECURSIVE '])}{p}"
    if kind == "getEphemerals":
        return f"getEphemerals {rng.choice(['', pool.base])}".rstrip()
    if kind == "getAllChildrenNumber":
        return f"getAllChildrenNumber {rng.choice([pool.base, p])}"
    return "whoami"
