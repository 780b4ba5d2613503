#!/usr/bin/env python3
"""Browser check: starts the server on the demo tenants, loads every page in French and Arabic
in headless Chromium, on a phone (360 px, mobile emulation) and on a desktop (1280 px), and fails
on any serious or critical axe-core violation, on a page wider than the screen, and on text
smaller than 14 px on the phone. It saves screenshots of SCREENSHOT_PAGES for a reviewer.
The phone and the desktop run side by side, one Chromium each, against the same server.

Usage: python3.12 Tests/browser/check_pages.py [--binary .build/debug/opencommune] [--screenshots DIR]
Needs Debian's chromium + chromium-driver, and `pip install selenium axe-selenium-python` (Python >= 3.12).
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ADMIN_EMAIL = "browser-check@tetouan.test"
ADMIN_PASSWORD = "browser check password"

PUBLIC_PAGES = [
    "/", "/tetouan/", "/tetouan/pages", "/tetouan/pages/plan-d-action", "/tetouan/pages/plan-d-action/history",
    "/tetouan/login", "/tetouan/register", "/tetouan/password/forgot", "/tetouan/password/reset/not-a-link", "/tetouan-ieecag/", "/tetouan-ieecag/pages/a-propos", "/tetouan/no-such-page",
    "/admin/login", "/tetouan/plans", "/tetouan/plans/2", "/tetouan/plans?principle=transparency", "/tetouan/plans/revisions",
    "/tetouan/reports", "/tetouan/reports/1", "/tetouan/reports?q=rapport", "/tetouan/reports/2", "/tetouan/reports/2/read",
    "/tetouan/plans/cocreation/2", "/tetouan/plans/draft/2", "/tetouan/plans/draft/6",
    "/tetouan/consultations", "/tetouan/consultations/1", "/tetouan/feedback", "/tetouan/feedback/on/core/general",
    "/tetouan/feedback/on/plans/commitment:2",
    "/tetouan/dashboard", "/tetouan-ieecag/dashboard", "/tetouan/search", "/tetouan/search?q=plan", "/tetouan/instances", "/tetouan-ieecag/instances", "/tetouan-ieecag/instances/members", "/tetouan-ieecag/instances/meetings",
    "/tetouan-ieecag/instances/meetings/1", "/tetouan-ieecag/instances/opinions", "/tetouan-ieecag/instances/opinions/1",
    "/tetouan/privacy", "/tetouan/account/confirm/not-a-link", "/tetouan/mail/unsubscribe/not-a-token",
]
SIGNED_IN_PAGES = [
    "/tetouan/account", "/tetouan/admin", "/tetouan/admin/modules", "/tetouan/admin/users", "/tetouan/admin/settings",
    "/tetouan/admin/pages", "/tetouan/admin/pages/new", "/tetouan/admin/pages/1/edit",
    "/tetouan/admin/plans", "/tetouan/admin/plans/plan", "/tetouan/admin/plans/commitments/new",
    "/tetouan/admin/plans/commitments/1", "/tetouan/admin/plans/activities/1", "/tetouan/admin/plans/import",
    "/tetouan/admin/plans/statuses", "/tetouan/admin/reports", "/tetouan/admin/reports/new", "/tetouan/admin/reports/1",
    "/tetouan/admin/reports/monitoring", "/tetouan/admin/plans/drafting",
    "/tetouan/admin/consultations", "/tetouan/admin/consultations/new", "/tetouan/admin/consultations/1",
    "/tetouan/admin/consultations/1/questions/new", "/tetouan/consultations/1/results",
    "/tetouan/admin/feedback", "/tetouan/admin/feedback?filter=all", "/tetouan/admin/feedback/new", "/tetouan/feedback/1",
    "/tetouan/admin/tokens", "/tetouan/admin/mail", "/tetouan/account/delete",
    # public pages as a signed-in visitor sees them: their follow buttons are forms
    "/tetouan/plans?as=signed-in", "/tetouan/reports?as=signed-in", "/tetouan/consultations?as=signed-in",
]
# pages saved as screenshots at both widths, in both languages, for a reviewer to look at
SCREENSHOT_PAGES = [
    "/tetouan/", "/tetouan/plans", "/tetouan/plans/2", "/tetouan/reports/1", "/tetouan/consultations/1",
    "/tetouan/dashboard", "/tetouan/feedback", "/tetouan/instances", "/tetouan-ieecag/instances",
    "/tetouan/admin", "/tetouan/admin/plans/commitments/1", "/tetouan/admin/settings", "/tetouan/feedback/1", "/tetouan/search?q=plan",
    "/tetouan/account", "/tetouan/account/delete", "/tetouan/privacy", "/tetouan/plans?as=signed-in",
    "/tetouan/reports/2/read", "/tetouan/admin/reports/monitoring", "/tetouan/plans/cocreation/2", "/tetouan/admin/plans/drafting",
]
VIEWPORTS = {"phone": 360, "desktop": 1280}

# Elements whose own text is smaller than this on a phone fail the check.
MIN_PHONE_TEXT_PX = 14
LAYOUT_SCRIPT = """
const doc = document.documentElement;
const small = [];
const seen = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  const element = node.parentElement;
  if (!node.textContent.trim() || !element || seen.has(element)) continue;
  seen.add(element);
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || element.closest('.visually-hidden, [hidden]')) continue;
  let size = parseFloat(style.fontSize);
  if (element instanceof SVGElement && element.getScreenCTM()) size *= Math.abs(element.getScreenCTM().a);
  if (size < arguments[0]) small.push(element.tagName.toLowerCase() + ' ' + size.toFixed(1) + 'px: ' + node.textContent.trim().slice(0, 40));
}
return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, small: small.slice(0, 5)};
"""


# pages of the instance's own console, for an editor of the instance (an account of that tenant)
INSTANCE_PAGES = [
    "/tetouan-ieecag/admin/instances", "/tetouan-ieecag/admin/instances/members", "/tetouan-ieecag/admin/instances/members/new",
    "/tetouan-ieecag/admin/instances/members/1", "/tetouan-ieecag/admin/instances/meetings", "/tetouan-ieecag/admin/instances/meetings/1",
    "/tetouan-ieecag/admin/instances/opinions", "/tetouan-ieecag/admin/instances/opinions/1",
    "/tetouan-ieecag/instances?as=signed-in",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(base, server):
    for _ in range(100):
        if server.poll() is not None:
            raise SystemExit(f"server exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not become ready")


def with_lang(path, lang):
    return path + ("&" if "?" in path else "?") + "lang=" + lang


def submit(driver, selector):
    """Clicks a submit button and waits for the next page to load."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, selector).click()

    def replaced(_):
        try:
            page.is_enabled()
            return False
        except WebDriverException:  # stale, or "does not belong to the document": the next page is there
            return True
    WebDriverWait(driver, 10).until(replaced)


