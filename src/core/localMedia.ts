import { createP2PError, mediaErrorFrom, type P2PError, type P2PErrorCode } from './errors.js'
import { createStore, type ReadableStore } from './store.js'

/**
 * `idle`: nothing acquired. `acquiring`: waiting for the browser (and the permission prompt).
 * `live`: a stream with at least one track. `receive-only`: acquiring failed, so calls only receive.
 */
export type LocalMediaStatus = 'idle' | 'acquiring' | 'live' | 'receive-only'

/** The snapshot of a {@link LocalMedia}. */
export interface LocalMediaState {
  readonly status: LocalMediaStatus
  readonly stream: MediaStream | null
  readonly error: P2PError | null
  /** The microphone is muted: its track sends silence (`enabled = false`). Survives device switches. */
  readonly micMuted: boolean
  /** The camera is off: its track sends black frames. Survives device switches. */
  readonly cameraOff: boolean
  /** Camera and microphone each: working, or why not (with a hint). */
  readonly devices: { readonly camera: DeviceState; readonly microphone: DeviceState }
  /** The devices in use (from the tracks' settings), for device pickers. */
  readonly deviceIds: { readonly audio: string | null; readonly video: string | null }
}

/**
 * One device's status, as the best kits show it: `granted` (working), `blocked` (permission
 * denied), `in-use` (another app holds it), `not-found`, `constraints` (none matches what was
 * asked), `insecure` (the page is not https), `error`, or `unknown` (not asked yet).
 */
export type DeviceStatus =
  'unknown' | 'granted' | 'blocked' | 'in-use' | 'not-found' | 'constraints' | 'insecure' | 'error'

/** A device's status and, unless granted, the error with its hint. */
export interface DeviceState {
  readonly status: DeviceStatus
  readonly error: P2PError | null
}

const STATUS_OF: Partial<Record<P2PErrorCode, DeviceStatus>> = {
  ERR_MEDIA_PERMISSION_DENIED: 'blocked',
  ERR_MEDIA_IN_USE: 'in-use',
  ERR_MEDIA_NOT_FOUND: 'not-found',
  ERR_MEDIA_CONSTRAINTS: 'constraints',
  ERR_INSECURE_CONTEXT: 'insecure',
}
const UNKNOWN: DeviceState = { status: 'unknown', error: null }
const GRANTED: DeviceState = { status: 'granted', error: null }
const failed = (error: P2PError): DeviceState => ({
  status: STATUS_OF[error.code] ?? 'error',
  error,
})

/** What `switchDevice` swaps: the kind of track. */
export type MediaKind = 'audio' | 'video'

/** Options of {@link createLocalMedia}. */
export interface LocalMediaOptions {
  /** Passed to `getUserMedia`. Default: `{ audio: true, video: true }`. */
  constraints?: MediaStreamConstraints
}

/** Camera and microphone, owned by the kit: every track it acquires, it stops. */
export interface LocalMedia extends ReadableStore<LocalMediaState> {
  /**
   * Starts the camera and microphone, or returns the running stream. Resolves `null` when they
   * cannot be had (the error is in the snapshot): a call then continues receive-only.
   */
  start(): Promise<MediaStream | null>
  /** Stops every track (the camera light goes off) and returns to `idle`. */
  stop(): void
  /** Mutes the microphone or turns the camera off (and back), without stopping the device. */
  setEnabled(kind: MediaKind, enabled: boolean): void
  /**
   * Switches to another camera or microphone: acquires the new device, hands old and new track to
   * `replace` (e.g. `session.replaceTrack`, so the call sends the new one without renegotiation),
   * puts the new track into the stream, and then stops the old one. Mute survives the switch.
   * When the device cannot be had or `replace` fails, the old one stays in use and the error (with
   * its hint) is in the snapshot.
   */
  switchDevice(
    kind: MediaKind,
    deviceId: string,
    replace?: (previous: MediaStreamTrack, next: MediaStreamTrack) => Promise<unknown>,
  ): Promise<void>
  /** Stops everything; tracks that arrive later (a pending prompt) are stopped as they arrive. */
  dispose(): void
}

