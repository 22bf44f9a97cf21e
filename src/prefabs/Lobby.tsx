import { memo, type ReactNode } from 'react'
import { AudioLevelMeter } from '../components/AudioLevelMeter.js'
import { DeviceStatusList } from '../components/DeviceStatusList.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Icon } from '../components/Icon.js'
import { LocalVideo } from '../components/LocalVideo.js'
import { RoleChoice } from '../components/RoleChoice.js'
import { SignalingPicker, type SignalingPickerProps } from '../components/SignalingPicker.js'
import { VideoTile } from '../components/VideoTile.js'
import type { CallRole } from '../core/peerSession.js'
import { useAudioLevel } from '../hooks/useAudioLevel.js'
import type { LayoutContext } from './layoutContext.js'
import { MediaBar } from './MediaBar.js'
import {
  LocalSignalField,
  PasteAction,
  RemoteSignalField,
  SessionErrorAlert,
  SignalProgress,
} from './signalFields.js'

export interface LobbyProps extends LayoutContext {
  remoteSignal: string
  onRemoteSignalChange: (text: string) => void
  onRoleChange: (role: CallRole) => void
  invited: boolean
  link: string | undefined
  signaling: Omit<SignalingPickerProps, 'labels' | 'disabled'>
  /**
   * Behind the call view while Complete connection applies the answer: hidden by the stylesheet
   * (`.rpc-call[data-view='call'] .rpc-lobby`) and never rendered again there, so the click that
   * shows the call does not render the lobby. If the answer is refused it shows again as it was.
   */
  behind?: boolean
}

/** A re-render per level step stays in here, not in the lobby. */
function MicLevel({
  stream,
  labels,
}: {
  stream: MediaStream | null
  labels: LayoutContext['labels']
}) {
  return <AudioLevelMeter level={useAudioLevel(stream)} labels={labels} />
}

function Step({
  n,
  title,
  hint,
  state,
  children,
}: {
  n: number
  title: string
  hint: string
  state: 'current' | 'done' | 'later'
  children?: ReactNode
}) {
  return (
    <li
      className="rpc-step"
      data-state={state}
      aria-current={state === 'current' ? 'step' : undefined}
    >
      <h2 className="rpc-step__title">
        <span className="rpc-step__n" aria-hidden="true">
          {state === 'done' ? '✓' : n}
        </span>
        {title}
      </h2>
      {state === 'current' && <p className="rpc-step__hint">{hint}</p>}
      {children}
    </li>
  )
}

function Primary({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="rpc-button" data-variant="primary" onClick={onClick}>
      {children}
    </button>
  )
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
        {mediaState.status === 'live' && <MicLevel stream={mediaState.stream} labels={labels} />}
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
      {mixed && (
        <DeviceStatusList devices={mediaState.devices} errorText={errorText} labels={labels} />
      )}
      {mediaState.status === 'receive-only' && !mediaState.error && (
        <p className="rpc-notice" data-state="receive-only">
          {labels.receiveOnly}
        </p>
      )}
    </div>
  )
}

