"""`make run-scaled`: WORKERS Rasa servers and two action servers behind haproxy, the
conversations in PostgreSQL and the conversation locks in Redis; every process supervised.

Ports: the public one (RASA_PORT, 5005) is haproxy's; the Rasa servers take the next
WORKERS ports (5006, 5007, …) and the action servers the two after ACTION_PORT (5056,
5057), where haproxy's action frontend listens (5055). TRACKER_STORE_URL and
LOCK_STORE_URL name servers of an admin's own; unset, PostgreSQL (PGPORT, 55433) and Redis
(REDIS_PORT, 6380) of our own are started. State, logs and config go to var/scaled/.
"""

import argparse
import os
import sys
import time
from pathlib import Path
from typing import List

from bot import haproxy, local_stores, stores
from bot.launcher import (
    LISTEN_ADDRESS_ENV,
    LOCAL_ONLY,
    START_TIMEOUT,
    action_server_command,
    cors_origins,
    ignore_signals,
    keep_running,
    listen_address,
    make_private,
    preflight,
    probe_host,
    process_starter,
    rasa_server_command,
    server_environment,
    start_demo_site,
    stop_on_signals,
)
from bot.supervisor import Child, GaveUp, Supervisor, http_ok
from occupations.config import PROJECT_ROOT

ENDPOINTS = PROJECT_ROOT / "endpoints-scaled.yml"
ACTION_SERVERS = 2  # one can restart while the other answers; actions are light (docs/performance.md)


def parse_args(argv=None) -> argparse.Namespace:
    env = os.environ
    parser = argparse.ArgumentParser(description="Start the assistant with several Rasa servers behind haproxy.")
    parser.add_argument("--workers", type=int, default=int(env.get("WORKERS") or 2), help="Rasa servers (WORKERS)")
    parser.add_argument("--rasa-port", type=int, default=int(env.get("RASA_PORT", 5005)), help="haproxy's port")
    parser.add_argument("--action-port", type=int, default=int(env.get("ACTION_PORT", 5055)))
    parser.add_argument("--demo-port", type=int, default=int(env.get("DEMO_PORT", 8080)))
    parser.add_argument("--postgres-port", type=int, default=int(env.get("PGPORT", local_stores.DEFAULT_PG_PORT)))
    parser.add_argument("--redis-port", type=int, default=int(env.get("REDIS_PORT", local_stores.DEFAULT_REDIS_PORT)))
    parser.add_argument("--var-dir", type=Path, default=PROJECT_ROOT / "var", help="state, logs, config")
    parser.add_argument("--model", default="models/kansrijk.tar.gz")
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("WORKERS must be 1 or more")
    return args


def server_children(args, state: Path, origins: List[str], extra_env) -> List[Child]:
    """The action servers and the Rasa servers, each on its own port, logging to var/scaled/logs/."""
    environment = server_environment(extra_env)
    logs = state / "logs"
    children = []
    for port in range(args.action_port + 1, args.action_port + 1 + ACTION_SERVERS):
        children.append(
            Child(
                f"actions-{port}",
                f"action server (port {port})",
                process_starter(
                    action_server_command(port), dict(environment, SANIC_HOST=LOCAL_ONLY), logs / f"actions-{port}.log"
                ),
                http_ok(f"http://{LOCAL_ONLY}:{port}/health"),
                str(logs / f"actions-{port}.log"),
            )
        )
    for number, port in enumerate(range(args.rasa_port + 1, args.rasa_port + 1 + args.workers), start=1):
        # Only haproxy is reachable from outside: the Rasa servers listen on 127.0.0.1.
        command = rasa_server_command(args.model, port, LOCAL_ONLY, ENDPOINTS, origins)
        children.append(
            Child(
                f"rasa-{port}",
                f"Rasa server {number} (port {port})",
                process_starter(command, environment, logs / f"rasa-{port}.log"),
                http_ok(f"http://{LOCAL_ONLY}:{port}/"),
                str(logs / f"rasa-{port}.log"),
            )
        )
    return children


def store_problems(tracker: stores.Store, lock: stores.Store) -> List[str]:
    """What is wrong with the stores an admin named; ours are checked when they start."""
    problems = []
    if tracker.setting:
        problems.append(stores.postgres_problem(tracker))
    if lock.setting:
        problems.append(stores.redis_problem(lock))
    else:
        problems.append(local_stores.redis_problem_at_start())
    return [problem for problem in problems if problem]


