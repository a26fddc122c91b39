"""The review app over HTTP, against a real uvicorn and a database written by
the real analyze command, on SQLite and on PostgreSQL: sign-in, sessions,
CSRF, escaping of hostile report text, permissions, API tokens, optimistic
locking and the audit log."""

from __future__ import annotations

import html
import re

from markupsafe import escape

from web_site import COUNTY, CSRF, HOSTILE, client, doc_ids


def audit_count(c) -> int:
    return c.get("/exports/audit.csv").text.count("\n")


def flag_seqs(page: str) -> list[str]:
    return re.findall(r'<details class="card flag[^"]*" id="flag-(\d+)"', page)


def record_ids(page: str) -> list[str]:
    return re.findall(r'/records/([^/"]+)/correct', page)


def test_without_a_session_pages_redirect_and_the_api_answers_401(site):
    c, token = client(site)
    r = c.get("/")
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2F"
    assert c.get("/documents/" + "0" * 64).status_code == 303
    assert c.get("/admin/users").status_code == 303
    r = c.get("/api/records")
    assert r.status_code == 401 and r.json()["error"]["code"] == "E701"
    assert c.get("/api/flags", headers={"Authorization": "Bearer rm_not-a-token"}).status_code == 401


def test_a_post_without_a_session_changes_nothing(site):
    ann, _ = client(site, "ann")
    sha = doc_ids(ann)[COUNTY]
    before = audit_count(ann)
    anonymous, token = client(site)        # a valid CSRF pair, but nobody signed in
    r = anonymous.post(f"/documents/{sha}/status", data={"csrf_token": token, "status": "approved", "version": "0"})
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert audit_count(ann) == before
    assert "待审核" in ann.get(f"/documents/{sha}").text or "审核中" in ann.get(f"/documents/{sha}").text


def test_sign_in_sets_a_protected_session_cookie(site):
    c, token = client(site)
    r = c.post("/login", data={"username": "bob", "password": "wrong-password", "csrf_token": token})
    assert r.status_code == 401 and "用户名或密码错误" in r.text and "rm_session" not in r.headers.get("set-cookie", "")
    r = c.post("/login", data={"username": "bob", "password": "bob-password-1", "csrf_token": token,
                               "next": "//evil.example/"})
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "rm_session=" in cookie and "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    assert "Secure" not in cookie                       # plain http on loopback
    page = c.get("/")
    assert page.status_code == 200 and COUNTY in page.text and HOSTILE in page.text
    assert c.post("/logout", data={"csrf_token": token}).status_code == 303
    c.cookies.delete("rm_session")
    assert c.get("/").status_code == 303


def test_a_forged_session_cookie_is_no_session(site):
    c, _ = client(site)
    c.cookies.set("rm_session", "ann:9999999999:x.forged")
    assert c.get("/").status_code == 303


def test_a_post_without_a_valid_csrf_token_is_refused_and_changes_nothing(site):
    ann, token = client(site, "ann")
    sha = doc_ids(ann)[COUNTY]
    seq = flag_seqs(ann.get(f"/documents/{sha}").text)[-1]
    before = audit_count(ann)
    form = {"decision": "dismissed", "reason": "不该生效", "version": "0"}
    assert ann.post(f"/documents/{sha}/flags/{seq}", data=form).status_code == 403
    assert ann.post(f"/documents/{sha}/flags/{seq}", data={**form, "csrf_token": "x" + token}).status_code == 403
    other, other_token = client(site)           # a token minted for another visitor's cookie
    assert ann.post(f"/documents/{sha}/flags/{seq}", data={**form, "csrf_token": other_token}).status_code == 403
    assert ann.post("/login", data={"username": "ann", "password": "ann-password-1"}).status_code == 403
    assert audit_count(ann) == before
    assert "不该生效" not in ann.get(f"/documents/{sha}").text


