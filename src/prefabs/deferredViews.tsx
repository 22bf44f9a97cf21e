import type { DeviceSettingsProps } from './DeviceSettings.js'
import { deferredView } from './deferredView.js'
import type { LayoutContext } from './layoutContext.js'

// Each view of the call-views chunk (callViews.ts) as the layout uses it. The chunk loads as the
// layout mounts, while the lobby's preview shows; until then each view keeps its place, and one
// that cannot load says so, with Try again.

export const CallStage = deferredView((views) => views.CallStage, {
  loading: (props) => <div className="rpc-stage" aria-busy="true" hidden={props.hidden} />,
  failed: (props, alert) => (
    <div className="rpc-stage" hidden={props.hidden}>
      <div className="rpc-stage__errors">{alert}</div>
    </div>
  ),
})
export const EndedCard = deferredView((views) => views.EndedCard, {
  loading: () => <div className="rpc-ended" aria-busy="true" />,
  failed: (_, alert) => (
    <div className="rpc-ended">
      <div className="rpc-card">{alert}</div>
    </div>
  ),
})
// Closed by default: nothing to hold a place for, and a failure shows only once it is opened.
export const DetailsPanel = deferredView((views) => views.DetailsPanel, {
  loading: () => null,
  failed: (props, alert) =>
    props.details.open ? (
      <aside id={props.details.id} aria-label={props.labels.details} className="rpc-details">
        {alert}
      </aside>
    ) : null,
})

// The microphone's level, the devices' list and the device menus show only once media runs,
// well after the chunk has come.
export const MicLevel = deferredView((views) => views.MicLevel, {
  loading: () => null,
  failed: () => null,
})
export const DeviceStatusList = deferredView<
  Pick<LayoutContext, 'labels' | 'errorText' | 'mediaState'>
>(
  ({ DeviceStatusList: List }) =>
    function DeviceStatus({ mediaState, labels, errorText }) {
      return <List devices={mediaState.devices} labels={labels} errorText={errorText} />
    },
  { loading: () => null, failed: (_, alert) => alert },
)
export const LobbyWayIn = deferredView((views) => views.LobbyWayIn, {
  loading: () => <div className="rpc-card rpc-lobby__card" aria-busy="true" />,
  failed: (_, alert) => <div className="rpc-card rpc-lobby__card">{alert}</div>,
})
export const DeviceSettings = deferredView<DeviceSettingsProps>((views) => views.DeviceSettings, {
  loading: () => null,
  failed: () => null,
})
