// The public API of react-p2p-call.

export { createStore, type ReadableStore, type Store } from './core/store'
export {
  createP2PError,
  mediaErrorFrom,
  ERROR_TEXT,
  type ErrorText,
  type P2PError,
  type P2PErrorCode,
} from './core/errors'
export {
  decodeSignal,
  encodeSignal,
  iceUfragOf,
  signalKindError,
  MAX_SIGNAL_CHARS,
  type DecodeSignalResult,
  type SignalBundle,
  type SignalCandidate,
  type SignalKind,
} from './core/signalCodec'
export { derivePhase, type CallPhase, type CallStep, type PhaseInput } from './core/phase'
export { callActions, type CallActions, type SignalingMode } from './core/callActions'
export {
  createLocalMedia,
  type LocalMedia,
  type LocalMediaOptions,
  type LocalMediaState,
  type LocalMediaStatus,
} from './core/localMedia'
export {
  createPeerSession,
  DEFAULT_ICE_SERVERS,
  INITIAL_SESSION_STATE,
  type CallRole,
  type CallStepOptions,
  type ConnectionLayers,
  type ConnectionOptions,
  type LocalStreamSource,
  type PeerSession,
  type PeerSessionOptions,
  type PeerSessionState,
} from './core/peerSession'
export { attachNegotiation, type Negotiation, type NegotiationOptions } from './core/negotiation'
export { parseSignalMessage, MAX_MESSAGE_CHARS, type SignalMessage } from './core/signalMessage'
export {
  randomId,
  type ChannelState,
  type ChannelStatus,
  type SignalingChannel,
} from './core/signalingChannel'
export { createBroadcastSignaling } from './core/broadcastSignaling'
export { createWebSocketSignaling } from './core/webSocketSignaling'

export {
  PeerSessionProvider,
  usePeerSessionContext,
  useMaybePeerSessionContext,
  useMaybeLocalMediaContext,
  type PeerSessionProviderProps,
} from './hooks/PeerSessionContext'
export { useSessionSelector } from './hooks/useSessionSelector'
export { useConnectionState } from './hooks/useConnectionState'
export {
  usePeerConnection,
  type UsePeerConnectionOptions,
  type UsePeerConnectionResult,
} from './hooks/usePeerConnection'
export {
  useLocalMedia,
  type UseLocalMediaOptions,
  type UseLocalMediaResult,
} from './hooks/useLocalMedia'
export { useLocalMediaState } from './hooks/useLocalMediaState'
export {
  useSignalingChannel,
  type SignalingChoice,
  type UseSignalingChannelOptions,
} from './hooks/useSignalingChannel'

export { StreamVideo, type StreamVideoProps } from './components/StreamVideo'
export { LocalVideo, type LocalVideoProps } from './components/LocalVideo'
export { RemoteVideo, type RemoteVideoProps } from './components/RemoteVideo'
export { LocalSignalBox, type LocalSignalBoxProps } from './components/LocalSignalBox'
export { RemoteSignalInput, type RemoteSignalInputProps } from './components/RemoteSignalInput'
export {
  ConnectionStatePanel,
  type ConnectionStatePanelProps,
} from './components/ConnectionStatePanel'
export { RoleChoice, type RoleChoiceProps } from './components/RoleChoice'
export {
  SignalingPicker,
  type SignalingKind,
  type SignalingPickerProps,
} from './components/SignalingPicker'
export { CallControls, type CallControlsProps } from './components/CallControls'
export { ErrorAlert, type ErrorAlertProps } from './components/ErrorAlert'
export { VideoCallLayout, type VideoCallLayoutProps } from './components/VideoCallLayout'
export { DEFAULT_LABELS, type CallLabels } from './components/labels'
export {
  MESSAGES_EN,
  MESSAGES_ZH_CN,
  mergeMessages,
  type CallMessages,
  type CallMessagesOverride,
} from './components/messages'
export { useControllableState } from './components/useControllableState'
export { VideoCall, type VideoCallProps } from './VideoCall'
