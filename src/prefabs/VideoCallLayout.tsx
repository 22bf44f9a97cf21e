import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
} from 'react'
import { callActions, callView } from '../core/callActions.js'
import { canStartCall } from '../core/phase.js'
import type { ErrorText } from '../core/errors.js'
import type { LocalMedia } from '../core/localMedia.js'
import type { CallRole, PeerSession, PeerSessionState } from '../core/peerSession.js'
import { signalFromLink, signalLink } from '../core/signalLink.js'
import { DEFAULT_LABELS, type CallLabels } from '../components/labels.js'
import type { CallMessagesOverride } from '../locales/messages.js'
import type { SignalingKind } from '../components/SignalingPicker.js'
import { useMaybeLocalMediaContext, usePeerSessionContext } from '../hooks/PeerSessionContext.js'
import { useLocalMediaState } from '../hooks/useLocalMediaState.js'
import { useMediaDevices } from '../hooks/useMediaDevices.js'
import { useSessionSelector } from '../hooks/useSessionSelector.js'
import { useSignalingChannel, type MqttSignalingLoader } from '../hooks/useSignalingChannel.js'
import { useDebouncedValue } from '../components/useDebouncedValue.js'
import { CallStage } from './CallStage.js'
import { DetailsPanel } from './DetailsPanel.js'
import { EndedCard } from './EndedCard.js'
import type { LayoutContext } from './layoutContext.js'
import { Lobby } from './Lobby.js'
import { useQuietSession, useQuietUntilFirstFrame } from './useQuietView.js'

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
   * Offers **MQTT broker** in Signaling, loading the channel only when it is chosen:
   * `mqtt={() => import('react-p2p-call/mqtt')}` (mqtt.js stays out of the app's main chunk).
   */
  mqtt?: MqttSignalingLoader
  /** Default broker URL for MQTT broker. Default `ws://127.0.0.1:9001` (`npm run broker`). */
  defaultBrokerUrl?: string
  /**
   * Share links: `true` (default) adds **Copy link** to an offer, a link to this page whose fragment
   * (`#offer=…`, never sent to a server) carries it; opening one selects Callee and fills in Remote
   * signal. A function builds the link instead (e.g. to another page); `false` turns both off.
   */
  shareLink?: boolean | ((signal: string) => string)
  /**
   * The page a share link opens (default: this page). Give one another device can reach when this
   * page is at localhost, e.g. the dev server's network address; a link to localhost is shown with
   * a note that it opens only on this device.
   */
  linkBase?: string
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
const selectStep = (s: PeerSessionState) => s.step
const selectSignaling = (s: PeerSessionState) => s.signalingState
const selectInBand = (s: PeerSessionState) => s.inBand
const selectLocalScreen = (s: PeerSessionState) => s.localScreen
const selectEndedBy = (s: PeerSessionState) => s.endedBy
const selectLocalSignal = (s: PeerSessionState) => s.localSignal

/**
 * The default layout of `<VideoCall>`, a call UI like the ones people know. Before the call a
 * lobby: the camera preview with a level meter, the microphone and camera with their device menus,
 * and the exchange as numbered steps for the chosen role. In the call: the other person fills the
 * call area, your own picture is a small movable self view, one bar of icon buttons (microphone,
 * camera, screen, Details, Hang up). Everything about signals and protocol state lives in the
 * **Details** panel. Built only from the kit's public hooks and components: copy it as the start
 * of your own layout.
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
  mqtt,
  defaultBrokerUrl = 'ws://127.0.0.1:9001',
  shareLink = true,
  linkBase,
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
  const detailsId = useId()

  const [role, setRole] = useState<CallRole>(defaultRole)
  const [remoteSignal, setRemoteSignal] = useState('')
  // Opened from a share link: the lobby shows a short invitation instead of the steps.
  const [invited, setInvited] = useState(false)
  const [detailsOpen, setDetailsOpen] = useState(false)
  const [speakerId, setSpeakerId] = useState('')
  const [signalingKind, setSignalingKind] = useState<SignalingKind>(defaultSignaling)
  const [roomInput, setRoomInput] = useState(defaultRoom)
  const [urlInput, setUrlInput] = useState(defaultServerUrl)
  const [brokerInput, setBrokerInput] = useState(defaultBrokerUrl)
  const [usernameInput, setUsernameInput] = useState('')
  const [passwordInput, setPasswordInput] = useState('')
  // Kind, room, URL and account settle together: no channel is opened for a half-made choice.
  const settled = useDebouncedValue(
    JSON.stringify([signalingKind, roomInput, urlInput, brokerInput, usernameInput, passwordInput]),
    300,
  )
  const [kind, room, url, brokerUrl, username, password] = JSON.parse(settled) as [
    SignalingKind,
    string,
    string,
    string,
    string,
    string,
  ]

  // What the layout shows is read from a view of the session that stands still while a call it
  // shows comes up (useQuietUntilFirstFrame, below); what it does goes to the session.
  const quiet = useQuietSession(session)
  const shownSession = quiet?.view ?? null
  const phase = useSessionSelector(selectPhase, shownSession)
  const step = useSessionSelector(selectStep, shownSession)
  const signalingState = useSessionSelector(selectSignaling, shownSession)
  const inBand = useSessionSelector(selectInBand, shownSession)
  const localScreen = useSessionSelector(selectLocalScreen, shownSession)
  const endedBy = useSessionSelector(selectEndedBy, shownSession)
  const localSignal = useSessionSelector(selectLocalSignal, shownSession)
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
        : kind === 'mqtt' && mqtt
          ? { kind: 'mqtt', load: mqtt, url: brokerUrl, room, username, password }
          : kind === 'mqtt'
            ? { kind: 'copy-paste' }
            : { kind: 'websocket', url, room },
    { session, media: startMedia },
  )

  // "Call again" leaves the ended screen for the lobby; the next call's end shows it again.
  const view = callView({ phase, step }, role, mode)
  const [againAfter, setAgainAfter] = useState<PeerSessionState['step'] | null>(null)
  // Forgotten once the view leaves `ended`. In an effect, not during render: after a render-phase
  // update, React 18's useSyncExternalStore missed the store's next change (a refused answer left
  // the call view up). Only when Call again was used (once per call): even a no-op update renders
  // the layout once more, and at the click that render came while the browser connected.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    if (view !== 'ended' && againAfter !== null) setAgainAfter(null)
  }, [view, againAfter])
  const shown = view === 'ended' && againAfter !== null ? 'lobby' : view
  // The call view is made, hidden, while a signal waits for the other side (the invite for its
  // reply, the reply for the connection): when the call comes, it is only shown, and the other
  // person's video is in place for their first frame.
  const stageAhead =
    shown === 'lobby' &&
    mode === 'copy-paste' &&
    (step === 'offer-ready' || step === 'answer-ready')
  // Complete connection shows the call at the click, while the browser applies the answer: the
  // lobby stays behind it, hidden and not rendered again, until the first answer is applied, so a
  // refused answer only shows it again as it was (the pasted text, the offer, the alert). Not for
  // the offers of the call's own negotiation later (a screen share): the phase is past connecting.
  // The view stands still from the click to the first frame, so this lasts until then.
  const lobbyBehind =
    shown === 'call' &&
    mode === 'copy-paste' &&
    step === 'completing' &&
    phase === 'connecting' &&
    signalingState === 'have-local-offer'
  // From the moment a copy-paste call shows (the click, or `connected` for the callee) to the
  // other person's first frame, nothing renders: the browser connects and decodes undisturbed.
  const root = useRef<HTMLElement>(null)
  // The caller's call shows at the click; the callee's, made ahead with its answer, at `connected`.
  useQuietUntilFirstFrame(
    quiet,
    mode !== 'copy-paste'
      ? null
      : shown === 'call'
        ? 'now'
        : stageAhead && step === 'answer-ready'
          ? 'at-connected'
          : null,
    root,
  )

  // Opened from a share link (or one pasted into the address bar of an open page): be the callee
  // with the offer filled in, and drop the offer from the address bar and history, so a reload or
  // a shared screen does not show it again. Read after hydration: the server has no fragment.
  useEffect(() => {
    if (!shareLink) return
    const apply = () => {
      const offer = signalFromLink(window.location.href)
      // Never in the middle of a call: the link waits in the address bar until it is reloaded.
      if (!offer || (session && !canStartCall(session.getState()))) return
      window.history.replaceState(window.history.state, '', window.location.href.split('#')[0])
      setRole('callee')
      setRemoteSignal(offer)
      setInvited(true)
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

  // The media's switches are what the other side is told (and shown), whenever they change.
  useEffect(() => {
    session?.setMediaState({ micMuted, cameraOff })
  }, [session, micMuted, cameraOff])

  // The other person hung up: our camera goes off too.
  useEffect(() => {
    if (endedBy === 'remote') media?.stop()
  }, [endedBy, media])

  const offerReady = step === 'offer-ready' && localSignal !== ''
  // Written once per signal (its QR form is a conversion), not at every render.
  const link = useMemo(
    () =>
      !shareLink || !offerReady
        ? undefined
        : typeof shareLink === 'function'
          ? shareLink(localSignal)
          : signalLink(localSignal, linkBase ?? window.location.href),
    [shareLink, offerReady, localSignal, linkBase],
  )

  const setMicMuted = (muted: boolean) => media?.setEnabled('audio', !muted)
  const setCameraOff = (off: boolean) => media?.setEnabled('video', !off)
  // Alt+M and Alt+V, anywhere in the call but a text field (by key position: Alt changes the
  // character on some keyboards).
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || !media) return
    const target = event.target
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) return
    if (event.code === 'KeyM') setMicMuted(!micMuted)
    else if (event.code === 'KeyV') setCameraOff(!cameraOff)
    else return
    event.preventDefault()
  }

  const context: LayoutContext = {
    session: shownSession,
    media,
    labels,
    errorText,
    role,
    mode,
    phase,
    step,
    actions,
    mediaState,
    devices,
    speakerId,
    channel,
    details: { id: detailsId, open: detailsOpen, toggle: () => setDetailsOpen((o) => !o) },
    setMicMuted,
    setCameraOff,
    setSpeakerId,
    switchDevice: (which, deviceId) =>
      void media?.switchDevice(which, deviceId, (previous, next) =>
        session ? session.replaceTrack(previous, next) : Promise.resolve(false),
      ),
    startMedia,
    hangUp: () => {
      session?.hangUp()
      media?.stop()
    },
  }

  return (
    <section
      ref={root}
      aria-label={labels.call}
      // An app's className adds to ours, so the stylesheet keeps applying.
      className={className ? `rpc-call ${className}` : 'rpc-call'}
      data-state={phase}
      data-role={role}
      data-view={shown}
      data-details={detailsOpen ? 'open' : 'closed'}
      onKeyDown={onKeyDown}
      {...rest}
    >
      <div className="rpc-call__main">
        {(shown === 'lobby' || lobbyBehind) && (
          <Lobby
            {...context}
            behind={shown !== 'lobby'}
            remoteSignal={remoteSignal}
            onRemoteSignalChange={(text) => {
              setRemoteSignal(text)
              setInvited(false)
            }}
            onRoleChange={(next) => {
              setRole(next)
              setInvited(false)
            }}
            invited={invited && step === 'idle'}
            link={link}
            signaling={{
              kind: signalingKind,
              room: roomInput,
              url: signalingKind === 'mqtt' ? brokerInput : urlInput,
              onKindChange: setSignalingKind,
              onRoomChange: setRoomInput,
              onUrlChange: signalingKind === 'mqtt' ? setBrokerInput : setUrlInput,
              offerMqtt: mqtt !== undefined,
              username: usernameInput,
              password: passwordInput,
              onUsernameChange: setUsernameInput,
              onPasswordChange: setPasswordInput,
            }}
          />
        )}
        {(shown === 'call' || stageAhead) && (
          <CallStage
            {...context}
            hidden={shown !== 'call'}
            lobbyBehind={lobbyBehind}
            remoteSignal={remoteSignal}
            onRemoteSignalChange={setRemoteSignal}
          />
        )}
        {shown === 'ended' && (
          <EndedCard
            {...context}
            endedBy={endedBy}
            onCallAgain={() => {
              setAgainAfter(step)
              setRemoteSignal('')
              session?.clearError()
              // The person wants another call: the preview comes back at once.
              void media?.start()
            }}
          />
        )}
      </div>
      <DetailsPanel
        {...context}
        callName={rest['aria-label'] !== labels.call ? rest['aria-label'] : undefined}
      />
      {/* Phase changes are announced politely; the panel's every ICE tick is not. */}
      <p aria-live="polite" className="rpc-visually-hidden">
        {labels.phaseNames[phase]}
      </p>
    </section>
  )
}
