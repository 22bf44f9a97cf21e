import { remoteStreamId } from '../sdpMediaIds.js'
import type { PeerSessionState } from '../peerSessionTypes.js'
import type { SignalMessage } from '../signalMessage.js'

/** What a call's screen share needs from the session. */
export interface ScreenShareHost {
  readonly pc: RTCPeerConnection
  /** The session's snapshot now. */
  state(): PeerSessionState
  update(patch: Partial<Pick<PeerSessionState, 'localScreen' | 'remoteScreen' | 'error'>>): void
  /** Whether this call is still the session's current one. */
  isCurrent(): boolean
  canSend(): boolean
  send(message: Extract<SignalMessage, { type: 'screen' }>): void
}

/** One call's screen sharing, both ways: ours on a re-used transceiver, theirs as announced. */
export interface ScreenShare {
  /**
   * A track event: `true` when it is the other side's screen (shown as `remoteScreen`) or a late
   * event of a share that stopped (never to be taken for the camera).
   */
  claimTrack(event: RTCTrackEvent, stream: MediaStream): boolean
  /** After a negotiation settles: their screen shown or ended as its transceiver now says. */
  onStable(): void
  /** The other side announced the stream of its next share, or `null` when it stopped. */
  announced(streamId: string | null): void
  /** Shares `screen` (its first video track): announced first, then sent. */
  share(screen: MediaStream): Promise<void>
  /** Stops our share and tells the other side. */
  stop(): void
  /** Stops our share's tracks and sending, silently (the call is closing). */
  release(): void
}

/**
 * Creates the screen sharing of one call. Our shares re-use one transceiver (the SDP does not grow
 * share after share); theirs are told apart from the camera by the stream they announced and the
 * transceiver it last came on.
 *
 * @example
 * const screen = createScreenShare(host)
 * pc.addEventListener('track', (event) => screen.claimTrack(event, event.streams[0]))
 */
export function createScreenShare(host: ScreenShareHost): ScreenShare {
  // The stream id the other side last announced; `null` while it shares none.
  let remoteId: string | null = null
  // The transceiver the other side's screen arrives on.
  let remoteTransceiver: RTCRtpTransceiver | null = null
  // One transceiver for our shares, re-used.
  let localTransceiver: RTCRtpTransceiver | null = null
  // A share being switched onto that transceiver (not yet `localScreen`): ours to stop too.
  let switching: MediaStream | null = null

  const release = () => {
    for (const track of host.state().localScreen?.getTracks() ?? []) track.stop()
    for (const track of switching?.getTracks() ?? []) track.stop()
    switching = null
    const transceiver = localTransceiver
    if (
      transceiver &&
      host.pc.signalingState !== 'closed' &&
      transceiver.direction !== 'inactive'
    ) {
      void transceiver.sender.replaceTrack(null)
      // A direction change renegotiates: the other side's screen track ends.
      transceiver.direction = 'inactive'
    }
  }

  const stop = () => {
    if (!host.isCurrent() || !host.state().localScreen) return
    release()
    if (host.canSend()) host.send({ type: 'screen', streamId: null })
    host.update({ localScreen: null })
  }

  return {
    claimTrack(event, stream) {
      // The stream the other side announced, or the transceiver it last came on (a re-used
      // transceiver may re-fire with an old stream id, so ids alone are no guide).
      const onScreenTransceiver = event.transceiver === remoteTransceiver
      if (remoteId !== null && (stream.id === remoteId || onScreenTransceiver)) {
        remoteTransceiver = event.transceiver
        host.update({ remoteScreen: new MediaStream([event.track]) })
        return true
      }
      // A late event of a share that stopped: never the camera (a peer without a camera once had
      // its next shares ignored that way).
      return onScreenTransceiver
    },

    onStable() {
      // A negotiation that stopped the other side's screen ends it here too, message or not; one
      // that resumed it on its known transceiver shows it even without a track event (Chromium
      // fires none when an answer, after glare, is what turns receiving back on).
      const receiving = remoteTransceiver?.currentDirection
      if (host.pc.signalingState !== 'stable' || !remoteTransceiver || !receiving) return
      if (!receiving.includes('recv')) host.update({ remoteScreen: null })
      else if (remoteId !== null && !host.state().remoteScreen) {
        host.update({ remoteScreen: new MediaStream([remoteTransceiver.receiver.track]) })
      }
    },

    announced(streamId) {
      // Remote descriptions name streams by short ids (normalizeMediaIds): compare with that.
      remoteId = streamId === null ? null : remoteStreamId(streamId)
      if (streamId === null) host.update({ remoteScreen: null })
    },

    async share(screen) {
      const [track] = screen.getVideoTracks()
      if (!host.isCurrent() || !track) {
        for (const t of screen.getTracks()) t.stop()
        return
      }
      // The browser's own "Stop sharing" button ends the track: stop on both sides then too.
      track.addEventListener('ended', () => {
        if (host.state().localScreen === screen) stop()
      })
      // Announced first: the data channel is ordered, so the other side knows the stream on arrival.
      host.send({ type: 'screen', streamId: screen.id })
      if (localTransceiver) {
        // A call that closes meanwhile stops it (release), however the switch then ends.
        switching = screen
        try {
          await localTransceiver.sender.replaceTrack(track)
        } catch (cause) {
          for (const t of screen.getTracks()) t.stop()
          if (host.isCurrent()) throw cause
          return
        } finally {
          if (switching === screen) switching = null
        }
        if (!host.isCurrent()) return
        localTransceiver.sender.setStreams(screen)
        localTransceiver.direction = 'sendonly'
      } else {
        localTransceiver = host.pc.addTransceiver(track, {
          direction: 'sendonly',
          streams: [screen],
        })
      }
      host.update({ localScreen: screen, error: null })
    },

    stop,
    release,
  }
}
