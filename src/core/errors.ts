/**
 * Stable error codes. The WebRTC ones follow simple-peer's `ERR_*` list; the signal and media ones are
 * ours. Apps may switch on them: they do not change between minor versions.
 */
export type P2PErrorCode =
  | 'ERR_WEBRTC_SUPPORT'
  | 'ERR_CONFIG'
  | 'ERR_CREATE_OFFER'
  | 'ERR_CREATE_ANSWER'
  | 'ERR_SET_LOCAL_DESCRIPTION'
  | 'ERR_SET_REMOTE_DESCRIPTION'
  | 'ERR_ADD_ICE_CANDIDATE'
  | 'ERR_CONNECTION_FAILURE'
  | 'ERR_SIGNALING'
  | 'ERR_NO_OFFER'
  | 'ERR_ALREADY_IN_CALL'
  | 'ERR_SIGNAL_EMPTY'
  | 'ERR_SIGNAL_TOO_LARGE'
  | 'ERR_SIGNAL_NOT_JSON'
  | 'ERR_SIGNAL_TRUNCATED'
  | 'ERR_SIGNAL_SHAPE'
  | 'ERR_SIGNAL_CORRUPT'
  | 'ERR_SIGNAL_NOT_OFFER'
  | 'ERR_SIGNAL_NOT_ANSWER'
  | 'ERR_SIGNAL_OWN'
  | 'ERR_SIGNAL_CHANGED'
  | 'ERR_SIGNAL_VERSION'
  | 'ERR_SIGNAL_OTHER_CALL'
  | 'ERR_SIGNAL_UNSUPPORTED'
  | 'ERR_MEDIA_PERMISSION_DENIED'
  | 'ERR_MEDIA_NOT_FOUND'
  | 'ERR_MEDIA_IN_USE'
  | 'ERR_MEDIA_CONSTRAINTS'
  | 'ERR_INSECURE_CONTEXT'
  | 'ERR_MEDIA'
  | 'ERR_COPY'
  | 'ERR_NOT_CONNECTED'
  | 'ERR_SCREEN_SHARE'
  | 'ERR_CHANNEL_CLOSED'
  | 'ERR_CHANNEL_FAILED'
  | 'ERR_NO_RESTART'
  | 'ERR_ROOM_FULL'
  | 'ERR_ROOM_NAME'
  | 'ERR_BROKER_UNREACHABLE'
  | 'ERR_BROKER_AUTH'
  | 'ERR_BROKER_DENIED'
  | 'ERR_SIGNALING_MODULE'
  | 'ERR_CALL_MODULE'

/** An error as a value: what happened (`message`) and what to do about it (`hint`). */
export interface P2PError {
  readonly code: P2PErrorCode
  readonly message: string
  readonly hint: string
  /** The original exception, for logs. Never rendered. */
  readonly cause?: unknown
  /**
   * The browser's own words when it refused something (its exception's message), e.g. "Failed to set
   * remote offer sdp: A BUNDLE group contains a codec collision for header extension id=2". Our
   * hint is a guess at the usual cause; this is the fact. Shown under the hint, kept in the timeline
   * and the debug report. Rendered as text.
   */
  readonly detail?: string
}

/** The English text of every error; UIs may override it per code. */
export type ErrorText = Readonly<Record<P2PErrorCode, { message: string; hint: string }>>

/**
 * Default English messages and hints, keyed by code.
 *
 * @example
 * const { message, hint } = ERROR_TEXT.ERR_SIGNAL_EMPTY
 */
