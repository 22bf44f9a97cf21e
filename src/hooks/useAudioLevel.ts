import { useEffect, useState } from 'react'
import { watchAudioLevel } from '../core/audioLevel.js'

/**
 * How loud the microphone of `stream` is now, 0–1 in steps of 1/20 (`watchAudioLevel`): for a level
 * meter in a pre-join screen. 0 without a stream or an audio track. Re-renders only the component
 * that calls it, about ten times a second at most while the level moves.
 *
 * @example
 * const level = useAudioLevel(media.stream)
 * return <AudioLevelMeter level={level} />
 */
export function useAudioLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0)
  useEffect(() => {
    if (!stream) return
    const stop = watchAudioLevel(stream, setLevel)
    return () => {
      stop()
      setLevel(0)
    }
  }, [stream])
  return stream ? level : 0
}
