"""Drive the real qdgui window: a virtual X screen (Xvfb), real key and mouse events (xdotool), and
the window's own account of what it shows (qdgui/views/probe.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class XServer:
    """One Xvfb screen of a given size, on a free display number."""

    def __init__(self, width: int = 1366, height: int = 768):
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        with os.fdopen(read_end) as answer:
            number = answer.readline().strip()
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        self.size = (width, height)

    def env(self) -> dict:
        return dict(os.environ, DISPLAY=self.display)

    def xdotool(self, *args: str, check: bool = True, timeout: float = 30) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env(), capture_output=True, text=True, timeout=timeout)
        if check and done.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def windows(self, name: str) -> list[str]:
        out = self.xdotool("search", "--onlyvisible", "--name", name, check=False)
        return [w for w in out.split() if w]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()


class RunningApp:
    """qdgui started as a user starts it (python main.py --db FILE; without a file, on the user's
    default database) on the virtual screen."""

    def __init__(
        self,
        xserver: XServer,
        db: Path | None,
        home: Path,
        *,
        extra_env: dict | None = None,
        args: tuple[str, ...] = (),
    ):
        self.x = xserver
        self.db = db
        self.home = home
        self.probe = home / "probe"
        env = xserver.env()
        env.update(
            QT_QPA_PLATFORM="xcb",
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            QDGUI_TEST_PROBE=str(self.probe),
            LANG="C.UTF-8",
        )
        env.pop("QT_SCALE_FACTOR", None)
        env.update(extra_env or {})
        self.log = open(home / f"app-{time.time_ns()}.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), *(["--db", str(db)] if db is not None else []), *args],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            cwd=home,
        )
        self.window = None

    def wait_window(self, name: str = "qdgui", timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"qdgui exited with {self.process.returncode}: {self.output()}")
            found = self.x.windows(name)
            if found:
                self.window = found[-1]
                self.x.xdotool("windowfocus", "--sync", self.window, check=False)
                self.state(timeout=timeout)  # the event loop runs: the window answers
                return self.window
            time.sleep(0.2)
        raise TimeoutError(f"no window named {name!r}: {self.output()}")

    def wait_for(self, title: str, timeout: float = 60) -> str:
        """A window of qdgui's other than the main one (a dialog, a message box), by its title:
        shown before the main window answers the probe, or instead of it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.x.windows(title)
            if found:
                return found[-1]
            assert self.process.poll() is None, self.output()
            time.sleep(0.2)
        raise AssertionError(f"no window {title!r}: {self.output()}")

    def output(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")

    def state(self, timeout: float = 20, *, screenshot: Path | None = None) -> dict:
        """What the window shows now (asked of the window itself, after pending events ran); with
        screenshot, the whole virtual screen is saved there as a PNG too."""
        self.probe.mkdir(parents=True, exist_ok=True)
        answer = self.probe / "state.json"
        answer.unlink(missing_ok=True)
        (self.probe / "request").write_text(f"shot:{screenshot}" if screenshot else "?", encoding="utf-8")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if answer.exists():
                return json.loads(answer.read_text(encoding="utf-8"))
            if self.process.poll() is not None:
                raise RuntimeError(f"qdgui exited with {self.process.returncode}: {self.output()}")
            time.sleep(0.05)
        raise TimeoutError("the window did not answer the probe")

    def wait_until(self, predicate, timeout: float = 20, what: str = "") -> dict:
        deadline = time.monotonic() + timeout
        state = self.state()
        while not predicate(state):
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"timed out waiting for {what or predicate}: {json.dumps(state, ensure_ascii=False)[:3000]}"
                )
            time.sleep(0.1)
            state = self.state()
        return state

    def focus(self) -> None:
        self.x.xdotool("windowfocus", "--sync", self.window, check=False)

    def keys(self, *keys: str) -> None:
        """Real key presses through the X server (XTEST), e.g. keys("Tab", "Return", "ctrl+z")."""
        self.x.xdotool("key", "--delay", "30", *keys)

    def type(self, text: str) -> None:
        """Type text as key events. A character outside the keyboard map (Chinese) makes xdotool remap a
        spare key first; sent one at a time with a pause, so the client sees the new map before the key."""
        run = ""
        for char in text:
            if char.isascii():
                run += char
                continue
            if run:
                self.x.xdotool("type", "--delay", "25", run)
                run = ""
            self.x.xdotool("type", "--delay", "120", char)
            time.sleep(0.05)
        if run:
            self.x.xdotool("type", "--delay", "25", run)

    def click(self, x: int, y: int, button: int = 1, double: bool = False) -> None:
        self.x.xdotool("mousemove", "--sync", str(x), str(y))
        self.x.xdotool("click", *(["--repeat", "2", "--delay", "80"] if double else []), str(button))

    def click_rect(self, rect: list[int], **kwargs) -> None:
        x, y, w, h = rect
        self.click(x + w // 2, y + h // 2, **kwargs)

    def click_button(self, name: str, timeout: float = 20) -> dict:
        """Click the named button where it stays: once the window reports the same place for it twice
        in a row (a layout still settling moves it; a user clicks what has stopped moving). Returns
        the state it was clicked in."""
        deadline = time.monotonic() + timeout
        seen = None
        while True:
            state = self.state()
            rect = next((b["rect"] for b in state["buttons"] if b["name"] == name), None)
            if rect is not None and rect == seen:
                self.click_rect(rect)
                return state
            if time.monotonic() > deadline:
                raise AssertionError(f"the button {name} did not settle: {rect} after {seen}")
            seen = rect
            time.sleep(0.2)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()
