"""Before the GUI starts on Linux: does the system have the libraries Qt's xcb platform plug-in needs?

PySide6 wheels carry Qt but not the X11/EGL libraries of the desktop. When one is missing Qt aborts
with "Could not load the Qt platform plugin "xcb"" and little else. This asks the dynamic linker
(``ldd`` on the plug-in, which follows every dependency) what is missing and says which Debian/Ubuntu
packages provide it, as one ``apt-get install`` line. Nothing here imports Qt.

``python -m mypay_desk.qt_runtime`` prints the verdict (exit 1 when something is missing); ``make run``
and ``mypay-desk gui`` run the same check before Qt starts (``--quiet``: silent when all is there).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: Shared libraries the xcb plug-in and Qt's GUI libraries load, and the Debian/Ubuntu package of each
#: (names of Debian 12 and Ubuntu 22.04+; `apt-cache policy NAME` confirms them).
SONAME_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found\s*$", re.MULTILINE)


def xcb_plugin() -> Path | None:
    """The installed xcb platform plug-in of PySide6 (also inside the onedir build), None if absent."""
    roots: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen) / "PySide6")
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        roots.extend(Path(p) for p in spec.submodule_search_locations)
    for root in roots:
        for rel in ("Qt/plugins/platforms/libqxcb.so", "plugins/platforms/libqxcb.so"):
            if (root / rel).is_file():
                return root / rel
    return None


def parse_ldd(output: str) -> list[str]:
    """The libraries ``ldd`` reports as "not found", each once, in its order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def missing_libraries(plugin: Path) -> list[str] | None:
    """Libraries the plug-in (or what it loads) cannot find; None when the check cannot run (no ldd)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return parse_ldd(out.stdout + out.stderr)


def install_hint(missing: list[str]) -> str:
    """What to tell the user: the apt-get line for known libraries, and any other library by name."""
    packages = sorted({SONAME_PACKAGES[s] for s in missing if s in SONAME_PACKAGES})
    unknown = [s for s in missing if s not in SONAME_PACKAGES]
    lines = [f"Mancano librerie di sistema necessarie all'interfaccia grafica (Qt, piattaforma xcb): "
             f"{', '.join(missing)}."]
    if packages:
        lines.append("Su Debian/Ubuntu installale con:")
        lines.append(f"    sudo apt-get install {' '.join(packages)}")
    if unknown:
        lines.append("Per le altre cerca il pacchetto che le contiene (es. «apt-file search "
                     f"{unknown[0]}») o chiedi all'amministratore del sistema.")
    lines.append("La riga di comando (mypay-desk --help) funziona anche senza.")
    return "\n".join(lines)


def gui_platform_is_xcb(env: dict[str, str] | None = None) -> bool:
    """Whether Qt will (try to) use xcb: Linux and no other platform chosen through QT_QPA_PLATFORM."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip().lower()
    return not chosen or chosen.split(";")[0].split(":")[0] == "xcb"


def check() -> str | None:
    """None when the GUI can start as far as system libraries go, else the message with what to install."""
    if not gui_platform_is_xcb():
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    missing = missing_libraries(plugin)
    return install_hint(missing) if missing else None


def preflight(*, quiet: bool = False) -> int:
    """Run the check before Qt starts: 0 to go on, 1 to stop (the message with what to install is on
    stderr). In a Wayland session Qt may not need xcb at all, so there it only warns."""
    message = check()
    if message is None:
        if not quiet:
            print("Librerie di sistema per l'interfaccia grafica: presenti.")
        return 0
    print(message, file=sys.stderr)
    if os.environ.get("WAYLAND_DISPLAY"):
        print("(sessione Wayland: l'interfaccia prova comunque ad avviarsi)", file=sys.stderr)
        return 0
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(preflight(quiet="--quiet" in sys.argv[1:]))
