import type { ReactNode } from 'react'
import { IconButton } from '../components/IconButton.js'
import { MediaToggles } from '../components/MediaToggles.js'
import { DeviceSettings } from './deferredViews.js'
import type { DeviceSettingsProps } from './DeviceSettings.js'
import type { LayoutContext } from './layoutContext.js'

/**
 * The bar of round icon buttons: microphone and camera (each with its device menu once media
 * runs), what the view adds (`children`: Share screen), the Details toggle, then `trailing` (Hang up).
 */
export function MediaBar(
  props: LayoutContext & { children?: ReactNode; trailing?: ReactNode; className?: string },
) {
  const { media, mediaState, labels, details, setMicMuted, setCameraOff } = props
  const { children, trailing, className } = props
  const live = mediaState.status === 'live'
  const pickers = (kinds: DeviceSettingsProps['kinds'], label: string) =>
    live && <DeviceSettings {...props} kinds={kinds} label={label} />
  return (
    <div role="group" aria-label={labels.callControls} className={`rpc-bar ${className ?? ''}`}>
      {media && (
        <MediaToggles
          variant="icon"
          micMuted={mediaState.micMuted}
          cameraOff={mediaState.cameraOff}
          onMicMutedChange={setMicMuted}
          onCameraOffChange={setCameraOff}
          microphoneMenu={pickers(['microphone', 'speaker'], labels.microphoneSettings)}
          cameraMenu={pickers(['camera'], labels.cameraSettings)}
          labels={labels}
        />
      )}
      {children}
      <IconButton
        icon="details"
        label={labels.details}
        aria-expanded={details.open}
        aria-controls={details.id}
        data-state={details.open ? 'open' : 'closed'}
        onClick={details.toggle}
      />
      {trailing}
    </div>
  )
}
