"""Copying cards and then quitting must not crash the process (a PySide6 pitfall: a Python-made
QMimeData still on the clipboard when the QApplication dies segfaults)."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.document.document import Document
from editor.canvas.scene import JourneyScene
scene = JourneyScene(Document.from_template("saas-cs-lifecycle", "en").controller)
scene.select_element(scene.journey.card_ids()[0])
assert scene.interaction.copy_selection()
QTimer.singleShot(0, app.quit)
app.exec()
print(QApplication.clipboard().text())
"""


def test_quitting_after_copying_cards_exits_cleanly():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT)], capture_output=True,
                            text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip()  # the card's title stays on the clipboard as text
