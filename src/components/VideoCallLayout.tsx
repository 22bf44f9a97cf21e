import { useState, type ComponentPropsWithoutRef } from 'react'
import { callActions } from '../core/callActions'
import type { ErrorText } from '../core/errors'
import type { LocalMedia } from '../core/localMedia'
import type { CallRole, PeerSession, PeerSessionState } from '../core/peerSession'
import { useMaybeLocalMediaContext, usePeerSessionContext } from '../hooks/PeerSessionContext'
import { useConnectionState } from '../hooks/useConnectionState'
import { useLocalMediaState } from '../hooks/useLocalMediaState'
import { useSessionSelector } from '../hooks/useSessionSelector'
import { CallControls } from './CallControls'
import { ConnectionStatePanel } from './ConnectionStatePanel'
import { ErrorAlert } from './ErrorAlert'
import { DEFAULT_LABELS, type CallLabels } from './labels'
import { LocalSignalBox } from './LocalSignalBox'
import { LocalVideo } from './LocalVideo'
import { RemoteSignalInput } from './RemoteSignalInput'
import { RemoteVideo } from './RemoteVideo'
import { RoleChoice } from './RoleChoice'

/** Props of {@link VideoCallLayout}. */
export interface VideoCallLayoutProps extends ComponentPropsWithoutRef<'section'> {
  labels?: Partial<CallLabels>
  errorText?: Partial<ErrorText>
  defaultRole?: CallRole
  /** Wins over the context of `<VideoCall>` / `<PeerSessionProvider>`. */
  session?: PeerSession | null
  media?: LocalMedia | null
}

const selectPhase = (s: PeerSessionState) => s.phase
const selectLocalSignal = (s: PeerSessionState) => s.localSignal
const selectError = (s: PeerSessionState) => s.error
const selectRemoteStream = (s: PeerSessionState) => s.remoteStream

// Thin wrappers: each subscribes to its own slice, so a video re-renders only when its stream changes.
function SessionRemoteVideo({ session, label }: { session: PeerSession | null; label: string }) {
  const stream = useSessionSelector(selectRemoteStream, session)
  return <RemoteVideo stream={stream} aria-label={label} className="rpc-video rpc-video--remote" />
}

function SessionStatePanel({
  session,
  labels,
}: {
  session: PeerSession | null
  labels: CallLabels
}) {
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

/**
 * The default layout of `<VideoCall>`: videos, role choice, buttons, the two signal textboxes,
 * errors and the state panel, built only from the kit's public hooks and components. Copy it as
 * the start of your own layout.
 *
 * @example
 * <VideoCall iceServers={[]}>
 *   <h2>My call</h2>
 *   <VideoCallLayout defaultRole="callee" />
 * </VideoCall>
 */
export function VideoCallLayout({
  labels: labelOverrides,
  errorText,
  defaultRole = 'caller',
  session: sessionProp,
  media: mediaProp,
  className,
  ...rest
}: VideoCallLayoutProps) {
  const fromContext = usePeerSessionContext()
  const session = sessionProp === undefined ? fromContext : sessionProp
  const mediaContext = useMaybeLocalMediaContext()
  const media = mediaProp === undefined ? (mediaContext ?? null) : mediaProp
  const labels = { ...DEFAULT_LABELS, ...labelOverrides }

  const [role, setRole] = useState<CallRole>(defaultRole)
  const [remoteSignal, setRemoteSignal] = useState('')
  const phase = useSessionSelector(selectPhase, session)
  const localSignal = useSessionSelector(selectLocalSignal, session)
  const error = useSessionSelector(selectError, session)
  const mediaState = useLocalMediaState(media)
  const actions = callActions(phase, role)
  const startMedia = () => media?.start() ?? Promise.resolve(null)

  return (
    <section
      aria-label={labels.call}
      className={className ?? 'rpc-call'}
      data-state={phase}
      data-role={role}
      {...rest}
    >
      <div className="rpc-videos">
        {/* Captions for sighted users; the videos carry the same words as their accessible names. */}
        <figure className="rpc-tile">
          <LocalVideo
            stream={mediaState.stream}
            aria-label={labels.localVideo}
            className="rpc-video rpc-video--local"
          />
          <figcaption aria-hidden="true">{labels.localVideo}</figcaption>
        </figure>
        <figure className="rpc-tile">
          <SessionRemoteVideo session={session} label={labels.remoteVideo} />
          <figcaption aria-hidden="true">{labels.remoteVideo}</figcaption>
        </figure>
      </div>
      <RoleChoice
        value={role}
        onValueChange={setRole}
        disabled={!actions.chooseRole}
        labels={labels}
      />
      <CallControls
        actions={actions}
        labels={labels}
        onCreateOffer={() => void session?.createOffer({ media: startMedia })}
        onCreateAnswer={() => void session?.createAnswer(remoteSignal, { media: startMedia })}
        onCompleteConnection={() => void session?.completeConnection(remoteSignal)}
        onHangUp={() => {
          session?.hangUp()
          media?.stop()
        }}
      />
      <div className="rpc-signals">
        <LocalSignalBox
          value={localSignal}
          labels={{ ...labels, placeholder: labels.localSignalPlaceholder }}
          copyError={errorText?.ERR_COPY}
        />
        <RemoteSignalInput
          value={remoteSignal}
          onValueChange={setRemoteSignal}
          labels={{ ...labels, placeholder: labels.remoteSignalPlaceholder }}
        />
      </div>
      <ErrorAlert
        error={error}
        errorText={errorText}
        onDismiss={() => session?.clearError()}
        labels={labels}
      />
      <ErrorAlert error={mediaState.error} errorText={errorText} />
      {mediaState.status === 'receive-only' && (
        <p className="rpc-notice" data-state="receive-only">
          {labels.receiveOnly}
        </p>
      )}
      <SessionStatePanel session={session} labels={labels} />
    </section>
  )
}
