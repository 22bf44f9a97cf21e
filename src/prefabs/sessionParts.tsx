import type { CallPhase } from '../core/phase.js'
import type { PeerSession, PeerSessionState } from '../core/peerSession.js'
import { ConnectionStatePanel } from '../components/ConnectionStatePanel.js'
import { Icon } from '../components/Icon.js'
import type { CallLabels } from '../components/labels.js'
import { RemoteMediaBadges } from '../components/RemoteMediaBadges.js'
import { RemoteVideo } from '../components/RemoteVideo.js'
import { StreamVideo } from '../components/StreamVideo.js'
import { VideoTile } from '../components/VideoTile.js'
import { useConnectionState } from '../hooks/useConnectionState.js'
import { useSessionSelector } from '../hooks/useSessionSelector.js'

// The layout's session-bound parts. Each subscribes to its own slice, so a video re-renders only
// when its stream changes, not with every state the connection goes through.

const selectRemoteStream = (s: PeerSessionState) => s.remoteStream
const selectIncomingStream = (s: PeerSessionState) => s.incomingStream
const selectRemoteScreen = (s: PeerSessionState) => s.remoteScreen
const selectRemoteMedia = (s: PeerSessionState) => s.remoteMedia

interface Part {
  session: PeerSession | null
  labels: CallLabels
}

/** The other person, filling the call area: their video, their mute icons, or a placeholder. */
export function SessionRemoteTile({
  session,
  labels,
  sinkId,
  phase,
  named = true,
}: Part & { sinkId: string; phase: CallPhase; named?: boolean }) {
  const stream = useSessionSelector(selectRemoteStream, session)
  const incoming = useSessionSelector(selectIncomingStream, session)
  const remote = useSessionSelector(selectRemoteMedia, session)
  // Their switches mean something only while the call runs: never left on an empty tile.
  const live = phase === 'connected' || phase === 'reconnecting'
  const waiting = phase === 'connecting' ? labels.connectingCall : labels.waitingForOther
  const placeholder = !stream ? (
    <p>{waiting}</p>
  ) : live && remote?.cameraOff ? (
    <p>
      <Icon name="user" />
      {labels.remoteCameraOff}
    </p>
  ) : undefined
  return (
    <VideoTile
      variant="hero"
      className="rpc-tile--remote"
      placeholder={named ? placeholder : undefined}
      badges={
        named && <RemoteMediaBadges state={live ? remote : null} labels={labels} variant="icon" />
      }
    >
      <RemoteVideo
        // Made ahead (unnamed, hidden), the video holds the stream the other person will arrive
        // on: its player is ready before Complete connection, which then shows this very stream.
        stream={stream ?? (named ? null : incoming)}
        sinkId={sinkId}
        aria-label={named ? labels.remoteVideo : undefined}
        className="rpc-video"
      />
    </VideoTile>
  )
}

/** The other person's shared screen, when they share one: it takes the call area. */
export function SessionRemoteScreen({ session, labels }: Part) {
  const screen = useSessionSelector(selectRemoteScreen, session)
  if (!screen) return null
  return (
    <VideoTile variant="screen" className="rpc-tile--screen" name={labels.remoteScreen}>
      <StreamVideo stream={screen} aria-label={labels.remoteScreen} className="rpc-video" />
    </VideoTile>
  )
}

/** The four layers and the phase, as the browser reports them. */
export function SessionStatePanel({ session, labels }: Part) {
  const { phase, signalingState, iceGatheringState, iceConnectionState, connectionState } =
    useConnectionState(session)
  return (
    <ConnectionStatePanel
      phase={phase}
      signalingState={signalingState}
      iceGatheringState={iceGatheringState}
      iceConnectionState={iceConnectionState}
      connectionState={connectionState}
      labels={labels}
    />
  )
}
