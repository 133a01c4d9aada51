"""What `make run-scaled` writes and reads before it starts anything: haproxy's config, the
store settings, the variables endpoints-scaled.yml needs."""

import shutil
import subprocess

import pytest
from rasa.utils.endpoints import read_endpoint_config

from bot import haproxy, stores
from bot.scaled import ENDPOINTS


def test_haproxy_config_is_valid_and_routes_as_intended(tmp_path):
    text = haproxy.config("0.0.0.0", 5005, [5006, 5007], 5055, [5056, 5057])
    assert "bind 0.0.0.0:5005" in text and "bind 127.0.0.1:5055" in text  # actions stay local
    assert "server rasa-5006 127.0.0.1:5006 check" in text and "server actions-5057 127.0.0.1:5057 check" in text
    assert "use_backend rasa_twilio if { path_beg /webhooks/twilio_whatsapp/ }" in text
    assert "bind [::1]:5005" in haproxy.config("::1", 5005, [5006], 5055, [5056])
    if shutil.which("haproxy") is None:
        pytest.skip("haproxy is not installed (scripts/install_debian_package.sh; the scaled tests install it)")
    config = tmp_path / "haproxy.cfg"
    config.write_text(text)
    checked = subprocess.run(["haproxy", "-c", "-f", str(config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_store_urls_are_read_and_their_passwords_never_shown():
    environ = {
        "TRACKER_STORE_URL": "postgresql://rasa:p%40ss@db.school.nl:6543/gesprekken",
        "LOCK_STORE_URL": "redis://:geheim@cache.school.nl/3",
    }
    tracker = stores.tracker_store(environ, 55433, lambda: pytest.fail("no password of our own needed"))
    lock = stores.lock_store(environ, 6380, lambda: pytest.fail("no password of our own needed"))
    assert (tracker.host, tracker.port, tracker.database, tracker.username, tracker.password) == (
        "db.school.nl",
        6543,
        "gesprekken",
        "rasa",
        "p@ss",
    )
    assert (lock.host, lock.port, lock.database, lock.password) == ("cache.school.nl", 6379, "3", "geheim")
    assert tracker.where == "PostgreSQL at db.school.nl:6543 (TRACKER_STORE_URL)"
    assert "geheim" not in lock.where


def test_without_urls_the_stores_are_our_own():
    tracker = stores.tracker_store({}, 55433, lambda: "pw1")
    lock = stores.lock_store({"LOCK_STORE_URL": " "}, 6380, lambda: "pw2")
    assert (tracker.host, tracker.port, tracker.setting, tracker.password) == ("127.0.0.1", 55433, None, "pw1")
    assert (lock.port, lock.database, lock.setting) == (6380, "1", None)


@pytest.mark.parametrize("url", ["mysql://db/x", "postgresql:///nohost", "postgresql://db:notaport/x"])
def test_a_wrong_url_is_a_clear_error(url):
    with pytest.raises(stores.StoreConfigError, match="TRACKER_STORE_URL"):
        stores.tracker_store({"TRACKER_STORE_URL": url}, 55433, lambda: "")


def test_endpoints_scaled_reads_every_variable_the_launcher_sets(monkeypatch):
    tracker = stores.Store("PostgreSQL", "127.0.0.1", 55433, "kansrijk", "postgres", "pw", None)
    lock = stores.Store("Redis", "127.0.0.1", 6380, "1", "", "pw", None)
    for name, value in stores.rasa_environment(tracker, lock, "http://127.0.0.1:5055/webhook").items():
        monkeypatch.setenv(name, value)
    action = read_endpoint_config(str(ENDPOINTS), "action_endpoint")
    tracker_store = read_endpoint_config(str(ENDPOINTS), "tracker_store")
    lock_store = read_endpoint_config(str(ENDPOINTS), "lock_store")
    assert action.url == "http://127.0.0.1:5055/webhook"
    assert (tracker_store.type, tracker_store.url, tracker_store.kwargs["dialect"]) == (
        "SQL",
        "127.0.0.1",
        "postgresql",
    )
    assert (tracker_store.kwargs["port"], tracker_store.kwargs["db"], tracker_store.kwargs["password"]) == (
        "55433",
        "kansrijk",
        "pw",
    )
    assert (lock_store.type, lock_store.url, lock_store.kwargs["port"], lock_store.kwargs["db"]) == (
        "redis",
        "127.0.0.1",
        "6380",
        "1",
    )
