import type { DeviceStatus } from '../core/localMedia.js'
import type { CallPhase } from '../core/phase.js'

/** Every user-facing string of the components, English by default; override any key. */
export interface CallLabels {
  call: string
  role: string
  caller: string
  callee: string
  createOffer: string
  createAnswer: string
  completeConnection: string
  hangUp: string
  copy: string
  copied: string
  localSignal: string
  localSignalPlaceholder: string
  remoteSignal: string
  remoteSignalPlaceholder: string
  localVideo: string
  remoteVideo: string
  connectionState: string
  phase: string
  signaling: string
  gathering: string
  ice: string
  connection: string
  receiveOnly: string
  dismiss: string
  /** Before the browser's own words under an error's hint. */
  browserReason: string
  signalingChoice: string
  copyPaste: string
  sameBrowser: string
  webSocket: string
  mqttBroker: string
  room: string
  serverUrl: string
  brokerUrl: string
  brokerUsername: string
  brokerPassword: string
  startCall: string
  reconnect: string
  shareScreen: string
  stopSharing: string
  remoteScreen: string
  remoteHungUp: string
  channelConnecting: string
  channelOpen: string
  gatheringCandidates: string
  candidatesInSignal: string
  signalFormat: string
  compact: string
  json: string
  /** The bare `{type, sdp}` format (what other tools read). */
  description: string
  copyLink: string
  linkCopied: string
  showQrCode: string
  hideQrCode: string
  signalQrCode: string
  /** Shown instead of the QR code when the signal does not fit in one. */
  qrTooLong: string
  /** Shown instead of the QR code when its code (a lazy chunk) could not load. */
  qrFailed: string
  /** Opens the camera to read the other person's QR code. */
  scanQrCode: string
  qrScanner: string
  scannerCamera: string
  scanHint: string
  stopScanning: string
  /** The system share sheet (`navigator.share`), where the browser has one. */
  share: string
  shareFailed: string
  /** Under a link that only opens on this device (its page is at localhost). */
  linkOnlyHere: string
  /** Under a link made with this computer's network address; `{host}` is that address. */
  linkNetworkAddress: string
  securityCode: string
  securityCodeHint: string
  muteMicrophone: string
  unmuteMicrophone: string
  turnCameraOff: string
  turnCameraOn: string
  startCamera: string
  camera: string
  microphone: string
  speaker: string
  remoteMicMuted: string
  remoteCameraOff: string
  callStats: string
  quality: string
  good: string
  fair: string
  poor: string
  path: string
  direct: string
  relayed: string
  received: string
  sent: string
  roundTrip: string
  packetLoss: string
  jitter: string
  video: string
  reasonLoss: string
  reasonRtt: string
  reasonBitrate: string
  stateTimeline: string
  copyDebugReport: string
  debugReportCopied: string
  debugReport: string
  debugReportNotCopied: string
  devices: string
  // The call UI (VideoCallLayout)
  details: string
  closeDetails: string
  /** In Details when its diagnostics (a lazy chunk) could not load. */
  detailsFailed: string
  callControls: string
  callAgain: string
  callEnded: string
  waitingForOther: string
  connectingCall: string
  reconnectingCall: string
  connectionLost: string
  connectionLostHint: string
  callFailed: string
  callFailedHint: string
  stepSendInvite: string
  stepSendInviteHint: string
  stepPasteReply: string
  stepPasteReplyHint: string
  stepPasteInvite: string
  stepPasteInviteHint: string
  stepSendReply: string
  stepSendReplyHint: string
  invitedTitle: string
  invitedText: string
  pastedOffer: string
  answerInstead: string
  microphoneSettings: string
  cameraSettings: string
  moveSelfView: string
  microphoneLevel: string
  cameraIsOff: string
  you: string
  tryAgain: string
  signalingChannel: string
  receiveOnlyShort: string
  deviceStatusNames: Readonly<Record<DeviceStatus, string>>
  /** Announced (politely) when the phase changes. */
  phaseNames: Readonly<Record<CallPhase, string>>
}

/**
 * The English labels. The accessible names among them are a contract: tests, screen readers and
 * other apps find the controls by them.
 *
 * @example
 * <VideoCall labels={{ ...DEFAULT_LABELS, hangUp: 'End call' }} />
 */
