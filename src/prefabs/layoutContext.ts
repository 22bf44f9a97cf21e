import type { CallActions, SignalingMode } from '../core/callActions.js'
import type { ErrorText } from '../core/errors.js'
import type { LocalMedia, LocalMediaState } from '../core/localMedia.js'
import type { MediaDeviceList } from '../core/mediaDevices.js'
import type { CallPhase, CallStep } from '../core/phase.js'
import type { CallRole, PeerSession } from '../core/peerSession.js'
import type { ChannelState } from '../core/signalingChannel.js'
import type { CallLabels } from '../components/labels.js'

/** What the layout's parts share: read once by the layout, passed down as props. */
export interface LayoutContext {
  session: PeerSession | null
  media: LocalMedia | null
  labels: CallLabels
  errorText: Partial<ErrorText>
  role: CallRole
  mode: SignalingMode
  phase: CallPhase
  step: CallStep
  actions: CallActions
  mediaState: LocalMediaState
  devices: MediaDeviceList
  speakerId: string
  channel: ChannelState
  /** The Details panel: its id (for `aria-controls`), whether it is open, and its toggle. */
  details: { id: string; open: boolean; toggle: () => void }
  setMicMuted: (muted: boolean) => void
  setCameraOff: (off: boolean) => void
  setSpeakerId: (id: string) => void
  switchDevice: (kind: 'audio' | 'video', deviceId: string) => void
  startMedia: () => Promise<MediaStream | null>
  hangUp: () => void
}
