import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { VideoCall } from '../src'
import { iceServersFromUrl } from './iceServersFromUrl'
import './demo.css'

const iceServers = iceServersFromUrl(window.location.search)

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <main className="demo">
      <h1>react-p2p-call</h1>
      <p className="demo__intro">
        Open this page in two tabs. In one, choose <strong>Caller</strong> and click{' '}
        <strong>Create offer</strong>; copy the Local signal into the other tab's Remote signal.
        There, choose <strong>Callee</strong>, click <strong>Create answer</strong>, and copy its
        Local signal back into the first tab's Remote signal; click{' '}
        <strong>Complete connection</strong>. After that one exchange, screen sharing, reconnecting
        and hanging up need no more pasting.
      </p>
      <p className="demo__intro">
        No pasting at all: set <strong>Signaling</strong> to <strong>Same browser</strong> in both
        tabs (same <strong>Room</strong>) and click <strong>Start call</strong> in one — or to{' '}
        <strong>WebSocket</strong> with <code>npm run signal-server</code> running.
      </p>
      <VideoCall {...(iceServers ? { iceServers } : {})} />
    </main>
  </StrictMode>,
)
