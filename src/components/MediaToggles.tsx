import type { ComponentPropsWithoutRef, ReactNode } from 'react'
import { IconButton } from './IconButton.js'

/** Props of {@link MediaToggles}. */
export interface MediaTogglesProps extends ComponentPropsWithoutRef<'div'> {
  micMuted: boolean
  cameraOff: boolean
  onMicMutedChange: (muted: boolean) => void
  onCameraOffChange: (off: boolean) => void
  disabled?: boolean
  /** `text` (default): labelled buttons. `icon`: round icon buttons with tooltips, for a control bar. */
  variant?: 'text' | 'icon'
  /** Rendered right after the microphone button, e.g. its `DeviceMenu`. */
  microphoneMenu?: ReactNode
  /** Rendered right after the camera button, e.g. its `DeviceMenu`. */
  cameraMenu?: ReactNode
  labels?: Partial<
    Record<'muteMicrophone' | 'unmuteMicrophone' | 'turnCameraOff' | 'turnCameraOn', string>
  >
}

/**
 * Two toggle buttons: **Mute microphone** / **Unmute microphone** and **Turn camera off** / **Turn
 * camera on**, with `aria-pressed` (pressed = muted / off) and the shortcuts Alt+M and Alt+V
 * (`aria-keyshortcuts`; `VideoCallLayout` handles them). As icons (`variant="icon"`) the names
 * stay the same; each button can carry its device menu.
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
  variant = 'text',
  microphoneMenu,
  cameraMenu,
  labels = {},
  ...rest
}: MediaTogglesProps) {
  const mic = micMuted
    ? (labels.unmuteMicrophone ?? 'Unmute microphone')
    : (labels.muteMicrophone ?? 'Mute microphone')
  const camera = cameraOff
    ? (labels.turnCameraOn ?? 'Turn camera on')
    : (labels.turnCameraOff ?? 'Turn camera off')
  const toggles = [
    {
      name: mic,
      pressed: micMuted,
      keys: 'Alt+M',
      state: micMuted ? 'muted' : 'on',
      menu: microphoneMenu,
      icon: micMuted ? ('micOff' as const) : ('mic' as const),
      toggle: () => onMicMutedChange(!micMuted),
    },
    {
      name: camera,
      pressed: cameraOff,
      keys: 'Alt+V',
      state: cameraOff ? 'off' : 'on',
      menu: cameraMenu,
      icon: cameraOff ? ('cameraOff' as const) : ('camera' as const),
      toggle: () => onCameraOffChange(!cameraOff),
    },
  ]
  return (
    <div className="rpc-toggles" data-variant={variant} {...rest}>
      {toggles.map((t) => (
        <span key={t.keys} className="rpc-toggle-group">
          {variant === 'icon' ? (
            <IconButton
              icon={t.icon}
              label={t.name}
              tooltip={`${t.name} (${t.keys})`}
              aria-pressed={t.pressed}
              aria-keyshortcuts={t.keys}
              disabled={disabled}
              data-state={t.state}
              onClick={t.toggle}
            />
          ) : (
            <button
              type="button"
              aria-pressed={t.pressed}
              aria-keyshortcuts={t.keys}
              disabled={disabled}
              data-state={t.state}
              onClick={t.toggle}
            >
              {t.name}
            </button>
          )}
          {t.menu}
        </span>
      ))}
    </div>
  )
}
