// The public API of react-p2p-call.

export { createStore, type ReadableStore, type Store } from './core/store.js'
export {
  createP2PError,
  mediaErrorFrom,
  ERROR_TEXT,
  type ErrorText,
  type P2PError,
  type P2PErrorCode,
} from './core/errors.js'
export {
  decodeSignal,
  encodeDescriptionSignal,
  encodeSignal,
  sdpWithCandidates,
  signalKindOf,
  iceUfragOf,
  signalKindError,
  MAX_SIGNAL_CHARS,
  type DecodeSignalResult,
  type SignalBundle,
  type SignalCandidate,
  type SignalFormat,
  type SignalKind,
} from './core/signalCodec.js'
export {
  encodeCompactSignal,
  compactSignalId,
  isCompactSignal,
  readCompactHeader,
  qrSignalText,
  plainSignalText,
  COMPACT_SIGNAL_VERSION,
  type CompactSignalHeader,
} from './core/compactSignal.js'
export { signalLink, signalFromLink, isLoopbackHost } from './core/signalLink.js'
export { normalizeMediaIds, remoteStreamId } from './core/sdpMediaIds.js'
export { securityCode, dtlsFingerprintOf } from './core/securityCode.js'
export { createMediaDevices, type MediaDeviceList, type MediaDevices } from './core/mediaDevices.js'
export {
  createCallStats,
  summarizeStats,
  qualityOf,
  recentQuality,
  QUALITY_WINDOW,
  type CallStats,
  type CallStatsOptions,
  type CallStatsSample,
  type CallStatsState,
  type CallQuality,
  type CallPath,
  type PathEnd,
  type QualityReason,
  type StatsTotals,
} from './core/callStats.js'
export { debugReport, redact } from './core/debugReport.js'
export {
  canHangUp,
  canStartCall,
  derivePhase,
  hasCallEnded,
  isCallOver,
  type CallLifeCycle,
  type CallPhase,
  type CallStep,
  type PhaseInput,
} from './core/phase.js'
export {
  callActions,
  callView,
  type CallActions,
  type CallView,
  type SignalingMode,
} from './core/callActions.js'
export {
  createLocalMedia,
  captureScreen,
  openScannerCamera,
  type LocalMedia,
  type LocalMediaOptions,
  type LocalMediaState,
  type LocalMediaStatus,
  type MediaKind,
  type DeviceState,
  type DeviceStatus,
} from './core/localMedia.js'
export {
  createPeerSession,
  DEFAULT_ICE_SERVERS,
  INITIAL_SESSION_STATE,
  countCandidates,
  withoutHostCandidates,
  type CandidateCounts,
  type MediaSwitches,
  type TimelineEntry,
  type CallRole,
  type CallStepOptions,
  type ConnectionLayers,
  type ConnectionOptions,
  type LocalStreamSource,
  type PeerSession,
  type PeerSessionOptions,
  type PeerSessionState,
} from './core/peerSession.js'
export {
  attachNegotiation,
  type Negotiation,
  type NegotiationOptions,
} from './core/session/negotiation.js'
export { parseSignalMessage, MAX_MESSAGE_CHARS, type SignalMessage } from './core/signalMessage.js'
export {
  randomId,
  type ChannelState,
  type ChannelStatus,
  type SignalingChannel,
} from './core/signalingChannel.js'
export { createBroadcastSignaling } from './core/broadcastSignaling.js'
export { createWebSocketSignaling } from './core/webSocketSignaling.js'
// The MQTT channel itself is in `react-p2p-call/mqtt` (with mqtt.js); here only its options' type.
export type { MqttSignalingOptions } from './core/mqttProtocol.js'

