import type { ComponentPropsWithoutRef } from 'react'

/** Props of {@link MediaToggles}. */
export interface MediaTogglesProps extends ComponentPropsWithoutRef<'div'> {
  micMuted: boolean
  cameraOff: boolean
  onMicMutedChange: (muted: boolean) => void
  onCameraOffChange: (off: boolean) => void
  disabled?: boolean
  labels?: Partial<
    Record<'muteMicrophone' | 'unmuteMicrophone' | 'turnCameraOff' | 'turnCameraOn', string>
  >
}

/**
 * Two toggle buttons: **Mute microphone** / **Unmute microphone** and **Turn camera off** / **Turn
 * camera on**, with `aria-pressed` (pressed = muted / off) and the shortcuts Alt+M and Alt+V
 * (`aria-keyshortcuts`; `VideoCallLayout` handles them).
 *
 * @example
 * <MediaToggles micMuted={micMuted} cameraOff={cameraOff}
 *   onMicMutedChange={(m) => media.setEnabled('audio', !m)} onCameraOffChange={…} />
 */
export function MediaToggles({
  micMuted,
  cameraOff,
  onMicMutedChange,
  onCameraOffChange,
  disabled,
  labels = {},
  ...rest
}: MediaTogglesProps) {
  return (
    <div className="rpc-toggles" {...rest}>
      <button
        type="button"
        aria-pressed={micMuted}
        aria-keyshortcuts="Alt+M"
        disabled={disabled}
        data-state={micMuted ? 'muted' : 'on'}
        onClick={() => onMicMutedChange(!micMuted)}
      >
        {micMuted
          ? (labels.unmuteMicrophone ?? 'Unmute microphone')
          : (labels.muteMicrophone ?? 'Mute microphone')}
      </button>
      <button
        type="button"
        aria-pressed={cameraOff}
        aria-keyshortcuts="Alt+V"
        disabled={disabled}
        data-state={cameraOff ? 'off' : 'on'}
        onClick={() => onCameraOffChange(!cameraOff)}
      >
        {cameraOff
          ? (labels.turnCameraOn ?? 'Turn camera on')
          : (labels.turnCameraOff ?? 'Turn camera off')}
      </button>
    </div>
  )
}
