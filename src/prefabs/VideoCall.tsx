import type { ReactNode } from 'react'
import type { ErrorText } from '../core/errors.js'
import type { CallRole } from '../core/peerSession.js'
import type { CallLabels } from '../components/labels.js'
import type { CallMessagesOverride } from '../locales/messages.js'
import { VideoCallLayout, type VideoCallLayoutProps } from './VideoCallLayout.js'
import { PeerSessionProvider } from '../hooks/PeerSessionContext.js'
import { useLocalMedia } from '../hooks/useLocalMedia.js'
import { usePeerConnection, type UsePeerConnectionOptions } from '../hooks/usePeerConnection.js'

/** Props of {@link VideoCall}: connection options, media constraints, texts, and an optional layout. */
export interface VideoCallProps extends UsePeerConnectionOptions {
  /** `getUserMedia` constraints. Default `{ audio: true, video: true }`. */
  constraints?: MediaStreamConstraints
  /** All text at once (`MESSAGES_ZH_CN` from `react-p2p-call/locales/zh-CN`, or any keys of `MESSAGES_EN`). English by default. */
  messages?: CallMessagesOverride
  /** Override any user-facing string (wins over `messages`). */
  labels?: Partial<CallLabels>
  /** Override the message and hint of any error code. */
  errorText?: Partial<ErrorText>
  defaultRole?: CallRole
  /** The signaling chosen at first: `copy-paste` (default), `same-browser`, `websocket` or `mqtt` (with `mqtt`). */
  defaultSignaling?: VideoCallLayoutProps['defaultSignaling']
  /** The room for Same browser and WebSocket (default `demo`). */
  defaultRoom?: string
  /** The relay for WebSocket (default `ws://127.0.0.1:8787`, see `npm run signal-server`). */
  defaultServerUrl?: string
  /** Offers **MQTT broker** in Signaling: `mqtt={() => import('react-p2p-call/mqtt')}` (loaded when chosen). */
  mqtt?: VideoCallLayoutProps['mqtt']
  /** The broker for MQTT broker (default `ws://127.0.0.1:9001`, see `npm run broker`). */
  defaultBrokerUrl?: string
  /** Share links for offers (**Copy link**, and reading `#offer=` on load). Default `true`. */
  shareLink?: VideoCallLayoutProps['shareLink']
  /** The page share links open (default: this page); see `VideoCallLayoutProps.linkBase`. */
  linkBase?: string
  /** Prepare the next connection once the preview is on or an offer is filled in. Default `true`. */
  prewarm?: boolean
  /** The name of the call's region (default "Video call"); give each call its own when a page has several. */
  'aria-label'?: string
  /** Your own layout; inside it the hooks find the session and media through context. */
  children?: ReactNode
}

/**
 * A complete copy-paste video call. Owns one session and the local media; hang-up and unmount
 * close the connection and stop the camera.
 *
 * @example
 * import { VideoCall } from 'react-p2p-call'
 *
 * export function App() {
 *   return <VideoCall iceServers={[{ urls: 'stun:stun.example.org:3478' }]} />
 * }
 */
export function VideoCall({
  constraints,
  messages,
  labels,
  errorText,
  defaultRole,
  defaultSignaling,
  defaultRoom,
  defaultServerUrl,
  mqtt,
  defaultBrokerUrl,
  shareLink,
  linkBase,
  prewarm,
  children,
  'aria-label': ariaLabel,
  ...connection
}: VideoCallProps) {
  const { session } = usePeerConnection(connection)
  const { media } = useLocalMedia(constraints ? { constraints } : {})
  return (
    <PeerSessionProvider session={session} media={media}>
      {children ?? (
        <VideoCallLayout
          {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
          messages={messages}
          labels={labels}
          errorText={errorText}
          {...(defaultRole ? { defaultRole } : {})}
          {...(defaultSignaling ? { defaultSignaling } : {})}
          {...(defaultRoom !== undefined ? { defaultRoom } : {})}
          {...(defaultServerUrl !== undefined ? { defaultServerUrl } : {})}
          {...(mqtt ? { mqtt } : {})}
          {...(defaultBrokerUrl !== undefined ? { defaultBrokerUrl } : {})}
          {...(shareLink !== undefined ? { shareLink } : {})}
          {...(linkBase !== undefined ? { linkBase } : {})}
          {...(prewarm !== undefined ? { prewarm } : {})}
        />
      )}
    </PeerSessionProvider>
  )
}
