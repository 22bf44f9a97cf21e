import { useEffect, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react'
import { callActions } from '../core/callActions.js'
import { debugReport } from '../core/debugReport.js'
import type { ErrorText } from '../core/errors.js'
import type { LocalMedia } from '../core/localMedia.js'
import type { CallRole, PeerSession, PeerSessionState } from '../core/peerSession.js'
import { signalFromLink, signalLink } from '../core/signalLink.js'
import { useMaybeLocalMediaContext, usePeerSessionContext } from '../hooks/PeerSessionContext.js'
import { useConnectionState } from '../hooks/useConnectionState.js'
import { useLocalMediaState } from '../hooks/useLocalMediaState.js'
import { useSessionSelector } from '../hooks/useSessionSelector.js'
import { useCallStats } from '../hooks/useCallStats.js'
import { useMediaDevices } from '../hooks/useMediaDevices.js'
import { useSignalingChannel } from '../hooks/useSignalingChannel.js'
import { CallControls } from './CallControls.js'
import { CallStatsPanel } from './CallStatsPanel.js'
import { ConnectionStatePanel } from './ConnectionStatePanel.js'
import { copyText } from './copyText.js'
import { DevicePickers } from './DevicePickers.js'
import { DeviceStatusList } from './DeviceStatusList.js'
import { ErrorAlert } from './ErrorAlert.js'
import { GatheringProgress } from './GatheringProgress.js'
import { DEFAULT_LABELS, type CallLabels } from './labels.js'
import type { CallMessagesOverride } from './messages.js'
import { LocalSignalBox } from './LocalSignalBox.js'
import { LocalVideo } from './LocalVideo.js'
import { MediaToggles } from './MediaToggles.js'
import { RemoteMediaBadges } from './RemoteMediaBadges.js'
import { RemoteSignalInput } from './RemoteSignalInput.js'
import { RemoteVideo } from './RemoteVideo.js'
import { RoleChoice } from './RoleChoice.js'
import { SecurityCode } from './SecurityCode.js'
import { SignalFormatPicker } from './SignalFormatPicker.js'
import { SignalingPicker, type SignalingKind } from './SignalingPicker.js'
import { SignalQrCode } from './SignalQrCode.js'
import { StateTimeline } from './StateTimeline.js'
import { StreamVideo } from './StreamVideo.js'
import { useDebouncedValue } from './useDebouncedValue.js'

/** Props of {@link VideoCallLayout}. */
export interface VideoCallLayoutProps extends ComponentPropsWithoutRef<'section'> {
  /** All text at once, e.g. `MESSAGES_ZH_CN`, or any keys of it. */
  messages?: CallMessagesOverride
  /** Per-key label overrides (win over `messages`). */
  labels?: Partial<CallLabels>
  /** Per-code error text overrides (win over `messages`). */
  errorText?: Partial<ErrorText>
  defaultRole?: CallRole
  /** The signaling chosen at first. Default `copy-paste`. */
  defaultSignaling?: SignalingKind
  /** Default room for Same browser and WebSocket. Default `demo`. */
  defaultRoom?: string
  /** Default relay URL for WebSocket. Default `ws://127.0.0.1:8787` (`npm run signal-server`). */
  defaultServerUrl?: string
  /**
   * Share links: `true` (default) adds **Copy link** to an offer, a link to this page whose fragment
   * (`#offer=…`, never sent to a server) carries it; opening one selects Callee and fills in Remote
   * signal. A function builds the link instead (e.g. to another page); `false` turns both off.
   */
  shareLink?: boolean | ((signal: string) => string)
  /**
   * Warm-up: `true` (default) prepares the next connection (`session.prepare()`) once the person
   * shows intent — the camera preview is on, or an offer is filled in — so the signal is ready
   * sooner after the click. It reaches the STUN/TURN servers at that moment; `false` waits for the
   * click.
   */
  prewarm?: boolean
  /** Wins over the context of `<VideoCall>` / `<PeerSessionProvider>`. */
  session?: PeerSession | null
  media?: LocalMedia | null
}

const selectPhase = (s: PeerSessionState) => s.phase
const selectLocalSignal = (s: PeerSessionState) => s.localSignal
const selectError = (s: PeerSessionState) => s.error
const selectRemoteStream = (s: PeerSessionState) => s.remoteStream
const selectRemoteScreen = (s: PeerSessionState) => s.remoteScreen
const selectStep = (s: PeerSessionState) => s.step
const selectInBand = (s: PeerSessionState) => s.inBand
const selectLocalScreen = (s: PeerSessionState) => s.localScreen
const selectEndedBy = (s: PeerSessionState) => s.endedBy
const selectGathering = (s: PeerSessionState) => s.gathering
const selectCandidateCounts = (s: PeerSessionState) => s.candidateCounts
const selectSignalFormat = (s: PeerSessionState) => s.signalFormat
const selectSecurityCode = (s: PeerSessionState) => s.securityCode
const selectRemoteMedia = (s: PeerSessionState) => s.remoteMedia
const selectTimeline = (s: PeerSessionState) => s.timeline

// Thin wrappers: each subscribes to its own slice, so a video re-renders only when its stream changes.
function SessionRemoteVideo({
  session,
  label,
  sinkId,
}: {
  session: PeerSession | null
  label: string
  sinkId: string
}) {
  const stream = useSessionSelector(selectRemoteStream, session)
  return (
    <RemoteVideo
      stream={stream}
      sinkId={sinkId}
      aria-label={label}
      className="rpc-video rpc-video--remote"
    />
  )
}

function SessionRemoteBadges({
  session,
  labels,
}: {
  session: PeerSession | null
  labels: CallLabels
}) {
  const state = useSessionSelector(selectRemoteMedia, session)
  return <RemoteMediaBadges state={state} labels={labels} />
}

function SessionRemoteScreen({ session, label }: { session: PeerSession | null; label: string }) {
  const screen = useSessionSelector(selectRemoteScreen, session)
  if (!screen) return null
  return (
    <figure className="rpc-tile rpc-tile--screen">
      <StreamVideo stream={screen} aria-label={label} className="rpc-video rpc-video--screen" />
      <figcaption aria-hidden="true">{label}</figcaption>
    </figure>
  )
}

// Mounted only while a call runs: the stats poll stops with it.
function SessionCallStats({
  session,
  labels,
  callName,
}: {
  session: PeerSession | null
  labels: CallLabels
  /** The call's own name when the app gave it one (two calls on a page need two stats names). */
  callName: string | undefined
}) {
  const stats = useCallStats(session)
  const name = callName ? `${labels.callStats} (${callName})` : labels.callStats
  return <CallStatsPanel stats={stats} labels={labels} aria-label={name} />
}

function SessionDiagnostics({
  session,
  labels,
}: {
  session: PeerSession | null
  labels: CallLabels
}) {
  const timeline = useSessionSelector(selectTimeline, session)
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  // When the clipboard refuses, the report is shown for the person to copy by hand.
  const [report, setReport] = useState('')
  return (
    <details className="rpc-diagnostics">
      <summary>{labels.stateTimeline}</summary>
      <StateTimeline entries={timeline} labels={labels} />
      <button
        type="button"
        disabled={!session}
        onClick={async () => {
          if (!session) return
          const text = await debugReport(session)
          const ok = await copyText(text, null)
          setReport(ok ? '' : text)
          setCopied(ok ? 'copied' : 'failed')
        }}
      >
        {labels.copyDebugReport}
      </button>
      <span aria-live="polite">{copied === 'copied' ? labels.debugReportCopied : ''}</span>
      {copied === 'failed' && (
        <>
          <p role="alert" className="rpc-error">
            {labels.debugReportNotCopied}
          </p>
          <textarea
            readOnly
            aria-label={labels.debugReport}
            value={report}
            rows={8}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      )}
    </details>
  )
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
  messages,
  labels: labelOverrides,
  errorText: errorOverrides,
  defaultRole = 'caller',
  defaultSignaling = 'copy-paste',
  defaultRoom = 'demo',
  defaultServerUrl = 'ws://127.0.0.1:8787',
  shareLink = true,
  prewarm = true,
  session: sessionProp,
  media: mediaProp,
  className,
  ...rest
}: VideoCallLayoutProps) {
  const fromContext = usePeerSessionContext()
  const session = sessionProp === undefined ? fromContext : sessionProp
  const mediaContext = useMaybeLocalMediaContext()
  const media = mediaProp === undefined ? (mediaContext ?? null) : mediaProp
  const labels = { ...DEFAULT_LABELS, ...messages?.labels, ...labelOverrides }
  const errorText = { ...messages?.errors, ...errorOverrides }

  const [role, setRole] = useState<CallRole>(defaultRole)
  const [remoteSignal, setRemoteSignal] = useState('')
  const [signalingKind, setSignalingKind] = useState<SignalingKind>(defaultSignaling)
  const [roomInput, setRoomInput] = useState(defaultRoom)
  const [urlInput, setUrlInput] = useState(defaultServerUrl)
  // Kind, room and URL settle together: no channel is opened for a half-made choice.
  const settled = useDebouncedValue(`${signalingKind}\n${roomInput}\n${urlInput}`, 300)
  const [kind, room = '', url = ''] = settled.split('\n') as [SignalingKind, string?, string?]
  const phase = useSessionSelector(selectPhase, session)
  const step = useSessionSelector(selectStep, session)
  const inBand = useSessionSelector(selectInBand, session)
  const localScreen = useSessionSelector(selectLocalScreen, session)
  const endedBy = useSessionSelector(selectEndedBy, session)
  const localSignal = useSessionSelector(selectLocalSignal, session)
  const gathering = useSessionSelector(selectGathering, session)
  const candidateCounts = useSessionSelector(selectCandidateCounts, session)
  const signalFormat = useSessionSelector(selectSignalFormat, session)
  const code = useSessionSelector(selectSecurityCode, session)
  const [showQr, setShowQr] = useState(false)
  const [speakerId, setSpeakerId] = useState('')
  const error = useSessionSelector(selectError, session)
  const mediaState = useLocalMediaState(media)
  const devices = useMediaDevices(mediaState.stream)
  const { micMuted, cameraOff } = mediaState
  const mode = signalingKind === 'copy-paste' ? 'copy-paste' : 'channel'
  const actions = callActions({ phase, step, inBand, localScreen }, role, mode)
  const startMedia = () => media?.start() ?? Promise.resolve(null)
  const channel = useSignalingChannel(
    kind === 'copy-paste'
      ? { kind: 'copy-paste' }
      : kind === 'same-browser'
        ? { kind: 'same-browser', room }
        : { kind: 'websocket', url, room },
    { session, media: startMedia },
  )

  // Opened from a share link (or one pasted into the address bar of an open page): be the callee
  // with the offer filled in, and drop the offer from the address bar and history, so a reload or
  // a shared screen does not show it again. Read after hydration: the server has no fragment.
  useEffect(() => {
    if (!shareLink) return
    const apply = () => {
      const offer = signalFromLink(window.location.href)
      // Never in the middle of a call: the link waits in the address bar until it is reloaded.
      const step = session?.getState().step ?? 'idle'
      if (!offer || (step !== 'idle' && step !== 'hung-up')) return
      window.history.replaceState(window.history.state, '', window.location.href.split('#')[0])
      setRole('callee')
      setRemoteSignal(offer)
    }
    apply()
    window.addEventListener('hashchange', apply)
    return () => window.removeEventListener('hashchange', apply)
  }, [shareLink, session])

  // Warm up once the person shows intent: the preview is on, or an offer waits to be answered.
  const intent = mediaState.status === 'live' || remoteSignal.trim() !== ''
  useEffect(() => {
    if (prewarm && intent && step === 'idle') session?.prepare()
  }, [prewarm, intent, step, session])

  const offerReady = step === 'offer-ready' && localSignal !== ''
  const link =
    !shareLink || !offerReady
      ? undefined
      : typeof shareLink === 'function'
        ? shareLink(localSignal)
        : signalLink(localSignal, window.location.href)

  // The media's switches are what the other side is told (and shown), whenever they change.
  useEffect(() => {
    session?.setMediaState({ micMuted, cameraOff })
  }, [session, micMuted, cameraOff])
  const setMicMuted = (muted: boolean) => media?.setEnabled('audio', !muted)
  const setCameraOff = (off: boolean) => media?.setEnabled('video', !off)
  const switchDevice = (kind: 'audio' | 'video', deviceId: string) =>
    void media?.switchDevice(kind, deviceId, (previous, next) =>
      session ? session.replaceTrack(previous, next) : Promise.resolve(false),
    )
  // Alt+M and Alt+V, anywhere in the call but a text field (by key position: Alt changes the
  // character on some keyboards).
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || !media) return
    if (event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement)
      return
    if (event.code === 'KeyM') setMicMuted(!micMuted)
    else if (event.code === 'KeyV') setCameraOff(!cameraOff)
    else return
    event.preventDefault()
  }

  // The other person hung up: our camera goes off too.
  useEffect(() => {
    if (endedBy === 'remote') media?.stop()
  }, [endedBy, media])

  return (
    <section
      aria-label={labels.call}
      // An app's className adds to ours, so the stylesheet keeps applying.
      className={className ? `rpc-call ${className}` : 'rpc-call'}
      data-state={phase}
      data-role={role}
      onKeyDown={onKeyDown}
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
          <SessionRemoteVideo session={session} label={labels.remoteVideo} sinkId={speakerId} />
          <figcaption aria-hidden="true">{labels.remoteVideo}</figcaption>
          <SessionRemoteBadges session={session} labels={labels} />
        </figure>
        <SessionRemoteScreen session={session} label={labels.remoteScreen} />
      </div>
      {media && (
        <div className="rpc-media">
          {mediaState.status !== 'live' && phase === 'idle' && (
            <button type="button" onClick={() => void media.start()}>
              {labels.startCamera}
            </button>
          )}
          <MediaToggles
            micMuted={micMuted}
            cameraOff={cameraOff}
            onMicMutedChange={setMicMuted}
            onCameraOffChange={setCameraOff}
            labels={labels}
          />
          {mediaState.status === 'live' && (
            <DevicePickers
              devices={devices}
              cameraId={mediaState.deviceIds.video}
              microphoneId={mediaState.deviceIds.audio}
              speakerId={speakerId}
              onCameraChange={(id) => switchDevice('video', id)}
              onMicrophoneChange={(id) => switchDevice('audio', id)}
              onSpeakerChange={setSpeakerId}
              labels={labels}
            />
          )}
        </div>
      )}
      <SignalingPicker
        kind={signalingKind}
        room={roomInput}
        url={urlInput}
        onKindChange={setSignalingKind}
        onRoomChange={setRoomInput}
        onUrlChange={setUrlInput}
        disabled={!actions.chooseRole}
        labels={labels}
      />
      {/* With a channel, whoever clicks Start call is the caller: no role to choose. */}
      {mode === 'copy-paste' && (
        <RoleChoice
          value={role}
          onValueChange={setRole}
          disabled={!actions.chooseRole}
          labels={labels}
        />
      )}
      <CallControls
        actions={actions}
        mode={mode}
        labels={labels}
        onStartCall={() => void session?.startCall({ media: startMedia })}
        onReconnect={() => void session?.reconnect()}
        onShareScreen={() => void session?.startScreenShare()}
        onStopSharing={() => session?.stopScreenShare()}
        onCreateOffer={() => void session?.createOffer({ media: startMedia })}
        onCreateAnswer={() => void session?.createAnswer(remoteSignal, { media: startMedia })}
        onCompleteConnection={() => void session?.completeConnection(remoteSignal)}
        onHangUp={() => {
          session?.hangUp()
          media?.stop()
        }}
      />
      {mode === 'channel' &&
        actions.startCall &&
        (channel.status === 'open' || channel.status === 'connecting') && (
          <p className="rpc-notice" data-state={channel.status}>
            {channel.status === 'open' ? labels.channelOpen : labels.channelConnecting}
          </p>
        )}
      <SecurityCode code={code} labels={labels} />
      {endedBy === 'remote' && (
        <p role="status" className="rpc-notice" data-state="remote-hung-up">
          {labels.remoteHungUp}
        </p>
      )}
      {/* Not rendered (rather than hidden) with a channel: a stylesheet could show a hidden grid. */}
      {mode === 'copy-paste' && (
        <div className="rpc-signals">
          <div className="rpc-signal-column">
            <SignalFormatPicker
              value={signalFormat}
              onValueChange={(format) => void session?.setSignalFormat(format)}
              labels={labels}
            />
            <LocalSignalBox
              value={localSignal}
              link={link}
              labels={{ ...labels, placeholder: labels.localSignalPlaceholder }}
              copyError={errorText?.ERR_COPY}
            />
            <GatheringProgress gathering={gathering} counts={candidateCounts} labels={labels} />
            {localSignal && (
              <button
                type="button"
                className="rpc-qr-toggle"
                aria-expanded={showQr}
                onClick={() => setShowQr((shown) => !shown)}
              >
                {showQr ? labels.hideQrCode : labels.showQrCode}
              </button>
            )}
            {localSignal && showQr && <SignalQrCode value={link ?? localSignal} labels={labels} />}
          </div>
          <RemoteSignalInput
            value={remoteSignal}
            onValueChange={setRemoteSignal}
            labels={{ ...labels, placeholder: labels.remoteSignalPlaceholder }}
          />
        </div>
      )}
      <ErrorAlert
        error={error}
        errorText={errorText}
        onDismiss={() => session?.clearError()}
        labels={labels}
      />
      <ErrorAlert error={mediaState.error} errorText={errorText} />
      <DeviceStatusList devices={mediaState.devices} errorText={errorText} labels={labels} />
      {channel.error && channel.error !== error && (
        <ErrorAlert error={channel.error} errorText={errorText} />
      )}
      {mediaState.status === 'receive-only' && (
        <p className="rpc-notice" data-state="receive-only">
          {labels.receiveOnly}
        </p>
      )}
      {/* Phase changes are announced politely; the panel's every ICE tick is not. */}
      <p aria-live="polite" className="rpc-visually-hidden">
        {labels.phaseNames[phase]}
      </p>
      <SessionStatePanel session={session} labels={labels} />
      {(phase === 'connected' || phase === 'reconnecting') && (
        <SessionCallStats
          session={session}
          labels={labels}
          callName={rest['aria-label'] !== labels.call ? rest['aria-label'] : undefined}
        />
      )}
      <SessionDiagnostics session={session} labels={labels} />
    </section>
  )
}
