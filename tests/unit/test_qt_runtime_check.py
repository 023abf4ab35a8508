"""The check `make run` and `mypay-desk gui` run before Qt starts: missing system libraries of Qt's xcb
platform plug-in found with ldd and named as Debian/Ubuntu packages, one apt-get line."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from mypay_desk import qt_runtime

LDD_SAMPLE = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f2c)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibfoo-bar.so.7 => not found
"""


def test_parse_ldd_lists_each_missing_library_once():
    assert qt_runtime.parse_ldd(LDD_SAMPLE) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                                                "libfoo-bar.so.7"]
    assert qt_runtime.parse_ldd("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_install_hint_is_one_apt_line_and_names_the_unknown():
    hint = qt_runtime.install_hint(qt_runtime.parse_ldd(LDD_SAMPLE))
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in hint
    assert "apt-file search libfoo-bar.so.7" in hint
    assert "riga di comando" in hint


def test_the_issue_libraries_have_their_packages():
    for soname, package in [("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxcb-icccm.so.4", "libxcb-icccm4"),
                            ("libxcb-keysyms.so.1", "libxcb-keysyms1"), ("libxkbcommon-x11.so.0",
                                                                          "libxkbcommon-x11-0"),
                            ("libEGL.so.1", "libegl1")]:
        assert qt_runtime.SONAME_PACKAGES[soname] == package


@pytest.mark.parametrize("env,expected", [({}, True), ({"QT_QPA_PLATFORM": "xcb"}, True),
                                          ({"QT_QPA_PLATFORM": "offscreen"}, False),
                                          ({"QT_QPA_PLATFORM": "wayland"}, False),
                                          ({"QT_QPA_PLATFORM": "xcb:display=:1"}, True)])
def test_only_xcb_is_checked(env, expected, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert qt_runtime.gui_platform_is_xcb(env) is expected
    monkeypatch.setattr(sys, "platform", "win32")
    assert qt_runtime.gui_platform_is_xcb(env) is False


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="Linux with ldd")
def test_check_on_this_machine_agrees_with_ldd(monkeypatch, capsys):
    """Whatever this machine lacks (on the development machine: libxcb-icccm4 and libxcb-keysyms1), the
    check says exactly that; with everything present it lets the GUI start."""
    plugin = qt_runtime.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    missing = [ln.split("=>")[0].strip() for ln in out.splitlines() if "=> not found" in ln]
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    message = qt_runtime.check()
    status = qt_runtime.preflight(quiet=True)
    err = capsys.readouterr().err
    if missing:
        assert message is not None and status == 1
        for soname in missing:
            assert soname in err
            if soname in qt_runtime.SONAME_PACKAGES:
                assert qt_runtime.SONAME_PACKAGES[soname] in err.split("sudo apt-get install", 1)[1]
        # in a Wayland session it only warns
        monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
        assert qt_runtime.preflight(quiet=True) == 0
    else:
        assert message is None and status == 0 and err == ""


def test_gui_command_stops_before_qt_when_libraries_are_missing(monkeypatch, tmp_path, capsys):
    from mypay_desk.cli import main

    monkeypatch.setattr(qt_runtime, "check", lambda: "Mancano librerie...\n    sudo apt-get install libxcb-icccm4")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert main(["--workspace", str(tmp_path), "gui"]) == 1
    assert "sudo apt-get install libxcb-icccm4" in capsys.readouterr().err
