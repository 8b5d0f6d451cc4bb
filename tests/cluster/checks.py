"""Checks for tests/cluster/run.sh: each prints "PASS name: figures" or "FAIL name: figures".

  checks.py signups N WAVE   N people sign up at once through the proxy; each gets exactly one email
  checks.py killed N PID     N people sign up at once on node B, which is then killed (SIGKILL, process PID) before
                             it has done them all; each still gets exactly one email, sent by another node
  checks.py search           a listing edited on node A is found on nodes B and C within a second
  checks.py catchup          a change no node heard of shows once their listening connections are cut
  checks.py failover N M     the primary stops mid-run and the standby is promoted while N people sign up and M
                             referrals are made, accepted and offered: nothing lost, nothing twice
  checks.py failover N M crash   the same, but the primary crashes (immediate stop): acknowledged writes the standby
                             never got are counted as lost; what it has must be whole, nothing twice
  checks.py referrals N      N referrals made and moved at once through all nodes, two staff racing on each move
  checks.py replication MODE every node's /health says its database's replication is MODE (asynchronous or
                             synchronous), and every node warned at start that commits did not wait for the standby
"""
import base64
import hashlib
import hmac
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
        return self.form(path)[0]

    def form(self, path):
        """The form as shown: its antiforgery token and its idempotency key (None on a form without one)."""
        status, _, body = self.request(path)
        m = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', body)
        if status != 200 or not m:
            raise RuntimeError(f"GET {path}: {status}, no form token")
        key = re.search(r'name="IdempotencyKey" value="([^"]*)"', body)
        return m.group(1), (key.group(1) if key and key.group(1) else None)


def psql(sql, port=None):
    port = port or os.environ["PRIMARY_PORT"]
    cmd = [os.environ["PG_BIN"] + "/psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "waymark", "-XAtq", "-F", "\t", "-c", sql]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--"] + cmd
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def sign_up(email, base=PROXY):
    c = Client(base)
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

    emailed_once(wave, prefix, emails)


OUTBOX_LEASE_SECONDS = 300  # OutboxRelay.Lease


def delivered_rows(prefix):
    return int(psql(f"SELECT count(*) FROM outbox_message WHERE recipient LIKE '{prefix}%' AND delivered_at IS NOT NULL").strip())


def emailed_once(name, prefix, emails, wait=90):
    """Waits for an email to each address, then prints whether each got exactly one (files, outbox rows, sends)."""
    n = len(emails)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        # Every file written is not enough: a relay killed between writing a file and recording it leaves the row
        # claimed until its lease ends, when another relay sends it again (same id, same file) and records it.
        found = emails_to(prefix)
        if len(found) >= n and delivered_rows(prefix) >= n:
            break
        time.sleep(0.5)
    found = emails_to(prefix)
    time.sleep(2)  # anything sent twice would show up by now
    rows = psql(f"SELECT recipient, count(*), count(delivered_at), coalesce(sum(attempts), 0) FROM outbox_message WHERE recipient LIKE '{prefix}%' GROUP BY recipient")
    per_recipient = {r.split("\t")[0]: tuple(int(x) for x in r.split("\t")[1:]) for r in rows.splitlines() if r}
    sent_attempts = psql(f"""SELECT count(*) FROM outbox_attempt a JOIN outbox_message m ON m.id = a."MessageId" WHERE a."Succeeded" AND m.recipient LIKE '{prefix}%'""").strip()
    once = [e for e in emails if len(found.get(e, [])) == 1 and per_recipient.get(e) == (1, 1, 1)]
    ok = len(once) == n and int(sent_attempts) == n
    print(("PASS" if ok else "FAIL") + f" {name} emails: {len(once)} of {n} addresses got exactly one email "
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
    return subprocess.run(["dotnet", os.environ["CLI_DLL"], *args, "--database", os.environ["DB"]], check=True, capture_output=True, text=True, timeout=300).stdout


def search():
    """An edit committed elsewhere (the CLI's ORUK import, which announces its change as a node's edit does) is searched on A, B and C."""
    nodes = {"A": os.environ["NODE_A"], "B": os.environ["NODE_B"], "C": os.environ["NODE_C"]}
    query = "near=Leeds&limit=5"
    first = next((r for r in match(nodes["A"], query).get("results", []) if r.get("id")), None)
    if first is None:
        print("FAIL search: no result near Leeds to edit")
        return
    service_id = str(first["id"])
    # Every node answers this search once before the edit, so what is timed is the change reaching each node, not a
    # node's first search (which, on a node that has only served sign-ups so far, includes compiling the matcher).
    before = {label: find_named(match(base, query), service_id) for label, base in nodes.items()}
    if len(set(before.values())) != 1 or None in before.values():
        print(f"FAIL search in step: the nodes disagree before the edit ({before})")
        return
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


def as_postgres(*cmd):
    cmd = list(cmd)
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--"] + cmd
    return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120)


