#!/usr/bin/env python3
"""Walks every role's pages over HTTP with that role's sign-in cookie and reports the server
render time per page (request sent to last byte, keep-alive connection on loopback, so it is
the server's time plus a little of Python's): p50, p95 and max over N renders after warm-up.

Usage: walk.py BASE_URL [renders=40]   (the server must run with --SeedDemoData true)
"""
import http.client
import json
import re
import statistics
import sys
import time
import urllib.parse

BASE = urllib.parse.urlsplit(sys.argv[1])
RENDERS = int(sys.argv[2]) if len(sys.argv) > 2 else 40
WARMUP = 3
PASSWORD = "StudyHub-demo-2026"
GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


class Browser:
    """One keep-alive connection and a cookie jar, like one person's browser tab."""

    def __init__(self):
        self.conn = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=30)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        content = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                self.cookies[key.strip()] = val.strip()
        return response.status, content.decode("utf-8", "replace"), elapsed, response.getheader("Location")

    def sign_in(self, email):
        status, html, _, _ = self.request("GET", "/signin")
        token = re.search(r'name="__RequestVerificationToken" value="([^"]+)"', html).group(1)
        form = urllib.parse.urlencode({"_handler": "demo", "DemoEmail": email, "__RequestVerificationToken": token})
        status, _, _, location = self.request("POST", "/signin", form, {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 302:
            sys.exit(f"demo sign-in as {email} answered {status}: is the server running with --SeedDemoData true?")

    def find(self, path, pattern):
        _, html, _, _ = self.request("GET", path)
        match = re.search(pattern, html)
        return match.group(1) if match else None


def api_token(email):
    conn = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=30)
    conn.request("POST", "/api/v1/auth/login", json.dumps({"email": email, "password": PASSWORD}), {"Content-Type": "application/json"})
    return json.loads(conn.getresponse().read())["accessToken"]


def seed_homework():
    """Maya gets one homework so its page has problems to show."""
    conn = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=30)
    boundary = "walk-boundary"
    fields = {"title": "Walk homework", "text": "1. 2x + 3 = 11\n2. Factor x^2 + 7x + 12\n3. 3/4 + 1/8"}
    body = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n' for k, v in fields.items()) + f"--{boundary}--\r\n"
    conn.request("POST", "/api/v1/homework", body.encode(), {"Content-Type": f"multipart/form-data; boundary={boundary}", "Authorization": "Bearer " + api_token("maya@demo.studyhub.dev")})
    response = conn.getresponse()
    accepted = json.loads(response.read())
    if "id" not in accepted:
        sys.exit(f"homework upload answered {response.status}: {accepted}")
    time.sleep(3)  # reading is a background job; give it time so the page shows problems
    return accepted["id"]


def measure(browser, role, path, rows):
    times = []
    for i in range(WARMUP + RENDERS):
        status, _, elapsed, _ = browser.request("GET", path)
        if status != 200:
            sys.exit(f"{role} {path}: HTTP {status}")
        if i >= WARMUP:
            times.append(elapsed)
    times.sort()
    p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
    rows.append((role, path, statistics.median(times), p95, times[-1]))


def main():
    rows = []
    anonymous = Browser()
    for path in ["/", "/signin", "/register", "/forgot-password"]:
        measure(anonymous, "anonymous", path, rows)

    homework = seed_homework()
    student = Browser()
    student.sign_in("maya@demo.studyhub.dev")
    classroom = student.find("/dashboard", rf'href="/classrooms/({GUID})"')
    for path in ["/dashboard", "/math", "/math?problem=2x%2B3%3D11&hints=2&check=1&answer=x%3D7", "/math?problem=2x%2B3%3D11&solution=1&practise=1",
                 "/homework", f"/homework/{homework}", "/homework/new", "/progress", "/assignments", "/flashcards", "/leaderboards",
                 "/play/new", f"/classrooms/{classroom}", "/account"]:
        measure(student, "student", path, rows)

    teacher = Browser()
    teacher.sign_in("teacher@demo.studyhub.dev")
    classroom = teacher.find("/dashboard", rf'href="/classrooms/({GUID})"')
    pupil = teacher.find(f"/classrooms/{classroom}", rf'href="/classrooms/{classroom}\?confirm=({GUID})"')
    for path in ["/dashboard", f"/classrooms/{classroom}", f"/classrooms/{classroom}/progress", f"/classrooms/{classroom}/assignments",
                 f"/classrooms/{classroom}/games", f"/students/{pupil}/progress", "/leaderboards", "/math", "/account"]:
        measure(teacher, "teacher", path, rows)

    parent = Browser()
    parent.sign_in("parent@demo.studyhub.dev")
    child = parent.find("/family", rf'href="/family/children/({GUID})"')
    for path in ["/dashboard", "/family", f"/family/children/{child}", "/account"]:
        measure(parent, "parent", path, rows)

    admin = Browser()
    admin.sign_in("admin@demo.studyhub.dev")
    user = admin.find("/admin/users", rf'href="/admin/users/({GUID})"')
    for path in ["/admin/users", "/admin/users?search=maya", f"/admin/users/{user}", "/admin/audit", "/admin/jobs", "/dashboard"]:
        measure(admin, "admin", path, rows)

    print(f"| role | page | p50 ms | p95 ms | max ms |  ({RENDERS} renders each after {WARMUP} warm-up)")
    print("|---|---|---:|---:|---:|")
    for role, path, p50, p95, worst in rows:
        flag = " **over**" if p95 >= 100 else ""
        print(f"| {role} | `{path}` | {p50:.1f} | {p95:.1f}{flag} | {worst:.1f} |")
    over = [r for r in rows if r[3] >= 100]
    print(f"\n{len(rows)} pages, {len(over)} with p95 >= 100 ms; slowest p95: {max(r[3] for r in rows):.1f} ms")


main()
