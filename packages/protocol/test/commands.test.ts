/** The live command registry: every payload refuses fields it does not know (the server never stores extras). */
import type { z } from 'zod';
import { LIVE_COMMAND_TYPES, LIVE_COMMANDS, CommandEnvelope } from '../src/index.js';

/** The object shapes a payload accepts: the object itself, or each option of a union. */
function shapesOf(schema: z.ZodType): z.ZodType[] {
  const def = schema._zod.def as { type: string; options?: z.ZodType[] };
  if (def.type === 'union') return def.options!.flatMap(shapesOf);
  return [schema];
}

const cases = LIVE_COMMAND_TYPES.flatMap((type) =>
  shapesOf(LIVE_COMMANDS[type].payload).map((shape, i) => [`${type} (shape ${i + 1})`, shape] as const),
);

test('every command is in the list, with a rule', () => {
  expect(LIVE_COMMAND_TYPES).toEqual(Object.keys(LIVE_COMMANDS));
  for (const type of LIVE_COMMAND_TYPES) expect(['member', 'facilitator']).toContain(LIVE_COMMANDS[type].rule);
});

test.each(cases)('%s is an object that rejects an unknown field', (_name, shape) => {
  expect((shape._zod.def as { type: string }).type).toBe('object');
  const result = shape.safeParse({ unexpected: 1 });
  expect(result.success).toBe(false);
  expect(result.error?.issues).toContainEqual(
    expect.objectContaining({ code: 'unrecognized_keys', keys: ['unexpected'] }),
  );
});

test('a valid payload with one field too many is refused as a whole', () => {
  const ok = { text: 'Gloves', kind: 'note' };
  expect(LIVE_COMMANDS['item.add'].payload.safeParse(ok).success).toBe(true);
  expect(
    LIVE_COMMANDS['item.add'].payload.safeParse({ ...ok, authorId: '00000000-0000-4000-8000-000000000001' }).success,
  ).toBe(false);
  expect(LIVE_COMMANDS['checkin.answer'].payload.safeParse({ pass: true }).success).toBe(true);
  expect(LIVE_COMMANDS['checkin.answer'].payload.safeParse({ pass: true, text: 'both' }).success).toBe(false);
  expect(LIVE_COMMANDS['meeting.end'].payload.safeParse({}).success).toBe(true);
  expect(LIVE_COMMANDS['meeting.end'].payload.safeParse({ force: true }).success).toBe(false);
});

test('the envelope is strict too', () => {
  const envelope = {
    opId: '00000000-0000-4000-8000-000000000001',
    meetingId: '00000000-0000-4000-8000-000000000002',
    type: 'hand.raise',
    payload: {},
  };
  expect(CommandEnvelope.safeParse(envelope).success).toBe(true);
  expect(CommandEnvelope.safeParse({ ...envelope, userId: envelope.opId }).success).toBe(false);
});