export const ERROR_TEXT: ErrorText = {
  ERR_WEBRTC_SUPPORT: {
    message: 'This browser cannot make WebRTC calls.',
    hint: 'Open the page in a current Chrome, Edge, Firefox or Safari.',
  },
  ERR_CONFIG: {
    message: 'The connection settings are not valid.',
    hint: 'Check the iceServers URLs (they start with stun: or turn:) and the other RTCPeerConnection options.',
  },
  ERR_CREATE_OFFER: {
    message: 'The browser could not create an offer.',
    hint: 'Hang up and try again; if it keeps failing, reload the page.',
  },
  ERR_CREATE_ANSWER: {
    message: 'The browser could not create an answer to this offer.',
    hint: 'Ask the caller to hang up and create a new offer, then paste that one.',
  },
  ERR_SET_LOCAL_DESCRIPTION: {
    message: 'The browser could not apply its own description.',
    hint: 'Hang up and try again; if it keeps failing, reload the page.',
  },
  ERR_SET_REMOTE_DESCRIPTION: {
    message: 'The browser rejected this signal: it is damaged or was made for another call.',
    hint: 'Copy the whole signal again from the other tab (use its Copy button) and paste it here.',
  },
  ERR_ADD_ICE_CANDIDATE: {
    message: 'A network candidate in this signal could not be used.',
    hint: 'The call may still connect. If it does not, copy the whole signal again.',
  },
  ERR_CONNECTION_FAILURE: {
    message: 'The connection failed: the two browsers could not reach each other.',
    hint: 'Hang up and call again. Across different networks you may need a TURN server in iceServers.',
  },
  ERR_SIGNALING: {
    message: 'That step does not fit the state of this call.',
    hint: 'Hang up to start over.',
  },
  ERR_NO_OFFER: {
    message: 'There is no offer waiting for an answer in this tab.',
    hint: 'As the caller, click Create offer first, send it, then paste the answer you get back here.',
  },
  ERR_ALREADY_IN_CALL: {
    message: 'A call is already in progress.',
    hint: 'Hang up first to start a new call.',
  },
  ERR_SIGNAL_EMPTY: {
    message: 'The Remote signal box is empty.',
    hint: "Paste the other person's signal into Remote signal first.",
  },
  ERR_SIGNAL_TOO_LARGE: {
    message: 'This text is too large to be a call signal (over 256 KB).',
    hint: "Paste only the other person's Local signal, nothing else.",
  },
  ERR_SIGNAL_NOT_JSON: {
    message: 'This is not a call signal.',
    hint: "Copy the other person's whole Local signal (their Copy button) and paste it here.",
  },
  ERR_SIGNAL_TRUNCATED: {
    message: 'This signal is cut off: its end is missing.',
    hint: 'Copy the whole signal again in the other tab (its Copy button takes all of it); chat apps sometimes shorten long messages.',
  },
  ERR_SIGNAL_SHAPE: {
    message: 'This JSON is not a call signal: it needs an "sdp" with "type" and "sdp".',
    hint: "Paste the other person's Local signal exactly as their page shows it.",
  },
  ERR_SIGNAL_CORRUPT: {
    message: 'This signal is damaged: its session description is incomplete.',
    hint: 'Copy the whole signal again in the other tab (its Copy button takes all of it) and paste it unchanged.',
  },
  ERR_SIGNAL_NOT_OFFER: {
    message: 'This is an answer, but an offer is needed here.',
    hint: "As the callee, paste the caller's offer and click Create answer. Answers go in the caller's tab.",
  },
  ERR_SIGNAL_NOT_ANSWER: {
    message: 'This is an offer, but an answer is needed here.',
    hint: 'Send your offer to the other person; they click Create answer and send back their answer.',
  },
  ERR_SIGNAL_OWN: {
    message: 'This is the signal this tab made itself.',
    hint: 'Send it to the other person instead, and paste the signal they send back.',
  },
  ERR_SIGNAL_CHANGED: {
    message: 'This signal was changed on the way: its checksum does not match.',
    hint: 'Copy the whole signal again in the other tab and paste it unchanged (some chat apps alter long messages; try another way of sending it).',
  },
  ERR_SIGNAL_VERSION: {
    message: 'This signal was made by a newer version of react-p2p-call.',
    hint: 'Update the app on this side, or ask the other person to choose Signal format: JSON and send the signal again.',
  },
  ERR_SIGNAL_OTHER_CALL: {
    message: 'This answer was made for a different offer, not for the one this tab is waiting on.',
    hint: 'Send your current offer (Local signal) again, and paste the answer made from it.',
  },
  ERR_SIGNAL_UNSUPPORTED: {
    message: 'This browser cannot read compact signals.',
    hint: 'Ask the other person to choose Signal format: JSON and send the signal again, or open this page in a current browser.',
  },
  ERR_MEDIA_PERMISSION_DENIED: {
    message: 'Camera and microphone permission was denied.',
    hint: 'Allow them in the address bar and try again, or continue receive-only.',
  },
  ERR_MEDIA_NOT_FOUND: {
    message: 'No camera or microphone was found.',
    hint: 'Connect one and try again, or continue receive-only.',
  },
  ERR_MEDIA_IN_USE: {
    message: 'The camera or microphone is in use by another app.',
    hint: 'Close the other app (or tab) that uses it and try again, or continue receive-only.',
  },
  ERR_MEDIA_CONSTRAINTS: {
    message: 'No camera or microphone matches the requested settings.',
    hint: 'Ask for a lower resolution or another device, or continue receive-only.',
  },
  ERR_INSECURE_CONTEXT: {
    message: 'Camera and microphone need a secure page (https or localhost).',
    hint: 'Open the page over https:// or on localhost, or continue receive-only.',
  },
  ERR_MEDIA: {
    message: 'The camera or microphone could not be started.',
    hint: 'Try again, or continue receive-only.',
  },
  ERR_NOT_CONNECTED: {
    message: 'This needs a connected call.',
    hint: 'Wait until the call is connected, then try again.',
  },
  ERR_SCREEN_SHARE: {
    message: 'Screen sharing was cancelled or is not allowed.',
    hint: 'Click Share screen again and pick a screen, window or tab.',
  },
  ERR_CHANNEL_CLOSED: {
    message: 'The signaling channel closed.',
    hint: 'The call goes on over its own connection; to start a new call, choose the signaling again.',
  },
  ERR_CHANNEL_FAILED: {
    message: 'The signaling server could not be reached.',
    hint: 'Check the Server URL (ws:// or wss://) and that the server runs, or use Copy-paste.',
  },
  ERR_NO_RESTART: {
    message: 'There is no connection to reconnect.',
    hint: 'Start a new call instead.',
  },
  ERR_ROOM_FULL: {
    message: 'This room already has two people in it.',
    hint: 'Choose another Room name, and give the same name to the person you call.',
  },
  ERR_ROOM_NAME: {
    message: 'This room name cannot be used.',
    hint: 'Type a Room name of 1 to 200 characters, and give the same name to the person you call.',
  },
  ERR_BROKER_UNREACHABLE: {
    message: 'The MQTT broker could not be reached.',
    hint: "Check Broker URL (ws:// or wss://, the broker's WebSocket port and path, e.g. ws://127.0.0.1:9001) and that the broker runs (npm run broker), or use Copy-paste.",
  },
  ERR_BROKER_AUTH: {
    message: 'The MQTT broker refused the username or password.',
    hint: 'Check Username and Password (the broker has its own accounts), then choose MQTT broker again.',
  },
  ERR_SIGNALING_MODULE: {
    message: 'The MQTT signaling could not be loaded.',
    hint: 'Install mqtt beside the kit (npm install mqtt) and check that the page can load its scripts, then choose MQTT broker again.',
  },
  ERR_CALL_MODULE: {
    message: 'The part of the page that makes calls could not be loaded.',
    hint: 'Check the network connection and reload the page, then try again.',
  },
  ERR_BROKER_DENIED: {
    message: 'The MQTT broker does not let this account use this room.',
    hint: "Choose a room this account may use, or ask the broker's administrator to allow it (its ACL).",
  },
  ERR_COPY: {
    message: 'Copying to the clipboard was not allowed.',
    hint: 'Select the text in Local signal and copy it with Ctrl+C (or ⌘C).',
  },
}

