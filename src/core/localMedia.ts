import { createP2PError, mediaErrorFrom, type P2PError } from './errors.js'
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
}

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
  /** Stops everything; tracks that arrive later (a pending prompt) are stopped as they arrive. */
  dispose(): void
}

const IDLE: LocalMediaState = { status: 'idle', stream: null, error: null }

function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop()
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
  const store = createStore<LocalMediaState>(IDLE)
  const constraints = options.constraints ?? { audio: true, video: true }
  // Every stop() or dispose() starts a new generation; a getUserMedia that resolves for an older
  // generation is stale, and its tracks are stopped on arrival.
  let generation = 0
  let pending: Promise<MediaStream | null> | null = null
  let disposed = false

  async function acquire(): Promise<MediaStream> {
    const devices = globalThis.navigator?.mediaDevices
    if (!devices?.getUserMedia) {
      throw globalThis.isSecureContext === false
        ? createP2PError('ERR_INSECURE_CONTEXT')
        : createP2PError('ERR_MEDIA_NOT_FOUND')
    }
    try {
      return await devices.getUserMedia(constraints)
    } catch (error) {
      // One missing or busy device should not cost the other one: try each kind alone.
      const name = error instanceof Error ? error.name : ''
      const retryable = ['NotFoundError', 'NotReadableError', 'OverconstrainedError'].includes(name)
      if (!retryable || !constraints.audio || !constraints.video) throw error
      for (const single of [{ audio: constraints.audio }, { video: constraints.video }]) {
        try {
          return await devices.getUserMedia(single)
        } catch {
          // fall through to the next kind, then to the original error
        }
      }
      throw error
    }
  }

  function start(): Promise<MediaStream | null> {
    const current = store.getState()
    if (disposed) return Promise.resolve(null)
    if (current.status === 'live') return Promise.resolve(current.stream)
    if (pending) return pending
    const mine = ++generation
    store.setState({ status: 'acquiring', stream: null, error: null })
    pending = acquire().then(
      (stream) => {
        if (mine !== generation) {
          stopStream(stream)
          return null
        }
        pending = null
        store.setState({ status: 'live', stream, error: null })
        return stream
      },
      (cause: unknown) => {
        if (mine !== generation) return null
        pending = null
        const error = isP2PError(cause) ? cause : mediaErrorFrom(cause)
        store.setState({ status: 'receive-only', stream: null, error })
        return null
      },
    )
    return pending
  }

  function stop(): void {
    generation++
    pending = null
    const { stream } = store.getState()
    if (stream) stopStream(stream)
    store.setState(IDLE)
  }

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    start,
    stop,
    dispose() {
      disposed = true
      stop()
    },
  }
}

function isP2PError(value: unknown): value is P2PError {
  return typeof value === 'object' && value !== null && 'code' in value && 'hint' in value
}
