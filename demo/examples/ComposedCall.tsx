import { useState } from 'react'
import {
  callActions,
  CallControls,
  ConnectionStatePanel,
  ErrorAlert,
  LocalSignalBox,
  LocalVideo,
  RemoteSignalInput,
  RemoteVideo,
  useConnectionState,
  useLocalMedia,
  usePeerConnection,
  type CallRole,
} from '../../src'

/** The README's "your own layout" example: the hooks and components, without VideoCall. */
export function ComposedCall({ role }: { role: CallRole }) {
  const { session } = usePeerConnection({ iceServers: [] })
  const media = useLocalMedia()
  const state = useConnectionState(session)
  const [remote, setRemote] = useState('')

  return (
    <section aria-label={`My ${role} call`}>
      <LocalVideo stream={media.stream} />
      <RemoteVideo stream={state.remoteStream} />
      <CallControls
        actions={callActions(state, role)}
        hideUnavailable // only the buttons that fit the moment
        onCreateOffer={() => session?.createOffer({ media: media.start })}
        onCreateAnswer={() => session?.createAnswer(remote, { media: media.start })}
        onCompleteConnection={() => session?.completeConnection(remote)}
        onHangUp={() => {
          session?.hangUp()
          media.stop() // the connection is closed; now the camera light goes off too
        }}
      />
      <LocalSignalBox value={state.localSignal} />
      <RemoteSignalInput value={remote} onValueChange={setRemote} />
      <ErrorAlert error={state.error ?? media.error} />
      <ConnectionStatePanel
        phase={state.phase}
        signalingState={state.signalingState}
        iceGatheringState={state.iceGatheringState}
        iceConnectionState={state.iceConnectionState}
        connectionState={state.connectionState}
      />
    </section>
  )
}