/**
 * Builds a {@link P2PError} with the default English text for `code`.
 *
 * @example
 * const error = createP2PError('ERR_SIGNAL_EMPTY')
 * error.hint // "Paste the other person's signal into Remote signal first."
 */
export function createP2PError(code: P2PErrorCode, cause?: unknown): P2PError {
  const text = ERROR_TEXT[code]
  if (cause === undefined) return { code, ...text }
  const detail = BROWSER_REASON_CODES.has(code) ? browserReasonOf(cause) : undefined
  return detail ? { code, ...text, cause, detail } : { code, ...text, cause }
}

// The codes where the browser refused something and says why; for the others (a bad paste, a
// denied camera) our message already is the whole story.
const BROWSER_REASON_CODES: ReadonlySet<P2PErrorCode> = new Set<P2PErrorCode>([
  'ERR_CREATE_OFFER',
  'ERR_CREATE_ANSWER',
  'ERR_SET_LOCAL_DESCRIPTION',
  'ERR_SET_REMOTE_DESCRIPTION',
  'ERR_ADD_ICE_CANDIDATE',
  'ERR_SCREEN_SHARE',
  'ERR_MEDIA',
])

function browserReasonOf(cause: unknown): string | undefined {
  const message =
    cause instanceof Error || cause instanceof DOMException ? cause.message.trim() : ''
  // Long enough to read, short enough for a screen (SDP-quoting messages can be huge).
  return message === '' ? undefined : message.length > 500 ? `${message.slice(0, 500)}…` : message
}

/**
 * Maps a `getUserMedia` rejection to a typed error.
 *
 * @example
 * mediaErrorFrom(new DOMException('denied', 'NotAllowedError')).code // 'ERR_MEDIA_PERMISSION_DENIED'
 */
export function mediaErrorFrom(cause: unknown): P2PError {
  const name = cause instanceof Error || cause instanceof DOMException ? cause.name : ''
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return createP2PError('ERR_MEDIA_PERMISSION_DENIED', cause)
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return createP2PError('ERR_MEDIA_NOT_FOUND', cause)
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return createP2PError('ERR_MEDIA_IN_USE', cause)
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return createP2PError('ERR_MEDIA_CONSTRAINTS', cause)
    default:
      return createP2PError('ERR_MEDIA', cause)
  }
}