export const DEFAULT_LABELS: CallLabels = {
  call: 'Video call',
  role: 'Role',
  caller: 'Caller',
  callee: 'Callee',
  createOffer: 'Create offer',
  createAnswer: 'Create answer',
  completeConnection: 'Complete connection',
  hangUp: 'Hang up',
  copy: 'Copy',
  copied: 'Copied to the clipboard',
  localSignal: 'Local signal',
  localSignalPlaceholder: 'Your offer or answer appears here. Send it to the other person.',
  remoteSignal: 'Remote signal',
  remoteSignalPlaceholder: "Paste the other person's signal here.",
  localVideo: 'Local video',
  remoteVideo: 'Remote video',
  connectionState: 'Connection state',
  phase: 'phase',
  signaling: 'signaling',
  gathering: 'gathering',
  ice: 'ice',
  connection: 'connection',
  receiveOnly:
    'Receive-only: your camera and microphone are off, but you still see and hear the other person.',
  dismiss: 'Dismiss',
  browserReason: "The browser's reason:",
  signalingChoice: 'Signaling',
  copyPaste: 'Copy-paste',
  sameBrowser: 'Same browser',
  webSocket: 'WebSocket',
  mqttBroker: 'MQTT broker',
  room: 'Room',
  serverUrl: 'Server URL',
  brokerUrl: 'Broker URL',
  brokerUsername: 'Username',
  brokerPassword: 'Password',
  startCall: 'Start call',
  reconnect: 'Reconnect',
  shareScreen: 'Share screen',
  stopSharing: 'Stop sharing',
  remoteScreen: 'Remote screen',
  remoteHungUp: 'The other person hung up.',
  channelConnecting: 'Connecting to the signaling channel…',
  channelOpen: 'Ready: open the same room in the other tab, then one of you clicks Start call.',
  gatheringCandidates: 'Gathering candidates',
  candidatesInSignal: 'Candidates in this signal',
  signalFormat: 'Signal format',
  compact: 'Compact',
  json: 'JSON',
  description: 'Description only (other apps)',
  copyLink: 'Copy link',
  linkCopied: 'Link copied: send it to the other person',
  showQrCode: 'Show QR code',
  hideQrCode: 'Hide QR code',
  signalQrCode: 'Signal QR code',
  qrTooLong: 'This signal is too long for a QR code. Choose Signal format: Compact.',
  qrFailed: 'The QR code could not load: use Copy instead.',
  scanQrCode: 'Scan QR code',
  qrScanner: 'QR code scanner',
  scannerCamera: 'Scanner camera',
  scanHint: 'Hold the QR code of the other person’s signal up to the camera.',
  stopScanning: 'Stop scanning',
  share: 'Share',
  shareFailed: 'Could not share: use Copy instead.',
  linkOnlyHere:
    'This link opens only on this device (its page is at localhost). To call another device, open this page at an address that device can reach.',
  linkNetworkAddress:
    "The link and its QR code use this computer's network address, {host}, so a device on the same network can open them.",
  muteMicrophone: 'Mute microphone',
  unmuteMicrophone: 'Unmute microphone',
  turnCameraOff: 'Turn camera off',
  turnCameraOn: 'Turn camera on',
  startCamera: 'Start camera',
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
  remoteMicMuted: 'Their microphone is muted',
  remoteCameraOff: 'Their camera is off',
  callStats: 'Call stats',
  quality: 'Quality',
  good: 'good',
  fair: 'fair',
  poor: 'poor',
  path: 'Path',
  direct: 'direct',
  relayed: 'relayed (TURN)',
  received: 'Received',
  sent: 'Sent',
  roundTrip: 'Round trip',
  packetLoss: 'Packet loss',
  jitter: 'Jitter',
  video: 'Video',
  reasonLoss: 'packet loss',
  reasonRtt: 'slow round trip',
  reasonBitrate: 'bandwidth limit',
  stateTimeline: 'State timeline',
  copyDebugReport: 'Copy debug report',
  debugReportCopied: 'Debug report copied (passwords and IP addresses removed)',
  debugReport: 'Debug report',
  debugReportNotCopied:
    'The browser did not allow copying. Select the text in Debug report below and copy it with Ctrl+C (⌘C).',
  securityCode: 'Security code',
  securityCodeHint:
    'Read it to the other person: the same code on both sides means nobody is in between.',
  devices: 'Devices',
  details: 'Details',
  closeDetails: 'Close details',
  detailsFailed: 'Call stats could not load. Close Details and open it again.',
  callControls: 'Call controls',
  callAgain: 'Call again',
  callEnded: 'Call ended',
  waitingForOther: 'Waiting for the other person…',
  connectingCall: 'Connecting…',
  reconnectingCall: 'Reconnecting…',
  connectionLost: 'The connection was lost.',
  connectionLostHint:
    'It usually comes back by itself. If it does not, one of you clicks Reconnect and sends the new invite; the other pastes it here and answers it.',
  callFailed: 'The call could not go on.',
  callFailedHint: 'Hang up, then call again.',
  stepSendInvite: 'Send this invite',
  stepSendInviteHint:
    'Create an invite and send it to the person you call: copy it, send the link, or let them scan the QR code.',
  stepPasteReply: 'Paste their reply',
  stepPasteReplyHint:
    'They answer your invite and send you a reply. Paste it here, or scan its QR code.',
  stepPasteInvite: 'Paste the invite',
  stepPasteInviteHint: 'Paste the invite the caller sent you.',
  stepSendReply: 'Send your reply',
  stepSendReplyHint:
    'Send this reply back to the caller, or show its QR code. The call starts as soon as they paste or scan it.',
  invitedTitle: 'You are invited to a video call',
  invitedText: 'Your camera and microphone start when you answer.',
  pastedOffer: 'This is an invite to a call, not a reply.',
  answerInstead: 'Answer it instead',
  microphoneSettings: 'Microphone settings',
  cameraSettings: 'Camera settings',
  moveSelfView: 'Move self view',
  microphoneLevel: 'Microphone level',
  cameraIsOff: 'Camera is off',
  you: 'You',
  tryAgain: 'Try again',
  signalingChannel: 'Signaling channel',
  receiveOnlyShort: 'Receive-only',
  deviceStatusNames: {
    unknown: 'not asked yet',
    granted: 'working',
    blocked: 'blocked',
    'in-use': 'in use by another app',
    'not-found': 'not found',
    constraints: 'no device matches the settings',
    insecure: 'needs a secure page (https)',
    error: 'not working',
  },
  phaseNames: {
    idle: 'Call: not started',
    'acquiring-media': 'Call: starting camera and microphone',
    'creating-offer': 'Call: creating the offer',
    'awaiting-answer': 'Call: offer ready, waiting for the answer',
    'creating-answer': 'Call: creating the answer',
    connecting: 'Call: connecting',
    connected: 'Call: connected',
    reconnecting: 'Call: reconnecting',
    failed: 'Call: connection failed',
    closed: 'Call: ended',
  },
}