/** The exchange as numbered steps for the role; only the step of the moment has its action. */
function Steps(props: LobbyProps) {
  const { session, labels, role, step, actions, remoteSignal, onRemoteSignalChange, link } = props
  const offerReady = step === 'offer-ready'
  const making =
    step === 'acquiring-media' || step === 'creating-offer' || step === 'creating-answer'
  const remote = (onAnswerInstead?: () => void, scan?: 'answer' | 'offer') => (
    <RemoteSignalField
      {...props}
      value={remoteSignal}
      onValueChange={onRemoteSignalChange}
      onAnswerInstead={onAnswerInstead}
      scan={scan}
    />
  )
  if (role === 'caller') {
    return (
      <ol className="rpc-steps">
        <Step
          n={1}
          title={labels.stepSendInvite}
          hint={labels.stepSendInviteHint}
          state={offerReady ? 'done' : 'current'}
        >
          {actions.createOffer && !making && (
            <Primary onClick={() => void session?.createOffer({ media: props.startMedia })}>
              {labels.createOffer}
            </Primary>
          )}
          {making && <SignalProgress {...props} />}
          <LocalSignalField {...props} link={link} />
        </Step>
        <Step
          n={2}
          title={labels.stepPasteReply}
          hint={labels.stepPasteReplyHint}
          state={offerReady ? 'current' : 'later'}
        >
          {remote(
            actions.chooseRole && !offerReady ? () => props.onRoleChange('callee') : undefined,
            offerReady && actions.completeConnection ? 'answer' : undefined,
          )}
          {actions.completeConnection && (
            <PasteAction {...props} action="complete" value={remoteSignal} />
          )}
        </Step>
      </ol>
    )
  }
  const answered = step === 'answer-ready'
  return (
    <ol className="rpc-steps">
      <Step
        n={1}
        title={labels.stepPasteInvite}
        hint={labels.stepPasteInviteHint}
        state={answered ? 'done' : 'current'}
      >
        {!answered && remote(undefined, actions.createAnswer ? 'offer' : undefined)}
        {actions.createAnswer && !making && !answered && (
          <PasteAction {...props} action="answer" value={remoteSignal} />
        )}
        {making && <SignalProgress {...props} />}
      </Step>
      <Step
        n={2}
        title={labels.stepSendReply}
        hint={labels.stepSendReplyHint}
        state={answered ? 'current' : 'later'}
      >
        <LocalSignalField {...props} />
        {answered && <p className="rpc-hint">{labels.waitingForOther}</p>}
      </Step>
    </ol>
  )
}

/** A share link opened: a short invitation with **Create answer** in view, on a phone too. */
function Invitation(props: LobbyProps) {
  const { session, labels, remoteSignal, onRemoteSignalChange } = props
  return (
    <div className="rpc-invite">
      <h2 className="rpc-card__title">{labels.invitedTitle}</h2>
      <p>{labels.invitedText}</p>
      <Primary
        onClick={() => void session?.createAnswer(remoteSignal, { media: props.startMedia })}
      >
        <Icon name="phone" />
        {labels.createAnswer}
      </Primary>
      <RemoteSignalField {...props} value={remoteSignal} onValueChange={onRemoteSignalChange} />
    </div>
  )
}

const skipWhileBehind = (_: LobbyProps, next: LobbyProps) => next.behind === true

/**
 * Before the call: the preview on one side, the way in (steps, invitation or Start call) on the
 * other. Not rendered again while it is behind the call (`behind`): it keeps what it showed.
 */
export const Lobby = memo(function Lobby(props: LobbyProps) {
  const { labels, role, mode, actions, channel, session, invited, signaling } = props
  return (
    <div className="rpc-lobby" data-invited={invited ? '' : undefined}>
      <Preview {...props} />
      <div className="rpc-card rpc-lobby__card">
        {invited ? (
          <Invitation {...props} />
        ) : (
          <>
            {/* How and as whom to call, while that can still change. */}
            {actions.chooseRole && (
              <div className="rpc-setup">
                <SignalingPicker {...signaling} labels={labels} />
                {/* With a channel, whoever clicks Start call is the caller: no role to choose. */}
                {mode === 'copy-paste' && (
                  <RoleChoice value={role} onValueChange={props.onRoleChange} labels={labels} />
                )}
              </div>
            )}
            {mode === 'copy-paste' ? (
              <Steps {...props} />
            ) : (
              <div className="rpc-channel-start">
                {(channel.status === 'open' || channel.status === 'connecting') && (
                  <p className="rpc-notice" data-state={channel.status}>
                    {channel.status === 'open' ? labels.channelOpen : labels.channelConnecting}
                  </p>
                )}
                {channel.error && <ErrorAlert error={channel.error} errorText={props.errorText} />}
                {/* Only once the room is reached: a refused or broken channel cannot start a call. */}
                {actions.startCall && channel.status === 'open' && (
                  <Primary onClick={() => void session?.startCall({ media: props.startMedia })}>
                    <Icon name="phone" />
                    {labels.startCall}
                  </Primary>
                )}
              </div>
            )}
          </>
        )}
        <SessionErrorAlert {...props} />
        {/* A call under way that has not connected yet can always be abandoned. */}
        {actions.hangUp && !props.behind && (
          <button type="button" className="rpc-button rpc-lobby__hang-up" onClick={props.hangUp}>
            {labels.hangUp}
          </button>
        )}
      </div>
    </div>
  )
}, skipWhileBehind)