def citizen_flows(driver, base, lang, audit, viewport):
    """What a citizen does without an account: a refused then accepted consultation answer, and a comment."""
    # a new visitor for each language, who has not answered yet (cookies are deleted for the page on
    # screen, and the respondent cookie belongs to the consultations' pages)
    driver.get(base + with_lang("/tetouan/consultations/1", lang))
    driver.delete_all_cookies()
    driver.get(base + with_lang("/tetouan/consultations/1", lang))
    submit(driver, "form.consultation-form button[type=submit]")
    audit("/tetouan/consultations/1/answer (refused)", lang)
    for select in driver.find_elements(By.CSS_SELECTOR, "form.consultation-form select"):
        select.send_keys(str(driver.find_elements(By.CSS_SELECTOR, "form.consultation-form select").index(select) + 1))
    driver.find_element(By.CSS_SELECTOR, "input[name=q4][value='4']").click()
    submit(driver, "form.consultation-form button[type=submit]")
    audit("/tetouan/consultations/1/answer (receipt or already answered)", lang)
    driver.get(base + with_lang("/tetouan/plans/2", lang))
    driver.find_element(By.ID, "feedback-body").send_keys(("Merci pour ce suivi" if lang == "fr" else "شكرا على هذا التتبع") + f" ({viewport})")
    driver.find_element(By.ID, "feedback-name").send_keys("Amina")
    submit(driver, "#feedback-form button[type=submit]")
    audit("/tetouan/feedback (sent)", lang)