def get(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError) as e:
        return None, str(e)


def failover(n="32", m="32", mode="fast"):
    """People keep signing up, and a navigator keeps making referrals that a member of staff accepts and then offers a
    place on, through the proxy while the primary is stopped and the standby promoted. Whoever gets an error tries
    again as people do: the same form sent again. Meanwhile every node still serves search and the crisis page, and
    says on /health that its database is unreachable; after the promotion the same processes (no restart) take writes
    again, and every outbox message of the run is sent exactly once.

    mode "crash" (the `crash` check): the primary is not stopped cleanly but crashes (`pg_ctl stop -m immediate`: no
    shutdown checkpoint, no waiting for the standby to receive the last WAL). With asynchronous replication a write the
    primary acknowledged may never reach the standby; the check counts those, and proves that what the standby has is
    whole and told once, and that nothing is made twice."""
    crash = mode == "crash"
    primary_dir = os.path.join(WORK, os.environ.get("PRIMARY_DIR", "primary"))
    standby_dir = os.path.join(WORK, os.environ.get("STANDBY_DIR", "standby"))
    n, m = int(n), int(m)
    nodes = {"A": os.environ["NODE_A"], "B": os.environ["NODE_B"], "C": os.environ["NODE_C"]}
    prefix = f"cluster-{'crash' if crash else 'failover'}-"
    emails = [f"{prefix}{i}@example.org" for i in range(n)]
    answered = {}

    # The referral stream's navigator and member of staff, made while there is a primary (each is a CLI run, so at once).
    run = int(time.time())
    service_id, organisation_id = referral_service()
    navigator_email = f"cluster-across-navigator-{run}@example.org"
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        navigator = pool.submit(staff, navigator_email, "navigator")
        member = pool.submit(staff, f"cluster-across-staff-{run}@example.org", "provider-staff", organisation_id)
        navigator, member = navigator.result(), member.result()
    referred = f"cluster-{'crashed' if crash else 'across'}-{run}-"
    made = {}  # person -> (the referral id the navigator was shown, how many sends of the form it took)
    moved = {}  # (person, move) -> (what the last answer said: "moved", "already" or "refused", how many presses)
    failed = {"make": 0, "move": 0}  # requests that got an error or no answer
    lost_answers = []  # (person, move, the answer the staff member never saw)
    lost_made = {}  # person -> the referral id in the answer to the navigator's first send, which they never saw

    def persistent_sign_up(i):
        time.sleep(i * 0.25)  # a steady stream across the failover, not one burst before it
        started = time.monotonic()
        tries = 0
        while time.monotonic() - started < 240:
            tries += 1
            try:
                status, _ = sign_up(emails[i])
            except Exception:  # noqa: BLE001 - a refused or dropped request is what a failover looks like
                status = None
            if status == 302:
                answered[emails[i]] = (tries, time.monotonic())
                return
            time.sleep(1)

    def persistent_referral(i):
        time.sleep(0.1 + i * 0.25)
        started = time.monotonic()
        form, tries = None, 0
        while i not in made and time.monotonic() - started < 240:
            try:
                form = form or navigator.form(f"/navigator/refer/{service_id}")
                tries += 1
                _, _, referral = refer(navigator, service_id, f"{referred}{i}@example.org", f"Person {i} across the failover", form)
            except Exception:  # noqa: BLE001
                referral = None
            if referral and i % 4 == 1 and i not in lost_made:
                # Every fourth navigator's answer is lost (a dropped connection): they send the same form again, which
                # must answer with the referral the first send made, not make a second.
                lost_made[i] = referral
                continue
            if referral:
                made[i] = (referral, tries)
            else:
                failed["make"] += 1
                time.sleep(1)
        for to in ("Accepted", "Offered"):
            time.sleep(1)  # staff read the referral before they press, so the moves too are spread across the failover
            form, tries = None, 0
            while i in made and (i, to) not in moved and time.monotonic() - started < 240:
                try:
                    if form is None:
                        opened, form = move_form(member, made[i][0])
                        if opened == 404:
                            moved[(i, to)] = ("gone", tries)  # the crash lost the referral itself
                            break
                    if form is None:
                        raise RuntimeError("no form")
                    tries += 1
                    status, body = press(member, made[i][0], form, to)
                    if i % 4 == 3 and tries == 1:
                        # Every fourth person's first answer never reaches their screen, so they press again, unaware it
                        # was done: that press must say "already", not move it twice.
                        lost_answers.append((i, to, status))
                        continue
                except Exception:  # noqa: BLE001
                    status, body = None, ""
                if status == 302:
                    moved[(i, to)] = ("moved", tries)
                elif status == 400:
                    # Only a press sent again may hear "already": then the first press had in fact been done.
                    moved[(i, to)] = ("already" if tries > 1 and already(body, to) else "refused", tries)
                else:
                    failed["move"] += 1
                    time.sleep(1)

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool, concurrent.futures.ThreadPoolExecutor(max_workers=16) as referring:
        stream = [pool.submit(persistent_sign_up, i) for i in range(n)] + [referring.submit(persistent_referral, i) for i in range(m)]
        # Stopped once a quarter of each stream is done, so the rest (moves of referrals already made too) cross it.
        begun = time.monotonic()
        while (len(answered) < n // 4 or len(made) < m // 4) and time.monotonic() - begun < 30:
            time.sleep(0.1)
        before = (len(answered), len(made), len(moved))
        stopped_at = time.monotonic()
        as_postgres(os.environ["PG_BIN"] + "/pg_ctl", "-D", primary_dir, "-m", "immediate" if crash else "fast", "-w", "stop")
        # While there is no primary: /health says so but still answers 200, search and the crisis page still work.
        outage = {}
        for label, base in nodes.items():
            status, body = get(base, "/health")
            try:
                health = json.loads(body)
                database, replication = health.get("database"), health.get("replication", "missing")
            except ValueError:
                database, replication = None, "missing"
            search_status, _ = get(base, "/api/v1/match?near=Leeds&limit=3")
            crisis_status, _ = get(base, "/need-help-now")
            outage[label] = (status, database, replication, search_status, crisis_status)
        as_postgres(os.environ["PG_BIN"] + "/pg_ctl", "-D", standby_dir, "-w", "promote")
        promoted_at = time.monotonic()
        for f in stream:
            f.result()
    served = all(v == (200, "unreachable", None, 200, 200) for v in outage.values())
    name = "crash" if crash else "failover"
    print(f"     (the primary was {'crashed' if crash else 'stopped'} {stopped_at - begun:.1f} s into the streams, with {before[0]} sign-ups, {before[1]} referrals and {before[2]} moves done)")
    print(("PASS" if served else "FAIL") + f" {name}, during: with no primary, every node answered /health 200 saying "
          f"the database is unreachable (replication null), search 200 and the crisis page 200 ({outage})")

    if crash:
        crashed(emails, prefix, answered, made, moved, lost_made, failed, navigator_email, referred, promoted_at, stopped_at, nodes)
        return
    retried = sum(1 for tries, _ in answered.values() if tries > 1)
    after = [t - promoted_at for _, t in answered.values() if t > promoted_at]
    port = os.environ["STANDBY_PORT"]
    new_primary = psql("SELECT NOT pg_is_in_recovery()", port).strip()
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and len(emails_to(prefix)) < len(answered):
        time.sleep(0.5)
    time.sleep(2)
    found = emails_to(prefix)
    rows = psql(f"SELECT recipient, count(*), count(delivered_at) FROM outbox_message WHERE recipient LIKE '{prefix}%' GROUP BY recipient", port)
    per_recipient = {r.split("\t")[0]: tuple(int(x) for x in r.split("\t")[1:]) for r in rows.splitlines() if r}
    sends = psql(f"""SELECT count(*) FROM outbox_attempt a JOIN outbox_message m ON m.id = a."MessageId" WHERE a."Succeeded" AND m.recipient LIKE '{prefix}%'""", port).strip()
    message_ids = [m for ids in found.values() for m in ids]
    messages = sum(v[0] for v in per_recipient.values())
    everyone = len(answered) == n and all(per_recipient.get(e, (0, 0))[0] >= 1 and per_recipient[e][0] == per_recipient[e][1] for e in emails)
    once = len(message_ids) == len(set(message_ids)) == messages == int(sends)
    still_running = all(get(base, "/health")[0] == 200 for base in nodes.values())
    ok = new_primary == "t" and everyone and once and still_running and bool(after)
    print(("PASS" if ok else "FAIL") + f" failover: {len(answered)} of {n} people signed up across it ({retried} had to try again; "
          f"{len(after)} answered after the promotion, the first {min(after, default=float('nan')):.1f} s after it, with no node restarted); "
          f"{messages} outbox messages, {len(message_ids)} emails ({len(set(message_ids))} distinct), {sends} successful sends; "
          f"primary down for {promoted_at - stopped_at:.1f} s")

    # Referrals: each one the navigator was shown exists once (the navigator made no others), each move staff were told
    # of, or told was "already" done when they pressed again, is in the history once; then every message once.
    made_ids = [referral for referral, _ in made.values()]
    navigator_made = psql(f"""SELECT count(*) FROM referral r JOIN account_user u ON u."Id" = r."ReferrerUserId" WHERE u."NormalizedEmail" = upper('{navigator_email}')""", port).strip()
    outcomes = [how for how, _ in moved.values()]
    sent_again = sum(1 for _, tries in made.values() if tries > 1)
    # A press whose lost answer was "moved" must now hear "already"; one whose lost answer was an error is done by the next.
    lost = {(i, to) for i, to, _ in lost_answers}
    lost_done = [(i, to) for i, to, status in lost_answers if status == 302]
    lost_already = sum(1 for k in lost_done if moved.get(k, ("",))[0] == "already")
    after_error = [how for k, (how, tries) in moved.items() if tries > (2 if k in lost else 1)]
    resent_same = sum(1 for i, first in lost_made.items() if i in made and made[i][0] == first)
    ok = (len(made) == m and int(navigator_made) == m and len(moved) == 2 * m and "refused" not in outcomes and lost_already == len(lost_done)
          and resent_same == len(lost_made) > 0)
    print(("PASS" if ok else "FAIL") + f" failover referrals: {len(made)} of {m} referrals made across it and {int(navigator_made)} in the database "
          f"({failed['make']} requests failed, {sent_again} referrals sent again after an error or a lost answer; {resent_same} of "
          f"{len(lost_made)} forms sent again with the same key after their answer was lost gave back the same referral); "
          f"{outcomes.count('moved') + outcomes.count('already')} of {2 * m} moves (accepted, then offered) done, {outcomes.count('refused')} refused "
          f"({failed['move']} requests failed, {len(after_error)} moves pressed again after an error, {after_error.count('already')} of them "
          f"told \"already\"; {lost_already} of {len(lost_done)} presses made again after a lost answer told \"already\", not moved twice)")
    referral_outcome("failover referral messages", made_ids, referred, port)


def crashed(emails, prefix, answered, made, moved, lost_made, failed, navigator_email, referred, promoted_at, stopped_at, nodes):
    """After a crash of the primary, measured on the promoted standby. Acknowledged (the person or member of staff was
    told it was done) but absent is "lost": the figures say how many, since asynchronous replication allows it. What
    the standby has must be whole and told once, and nothing may exist twice."""
    port = os.environ["STANDBY_PORT"]
    new_primary = psql("SELECT NOT pg_is_in_recovery()", port).strip()
    after = [t - promoted_at for _, t in answered.values() if t > promoted_at]
    ids = ",".join(f"'{r}'" for r, _ in made.values()) or "NULL"

    def undelivered():
        return int(psql(f"""SELECT count(*) FROM outbox_message WHERE delivered_at IS NULL AND gave_up_at IS NULL
            AND (recipient LIKE '{prefix}%' OR subject_id IN ({ids}))""", port).strip()) + \
            int(psql("SELECT count(*) FROM account_work WHERE kind = 'sign-up'", port).strip())

    # A relay can claim a message on the old primary and crash with it before recording the send; the standby then
    # has the claim and the message waits out the relay's lease before another relay sends it (same id, same file).
    # Late is allowed; lost or twice is not, so the wait covers the lease.
    deadline = time.monotonic() + OUTBOX_LEASE_SECONDS + 30
    while time.monotonic() < deadline and undelivered() > 0:
        time.sleep(1)
    time.sleep(2)  # anything sent twice would show up by now

    # Sign-ups: told "check your email"; kept if the new primary has their email.
    rows = psql(f"SELECT recipient, count(*), count(delivered_at) FROM outbox_message WHERE recipient LIKE '{prefix}%' GROUP BY recipient", port)
    per_recipient = {r.split("\t")[0]: tuple(int(x) for x in r.split("\t")[1:]) for r in rows.splitlines() if r}
    known = set(psql(f"SELECT id FROM outbox_message WHERE recipient LIKE '{prefix}%' OR recipient LIKE '{referred}%' OR subject_id IN ({ids})", port).split())
    found = emails_to(prefix)
    lost_signups = [e for e in answered if e not in per_recipient]
    twice = [e for e, v in found.items() if len(v) > 1]
    signup_rows_once = all(v == (1, 1) for v in per_recipient.values())
    about_lost = sum(1 for v in list(found.values()) + list(emails_to(referred).values()) for m in v if m not in known)

    # Referrals: each the navigator was shown, kept or lost; none the navigator was not shown; each move at most once.
    kept = set(psql(f"""SELECT "Id" FROM referral WHERE "Id" IN ({ids})""", port).split())
    navigator_has = int(psql(f"""SELECT count(*) FROM referral r JOIN account_user u ON u."Id" = r."ReferrerUserId" WHERE u."NormalizedEmail" = upper('{navigator_email}')""", port).strip())
    histories = {}
    for row in psql(f"""SELECT "ReferralId", "To" FROM referral_event WHERE "ReferralId" IN ({ids})""", port).splitlines():
        if row:
            referral, to = row.split("\t")
            histories.setdefault(referral, []).append(to)
    events = sum(len(v) for v in histories.values())
    moves_twice = sum(1 for v in histories.values() if len(v) != len(set(v)))
    told = [(made[i][0], to) for (i, to), (how, _) in moved.items() if how in ("moved", "already") and i in made]
    lost_moves = sum(1 for referral, to in told if referral in kept and to not in histories.get(referral, []))
    lost_referrals = [r for r, _ in made.values() if r not in kept]
    counts = psql(f"""SELECT count(*), count(delivered_at) FROM outbox_message WHERE subject_id IN ({ids})""", port).strip().split("\t")
    sends = int(psql(f"""SELECT count(*) FROM outbox_attempt a JOIN outbox_message m ON m.id = a."MessageId" WHERE a."Succeeded" AND m.subject_id IN ({ids})""", port).strip())
    messages_once = int(counts[0]) == int(counts[1]) == sends == 2 * events
    resent_same = sum(1 for i, first in lost_made.items() if i in made and made[i][0] == first)
    still_running = all(get(base, "/health")[0] == 200 for base in nodes.values())

    # With synchronous replication a commit is acknowledged only once the standby has it: then nothing may be lost.
    synchronous = os.environ.get("CLUSTER_SYNCHRONOUS") == "1"
    ok = (new_primary == "t" and bool(after) and still_running and signup_rows_once and navigator_has == len(kept)
          and moves_twice == 0 and messages_once and resent_same == len(lost_made)
          and not (synchronous and (lost_signups or lost_referrals or lost_moves)))
    print(("PASS" if ok else "FAIL") + f" crash: primary killed (immediate stop, {'synchronous' if synchronous else 'asynchronous'} standby) and the standby promoted "
          f"{promoted_at - stopped_at:.1f} s later; writes resumed without a node restart ({len(after)} sign-ups answered after it). "
          f"Acknowledged but lost: {len(lost_signups)} of {len(answered)} sign-ups, {len(lost_referrals)} of {len(made)} referrals, "
          f"{lost_moves} of {len(told)} moves; {about_lost} emails had gone out about writes the crash lost. "
          f"Nothing twice: {navigator_has} referrals in the database for {len(kept)} kept ({len(made) - len(lost_referrals)} shown and kept), "
          f"{moves_twice} moves twice, {resent_same} of {len(lost_made)} forms sent again after a lost answer gave back the same referral; "
          f"{counts[0]} referral messages, {counts[1]} delivered, {sends} successful sends for {events} events; "
          f"{len(twice)} people got their sign-up email twice; {failed['make']} referral and {failed['move']} move requests failed")


def totp(key, at=None):
    """RFC 6238 as an authenticator app computes it: HMAC-SHA1, 30-second steps, 6 digits."""
    secret = key.replace(" ", "").upper()
    secret = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(secret, int((at or time.time()) // 30).to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(int.from_bytes(digest[offset:offset + 4], 'big') & 0x7FFFFFFF) % 1_000_000:06d}"


def staff(email, role, organisation=None):
    """A member of staff as an administrator makes them: `waymark users add`, the set-password link, sign-in, then
    the authenticator every staff account must set up. Their one session then goes through whichever node the
    proxy picks, so it also proves the nodes share sign-in keys."""
    out = cli("users", "add", "--email", email, "--role", role, *(["--organisation", organisation] if organisation else []))
    link = re.search(r"/account/set-password\?token=[^\s]+", out)
    if not link:
        raise RuntimeError(f"users add printed no set-password link: {out}")
    c = Client(PROXY)
    path = html.unescape(link.group(0))
    token = c.form_token(path)
    token_field = urllib.parse.parse_qs(urllib.parse.urlparse(path).query)["token"][0]
    status, _, _ = c.request("/account/set-password", {"__RequestVerificationToken": token, "Token": token_field, "Password": "cluster staff passphrase 7"})
    if status != 302:
        raise RuntimeError(f"set password: {status}")
    token = c.form_token("/account/sign-in")
    status, _, _ = c.request("/account/sign-in", {"__RequestVerificationToken": token, "Input.Email": email, "Input.Password": "cluster staff passphrase 7"})
    if status != 302:
        raise RuntimeError(f"sign in: {status}")
    status, _, body = c.request("/account/authenticator")
    key = re.search(r'id="authenticator-key">([^<]+)<', body)
    token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', body)
    if status != 200 or not key or not token:
        raise RuntimeError(f"authenticator page: {status}")
    status, _, _ = c.request("/account/authenticator", {"__RequestVerificationToken": token.group(1), "Code": totp(html.unescape(key.group(1)))})
    if status != 200:
        raise RuntimeError(f"authenticator code: {status}")
    return c


def referral_service():
    """The service every referral goes to, and the organisation whose staff receive them."""
    return psql("""SELECT "Id", "OrganizationId" FROM service WHERE "OrganizationId" IS NOT NULL ORDER BY "Id" LIMIT 1""").strip().split("\t")


def refer(navigator, service_id, email, name, form=None):
    """The navigator fills in the referral form (one already shown, as (token, idempotency key), or a fresh one) and
    sends it: the status, the node that answered and the referral's id when it answered with its page."""
    path = f"/navigator/refer/{service_id}"
    token, key = form or navigator.form(path)
    fields = {
        "__RequestVerificationToken": token, "PersonName": name, "Contact": "Email", "PersonEmail": email,
        "PersonPhone": "", "ConsentMethod": "InPerson", "ConsentGivenOn": time.strftime("%d/%m/%Y", time.gmtime()),
        "SharesContactDetails": "true", "SharesStory": "false", "Story": ""}
    if key:
        fields["IdempotencyKey"] = key
    status, headers, _ = navigator.request(path, fields)
    m = re.search(r"/navigator/referrals/([0-9a-f-]{36})", headers.get("Location", "") or "")
    return status, headers.get("X-Waymark-Node", "?"), (m.group(1) if status == 302 and m else None)


def move_form(client, referral):
    """Staff open the referral (opening a sent one marks it opened): the status and the form's token and "Seen"."""
    status, _, body = client.request(f"/provider/referrals/{referral}")
    token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', body)
    seen = re.search(r'name="Seen" value="([^"]+)"', body)
    return status, (token.group(1), seen.group(1)) if status == 200 and token and seen else None


def press(client, referral, form, to):
    """Staff press the button for a move on a form they opened: the status and the page's text."""
    token, seen = form
    status, _, body = client.request(f"/provider/referrals/{referral}", {"__RequestVerificationToken": token, "To": to, "Reason": "", "Seen": seen})
    return status, html.unescape(body)


def move(client, referral, to):
    status, form = move_form(client, referral)
    return press(client, referral, form, to)[0] if form else status


ALREADY = {"Accepted": "accepted", "Offered": "offered a place"}


def already(body, to):
    """Whether the page says the referral is already where this move would take it (ReferralRules.ChangedMeanwhile)."""
    return f"This referral is already {ALREADY[to]}:" in body


def referral_outcome(name, made, prefix, port=None, wait=180):
    """Waits for the emails, then prints whether each referral has Sent, Opened, Accepted and Offered exactly once and
    its 8 messages (each move to the person and the navigator) were delivered exactly once: files, outbox rows, sends."""
    ids = ",".join(f"'{r}'" for r in made) or "NULL"
    events = psql(f"""SELECT "ReferralId", string_agg("To"::text, ',' ORDER BY "To") FROM referral_event WHERE "ReferralId" IN ({ids}) GROUP BY "ReferralId" """, port)
    histories = {}
    for row in events.splitlines():
        if row:
            histories.setdefault(row.split("\t")[1], 0)
            histories[row.split("\t")[1]] += 1
    expected_messages = 4 * 2 * len(made)  # sent, opened, accepted, offered: each to the person and the navigator
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and sum(len(v) for v in emails_to(prefix).values()) < 4 * len(made):
        time.sleep(1)
    time.sleep(2)  # anything sent twice would show up by now
    rows = psql(f"""SELECT count(*), count(delivered_at), count(DISTINCT id) FROM outbox_message WHERE subject_id IN ({ids})""", port).strip().split("\t")
    sends = psql(f"""SELECT count(*) FROM outbox_attempt a JOIN outbox_message m ON m.id = a."MessageId" WHERE a."Succeeded" AND m.subject_id IN ({ids})""", port).strip()
    to_people = emails_to(prefix)
    people_once = sum(1 for ids_ in to_people.values() if len(ids_) == 4 and len(set(ids_)) == 4)
    full = "Accepted,Offered,Opened,Sent"
    ok = histories == {full: len(made)} and all(int(x) == expected_messages for x in rows) and int(sends) == expected_messages and people_once == len(made)
    print(("PASS" if ok else "FAIL") + f" {name}: histories {histories}; {rows[0]} outbox messages for {expected_messages} expected, "
          f"{rows[1]} delivered, {sends} successful sends; {people_once} of {len(made)} people got exactly their 4 emails")
    return ok


def referrals(n="300"):
    """A navigator refers N people at once through the proxy; two members of the receiving organisation then open
    and accept each one at the same moment (on whichever nodes the proxy picks) and one offers a place. Every
    referral must end with each move made once, and every message sent exactly once."""
    n = int(n)
    run = int(time.time())
    service_id, organisation_id = referral_service()
    navigator = staff(f"cluster-navigator-{run}@example.org", "navigator")
    first = staff(f"cluster-staff-a-{run}@example.org", "provider-staff", organisation_id)
    second = staff(f"cluster-staff-b-{run}@example.org", "provider-staff", organisation_id)
    prefix = f"cluster-referred-{run}-"
    nodes = {}

    def make(i):
        status, node, referral = refer(navigator, service_id, f"{prefix}{i}@example.org", f"Person {i}")
        nodes[node] = nodes.get(node, 0) + 1
        return referral

    def race(referral):
        # Both open the referral and press "Accepted" at the same moment; then one offers a place.
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pair:
            answers = list(pair.map(lambda c: move(c, referral, "Accepted"), [first, second]))
        return answers, move(first, referral, "Offered")

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        made = [r for r in pool.map(make, range(n)) if r]
        made_in = time.monotonic() - started
        races = list(pool.map(race, made))
    took = time.monotonic() - started
    one_winner = sum(1 for answers, offered in races if sorted(answers) == [302, 400] and offered == 302)
    spread = ", ".join(f"{k}={v}" for k, v in sorted(nodes.items()))
    print(("PASS" if len(made) == n and one_winner == n else "FAIL") + f" referrals: {len(made)} of {n} referrals made at once "
          f"in {made_in:.1f} s (through node {spread}); on {one_winner} of them two staff accepting at the same moment gave "
          f"one acceptance and one \"already accepted\", then a place was offered; {took:.1f} s in all")
    referral_outcome("referral messages", made, prefix)


def killed(n, pid):
    """A burst of sign-ups answered by node B, which is killed the moment the last answer is in: the work it had not
    done yet waits in account_work, claimed by B, until the claim lapses and another node does it."""
    n = int(n)
    prefix = "cluster-killed-"
    emails = [f"{prefix}{i}@example.org" for i in range(n)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=n) as pool:
        answers = list(pool.map(lambda e: sign_up(e, os.environ["NODE_B"]), emails))
    os.kill(int(pid), 9)
    killed_at = time.monotonic()
    redirected = sum(1 for status, _ in answers if status == 302)
    left = int(psql("SELECT count(*) FROM account_work WHERE kind = 'sign-up'").strip())
    print(("PASS" if redirected == n else "FAIL") + f" killed: node B answered {redirected} of {n} sign-ups \"check your email\" "
          f"and was killed (SIGKILL) with {left} of them not yet done")
    # Work B had finished may have left messages that B's outbox relay had claimed but not sent when it died: those
    # wait out the relay's lease (OutboxRelay.Lease, 5 minutes) before another node sends them. Late is not lost, so
    # the wait covers the lease; it is kept long because a shorter lease could send a slow batch twice.
    emailed_once("killed", prefix, emails, wait=OUTBOX_LEASE_SECONDS + 30)
    print(f"     (the last email came within {time.monotonic() - killed_at:.1f} s of the kill, including the 2 s wait for duplicates)")


def replication(expected):
    """HAZ-21: whoever runs the nodes can see whether a crash of the primary could lose acknowledged commits. Every
    node's /health names the replication of the database it writes to (asked again for a few seconds: a changed
    synchronous_standby_names reaches the nodes' pooled sessions at their next query), and each node, started in
    Production while the standby streamed asynchronously, logged the warning naming docs/operations.md §3 and HAZ-21."""
    nodes = {"A": os.environ["NODE_A"], "B": os.environ["NODE_B"], "C": os.environ["NODE_C"]}
    seen = {}
    deadline = time.monotonic() + 15
    while True:
        for label, base in nodes.items():
            status, body = get(base, "/health")
            try:
                seen[label] = (status, json.loads(body).get("replication", "missing"))
            except ValueError:
                seen[label] = (status, "no JSON")
        if all(v == (200, expected) for v in seen.values()) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    warned = {}
    for i, label in enumerate(nodes):
        with open(os.path.join(WORK, f"node{i}.log"), encoding="utf-8", errors="replace") as log:
            text = log.read()
        warned[label] = text.count("Database replication is asynchronous") >= 1 and "HAZ-21" in text
    ok = all(v == (200, expected) for v in seen.values()) and all(warned.values())
    print(("PASS" if ok else "FAIL") + f" replication on /health: every node says \"{expected}\" "
          f"({', '.join(f'{k}={v[1]}' for k, v in seen.items())}); {sum(warned.values())} of {len(warned)} nodes warned at start "
          f"that commits did not wait for the standby (docs/operations.md §3, HAZ-21)")


if __name__ == "__main__":
    {"signups": signups, "killed": killed, "search": search, "catchup": catchup, "failover": failover, "referrals": referrals,
     "replication": replication}[sys.argv[1]](*sys.argv[2:])
