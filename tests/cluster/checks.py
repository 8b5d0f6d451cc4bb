"""Checks for tests/cluster/run.sh: each prints "PASS name: figures" or "FAIL name: figures".

  checks.py signups N WAVE   N people sign up at once through the proxy; each gets exactly one email
  checks.py search           a listing edited on node A is found on nodes B and C within a second
"""
import concurrent.futures
import glob
import html
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

WORK = os.environ["WORK"]
PROXY = os.environ["PROXY"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """A browser without JavaScript: keeps its cookies (Secure ones too, since the test talks plain http on loopback)."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        req = urllib.request.Request(self.base + path, data=data)
        if self.cookies:
            req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            resp = self.opener.open(req, timeout=60)
        except urllib.error.HTTPError as e:
            resp = e
        for header in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        body = resp.read().decode("utf-8", "replace")
        return resp.status, resp.headers, body

    def form_token(self, path):
        status, _, body = self.request(path)
        m = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', body)
        if status != 200 or not m:
            raise RuntimeError(f"GET {path}: {status}, no form token")
        return m.group(1)


def psql(sql, port=None):
    port = port or os.environ["PRIMARY_PORT"]
    cmd = [os.environ["PG_BIN"] + "/psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "waymark", "-XAtq", "-F", "\t", "-c", sql]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--"] + cmd
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def sign_up(email):
    c = Client(PROXY)
    token = c.form_token("/account/create")
    status, headers, _ = c.request("/account/create", {"__RequestVerificationToken": token, "Email": email, "Password": "cluster test passphrase 9", "ReturnUrl": ""})
    return status, headers.get("X-Waymark-Node", "?")


def emails_to(prefix):
    """The delivered files addressed to this wave, by recipient: message ids."""
    found = {}
    for path in glob.glob(os.path.join(WORK, "outbox", "*.json")):
        try:
            with open(path, encoding="utf-8") as f:
                message = json.load(f)
        except (OSError, ValueError):
            continue
        if message.get("to", "").startswith(prefix):
            found.setdefault(message["to"], []).append(message["id"])
    return found


def signups(n, wave):
    n = int(n)
    prefix = f"cluster-{wave}-"
    emails = [f"{prefix}{i}@example.org" for i in range(n)]
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=n) as pool:
        answers = list(pool.map(sign_up, emails))
    took = time.monotonic() - started
    by_node = {}
    for _, node in answers:
        by_node[node] = by_node.get(node, 0) + 1
    redirected = sum(1 for status, _ in answers if status == 302)
    spread = ", ".join(f"{k}={v}" for k, v in sorted(by_node.items()))
    statuses = ", ".join(f"{s}: {sum(1 for a, _ in answers if a == s)}" for s in sorted({a for a, _ in answers}))
    print(("PASS" if redirected == n else "FAIL") + f" {wave}: {redirected} of {n} sign-ups answered \"check your email\" in {took:.1f} s (answered by node {spread}; status {statuses})")

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        found = emails_to(prefix)
        if len(found) >= n:
            break
        time.sleep(0.5)
    found = emails_to(prefix)
    time.sleep(2)  # anything sent twice would show up by now
    rows = psql(f"SELECT recipient, count(*), count(delivered_at), coalesce(sum(attempts), 0) FROM outbox_message WHERE recipient LIKE '{prefix}%' GROUP BY recipient")
    per_recipient = {r.split("\t")[0]: tuple(int(x) for x in r.split("\t")[1:]) for r in rows.splitlines() if r}
    sent_attempts = psql(f"""SELECT count(*) FROM outbox_attempt a JOIN outbox_message m ON m.id = a."MessageId" WHERE a."Succeeded" AND m.recipient LIKE '{prefix}%'""").strip()
    once = [e for e in emails if len(found.get(e, [])) == 1 and per_recipient.get(e) == (1, 1, 1)]
    ok = len(once) == n and int(sent_attempts) == n
    print(("PASS" if ok else "FAIL") + f" {wave} emails: {len(once)} of {n} addresses got exactly one email "
          f"({sum(len(v) for v in found.values())} files, {sum(v[0] for v in per_recipient.values())} outbox rows, {sent_attempts} successful sends)")


def match(base, query):
    with urllib.request.urlopen(base + "/api/v1/match?" + query, timeout=30) as resp:
        return json.load(resp)


def find_named(tree, service_id):
    """The name given for this service anywhere in a match answer, or None."""
    if isinstance(tree, dict):
        if str(tree.get("id")) == service_id and "name" in tree:
            return tree["name"]
        tree = list(tree.values())
    if isinstance(tree, list):
        for item in tree:
            found = find_named(item, service_id)
            if found is not None:
                return found
    return None


def cli(*args):
    subprocess.run(["dotnet", os.environ["CLI_DLL"], *args, "--database", os.environ["DB"]], check=True, capture_output=True, text=True, timeout=300)


def search():
    """An edit committed elsewhere (the CLI's ORUK import, which announces its change as a node's edit does) is searched on A, B and C."""
    nodes = {"A": os.environ["NODE_A"], "B": os.environ["NODE_B"], "C": os.environ["NODE_C"]}
    query = "near=Leeds&limit=5"
    first = next((r for r in match(nodes["A"], query).get("results", []) if r.get("id")), None)
    if first is None:
        print("FAIL search: no result near Leeds to edit")
        return
    service_id = str(first["id"])
    feed = os.path.join(WORK, "feed.json")
    cli("export", "oruk", feed)
    with open(feed, encoding="utf-8") as f:
        services = [s for s in json.load(f) if str(s.get("id")) == service_id]
    new_name = f"{services[0]['name']} (renamed {int(time.time())})"
    services[0]["name"] = new_name
    with open(feed, "w", encoding="utf-8") as f:
        json.dump(services, f)
    cli("import", "oruk", feed)
    committed = time.monotonic()

    def watch(base):
        # Each node watched by its own thread, so one slow answer does not delay noticing another node.
        while time.monotonic() - committed < 30:
            if find_named(match(base, query), service_id) == new_name:
                return time.monotonic() - committed
            time.sleep(0.05)
        return None

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(nodes)) as pool:
        waits = dict(zip(nodes, pool.map(watch, nodes.values())))
    seen = {label: t for label, t in waits.items() if t is not None}
    figures = ", ".join(f"{label} {seen[label] * 1000:.0f} ms" if label in seen else f"{label} never" for label in nodes)
    ok = len(seen) == len(nodes) and max(seen.values()) <= 1.0
    print(("PASS" if ok else "FAIL") + f" search in step: a renamed service found on every node within 1 s of the import's commit ({figures})")


def catchup():
    """A change the nodes never heard of (written straight to the database, no NOTIFY) shows once their listening
    connections are cut and they reconnect: a node coming back reloads rather than waiting for the next notification."""
    nodes = {"A": os.environ["NODE_A"], "B": os.environ["NODE_B"], "C": os.environ["NODE_C"]}
    query = "near=Leeds&limit=5"
    first = next((r for r in match(nodes["A"], query).get("results", []) if r.get("id")), None)
    if first is None:
        print("FAIL catch-up: no result near Leeds to edit")
        return
    service_id = str(first["id"])
    new_name = f"Unheard rename {int(time.time())}"
    psql(f"""UPDATE service SET "Name" = '{new_name}' WHERE "Id" = '{service_id}'""")
    time.sleep(2)
    heard_early = [label for label, base in nodes.items() if find_named(match(base, query), service_id) == new_name]
    cut = psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE 'LISTEN %'").strip()
    cut_at = time.monotonic()
    seen = {}
    while len(seen) < len(nodes) and time.monotonic() - cut_at < 60:
        for label, base in nodes.items():
            if label not in seen and find_named(match(base, query), service_id) == new_name:
                seen[label] = time.monotonic() - cut_at
        time.sleep(0.2)
    figures = ", ".join(f"{label} {seen[label]:.1f} s" if label in seen else f"{label} never" for label in nodes)
    ok = not heard_early and len(seen) == len(nodes)
    print(("PASS" if ok else "FAIL") + f" catch-up: a change no node was told of (seen early by {heard_early or 'none'}); "
          f"{cut} listening connections cut; found after reconnecting on {figures}")


if __name__ == "__main__":
    {"signups": signups, "search": search, "catchup": catchup}[sys.argv[1]](*sys.argv[2:])
