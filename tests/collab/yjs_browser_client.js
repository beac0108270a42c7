// A real Yjs client (y-websocket, as in a browser) for tests/collab/test_collab_network.py:
// joins with the token, prints what it read, adds a card, leaves. Needs yjs, y-websocket, ws.
const Y = require('yjs')
const { WebsocketProvider } = require('y-websocket')
const WebSocket = require('ws')
const [serverUrl, room, token] = process.argv.slice(2)
const doc = new Y.Doc()
const provider = new WebsocketProvider(serverUrl, room, doc, { WebSocketPolyfill: WebSocket, params: { token } })
provider.awareness.setLocalStateField('user', { name: 'Browser', color: '#4e79a7' })
provider.on('sync', (synced) => {
  if (!synced) return
  const cards = doc.getMap('cards'), stages = doc.getMap('stages'), lanes = doc.getMap('lanes')
  console.log('cards', cards.size, 'stages', stages.size, 'title', doc.getMap('map').get('title'))
  const stage = [...stages.keys()][0], lane = [...lanes.keys()][0]
  doc.transact(() => {
    const record = new Y.Map()
    record.set('title', 'from a browser')
    record.set('kind', 'idea')
    record.set('place', { stage, lane, pos: 'a0V' })
    cards.set('browser-card', record)
  })
  setTimeout(() => { provider.destroy(); process.exit(0) }, 1000)
})
setTimeout(() => { console.log('timeout'); process.exit(1) }, 10000)
