import type { ReactNode } from 'react'
import { DeviceMenu } from '../components/DeviceMenu.js'
import { DevicePickers } from '../components/DevicePickers.js'
import { IconButton } from '../components/IconButton.js'
import { MediaToggles } from '../components/MediaToggles.js'
import type { LayoutContext } from './layoutContext.js'

/**
 * The bar of round icon buttons: microphone and camera (each with its device menu once media
 * runs), what the view adds (`children`: Share screen), the Details toggle, then `trailing` (Hang up).
 */
export function MediaBar({
  media,
  mediaState,
  devices,
  speakerId,
  labels,
  details,
  setMicMuted,
  setCameraOff,
  setSpeakerId,
  switchDevice,
  children,
  trailing,
  className,
}: LayoutContext & { children?: ReactNode; trailing?: ReactNode; className?: string }) {
  const live = mediaState.status === 'live'
  const pickers = (kinds: ('camera' | 'microphone' | 'speaker')[], label: string) =>
    live && (
      <DeviceMenu label={label}>
        <DevicePickers
          kinds={kinds}
          devices={devices}
          cameraId={mediaState.deviceIds.video}
          microphoneId={mediaState.deviceIds.audio}
          speakerId={speakerId}
          onCameraChange={(id) => switchDevice('video', id)}
          onMicrophoneChange={(id) => switchDevice('audio', id)}
          onSpeakerChange={setSpeakerId}
          labels={labels}
        />
      </DeviceMenu>
    )
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
