import { useMemo, type ReactNode } from 'react'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Icon } from '../components/Icon.js'
import { RoleChoice } from '../components/RoleChoice.js'
import { SignalingPicker } from '../components/SignalingPicker.js'
import { signalLink } from '../core/signalLink.js'
import type { LobbyProps } from './Lobby.js'
import {
  LocalSignalField,
  PasteAction,
  RemoteSignalField,
  SessionErrorAlert,
  SignalProgress,
} from './signalFields.js'

type WayInProps = LobbyProps & { link: string | undefined }

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

/** The exchange as numbered steps for the role; only the step of the moment has its action. */
function Steps(props: WayInProps) {
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
function Invitation(props: WayInProps) {
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

/**
 * The lobby's way into a call (its card): how and as whom to call, then the exchange as steps, a
 * share link's invitation, or Start call on a channel; the session's error and, while a call is
 * under way, Hang up. Part of the call-views chunk: the lobby shows the preview before it is there.
 */
export function LobbyWayIn(props: LobbyProps) {
  const { labels, role, mode, actions, channel, session, invited, signaling, step } = props
  const { localSignal, shareLink, linkBase } = props
  const offerReady = step === 'offer-ready' && localSignal !== ''
  // Written once per signal (its QR form is a conversion), not at every render.
  const link = useMemo(
    () =>
      !shareLink || !offerReady
        ? undefined
        : typeof shareLink === 'function'
          ? shareLink(localSignal)
          : signalLink(localSignal, linkBase ?? window.location.href),
    [shareLink, offerReady, localSignal, linkBase],
  )
  const wayIn = { ...props, link }
  return (
    <div className="rpc-card rpc-lobby__card">
      {invited ? (
        <Invitation {...wayIn} />
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
            <Steps {...wayIn} />
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
  )
}
