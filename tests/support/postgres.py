"""A real PostgreSQL for the tests: a throwaway cluster in a temporary folder, on a Unix socket in
that folder (and no TCP port), owned by an unprivileged user when the tests run as root.

    with Cluster.start() as cluster:
        url = cluster.create_database("t1")   # postgresql+psycopg://qdgui@/t1?host=/tmp/...

Also runnable by hand: `python -m tests.support.postgres` starts one, prints its URL, and waits.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "qdgui"  # the cluster's bootstrap superuser (the tests' administrator)


class NoPostgres(RuntimeError):
    """PostgreSQL's server binaries are not installed or the cluster would not start."""


def server_bin() -> Path | None:
    """The newest installed PostgreSQL (15+) server binaries, or None."""
    override = os.environ.get("QDGUI_PG_BIN")
    if override:
        return Path(override)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    found = [p for p in found if int(Path(p).parts[-3]) >= 15]
    return Path(found[-1]).parent if found else None


@dataclass
class Cluster:
    folder: Path
    bin: Path
    owner: str | None  # run as this user (we are root), or None

    @classmethod
    def start(cls, *, durable: bool = False) -> Cluster:
        """durable: fsync on, as a real server runs (benchmarks); the tests run without it."""
        bin_dir = server_bin()
        if bin_dir is None:
            raise NoPostgres("PostgreSQL 15+ server binaries not found (Debian: apt-get install postgresql)")
        owner = "nobody" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
        folder = Path(tempfile.mkdtemp(prefix="qdgui-pg-"))
        os.chmod(folder, 0o755)
        cluster = cls(folder, bin_dir, owner)
        if owner:
            entry = pwd.getpwnam(owner)
            os.chown(folder, entry.pw_uid, entry.pw_gid)
        try:
            cluster._run(
                "initdb",
                "-D",
                str(cluster.data),
                "-U",
                SUPERUSER,
                "--auth-local=trust",  # replaced below: trust for the administrator only
                "--auth-host=reject",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            )
            (cluster.data / "postgresql.auto.conf").write_text(
                "listen_addresses = ''\n"
                f"unix_socket_directories = '{folder}'\n"
                + ("" if durable else "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
                + "max_connections = 100\nshared_buffers = 128MB\n"
            )
            # The administrator by the socket's trust; every other user by its password, as a server does.
            (cluster.data / "pg_hba.conf").write_text(f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n")
            cluster._run("pg_ctl", "-D", str(cluster.data), "-l", str(folder / "server.log"), "-w", "-t", "60", "start")
        except (subprocess.CalledProcessError, OSError) as exc:
            log = (
                (folder / "server.log").read_text(errors="replace")[-2000:] if (folder / "server.log").exists() else ""
            )
            shutil.rmtree(folder, ignore_errors=True)
            raise NoPostgres(f"PostgreSQL would not start: {exc}\n{getattr(exc, 'stderr', '')}\n{log}") from exc
        return cluster

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin / tool), *args]
        if self.owner:
            command = ["runuser", "-u", self.owner, "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True, cwd=self.folder, timeout=120)

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> str:
        auth = user if password is None else f"{user}:{password}"
        return f"postgresql://{auth}@/{database}?host={self.folder}"

    def psql_connect(self, database: str = "postgres"):
        import psycopg

        return psycopg.connect(host=str(self.folder), dbname=database, user=SUPERUSER, autocommit=True)

    def create_database(self, name: str) -> str:
        with self.psql_connect() as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        with self.psql_connect() as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def pause(self) -> None:
        """Stop the server as a power cut or an administrator would (its files stay); resume() restarts it."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def resume(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-t", "60", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except (subprocess.CalledProcessError, OSError):
            pass
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


if __name__ == "__main__":
    with Cluster.start() as running:
        print(running.create_database("qdgui"), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