export {
  PeerSessionProvider,
  usePeerSessionContext,
  useMaybePeerSessionContext,
  useMaybeLocalMediaContext,
  type PeerSessionProviderProps,
} from './hooks/PeerSessionContext.js'
export { useSessionSelector } from './hooks/useSessionSelector.js'
export { useConnectionState } from './hooks/useConnectionState.js'
export {
  usePeerConnection,
  type UsePeerConnectionOptions,
  type UsePeerConnectionResult,
} from './hooks/usePeerConnection.js'
export {
  useLocalMedia,
  type UseLocalMediaOptions,
  type UseLocalMediaResult,
} from './hooks/useLocalMedia.js'
export { useLocalMediaState } from './hooks/useLocalMediaState.js'
export { useMediaDevices } from './hooks/useMediaDevices.js'
export { useCallStats } from './hooks/useCallStats.js'
export {
  useSignalingChannel,
  type MqttSignalingLoader,
  type SignalingChoice,
  type UseSignalingChannelOptions,
} from './hooks/useSignalingChannel.js'

export { StreamVideo, type StreamVideoProps } from './components/StreamVideo.js'
export { LocalVideo, type LocalVideoProps } from './components/LocalVideo.js'
export { RemoteVideo, type RemoteVideoProps } from './components/RemoteVideo.js'
export { LocalSignalBox, type LocalSignalBoxProps } from './components/LocalSignalBox.js'
export { RemoteSignalInput, type RemoteSignalInputProps } from './components/RemoteSignalInput.js'
export {
  ConnectionStatePanel,
  type ConnectionStatePanelProps,
} from './components/ConnectionStatePanel.js'
export { RoleChoice, type RoleChoiceProps } from './components/RoleChoice.js'
export {
  SignalingPicker,
  type SignalingKind,
  type SignalingPickerProps,
} from './components/SignalingPicker.js'
export { CallControls, type CallControlsProps } from './components/CallControls.js'
export { ErrorAlert, type ErrorAlertProps } from './components/ErrorAlert.js'
export { GatheringProgress, type GatheringProgressProps } from './components/GatheringProgress.js'
export {
  SignalFormatPicker,
  type SignalFormatPickerProps,
} from './components/SignalFormatPicker.js'
export { SecurityCode, type SecurityCodeProps } from './components/SecurityCode.js'
export { MediaToggles, type MediaTogglesProps } from './components/MediaToggles.js'
export { CallStatsPanel, type CallStatsPanelProps } from './components/CallStatsPanel.js'
export { StateTimeline, type StateTimelineProps } from './components/StateTimeline.js'
export { Sparkline } from './components/Sparkline.js'
export {
  DevicePickers,
  type DeviceKind,
  type DevicePickersProps,
} from './components/DevicePickers.js'
export { DeviceStatusList, type DeviceStatusListProps } from './components/DeviceStatusList.js'
export { RemoteMediaBadges, type RemoteMediaBadgesProps } from './components/RemoteMediaBadges.js'
export { SignalQrCode, MAX_QR_BYTES, type SignalQrCodeProps } from './components/SignalQrCode.js'
export { QrScanner, type QrScannerProps } from './components/QrScanner.js'
export { AudioLevelMeter, type AudioLevelMeterProps } from './components/AudioLevelMeter.js'
export { DeviceMenu, type DeviceMenuProps } from './components/DeviceMenu.js'
export { Icon, type IconName, type IconProps } from './components/Icon.js'
export { IconButton, type IconButtonProps } from './components/IconButton.js'
export { SelfView, type SelfViewCorner, type SelfViewProps } from './components/SelfView.js'
export { VideoTile, type VideoTileProps } from './components/VideoTile.js'
export { useAudioLevel } from './hooks/useAudioLevel.js'
export { watchAudioLevel, type WatchAudioLevelOptions } from './core/audioLevel.js'
export { VideoCallLayout, type VideoCallLayoutProps } from './prefabs/VideoCallLayout.js'
export { DEFAULT_LABELS, type CallLabels } from './components/labels.js'
// Other languages are entries of their own: `react-p2p-call/locales/zh-CN` (MESSAGES_ZH_CN).
export {
  MESSAGES_EN,
  mergeMessages,
  type CallMessages,
  type CallMessagesOverride,
} from './locales/messages.js'
export { useControllableState } from './components/useControllableState.js'
export { VideoCall, type VideoCallProps } from './prefabs/VideoCall.js'
