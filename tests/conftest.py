"""Test set-up shared by every package: Qt runs headless, and the bundled font is the only CJK font."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
