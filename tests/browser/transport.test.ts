import { remoteStreamId } from '../../src/core/sdpMediaIds'
import { describe, expect, it } from 'vitest'
import type { SignalMessage } from '../../src/core/signalMessage'
import {
  createTransport,
  type Transport,
  type TransportEvents,
} from '../../src/core/session/transport'

// The transport alone, in real Chromium: two of them wired to each other directly (what a
// signaling channel would carry), with perfect negotiation and the negotiated data channel.

type Log = {
  layers: number
  candidates: number
  tracks: MediaStream[]
  opened: number
  messages: SignalMessage[]
  errors: string[]
}

function pair() {
  const logs: [Log, Log] = [
    { layers: 0, candidates: 0, tracks: [], opened: 0, messages: [], errors: [] },
    { layers: 0, candidates: 0, tracks: [], opened: 0, messages: [], errors: [] },
  ]
  const ends: Transport[] = []
  const make = (i: 0 | 1) => {
    const log = logs[i]
    const events: TransportEvents = {
      onStateChange: () => log.layers++,
      onCandidate: (candidate) => {
        log.candidates++
        // Held until the other side has our description (what the session's queue does).
        const add = () => {
          const other = ends[1 - i]
          if (other?.pc.remoteDescription) void other.pc.addIceCandidate(candidate)
          else setTimeout(add, 20)
        }
        add()
      },
      onTrack: (_event, stream) => log.tracks.push(stream),
      onChannelOpen: () => log.opened++,
      onChannelClose: () => {},
      onMessage: (message) => log.messages.push(message),
      onNegotiationError: (error) => log.errors.push(error.code),
    }
    return createTransport(new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle' }), {
      ...events,
      polite: () => i === 1,
      canSend: () => true,
      send: (message) => {
        if (message.type === 'description') {
          void ends[1 - i]?.negotiation.receiveDescription(message.description)
        }
      },
    })
  }
  ends.push(make(0), make(1))
  return { a: ends[0] as Transport, b: ends[1] as Transport, logs }
}

const until = async (check: () => boolean, ms = 10_000) => {
  const deadline = performance.now() + ms
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('createTransport', () => {
  it('negotiates both ways, opens its data channel, carries messages and tracks, and says nothing after close', async () => {
    const { a, b, logs } = pair()
    // The caller negotiates (the other side answers whatever it is offered).
    a.negotiation.enable()
    const canvas = document.createElement('canvas')
    canvas.getContext('2d')?.fillRect(0, 0, 10, 10)
    const stream = canvas.captureStream(5)
    const [track] = stream.getVideoTracks()
    if (!track) throw new Error('no canvas track')
    a.pc.addTrack(track, stream)
    // As a receive-only callee does (the session always gives the other side something to answer).
    b.pc.addTransceiver('video', { direction: 'recvonly' })
    await until(() => logs[0].opened === 1 && logs[1].opened === 1).catch((error: unknown) => {
      throw new Error(
        `${String(error)}: ${JSON.stringify([a, b].map((t) => [t.pc.signalingState, t.pc.connectionState, t.dc.readyState, t.localCandidates.length]))} ${JSON.stringify(logs)}`,
      )
    })
    // The channels can open a task before connectionState says so (seen once under CI load).
    await until(() => a.pc.connectionState === 'connected')
    expect(a.localCandidates.length).toBeGreaterThan(0)
    expect(logs[0].candidates).toBe(a.localCandidates.length)
    await until(() => logs[1].tracks.length === 1)
    // Remote descriptions name streams by short ids (normalizeMediaIds).
    expect(logs[1].tracks[0]?.id).toBe(remoteStreamId(stream.id))

    a.dc.send(JSON.stringify({ type: 'bye' }))
    b.dc.send('not json')
    await until(() => logs[1].messages.length === 1)
    expect(logs[1].messages[0]).toEqual({ type: 'bye' })

    // Renegotiation over the same transport: a new transceiver, offered in band by the negotiation.
    await until(() => a.pc.signalingState === 'stable' && b.pc.signalingState === 'stable')
    const before = b.pc.getTransceivers().length
    a.pc.addTransceiver('audio', { direction: 'sendrecv' })
    await until(
      () =>
        b.pc.getTransceivers().length === before + 1 &&
        a.pc.signalingState === 'stable' &&
        b.pc.signalingState === 'stable',
    )
    expect(logs[0].errors).toEqual([])

    const layersBefore = logs[0].layers
    a.close()
    expect(a.closed.aborted).toBe(true)
    expect(a.pc.signalingState).toBe('closed')
    // Whatever the connection does now is not reported.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(logs[0].layers).toBe(layersBefore)
    b.close(true)
    await until(() => b.pc.signalingState === 'closed')
    track.stop()
  }, 30_000)
})
