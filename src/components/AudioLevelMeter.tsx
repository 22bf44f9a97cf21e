import type { ComponentPropsWithoutRef } from 'react'

/** Props of {@link AudioLevelMeter}. */
export interface AudioLevelMeterProps extends ComponentPropsWithoutRef<'div'> {
  /** 0–1, e.g. from `useAudioLevel(stream)`. */
  level: number
  labels?: { microphoneLevel?: string }
}

const BARS = 5

/**
 * A microphone level meter (`role="meter"`, named **Microphone level**): five bars that light up
 * as the person speaks, so they can see that the right microphone hears them before they join.
 *
 * @example
 * <AudioLevelMeter level={useAudioLevel(media.stream)} />
 */
export function AudioLevelMeter({ level, labels = {}, ...rest }: AudioLevelMeterProps) {
  const percent = Math.round(Math.max(0, Math.min(1, level)) * 100)
  return (
    <div
      role="meter"
      aria-label={labels.microphoneLevel ?? 'Microphone level'}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="rpc-level"
      data-state={percent > 5 ? 'sound' : 'quiet'}
      {...rest}
    >
      {Array.from({ length: BARS }, (_, index) => (
        <span key={index} data-on={percent > (index * 100) / BARS + 4 ? '' : undefined} />
      ))}
    </div>
  )
}