def main(argv=None) -> int:
    problem = preflight()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    args = parse_args(argv)
    from bot.retention import retention_days
    from bot.retention_sql import start_purging

    state = args.var_dir.resolve() / "scaled"
    make_private(args.var_dir)
    state.mkdir(mode=0o700, exist_ok=True)
    pg_data = Path(os.environ.get("PGDATA_DIR") or local_stores.default_pg_data(state))
    # A password of our own only for a store of our own.
    own_password = local_stores.password
    try:
        tracker = stores.tracker_store(
            os.environ, args.postgres_port, lambda: own_password(local_stores.pg_password_file(pg_data))
        )
        lock = stores.lock_store(os.environ, args.redis_port, lambda: own_password(state / "redis.password"))
    except stores.StoreConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    problems = store_problems(tracker, lock) + [haproxy.install_problem()]
    if any(problems):
        for problem in filter(None, problems):
            print(f"error: {problem}", file=sys.stderr)
        return 1

    host = listen_address(dict(os.environ))
    origins = cors_origins(dict(os.environ), args.demo_port)
    public_url = f"http://{probe_host(host)}:{args.rasa_port}"
    logs = state / "logs"
    stop_on_signals()
    supervisor = Supervisor(start_timeout=START_TIMEOUT, status_file=state / "processes.json")
    demo = purging = None
    print(f"==> starting {args.workers} Rasa server(s), {ACTION_SERVERS} action servers and haproxy...", flush=True)
    started = time.monotonic()
    try:
        own_stores = []
        if not tracker.setting:
            own_stores.append(local_stores.postgres_child(tracker, pg_data, logs / "postgres.log"))
        if not lock.setting:
            own_stores.append(local_stores.redis_child(lock, state / "redis", logs / "redis.log"))
        supervisor.start(own_stores)
        if not tracker.setting:
            stores.create_database(tracker)
        action_url = f"http://{LOCAL_ONLY}:{args.action_port}/webhook"
        supervisor.start(server_children(args, state, origins, stores.rasa_environment(tracker, lock, action_url)))
        rasa_ports = range(args.rasa_port + 1, args.rasa_port + 1 + args.workers)
        action_ports = range(args.action_port + 1, args.action_port + 1 + ACTION_SERVERS)
        config_file = state / "haproxy.cfg"
        config_file.write_text(haproxy.config(host, args.rasa_port, rasa_ports, args.action_port, action_ports))
        supervisor.start([haproxy.haproxy_child(config_file, logs / "haproxy.log", public_url + "/")])
        purging = start_purging(sqlalchemy_url(tracker), retention_days())
        demo = start_demo_site(args.demo_port, f"http://localhost:{args.rasa_port}", host)
        print_banner(args, tracker, lock, host, state, time.monotonic() - started)
        return keep_running(supervisor)
    except (GaveUp, RuntimeError) as error:
        print(f"error: {error}. Stopping everything.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\n==> stopping...", flush=True)
        return 130
    finally:
        ignore_signals()
        if purging:
            purging.set()
        if demo:
            demo.shutdown()
        supervisor.stop()


def sqlalchemy_url(store: stores.Store) -> str:
    from sqlalchemy.engine import URL

    return URL.create(
        "postgresql", store.username or None, store.password or None, store.host, store.port, store.database
    ).render_as_string(hide_password=False)


def print_banner(args, tracker: stores.Store, lock: stores.Store, host: str, state: Path, ready: float) -> None:
    rest_url = f"http://localhost:{args.rasa_port}/webhooks/rest/webhook"
    reach = "this machine only" if host == LOCAL_ONLY else f"{host} ({LISTEN_ADDRESS_ENV})"
    last_rasa = args.rasa_port + args.workers
    print(
        f"""
==> Kansrijk Kiezen is running, scaled (ready after {ready:.0f} s)
    REST channel  : {rest_url} (haproxy; listening on {reach})
    Rasa servers  : {args.workers}, on 127.0.0.1 ports {args.rasa_port + 1}–{last_rasa}
    Action servers: {ACTION_SERVERS}, on 127.0.0.1 ports {args.action_port + 1}–{args.action_port + ACTION_SERVERS}
                    (behind 127.0.0.1:{args.action_port})
    Conversations : {tracker.where}, database {tracker.database}; locks: {lock.where}
    Demo page     : http://localhost:{args.demo_port}/
    Logs          : {state / "logs"}/
    A process that stops is restarted. Stop with Ctrl-C.
""",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
