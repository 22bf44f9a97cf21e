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
        <strong>Complete connection</strong>.
      </p>
      <VideoCall {...(iceServers ? { iceServers } : {})} />
    </main>
  </StrictMode>,
)
