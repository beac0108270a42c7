"""Test set-up shared by every package: Qt runs headless, and the bundled font is the only CJK font."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _release_clipboard_before_qt_exits():
    """The app does this on aboutToQuit; tests never run the event loop to quit, so do it here."""
    yield
    import sys
    if "editor.document.clipboard" in sys.modules:
        sys.modules["editor.document.clipboard"].release_clipboard()
