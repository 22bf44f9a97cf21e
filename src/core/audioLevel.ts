/** Options of {@link watchAudioLevel}. */
export interface WatchAudioLevelOptions {
  /** How often the level is read. Default 100 ms (a meter needs no more). */
  intervalMs?: number
}

/**
 * Reads how loud the microphone of `stream` is, as a number from 0 (silence) to 1, and calls
 * `onLevel` when it changes by a visible step (1/20). A Web Audio analyser; it never changes the
 * stream or its tracks. Returns the function that stops it. Meters of one stream share one analyser, whose `AudioContext`
 * closes 2 s after the last of them stops.
 * Does nothing (and returns a no-op) without an audio track or without Web Audio.
 *
 * @example
 * const stop = watchAudioLevel(stream, (level) => (meter.value = level))
 */
export function watchAudioLevel(
  stream: MediaStream,
  onLevel: (level: number) => void,
  { intervalMs = 100 }: WatchAudioLevelOptions = {},
): () => void {
  const Context = globalThis.AudioContext
  if (typeof Context !== 'function' || stream.getAudioTracks().length === 0) return () => {}
  const meter = acquire(stream, Context)
  const samples = new Float32Array(meter.analyser.fftSize)
  let last = -1
  const timer = setInterval(() => {
    // A context made without a user gesture may start suspended; a later gesture resumes it.
    if (meter.context.state === 'suspended') void meter.context.resume().catch(() => {})
    meter.analyser.getFloatTimeDomainData(samples)
    let sum = 0
    for (const sample of samples) sum += sample * sample
    // RMS on a loudness-like curve: speech sits around the middle, not at the bottom.
    const level = Math.min(1, Math.sqrt(Math.sqrt(sum / samples.length)) * 1.6)
    const stepped = Math.round(level * 20) / 20
    if (stepped !== last) {
      last = stepped
      onLevel(stepped)
    }
  }, intervalMs)
  let stopped = false
  return () => {
    if (stopped) return
    stopped = true
    clearInterval(timer)
    release(stream, meter)
  }
}

/** One analyser per stream, shared by its meters (the lobby's and the call's). */
interface SharedMeter {
  context: AudioContext
  analyser: AnalyserNode
  source: MediaStreamAudioSourceNode
  users: number
  closing: ReturnType<typeof setTimeout> | null
}

const meters = new WeakMap<MediaStream, SharedMeter>()

// A meter that goes and comes back at once (the lobby's, then the call's) keeps its AudioContext:
// making one is a main-thread stall of 10–30 ms, right when a call connects.
const KEEP_MS = 2000

function acquire(stream: MediaStream, Context: typeof AudioContext): SharedMeter {
  let meter = meters.get(stream)
  if (!meter || meter.context.state === 'closed') {
    const context = new Context()
    const analyser = context.createAnalyser()
    analyser.fftSize = 512
    const source = context.createMediaStreamSource(stream)
    source.connect(analyser)
    meter = { context, analyser, source, users: 0, closing: null }
    meters.set(stream, meter)
  }
  if (meter.closing) clearTimeout(meter.closing)
  meter.closing = null
  meter.users++
  return meter
}

function release(stream: MediaStream, meter: SharedMeter): void {
  if (--meter.users > 0) return
  meter.closing = setTimeout(() => {
    if (meter.users > 0) return
    meters.delete(stream)
    meter.source.disconnect()
    void meter.context.close().catch(() => {})
  }, KEEP_MS)
}
