/** Options of {@link watchAudioLevel}. */
export interface WatchAudioLevelOptions {
  /** How often the level is read. Default 100 ms (a meter needs no more). */
  intervalMs?: number
}

/**
 * Reads how loud the microphone of `stream` is, as a number from 0 (silence) to 1, and calls
 * `onLevel` when it changes by a visible step (1/20). A Web Audio analyser; it never changes the
 * stream or its tracks. Returns the function that stops it (and closes its `AudioContext`).
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
  const context = new Context()
  const analyser = context.createAnalyser()
  analyser.fftSize = 512
  const source = context.createMediaStreamSource(stream)
  source.connect(analyser)
  const samples = new Float32Array(analyser.fftSize)
  let last = -1
  const timer = setInterval(() => {
    // A context made without a user gesture may start suspended; a later gesture resumes it.
    if (context.state === 'suspended') void context.resume().catch(() => {})
    analyser.getFloatTimeDomainData(samples)
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
  return () => {
    clearInterval(timer)
    source.disconnect()
    void context.close().catch(() => {})
  }
}
