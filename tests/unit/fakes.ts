import { afterEach, beforeEach, vi } from 'vitest'
import { INITIAL_SESSION_STATE, type PeerSessionState } from '../../src/core/peerSessionTypes'
import type { CallRunnerHost } from '../../src/core/session/callRunner'
import { nextSessionState, type SessionPatch } from '../../src/core/session/sessionSnapshot'
import type { SignalMessage } from '../../src/core/signalMessage'
import type { ChannelState, SignalingChannel } from '../../src/core/signalingChannel'

/**
 * A connection that records what it is given, for the session's pieces in Node (no media, no
 * network). As browsers do, it refuses a candidate of an ICE username its description lacks.
 */
export class FakePeerConnection extends EventTarget {
  static made: FakePeerConnection[] = []
  signalingState: RTCSignalingState = 'stable'
  iceGatheringState: RTCIceGatheringState = 'new'
  iceConnectionState: RTCIceConnectionState = 'new'
  connectionState: RTCPeerConnectionState = 'new'
  remoteDescription: RTCSessionDescriptionInit | null = null
  added: unknown[] = []
  transceivers: { kind: string; init: RTCRtpTransceiverInit | undefined }[] = []
  closed = false
  constructor() {
    super()
    FakePeerConnection.made.push(this)
  }
  getConfiguration(): RTCConfiguration {
    return {}
  }
  createDataChannel() {
    return Object.assign(new EventTarget(), { readyState: 'connecting', bufferedAmount: 0 })
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit) {
    this.remoteDescription = description
  }
  async addIceCandidate(candidate: RTCIceCandidateInit) {
    // As browsers do: a candidate of another ICE username than the description's is refused.
    const ufrag = candidate.usernameFragment
    if (ufrag && !this.remoteDescription?.sdp?.includes(`a=ice-ufrag:${ufrag}\r\n`)) {
      throw new DOMException('Unknown ufrag', 'OperationError')
    }
    this.added.push(candidate)
  }
  addTransceiver(kind: string, init?: RTCRtpTransceiverInit) {
    this.transceivers.push({ kind, init })
    return {}
  }
  close() {
    this.closed = true
  }
}

/** Stubs `RTCPeerConnection` with {@link FakePeerConnection} for each test of the file. */
export function useFakePeerConnections(): void {
  beforeEach(() => {
    FakePeerConnection.made = []
    vi.stubGlobal('RTCPeerConnection', FakePeerConnection)
  })
  afterEach(() => vi.unstubAllGlobals())
}

/** An open signaling channel whose messages the test delivers (from `'peer'` unless said). */
export function fakeChannel(id = 'me') {
  const listeners = new Set<(message: SignalMessage, from: string) => void>()
  const state: ChannelState = { status: 'open', error: null }
  const channel: SignalingChannel = {
    id,
    send: () => {},
    onMessage(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getState: () => state,
    subscribe: () => () => {},
    close: () => {},
  }
  const deliver = (message: SignalMessage, from = 'peer') => {
    for (const listener of [...listeners]) listener(message, from)
  }
  return { channel, listeners, deliver }
}

/**
 * A call runner's host with no channel and no messenger, over a snapshot the test reads with
 * `state()`; `onReset` hears each reset.
 */
export function runnerHost(onReset: CallRunnerHost['onReset'] = () => {}) {
  let state: PeerSessionState = INITIAL_SESSION_STATE
  const update = (patch: SessionPatch) => {
    state = nextSessionState(state, patch)
  }
  const host: CallRunnerHost = {
    config: () => ({ iceServers: [] }),
    disposed: () => false,
    polite: () => false,
    messenger: { send: () => {}, canSend: () => false },
    canReach: () => false,
    state: () => state,
    update,
    onChannelOpen: () => {},
    onMessage: () => {},
    onReset,
  }
  return { host, update, state: () => state }
}
