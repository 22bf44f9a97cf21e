import { DeviceMenu } from '../components/DeviceMenu.js'
import { DevicePickers } from '../components/DevicePickers.js'
import { useMediaDevices } from '../hooks/useMediaDevices.js'
import type { LayoutContext } from './layoutContext.js'

/** Props of {@link DeviceSettings}: the layout's context, which devices, and the menu's name. */
export interface DeviceSettingsProps extends LayoutContext {
  kinds: ('camera' | 'microphone' | 'speaker')[]
  label: string
}

/**
 * A device menu of the bar (Camera settings, Microphone settings): the pickers of `kinds`, listing
 * the devices the browser has (named once media runs). Part of the call-views chunk: the menus show
 * only once the camera or microphone is on.
 */
export function DeviceSettings({
  kinds,
  label,
  mediaState,
  speakerId,
  switchDevice,
  setSpeakerId,
  labels,
}: DeviceSettingsProps) {
  const devices = useMediaDevices(mediaState.stream)
  return (
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
}
