import { memo } from 'react'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Icon } from '../components/Icon.js'
import { LocalVideo } from '../components/LocalVideo.js'
import type { SignalingPickerProps } from '../components/SignalingPicker.js'
import { VideoTile } from '../components/VideoTile.js'
import type { CallRole } from '../core/peerSession.js'
import { DeviceStatusList, LobbyWayIn, MicLevel } from './deferredViews.js'
import type { LayoutContext } from './layoutContext.js'
import { MediaBar } from './MediaBar.js'
import type { VideoCallLayoutProps } from './VideoCallLayout.js'

export interface LobbyProps extends LayoutContext {
  remoteSignal: string
  onRemoteSignalChange: (text: string) => void
  onRoleChange: (role: CallRole) => void
  invited: boolean
  /** This side's signal (an offer gets a share link). */
  localSignal: string
  shareLink: NonNullable<VideoCallLayoutProps['shareLink']>
  linkBase: string | undefined
  signaling: Omit<SignalingPickerProps, 'labels' | 'disabled'>
  /**
   * Behind the call view while Complete connection applies the answer: hidden by the stylesheet
   * (`.rpc-call[data-view='call'] .rpc-lobby`) and never rendered again there, so the click that
   * shows the call does not render the lobby. If the answer is refused it shows again as it was.
   */
  behind?: boolean
}

/** The camera preview, its level meter and device menus; one media problem with Try again. */
function Preview(props: LobbyProps) {
  const { media, mediaState, labels, errorText } = props
  const { camera, microphone } = mediaState.devices
  // The list tells which device failed when one works; when both fail alike, the alert says it.
  const mixed = camera.status !== microphone.status
  const placeholder =
    mediaState.status !== 'live' ? (
      media &&
      mediaState.status !== 'acquiring' && (
        <button
          type="button"
          className="rpc-button"
          data-variant="primary"
          onClick={() => void media.start()}
        >
          <Icon name="camera" />
          {labels.startCamera}
        </button>
      )
    ) : mediaState.cameraOff || mediaState.deviceIds.video === null ? (
      <p>
        <Icon name="cameraOff" />
        {labels.cameraIsOff}
      </p>
    ) : undefined
  return (
    <div className="rpc-lobby__preview">
      <VideoTile variant="preview" name={labels.you} placeholder={placeholder || undefined}>
        <LocalVideo
          stream={mediaState.stream}
          aria-label={labels.localVideo}
          className="rpc-video"
        />
      </VideoTile>
      <MediaBar {...props} className="rpc-bar--lobby">
        {mediaState.status === 'live' && (
          <MicLevel stream={mediaState.stream} labels={labels} errorText={errorText} />
        )}
      </MediaBar>
      {mediaState.error && !mixed && (
        <ErrorAlert error={mediaState.error} errorText={errorText}>
          {media && (
            <button type="button" className="rpc-button" onClick={() => void media.start()}>
              {labels.tryAgain}
            </button>
          )}
        </ErrorAlert>
      )}
      {mixed && <DeviceStatusList mediaState={mediaState} errorText={errorText} labels={labels} />}
      {mediaState.status === 'receive-only' && !mediaState.error && (
        <p className="rpc-notice" data-state="receive-only">
          {labels.receiveOnly}
        </p>
      )}
    </div>
  )
}

const skipWhileBehind = (_: LobbyProps, next: LobbyProps) => next.behind === true

/**
 * Before the call: the preview on one side, the way in (steps, invitation or Start call) on the
 * other. Not rendered again while it is behind the call (`behind`): it keeps what it showed.
 */
export const Lobby = memo(function Lobby(props: LobbyProps) {
  return (
    <div className="rpc-lobby" data-invited={props.invited ? '' : undefined}>
      <Preview {...props} />
      <LobbyWayIn {...props} />
    </div>
  )
}, skipWhileBehind)
