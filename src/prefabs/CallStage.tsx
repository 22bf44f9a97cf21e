import { noSubscription } from '../hooks/useStoreState.js'
import { useState, useSyncExternalStore } from 'react'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Icon } from '../components/Icon.js'
import { IconButton } from '../components/IconButton.js'
import { LocalVideo } from '../components/LocalVideo.js'
import { SecurityCode } from '../components/SecurityCode.js'
import { SelfView } from '../components/SelfView.js'
import { VideoTile } from '../components/VideoTile.js'
import type { PeerSessionState } from '../core/peerSession.js'
import { useSessionSelector } from '../hooks/useSessionSelector.js'
import type { LayoutContext } from './layoutContext.js'
import { MediaBar } from './MediaBar.js'
import { SessionRemoteScreen, SessionRemoteTile } from './sessionParts.js'
import {
  LocalSignalField,
  PasteAction,
  RemoteSignalField,
  SessionErrorAlert,
} from './signalFields.js'

const selectSecurityCode = (s: PeerSessionState) => s.securityCode
const selectLocalScreen = (s: PeerSessionState) => s.localScreen

// Screen sharing only where it can work: a browser with getDisplayMedia and a fine pointer (phones
// have neither a screen picker nor, mostly, getDisplayMedia).
// Asked once: `matchMedia` costs milliseconds, and React reads a snapshot at every render.
let shareable: boolean | undefined
const canShareScreen = () =>
  (shareable ??=
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getDisplayMedia === 'function' &&
    (typeof matchMedia !== 'function' || matchMedia('(any-pointer: fine)').matches))

export interface CallStageProps extends LayoutContext {
  /**
   * Made ahead, not shown yet: only its videos, unnamed and out of the accessibility tree, so
   * nothing is found twice beside the lobby.
   */
  hidden?: boolean
  /**
   * Shown while the lobby is still behind it, hidden (Complete connection applies the answer): the
   * other person's tile, what the call is doing and Hang up. Your own picture is unnamed and the
   * rest of the bar comes once the answer is applied: the lobby behind names them until then.
   */
  lobbyBehind?: boolean
  remoteSignal: string
  onRemoteSignalChange: (text: string) => void
}

/** A copy-paste call whose transport is down: Reconnect, and the fields a pasted restart needs. */
function Recovery(props: CallStageProps) {
  const { session, labels, actions, step, remoteSignal, onRemoteSignalChange } = props
  return (
    <div className="rpc-card rpc-recovery" data-state={step}>
      <h2 className="rpc-card__title">{labels.connectionLost}</h2>
      <p className="rpc-step__hint">{labels.connectionLostHint}</p>
      {actions.reconnect && step !== 'reconnect-offer-ready' && (
        <button
          type="button"
          className="rpc-button"
          data-variant="primary"
          onClick={() => void session?.reconnect()}
        >
          {labels.reconnect}
        </button>
      )}
      <LocalSignalField {...props} />
      <RemoteSignalField {...props} value={remoteSignal} onValueChange={onRemoteSignalChange} />
      {actions.completeConnection ? (
        <PasteAction {...props} action="complete" value={remoteSignal} />
      ) : (
        actions.createAnswer && <PasteAction {...props} action="answer" value={remoteSignal} />
      )}
    </div>
  )
}

/**
 * In the call: the other person fills the area (their screen, when they share one), your own
 * picture is a movable self view, and the control bar floats at the bottom.
 */