def test_hostile_report_text_is_shown_as_text(site):
    ann, token = client(site, "ann")
    sha = doc_ids(ann)[HOSTILE]
    page = ann.get(f"/documents/{sha}").text
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page and 'onerror=alert(2)>' not in page
    text = re.search(r'<article class="text" id="text" lang="zh-CN">(.*?)</article>', page, re.S).group(1)
    text = re.sub(r"</?span[^>]*>", "", text)            # the highlights may cut the text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in text
    assert "<script>alert(1)</script>" in html.unescape(text)
    csp = ann.get(f"/documents/{sha}").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    data = re.search(r'<script type="application/json" id="quantities-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data                     # JSON for the script cannot close its tag
    note = '<script>alert("note")</script>"><b onmouseover=x>'
    r = ann.post(f"/documents/{sha}/notes", data={"csrf_token": token, "text": note})
    assert r.status_code == 303
    page = ann.get(f"/documents/{sha}").text
    assert note not in page
    assert str(escape(note)) in page.split('id="tab-notes"')[1]


def test_reviewers_cannot_manage_users_and_admins_can(site):
    bob, bob_token = client(site, "bob")
    assert bob.get("/admin/users").status_code == 403
    r = bob.post("/admin/users", data={"csrf_token": bob_token, "name": "mallory", "role": "admin",
                                        "password": "mallory-password"})
    assert r.status_code == 403
    ann, ann_token = client(site, "ann")
    assert "mallory" not in ann.get("/admin/users").text
    r = ann.post("/admin/users", data={"csrf_token": ann_token, "name": "张三", "role": "reviewer",
                                       "password": "zhang-password"})
    assert r.status_code == 200 and "已添加用户“张三”" in r.text
    carol, carol_token = client(site)
    r = carol.post("/login", data={"username": "张三", "password": "zhang-password", "csrf_token": carol_token})
    assert r.status_code == 303 and carol.get("/").status_code == 200
    ann.post("/admin/users/%E5%BC%A0%E4%B8%89", data={"csrf_token": ann_token, "change": "disable"})
    assert carol.get("/").status_code == 303            # a disabled user's session ends at once


def test_the_api_needs_a_users_token_and_filters_like_the_overview(site):
    bob, token = client(site, "bob")
    r = bob.post("/account/token", data={"csrf_token": token})
    api_token = re.search(r'<code id="token">([^<]+)</code>', r.text).group(1)
    anonymous, _ = client(site)
    auth = {"Authorization": f"Bearer {api_token}"}
    records = anonymous.get("/api/records", headers=auth).json()
    assert records["count"] == len(records["records"]) > 0
    orgs = {r["org"] for r in records["records"]}
    org = sorted(o for o in orgs if o)[0]
    only = anonymous.get("/api/records", params={"org": org}, headers=auth).json()["records"]
    assert only and {r["org"] for r in only} == {org}
    flags = anonymous.get("/api/flags", params={"flag_type": "placeholder"}, headers=auth).json()["flags"]
    assert flags and {f["type"] for f in flags} == {"placeholder"}
    assert anonymous.get("/api/records").status_code == 401
    assert anonymous.get("/api/records", headers={"Authorization": f"Bearer {api_token}x"}).status_code == 401
    assert bob.get("/api/records").status_code == 401           # a session is not a token


def test_a_conflicting_second_edit_is_refused_and_keeps_what_was_typed(site):
    ann, ann_token = client(site, "ann")
    bob, bob_token = client(site, "bob")
    sha = doc_ids(ann)[COUNTY]
    rid = record_ids(ann.get(f"/documents/{sha}").text)[0]
    bob.get(f"/documents/{sha}")                                 # both read version 0
    first = {"csrf_token": ann_token, "field": "target", "value": "123", "reason": "安的更正", "v_target": "0"}
    assert ann.post(f"/documents/{sha}/records/{rid}/correct", data=first).status_code == 303
    second = {"csrf_token": bob_token, "field": "target", "value": "456", "reason": "鲍勃的理由", "v_target": "0"}
    r = bob.post(f"/documents/{sha}/records/{rid}/correct", data=second)
    assert r.status_code == 409
    assert "已被 ann" in r.text and "您填写的内容已保留" in r.text
    assert 'value="456"' in r.text and 'value="鲍勃的理由"' in r.text        # typed back into the form
    assert "安的更正" in r.text                                           # the other's change is shown
    assert 'name="v_target" value="1"' in r.text                         # resubmitting now works
    page = ann.get(f"/documents/{sha}").text
    assert "鲍勃的理由" not in page


def test_every_change_is_in_the_audit_log(site):
    ann, token = client(site, "ann")
    sha = doc_ids(ann)[HOSTILE]
    page = ann.get(f"/documents/{sha}").text
    rid = record_ids(page)[0]
    form = {"csrf_token": token, "field": "actual", "value": "7", "reason": "审计测试", "v_actual": "0"}
    assert ann.post(f"/documents/{sha}/records/{rid}/correct", data=form).status_code == 303
    log = ann.get("/exports/audit.csv").text
    line = next(l for l in log.splitlines() if f"record:{rid}/actual" in l)
    assert ",ann,correct," in line and "审计测试" in line and '""kind"": ""extracted""' in line
    page = ann.get(f"/documents/{sha}").text
    assert "审计测试" in page.split('id="tab-log"')[1]
    assert f"record:{rid}/actual" in ann.get("/audit").text


def test_a_flag_decided_twice_at_once_keeps_the_first_and_shows_it(site):
    ann, ann_token = client(site, "ann")
    bob, bob_token = client(site, "bob")
    sha = doc_ids(ann)[COUNTY]
    seq = flag_seqs(ann.get(f"/documents/{sha}").text)[0]
    first = {"csrf_token": ann_token, "decision": "dismissed", "reason": "口径不同", "version": "0"}
    assert ann.post(f"/documents/{sha}/flags/{seq}", data=first).status_code == 303
    second = {"csrf_token": bob_token, "decision": "confirmed", "reason": "应退回", "version": "0"}
    r = bob.post(f"/documents/{sha}/flags/{seq}", data=second)
    assert r.status_code == 409 and re.search(r"“flag:[^”]+”已被 ann", r.text)
    card = r.text.split(f'id="flag-{seq}"')[1].split("</details>")[0]
    assert 'value="应退回"' in card and 'value="confirmed" checked' in card and "口径不同" in card
    page = bob.get(f"/documents/{sha}").text
    assert "已驳回（误报）" in page.split(f'id="flag-{seq}"')[1].split("</details>")[0]


def test_sign_in_attempts_are_limited_per_user_and_per_address(site):
    from reportmine.web import create_app
    from reportmine.web.ratelimit import SignInLimiter

    from web_site import LiveServer

    app = create_app(site.db_url, secret=b"limits", limiter=SignInLimiter(per_user=3, per_address=5))
    with LiveServer(app) as other:
        c, token = client(other)
        for _ in range(3):
            assert c.post("/login", data={"username": "bob", "password": "nope-nope", "csrf_token": token}).status_code == 401
        r = c.post("/login", data={"username": "bob", "password": "bob-password-1", "csrf_token": token})
        assert r.status_code == 429 and "登录失败次数过多" in r.text        # even the right password, for now
        for _ in range(2):
            c.post("/login", data={"username": "nobody", "password": "nope-nope", "csrf_token": token})
        r = c.post("/login", data={"username": "ann", "password": "ann-password-1", "csrf_token": token})
        assert r.status_code == 429                                          # this address is out of tries
    app.state.engine.dispose()


def test_confirm_a_record_correct_a_role_and_return_the_document(site):
    ann, token = client(site, "ann")
    sha = doc_ids(ann)[HOSTILE]
    page = ann.get(f"/documents/{sha}").text
    rid = record_ids(page)[-1]
    block = re.search(rf'/records/{re.escape(rid)}/confirm".*?</form>', page, re.S).group(0)
    versions = dict(re.findall(r'name="(v_\w+)" value="(\d+)"', block))
    assert ann.post(f"/documents/{sha}/records/{rid}/confirm",
                    data={"csrf_token": token, **versions}).status_code == 303
    assert f",ann,confirm,{sha},record:{rid}/" in ann.get("/exports/audit.csv").text
    quantities = re.search(r'id="quantities-data">(.*?)</script>', page, re.S).group(1)
    seq = re.search(r'"seq": (\d+)', quantities).group(1)
    r = ann.post(f"/documents/{sha}/quantities/{seq}", data={"csrf_token": token, "field": "role", "value": "target",
                                                               "reason": "是目标", "v_role": "0"})
    assert r.status_code == 303
    page = ann.get(f"/documents/{sha}").text
    assert re.search(rf'class="q r-target" data-q="{seq}"', page)
    r = ann.post(f"/documents/{sha}/status", data={"csrf_token": token, "status": "returned", "version": "0",
                                                    "message": "请补充救助资金的目标"})
    assert r.status_code == 303
    returned = ann.get("/exports/returned.csv").text
    assert "请补充救助资金的目标" in returned and HOSTILE in returned
    assert "已退回" in ann.get("/", params={"status": "returned"}).text
    assert HOSTILE not in ann.get("/", params={"status": "approved"}).text
    only = ann.get("/", params={"flag_type": "inconsistency"}).text
    assert COUNTY in only and HOSTILE not in only
    assert "<b>1</b> / 2 份已完成审核" in only                 # progress counts every document, not the filtered


def test_cookies_are_secure_when_served_over_https(site):
    import httpx

    https = {"X-Forwarded-Proto": "https"}          # as a TLS proxy on this host tells uvicorn
    c = httpx.Client(base_url=site.url, follow_redirects=False, timeout=30, headers=https)
    r = c.get("/login")
    assert "rm_csrf=" in r.headers["set-cookie"] and "Secure" in r.headers["set-cookie"]
    token = CSRF.search(r.text).group(1)
    c.cookies.set("rm_csrf", r.cookies["rm_csrf"])
    r = c.post("/login", data={"username": "bob", "password": "bob-password-1", "csrf_token": token})
    assert r.status_code == 303 and "Secure" in r.headers["set-cookie"] and "HttpOnly" in r.headers["set-cookie"]
