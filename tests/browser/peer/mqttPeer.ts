// The other person, in a tab of its own, for the MQTT tests: joins the room named in the address
// (?url=…&room=…&user=…&password=…) and answers a call with its fake camera. No UI: the test only
// crashes this tab, as a person would close theirs.
import { createLocalMedia, createPeerSession } from '../../../src'
import { createMqttSignaling } from '../../../src/mqtt'

const params = new URLSearchParams(window.location.search)
const session = createPeerSession({ iceServers: [] })
const media = createLocalMedia()
const channel = createMqttSignaling({
  url: params.get('url') ?? '',
  room: params.get('room') ?? '',
  username: params.get('user') ?? '',
  password: params.get('password') ?? '',
})
session.attachChannel(channel, { media: () => media.start() })
const status = document.getElementById('status') as HTMLElement
const show = () => {
  status.textContent = `channel: ${channel.getState().status}; phase: ${session.getState().phase}`
}
channel.subscribe(show)
session.subscribe(show)
show()