const NO_DEVICES = { audio: null, video: null } as const
export const IDLE_LOCAL_MEDIA: LocalMediaState = {
  status: 'idle',
  stream: null,
  error: null,
  micMuted: false,
  cameraOff: false,
  devices: { camera: UNKNOWN, microphone: UNKNOWN },
  deviceIds: NO_DEVICES,
}

function deviceIdsOf(stream: MediaStream | null): LocalMediaState['deviceIds'] {
  const id = (track: MediaStreamTrack | undefined) => track?.getSettings().deviceId ?? null
  return stream
    ? { audio: id(stream.getAudioTracks()[0]), video: id(stream.getVideoTracks()[0]) }
    : NO_DEVICES
}

function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop()
}

/**
 * A capture of the screen (a window, a tab or the whole screen, as the person picks), video only:
 * what `startScreenShare` shares when it is given no source. The media owner captures; the session
 * only sends.
 *
 * @example
 * await session.startScreenShare(captureScreen)
 */
export function captureScreen(): Promise<MediaStream> {
  return navigator.mediaDevices.getDisplayMedia({ video: true, audio: false })
}

/**
 * A camera for reading QR codes: the one facing away from the person where there is one (a
 * phone's back camera), video only. The QR scanner shows it and stops it.
 *
 * @example
 * <QrScanner openCamera={openScannerCamera} onScan={…} onClose={…} />
 */
export function openScannerCamera(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video: { facingMode: { ideal: 'environment' } },
    audio: false,
  })
}

/**
 * Creates the owner of local media. Nothing is acquired until `start()`.
 *
 * @example
 * const media = createLocalMedia({ constraints: { audio: true, video: { width: 640 } } })
 * const stream = await media.start() // null → receive-only, see media.getState().error
 * media.stop()
 */
