import { randomUUID } from 'node:crypto';
import { LIVE_COMMANDS, STEERING_COMMANDS, type LiveCommandType } from '@tillit/protocol';
import { startTestApp, type TestApp } from '../harness.js';
import { LiveClient, meetingWorld, relaxRateLimit } from '../live/live-harness.js';
import { malformed } from '../live/fuzz-gen.js';
import { SAMPLES } from '../live/samples.js';
let t: TestApp;
test('fuzz steering', async () => {
  t = await startTestApp();
  relaxRateLimit(t.app);
  const w = await meetingWorld(t.url);
  const fac = await LiveClient.connect(t.url, w.facilitator);
  await fac.join(w.meeting.id);
  fac.socket.on('disconnect', (r) => console.log('DISCONNECT', r));
  const ctx = { itemId: randomUUID(), deletableItemId: randomUUID(), userId: w.member.user.id };
  for (const [i, type] of (Object.keys(STEERING_COMMANDS) as LiveCommandType[]).entries()) {
    const payloads = malformed(LIVE_COMMANDS[type].payload, SAMPLES[type](ctx) as Record<string, unknown>, 1000, 1000 + i);
    let n = 0;
    for (const payload of payloads) {
      const ack = await fac.socket.timeout(5000).emitWithAck('meeting:command', { opId: randomUUID(), meetingId: w.meeting.id, type, payload } as never).catch((e) => ({ err: String(e) }));
      const a = ack as { ok?: boolean; error?: { code: string } };
      if (a.ok !== false || a.error?.code !== 'VALIDATION_FAILED') { console.log(type, JSON.stringify(a).slice(0, 200), JSON.stringify(payload).slice(0, 300)); if (++n > 2) break; }
      if (!fac.socket.connected) { console.log('disconnected at', type); return; }
    }
  }
  fac.close();
  await t.close();
}, 300000);
