"""Live co-editing of a journey map over Yjs (pycrdt): the document layout, the sync engine, the
WebSocket server and client. No Qt (a test and a ruff rule check it); imports model.* and the
collab dependencies (pycrdt, pycrdt-websocket, pycrdt-store, websockets, fractional-indexing).
"""