export function createLocalMedia(options: LocalMediaOptions = {}): LocalMedia {
  const store = createStore<LocalMediaState>(IDLE_LOCAL_MEDIA)
  const constraints = options.constraints ?? { audio: true, video: true }
  // Every stop() or dispose() starts a new generation; a getUserMedia that resolves for an older
  // generation is stale, and its tracks are stopped on arrival.
  let generation = 0
  let pending: Promise<MediaStream | null> | null = null
  let disposed = false

  // What the last acquire found out about each device.
  let found: LocalMediaState['devices'] = { camera: UNKNOWN, microphone: UNKNOWN }

  async function acquire(): Promise<MediaStream> {
    const devices = globalThis.navigator?.mediaDevices
    if (!devices?.getUserMedia) {
      const error =
        globalThis.isSecureContext === false
          ? createP2PError('ERR_INSECURE_CONTEXT')
          : createP2PError('ERR_MEDIA_NOT_FOUND')
      found = { camera: failed(error), microphone: failed(error) }
      throw error
    }
    const asked = (state: DeviceState, wanted: unknown) => (wanted ? state : UNKNOWN)
    try {
      const stream = await devices.getUserMedia(constraints)
      const has = (kind: string) => stream.getTracks().some((t) => t.kind === kind)
      found = {
        camera: asked(has('video') ? GRANTED : UNKNOWN, constraints.video),
        microphone: asked(has('audio') ? GRANTED : UNKNOWN, constraints.audio),
      }
      return stream
    } catch (error) {
      const both = failed(mediaErrorFrom(error))
      found = { camera: asked(both, constraints.video), microphone: asked(both, constraints.audio) }
      // One missing or busy device should not cost the other one: try each kind alone.
      const name = error instanceof Error ? error.name : ''
      const retryable = ['NotFoundError', 'NotReadableError', 'OverconstrainedError'].includes(name)
      if (!retryable || !constraints.audio || !constraints.video) throw error
      let stream: MediaStream | null = null
      for (const kind of ['audio', 'video'] as const) {
        const key = kind === 'audio' ? 'microphone' : 'camera'
        try {
          const single = await devices.getUserMedia({ [kind]: constraints[kind] })
          found = { ...found, [key]: GRANTED }
          if (stream) for (const track of single.getTracks()) stream.addTrack(track)
          else stream = single
        } catch (alone) {
          found = { ...found, [key]: failed(mediaErrorFrom(alone)) }
        }
      }
      if (stream) return stream
      throw error
    }
  }

  function start(): Promise<MediaStream | null> {
    const current = store.getState()
    if (disposed) return Promise.resolve(null)
    if (current.status === 'live') return Promise.resolve(current.stream)
    if (pending) return pending
    const mine = ++generation
    store.setState({ ...store.getState(), status: 'acquiring', stream: null, error: null })
    pending = acquire().then(
      (stream) => {
        if (mine !== generation) {
          stopStream(stream)
          return null
        }
        pending = null
        const { micMuted, cameraOff } = store.getState()
        for (const track of stream.getAudioTracks()) track.enabled = !micMuted
        for (const track of stream.getVideoTracks()) track.enabled = !cameraOff
        store.setState({
          ...store.getState(),
          status: 'live',
          stream,
          error: null,
          devices: found,
          deviceIds: deviceIdsOf(stream),
        })
        return stream
      },
      (cause: unknown) => {
        if (mine !== generation) return null
        pending = null
        const error = isP2PError(cause) ? cause : mediaErrorFrom(cause)
        store.setState({
          ...store.getState(),
          status: 'receive-only',
          stream: null,
          error,
          devices: found,
        })
        return null
      },
    )
    return pending
  }

  function stop(): void {
    generation++
    pending = null
    const { stream, micMuted, cameraOff } = store.getState()
    if (stream) stopStream(stream)
    // Mute and camera-off are choices of the person, not of the device: they stay for next time.
    store.setState({ ...IDLE_LOCAL_MEDIA, micMuted, cameraOff })
  }

  function setEnabled(kind: MediaKind, enabled: boolean): void {
    const state = store.getState()
    for (const track of state.stream?.getTracks() ?? []) {
      if (track.kind === kind) track.enabled = enabled
    }
    store.setState({
      ...state,
      ...(kind === 'audio' ? { micMuted: !enabled } : { cameraOff: !enabled }),
    })
  }

  async function switchDevice(
    kind: MediaKind,
    deviceId: string,
    replace?: (previous: MediaStreamTrack, next: MediaStreamTrack) => Promise<unknown>,
  ): Promise<void> {
    const { stream } = store.getState()
    const previous = kind === 'audio' ? stream?.getAudioTracks()[0] : stream?.getVideoTracks()[0]
    if (!stream || disposed) return
    const base = constraints[kind]
    let next: MediaStreamTrack | undefined
    try {
      const fresh = await navigator.mediaDevices.getUserMedia({
        [kind]: { ...(typeof base === 'object' ? base : {}), deviceId: { exact: deviceId } },
      })
      next = kind === 'audio' ? fresh.getAudioTracks()[0] : fresh.getVideoTracks()[0]
    } catch (cause) {
      store.setState({ ...store.getState(), error: mediaErrorFrom(cause) })
      return
    }
    if (!next) return
    // Stopped, or switched again, meanwhile: this track is no longer wanted.
    if (store.getState().stream !== stream) {
      next.stop()
      return
    }
    const state = store.getState()
    next.enabled = kind === 'audio' ? !state.micMuted : !state.cameraOff
    try {
      if (previous) await replace?.(previous, next)
    } catch (cause) {
      // The call still sends the old device: keep it, drop the new one, and say so.
      next.stop()
      store.setState({ ...store.getState(), error: mediaErrorFrom(cause) })
      return
    }
    if (previous) {
      stream.removeTrack(previous)
      previous.stop()
    }
    stream.addTrack(next)
    // A new stream object, so that video elements and selectors see the change.
    const updated = new MediaStream(stream.getTracks())
    store.setState({
      ...store.getState(),
      stream: updated,
      error: null,
      deviceIds: deviceIdsOf(updated),
    })
  }

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    start,
    stop,
    setEnabled,
    switchDevice,
    dispose() {
      disposed = true
      stop()
    },
  }
}

function isP2PError(value: unknown): value is P2PError {
  return typeof value === 'object' && value !== null && 'code' in value && 'hint' in value
}