export function CallStage(props: CallStageProps) {
  const { session, labels, phase, step, mode, actions, mediaState, speakerId } = props
  const code = useSessionSelector(selectSecurityCode, session)
  const localScreen = useSessionSelector(selectLocalScreen, session)
  const shareable = useSyncExternalStore(noSubscription, canShareScreen, () => false)
  const [mediaProblemDismissed, setMediaProblemDismissed] = useState(false)
  const recovering =
    mode === 'copy-paste' && (actions.reconnect || step === 'reconnect-offer-ready')
  const status =
    phase === 'reconnecting'
      ? labels.reconnectingCall
      : phase === 'connecting'
        ? labels.connectingCall
        : null
  const receiveOnly = mediaState.status === 'receive-only'
  const selfPlaceholder =
    !mediaState.stream || mediaState.cameraOff || mediaState.deviceIds.video === null ? (
      <p>
        <Icon name={mediaState.stream ? 'cameraOff' : 'user'} />
        <span className={receiveOnly ? undefined : 'rpc-visually-hidden'}>
          {receiveOnly ? labels.receiveOnlyShort : labels.cameraIsOff}
        </span>
      </p>
    ) : undefined
  const pill = status && (
    <p className="rpc-pill" data-state={phase}>
      {status}
    </p>
  )
  const hangUp = (
    <IconButton icon="hangUp" label={labels.hangUp} variant="danger" onClick={props.hangUp} />
  )
  // Named and complete only when nothing else names the same: not made ahead, no lobby behind.
  const full = !props.hidden && !props.lobbyBehind
  return (
    <div className="rpc-stage" data-state={phase} hidden={props.hidden}>
      <SessionRemoteTile
        session={session}
        labels={labels}
        sinkId={speakerId}
        phase={phase}
        named={!props.hidden}
      />
      <SessionRemoteScreen session={session} labels={labels} />
      <SelfView labels={labels}>
        <VideoTile
          variant="pip"
          name={full ? labels.you : undefined}
          placeholder={full ? selfPlaceholder : undefined}
        >
          <LocalVideo
            stream={mediaState.stream}
            aria-label={full ? labels.localVideo : undefined}
            className="rpc-video"
          />
        </VideoTile>
      </SelfView>
      {/* With the lobby behind: what the call does, and the way out of it. */}
      {!props.hidden && props.lobbyBehind && (
        <>
          <div className="rpc-stage__top">{pill}</div>
          <div className="rpc-stage__errors">
            <SessionErrorAlert {...props} />
          </div>
          <div role="group" aria-label={labels.callControls} className="rpc-bar rpc-bar--call">
            {hangUp}
          </div>
        </>
      )}
      {/* Made ahead, only the videos: the rest comes when it shows (no text or control twice). */}
      {full && (
        <>
          <div className="rpc-stage__top">
            {pill}
            <SecurityCode code={code} labels={labels} className="rpc-security rpc-security--chip" />
          </div>
          {recovering && <Recovery {...props} />}
          {phase === 'failed' && !recovering && (
            <div className="rpc-card rpc-recovery">
              <h2 className="rpc-card__title">{labels.callFailed}</h2>
              <p className="rpc-step__hint">{labels.callFailedHint}</p>
            </div>
          )}
          <div className="rpc-stage__errors">
            <SessionErrorAlert {...props} />
            {/* Why this side is receive-only, and the way out, until it is dismissed. */}
            {mediaState.error && !mediaProblemDismissed && (
              <ErrorAlert
                error={mediaState.error}
                errorText={props.errorText}
                onDismiss={() => setMediaProblemDismissed(true)}
                labels={labels}
              >
                {props.media && (
                  <button
                    type="button"
                    className="rpc-button"
                    onClick={() => void props.media?.start()}
                  >
                    {labels.tryAgain}
                  </button>
                )}
              </ErrorAlert>
            )}
          </div>
          <MediaBar {...props} className="rpc-bar--call" trailing={hangUp}>
            {shareable &&
              (localScreen ? (
                <IconButton
                  icon="screenOff"
                  label={labels.stopSharing}
                  variant="primary"
                  onClick={() => session?.stopScreenShare()}
                />
              ) : (
                <IconButton
                  icon="screen"
                  label={labels.shareScreen}
                  disabled={!actions.shareScreen}
                  onClick={() => void session?.startScreenShare()}
                />
              ))}
          </MediaBar>
        </>
      )}
    </div>
  )
}