def make_driver(viewport):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    width = VIEWPORTS[viewport]
    if viewport == "phone":
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": 780, "pixelRatio": 2.0, "touch": True},
            "userAgent": "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile Safari/537.36"})
    else:
        options.add_argument(f"--window-size={width},1600")
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/opencommune")
    parser.add_argument("--screenshots", default=".build/browser-screenshots",
                        help="folder for the screenshots of SCREENSHOT_PAGES (default .build/browser-screenshots)")
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="opencommune-browser-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, OPENCOMMUNE_DATA_DIR=data, OPENCOMMUNE_PORT=str(port))
    server = subprocess.Popen([args.binary, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = []
    checked = 0
    try:
        wait_ready(base, server)
        for tenant, role in (("tetouan", "admin"), ("tetouan-ieecag", "editor")):
            subprocess.run([args.binary, "user", "create", tenant, "--email", ADMIN_EMAIL, "--role", role, "--password-stdin"],
                           env=env, input=ADMIN_PASSWORD + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
        lock = threading.Lock()

        def run(viewport):
            driver = make_driver(viewport)
            try:
                def check(path, lang, signed_in=False):
                    driver.get(base + with_lang(path, lang))
                    audit(path, lang, signed_in)

                def audit(path, lang, signed_in=False):
                    """Checks the page the browser is on (after navigating or submitting a form)."""
                    nonlocal checked
                    html = driver.find_element(By.TAG_NAME, "html")
                    expected_dir = "rtl" if lang == "ar" else "ltr"
                    problems = []
                    if html.get_attribute("dir") != expected_dir:
                        problems.append(f"dir={html.get_attribute('dir')!r}, expected {expected_dir}")
                    if html.get_attribute("lang") != lang:
                        problems.append(f"lang={html.get_attribute('lang')!r}, expected {lang}")
                    if signed_in and not driver.find_elements(By.CSS_SELECTOR, "form[action$='/logout']"):
                        problems.append("not signed in: the page has no sign-out form")
                    if "nil" in driver.find_element(By.TAG_NAME, "main").text.split():
                        problems.append("the page shows a Swift nil")
                    layout = driver.execute_script(LAYOUT_SCRIPT, MIN_PHONE_TEXT_PX)
                    if layout["scrollWidth"] > layout["clientWidth"]:
                        problems.append(f"wider than the screen: {layout['scrollWidth']} px for {layout['clientWidth']}")
                    if viewport == "phone" and layout["small"]:
                        problems.append("text below 14 px: " + "; ".join(layout["small"]))
                    if path == "/tetouan/":
                        # the menu collapses behind its button on a phone, and is laid out in full on a desktop
                        menu = driver.execute_script(
                            "const nav = document.querySelector('.main-nav'), summary = document.querySelector('.menu > summary');"
                            "return {nav: nav.checkVisibility(), summary: summary.checkVisibility()};")
                        if menu != {"nav": viewport == "desktop", "summary": viewport == "phone"}:
                            problems.append(f"menu: {menu} on a {viewport}")
                    axe = Axe(driver)
                    axe.inject()
                    results = axe.run()
                    for violation in results["violations"]:
                        if violation["impact"] in ("serious", "critical"):
                            targets = [node["target"] for node in violation["nodes"]][:3]
                            problems.append(f"axe {violation['impact']}: {violation['id']} — {violation['help']} {targets}")
                    if path in SCREENSHOT_PAGES:
                        os.makedirs(args.screenshots, exist_ok=True)
                        name = path.strip("/").replace("/", "_") + f".{viewport}.{lang}.png"
                        driver.save_screenshot(os.path.join(args.screenshots, name))
                    with lock:
                        checked += 1
                        status = "ok" if not problems else "FAIL"
                        print(f"{status:4} {viewport:7} {lang} {path}", flush=True)
                        for problem in problems:
                            print(f"     {problem}", flush=True)
                            failures.append(f"{viewport} {lang} {path}: {problem}")

                for lang in ("fr", "ar"):
                    for path in PUBLIC_PAGES:
                        check(path, lang)
                for lang in ("fr", "ar"):
                    citizen_flows(driver, base, lang, audit, viewport)
                for tenant, pages in (("tetouan", SIGNED_IN_PAGES), ("tetouan-ieecag", INSTANCE_PAGES)):
                    driver.get(base + f"/{tenant}/login")
                    driver.find_element(By.ID, "email").send_keys(ADMIN_EMAIL)
                    driver.find_element(By.ID, "password").send_keys(ADMIN_PASSWORD)
                    submit(driver, "main form button[type=submit]")
                    for lang in ("fr", "ar"):
                        for path in pages:
                            check(path, lang, signed_in=True)
            finally:
                driver.quit()

        def guarded(viewport):
            try:
                run(viewport)
            except Exception as error:  # a crashed browser fails the check, it does not stop the other one
                with lock:
                    failures.append(f"{viewport}: {error!r}")
                    print(f"FAIL {viewport} crashed: {error!r}")

        threads = [threading.Thread(target=guarded, args=(viewport,)) for viewport in VIEWPORTS]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(data, ignore_errors=True)
    failed = len(set(f.split(":")[0] for f in failures))
    print(f"browser: {checked - failed} passed, {failed} failed; screenshots in {args.screenshots}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
