"""Simultaneous registrations for one session through the production stack (bench/load/run.py):
``--count`` families (200) each open the registration form of the capacity session of
bench/load/prepare.py (its CSRF cookie and token), wait until all have it, then post at the
same moment. Each family has its own client address (X-Forwarded-For, as the load generator
writes it for the outer proxy) and e-mail address. Afterwards the database is counted: exactly
the session's capacity confirmed, everyone else on the waitlist, one registration per answered
form, none refused or failed.

    python bench/load/capacity.py --base https://127.0.0.1:28443 --targets var/load/targets.json \\
        --database-url postgres://postgres@127.0.0.1:5432/hvhk_load_bench
"""

import argparse
import contextlib
import http.client
import json
import random
import re
import ssl
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlparse

BENCH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH))

from common import database_url, setup_django, write_json  # noqa: E402

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Family:
    """One browser with its own address and cookies, over TLS to the stack (127.0.0.1 only)."""

    def __init__(self, base: str, address: str):
        parsed = urlparse(base)
        if parsed.hostname != "127.0.0.1":
            sys.exit(f"127.0.0.1 only, not {base}")
        self.base, self.port, self.address = base, parsed.port or 443, address
        self.cookies: dict[str, str] = {}
        self.context = ssl._create_unverified_context()  # noqa: S323 - the stack's own certificate, 127.0.0.1

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {"Host": urlparse(self.base).netloc, "X-Forwarded-For": self.address}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.base
            headers["Referer"] = self.base + path
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.port, timeout=120, context=self.context
        )
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key.strip()] = rest.split(";", 1)[0]
            return response.status, response.getheader("Location", ""), text
        finally:
            connection.close()


def fire(base: str, session: dict, count: int) -> dict:
    path = f"/{session['slug']}/activiteiten/moment/{session['pk']}/inschrijven/"
    run_id = f"{int(time.time())}"
    rng = random.Random(run_id)
    barrier = threading.Barrier(count, timeout=300)
    lock = threading.Lock()
    outcomes: list[tuple[int, str]] = []
    errors: list[str] = []
    posted_at: list[float] = []

    def family(number: int) -> None:
        with lock:
            address = f"198.{rng.randint(18, 19)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        browser = Family(base, address)
        token = None
        try:
            status, _, text = browser.request("GET", path)
            match = CSRF_TOKEN.search(text)
            if status != 200 or match is None:
                raise RuntimeError(f"form {status}")
            token = match.group(1)
        except Exception as error:  # reported below: nothing may fail
            with lock:
                errors.append(f"{number}: {error!r}"[:200])
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()  # everyone has the form: post at the same moment
        if token is None:
            return
        form = {
            "csrfmiddlewaretoken": token,
            "name": f"Gezin {number}",
            "email": f"capacity-{run_id}-{number}@example.be",
            "phone": "",
            "adults": "1",
            "children_ages": "3",
            "remarks": "",
            "consent": "on",
        }
        try:
            with lock:
                posted_at.append(time.perf_counter())
            status, location, _text = browser.request("POST", path, form)
            with lock:
                outcomes.append((status, location))
                if status != 302 or "/inschrijving/" not in location:
                    errors.append(f"{number}: post {status} {location}"[:200])
        except Exception as error:
            with lock:
                errors.append(f"{number}: post {error!r}"[:200])

    threads = [threading.Thread(target=family, args=(n,)) for n in range(1, count + 1)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    finished = time.perf_counter()
    first_post = min(posted_at) if posted_at else finished
    return {
        "families": count,
        "answered": sum(1 for status, location in outcomes if status == 302),
        "errors": errors,
        "seconds_all": round(finished - started, 1),
        "seconds_posts": round(finished - first_post, 1),
    }


def count_in_database(session_pk: int, since) -> dict:
    from collections import Counter

    from huisvanhetkind.activities.models import Registration, Session

    session = Session.objects.select_related("activity").get(pk=session_pk)
    statuses = Counter(
        Registration.objects.filter(session=session, created_at__gte=since).values_list(
            "status", flat=True
        )
    )
    return {
        "capacity": session.effective_capacity,
        "unit": session.activity.capacity_unit,
        "confirmed": statuses.get("confirmed", 0),
        "waitlisted": statuses.get("waitlisted", 0),
        "other": sum(v for k, v in statuses.items() if k not in ("confirmed", "waitlisted")),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="https://127.0.0.1:PORT")
    parser.add_argument("--targets", required=True, help="bench/load/prepare.py's JSON")
    parser.add_argument("--database-url", help="default: $DATABASE_URL")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--output", help="write the result as JSON to this file")
    args = parser.parse_args(argv)

    setup_django(database_url(args.database_url))
    from django.utils import timezone

    session = json.loads(Path(args.targets).read_text(encoding="utf-8"))["capacity_session"]
    since = timezone.now()
    fired = fire(args.base, session, args.count)
    counted = count_in_database(session["pk"], since)
    expected_waitlist = max(args.count - session["capacity"], 0)
    exact = (
        not fired["errors"]
        and fired["answered"] == args.count
        and counted["confirmed"] == min(session["capacity"], args.count)
        and counted["waitlisted"] == expected_waitlist
        and counted["other"] == 0
    )
    result = {"session": session, **fired, "database": counted, "exact": exact}
    print(
        f"{args.count} simultaneous registrations for session {session['pk']} "
        f"(capacity {counted['capacity']} {counted['unit']}): {fired['answered']} answered in "
        f"{fired['seconds_posts']} s after the first post; in the database "
        f"{counted['confirmed']} confirmed, {counted['waitlisted']} waitlisted, "
        f"{counted['other']} other; {len(fired['errors'])} errors: "
        + ("exactly its capacity booked." if exact else "NOT EXACT.")
    )
    for error in fired["errors"][:10]:
        print(f"    error: {error}")
    write_json(args.output, result)
    return result


if __name__ == "__main__":
    main()
